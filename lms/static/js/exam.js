/* Exam player: one question per screen, answers saved by the server (never said right or wrong),
   the server's time left, handing in. Plain JavaScript; shares answers.js with the lesson player. */
(function () {
  "use strict";
  var root = document.querySelector("[data-exam]");
  if (!root) return;
  var A = window.PasserelleAnswers;
  var strings = A.strings(root);
  var state = JSON.parse(document.getElementById("exam-state").textContent);
  var steps = Array.prototype.slice.call(root.querySelectorAll("[data-step]"));
  var endScreen = root.querySelector("[data-end]");
  var prevButton = root.querySelector("[data-prev]");
  var nextButton = root.querySelector("[data-next]");
  var errorBox = root.querySelector("[data-error]");
  var timer = root.querySelector("[data-timer]");
  var listen = root.querySelector("[data-listen]");
  var answered = {};
  (state.answered || []).forEach(function (id) { answered[id] = true; });
  var deadline = Date.now() + 1000 * state.remaining_seconds;
  var index = Math.max(0, firstUnanswered());
  var handingIn = false;

  function firstUnanswered() {
    for (var i = 0; i < steps.length; i++) if (!answered[steps[i].getAttribute("data-step-id")]) return i;
    return steps.length - 1;
  }

  function showError(message) {
    errorBox.textContent = message || "";
    errorBox.hidden = !message;
  }

  function lock(step) {
    step.querySelectorAll("input, .question__check, [data-move]").forEach(function (el) { el.disabled = true; });
    var hotspot = step.querySelector("[data-hotspot]");
    if (hotspot) hotspot.setAttribute("aria-disabled", "true");
    step.querySelector("[data-saved]").hidden = false;
  }

  function render() {
    steps.forEach(function (step, i) { step.hidden = i !== index; });
    endScreen.hidden = true;
    nextButton.hidden = false;
    var count = root.querySelector("[data-step-count]");
    count.hidden = false;
    count.textContent = count.getAttribute("data-template")
      .replace("%(current)s", index + 1).replace("%(total)s", steps.length);
    root.querySelector("[data-progress-bar]").style.inlineSize = (100 * (index + 1) / steps.length) + "%";
    prevButton.disabled = index === 0;
    nextButton.firstChild.textContent = (index === steps.length - 1 ? strings.to_hand_in : strings.next) + " ";
    var step = steps[index];
    if (answered[step.getAttribute("data-step-id")]) lock(step);
    showError("");
    if (listen) A.stopSpeaking(root);
  }

  function showEnd() {
    steps.forEach(function (step) { step.hidden = true; });
    nextButton.hidden = true;
    root.querySelector("[data-step-count]").hidden = true;
    var missing = steps.filter(function (step) { return !answered[step.getAttribute("data-step-id")]; }).length;
    root.querySelector("[data-all-answered]").hidden = missing > 0;
    var unanswered = root.querySelector("[data-unanswered]");
    unanswered.hidden = missing === 0;
    unanswered.textContent = unanswered.getAttribute("data-template").replace("%(count)s", missing);
    endScreen.hidden = false;
    endScreen.focus();
  }

  function answer(step, payload) {
    var id = step.getAttribute("data-step-id");
    if (answered[id] || step.getAttribute("data-busy")) return;
    step.setAttribute("data-busy", "1");
    var body = { question_id: id, client_uuid: A.uuid4(), payload: payload };
    A.postWithRetry(state.answer_url, body, 3, strings.offline).then(function () {
      answered[id] = true;
      lock(step);
      showError("");
    }).catch(function (error) {
      showError(error.message);
      sync();  // the time may be up, or the supervisor may have ended the exam
    }).then(function () { step.removeAttribute("data-busy"); });
  }

  function handIn() {
    if (handingIn) return;
    handingIn = true;
    A.postWithRetry(state.submit_url, {}, 5, strings.offline).then(function () {
      window.location.reload();
    }, function (error) { handingIn = false; showError(error.message); });
  }

  /* The server's clock decides: its time left replaces ours (extra time granted, a closed session). */
  function sync() {
    fetch(state.state_url, { credentials: "same-origin" }).then(function (response) {
      if (response.status === 401) { window.location.reload(); return null; }
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data) return;
      if (data.submitted) { window.location.reload(); return; }
      deadline = Date.now() + 1000 * data.remaining_seconds;
    }, function () {});
  }

  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var minutes = Math.floor(left / 60), seconds = left % 60;
    timer.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    timer.parentNode.classList.toggle("exam__timer--short", left <= 60);
    if (left === 0) { showError(strings.time_up); handIn(); return; }
    setTimeout(tick, 1000);
  }

  root.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-question]");
    if (!form) return;
    event.preventDefault();
    var step = form.closest("[data-step]");
    var payload = A.payload(form, step.getAttribute("data-kind"));
    if (!payload) { showError(strings.answer_first); return; }
    answer(step, payload);
  });

  root.addEventListener("click", function (event) {
    var area = event.target.closest("[data-hotspot]");
    if (area) {
      var step = area.closest("[data-step]");
      if (answered[step.getAttribute("data-step-id")] || area.getAttribute("aria-disabled")) return;
      var point = A.tapPoint(area, event.clientX, event.clientY);
      if (point) answer(step, point);
      return;
    }
    var move = event.target.closest("[data-move]");
    if (move) A.move(move);
  });

  prevButton.addEventListener("click", function () {
    if (!endScreen.hidden) { render(); return; }
    if (index > 0) { index -= 1; render(); }
  });
  nextButton.addEventListener("click", function () {
    if (index < steps.length - 1) { index += 1; render(); window.scrollTo(0, 0); } else { showEnd(); }
  });
  root.querySelector("[data-submit]").addEventListener("click", handIn);
  if (listen) {
    listen.addEventListener("click", function () {
      A.stopSpeaking(root);
      if (!A.speak(endScreen.hidden ? steps[index] : endScreen, root.getAttribute("data-lang"))) showError(strings.no_voice);
    });
  }

  render();
  tick();
  setInterval(sync, 30000);
})();
