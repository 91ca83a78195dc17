/* The method library's filter. Without JavaScript the page lists every method, grouped by phase;
   this adds choices for phase, time, group size and digital use, and hides what does not fit. */
(function () {
  "use strict";
  var _ = Startpakke._, ngettext = Startpakke.ngettext;

  function option(value, text) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = text;
    return element;
  }

  function field(labelText, control, className) {
    var label = document.createElement("label");
    if (className) label.className = className;
    var text = document.createElement("span");
    text.textContent = labelText;
    if (control.type === "checkbox") {
      label.appendChild(control);
      label.appendChild(text);
    } else {
      label.appendChild(text);
      label.appendChild(control);
    }
    return label;
  }

  function setUp(mount) {
    var methods = Array.prototype.slice.call(document.querySelectorAll(".sp-method"));
    var phases = Array.prototype.slice.call(document.querySelectorAll("[data-sp-phase-list]"));

    var phase = document.createElement("select");
    phase.name = "fase";
    phase.appendChild(option("", _("All phases")));
    phases.forEach(function (list) {
      var heading = document.getElementById(list.dataset.spPhaseList);
      var title = heading ? heading.textContent.replace(/¶$/, "").trim() : list.dataset.spPhaseList;
      phase.appendChild(option(list.dataset.spPhaseList, title));
    });

    var time = document.createElement("select");
    time.name = "tid";
    time.appendChild(option("", _("Any time")));
    [30, 45, 60, 90, 120].forEach(function (minutes) {
      time.appendChild(option(String(minutes), _("Up to %(minutes)s min", { minutes: minutes })));
    });

    var people = document.createElement("input");
    people.type = "number";
    people.name = "deltakere";
    people.min = "1";
    people.max = "500";
    people.placeholder = _("All");

    var digital = document.createElement("input");
    digital.type = "checkbox";
    digital.name = "digital";

    var status = document.createElement("output");
    status.setAttribute("aria-live", "polite");

    var form = document.createElement("form");
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", _("Filter the methods"));
    form.appendChild(field(_("Phase"), phase));
    form.appendChild(field(_("Time"), time));
    form.appendChild(field(_("Number of participants"), people));
    form.appendChild(field(_("Can be done online"), digital, "sp-check"));
    form.appendChild(status);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    mount.appendChild(form);

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
  }

  Startpakke.mount("filter", setUp);
})();
