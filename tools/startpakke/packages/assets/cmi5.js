/* cmi5 for the launch page (launch.js), through the vendored cmi5 client library (window.Cmi5):
 * it fetches the auth token, reads LMS.LaunchData and sends «initialized». Then «progressed» each
 * time the learner passes another tenth of the course, «completed» (and «passed» or «failed» when
 * the platform set a mastery score) once every module is complete, in Normal launch mode only, and
 * «terminated» last. Progress and the page she is on are kept in the xAPI State API, under this
 * course's own state id. Statements go out one after the other, in the order they happen. */
(function () {
  "use strict";
  var STATE = "startpakke:progress";
  var cmi5 = null, queue = Promise.resolve(), kept = { progress: null, location: "" };
  var sent = { completed: false, judged: false, percent: -1 };

  function later(step) {
    queue = queue.then(step).then(null, function (error) { console.error(error); });
    return queue;
  }

  function where() {
    var launch = cmi5.getLaunchParameters();
    return { agent: launch.actor, activityId: launch.activityId, registration: launch.registration, stateId: STATE };
  }

  function keep() {
    var state = JSON.parse(JSON.stringify(kept));
    return later(function () {
      return cmi5.xapi.setState(Object.assign(where(), { state: state, contentType: "application/json" }));
    });
  }

  function normal() { return cmi5.getLaunchData().launchMode === "Normal"; }

  function report(result) {
    if (!normal()) return;
    if (result.complete && !sent.completed) {
      sent.completed = true;
      later(function () { return cmi5.complete(); });
    } else if (!result.complete && Math.floor(result.percent / 10) > Math.floor(sent.percent / 10)) {
      sent.percent = result.percent;  // at each tenth of the way: enough for a report, few for the LRS
      later(function () { return cmi5.progress(result.percent); });
    }
    var mastery = cmi5.getLaunchData().masteryScore;
    if (result.complete && !sent.judged && typeof mastery === "number" && result.score !== null) {
      sent.judged = true;
      var score = { scaled: result.score / 100, raw: result.score, min: 0, max: 100 };
      later(function () { return result.score / 100 >= mastery ? cmi5.pass(score) : cmi5.fail(score); });
    }
  }

  var adapter = window.startpakkeAdapter = {
    start: function () {
      if (!window.Cmi5 || !window.Cmi5.isCmiAvailable) return Promise.reject(new Error("Not launched by a cmi5 platform."));
      cmi5 = new window.Cmi5();
      return cmi5.initialize().then(function () {
        adapter.exit = cmi5.getLaunchData().returnURL || null;
        return cmi5.xapi.getState(where()).then(function (response) {
          var state = response.data || {};
          kept = { progress: state.progress || null, location: typeof state.location === "string" ? state.location : "" };
          return kept;
        }, function (error) {
          if (error && error.response && error.response.status === 404) return kept;  // a first launch
          throw error;
        });
      });
    },
    save: function (progress, result) {
      kept.progress = progress;
      keep();
      report(result);
    },
    locate: function (key) {
      kept.location = key;
      keep();
    },
    finish: function (result) {
      report(result);
      return later(function () { return cmi5.terminate(); });
    }
  };
})();
