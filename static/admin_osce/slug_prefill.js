/*
 * A new record's slug from its title in whichever language the editor types first
 * (core.admin_forms.TranslatedAdmin marks the slug with data-slug-from="title").
 *
 * Django's own prepopulate script knows one source field, the default language's title, so
 * an item written only in Russian got no slug. Here the first title typed wins, whatever its
 * language, and is spelt in Latin letters by Django's URLify (which transliterates Cyrillic,
 * Greek and more), as Wagtail does when its slugs are ASCII. A title with nothing URLify can
 * spell (Chinese, say) leaves the slug to the editor, with a hint saying so. Once the editor
 * types in the slug, it is left alone; a slug that was there when the form opened too.
 */
(function () {
  "use strict";

  function prefill(slug) {
    if (slug.value) return;
    var base = slug.dataset.slugFrom;
    var pattern = new RegExp("^mt-field-" + base + "-[a-z]{2}(?:_[a-z]+)?$");
    var sources = Array.prototype.filter.call(document.querySelectorAll(".mt"), function (input) {
      return Array.prototype.some.call(input.classList, function (name) {
        return pattern.test(name);
      });
    });
    if (!sources.length || typeof window.URLify !== "function") return;

    var t = window.gettext || function (text) { return text; };
    var hint = document.createElement("p");
    hint.className = "help slug-hint";
    hint.id = slug.id + "_prefill_hint";
    hint.setAttribute("aria-live", "polite");
    slug.after(hint);
    slug.setAttribute("aria-describedby", ((slug.getAttribute("aria-describedby") || "") + " " + hint.id).trim());

    var typedFirst = [];
    var automatic = "";

    slug.addEventListener("input", function () {
      if (slug.value !== automatic) slug.dataset.changedByEditor = "true";
    });

    sources.forEach(function (source) {
      source.addEventListener("input", function () {
        var at = typedFirst.indexOf(source);
        if (source.value.trim() && at === -1) typedFirst.push(source);
        if (!source.value.trim() && at !== -1) typedFirst.splice(at, 1);
        if (slug.dataset.changedByEditor) return;
        var title = typedFirst.length ? typedFirst[0].value : "";
        automatic = window.URLify(title, slug.maxLength > 0 ? slug.maxLength : 50, false);
        slug.value = automatic;
        hint.textContent = title.trim() && !automatic
          ? t("This title has no letters that can be spelt in Latin: type the slug yourself.")
          : "";
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-slug-from]").forEach(prefill);
  });
})();
