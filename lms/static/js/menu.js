/* Compact menus on a phone: a [data-menu] box holds a toggle button (hidden until this script runs)
   and the panel it controls (aria-controls). Under 600 px wide the panel folds behind its button;
   wider, the button is not shown and the panel is always there. Without this script nothing folds. */
(function () {
  "use strict";
  function set(menu, button, open) {
    menu.classList.toggle("menu--open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  document.querySelectorAll("[data-menu]").forEach(function (menu) {
    var button = menu.querySelector("[data-menu-toggle]");
    if (!button) return;
    menu.classList.add("menu--ready");
    button.hidden = false;
    set(menu, button, menu.hasAttribute("data-menu-open"));
    button.addEventListener("click", function () {
      set(menu, button, button.getAttribute("aria-expanded") !== "true");
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        set(menu, button, false);
        button.focus();
      }
    });
    if (menu.hasAttribute("data-menu-overlay")) {  // a menu over the page closes when one taps elsewhere
      document.addEventListener("click", function (event) {
        if (!menu.contains(event.target)) set(menu, button, false);
      });
    }
  });
})();
