"""Method videos: probe, caption, transcode and publish them for learners on slow connections.

One concern per module:
- `tool`: which ffmpeg binary runs, and its version (part of every manifest key).
- `probe`: what a file holds (PyAV, never ffmpeg's log).
- `captions`: read .vtt/.srt, validate, convert to WebVTT, make a transcript.
- `loudness`: measure EBU R128 loudness (pass one of the two-pass loudnorm).
- `renditions`: the encoding settings and which renditions a source gets.
- `encode`: the ffmpeg commands (ffmpeg-python) and running them with progress.
- `manifest`: build/media/manifest.json, the data interface the site reads.
- `pipeline`: `startpakke video`: incremental, safe, one problem per broken video.
- `status`: the `check` warning for missing or stale renditions.
- `add`: `startpakke video add`: copy a source in and link it from its card.
- `player`: the accessible HTML player and transcript for the method page.
"""
