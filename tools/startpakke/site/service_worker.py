"""The site's service worker and web app manifest, written after each web build.

`sw.js` loads Workbox (vendored from npm by scripts/vendor-workbox) and our worker (worker/), with the
list of what «Last ned kurset» stores for each language's tree: its pages, scripts, styles, search
index, posters and captions, each with a revision (the hash of its bytes), and, as a separate list,
the smallest rendition of each video; and the page that says, in the tree's language, that a page is
not stored. A build that changes a card changes some revisions and so
sw.js: browsers install the new worker, which fetches only what changed. `offline.json` tells the
page how much each list takes. Copies with file addresses (offline zip, learning platforms) have no
worker: browsers do not run one from disk, and a platform serves its packages itself.
"""

from __future__ import annotations

import hashlib
import json
from html import escape
import re
from pathlib import Path
from typing import Any

from ..files import files_below
from ..i18n import catalog

WORKER = "sw.js"
SIZES = "offline.json"
MANIFEST = "manifest.webmanifest"
VENDOR = Path(__file__).parent / "vendor" / "workbox"
OWN = Path(__file__).parent / "worker" / "startpakke-worker.js"
WORKER_FILES = {
    **{f"assets/vendor/workbox/{path.name}": path for path in sorted(VENDOR.glob("*.js"))},
    "assets/worker/startpakke-worker.js": OWN,
}
"""What the worker loads, published with the site (publication.py adds them to a web build)."""
NOT_STORED = re.compile(r"(^|/)(sw\.js|sitemap\.xml\.gz)$|\.(map|pdf|mp4)$|^admin/")
"""Not stored for use without network: the worker, source maps, printables (the offline zip
has them), videos (a list of their own) and the editor. sitemap.xml is: instant navigation reads it."""
LUNR = re.compile(r"assets/javascripts/lunr/(min/lunr\.(?P<language>[\w.]+)\.min|(?P<segmenter>tinyseg|wordcut))\.js$")
RENDITION = re.compile(r"^media/videos/(?P<slug>.+)-(?P<height>\d+)p-[0-9a-f]+\.mp4$")
THEME_COLOUR = "#1d5c58"
"""The header's colour (startpakke.css), for the browser's bar and the installed app."""


def write_offline_files(site: Path, trees: dict[str, tuple[str, str]]) -> None:
    """sw.js and offline.json at the site root, and a manifest.webmanifest in each language's tree.
    `trees`: each tree ("" for the source language, `se/`…) with the course's title and language there."""
    files = [name for name in files_below(site) if name not in (WORKER, SIZES)]
    storable = [name for name in files if not NOT_STORED.search(name)]
    revision = {name: _revision(site / name) for name in storable}  # each file hashed once
    size = {name: (site / name).stat().st_size for name in files}
    shared = [name for name in storable if name.startswith("media/")]  # the videos' posters and captions
    videos = _smallest_renditions(files)
    lists: dict[str, Any] = {}
    sizes: dict[str, Any] = {}
    for tree in trees:
        search = _search_languages(site / tree)
        mine = [name for name in storable if _in_tree(name, tree, trees) and _searched_in(name, search)]
        stored = sorted(set(mine) | set(shared))
        lists[tree] = {"pages": [{"url": name, "revision": revision[name]} for name in stored],
                       "videos": [{"url": name, "revision": None} for name in videos]}
        sizes[tree] = {"pages": sum(size[name] for name in stored), "videos": sum(size[name] for name in videos)}
    # The sizes come with the stored course too: the home page shows them, and the choice, offline.
    (site / SIZES).write_text(json.dumps(sizes), encoding="utf-8")
    sizes_entry = {"url": SIZES, "revision": _revision(site / SIZES)}
    for tree in trees:
        lists[tree]["pages"].append(sizes_entry)
    for tree, (title, language) in trees.items():
        lists[tree]["offline"] = offline_page(title, language)
    version = hashlib.sha256(json.dumps(lists, sort_keys=True).encode()).hexdigest()[:16]
    (site / WORKER).write_text(worker_script({"version": version, "trees": lists}), encoding="utf-8")
    for tree, (title, language) in trees.items():
        (site / tree / MANIFEST).write_text(web_manifest(title, language), encoding="utf-8")


def offline_page(title: str, language: str) -> str:
    """What the worker answers, in the tree's language, for a page that is neither stored nor reachable,
    instead of the browser's own error. `{home}` is the tree's start page: the worker knows where it is."""
    _ = catalog(language).gettext
    heading = _("This page is not stored in this browser")
    text = _("You are offline, and this page was not opened or downloaded in this browser before. The pages "
             "you have opened work without network, and «%(download)s» on the start page stores the whole "
             "course.") % {"download": _("Download the course")}
    home = _("To the start page")
    return ('<!doctype html>\n'
            f'<html lang="{escape(language)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(heading)} · {escape(title)}</title><style>"
            "body{margin:0;font:1.05rem/1.6 system-ui,sans-serif;color:#1f2328}"
            f"header{{background:{THEME_COLOUR};color:#fff;padding:.8rem 1.2rem;font-weight:600}}"
            f"main{{max-width:36rem;padding:1.2rem}}h1{{font-size:1.5rem;line-height:1.3}}"
            f"a{{color:{THEME_COLOUR};font-weight:600}}</style></head>"
            f"<body><header>{escape(title)}</header><main><h1>{escape(heading)}</h1><p>{escape(text)}</p>"
            f'<p><a href="{{home}}">{escape(home)}</a></p></main></body></html>\n')


def worker_script(files: dict[str, Any]) -> str:
    # JSON in a script: no `<` matters in a worker, but U+2028/2029 would end a line in older engines.
    data = json.dumps(files, separators=(",", ":")).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return ('importScripts("assets/vendor/workbox/workbox-sw.js");\n'
            'workbox.setConfig({ modulePathPrefix: "assets/vendor/workbox/", debug: false });\n'
            f"self.startpakkeFiles = {data};\n"
            'importScripts("assets/worker/startpakke-worker.js");\n')


def unregistering_worker() -> str:
    """For `serve`: a worker that removes itself, so a browser that once installed the built site's
    worker at this address shows the editor's live pages, not stored ones."""
    return ('self.addEventListener("install", function () { self.skipWaiting(); });\n'
            'self.addEventListener("activate", function () { self.registration.unregister(); });\n')


def web_manifest(title: str, language: str) -> str:
    """Installable: the course's name, its start page and the logo, in the tree's language."""
    return json.dumps({
        "name": title,
        "short_name": title if len(title) <= 12 else title.split()[0],
        "lang": language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [{"src": "assets/icon-192.png", "sizes": "192x192", "type": "image/png"},
                  {"src": "assets/icon-512.png", "sizes": "512x512", "type": "image/png"},
                  {"src": "assets/logo.svg", "sizes": "any", "type": "image/svg+xml"}],
    }, ensure_ascii=False, indent=2)


def _in_tree(name: str, tree: str, trees: dict[str, Any]) -> bool:
    if tree:
        return name.startswith(tree)
    return not any(other and name.startswith(other) for other in trees)


def _search_languages(tree: Path) -> list[str]:
    index = tree / "search" / "search_index.json"
    return json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] if index.is_file() else []


def _searched_in(name: str, languages: list[str]) -> bool:
    """Of Material's search stemmers (900 KB for 30 languages), only the tree's own are stored."""
    match = LUNR.search(name)
    if not match:
        return True
    if match["segmenter"]:  # for Japanese, Chinese and Thai
        return bool({"ja", "zh", "th"} & set(languages))
    return match["language"] in ("stemmer.support", "multi", *languages)


def _smallest_renditions(files: list[str]) -> list[str]:
    smallest: dict[str, tuple[int, str]] = {}
    for name in files:
        match = RENDITION.match(name)
        if match:
            height = int(match["height"])
            if match["slug"] not in smallest or height < smallest[match["slug"]][0]:
                smallest[match["slug"]] = (height, name)
    return sorted(name for _, name in smallest.values())


def _revision(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
