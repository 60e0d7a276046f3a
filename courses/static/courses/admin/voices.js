/* The « Voix » screen: record a step's part with the microphone (MediaRecorder), listen to the take,
   and send it with the form as if it were an uploaded file (the server converts it to MP3). */
(function () {
  "use strict";
  var root = document.querySelector("[data-voices-admin]");
  if (!root) return;
  var strings = {};
  root.querySelector("[data-recorder-strings]").content.querySelectorAll("[data-key]").forEach(function (el) {
    strings[el.getAttribute("data-key")] = el.textContent;
  });
  var canRecord = !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.MediaRecorder);

  function extension(type) {
    if (/ogg/.test(type)) return "ogg";
    if (/mp4|aac/.test(type)) return "m4a";
    if (/wav/.test(type)) return "wav";
    return "webm";
  }

  function setUp(form) {
    var controls = form.querySelector("[data-recorder-controls]");
    var record = form.querySelector("[data-record]");
    var stop = form.querySelector("[data-stop]");
    var take = form.querySelector("[data-take]");
    var input = form.querySelector("input[type=file]");
    var recorder = null;
    var chunks = [];
    controls.hidden = !canRecord;
    if (!canRecord) return;

    record.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        chunks = [];
        recorder = new MediaRecorder(stream);
        recorder.addEventListener("dataavailable", function (event) { if (event.data.size) chunks.push(event.data); });
        recorder.addEventListener("stop", function () {
          stream.getTracks().forEach(function (track) { track.stop(); });
          var type = recorder.mimeType || "audio/webm";
          var blob = new Blob(chunks, { type: type });
          take.src = URL.createObjectURL(blob);
          take.hidden = false;
          var files = new DataTransfer();
          files.items.add(new File([blob], "recording." + extension(type), { type: type }));
          input.files = files.files;
          record.classList.remove("is-recording");
          record.hidden = false;
          stop.hidden = true;
        });
        recorder.start();
        record.classList.add("is-recording");
        record.hidden = true;
        stop.hidden = false;
        stop.title = strings.recording;
      }).catch(function () { window.alert(strings.no_microphone); });
    });
    stop.addEventListener("click", function () { if (recorder && recorder.state !== "inactive") recorder.stop(); });
  }

  root.querySelectorAll("[data-recorder]").forEach(setUp);
})();
