/* Exercises checked in the browser: choice, ordering (by keyboard buttons, no dragging needed) and
 * reflection (kept with the progress, printable and downloadable). Results go to Startpakke.progress. */
(function () {
  "use strict";
  var _ = Startpakke._, ngettext = Startpakke.ngettext;

  function progress() { return Startpakke.progress; }
  function say(box, message) { box.querySelector(".sp-result").textContent = message; }

  function checkChoice(box) {
    var inputs = Array.prototype.slice.call(box.querySelectorAll("input[data-sp-correct]"));
    var chosen = inputs.filter(function (input) { return input.checked; });
    if (!chosen.length) { say(box, _("Choose an answer first.")); return; }
    var right = inputs.every(function (input) {
      return input.checked === (input.getAttribute("data-sp-correct") === "true");
    });
    inputs.forEach(function (input) {
      var feedback = document.getElementById(input.id + "-feedback");
      var show = input.checked;
      feedback.hidden = !show;
      input.closest(".sp-choice").classList.toggle("sp-chosen", show);
    });
    var missed = box.getAttribute("data-sp-type") === "multiple_choice" && !right &&
      chosen.every(function (input) { return input.getAttribute("data-sp-correct") === "true"; });
    say(box, right ? _("Right!") : missed ? _("Nearly: there are more right answers.") :
      _("Not quite. Read the explanation and try again."));
    tried(box, right);
  }

  /* After a first try the key comes in sight (exercises.css), and the result is kept. */
  function tried(box, right) {
    box.classList.add("sp-tried");
    box.classList.toggle("sp-right", right);
    box.classList.toggle("sp-wrong", !right);
    if (progress()) progress().exercise(box.getAttribute("data-sp-exercise"), { done: right, correct: right });
    showGroup(box.closest("[data-sp-group]"));
  }

  function items(list) { return Array.prototype.slice.call(list.children); }

  function move(button) {
    var item = button.closest("li");
    var list = item.parentNode;
    var up = button.getAttribute("data-sp-move") === "up";
    var sibling = up ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    list.insertBefore(item, up ? sibling : sibling.nextSibling);
    // Keep focus on the same button so a keyboard user can press it again.
    var again = item.querySelector('[data-sp-move="' + (up ? "up" : "down") + '"]');
    (again.disabled ? item.querySelector("[data-sp-move]:not([disabled])") : again).focus();
    refreshButtons(list);
    var box = list.closest(".sp-exercise");
    say(box, _("«%(item)s» is now number %(position)s of %(count)s.", {
      item: item.querySelector(".sp-order-text").textContent,
      position: items(list).indexOf(item) + 1, count: items(list).length }));
  }

  function refreshButtons(list) {
    var all = items(list);
    all.forEach(function (item, index) {
      item.querySelector('[data-sp-move="up"]').disabled = index === 0;
      item.querySelector('[data-sp-move="down"]').disabled = index === all.length - 1;
      item.classList.remove("sp-in-place", "sp-out-of-place");
      var mark = item.querySelector(".sp-order-mark");
      if (mark) mark.textContent = "";
    });
  }

  function checkOrder(box) {
    var list = box.querySelector(".sp-order");
    var places = 0;
    items(list).forEach(function (item, index) {
      var right = Number(item.getAttribute("data-sp-position")) === index + 1;
      places += right ? 1 : 0;
      item.classList.toggle("sp-in-place", right);
      item.classList.toggle("sp-out-of-place", !right);
      item.querySelector(".sp-order-mark").textContent = " " + (right ? _("(right place)") : _("(wrong place)"));
    });
    var all = places === items(list).length;
    say(box, all ? _("Right order!") :
      _("%(right)s of %(count)s are in the right place. Try again.", { right: places, count: items(list).length }));
    var feedback = box.querySelector(".sp-order-feedback");
    if (feedback) feedback.hidden = !all;
    tried(box, all);
  }

  function answers(box) {
    return Array.prototype.slice.call(box.querySelectorAll("textarea")).map(function (area) { return area.value; });
  }

  function saveReflection(box) {
    var id = box.getAttribute("data-sp-exercise");
    var values = answers(box);
    if (!progress()) return;
    progress().reflection(id, values);
    var done = values.length > 0 && values.every(function (value) { return value.trim(); });
    progress().exercise(id, { done: done, correct: null });
    showGroup(box.closest("[data-sp-group]"));
  }

  function download(box) {
    var lines = [box.querySelector("legend").textContent.trim(), ""];
    box.querySelectorAll("textarea").forEach(function (area) {
      lines.push(document.querySelector('label[for="' + area.id + '"]').textContent.trim());
      lines.push(area.value.trim() || "–", "");
    });
    var blob = new Blob([lines.join("\n")], { type: "text/plain;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = box.getAttribute("data-sp-exercise").replace(/[^a-z0-9-]+/gi, "-") + ".txt";
    document.body.append(link); link.click(); link.remove();
  }

  function setUp(box) {
    var type = box.getAttribute("data-sp-type");
    var id = box.getAttribute("data-sp-exercise");
    box.querySelectorAll(".sp-needs-script").forEach(function (element) { element.hidden = false; });
    if (type === "ordering") {
      box.querySelectorAll("[data-sp-move]").forEach(function (button) {
        button.addEventListener("click", function () { move(button); });
      });
      refreshButtons(box.querySelector(".sp-order"));
    }
    if (type === "reflection") {
      var saved = progress() && progress().load().reflections[id];
      box.querySelectorAll("textarea").forEach(function (area, index) {
        if (saved && saved[index]) area.value = saved[index];
        area.addEventListener("input", function () { saveReflection(box); });
      });
      box.querySelector(".sp-download").addEventListener("click", function () { download(box); });
      box.querySelector(".sp-print").addEventListener("click", function () { window.print(); });
      return;
    }
    box.querySelector(".sp-check").addEventListener("click", function () {
      (type === "ordering" ? checkOrder : checkChoice)(box);
    });
    var result = progress() && progress().load().exercises[id];
    if (result) box.classList.add("sp-tried");
    if (result && result.done) {
      box.classList.add("sp-right");
      say(box, _("You have solved this exercise before."));
    }
  }

  /* A section's summary says how many of its exercises are done, so a folded one tells its state. */
  function showGroup(group) {
    if (!group) return;
    var boxes = group.querySelectorAll("[data-sp-exercise]");
    var data = progress() ? progress().load().exercises : {};
    var done = Array.prototype.filter.call(boxes, function (box) {
      var result = data[box.getAttribute("data-sp-exercise")];
      return result && result.done;
    }).length;
    group.classList.toggle("sp-done", done === boxes.length);
    group.querySelector(".sp-group__status").textContent = ngettext(
      "%(done)s of %(num)s exercise done", "%(done)s of %(num)s exercises done", boxes.length, { done: done });
  }

  Startpakke.mount("exercise", setUp);
  Startpakke.mount("group", showGroup);
})();
