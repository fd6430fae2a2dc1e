// Suggests organisations of the directory while the user types a name; without JavaScript the
// typed name is resolved on submit.
(function () {
  var script = document.currentScript;
  var url = script.getAttribute("data-url");
  var list = document.getElementById("organisation-options");
  if (!url || !list) return;
  var timer = null;
  document.querySelectorAll("input[data-organisation-search]").forEach(function (input) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2 || text.indexOf("[") !== -1) return;
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(text), {headers: {"Accept": "application/json"}})
          .then(function (response) { return response.json(); })
          .then(function (data) {
            list.innerHTML = "";
            data.results.forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.label;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a convenience; typing still works */ });
      }, 200);
    });
  });
})();
