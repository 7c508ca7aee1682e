// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // On wide screens the filter panel is a sidebar, so open it; on phones it stays folded.
  var wide = window.matchMedia("(min-width: 880px)");
  function syncFilters() {
    document.querySelectorAll("details[data-open-on-wide]").forEach(function (details) {
      if (wide.matches) details.open = true;
    });
  }
  syncFilters();
  wide.addEventListener("change", syncFilters);

  // "/" focuses the search box, as on many sites; ignored while typing in a field.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var search = document.getElementById("list-search") || document.getElementById("site-search");
    if (search) {
      event.preventDefault();
      search.focus();
    }
  });
})();
