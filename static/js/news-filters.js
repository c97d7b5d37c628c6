/* Progressive enhancement for the news filter form: apply a ticked box or a new sort order at
   once instead of waiting for the "Apply filters" button. The form is still a plain GET form, so the address bar
   always carries the filters and the page works the same without this script. */
(function () {
  "use strict";

  var form = document.querySelector("[data-news-filters]");
  if (!form) {
    return;
  }

  function submit() {
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  /* Beside the results there is room for the fields of work; on a phone they stay folded. */
  if (window.matchMedia("(min-width: 56em)").matches) {
    Array.prototype.forEach.call(
      form.querySelectorAll("details[data-open-on-wide-screens]"),
      function (details) {
        details.open = true;
      }
    );
  }

  /* Dates and words are left for the button: a date input reports a change for every digit of
     the year typed, and a half-typed date must not reload the page. */
  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.type === "checkbox" || target.tagName === "SELECT") {
      submit();
    }
  });

  /* The default order is the sort list's first option (relevance with words, newest first
     without: news.listing.filterset.SORTS); it is what the site shows without a sort. */
  function isDefaultSort(element) {
    return element.tagName === "SELECT" && element.name === "sort" && element.selectedIndex === 0;
  }

  /* Leave empty fields and the default order out of the address: "/news/?q=&date_from=" says
     nothing, and "&sort=newest" would give one listing a second URL. */
  form.addEventListener("submit", function () {
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.disabled || element.type === "checkbox") {
        return;
      }
      if (element.value === "" || isDefaultSort(element)) {
        element.disabled = true;
      }
    });
  });

  /* Coming back with the browser's Back button restores disabled fields as they were. */
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(form.elements, function (element) {
      element.disabled = false;
    });
  });
})();
