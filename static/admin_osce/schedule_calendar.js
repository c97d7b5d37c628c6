/*
 * Drag to reschedule on the dashboard's publishing calendar (website.schedule_calendar):
 * a scheduled item a publisher may move (an <a draggable="true" data-reschedule-url>) is
 * dropped onto another day's cell (<td data-day="YYYY-MM-DD">) and posted to its reschedule
 * URL with that day (website.reschedule keeps the time of day and checks everything again).
 * Done, the page reloads with the server's message; refused, the reason is shown in the
 * calendar's status line (a live region).
 *
 * The keyboard's way, and the way without JavaScript, is each item's "Reschedule" link to a
 * form with a date field. No dependencies, no inline script (CSP).
 */
(function () {
  "use strict";

  var TARGET = "schedule-calendar__day--target";

  function start() {
    var calendar = document.getElementById("schedule-calendar");
    if (!calendar) return;
    var status = document.getElementById("schedule-calendar-status");
    var dragged = null;

    calendar.addEventListener("dragstart", function (event) {
      var link = event.target.closest && event.target.closest("a[data-reschedule-url]");
      if (!link) return;
      dragged = link;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", link.dataset.rescheduleUrl);
    });
    calendar.addEventListener("dragend", function () {
      dragged = null;
      clearTargets();
    });

    function dayOf(event) {
      return event.target.closest ? event.target.closest("td[data-day]") : null;
    }

    function clearTargets() {
      calendar.querySelectorAll("." + TARGET).forEach(function (cell) {
        cell.classList.remove(TARGET);
      });
    }

    calendar.addEventListener("dragover", function (event) {
      var cell = dayOf(event);
      if (!dragged || !cell) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      if (!cell.classList.contains(TARGET)) {
        clearTargets();
        cell.classList.add(TARGET);
      }
    });

    calendar.addEventListener("drop", function (event) {
      var cell = dayOf(event);
      if (!dragged || !cell) return;
      event.preventDefault();
      clearTargets();
      var url = dragged.dataset.rescheduleUrl;
      dragged = null;
      var body = new FormData();
      body.append("day", cell.dataset.day);
      status.textContent = "";
      fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: {"Accept": "application/json", "X-CSRFToken": calendar.dataset.csrf}
      })
        .then(function (response) {
          return response.json().then(function (answer) {
            return {ok: response.ok, answer: answer};
          });
        })
        .then(function (result) {
          if (result.ok) {
            window.location.reload();
            return;
          }
          var answer = result.answer;
          status.textContent = answer.errors.length ? answer.errors.join(" ") : answer.message;
          status.classList.add("errornote");
        })
        .catch(function () {
          status.textContent = calendar.dataset.failed || "";
        });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
