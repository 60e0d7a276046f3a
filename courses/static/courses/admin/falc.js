/* Easy French (FALC) hints under the text fields of a lesson's steps in the page editor (issue 12,
   item 5). While the trainer writes, the text is sent to /admin/courses/falc/ (debounced) and the
   hints are shown under the field: long sentences, rare words, passive voice. Hints only: nothing is
   blocked, and nothing here touches the form (no input, no event on it), so the page is never marked
   as changed and no revision is made by this script. */
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script.getAttribute("data-falc-url");
  var WAIT_MS = 700;
  var timers = new WeakMap();
  var lastText = new WeakMap();

  function csrfToken() {
    if (window.wagtailConfig && window.wagtailConfig.CSRF_TOKEN) return window.wagtailConfig.CSRF_TOKEN;
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  /* The field a text belongs to, when it is a prose field of a step: a rich-text editor, a textarea
     or a one-line text input of the « steps » stream. */
  function stepField(target) {
    var field = target.closest && target.closest(".w-field");
    if (!field) return null;
    var input = field.querySelector("[id^='steps-']");
    if (!input) return null;
    if (target.closest(".Draftail-Editor")) return { field: field, read: function () { return editorText(field); } };
    if (target.matches("textarea, input[type=text]")) return { field: field, read: function () { return target.value; } };
    return null;
  }

  function editorText(field) {
    var blocks = field.querySelectorAll(".public-DraftEditor-content [data-block=true]");
    if (!blocks.length) return "";
    return Array.prototype.map.call(blocks, function (b) { return b.innerText; }).join("\n");
  }

  function output(field) {
    var box = field.querySelector(":scope > [data-falc-output]");
    if (box) return box;
    box = document.createElement("div");
    box.className = "falc-flags";
    box.setAttribute("data-falc-output", "");
    box.setAttribute("aria-live", "polite");
    field.appendChild(box);
    return box;
  }

  function show(field, flags) {
    var box = output(field);
    box.textContent = "";
    var title = document.createElement("p");
    title.className = "falc-flags__title";
    title.textContent = flags.length ? script.getAttribute("data-falc-title") : script.getAttribute("data-falc-none");
    box.appendChild(title);
    box.classList.toggle("falc-flags--clear", !flags.length);
    if (!flags.length) return;
    var list = document.createElement("ul");
    flags.forEach(function (flag) {
      var item = document.createElement("li");
      item.className = "falc-flag falc-flag--" + flag.kind;
      item.textContent = flag.message;
      if (flag.kind === "long_sentence") {  // which sentence: its first words
        var start = document.createElement("q");
        start.lang = "fr";
        start.dir = "ltr";
        var words = flag.text.split(/\s+/);
        start.textContent = words.slice(0, 8).join(" ") + (words.length > 8 ? " …" : "");
        item.appendChild(document.createTextNode(" "));
        item.appendChild(start);
      }
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  function check(found) {
    var text = found.read();
    if (lastText.get(found.field) === text) return;
    lastText.set(found.field, text);
    if (!text.trim()) { var old = found.field.querySelector(":scope > [data-falc-output]"); if (old) old.remove(); return; }
    var body = new FormData();
    body.append("text", text);
    fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-CSRFToken": csrfToken() } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && lastText.get(found.field) === text) show(found.field, data.flags); })
      .catch(function () { /* a hint that does not come is no harm: the trainer keeps writing */ });
  }

  function later(event) {
    var found = stepField(event.target);
    if (!found) return;
    clearTimeout(timers.get(found.field));
    timers.set(found.field, setTimeout(function () { check(found); }, WAIT_MS));
  }

  document.addEventListener("input", later, true);
  document.addEventListener("keyup", later, true);
  document.addEventListener("focusin", later, true);
})();
