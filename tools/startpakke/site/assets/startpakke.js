/* Startpakke's bootstrap: what the other scripts share, so each of them is only its own feature.
 * It loads after course.js (and lms.js in a learning-platform package) and before progress.js,
 * exercises.js, library.js, offline.js and player.js (the order is set in site/publication.py).
 *
 *   Startpakke.onPage(fn)              calls fn() on every page view
 *   Startpakke.mount(name, setup)      calls setup(element) once for each element with data-sp-<name>
 *                                      (and marks it data-sp-<name>-ready)
 *   Startpakke.storage.get(key)        the value kept under key (JSON), or null
 *   Startpakke.storage.set(key, value)
 *   Startpakke.progressStore           where the learner's progress is kept (null without course.js)
 *   Startpakke.progress                the learner's progress, defined by progress.js
 *   Startpakke._(message, params)      the interface's words in the page's language (see below)
 *   Startpakke.ngettext(one, many, n, params)
 *
 * Words come from course.js (`text.messages`: the catalog's translations of the scripts' English
 * message ids, made at build time); `%(name)s` in a message is filled from params, and ngettext
 * also fills `%(num)s` with n. A message the catalog lacks shows in English.
 *
 * A progress store is { load(), save(data), ready }: load() returns the learner's data or null, at
 * once; save(data) keeps it; the optional ready is a Promise that page hooks wait for, for a store
 * that must fetch its state first. The data is progress.js's JSON object,
 * { version: 1, visited: {}, exercises: {}, reflections: {} }.
 *
 * The default store keeps it in this browser's local storage under "startpakke:<course id>". To keep
 * it elsewhere (an xAPI State API, a SCORM runtime), define window.startpakkeProgressStore before the
 * site's scripts run, e.g. in a script the learning platform adds to the page's head:
 *
 *   var saved = null;
 *   window.startpakkeProgressStore = {
 *     ready: fetchState().then(function (state) { saved = state; }),
 *     load: function () { return saved; },
 *     save: function (data) { saved = data; sendState(data); }
 *   };
 */
(function () {
  "use strict";
  if (window.Startpakke) return;  // loaded twice, e.g. by a video player's own script tags

  /* Storage that never throws: private mode, disabled storage or a full quota keep values in memory
   * for as long as the page lives. */
  var memory = {};
  var storage = {
    get: function (key) {
      var text = null;
      if (Object.prototype.hasOwnProperty.call(memory, key)) {
        text = memory[key];
      } else {
        try { text = window.localStorage.getItem(key); } catch (error) { /* storage is off */ }
      }
      if (text === null) return null;
      // A plain string was kept without JSON before this wrapper (the video quality): read it as is.
      try { return JSON.parse(text); } catch (error) { return text; }
    },
    set: function (key, value) {
      var text = JSON.stringify(value);
      try {
        window.localStorage.setItem(key, text);
        delete memory[key];
      } catch (error) {
        memory[key] = text;
      }
    }
  };

  function localStore(key) {
    return {
      load: function () { return storage.get(key); },
      save: function (data) { storage.set(key, data); }
    };
  }

  var course = window.startpakkeCourse;
  // The key progress.js has always used, so learners keep their progress.
  var progressStore = window.startpakkeProgressStore || (course ? localStore("startpakke:" + course.id) : null);

  // A store that fails to fetch its state still gets a working page; what save() does then is its call.
  var ready = Promise.resolve(progressStore && progressStore.ready).then(null, function (error) {
    console.error(error);
  });

  var text = (course && course.text) || { messages: {}, plural: "(n != 1)" };
  // The plural rule is the catalog header's C expression of n (ours, never course content).
  var pluralIndex = new Function("n", "return +(" + text.plural + ");");

  function format(message, params) {
    return message.replace(/%\((\w+)\)[sd]/g, function (whole, name) {
      return params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
    });
  }

  function translate(message, params) {
    var found = text.messages[message];
    return format(typeof found === "string" ? found : message, params);
  }

  function translatePlural(one, many, n, params) {
    var forms = text.messages[one];
    var chosen = Array.isArray(forms) ? forms[Math.min(pluralIndex(n), forms.length - 1)] : n === 1 ? one : many;
    return format(chosen, Object.assign({ num: n }, params));
  }

  var hooks = [];
  var viewed = false;  // once a page view has run, a hook added later runs at once for this page

  // One failing hook must not stop the others; the error still reaches the console.
  function call(fn) {
    try { fn(); } catch (error) { setTimeout(function () { throw error; }, 0); }
  }

  function pageView() {
    ready.then(function () {
      viewed = true;
      hooks.forEach(call);
    });
  }

  function onPage(fn) {
    hooks.push(fn);
    if (viewed) call(fn);
  }

  function mount(name, setup) {
    var attribute = "data-sp-" + name;
    var marker = attribute + "-ready";
    onPage(function () {
      document.querySelectorAll("[" + attribute + "]:not([" + marker + "])").forEach(function (element) {
        element.setAttribute(marker, "");
        call(function () { setup(element); });
      });
    });
  }

  window.Startpakke = {
    onPage: onPage,
    mount: mount,
    storage: storage,
    progressStore: progressStore,
    progress: null,
    _: translate,
    ngettext: translatePlural
  };

  function whenLoaded() {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", pageView);
    else pageView();
  }

  // Material announces every page view on document$, also those of its instant navigation, which swaps
  // pages without a reload. Without Material there is one page view per load. From file:// Material
  // turns instant navigation off and completes document$ without a single page view: count the load.
  var seen = false;
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe({
      next: function () { seen = true; pageView(); },
      complete: function () { if (!seen) whenLoaded(); }
    });
  } else {
    whenLoaded();
  }
})();
