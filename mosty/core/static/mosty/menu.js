// On a phone the main menu folds behind a "Menu" button; without JavaScript it stays open.
(function () {
  var button = document.querySelector(".menu-toggle");
  var menu = document.getElementById("main-menu");
  if (!button || !menu) return;
  var phone = window.matchMedia("(max-width: 48rem)");
  function apply() {
    button.hidden = !phone.matches;
    var open = !phone.matches || button.getAttribute("aria-expanded") === "true";
    menu.classList.toggle("menu-closed", !open);
  }
  button.addEventListener("click", function () {
    button.setAttribute("aria-expanded", button.getAttribute("aria-expanded") === "true" ? "false" : "true");
    apply();
  });
  phone.addEventListener("change", apply);
  apply();
})();
