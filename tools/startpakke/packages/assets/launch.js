/* The launch page of a learning-platform package (lms.html). It holds the course's pages in a frame
 * and keeps the one session with the platform that they share: a page load inside the frame must not
 * end it. The pages reach it as parent.startpakkeLMS (assets/startpakke/lms.js installs it as their
 * progress store). An adapter speaks the platform's protocol (scorm12.js, cmi5.js):
 *
 *   adapter.start()               a Promise of { progress, location } kept from the last session;
 *                                 rejected when no platform launched the package
 *   adapter.save(progress, result) keeps the progress; result is what the rules below make of it
 *   adapter.locate(key)           keeps the page the learner is on (a key of startpakkeCourse.pages)
 *   adapter.finish(result)        ends the session; a Promise
 *   adapter.exit                  optional: where the platform wants the learner when she leaves
 *
 * The rules: the course is complete when every module is (all its pages seen, all its exercises
 * done); the score is the share of exercises done, 0–100; progress is the share of pages seen and
 * exercises done. Outside a platform the pages keep their progress in the browser as on the web. */
(function () {
  "use strict";
  var course = window.startpakkeCourse;
  var adapter = window.startpakkeAdapter;
  var frame = document.getElementById("sp-course");
  var words = (course.text && course.text.messages) || {};
  var progress = null, finished = null;

  function _(message) { return typeof words[message] === "string" ? words[message] : message; }

  function empty() { return { version: 1, visited: {}, exercises: {}, reflections: {} }; }

  function done(data, id) { return Boolean(data.exercises[id] && data.exercises[id].done); }

  function result(data) {
    var exercises = [].concat.apply([], course.modules.map(function (module) { return module.exercises; }));
    var complete = course.modules.every(function (module) {
      return module.pages.every(function (key) { return data.visited[key]; }) &&
        module.exercises.every(function (id) { return done(data, id); });
    });
    var exercisesDone = exercises.filter(function (id) { return done(data, id); }).length;
    var seen = course.pages.filter(function (key) { return data.visited[key]; }).length;
    return {
      complete: complete,
      score: exercises.length ? Math.round(100 * exercisesDone / exercises.length) : null,
      percent: Math.round(100 * (seen + exercisesDone) / (course.pages.length + exercises.length))
    };
  }

  /* A page's key, as progress.js makes it: its path below this page's folder, without index.html. */
  function keyOf(href) {
    var root = new URL("./", location.href).pathname, path = new URL(href, location.href).pathname;
    return decodeURIComponent(path.indexOf(root) === 0 ? path.slice(root.length) : path).replace(/index\.html$/, "");
  }

  function addressOf(key) {
    return (course.pages.indexOf(key) === -1 ? "" : key) + "index.html";
  }

  function finish() {
    if (!finished) finished = Promise.resolve(adapter.finish(result(progress || empty())));
    return finished;
  }

  function showExit(url) {
    var bar = document.getElementById("sp-launch-bar"), button = document.getElementById("sp-exit");
    button.textContent = _("Exit the course");
    button.addEventListener("click", function () {
      button.disabled = true;
      finish().then(null, function (error) { console.error(error); }).then(function () {
        window.location.assign(url);
      });
    });
    bar.hidden = false;
  }

  adapter.start().then(function (kept) {
    progress = kept.progress;
    window.startpakkeLMS = {
      load: function () { return progress && JSON.parse(JSON.stringify(progress)); },
      save: function (data) {
        progress = JSON.parse(JSON.stringify(data));
        adapter.save(progress, result(progress));
      },
      locate: function (href) {
        var key = keyOf(href);
        if (course.pages.indexOf(key) !== -1) adapter.locate(key);
      }
    };
    window.addEventListener("pagehide", finish);
    if (adapter.exit) showExit(adapter.exit);
    frame.src = addressOf(kept.location || "");
  }, function (error) {
    // Not launched by a platform (or it refused): the course as it is on the web.
    console.info(error && error.message ? error.message : error);
    frame.src = "index.html";
  });
})();
