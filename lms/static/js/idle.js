/* Shared tablet: warn after inactivity, then end the session (the « Terminer » form) so the next
   person never sees this learner's page. The server ends the session too, a few seconds later. */
(function () {
  "use strict";
  var script = document.currentScript;
  var idleMs = parseInt(script.getAttribute("data-idle-seconds"), 10) * 1000;
  var warning = document.querySelector("[data-idle-warning]");
  var endForm = document.querySelector(".end-session");
  if (!idleMs || !warning || !endForm) return;
  var warnTimer, endTimer, lastPing = Date.now();
  /* Ended a little before the server ends the session: what is still on its way (H5P results, which
     may hold the sign-out up to 4 s) is still received as this learner's. */
  var END_AHEAD_MS = 5000;

  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function arm() {
    clearTimeout(warnTimer); clearTimeout(endTimer);
    warning.hidden = true;
    warnTimer = setTimeout(function () { warning.hidden = false; }, Math.max(idleMs - 60000, 1000));
    endTimer = setTimeout(end, idleMs - END_AHEAD_MS);
  }
  /* The same submit as a tap on « Terminer », so whatever holds it back first (H5P results and
     state on their way, see h5p/relay.js) holds the idle end too; form.submit() would skip them. */
  function end() {
    if (endForm.requestSubmit) endForm.requestSubmit();
    else endForm.submit();
  }
  /* Tapping and typing without loading a page is activity too: tell the server, once a minute. */
  function ping() {
    lastPing = Date.now();
    fetch(script.getAttribute("data-ping-url"), { method: "POST", headers: { "X-CSRFToken": csrf() }, credentials: "same-origin" })
      .then(function (r) { if (r.status === 401) window.location.reload(); });
  }
  warning.querySelector("[data-idle-continue]").addEventListener("click", function () { ping(); arm(); });
  ["pointerdown", "keydown"].forEach(function (type) {
    document.addEventListener(type, function () {
      if (!warning.hidden) return;
      if (Date.now() - lastPing > 60000) ping();
      arm();
    }, { passive: true });
  });
  /* A page brought back from the browser's memory (Back button) must not show a closed session. */
  window.addEventListener("pageshow", function (event) { if (event.persisted) window.location.reload(); });
  arm();
})();
