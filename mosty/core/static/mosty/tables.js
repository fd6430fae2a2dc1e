// Wide tables scroll sideways inside their .table-wrap (mosty.css). A scroll area must be
// reachable by keyboard and named for screen readers (WCAG 2.1.1, 4.1.2; axe's
// scrollable-region-focusable): each becomes a focusable region named after its table's
// caption or label, or else the heading above it. Templates may set these attributes themselves.
(function () {
  "use strict";
  function headingBefore(element) {
    for (let node = element; node && node !== document.body; node = node.parentElement) {
      for (let sibling = node.previousElementSibling; sibling;
           sibling = sibling.previousElementSibling) {
        const heading = sibling.matches("h1, h2, h3, h4, h5, h6")
          ? sibling : sibling.querySelector("h1, h2, h3, h4, h5, h6");
        if (heading) { return heading.textContent; }
      }
    }
    const main = document.querySelector("h1");
    return main ? main.textContent : document.title;
  }
  document.querySelectorAll(".table-wrap").forEach(function (wrap) {
    const table = wrap.querySelector("table");
    if (!wrap.hasAttribute("tabindex")) { wrap.tabIndex = 0; }
    if (!wrap.hasAttribute("role")) { wrap.setAttribute("role", "region"); }
    if (!wrap.hasAttribute("aria-label") && !wrap.hasAttribute("aria-labelledby")) {
      const caption = table && table.caption;
      const name = (caption && caption.textContent) ||
        (table && table.getAttribute("aria-label")) || headingBefore(wrap);
      wrap.setAttribute("aria-label", name.replace(/\s+/g, " ").trim());
    }
  });
})();
