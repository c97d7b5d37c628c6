/*
 * Unsaved changes: leaving an admin change form whose fields were changed asks first, with the
 * browser's own dialog (keyboard and screen-reader friendly, in the browser's language; its
 * text cannot be set by a page). Submitting the form never asks.
 *
 * "Changed" compares what the form would send now with what it would have sent before the
 * person touched it, so any widget counts, whatever way it writes its field: the rich-text
 * editor's hidden textarea (written without an input event), select2, inline rows added or
 * removed, a chosen file. Typing a change and undoing it asks nothing. The snapshot is taken
 * when the page has loaded (every widget has set itself up) or at the first key, pointer,
 * paste or drop before that, whichever comes first.
 *
 * A form shown again with errors (a refused save, or the typed input kept after the item was
 * published meanwhile: news.admin.kept_input) holds input that was not saved: leaving it asks
 * even before anything is touched.
 *
 * No dependencies, no inline script (CSP); loaded by every admin change form
 * (templates/admin/change_form.html), Django's own models' included.
 */
(function () {
  "use strict";

  function watchedForm() {
    if (!document.body || !document.body.classList.contains("change-form")) return null;
    return document.querySelector("#content-main form[method=post][id$='_form']");
  }

  function formState(form) {
    var parts = [];
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken") return;
      var text = typeof value === "string" ? value : "file:" + value.name + ":" + value.size;
      parts.push(encodeURIComponent(name) + "=" + encodeURIComponent(text));
    });
    return parts.join("&");
  }

  function start() {
    var form = watchedForm();
    if (!form || form.dataset.unsavedChangesWatched) return;
    form.dataset.unsavedChangesWatched = "true";

    var unsavedFromStart = Boolean(document.querySelector("#content-main .errornote"));
    var initial = null;
    var submitting = false;

    function snapshot() {
      if (initial === null) initial = formState(form);
    }

    ["keydown", "pointerdown", "paste", "drop"].forEach(function (type) {
      document.addEventListener(type, snapshot, true);
    });
    if (document.readyState === "complete") {
      snapshot();
    } else {
      window.addEventListener("load", snapshot);
    }

    // Bubbling to the window: a handler of the form that cancels the submit has run by then.
    window.addEventListener("submit", function (event) {
      if (event.target === form && !event.defaultPrevented) submitting = true;
    });
    // Back from the browser's page cache after a submit: watch again.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) submitting = false;
    });

    window.addEventListener("beforeunload", function (event) {
      if (submitting) return;
      if (!unsavedFromStart && (initial === null || formState(form) === initial)) return;
      event.preventDefault();
      // Older browsers show the dialog only when a value is returned.
      event.returnValue = "";
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
