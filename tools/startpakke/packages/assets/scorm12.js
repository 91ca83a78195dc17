/* SCORM 1.2 for the launch page (launch.js): finds the platform's API the standard way, in this
 * window's parents and then its opener's, and keeps the learner's progress in cmi.suspend_data,
 * her page in cmi.core.lesson_location. suspend_data holds at most 4096 characters, so progress is
 * kept as bits: one per page seen, two per exercise (done, answered right), six to a character. The
 * reflections' free text stays in this browser: it is the learner's own and would not fit. */
(function () {
  "use strict";
  var course = window.startpakkeCourse;
  var LIMIT = 4096;
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var exercises = [].concat.apply([], course.modules.map(function (module) { return module.exercises; }));
  var reflectionsKey = "startpakke:" + course.id + ":reflections";
  var api = null, started = 0;

  function findIn(win) {
    for (var level = 0; win && level < 8; level++) {
      try { if (win.API) return win.API; } catch (error) { /* another site's window */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  /* The course's shape: progress kept for another version of the course is not read as this one's. */
  function fingerprint() {
    var text = course.pages.concat(exercises).join("\n"), hash = 2166136261;
    for (var i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
    return hash.toString(36);
  }

  function pack(flags) {
    var out = "";
    for (var i = 0; i < flags.length; i += 6) {
      var value = 0;
      for (var bit = 0; bit < 6; bit++) if (flags[i + bit]) value |= 1 << bit;
      out += DIGITS.charAt(value);
    }
    return out;
  }

  function unpack(text, count) {
    var flags = [];
    for (var i = 0; i < count; i++) flags.push(Boolean(DIGITS.indexOf(text.charAt(Math.floor(i / 6))) >> (i % 6) & 1));
    return flags;
  }

  function encode(data) {
    var result = function (id) { return data.exercises[id] || {}; };
    return ["1", fingerprint(),
      pack(course.pages.map(function (key) { return data.visited[key]; })),
      pack(exercises.map(function (id) { return result(id).done; })),
      pack(exercises.map(function (id) { return result(id).correct === true; }))].join(".");
  }

  function decode(text) {
    var parts = String(text || "").split(".");
    if (parts.length !== 5 || parts[0] !== "1" || parts[1] !== fingerprint()) return null;
    var visited = unpack(parts[2], course.pages.length), done = unpack(parts[3], exercises.length),
      right = unpack(parts[4], exercises.length);
    var data = { version: 1, visited: {}, exercises: {}, reflections: readReflections() };
    course.pages.forEach(function (key, i) { if (visited[i]) data.visited[key] = true; });
    exercises.forEach(function (id, i) {
      if (done[i] || right[i]) data.exercises[id] = { done: done[i], correct: right[i] ? true : done[i] ? null : false };
    });
    return data;
  }

  function readReflections() {
    try { return JSON.parse(window.localStorage.getItem(reflectionsKey)) || {}; } catch (error) { return {}; }
  }

  function keepReflections(reflections) {
    try { window.localStorage.setItem(reflectionsKey, JSON.stringify(reflections || {})); } catch (error) { /* off */ }
  }

  function get(name) { return String(api.LMSGetValue(name) || ""); }
  function set(name, value) { api.LMSSetValue(name, String(value)); }

  /* CMITimespan: HHHH:MM:SS.SS */
  function timespan(milliseconds) {
    var centiseconds = Math.round(milliseconds / 10), two = function (n) { return (n < 10 ? "0" : "") + n; };
    var hours = Math.floor(centiseconds / 360000), minutes = Math.floor(centiseconds / 6000) % 60;
    var seconds = Math.floor(centiseconds / 100) % 60, rest = centiseconds % 100;
    return ("000" + hours).slice(-4) + ":" + two(minutes) + ":" + two(seconds) + "." + two(rest);
  }

  function report(result) {
    if (result.score !== null) {
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      set("cmi.core.score.raw", result.score);
    }
    // Completed stays completed; until then the course is incomplete.
    if (result.complete) set("cmi.core.lesson_status", "completed");
  }

  window.startpakkeAdapter = {
    start: function () {
      api = findIn(window) || (window.opener ? findIn(window.opener) : null);
      if (!api) return Promise.reject(new Error("No SCORM 1.2 API (window.API) in this window's parents or opener."));
      if (String(api.LMSInitialize("")) !== "true") {
        return Promise.reject(new Error("LMSInitialize failed: error " + api.LMSGetLastError()));
      }
      started = Date.now();
      var status = get("cmi.core.lesson_status");
      if (status === "" || status === "not attempted") set("cmi.core.lesson_status", "incomplete");
      api.LMSCommit("");
      return Promise.resolve({ progress: decode(get("cmi.suspend_data")), location: get("cmi.core.lesson_location") });
    },
    save: function (data, result) {
      var text = encode(data);
      if (text.length > LIMIT) throw new Error("Progress needs " + text.length + " characters; SCORM 1.2 keeps " + LIMIT + ".");
      keepReflections(data.reflections);
      set("cmi.suspend_data", text);
      report(result);
      api.LMSCommit("");
    },
    locate: function (key) {
      set("cmi.core.lesson_location", key);
      api.LMSCommit("");
    },
    finish: function (result) {
      report(result);
      set("cmi.core.session_time", timespan(Date.now() - started));
      // Suspended, the platform resumes the attempt where she left; a completed course is left as done.
      set("cmi.core.exit", result.complete ? "" : "suspend");
      api.LMSCommit("");
      api.LMSFinish("");
    }
  };
})();
