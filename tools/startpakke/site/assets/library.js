/* The method library's filter. Without JavaScript the page lists every method, grouped by phase; the
   filter's choices (phase, time, group size, digital use) come in the page, hidden, and this shows them
   and hides the methods that do not fit. */
(function () {
  "use strict";
  var ngettext = Startpakke.ngettext;

  function setUp(mount) {
    var methods = Array.prototype.slice.call(document.querySelectorAll(".sp-method"));
    var phases = Array.prototype.slice.call(document.querySelectorAll("[data-sp-phase-list]"));
    var form = mount.querySelector("form");
    var phase = form.elements.fase, time = form.elements.tid, people = form.elements.deltakere;
    var digital = form.elements.digital;
    var status = form.querySelector("output");
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function fits(method) {
      var data = method.dataset;
      if (phase.value && data.phase !== phase.value) return false;
      if (time.value && Number(data.minutesMin) > Number(time.value)) return false;
      var n = Number(people.value);
      if (people.value && (n < Number(data.groupMin) || n > Number(data.groupMax))) return false;
      if (digital.checked && data.digital !== "true") return false;
      return true;
    }

    function toggle(element, hidden) {
      if (hidden) element.setAttribute("data-sp-hidden", "");
      else element.removeAttribute("data-sp-hidden");
    }

    function update() {
      var shown = 0;
      methods.forEach(function (method) {
        var ok = fits(method);
        toggle(method, !ok);
        if (ok) shown += 1;
      });
      phases.forEach(function (list) {
        var any = list.querySelector(".sp-method:not([data-sp-hidden])");
        var heading = document.getElementById(list.dataset.spPhaseList);
        toggle(list, !any);
        if (heading) toggle(heading, !any);
        var next = heading ? heading.nextElementSibling : null;
        if (next && next !== list && next.tagName === "P") toggle(next, !any);
      });
      status.textContent = ngettext("Showing %(shown)s of %(num)s method", "Showing %(shown)s of %(num)s methods",
        methods.length, { shown: shown });
    }

    [phase, time, people, digital].forEach(function (control) {
      control.addEventListener("input", update);
      control.addEventListener("change", update);
    });
    update();
    mount.hidden = false;
  }

  Startpakke.mount("filter", setUp);
})();
