/*
 * Editing presence (news.admin.presence): while this change form is open, tell the server
 * every few seconds (data-presence-seconds) and show who else has it open from its answer;
 * when the page goes away, say goodbye with navigator.sendBeacon, so the others' banner clears
 * at once rather than when the presence expires. Leaving by submitting the form says nothing:
 * the server ends the presence when the save leaves the form (and keeps it on "Save and
 * continue editing").
 *
 * The banner is rendered by the server with the page; this only keeps it current. Sentences
 * come from the server, in the admin's language and time zone. No dependencies, no inline
 * script (CSP).
 */
(function () {
  "use strict";

  function csrfToken(form) {
    var field = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function show(banner, sentences) {
    var list = banner.querySelector("ul");
    var current = Array.prototype.map.call(list.children, function (item) {
      return item.textContent;
    });
    // Rewriting an unchanged status region would make screen readers say it again.
    if (current.join("\n") === sentences.join("\n")) return;
    list.textContent = "";
    sentences.forEach(function (sentence) {
      var item = document.createElement("li");
      item.className = "warning";
      item.textContent = sentence;
      list.appendChild(item);
    });
    banner.hidden = sentences.length === 0;
  }

  function start() {
    var banner = document.getElementById("editing-presence");
    if (!banner || !banner.dataset.presenceUrl) return;
    var url = banner.dataset.presenceUrl;
    var form = document.querySelector("#content-main form[method=post]");
    var seconds = parseInt(banner.dataset.presenceSeconds, 10) || 30;
    var submitted = false;

    function body(action) {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", csrfToken(form));
      data.append("action", action);
      return data;
    }

    function beat() {
      if (submitted) return;
      fetch(url, {method: "POST", body: body("beat"), credentials: "same-origin"})
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (answer) show(banner, answer.others);
        })
        .catch(function () {
          // Offline for a moment: the next beat tries again; the banner keeps what it knew.
        });
    }

    if (form) {
      form.addEventListener("submit", function () {
        submitted = true;
      });
    }
    window.addEventListener("pagehide", function () {
      if (!submitted && navigator.sendBeacon) navigator.sendBeacon(url, body("leave"));
    });
    // Back from the browser's page cache, or from a tab whose timers were slowed: at once.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) beat();
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") beat();
    });
    window.setInterval(beat, seconds * 1000);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
