// Shows only the settings that matter for each question's kind (options for choices, file
// types and size for attachments). Without JavaScript every setting stays visible.
(function () {
  var WITH_OPTIONS = ["choice", "multiple_choice"];
  function update(row) {
    var kind = row.querySelector("select[name$='-kind']");
    if (!kind) return;
    row.querySelectorAll("[data-for-kind]").forEach(function (box) {
      var wanted = box.getAttribute("data-for-kind");
      var show = wanted === "options" ? WITH_OPTIONS.indexOf(kind.value) !== -1
                                      : kind.value === "file";
      box.hidden = !show;
    });
  }
  document.querySelectorAll(".question-row").forEach(function (row) {
    update(row);
    var kind = row.querySelector("select[name$='-kind']");
    if (kind) kind.addEventListener("change", function () { update(row); });
  });
})();
