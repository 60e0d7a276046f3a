/* The pictogram glossary: a speaker says its word, with the word's recording when the page has one
   (data-audio), or the browser's voice in the word's language. */
(function () {
  "use strict";
  var list = document.querySelector("[data-glossary]");
  if (!list) return;
  var error = document.querySelector("[data-glossary-error]");

  function voiceFor(lang) {
    var voices = window.speechSynthesis ? speechSynthesis.getVoices() : [];
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang.toLowerCase().split(/[-_]/)[0] === lang) return voices[i];
    }
    return null;
  }

  /* False when there is no way to say it (no speech at all, or voices known and none for ``lang``). */
  function say(button) {
    var audio = button.getAttribute("data-audio");
    if (audio) { new Audio(audio).play(); return true; }
    if (!window.speechSynthesis) return false;
    var lang = button.getAttribute("data-say-lang");
    var voice = voiceFor(lang);
    if (!voice && speechSynthesis.getVoices().length) return false;
    speechSynthesis.cancel();
    var utterance = new SpeechSynthesisUtterance(button.getAttribute("data-say"));
    utterance.lang = lang;
    if (voice) utterance.voice = voice;
    speechSynthesis.speak(utterance);
    return true;
  }

  list.addEventListener("click", function (event) {
    var button = event.target.closest("[data-say]");
    if (button) error.hidden = say(button);
  });
})();
