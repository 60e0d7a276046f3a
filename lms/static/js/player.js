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
  var A = window.PasserelleAnswers;
  var strings = A.strings(root);
  var index = Math.min(state.current || 0, steps.length - 1);
  var lastProgress = null;
  var pictograms = root.querySelector("[data-pictograms]");

  /* A pictogram of the shared sprite (rendered once in the page by the template tag), hidden from
     screen readers: the element it goes in carries the words. */
  function pictogram(name) {
    return pictograms.content.querySelector('[data-key="' + name + '"] svg').cloneNode(true);
  }

  function showError(message) {
    errorBox.textContent = message || "";
    errorBox.hidden = !message;
  }

  function postWithRetry(url, body, attempts) { return A.postWithRetry(url, body, attempts, strings.offline); }

  function stepIsQuestion(step) { return !!step.querySelector("[data-question], [data-hotspot]"); }
  function stepRecord(step) { return answered[step.getAttribute("data-step-id")]; }
  /* Tried at least once: the learner may go on (a second try is offered, never required). */
  function stepAnswered(step) { return !!stepRecord(step); }
  /* Nothing more to try: right at some try, or no try left. */
  function stepDone(step) { return !!(stepRecord(step) && stepRecord(step).done); }

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
    var last = index === steps.length - 1;
    nextButton.querySelector("[data-next-label]").textContent = last ? strings.finish : strings.next;
    var arrow = nextButton.querySelector("svg"), use = arrow.querySelector("use");  // → or, at the end, a flag
    use.setAttribute("href", use.getAttribute("href").replace(/#.*$/, last ? "#finish" : "#next"));
    arrow.classList.toggle("pictogram--next", !last);
    arrow.classList.toggle("pictogram--finish", last);
    arrow.classList.toggle("pictogram--mirrored", !last && document.documentElement.dir === "rtl");
    var step = steps[index];
    if (stepAnswered(step)) markAnswered(step);
    showStepLanguage(step);
    showError("");
    stopSpeaking();
    markVoice(step);
    visit(step);
  }

  function visit(step) {
    if (root.hasAttribute("data-preview")) return Promise.resolve();  // the editor's preview stores nothing
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
    if (!feedback || !feedback.hidden || !stepDone(step)) return;
    showFeedback(step, { is_correct: stepRecord(step).first, first_try: stepRecord(step).first, tries_left: 0 }, "");
    lock(step);
  }

  function lock(step) {
    step.querySelectorAll("input, .question__check, [data-move]").forEach(function (el) { el.disabled = true; });
    var hotspot = step.querySelector("[data-hotspot]");
    if (hotspot) hotspot.setAttribute("aria-disabled", "true");
  }

  /* A tick or a cross (a star too when right at the first try), the trainer's own words, and "try again" while
     tries are left; brought into view above the button bar. */
  function showFeedback(step, data, text) {
    var feedback = step.querySelector("[data-feedback]");
    var right = data.is_correct;
    var again = !right && data.tries_left !== 0;
    feedback.className = "feedback " + (right ? "feedback--right" : "feedback--wrong");
    feedback.textContent = "";
    var mark = document.createElement("span");
    mark.className = "feedback__mark";
    mark.setAttribute("role", "img");
    mark.setAttribute("aria-label", right ? (data.first_try ? strings.first_try : strings.right) : strings.wrong);
    if (right && data.first_try) mark.appendChild(pictogram("star"));
    mark.appendChild(pictogram(right ? "right" : "wrong"));
    feedback.appendChild(mark);
    if (text) {
      var words = document.createElement("span");
      words.className = "feedback__text";
      words.setAttribute("data-speak", "");
      words.textContent = text;
      feedback.appendChild(words);
    }
    if (again) {
      var retry = document.createElement("span");
      retry.className = "feedback__again";
      retry.appendChild(pictogram("again"));
      retry.appendChild(document.createTextNode(strings.try_again));
      feedback.appendChild(retry);
    }
    feedback.hidden = false;
    feedback.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  /* The card chosen gets ✔ or ✘ (a shape, not only a colour). */
  function markChosen(step, right) {
    step.querySelectorAll(".choice").forEach(function (label) {
      label.classList.remove("choice--chosen-right", "choice--chosen-wrong");
      var input = label.querySelector("input");
      if (input && input.checked) label.classList.add(right ? "choice--chosen-right" : "choice--chosen-wrong");
    });
  }

  function reveal(step, data) {
    var correct = (data.reveal && data.reveal.correct_choices) || [];
    step.querySelectorAll("input[name=choice]").forEach(function (input) {
      if (correct.indexOf(input.value) >= 0) input.closest(".choice").classList.add("choice--correct");
    });
    var zones = (data.reveal && data.reveal.zones) || [];
    var area = step.querySelector("[data-hotspot]");
    if (!area || !zones.length || area.querySelector(".hotspot__zone")) return;
    zones.forEach(function (zone) {
      var box = document.createElement("span");
      box.className = "hotspot__zone";
      box.style.left = (100 * zone.x) + "%";
      box.style.top = (100 * zone.y) + "%";
      box.style.width = (100 * zone.w) + "%";
      box.style.height = (100 * zone.h) + "%";
      area.appendChild(box);
    });
  }

  function answer(step, payload) {
    if (step.getAttribute("data-busy") || stepDone(step)) return;
    step.setAttribute("data-busy", "1");
    var body = { step_id: step.getAttribute("data-step-id"), client_uuid: A.uuid4(), payload: payload };
    var swapped = step.hasAttribute("data-answer-url");  // a step shown in another language (« my language »)
    postWithRetry(step.getAttribute("data-answer-url") || root.getAttribute("data-answer-url"), body, 3).then(function (data) {
      if (swapped) visit(step);  // the score as this page counts it, for the end screen
      answered[body.step_id] = { first: data.first_try, done: data.is_correct || data.tries_left === 0 };
      if (data.progress) lastProgress = data.progress;
      markChosen(step, data.is_correct);
      showFeedback(step, data, data.feedback);
      reveal(step, data);
      if (stepDone(step)) lock(step);
      showError("");
    }).catch(function (error) { showError(error.message); })
      .then(function () { step.removeAttribute("data-busy"); });
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

  function hotspotTap(area, clientX, clientY) {
    var step = area.closest("[data-step]");
    if (stepDone(step) || area.getAttribute("aria-disabled")) return;
    var point = A.tapPoint(area, clientX, clientY);
    if (point) answer(step, point);
  }

  root.addEventListener("click", function (event) {
    var area = event.target.closest("[data-hotspot]");
    if (area) { hotspotTap(area, event.clientX, event.clientY); return; }
    var move = event.target.closest("[data-move]");
    if (move) A.move(move);
  });

  /* One mark per question: a star for right at the first try, a cross for a first try wrong, – for none. */
  function endMarks() {
    var list = endScreen.querySelector("[data-end-marks]");
    list.textContent = "";
    var number = 0;
    steps.forEach(function (step) {
      if (!step.querySelector("[data-question], [data-hotspot]") || step.getAttribute("data-kind") === "hotspot") return;
      number += 1;
      var record = stepRecord(step);
      var item = document.createElement("li");
      item.className = "end-mark " + (!record ? "end-mark--none" : record.first ? "end-mark--right" : "end-mark--wrong");
      item.setAttribute("aria-label", strings.question_mark.replace("%(n)s", number).replace("%(result)s",
        !record ? strings.not_answered : record.first ? strings.first_try : strings.wrong));
      if (record) item.appendChild(pictogram(record.first ? "star" : "wrong"));
      else item.textContent = "–";
      list.appendChild(item);
    });
    list.hidden = number === 0;
  }

  /* « My language »: this step alone in another of the learner's languages, and back. The step keeps
     its id, so its answer, the place in the lesson and the progress stay the same. */
  var langs = root.querySelector("[data-step-langs]");
  var pageLang = root.getAttribute("data-lang");
  var originals = {};

  function stepLanguage(step) { return step.getAttribute("lang") || pageLang; }

  function showStepLanguage(step, note) {
    if (!langs) return;
    langs.hidden = !step;
    if (!step) return;
    langs.querySelectorAll("[data-step-lang]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-step-lang") === stepLanguage(step)));
    });
    var box = langs.querySelector("[data-step-note]");
    box.textContent = note || "";
    box.hidden = !note;
  }

  function restore(step) {
    var id = step.getAttribute("data-step-id");
    if (!(id in originals)) return;
    step.innerHTML = originals[id];
    delete originals[id];
    ["lang", "dir", "data-answer-url"].forEach(function (name) { step.removeAttribute(name); });
    if (stepAnswered(step)) markAnswered(step);
    showStepLanguage(step);
  }

  function switchStep(step, code) {
    if (code === stepLanguage(step)) return;
    stopSpeaking();
    if (code === pageLang) { restore(step); return; }
    var id = step.getAttribute("data-step-id");
    var url = langs.getAttribute("data-url").replace("00000000-0000-0000-0000-000000000000", id).replace(/xx\/$/, code + "/");
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.error || strings.offline);
        return data;
      });
    }, function () { throw new Error(strings.offline); }).then(function (data) {
      if (!data.html) { showStepLanguage(step, data.note); return; }
      if (!(id in originals)) originals[id] = step.innerHTML;
      step.innerHTML = data.html;
      step.setAttribute("lang", data.lang);
      step.setAttribute("dir", data.dir);
      step.setAttribute("data-answer-url", data.answer_url);
      if (stepAnswered(step)) markAnswered(step);
      showStepLanguage(step, data.note);
      showError("");
    }).catch(function (error) { showError(error.message); });
  }

  if (langs) langs.addEventListener("click", function (event) {
    var button = event.target.closest("[data-step-lang]");
    if (button && endScreen.hidden) switchStep(steps[index], button.getAttribute("data-step-lang"));
  });

  function showEnd() {
    showStepLanguage(null);
    steps.forEach(function (step) { step.hidden = true; });
    nextButton.hidden = true;
    root.querySelector("[data-step-count]").hidden = true;
    endScreen.hidden = false;
    markVoice(null);
    var progress = lastProgress || { score: 0, pass_mark: 0, completed: state.completed };
    endScreen.querySelector("[data-end-title]").textContent = strings.finished;
    var score = endScreen.querySelector("[data-end-score]");
    score.textContent = score.getAttribute("data-template")
      .replace("%(score)s", progress.score).replace("%(pass)s", progress.pass_mark).replace(/%%/g, "%");
    endScreen.querySelector("[data-end-bar]").style.inlineSize = progress.score + "%";
    endScreen.querySelector("[data-end-needed]").style.insetInlineStart = progress.pass_mark + "%";
    var passed = progress.score >= progress.pass_mark;
    endScreen.querySelector("[data-end-passed]").hidden = !passed;
    endScreen.querySelector("[data-end-failed]").hidden = passed;
    endScreen.querySelectorAll("[data-when-passed]").forEach(function (el) { el.hidden = !passed; });
    endScreen.querySelector("[data-restart]").classList.toggle("button--primary", !passed);
    endMarks();
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

  /* Listen: the step's recording, else its synthetic voice (marked), else the browser's voice. */
  var lang = root.getAttribute("data-lang");
  var syntheticMark = root.querySelector("[data-synthetic-mark]");
  function stopSpeaking() { A.stopSpeaking(root); }
  function markVoice(step) { syntheticMark.hidden = !(step && A.synthetic(step)); }
  root.querySelector("[data-listen]").addEventListener("click", function () {
    stopSpeaking();
    var shown = endScreen.hidden ? steps[index] : endScreen;
    if (!A.speak(shown, shown.getAttribute("lang") || lang)) showError(strings.no_voice);
  });
  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-choice-listen]");
    if (!button) return;
    event.preventDefault();  /* hear the choice, do not choose it */
    stopSpeaking();
    if (!A.speakChoice(button, lang)) showError(strings.no_voice);
  });
  var slowButton = root.querySelector("[data-slow]");
  if (/^fr/.test(lang || "")) {
    slowButton.hidden = false;
    slowButton.setAttribute("aria-pressed", A.slow() ? "true" : "false");
    slowButton.addEventListener("click", function () {
      A.slowSet(!A.slow());
      slowButton.setAttribute("aria-pressed", A.slow() ? "true" : "false");
      root.querySelectorAll("[data-audio], [data-voice]").forEach(function (a) { if (!a.paused) a.playbackRate = A.slow() ? 0.75 : 1; });
    });
  }

  render();
})();
