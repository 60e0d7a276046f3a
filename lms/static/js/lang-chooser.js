/* Content-language chooser: remembers the order the learner taps the languages in (the first tapped
   is the one preferred) and shows it as a number on each; without this script the list's order is kept. */
(function () {
  "use strict";
  document.querySelectorAll("[data-lang-chooser]").forEach(function (form) {
    var field = form.querySelector("[data-lang-order]");
    var order = field.value.split(",").filter(Boolean);
    function show() {
      form.querySelectorAll("[data-lang-code]").forEach(function (box) {
        var rank = order.indexOf(box.getAttribute("data-lang-code"));
        box.closest("label").querySelector("[data-lang-rank]").textContent = rank >= 0 ? String(rank + 1) : "";
      });
      field.value = order.join(",");
    }
    form.addEventListener("change", function (event) {
      var code = event.target.getAttribute("data-lang-code");
      if (!code) return;
      order = order.filter(function (c) { return c !== code; });
      if (event.target.checked) order.push(code);
      show();
    });
  });
})();
