/* Learner progress: pages visited, exercises done, modules completed. Kept by the progress store
 * (startpakke.js: this browser's local storage unless another store is installed); the course
 * structure comes from course.js (window.startpakkeCourse), generated at build time. */
(function () {
  "use strict";
  var course = window.startpakkeCourse;
  if (!course) return;  // course.js is listed before this script
  var store = Startpakke.progressStore;
  var _ = Startpakke._, ngettext = Startpakke.ngettext;

  function empty() { return { version: 1, visited: {}, exercises: {}, reflections: {} }; }

  function load() {
    var data = store.load();
    return data && data.version === 1 ? data : empty();
  }

  function save(data) {
    store.save(data);
    render();
  }

  /* A page's key is its URL path below the site root: "", "moduler/x/", "metoder/y/". */
  function siteRoot() {
    return typeof __md_scope !== "undefined" ? __md_scope : new URL(course.root || "./", location.href);
  }
  function pageKey(href) {
    var url = new URL(href, location.href);
    var root = siteRoot().pathname;
    var path = url.pathname.indexOf(root) === 0 ? url.pathname.slice(root.length) : url.pathname;
    return decodeURIComponent(path.replace(/index\.html$/, ""));
  }

  function moduleState(data, module) {
    var seen = module.pages.filter(function (p) { return data.visited[p]; }).length;
    var done = module.exercises.filter(function (e) { return data.exercises[e] && data.exercises[e].done; }).length;
    return {
      seen: seen, pages: module.pages.length, done: done, exercises: module.exercises.length,
      complete: seen === module.pages.length && done === module.exercises.length
    };
  }

  function text(element, value) { element.textContent = value; return element; }
  function el(tag, className, value) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (value !== undefined) text(node, value);
    return node;
  }

  function bar(value, max, label) {
    var meter = el("progress", "sp-progress__bar");
    meter.max = max || 1; meter.value = value;
    meter.setAttribute("aria-label", label);
    return meter;
  }

  function renderCourse(box, data) {
    var complete = course.modules.filter(function (m) { return moduleState(data, m).complete; }).length;
    var label = ngettext("%(done)s of %(num)s module completed", "%(done)s of %(num)s modules completed",
      course.modules.length, { done: complete });
    box.replaceChildren(el("p", "sp-progress__summary", label), bar(complete, course.modules.length, label));
    var list = el("ul", "sp-progress__modules");
    course.modules.forEach(function (module) {
      var state = moduleState(data, module);
      // The title on a line of its own: it may end in anything, «?» or «:» included.
      var item = el("li", state.complete ? "sp-done" : "");
      item.append(el("span", "sp-progress__module", module.title),
        el("span", "sp-progress__state", state.complete ? _("completed") :
          _("%(seen)s of %(pages)s pages seen, %(done)s of %(exercises)s exercises done", state)));
      list.append(item);
    });
    box.append(list, tools());
  }

  function renderModule(box, data, slug) {
    var module = course.modules.filter(function (m) { return m.slug === slug; })[0];
    if (!module) return;
    var state = moduleState(data, module);
    var label = state.complete ? _("You have completed this module.") :
      _("You have seen %(seen)s of %(pages)s pages and done %(done)s of %(exercises)s exercises in this module.", state);
    box.replaceChildren(el("p", "sp-progress__summary", label),
      bar(state.seen + state.done, state.pages + state.exercises, label));
  }

  /* Reset, export and import: a learner moving to another computer takes a file along. */
  function tools() {
    var group = el("div", "sp-progress__tools");
    var exportButton = el("button", "md-button", _("Download your progress"));
    exportButton.type = "button";
    exportButton.addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(load(), null, 2)], { type: "application/json" });
      var link = el("a"); link.href = URL.createObjectURL(blob); link.download = _("progress") + "-" + course.id + ".json";
      document.body.append(link); link.click(); link.remove();
    });
    var importLabel = el("label", "md-button", _("Read progress from a file"));
    var input = el("input", "sp-visually-hidden");
    input.type = "file"; input.accept = "application/json,.json"; input.id = "sp-progress-import";
    importLabel.htmlFor = input.id;
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function (content) {
        var data = JSON.parse(content);
        if (!data || data.version !== 1 || typeof data.visited !== "object") throw new Error("format");
        save(data);
        announce(_("Your progress has been read from the file."));
      }).catch(function () { announce(_("The file is not a progress file from this course.")); });
      input.value = "";
    });
    var reset = el("button", "md-button", _("Reset your progress"));
    reset.type = "button";
    reset.addEventListener("click", function () {
      if (window.confirm(_("Do you want to delete all progress in this course in this browser?"))) {
        save(empty());
        announce(_("Your progress has been reset."));
      }
    });
    group.append(exportButton, importLabel, input, reset, el("p", "sp-progress__status"));
    group.lastChild.setAttribute("role", "status");
    return group;
  }

  function announce(message) {
    var status = document.querySelector(".sp-progress__status");
    if (status) text(status, message);
  }

  /* A page is done when nothing is left to do on it: read, for most; for a module's page, the whole
   * module completed; for an exercise page, its exercises done. Until then a page opened is «seen». */
  function pageState(data, key) {
    if (!data.visited[key]) return "";
    var module = course.modules.filter(function (m) { return m.pages[0] === key || m.exercisePage === key; })[0];
    if (!module) return "done";
    var state = moduleState(data, module);
    var done = key === module.exercisePage ? state.done === state.exercises : state.complete;
    return done ? "done" : "seen";
  }

  function markNavigation(data) {
    var notes = { seen: _("(seen)"), done: _("(done)") };
    // Pages in the main menu only: the table of contents links to places within this page.
    document.querySelectorAll(".md-sidebar--primary .md-nav__link[href]").forEach(function (link) {
      var state = link.getAttribute("href").indexOf("#") === -1 ? pageState(data, pageKey(link.href)) : "";
      link.classList.toggle("sp-seen", state === "seen");
      link.classList.toggle("sp-done", state === "done");
      var note = link.querySelector(".sp-progress-note");
      if (note && !state) note.remove();
      if (!state) return;
      if (!note) link.append(note = el("span", "sp-visually-hidden sp-progress-note"));
      text(note, " " + notes[state]);
    });
  }

  function render() {
    var data = load();
    document.querySelectorAll("[data-sp-progress]").forEach(function (box) {
      var scope = box.getAttribute("data-sp-progress");
      if (scope === "course") renderCourse(box, data);
      else if (scope.indexOf("module:") === 0) renderModule(box, data, scope.slice(7));
    });
    markNavigation(data);
  }

  function visit() {
    var data = load();
    var key = pageKey(location.href);
    if (course.pages.indexOf(key) !== -1 && !data.visited[key]) {
      data.visited[key] = true;
      save(data);
    } else {
      render();
    }
  }

  // What exercises.js records; it reads and saves progress only through this.
  Startpakke.progress = {
    load: load,
    exercise: function (id, result) {
      var data = load(); data.exercises[id] = result; save(data);
    },
    reflection: function (id, answers) {
      var data = load(); data.reflections[id] = answers; save(data);
    }
  };

  Startpakke.onPage(visit);
})();
