/* What the lesson player and the exam player share: reading an answer from a question's form or a
   tap on a picture, and posting it so that a flaky Wi-Fi neither loses nor doubles it. */
(function () {
  "use strict";

  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function uuid4() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  /* POST a JSON body; resolves with the server's JSON, rejects with its (translated) error or with
     ``offline`` when the server could not be reached. A 401 (session ended) reloads the page. */
  function post(url, body, offline) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (response.status === 401) { window.location.reload(); }
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.error || offline);
        return data;
      });
    }, function () { throw new Error(offline); });
  }

  /* A post that must not be lost: retried with the same body (and client UUID) until the server has it. */
  function postWithRetry(url, body, attempts, offline) {
    return post(url, body, offline).catch(function (error) {
      if (error.message !== offline || attempts <= 1) throw error;
      return new Promise(function (resolve) { setTimeout(resolve, 1500); }).then(function () {
        return postWithRetry(url, body, attempts - 1, offline);
      });
    });
  }

  function checkedValues(form, name) {
    return Array.prototype.map.call(form.querySelectorAll("input[name=" + name + "]:checked"), function (i) { return i.value; });
  }

  /* The answer a question's form holds, as the server grades it; null when nothing is chosen yet. */
  function payload(form, kind) {
    var values;
    if (kind === "single_choice") {
      values = checkedValues(form, "choice");
      return values.length ? { choice: values[0] } : null;
    }
    if (kind === "multiple_choice") {
      values = checkedValues(form, "choice");
      return values.length ? { choices: values } : null;
    }
    if (kind === "true_false") {
      values = checkedValues(form, "value");
      return values.length ? { value: values[0] === "true" } : null;
    }
    if (kind === "ordering") {
      return { order: Array.prototype.map.call(form.querySelectorAll("[data-item-id]"), function (li) { return li.getAttribute("data-item-id"); }) };
    }
    if (kind === "typed_answer") {
      var text = form.querySelector("input[name=text]").value;
      return text.trim() ? { text: text } : null;
    }
    return null;
  }

  /* Where a tap fell on a hotspot's picture, as fractions of its size (null outside it); the marker
     is put there. */
  function tapPoint(area, clientX, clientY) {
    var box = area.querySelector("img").getBoundingClientRect();
    var x = (clientX - box.left) / box.width;
    var y = (clientY - box.top) / box.height;
    if (x < 0 || x > 1 || y < 0 || y > 1) return null;
    var marker = area.querySelector("[data-marker]");
    marker.style.left = (100 * x) + "%";
    marker.style.top = (100 * y) + "%";
    marker.hidden = false;
    return { x: x, y: y };
  }

  /* The up and down buttons of an ordering question: move the item, keep the focus on the button pressed. */
  function move(button) {
    var item = button.closest("[data-item-id]");
    var list = item.parentNode;
    if (button.getAttribute("data-move") === "-1" && item.previousElementSibling) list.insertBefore(item, item.previousElementSibling);
    if (button.getAttribute("data-move") === "1" && item.nextElementSibling) list.insertBefore(item.nextElementSibling, item);
    button.focus();
  }

  function shown(el) {
    return el.checkVisibility ? el.checkVisibility() : !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  }

  function voiceFor(lang) {
    if (!window.speechSynthesis) return null;
    var prefix = (lang || "").toLowerCase().split("-")[0];
    var voices = speechSynthesis.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang.toLowerCase().split(/[-_]/)[0] === prefix) return voices[i];
    }
    return null;
  }

  /* Slow French (« Lent »): remembered for this visit only (a shared tablet forgets it). */
  var SLOW_KEY = "passerelle:slow-voice";
  var SLOW_RATE = 0.75;
  function slow() { try { return sessionStorage.getItem(SLOW_KEY) === "1"; } catch (e) { return false; } }
  function slowSet(on) { try { sessionStorage.setItem(SLOW_KEY, on ? "1" : "0"); } catch (e) { /* private mode */ } }
  function rate(lang) { return slow() && /^fr/.test(lang || "") ? SLOW_RATE : 1; }

  function play(audio, lang) {
    audio.currentTime = 0;
    audio.playbackRate = rate(lang);
    var started = audio.play();
    if (started && started.catch) started.catch(function () { /* interrupted by the next tap */ });
    return true;
  }

  function say(text, lang) {
    var voice = voiceFor(lang);
    if (!voice) return false;
    if (!text) return true;
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.voice = voice;
    utterance.rate = rate(lang);
    speechSynthesis.speak(utterance);
    return true;
  }

  /* The step's voice (a recording, else the synthetic voice the server made), else the browser's
     voice reading the [data-speak] texts shown on screen, in ``lang``. False when none exists: the
     caller says so instead of staying silent. */
  function speak(step, lang) {
    var audio = step.querySelector("[data-audio]") || step.querySelector("[data-voice=text], [data-voice=question]");
    if (audio) return play(audio, lang);
    var parts = Array.prototype.filter.call(step.querySelectorAll("[data-speak]"), shown);
    return say(parts.map(function (el) { return el.textContent.trim(); }).filter(Boolean).join(". "), lang);
  }

  /* One choice read before choosing: its voice, else the browser's. */
  function speakChoice(button, lang) {
    var audio = button.querySelector("[data-voice]");
    if (audio) return play(audio, lang);
    var text = button.closest(".choice-cell").querySelector(".choice__text");
    return say(text ? text.textContent.trim() : "", lang);
  }

  /* Is the voice the step plays a synthetic one (marked so on screen)? */
  function synthetic(step) {
    if (step.querySelector("[data-audio]")) return false;
    var voice = step.querySelector("[data-voice=text], [data-voice=question]");
    return !!(voice && voice.hasAttribute("data-synthetic"));
  }

  function stopSpeaking(root) {
    if (window.speechSynthesis) speechSynthesis.cancel();
    root.querySelectorAll("[data-audio], [data-voice]").forEach(function (a) { a.pause(); });
  }

  function strings(root) {
    var found = {};
    root.querySelector("[data-strings]").content.querySelectorAll("[data-key]").forEach(function (el) {
      found[el.getAttribute("data-key")] = el.textContent;
    });
    return found;
  }

  window.PasserelleAnswers = {
    csrfToken: csrfToken, uuid4: uuid4, post: post, postWithRetry: postWithRetry, payload: payload,
    tapPoint: tapPoint, move: move, speak: speak, stopSpeaking: stopSpeaking, strings: strings,
    speakChoice: speakChoice, synthetic: synthetic, slow: slow, slowSet: slowSet,
  };
})();
