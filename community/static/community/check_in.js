/* Check-in screen: one tap per attendee. Each tap is posted with a UUID made here and retried until the
   server has it; the server records it once, so a retry after the network came back never counts twice. */
(function () {
  "use strict";
  var root = document.querySelector("[data-check-in]");
  if (!root) return;
  var url = root.getAttribute("data-tap-url");
  var errorBox = root.querySelector("[data-error]");
  var presentBox = root.querySelector("[data-present]");
  var handover = root.querySelector("[data-handover]");
  var strings = {};
  root.querySelector("[data-strings]").content.querySelectorAll("[data-key]").forEach(function (el) {
    strings[el.getAttribute("data-key")] = el.textContent;
  });

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

  function post(body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (response.status === 401) { window.location.reload(); }
      return response.json().then(function (data) {
        if (!response.ok) { var refused = new Error(data.error || strings.offline); refused.final = true; throw refused; }
        return data;
      });
    }, function () { throw new Error(strings.offline); });
  }

  /* Retried with the same UUID while the network is down, for as long as the page is open (a refusal
     from the server is final); the button stays "pending" meanwhile. */
  function postWithRetry(body, attempts) {
    return post(body).catch(function (error) {
      if (error.final || attempts <= 1) throw error;
      showError(strings.offline);
      return new Promise(function (resolve) { setTimeout(resolve, 1500); }).then(function () {
        return postWithRetry(body, attempts - 1);
      });
    });
  }

  function markIn(learnerId) {
    root.querySelectorAll('[data-learner-id="' + learnerId + '"]').forEach(function (button) {
      button.classList.add("attendee--in");
      button.classList.remove("attendee--pending");
      button.setAttribute("aria-pressed", "true");
    });
  }

  function done(data) {
    showError("");
    presentBox.textContent = data.present;
    markIn(data.learner_id);
    return data;
  }

  function tap(button) {
    if (button.getAttribute("aria-pressed") === "true" || button.classList.contains("attendee--pending")) return;
    button.classList.add("attendee--pending");
    postWithRetry({ learner_id: Number(button.getAttribute("data-learner-id")), client_uuid: uuid4() }, Infinity)
      .then(done)
      .catch(function (error) { button.classList.remove("attendee--pending"); showError(error.message); });
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-learner-id]");
    if (button) tap(button);
  });

  var search = root.querySelector("[data-search]");
  search.addEventListener("input", function () {
    var text = search.value.trim().toLowerCase();
    var shown = 0;
    root.querySelectorAll("[data-others] > li").forEach(function (item) {
      var match = text ? item.getAttribute("data-name").indexOf(text) >= 0 : shown < 6;
      item.hidden = !match;
      if (match) shown += 1;
    });
  });

  function addNewPerson(data) {
    var list = root.querySelector("[data-list]");
    var nobody = list.querySelector("[data-nobody]");
    if (nobody) nobody.remove();
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "attendee attendee--in";
    button.setAttribute("data-learner-id", data.learner_id);
    button.setAttribute("aria-pressed", "true");
    var avatar = document.createElement("span");
    avatar.className = "avatar";
    avatar.setAttribute("aria-hidden", "true");
    avatar.style.setProperty("--avatar", "#1f5f8b");
    avatar.textContent = data.name.charAt(0).toUpperCase();
    var name = document.createElement("bdi");
    name.className = "attendee__name";
    name.textContent = data.name;
    var svgNs = "http://www.w3.org/2000/svg";
    var mark = document.createElementNS(svgNs, "svg");
    mark.setAttribute("class", "attendee__mark icon");
    mark.setAttribute("aria-hidden", "true");
    var use = document.createElementNS(svgNs, "use");
    use.setAttribute("href", "#i-check");
    mark.appendChild(use);
    button.appendChild(avatar);
    button.appendChild(name);
    button.appendChild(mark);
    item.appendChild(button);
    list.appendChild(item);
    if (data.pictures.length) {
      handover.textContent = data.name + " · " + strings.pictures + " " + data.pictures.join(", ");
      handover.hidden = false;
    }
  }

  var form = root.querySelector("[data-new]");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var input = form.querySelector("input[name=display_name]");
    var submit = form.querySelector("button");
    if (!input.value.trim()) { input.focus(); return; }
    submit.disabled = true;
    postWithRetry({ display_name: input.value, client_uuid: uuid4() }, Infinity)
      .then(function (data) { done(data); if (data.created) addNewPerson(data); input.value = ""; })
      .catch(function (error) { showError(error.message); })
      .then(function () { submit.disabled = false; });
  });
})();
