/* A sign-in screen reached with the Back button (after « Terminer », say) is not shown again: the
   tablet goes on to its start (the tiles), so the next person never lands on someone's screen. */
(function () {
  "use strict";
  var script = document.currentScript;
  var entry = window.performance && performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
  if (script && entry && entry.type === "back_forward") window.location.replace(script.getAttribute("data-home"));
})();
