/* In a lesson's editor, each step's header gets a « 🔊 Voix » link to its row on the lesson's
   « Voix » screen (record or upload its voice, listen to it). */
(function () {
  "use strict";
  var script = document.currentScript;
  var match = window.location.pathname.match(/^(.*\/)pages\/(\d+)\/edit\//);
  if (!match || !script) return;
  var base = match[1] + "courses/lessons/" + match[2] + "/voices/";
  var label = script.getAttribute("data-label");

  function addLinks(steps) {
    steps.querySelectorAll("[data-contentpath]").forEach(function (child) {
      if (child.parentElement.closest("[data-contentpath]") !== steps) return;  // a step, not a field of one
      var header = child.querySelector(".w-panel__header");
      if (!header || header.querySelector("[data-step-voices]")) return;
      var link = document.createElement("a");
      link.href = base + "#step-" + child.getAttribute("data-contentpath");
      link.className = "button button-small button-secondary";
      link.setAttribute("data-step-voices", child.getAttribute("data-contentpath"));
      link.textContent = "🔊 " + label;
      link.style.marginInlineStart = "auto";
      header.appendChild(link);
    });
  }

  function start() {
    var steps = document.querySelector('[data-contentpath="steps"]');
    if (!steps) return;
    addLinks(steps);
    new MutationObserver(function () { addLinks(steps); }).observe(steps, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
