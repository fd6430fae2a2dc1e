// Suggestions while typing, for inputs with data-suggest-url (gminas, organisations): the
// server's labels fill the input's datalist. Without JavaScript the typed text is resolved
// when the form is submitted, so this is only a convenience.
(function () {
  document.querySelectorAll("input[data-suggest-url]").forEach(function (input) {
    var url = input.getAttribute("data-suggest-url");
    var listId = input.getAttribute("list");
    var list = document.getElementById(listId);
    if (!list) {
      list = document.createElement("datalist");
      list.id = listId;
      document.body.appendChild(list);
    }
    var timer = null;
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
          .catch(function () { /* typing still works without suggestions */ });
      }, 200);
    });
  });
})();
