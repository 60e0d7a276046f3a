/* Lesson player: one step per screen, answers graded by the server. Plain JavaScript, no library. */
(function () {
  "use strict";
  var root = document.querySelector("[data-player]");
  if (!root) return;
  var steps = Array.prototype.slice.call(root.querySelectorAll("[data-step]"));
  var endScreen = root.querySelector("[data-end]");
  var prevButton = root.querySelector("[data-prev]");
  var nextButton = root.querySelector("[data-next]");
  var errorBox = root.querySelector("[data-error]");
  var state = JSON.parse(document.getElementById("player-state").textContent);
  var answered = state.answered || {};
  var strings = {};
  root.querySelector("[data-strings]").content.querySelectorAll("[data-key]").forEach(function (el) {
    strings[el.getAttribute("data-key")] = el.textContent;
  });
  var index = Math.min(state.current || 0, steps.length - 1);
  var lastProgress = null;

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

  function showError(message) {
    errorBox.textContent = message || "";
    errorBox.hidden = !message;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (response.status === 401) { window.location.reload(); }
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.error || strings.offline);
        return data;
      });
    }, function () { throw new Error(strings.offline); });
  }

  /* A post that must not be lost: retried with the same client UUID until the server has it. */
  function postWithRetry(url, body, attempts) {
    return post(url, body).catch(function (error) {
      if (error.message !== strings.offline || attempts <= 1) throw error;
      return new Promise(function (resolve) { setTimeout(resolve, 1500); }).then(function () {
        return postWithRetry(url, body, attempts - 1);
      });
    });
  }

  function stepIsQuestion(step) { return !!step.querySelector("[data-question], [data-hotspot]"); }
  function stepAnswered(step) { return answered.hasOwnProperty(step.getAttribute("data-step-id")); }

  function render() {
    steps.forEach(function (step, i) { step.hidden = i !== index; });
    endScreen.hidden = true;
    nextButton.hidden = false;
    root.querySelector("[data-step-count]").hidden = false;
    var count = root.querySelector("[data-step-count]");
    count.textContent = count.getAttribute("data-template")
      .replace("%(current)s", index + 1).replace("%(total)s", steps.length);
    root.querySelector("[data-progress-bar]").style.inlineSize = (100 * (index + 1) / steps.length) + "%";
    prevButton.disabled = index === 0;
    nextButton.firstChild.textContent = (index === steps.length - 1 ? strings.finish : strings.next) + " ";
    var step = steps[index];
    if (stepAnswered(step)) markAnswered(step);
    showError("");
    stopSpeaking();
    visit(step);
  }

  function visit(step) {
    return postWithRetry(root.getAttribute("data-visit-url"), { step_id: step.getAttribute("data-step-id") }, 3)
      .then(function (data) { lastProgress = data.progress; })
      .catch(function (error) { showError(error.message); });
  }

  /* A step scored elsewhere (an H5P activity) changed the score: read the progress again (visiting
     the step on screen moves nothing), so the end screen never shows the score from before it. */
  root.addEventListener("passerelle:h5p-result", function (event) {
    if (!event.detail || !event.detail.stored) return;
    visit(steps[index]).then(function () { if (!endScreen.hidden) showEnd(); });
  });

  function markAnswered(step) {
    var feedback = step.querySelector("[data-feedback]");
    if (!feedback || !feedback.hidden) return;
    var right = answered[step.getAttribute("data-step-id")];
    showFeedback(step, right, right ? strings.answered_right : strings.answered_wrong);
    lock(step);
  }

  function lock(step) {
    step.querySelectorAll("input, .question__check, [data-move]").forEach(function (el) { el.disabled = true; });
    var hotspot = step.querySelector("[data-hotspot]");
    if (hotspot) hotspot.setAttribute("aria-disabled", "true");
  }

  function showFeedback(step, right, text) {
    var feedback = step.querySelector("[data-feedback]");
    feedback.className = "feedback " + (right ? "feedback--right" : "feedback--wrong");
    feedback.textContent = (right ? "✔ " + strings.right : "✘ " + strings.wrong) + " " + (text || "");
    feedback.hidden = false;
  }

  function reveal(step, data) {
    var correct = (data.reveal && data.reveal.correct_choices) || [];
    step.querySelectorAll("input[name=choice]").forEach(function (input) {
      if (correct.indexOf(input.value) >= 0) input.closest(".choice").classList.add("choice--correct");
    });
  }

  function answer(step, payload) {
    if (step.getAttribute("data-busy")) return;
    step.setAttribute("data-busy", "1");
    var body = { step_id: step.getAttribute("data-step-id"), client_uuid: uuid4(), payload: payload };
    postWithRetry(root.getAttribute("data-answer-url"), body, 3).then(function (data) {
      answered[body.step_id] = data.is_correct;
      lastProgress = data.progress;
      showFeedback(step, data.is_correct, data.feedback);
      reveal(step, data);
      lock(step);
      showError("");
    }).catch(function (error) { showError(error.message); })
      .then(function () { step.removeAttribute("data-busy"); });
  }

  function questionPayload(form, kind) {
    if (kind === "single_choice") {
      var picked = form.querySelector("input[name=choice]:checked");
      return picked ? { choice: picked.value } : null;
    }
    if (kind === "multiple_choice") {
      var values = Array.prototype.map.call(form.querySelectorAll("input[name=choice]:checked"), function (i) { return i.value; });
      return values.length ? { choices: values } : null;
    }
    if (kind === "true_false") {
      var tf = form.querySelector("input[name=value]:checked");
      return tf ? { value: tf.value === "true" } : null;
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

  root.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-question]");
    if (!form) return;
    event.preventDefault();
    var step = form.closest("[data-step]");
    var payload = questionPayload(form, step.getAttribute("data-kind"));
    if (!payload) { showError(strings.answer_first); return; }
    answer(step, payload);
  });

  function hotspotTap(area, clientX, clientY) {
    var step = area.closest("[data-step]");
    if (stepAnswered(step) || area.getAttribute("aria-disabled")) return;
    var img = area.querySelector("img");
    var box = img.getBoundingClientRect();
    var x = (clientX - box.left) / box.width;
    var y = (clientY - box.top) / box.height;
    if (x < 0 || x > 1 || y < 0 || y > 1) return;
    var marker = area.querySelector("[data-marker]");
    marker.style.left = (100 * x) + "%";
    marker.style.top = (100 * y) + "%";
    marker.hidden = false;
    answer(step, { x: x, y: y });
  }

  root.addEventListener("click", function (event) {
    var area = event.target.closest("[data-hotspot]");
    if (area) { hotspotTap(area, event.clientX, event.clientY); return; }
    var move = event.target.closest("[data-move]");
    if (move) {
      var item = move.closest("[data-item-id]");
      var list = item.parentNode;
      if (move.getAttribute("data-move") === "-1" && item.previousElementSibling) list.insertBefore(item, item.previousElementSibling);
      if (move.getAttribute("data-move") === "1" && item.nextElementSibling) list.insertBefore(item.nextElementSibling, item);
      move.focus();
    }
  });

  function showEnd() {
    steps.forEach(function (step) { step.hidden = true; });
    nextButton.hidden = true;
    root.querySelector("[data-step-count]").hidden = true;
    endScreen.hidden = false;
    var progress = lastProgress || { score: 0, pass_mark: 0, completed: state.completed };
    endScreen.querySelector("[data-end-title]").textContent = strings.finished;
    var score = endScreen.querySelector("[data-end-score]");
    score.textContent = score.getAttribute("data-template")
      .replace("%(score)s", progress.score).replace("%(pass)s", progress.pass_mark).replace(/%%/g, "%");
    var passed = progress.score >= progress.pass_mark;
    endScreen.querySelector("[data-end-passed]").hidden = !passed;
    endScreen.querySelector("[data-end-failed]").hidden = passed;
    endScreen.focus();
  }

  prevButton.addEventListener("click", function () {
    if (!endScreen.hidden) { render(); return; }
    if (index > 0) { index -= 1; render(); }
  });
  nextButton.addEventListener("click", function () {
    var step = steps[index];
    if (stepIsQuestion(step) && !stepAnswered(step)) { showError(strings.answer_first); return; }
    if (index < steps.length - 1) { index += 1; render(); window.scrollTo(0, 0); }
    else { showEnd(); }
  });

  /* Listen: the step's recording, or the browser's voice in the page language. */
  function stopSpeaking() {
    if (window.speechSynthesis) speechSynthesis.cancel();
    root.querySelectorAll("[data-audio]").forEach(function (a) { a.pause(); });
  }
  root.querySelector("[data-listen]").addEventListener("click", function () {
    var step = endScreen.hidden ? steps[index] : endScreen;
    stopSpeaking();
    var audio = step.querySelector("[data-audio]");
    if (audio) { audio.currentTime = 0; audio.play(); return; }
    if (!window.speechSynthesis) return;
    var text = Array.prototype.map.call(step.querySelectorAll("[data-speak]"), function (el) { return el.textContent; }).join(". ");
    var utterance = new SpeechSynthesisUtterance(text || step.textContent);
    utterance.lang = root.getAttribute("data-lang");
    speechSynthesis.speak(utterance);
  });

  render();
})();
