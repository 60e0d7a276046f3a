/* Inside the sandboxed H5P frame (an opaque origin: no cookies, no access to the lesson page).
   Waits for the lesson page to send the learner's saved state, starts h5p-standalone, and passes the
   player's xAPI statements, its state and its height back to the page, which relays them to
   Passerelle. Nothing here can reach Passerelle as the learner. */
(function () {
  "use strict";

  var PREFIX = "passerelle-h5p:";
  var STATE_EVERY_MS = 5000;
  var options = JSON.parse(document.getElementById("h5p-player-options").textContent);
  var parentOrigin = options.parentOrigin;
  var started = false;
  var lastState = null;
  var lastHeight = 0;

  /* A sandboxed frame may not touch the browser's storage (reading localStorage throws), but H5P's
     core reads it (offline queue, copy and paste): it gets a stand-in kept in memory for this page
     only, so nothing of a learner stays on the tablet. */
  function memoryStorage() {
    var items = {};
    return {
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null; },
      setItem: function (key, value) { items[key] = String(value); },
      removeItem: function (key) { delete items[key]; },
      clear: function () { items = {}; },
      key: function (index) { return Object.keys(items)[index] || null; },
      get length() { return Object.keys(items).length; }
    };
  }

  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      return window[name];
    } catch (error) {
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    }
  });

  function send(type, data) {
    window.parent.postMessage(Object.assign({ type: PREFIX + type }, data || {}), parentOrigin);
  }

  function instance() {
    return window.H5P && window.H5P.instances && window.H5P.instances[0];
  }

  function reportState() {
    var current = instance();
    if (!current || typeof current.getCurrentState !== "function") return;
    var state;
    try {
      state = JSON.stringify(current.getCurrentState());
    } catch (error) {
      return;
    }
    if (state && state !== lastState) {
      lastState = state;
      send("state", { state: state });
    }
  }

  function reportHeight() {
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== lastHeight) {
      lastHeight = height;
      send("resize", { height: height });
    }
  }

  function listen() {
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      send("statement", { statement: event.data.statement });
      window.setTimeout(reportState, 0);
    });
    window.setInterval(reportState, STATE_EVERY_MS);
    if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.body);
    reportHeight();
  }

  function settings(state) {
    // H5P hands a saved state to the content only when saveFreq is set; its own saving is a no-op
    // here (no user is given to it), the state is read with getCurrentState() and relayed instead.
    var result = Object.assign({}, options, { id: "passerelle", embedType: "div", frame: false, saveFreq: 60 });
    delete result.parentOrigin;
    if (state) result.contentUserData = [{ state: state }];
    return result;
  }

  function start(state) {
    if (started) return;
    started = true;
    try {
      new window.H5PStandalone.H5P(document.getElementById("h5p-player"), settings(state)).then(function () {
        if (!instance()) throw new Error("no H5P instance");
        listen();
        send("started");
      }).catch(function (error) {
        send("failed", { reason: String(error).slice(0, 200) });
      });
    } catch (error) {
      send("failed", { reason: String(error).slice(0, 200) });
    }
  }

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || event.origin !== parentOrigin) return;
    var data = event.data || {};
    if (data.type === PREFIX + "hello") send("ready");
    else if (data.type === PREFIX + "start") start(typeof data.state === "string" ? data.state : null);
  });
  send("ready");
})();
