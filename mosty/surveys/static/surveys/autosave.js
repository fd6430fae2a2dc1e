// Keeps what the respondent types in this browser until the page is saved on the server,
// so a dropped connection on "next" loses nothing: reopening the page fills it in again.
(function () {
  // After submitting, nothing typed stays behind in this browser (a shared phone).
  var done = document.querySelector("[data-autosave-clear]");
  if (done && window.localStorage) {
    var prefix = "mosty-survey:" + done.getAttribute("data-autosave-clear") + "#";
    Object.keys(localStorage).forEach(function (key) {
      if (key.indexOf(prefix) === 0) { localStorage.removeItem(key); }
    });
    return;
  }
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.localStorage) { return; }
  var key = "mosty-survey:" + form.getAttribute("data-autosave");
  function collect() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.name === "page" || el.type === "submit") { return; }
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) { (data[el.name] = data[el.name] || []).push(el.value); }
      } else { data[el.name] = [el.value]; }
    });
    return data;
  }
  function restore(data) {
    Array.prototype.forEach.call(form.elements, function (el) {
      var values = data[el.name];
      if (!values) { return; }
      if (el.type === "radio" || el.type === "checkbox") { el.checked = values.indexOf(el.value) !== -1; }
      else if (!el.value) { el.value = values[0]; }
    });
  }
  try {
    var stored = JSON.parse(localStorage.getItem(key) || "null");
    if (stored && form.getAttribute("data-saved") === "0") { restore(stored); }
  } catch (e) { localStorage.removeItem(key); }
  form.addEventListener("change", function () { localStorage.setItem(key, JSON.stringify(collect())); });
  form.addEventListener("input", function () { localStorage.setItem(key, JSON.stringify(collect())); });
  if (form.getAttribute("data-saved") === "1") { localStorage.removeItem(key); }
})();
