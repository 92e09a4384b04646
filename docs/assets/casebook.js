/* What Material's search leaves out for screen-reader readers: a name for its dialog.
   Loaded on every page through mkdocs.yml's extra_javascript. */
(function () {
  "use strict";

  // Material's search overlay has role="dialog" but no name.
  function nameSearchDialog() {
    const dialog = document.querySelector(".md-search[role=dialog]");
    const input = dialog && dialog.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
    }
  }

  nameSearchDialog();
})();
