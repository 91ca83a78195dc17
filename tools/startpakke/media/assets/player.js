// Quality choice for Startpakke's method videos: low, medium (default) or high, remembered across pages.
// Without this script the player still works (medium quality, captions, download link).
(function () {
  "use strict";
  var KEY = "startpakke.videoQuality";

  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }  // private mode
  }
  function remember(quality) {
    try { window.localStorage.setItem(KEY, quality); } catch (e) { /* not kept: fine */ }
  }

  function setQuality(figure, quality, keepPlace) {
    var select = figure.querySelector("[data-sp-quality]");
    var option = select && select.querySelector('option[value="' + quality + '"]');
    if (!option) { return; }
    select.value = quality;
    var video = figure.querySelector("video");
    var source = video.querySelector("source");
    var src = option.getAttribute("data-src");
    var link = figure.querySelector("[data-sp-download]");
    if (link) {
      link.href = src;
      var label = link.querySelector("[data-sp-download-label]");
      if (label) { label.textContent = option.getAttribute("data-download-label"); }
    }
    if (source.getAttribute("src") === src) { return; }
    var time = video.currentTime, playing = !video.paused;
    source.setAttribute("src", src);
    video.load();
    if (keepPlace && time > 0) {
      video.addEventListener("loadedmetadata", function once() {
        video.removeEventListener("loadedmetadata", once);
        video.currentTime = time;
        if (playing) { video.play(); }
      });
    }
  }

  function setUp(figure) {
    var select = figure.querySelector("[data-sp-quality]");
    if (!select || figure.hasAttribute("data-sp-ready")) { return; }
    figure.setAttribute("data-sp-ready", "");
    select.closest("label").hidden = false;
    var wanted = remembered();
    if (wanted) { setQuality(figure, wanted, false); }
    select.addEventListener("change", function () {
      remember(select.value);
      document.querySelectorAll("[data-sp-video]").forEach(function (other) {
        setQuality(other, select.value, other === figure);
      });
    });
  }

  function start() { document.querySelectorAll("[data-sp-video]").forEach(setUp); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
  // Material for MkDocs' instant navigation swaps pages without a reload.
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(start); }
})();
