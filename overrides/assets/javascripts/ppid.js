/* Wide tables scroll inside Material's wrapper: make that region reachable and named for keyboard and
   screen-reader users (WCAG 2.1.1). Material emits document$ after each page is mounted. */
(function () {
  function label(root) {
    root.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Tabel (geser untuk melihat semua kolom)");
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { label(document); });
  } else {
    label(document);
  }
})();
