/* Picture password: tap 3 pictures in order; each is read aloud; the form is sent after the third
   (or, on the newcomer form, when the learner presses the button). A tap on a chosen picture (in
   the slots above) takes it back, so a slip can be undone before the third one is sent. */
(function () {
  var form = document.querySelector("[data-picture-form]");
  if (!form) return;
  var chosen = [], slots = form.querySelectorAll(".pictures__slot"), value = form.querySelector("[data-picture-value]");
  var speak = function (text) {
    if (!window.speechSynthesis || !text) return;
    speechSynthesis.cancel();
    var u = new SpeechSynthesisUtterance(text); u.lang = document.documentElement.lang; speechSynthesis.speak(u);
  };
  var pictureButton = function (key) { return form.querySelector('[data-picture="' + key + '"]'); };
  var render = function () {
    slots.forEach(function (slot, i) {
      var key = chosen[i];
      slot.textContent = "";
      if (!key) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pictures__take-back";
      button.setAttribute("aria-label", form.getAttribute("data-remove-label") + " " + pictureButton(key).getAttribute("aria-label"));
      button.innerHTML = pictureButton(key).querySelector("svg").outerHTML;
      slot.appendChild(button);
    });
    value.value = chosen.join(",");
  };
  var takeBack = function (slot) {
    var index = Array.prototype.indexOf.call(slots, slot);
    if (index < 0 || index >= chosen.length) return;
    chosen.splice(index, 1);
    render();
  };
  form.addEventListener("click", function (event) {
    var slot = event.target.closest(".pictures__slot");
    if (slot) { takeBack(slot); return; }
    var button = event.target.closest("[data-picture]");
    if (!button || chosen.length >= slots.length) return;
    chosen.push(button.getAttribute("data-picture"));
    render();
    speak(button.getAttribute("aria-label"));
    if (chosen.length === slots.length && !form.hasAttribute("data-picture-manual")) form.submit();
  });
  var clear = form.querySelector("[data-picture-clear]");
  if (clear) clear.addEventListener("click", function () { chosen = []; render(); });
  var error = document.querySelector("[data-sign-in-error]");
  if (error) speak(error.textContent);
})();
