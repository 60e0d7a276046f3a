/* The language picker (a <details> in the site header) works without this script; with it, the list
   closes on Escape (focus back on the button) and on a tap anywhere else, as a menu does. */
(function () {
  "use strict";
  var picker = document.querySelector("[data-lang-picker]");
  if (!picker) return;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && picker.open) {
      picker.open = false;
      picker.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (picker.open && !picker.contains(event.target)) picker.open = false;
  });
})();
