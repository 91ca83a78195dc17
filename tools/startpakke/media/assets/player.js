// Quality choice for Startpakke's method videos: low, medium (default) or high, remembered across pages.
// On a slow connection, or when the learner's browser asks to save data, the player starts with the
// lowest quality instead, until the learner picks one herself.
// Without this script the player still works (medium quality, captions, download link, transcript).
// Needs the bootstrap, startpakke.js, loaded before it.
(function () {
  "use strict";
  var KEY = "startpakke.videoQuality";

  function sourcesOf(player) {
    try { return JSON.parse(player.getAttribute("data-sp-sources")) || []; } catch (e) { return []; }
  }

  function setQuality(player, quality, keepPlace) {
    var choice = sourcesOf(player).filter(function (s) { return s.quality === quality; })[0];
    var select = player.querySelector("select[data-sp-quality]");
    if (!choice || !select) { return; }
    select.value = quality;
    var link = player.querySelector("[data-sp-download]");
    if (link) {
      link.href = choice.src;
      var label = link.querySelector("[data-sp-download-label]");
      if (label) { label.textContent = choice.download; }
    }
    var video = player.querySelector("video");
    var source = video.querySelector("source");
    if (source.getAttribute("src") === choice.src) { return; }
    var time = video.currentTime, playing = !video.paused;
    source.setAttribute("src", choice.src);
    video.load();
    if (keepPlace && time > 0) {
      video.addEventListener("loadedmetadata", function once() {
        video.removeEventListener("loadedmetadata", once);
        video.currentTime = time;
        if (playing) { video.play(); }
      });
    }
  }

  // The browser's own judgement of the connection (Chromium's Network Information API); elsewhere unknown.
  function constrained() {
    var connection = navigator.connection;
    return !!connection && (connection.saveData === true || /^(slow-2g|2g|3g)$/.test(connection.effectiveType || ""));
  }

  function setUp(player) {
    var slot = player.querySelector("[data-sp-quality-slot]");
    var sources = sourcesOf(player);
    if (!slot || sources.length < 2) { return; }
    var label = document.createElement("label");
    var select = document.createElement("select");
    select.setAttribute("data-sp-quality", "");
    sources.forEach(function (s) { select.add(new Option(s.label, s.quality)); });
    select.value = player.getAttribute("data-sp-default");
    label.append(Startpakke._("Quality") + " ", select);
    slot.append(label);
    var wanted = Startpakke.storage.get(KEY) || (constrained() ? sources[0].quality : null);
    if (wanted) { setQuality(player, wanted, false); }
    select.addEventListener("change", function () {
      Startpakke.storage.set(KEY, select.value);
      document.querySelectorAll("[data-sp-video]").forEach(function (other) {
        setQuality(other, select.value, other === player);
      });
    });
  }

  Startpakke.mount("video", setUp);
})();
