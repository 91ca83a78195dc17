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
- `status`: what `check` says about missing or stale renditions and a poster time past the end.
- `poster`: which frame becomes the poster.
- `add`: `startpakke video add`: copy a source in and link it from its card.
- `player`: the accessible HTML player and transcript for the method page.
- `commands`: what the `startpakke video` commands print, and their exit codes.

For the site (the data interface):
- `manifest.load_manifest(project) -> Manifest`; `Manifest.videos[slug] -> VideoEntry` with
  `renditions` (name: the short side, e.g. 360p/540p/720p or a small source's 478p; quality
  low/medium/high, only those the source is large enough for; width, height, path, bytes), `poster`
  (path, at, width, height), `captions` (lang, label, path; WebVTT) and `duration`, `title`.
  Every `path` is relative to build/media/ (`project.media_build`); `Manifest.files()` lists them all.
  Copy build/media/videos/ to the published media folder, e.g. site/media/videos/.
- `player.render_player(player_for(entry, media_url, catalog, transcript, title), language) -> str`:
  the player HTML for a method page: the poster, the length (shown before play), captions, a download
  link and the transcript. `media_url` is the URL of the published build/media/ as seen from that
  page, e.g. `../media/`; `player.transcript_for(project, entry, language)` gives the transcript.
- `player.asset_files()`: player.js (quality choice, remembered; it starts from the site's
  startpakke.js) and player.css, for the site to publish and link after its own scripts.
- `status.check_renditions(loaded)`: notes, once, the videos whose renditions are missing or stale;
  `status.check_poster_times(loaded)` warns at a `poster_at` past the end of an encoded video.
"""
