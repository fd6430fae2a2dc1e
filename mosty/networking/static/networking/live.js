/* Mosty networking: keeps a live region up to date without reloading the page.
 * Polls the element's data-live-url every 5 s with If-None-Match (an unchanged state is a
 * bodiless 304), counts the clock down locally, and sends "continue with" marks in the
 * background (and meeting ratings). Without JavaScript the page still works: reload link and plain forms. */
(function () {
  "use strict";
  var root = document.querySelector("[data-live-url]");
  if (!root || !window.fetch) { return; }
  var url = root.getAttribute("data-live-url");
  var etag = root.getAttribute("data-etag") || "";
  var every = parseInt(root.getAttribute("data-interval") || "5000", 10);
  var announce = document.getElementById("live-announce");
  var offline = document.getElementById("live-offline");
  var endAt = 0, frozen = 0, paused = false, due = false, timer = null, busy = false;
  var lastAnnounce = "";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function readClock() {
    var state = root.querySelector("[data-remaining]");
    if (!state) { endAt = 0; return; }
    var left = parseInt(state.getAttribute("data-remaining"), 10) || 0;
    paused = state.getAttribute("data-paused") === "1";
    frozen = left;
    endAt = Date.now() + left * 1000;
    due = false;
    var text = state.getAttribute("data-announce") || "";
    if (text && text !== lastAnnounce) {
      if (lastAnnounce && announce) { announce.textContent = text; }
      if (lastAnnounce && navigator.vibrate) { navigator.vibrate(200); }
      lastAnnounce = text;
    }
  }

  function tick() {
    var shown = root.querySelectorAll("[data-countdown]");
    if (!shown.length || !endAt) { return; }
    var left = paused ? frozen : Math.max(0, Math.round((endAt - Date.now()) / 1000));
    var text = pad(Math.floor(left / 60)) + ":" + pad(left % 60);
    for (var i = 0; i < shown.length; i++) { shown[i].textContent = text; }
    if (!paused && left <= 0 && !due) {
      due = true;  /* the phase is over: ask soon, spread over 2 s so 100 phones do not collide */
      later(300 + Math.random() * 2000);
    }
  }

  function later(ms) {
    clearTimeout(timer);
    timer = setTimeout(poll, ms);
  }

  function typing() {
    /* A half-written note must not be replaced by a refresh: wait until it is sent. */
    var active = document.activeElement;
    if (active && root.contains(active) && /^(TEXTAREA|INPUT)$/.test(active.tagName)) {
      return true;
    }
    var notes = root.querySelectorAll("textarea");
    for (var i = 0; i < notes.length; i++) {
      if (notes[i].value !== notes[i].defaultValue) { return true; }
    }
    return false;
  }

  function poll() {
    if (busy) { return; }
    if (typing()) { later(every); return; }
    busy = true;
    fetch(url, { headers: { "If-None-Match": etag, "Accept": "application/json" },
                 cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 304) { return null; }
        if (!response.ok) { throw new Error(String(response.status)); }
        etag = response.headers.get("ETag") || "";
        return response.json();
      })
      .then(function (data) {
        if (data && typeof data.html === "string") {
          root.innerHTML = data.html;
          readClock();
          tick();
        }
        if (offline) { offline.hidden = true; }
      })
      .catch(function () { if (offline) { offline.hidden = false; } })
      .then(function () { busy = false; later(document.hidden ? every * 3 : every); });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-live-form")) { return; }
    event.preventDefault();
    var body = new FormData(form);
    var pressed = event.submitter;  /* the answer tapped (a form may have several buttons) */
    if (pressed && pressed.name) { body.append(pressed.name, pressed.value); }
    var buttons = form.querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = true; }
    var notes = form.querySelectorAll("textarea");
    for (var j = 0; j < notes.length; j++) { notes[j].defaultValue = notes[j].value; }
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin",
                         headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data && data.error && announce) { announce.textContent = data.error; }
      })
      .catch(function () {
        if (pressed && pressed.name) {  /* form.submit() leaves out the button's value */
          var kept = document.createElement("input");
          kept.type = "hidden"; kept.name = pressed.name; kept.value = pressed.value;
          form.appendChild(kept);
        }
        form.submit();
      })
      .then(function () { poll(); });
  });

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { later(0); }
  });

  readClock();
  setInterval(tick, 1000);
  tick();
  later(every);
})();
