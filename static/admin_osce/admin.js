/*
 * Accessibility repairs for widgets the admin gets from its libraries (no inline scripts: CSP).
 *
 * - Select2's search box inside a multiple autocomplete has no label: it is named after the
 *   field's own label; its "remove all" button sits inside its list of choices (axe: list)
 *   and moves just after it, still inside the widget that handles its clicks. Select2
 *   recreates both on every change, hence the observer.
 */
(function () {
  "use strict";

  function labelSearchBoxes(root) {
    root.querySelectorAll(".select2-search__field:not([aria-label])").forEach(function (box) {
      var container = box.closest(".select2-container");
      var select = container && container.previousElementSibling;
      var label = select && select.id && document.querySelector('label[for="' + select.id + '"]');
      if (label) box.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    });
  }

  // An empty single autocomplete (an optional foreign key, e.g. a document's meeting) is
  // labelled by its rendered choice, which is empty: name it after the field's <label>.
  function labelEmptySingleChoices(root) {
    root.querySelectorAll(".select2-selection--single[aria-labelledby]").forEach(function (box) {
      var container = box.closest(".select2-container");
      var select = container && container.previousElementSibling;
      var label = select && select.id && document.querySelector('label[for="' + select.id + '"]');
      var text = label && label.textContent.replace(/:\s*$/, "").trim();
      if (!text) return;
      [box, box.querySelector(".select2-selection__rendered[role=textbox]")].forEach(function (el) {
        if (el && el.getAttribute("aria-label") !== text) el.setAttribute("aria-label", text);
      });
    });
  }

  function moveClearButtons(root) {
    root.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear").forEach(
      function (button) {
        button.parentNode.after(button);
      }
    );
  }

  function repair() {
    labelSearchBoxes(document);
    labelEmptySingleChoices(document);
    moveClearButtons(document);
  }

  window.addEventListener("load", function () {
    repair();
    new MutationObserver(repair).observe(document.body, { childList: true, subtree: true });
  });
})();
