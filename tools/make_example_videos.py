#!/usr/bin/env python3
"""Make the example method videos and their Norwegian captions, reproducibly.

    python3 tools/make_example_videos.py            # writes media/videos/<slug>.mp4 and <slug>.nb.vtt

Each video is a short illustrated walk-through of a method: slides drawn with Pillow, narration spoken
by espeak-ng's Norwegian bokmål voice, and captions timed to each spoken sentence, so the captions say
exactly what is said. `prototype` is stored the way a phone stores a portrait video (landscape pixels
plus a display rotation), so the examples also show that the pipeline turns it upright.

Needs: espeak-ng (`apt-get install espeak-ng`), the DejaVu fonts (`fonts-dejavu-core`), Pillow
(`pip install -e '.[examples]'`) and the ffmpeg from imageio-ffmpeg. Same tools, same bytes: x264 runs
single-threaded and every output is written bit-exact, without dates or encoder tags.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import textwrap
import wave
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from startpakke.files import copy_atomic, write_atomic  # noqa: E402
from startpakke.media.tool import ffmpeg_exe  # noqa: E402

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
LEAD_IN, GAP, TAIL = 0.8, 0.6, 1.0
"""Seconds of quiet before the first sentence, between sentences and after the last."""
CAPTION_LINE = 42
"""Characters per caption line; two lines at most (common practice for readable captions)."""
FPS = 25


@dataclass(frozen=True)
class Example:
    slug: str
    title: str
    colour: str
    portrait: bool
    sentences: tuple[str, ...]
    labels: tuple[str, ...]
    """The words on each slide (the narration is in the captions, not repeated on screen)."""


EXAMPLES = (
    Example(
        "interessentkart", "Interessentkart", "#e8f1f8", False,
        (
            "Et interessentkart viser hvem som berøres av utfordringen dere jobber med.",
            "Skriv utfordringen midt på et stort ark, og tegn tre ringer rundt den.",
            "Hver deltaker skriver navn på lapper, ett navn per lapp, i stillhet.",
            "Legg dem som berøres direkte, i den innerste ringen.",
            "Dem som kan påvirke saken, legger dere i ringen utenfor.",
            "Se til slutt etter hull: Hvem hører dere sjelden fra?",
            "Velg tre til fem interessenter dere vil snakke med først.",
        ),
        ("Hvem berøres?", "Utfordringen i midten", "Ett navn per lapp", "Berøres direkte",
         "Kan påvirke saken", "Hvem mangler?", "Hvem snakker vi med først?"),
    ),
    Example(
        "utforskende-samtale", "Utforskende samtale", "#f6efe4", False,
        (
            "I en utforskende samtale er målet å lytte, ikke å selge en idé.",
            "Avtal en samtale med en forening eller en innbygger i nærmiljøet.",
            "Start med åpne spørsmål, for eksempel: Fortell om en vanlig uke.",
            "Spør videre når noe blir interessant: Hvorfor er det viktig for deg?",
            "Tål stillhet. Ofte kommer det beste svaret etter en pause.",
            "Skriv ned sitater og observasjoner rett etter samtalen.",
        ),
        ("Lytt mer enn du snakker", "Avtal en samtale", "«Fortell om en vanlig uke»",
         "«Hvorfor er det viktig?»", "Tål stillhet", "Skriv ned med en gang"),
    ),
    Example(
        "prototype", "Prototype", "#eef5ea", True,
        (
            "En prototype er en enkel versjon av ideen som folk kan prøve.",
            "Bruk papir, papp, tusj og teip. Det skal gå fort og koste lite.",
            "Vis prototypen til noen som skal bruke tilbudet.",
            "Be dem prøve den mens de tenker høyt, og ikke forklar for mye.",
            "Noter hva som fungerer, og hva som må endres.",
            "Lag en ny versjon, og test igjen.",
        ),
        ("En idé folk kan prøve", "Papir, papp og teip", "Vis den fram", "Tenk høyt",
         "Hva fungerer?", "Ny versjon, ny test"),
    ),
)


# --- narration --------------------------------------------------------------------------------------


def speak(text: str, path: Path) -> float:
    """Norwegian bokmål speech as WAV; returns its length in seconds."""
    subprocess.run(["espeak-ng", "-v", "nb", "-s", "150", "-w", str(path), text], check=True)
    with wave.open(str(path)) as audio:
        return audio.getnframes() / audio.getframerate()


def narration(example: Example, work: Path) -> tuple[Path, list[tuple[float, float]], float]:
    """One WAV with every sentence and the pauses; the (start, end) of each sentence; total length."""
    spoken = []
    for index, sentence in enumerate(example.sentences):
        part = work / f"sentence-{index}.wav"
        spoken.append((part, speak(sentence, part)))
    with wave.open(str(spoken[0][0])) as first:
        params = first.getparams()
    rate, width = params.framerate, params.sampwidth * params.nchannels
    silence = lambda seconds: b"\0" * (round(seconds * rate) * width)  # noqa: E731
    frames, times, clock = [silence(LEAD_IN)], [], LEAD_IN
    for part, length in spoken:
        with wave.open(str(part)) as audio:
            frames.append(audio.readframes(audio.getnframes()))
        times.append((clock, clock + length))
        clock += length + GAP
        frames.append(silence(GAP))
    total = clock - GAP + TAIL
    frames[-1] = silence(TAIL)
    out = work / "narration.wav"
    with wave.open(str(out), "wb") as audio:
        audio.setparams(params)
        audio.writeframes(b"".join(frames))
    return out, times, total


def captions(example: Example, times: list[tuple[float, float]]) -> str:
    cues = ["WEBVTT", ""]
    for sentence, (start, end) in zip(example.sentences, times):
        lines = textwrap.wrap(sentence, CAPTION_LINE)
        assert len(lines) <= 2, f"split the sentence, it needs {len(lines)} caption lines: {sentence}"
        cues += [f"{clock(start)} --> {clock(end + 0.2)}", *lines, ""]
    return "\n".join(cues)


def clock(seconds: float) -> str:
    millis = round(seconds * 1000)
    return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


# --- slides -----------------------------------------------------------------------------------------


def slide(example: Example, step: int, size: tuple[int, int]) -> Image.Image:
    width, height = size
    image = Image.new("RGB", size, example.colour)
    draw = ImageDraw.Draw(image)
    unit = min(width, height) / 720
    title = ImageFont.truetype(FONT_BOLD, round(44 * unit))
    label = ImageFont.truetype(FONT_BOLD, round(38 * unit))
    small = ImageFont.truetype(FONT, round(24 * unit))
    draw.rectangle((0, 0, width, round(96 * unit)), fill="#1f3a5f")
    draw.text((round(40 * unit), round(22 * unit)), example.title, font=title, fill="white")
    counter = f"{step + 1}/{len(example.sentences)}"
    draw.text((width - round(40 * unit), round(34 * unit)), counter, font=small, fill="white", anchor="ra")
    draw.text((width / 2, round(150 * unit)), example.labels[step], font=label, fill="#1f3a5f", anchor="mm")
    box = (round(60 * unit), round(200 * unit), width - round(60 * unit), height - round(150 * unit))
    {"interessentkart": _map, "utforskende-samtale": _talk, "prototype": _prototype}[example.slug](
        draw, box, step, small)
    return image


def _map(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], step: int,
         font: ImageFont.FreeTypeFont) -> None:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    r = (box[3] - box[1]) / 2
    if step >= 1:
        for share, colour in ((1.0, "#c9dcec"), (0.68, "#a9c6df"), (0.36, "#87b0d2")):
            draw.ellipse((cx - r * share * 1.6, cy - r * share, cx + r * share * 1.6, cy + r * share),
                         fill=colour, outline="#1f3a5f", width=2)
    draw.rounded_rectangle((cx - 130, cy - 24, cx + 130, cy + 24), 8, fill="white", outline="#1f3a5f")
    draw.text((cx, cy), "Flere barnefamilier", font=font, fill="#1f3a5f", anchor="mm")
    notes = [("Foreldre", -0.42, -0.55, 3), ("Barnehagen", 0.45, 0.5, 3), ("Skolen", -0.75, 0.45, 4),
             ("Idrettslaget", 0.85, -0.45, 4), ("Kommunen", -1.25, -0.2, 4), ("Frisøren", 1.3, 0.15, 5)]
    for index, (name, dx, dy, shown) in enumerate(notes):
        if step < 2:
            break
        x, y = (cx + dx * r, cy + dy * r) if step >= shown else (box[0] + 90 + index * 150, box[3] - 10)
        chosen = step >= 6 and name in {"Foreldre", "Skolen", "Frisøren"}
        draw.rectangle((x - 68, y - 20, x + 68, y + 20), fill="#ffe680",
                       outline="#2e7d32" if chosen else "#b8a040", width=5 if chosen else 1)
        draw.text((x, y), name, font=font, fill="#333333", anchor="mm")
    if step >= 5:
        draw.text((cx + 1.35 * r, cy - 0.75 * r), "?", font=font, fill="#c62828", anchor="mm")
        draw.text((cx - 1.45 * r, cy + 0.7 * r), "?", font=font, fill="#c62828", anchor="mm")


def _talk(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], step: int,
          font: ImageFont.FreeTypeFont) -> None:
    left, right = box[0] + (box[2] - box[0]) * 0.28, box[0] + (box[2] - box[0]) * 0.72
    base = box[3] - 20
    for x, colour in ((left, "#5c7cfa"), (right, "#f08c00")):
        draw.ellipse((x - 40, base - 210, x + 40, base - 130), fill=colour)
        draw.rounded_rectangle((x - 70, base - 120, x + 70, base), 30, fill=colour)
    bubbles = {1: (left, "Har du tid til en prat?"), 2: (left, "Fortell om en vanlig uke"),
               3: (left, "Hvorfor er det viktig?"), 4: (right, "...")}
    if step in bubbles:
        x, text = bubbles[step]
        draw.rounded_rectangle((x - 170, box[1] + 10, x + 170, box[1] + 80), 20, fill="white",
                               outline="#333333", width=2)
        draw.text((x, box[1] + 45), text, font=font, fill="#333333", anchor="mm")
    if step == 0:
        draw.text((right, box[1] + 45), "lytter", font=font, fill="#333333", anchor="mm")
    if step == 5:
        draw.rectangle((right - 120, box[1], right + 120, box[1] + 120), fill="white", outline="#333333")
        for row in range(3):
            draw.line((right - 100, box[1] + 30 + row * 30, right + 90, box[1] + 30 + row * 30),
                      fill="#999999", width=3)


def _prototype(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], step: int,
               font: ImageFont.FreeTypeFont) -> None:
    cx = (box[0] + box[2]) / 2
    top = box[1] + max(20, (box[3] - box[1] - 600) / 2)  # the drawing is 600 px tall: centre it
    draw.rectangle((cx - 200, top, cx + 200, top + 300), fill="white", outline="#6d4c41", width=4)
    draw.text((cx, top + 40), "Lesesirkel", font=font, fill="#333333", anchor="mm")
    draw.text((cx, top + 80), "for nye i bygda", font=font, fill="#333333", anchor="mm")
    if step >= 1:
        draw.rectangle((cx - 150, top + 120, cx + 150, top + 200), fill="#d7ccc8")
        draw.line((cx - 210, top - 10, cx - 150, top + 20), fill="#bdbdbd", width=14)
    if step >= 2:
        draw.ellipse((cx - 40, top + 360, cx + 40, top + 440), fill="#5c7cfa")
        draw.rounded_rectangle((cx - 70, top + 450, cx + 70, top + 580), 30, fill="#5c7cfa")
    if step >= 3:
        draw.rounded_rectangle((cx + 60, top + 330, cx + 260, top + 390), 20, fill="white", outline="#333333")
        draw.text((cx + 160, top + 360), "Hmm, når?", font=font, fill="#333333", anchor="mm")
    if step >= 4:
        draw.text((cx - 230, top + 250), "✓", font=font, fill="#2e7d32", anchor="mm")
        draw.text((cx + 230, top + 160), "✗", font=font, fill="#c62828", anchor="mm")
    if step >= 5:
        draw.text((cx, top + 250), "Versjon 2", font=font, fill="#2e7d32", anchor="mm")


# --- video ------------------------------------------------------------------------------------------


def make(example: Example, out_dir: Path) -> tuple[Path, Path]:
    exe = ffmpeg_exe()
    size = (720, 1280) if example.portrait else (1280, 720)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        audio, times, total = narration(example, work)
        starts = [0.0] + [start - GAP / 2 for start, _ in times[1:]]
        listing = ["ffconcat version 1.0"]
        for step, start in enumerate(starts):
            image = slide(example, step, size)
            if example.portrait:
                image = image.transpose(Image.Transpose.ROTATE_270)  # stored as a phone stores it
            path = work / f"slide-{step}.png"
            image.save(path)
            end = starts[step + 1] if step + 1 < len(starts) else total
            listing += [f"file '{path.name}'", f"duration {end - start:.3f}"]
        listing.append(f"file 'slide-{len(starts) - 1}.png'")
        (work / "slides.ffconcat").write_text("\n".join(listing) + "\n", encoding="utf-8")
        encoded = work / "encoded.mp4"
        run(exe, "-f", "concat", "-safe", "0", "-i", str(work / "slides.ffconcat"), "-i", str(audio),
            "-map", "0:v", "-map", "1:a", "-t", f"{total:.3f}",
            "-vf", f"fps={FPS},format=yuv420p", "-c:v", "libx264", "-preset", "medium", "-tune", "stillimage",
            "-crf", "30", "-threads", "1", "-c:a", "aac", "-b:a", "48k", "-ac", "1",
            "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
            "-map_metadata", "-1", str(encoded))
        video = out_dir / f"{example.slug}.mp4"
        if example.portrait:
            # The display matrix says "turn a quarter counter-clockwise": upright again for the viewer.
            rotated = work / "rotated.mp4"
            run(exe, "-display_rotation", "90", "-i", str(encoded), "-c", "copy", "-fflags", "+bitexact",
                "-map_metadata", "-1", str(rotated))
            encoded = rotated
        copy_atomic(encoded, video)
    caption_file = out_dir / f"{example.slug}.nb.vtt"
    write_atomic(caption_file, captions(example, times))
    return video, caption_file


def run(exe: str, *args: str) -> None:
    subprocess.run([exe, "-hide_banner", "-loglevel", "error", "-y", *args], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "media" / "videos")
    parser.add_argument("slugs", nargs="*", help="only these examples (default: all)")
    args = parser.parse_args()
    if not shutil.which("espeak-ng"):
        print("espeak-ng is missing: install it with `apt-get install espeak-ng`", file=sys.stderr)
        return 1
    total = 0
    for example in EXAMPLES:
        if args.slugs and example.slug not in args.slugs:
            continue
        video, caption_file = make(example, args.out)
        total += video.stat().st_size
        print(f"{video.relative_to(ROOT) if video.is_relative_to(ROOT) else video}: "
              f"{video.stat().st_size / 1e3:.0f} kB, captions {caption_file.name}")
    print(f"All sources together: {total / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
