/*
 * Enhancements only: every menu works without this file (they are <details> elements).
 * - opening one main-menu section closes the others;
 * - Escape closes the open section and returns focus to its button;
 * - a click outside the menu closes it;
 * - on wide screens, browsers without ::details-content get the menu and the folded filter
 *   forms ([data-open-on-wide]) opened, as CSS does elsewhere.
 */
(function () {
  "use strict";

  var wide = window.matchMedia("(min-width: 48.0625em)");
  var wideContent = window.matchMedia("(min-width: 60em)");
  var supported = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");

  function sections() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-nav-disclosure]"));
  }

  function closeAll(except) {
    sections().forEach(function (section) {
      if (section !== except) {
        section.open = false;
      }
    });
  }

  function syncSiteMenu() {
    var menu = document.querySelector("[data-site-menu]");
    if (!menu) {
      return;
    }
    if (wide.matches && !supported) {
      menu.open = true;
    }
  }

  function syncFolded() {
    if (supported || !wideContent.matches) {
      return;
    }
    document.querySelectorAll("[data-open-on-wide]").forEach(function (details) {
      details.open = true;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    sections().forEach(function (section) {
      section.addEventListener("toggle", function () {
        if (section.open) {
          closeAll(section);
        }
      });
    });

    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") {
        return;
      }
      var open = sections().filter(function (section) {
        return section.open;
      })[0];
      if (open) {
        open.open = false;
        open.querySelector("summary").focus();
        return;
      }
      var menu = document.querySelector("[data-site-menu][open]");
      if (menu && !wide.matches) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });

    document.addEventListener("click", function (event) {
      if (!event.target.closest(".main-nav")) {
        closeAll(null);
      }
    });

    syncSiteMenu();
    syncFolded();
    wide.addEventListener("change", syncSiteMenu);
    wideContent.addEventListener("change", syncFolded);
  });
})();
