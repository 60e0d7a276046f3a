/* The lesson page's side of its H5P steps. Each step's frame is sandboxed (opaque origin), so it
   cannot call Passerelle: this script starts it with the learner's saved state and relays what it
   reports (results, state, height) with the learner's session and CSRF token. Only messages whose
   source is that step's own frame, with a sandboxed frame's origin ("null"), are read; the package,
   lesson and step come from the page, never from the frame. Results keep their id when they are
   sent again, so a retry is recorded once; « Finish » waits for them before signing out. */
(function () {
  "use strict";
  if (window.PasserelleH5P) return;

  var PREFIX = "passerelle-h5p:";
  var LOAD_TIMEOUT_MS = 20000;
  var STATE_DELAY_MS = 1000;
  var RETRIES = 4;
  var KEEPALIVE_MAX = 60000;
  var FLUSH_MAX_MS = 4000;
  var MESSAGE_DELAY_MS = 150;
  var MIN_HEIGHT = 150;
  var MAX_HEIGHT = 4000;
  var pending = [];
  var steps = [];

  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function uuid4() {
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function track(promise) {
    pending.push(promise);
    var forget = function () { pending.splice(pending.indexOf(promise), 1); };
    promise.then(forget, forget);
    return promise;
  }

  /* POST JSON; network failures and server errors are retried (same body), refusals are not. */
  function post(url, payload, attempt) {
    var body = JSON.stringify(payload);
    attempt = attempt || 0;
    return fetch(url, {
      method: "POST", credentials: "same-origin", keepalive: body.length < KEEPALIVE_MAX,
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() }, body: body
    }).then(function (response) {
      if (response.status >= 500 && attempt < RETRIES) return retry(url, payload, attempt);
      return response.json().catch(function () { return {}; }).then(function (data) {
        data.status = response.status;
        return data;
      });
    }, function () {
      return attempt < RETRIES ? retry(url, payload, attempt) : { status: 0 };
    });
  }

  function retry(url, payload, attempt) {
    return new Promise(function (resolve) {
      setTimeout(function () { resolve(post(url, payload, attempt + 1)); }, 500 * Math.pow(2, attempt));
    });
  }

  function Step(root) {
    this.root = root;
    this.frame = root.querySelector("[data-h5p-frame]");
    this.started = false;
    this.state = null;
    this.stateTimer = null;
    this.loadTimer = null;
    var self = this;
    this.frame.addEventListener("load", function () {
      self.hello();
      clearTimeout(self.loadTimer);
      self.loadTimer = setTimeout(function () { if (!self.playing) self.fail(); }, LOAD_TIMEOUT_MS);
    });
    this.hello();
  }

  Step.prototype.send = function (type, data) {
    // A sandboxed frame has an opaque origin, which no targetOrigin can name.
    this.frame.contentWindow.postMessage(Object.assign({ type: PREFIX + type }, data || {}), "*");
  };

  Step.prototype.hello = function () {
    if (!this.started) this.send("hello");
  };

  Step.prototype.start = function () {
    if (this.started) return;
    this.started = true;
    var self = this;
    fetch(this.root.dataset.stateUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; })
      .then(function (data) { self.send("start", { state: typeof data.state === "string" ? data.state : null }); });
  };

  Step.prototype.show = function (selector, visible) {
    var element = this.root.querySelector(selector);
    if (element) element.hidden = !visible;
  };

  Step.prototype.fail = function (reason) {
    if (reason && window.console) console.warn("H5P activity could not be loaded:", String(reason).slice(0, 200));
    clearTimeout(this.loadTimer);
    this.playing = false;
    this.frame.hidden = true;
    this.show("[data-h5p-loading]", false);
    this.show("[data-h5p-failed]", true);
  };

  Step.prototype.played = function () {
    clearTimeout(this.loadTimer);
    this.playing = true;
    this.show("[data-h5p-loading]", false);
  };

  Step.prototype.resize = function (height) {
    if (typeof height !== "number" || !isFinite(height)) return;
    this.frame.style.height = Math.min(Math.max(Math.round(height), MIN_HEIGHT), MAX_HEIGHT) + "px";
  };

  Step.prototype.statement = function (statement) {
    if (!statement || typeof statement !== "object") return;
    if (typeof statement.id !== "string") statement.id = uuid4();
    var root = this.root;
    var payload = { package: Number(root.dataset.package), lesson: Number(root.dataset.lesson), step: root.dataset.stepId, statement: statement };
    track(post(root.dataset.statementsUrl, payload).then(function (data) {
      root.dispatchEvent(new CustomEvent("passerelle:h5p-result", { bubbles: true, detail: data }));
    }));
  };

  Step.prototype.saveState = function (state) {
    if (typeof state !== "string") return;
    this.state = state;
    var self = this;
    clearTimeout(this.stateTimer);
    this.stateTimer = setTimeout(function () { self.flushState(); }, STATE_DELAY_MS);
  };

  Step.prototype.flushState = function () {
    clearTimeout(this.stateTimer);
    if (this.state === null) return;
    var state = this.state;
    this.state = null;
    track(post(this.root.dataset.stateUrl, { state: state }));
  };

  Step.prototype.receive = function (data) {
    var type = typeof data.type === "string" ? data.type.slice(PREFIX.length) : "";
    if (type === "ready") this.start();
    else if (type === "started") this.played();
    else if (type === "failed") this.fail(data.reason);
    else if (type === "resize") this.resize(data.height);
    else if (type === "statement") this.statement(data.statement);
    else if (type === "state") this.saveState(data.state);
  };

  function onMessage(event) {
    if (event.origin !== "null" || !event.data || typeof event.data !== "object") return;
    if (typeof event.data.type !== "string" || event.data.type.indexOf(PREFIX) !== 0) return;
    for (var i = 0; i < steps.length; i++) {
      if (steps[i].frame.contentWindow === event.source) return steps[i].receive(event.data);
    }
  }

  /* Everything not yet sent, sent now; resolves when Passerelle has answered (or after a few seconds). */
  function flush() {
    var wait = function (ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); };
    // Messages the frame has just sent are handled first; then everything on its way is awaited.
    var sent = wait(MESSAGE_DELAY_MS).then(function () {
      steps.forEach(function (step) { step.flushState(); });
      return Promise.all(pending.slice());
    });
    return Promise.race([sent, wait(FLUSH_MAX_MS)]);
  }

  /* Signing out (« Finish », or the idle end of a tablet session, which submits the same form) waits
     for the results on their way, so none is lost to the next learner. */
  function holdSignOut(event) {
    var form = event.target;
    if (!form.matches || !form.matches("form.end-session") || form.dataset.h5pFlushed) return;
    event.preventDefault();
    form.dataset.h5pFlushed = "1";
    flush().then(function () { form.submit(); });
  }

  function init() {
    document.querySelectorAll("[data-h5p]").forEach(function (root) {
      if (root.querySelector("[data-h5p-frame]")) steps.push(new Step(root));
    });
  }

  window.addEventListener("message", onMessage);
  document.addEventListener("submit", holdSignOut, true);
  window.addEventListener("pagehide", function () { steps.forEach(function (step) { step.flushState(); }); });
  window.PasserelleH5P = { flush: flush };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
