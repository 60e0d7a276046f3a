/* Picture password: tap 3 pictures in order; each is read aloud; the form is sent after the third
   (or, on the newcomer form, when the learner presses the button). */
(function () {
  var form = document.querySelector("[data-picture-form]");
  if (!form) return;
  var chosen = [], slots = form.querySelectorAll(".pictures__slot"), value = form.querySelector("[data-picture-value]");
  var speak = function (text) {
    if (!window.speechSynthesis) return;
    speechSynthesis.cancel();
    var u = new SpeechSynthesisUtterance(text); u.lang = document.documentElement.lang; speechSynthesis.speak(u);
  };
  form.addEventListener("click", function (event) {
    var button = event.target.closest("[data-picture]");
    if (!button || chosen.length >= slots.length) return;
    chosen.push(button.getAttribute("data-picture"));
    slots[chosen.length - 1].innerHTML = button.querySelector("svg").outerHTML;
    speak(button.getAttribute("aria-label"));
    if (chosen.length === slots.length) {
      value.value = chosen.join(",");
      if (!form.hasAttribute("data-picture-manual")) form.submit();
    }
  });
  var clear = form.querySelector("[data-picture-clear]");
  if (clear) clear.addEventListener("click", function () {
    chosen = []; value.value = "";
    slots.forEach(function (slot) { slot.innerHTML = ""; });
  });
})();
