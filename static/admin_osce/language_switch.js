/*
 * One language switch for the whole change form (core.admin_forms.TranslatedAdmin).
 *
 * django-modeltranslation renders each translated field once per language, every widget
 * marked `mt mt-field-<name>-<code>`. Without JavaScript all of them show, one under the
 * other. With it, a group of radio buttons at the top of the form shows the translated
 * fields of one language at a time (untranslated fields always show). Radio buttons are
 * the native control for "one of these": the arrow keys move between them, screen readers
 * announce the group's name and the choice. A language whose fields have errors is flagged
 * on its button, and the form opens on the first such language; the choice is kept for the
 * rest of the editing session (per tab), so saving and coming back shows the same language.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "osce-admin-language";
  var FIELD_CLASS = /^mt-field-.+-([a-z]{2}(?:_[a-z]+)?)$/;

  function languageOf(widget) {
    for (var i = 0; i < widget.classList.length; i++) {
      var match = FIELD_CLASS.exec(widget.classList[i]);
      if (match) return match[1];
    }
    return null;
  }

  function rowsByLanguage(form) {
    var rows = {};
    var order = [];
    form.querySelectorAll(".mt").forEach(function (widget) {
      if (widget.closest(".inline-group")) return;
      var code = languageOf(widget);
      var row = widget.closest(".fieldBox") || widget.closest(".form-row");
      if (!code || !row) return;
      if (!rows[code]) {
        rows[code] = [];
        order.push(code);
      }
      if (rows[code].indexOf(row) === -1) rows[code].push(row);
    });
    return { rows: rows, order: order };
  }

  function languageName(code) {
    var uiLanguage = document.documentElement.lang || "en";
    try {
      var name = new Intl.DisplayNames([uiLanguage], { type: "language" }).of(code);
      return name.charAt(0).toLocaleUpperCase(uiLanguage) + name.slice(1);
    } catch (error) {
      return code.toUpperCase();
    }
  }

  function hasErrors(rows) {
    return rows.some(function (row) {
      return row.querySelector(".errorlist") || row.classList.contains("errors");
    });
  }

  function build(form) {
    var found = rowsByLanguage(form);
    if (found.order.length < 2) return;
    var t = window.gettext || function (text) { return text; };

    var switcher = document.createElement("fieldset");
    switcher.className = "language-switch";
    var legend = document.createElement("legend");
    legend.textContent = t("Language of the translated fields");
    switcher.appendChild(legend);

    var withErrors = found.order.filter(function (code) { return hasErrors(found.rows[code]); });
    var stored = window.sessionStorage.getItem(STORAGE_KEY);
    var uiLanguage = (document.documentElement.lang || "").split("-")[0];
    var chosen =
      withErrors[0] ||
      (found.order.indexOf(stored) !== -1 && stored) ||
      (found.order.indexOf(uiLanguage) !== -1 && uiLanguage) ||
      found.order[0];

    function show(code) {
      found.order.forEach(function (other) {
        found.rows[other].forEach(function (row) { row.hidden = other !== code; });
      });
    }

    found.order.forEach(function (code) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "language-switch";
      input.value = code;
      input.checked = code === chosen;
      input.addEventListener("change", function () {
        show(code);
        window.sessionStorage.setItem(STORAGE_KEY, code);
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + languageName(code)));
      if (withErrors.indexOf(code) !== -1) {
        label.classList.add("language-switch__errors");
        var flag = document.createElement("span");
        flag.className = "language-switch__flag";
        flag.textContent = " " + t("(has errors)");
        label.appendChild(flag);
      }
      switcher.appendChild(label);
    });

    // Just before the form, not inside it: the choice is not something the form sends (the
    // unsaved-changes warning compares what it would send).
    form.parentNode.insertBefore(switcher, form);
    show(chosen);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("#content-main form");
    if (form) build(form);
  });
})();
