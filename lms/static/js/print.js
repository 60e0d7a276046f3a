/* A « Print » button: the browser's print dialog (the page's print style keeps only what is to be kept). */
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
