/* What Material's search and tables and the GLightbox lightbox leave out for keyboard and
   screen-reader readers: a name for the search dialog, table boxes that scroll sideways and
   take focus so the keyboard can scroll them, and a lightbox that is a named modal dialog
   showing the figure's legend, takes focus when it opens, keeps it while open and gives it
   back to the figure link when it closes. Loaded on every page through mkdocs.yml's extra_javascript, before
   the plugin's own script creates the `lightbox` object at the end of the page. */
(function () {
  "use strict";

  // The figure link that opened the lightbox: focus goes back to it on close.
  let opener = null;

  // Material's search overlay has role="dialog" but no name.
  function nameSearchDialog() {
    const dialog = document.querySelector(".md-search[role=dialog]");
    const input = dialog && dialog.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
    }
  }

  // A table wider than the screen scrolls inside Material's wrapper, which the keyboard can
  // scroll only by focusing something in it: with no link inside, the wrapper itself takes
  // focus while it overflows (checked again when the window is resized or the phone turned).
  function focusableScrollBoxes() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth && !box.querySelector("a[href], button")) {
        box.tabIndex = 0;
      } else {
        box.removeAttribute("tabindex");
      }
    });
  }

  // "Figure 1" from the legend's bold label, plus the panel letter: "Figure 1c".
  function figureName(link) {
    const figure = link.closest("figure.cb-figure");
    const label = figure && figure.querySelector(":scope > figcaption > strong");
    const panel = link.closest(".cb-panel");
    const letter = panel && panel.querySelector(".cb-panel-label");
    const name = label ? label.textContent.trim().replace(/\.$/, "") : "";
    const image = link.querySelector("img");
    return (name + (letter ? letter.textContent.trim() : "")) || (image && image.alt) || "Image";
  }

  // GLightbox gives its copy of the image an empty alt unless the link has data-alt, and shows
  // a link's data-description under it; a description starting with "." is a selector whose
  // element's HTML it copies, so every panel shows its figure's legend. It reads both when it
  // collects the links, so this runs before the plugin's script does.
  function prepareLightboxLinks() {
    document.querySelectorAll("a.glightbox").forEach(function (link) {
      const image = link.querySelector("img");
      if (image && image.alt) link.dataset.alt = image.alt;
      const figure = link.closest("figure.cb-figure[id]");
      if (figure && figure.querySelector(":scope > figcaption")) {
        link.dataset.description = ".cb-figure#" + CSS.escape(figure.id) + " > figcaption";
      }
    });
  }

  function focusable(modal) {
    const selector = "a[href], button:not([disabled]), [tabindex='0']";
    // Slides other than the one on show stay in the DOM, invisible: skip what is inside them.
    return Array.from(modal.querySelectorAll(selector)).filter(function (el) {
      return (
        el.getClientRects().length > 0 &&
        !el.classList.contains("disabled") &&
        !el.closest(".gslide:not(.current)")
      );
    });
  }

  // With focus on one of its buttons GLightbox leaves Tab to the browser, which walks out into
  // the page behind (hidden from screen readers while the lightbox is open): keep it inside.
  function trapTab(event) {
    if (event.key !== "Tab") return;
    const items = focusable(event.currentTarget);
    event.preventDefault();
    event.stopPropagation();
    if (items.length === 0) return;
    const at = items.indexOf(document.activeElement);
    const step = event.shiftKey ? -1 : 1;
    items[(at + step + items.length) % items.length].focus();
  }

  // The dialog is named after the figure on show, and described by the legend under it.
  // (GLightbox's slide_changed payload can carry the previous slide's node: look it up.)
  function labelSlide(modal, slide) {
    modal.setAttribute("aria-label", figureName(slide.trigger));
    const legend = modal.querySelector(".gslide.current .gslide-description");
    if (legend) {
      legend.id = legend.id || "cb-lightbox-legend-" + slide.index;
      modal.setAttribute("aria-describedby", legend.id);
      // A long legend scrolls in its own box on a phone: the keyboard must reach it too.
      if (legend.scrollHeight > legend.clientHeight) legend.tabIndex = 0;
    } else {
      modal.removeAttribute("aria-describedby");
    }
  }

  function watchLightbox(box) {
    box.on("open", function () {
      const modal = document.getElementById("glightbox-body");
      if (!modal) return;
      modal.setAttribute("aria-modal", "true");
      if (opener) modal.setAttribute("aria-label", figureName(opener));
      modal.addEventListener("keydown", trapTab);
      const close = modal.querySelector(".gclose");
      (close || modal).focus();
    });
    box.on("slide_changed", function (change) {
      const modal = document.getElementById("glightbox-body");
      if (modal && change && change.current) labelSlide(modal, change.current);
    });
    box.on("close", function () {
      if (opener && opener.isConnected) opener.focus();
      opener = null;
    });
  }

  // Enter on a link is a click too, so this sees keyboard and pointer openings alike.
  document.addEventListener(
    "click",
    function (event) {
      const link = event.target instanceof Element && event.target.closest("a.glightbox");
      if (link) opener = link;
    },
    true,
  );

  prepareLightboxLinks();
  nameSearchDialog();
  // The plugin's script, after this one, declares `lightbox`; it exists once the page has loaded,
  // and Material has wrapped the tables by then (its listener is on the document, before this).
  window.addEventListener("DOMContentLoaded", function () {
    nameSearchDialog();
    focusableScrollBoxes();
    window.addEventListener("resize", focusableScrollBoxes);
    if (typeof lightbox !== "undefined") watchLightbox(lightbox);
  });
})();
