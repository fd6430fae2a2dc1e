/* Mosty networking: the optimiser's progress on the coordinator's page (any app process
 * may answer: the state is in the database). Reloads the page when the run has ended. */
(function () {
  "use strict";
  var box = document.querySelector("[data-progress-url]");
  if (!box || !window.fetch) { return; }
  var bar = box.querySelector("progress");
  var label = box.querySelector("[data-progress-label]");
  function poll() {
    fetch(box.getAttribute("data-progress-url"), { cache: "no-store", credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.state !== "running") { window.location.reload(); return; }
        if (bar) { bar.value = data.percent; }
        if (label) { label.textContent = data.percent + "%"; }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
