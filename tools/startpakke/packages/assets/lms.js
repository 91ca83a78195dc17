/* In a learning-platform package, every page of the course runs inside the launch page (lms.html),
 * which holds the session with the platform: its progress store becomes the pages' (see
 * startpakke.js), and each page tells it where the learner is. Loaded after course.js and before
 * startpakke.js. Opened any other way, the page keeps its progress in the browser. */
(function () {
  "use strict";
  var lms = null;
  try {
    lms = window.parent !== window ? window.parent.startpakkeLMS : null;
  } catch (error) { /* a frame of another site's page */ }
  if (!lms) return;
  window.startpakkeProgressStore = { load: lms.load, save: lms.save };
  document.documentElement.classList.add("sp-in-platform");  // the page says where progress is kept
  lms.locate(location.href);
})();
