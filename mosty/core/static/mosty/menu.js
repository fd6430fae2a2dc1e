// The header and forms of every page (docs/design.md). Everything works without JavaScript:
// the menu stays open, the <details> disclosures open and close by themselves, and the error
// summary is at the top of the form. This only makes them more comfortable.
(function () {
  // On a phone the main menu folds behind a "Menu" button.
  var button = document.querySelector(".menu-toggle");
  var menu = document.getElementById("main-menu");
  if (button && menu) {
    var phone = window.matchMedia("(max-width: 48rem)");
    var apply = function () {
      button.hidden = !phone.matches;
      var open = !phone.matches || button.getAttribute("aria-expanded") === "true";
      menu.classList.toggle("menu-closed", !open);
    };
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", open ? "false" : "true");
      apply();
    });
    phone.addEventListener("change", apply);
    apply();
  }

  // The header's disclosures (menu groups, display settings): one open at a time, Escape
  // closes the open one and gives the focus back to its summary, a click elsewhere closes it.
  var disclosures = Array.prototype.slice.call(
    document.querySelectorAll(".site-header details.disclosure"));
  disclosures.forEach(function (details) {
    details.addEventListener("toggle", function () {
      if (!details.open) return;
      disclosures.forEach(function (other) { if (other !== details) other.open = false; });
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    disclosures.forEach(function (details) {
      if (!details.open) return;
      details.open = false;
      if (details.contains(document.activeElement) || document.activeElement === document.body) {
        details.querySelector("summary").focus();
      }
    });
  });
  document.addEventListener("click", function (event) {
    disclosures.forEach(function (details) {
      if (details.open && !details.contains(event.target)) details.open = false;
    });
  });

  // A form with errors: the error summary takes the focus, so a screen reader reads it first.
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
})();
