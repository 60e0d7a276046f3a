/* Card sign-in: the QR code's address carries the card's secret after « # », which browsers never send
   to the server (so it reaches no log). Take it out of the address bar and history, then post it. */
(function () {
  var form = document.querySelector("[data-card-form]");
  var token = window.location.hash.slice(1);
  if (!form || !token) return;
  history.replaceState(null, "", window.location.pathname + window.location.search);
  form.querySelector("[name=token]").value = token;
  form.submit();
})();
