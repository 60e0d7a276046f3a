/* The supervisor's screen: the candidates list is fetched again every few seconds, so a candidate who
   types the code on a tablet appears without a reload. It is left alone while the supervisor is
   using it (a field has the focus or the adapted conditions are open). */
(function () {
  "use strict";
  var box = document.querySelector("[data-candidates][data-refresh]");
  if (!box) return;
  var every = 1000 * parseInt(box.getAttribute("data-refresh"), 10);

  function busy() {
    return box.contains(document.activeElement) || box.querySelector("details[open]");
  }

  function refresh() {
    if (document.hidden || busy()) { setTimeout(refresh, every); return; }
    fetch(box.getAttribute("data-url"), { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null && !busy()) box.innerHTML = html; }, function () {})
      .then(function () { setTimeout(refresh, every); });
  }

  setTimeout(refresh, every);
})();
