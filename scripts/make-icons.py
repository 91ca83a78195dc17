"""Render docs/assets/logo.svg as the web app's icons (docs/assets/icon-192.png and icon-512.png), on
the header's colour, in Chromium: run again when the logo changes. python3 scripts/make-icons.py"""

from pathlib import Path

from playwright.sync_api import sync_playwright

ASSETS = Path(__file__).resolve().parent.parent / "docs" / "assets"

logo = (ASSETS / "logo.svg").read_text(encoding="utf-8").replace("<svg", '<svg width="100%" height="100%"', 1)
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
    for size in (192, 512):
        page = browser.new_page(viewport={"width": size, "height": size})
        page.set_content('<body style="margin:0;background:#1d5c58;display:flex;align-items:center;'
                         'justify-content:center;height:100vh"><div style="width:80%;height:80%">' + logo + "</div></body>")
        page.screenshot(path=str(ASSETS / f"icon-{size}.png"))
    browser.close()
