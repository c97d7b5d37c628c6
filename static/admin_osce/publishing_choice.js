/*
 * The publisher's "Save as draft / Publish now / Schedule" choice (news.admin.publishing_choice).
 *
 * The date and time inputs belong to "Schedule": shown only while it is chosen (without this
 * script they stay visible, and the server ignores them unless "Schedule" is picked). The
 * "Scheduled for …" line under them follows the inputs as they change: the moment in Vienna
 * time (the site's zone, `data-site-zone`), and in the reader's own zone when its offset at
 * that moment differs. The inputs are read as the admin reads them, in the site's zone, with
 * the formats of the admin's language (`get_format`, from the admin's JavaScript catalogue).
 * No dependencies, no inline script; Intl.DateTimeFormat does the time-zone arithmetic.
 */
(function () {
  "use strict";

  var t = window.gettext || function (text) { return text; };
  var fill = window.interpolate || function (text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_match, key) { return values[key]; });
  };

  function locale() {
    var lang = document.documentElement.lang || "en";
    // The organisation writes English dates day first ("5 December 2026").
    return lang === "en" ? "en-GB" : lang;
  }

  function offsetMinutes(instant, zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric", second: "numeric",
    }).formatToParts(new Date(instant)).forEach(function (part) { parts[part.type] = part.value; });
    var wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24,
      +parts.minute, +parts.second);
    return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60000);
  }

  function instantOf(wall, zone) {
    // The wall-clock time `wall` (as if UTC) in `zone`; twice round near a clock change.
    var first = offsetMinutes(wall, zone);
    var instant = wall - first * 60000;
    var second = offsetMinutes(instant, zone);
    return second === first ? instant : wall - second * 60000;
  }

  function parseDate(value) {
    var formats = window.get_format ? window.get_format("DATE_INPUT_FORMATS") : ["%Y-%m-%d"];
    var pieces = value.trim().split(/[.\-/ ]+/);
    for (var i = 0; i < formats.length; i++) {
      var names = formats[i].split(/[.\-/ ]+/);
      if (names.length !== pieces.length) continue;
      var found = {};
      for (var j = 0; j < names.length; j++) {
        if (!/^\d+$/.test(pieces[j])) { found = null; break; }
        found[names[j]] = +pieces[j];
      }
      if (!found || !found["%d"] || !found["%m"] || !("%Y" in found)) continue;
      var day = Date.UTC(found["%Y"], found["%m"] - 1, found["%d"]);
      if (new Date(day).getUTCDate() === found["%d"] && found["%Y"] > 999) return found;
    }
    return null;
  }

  function parseMoment(dateValue, timeValue) {
    var date = parseDate(dateValue);
    var time = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(timeValue);
    if (!date || !time || +time[1] > 23 || +time[2] > 59) return null;
    return Date.UTC(date["%Y"], date["%m"] - 1, date["%d"], +time[1], +time[2], +(time[3] || 0));
  }

  function dateWords(instant, zone) {
    return new Intl.DateTimeFormat(locale(), {
      timeZone: zone, day: "numeric", month: "long", year: "numeric",
    }).format(instant);
  }

  function timeWords(instant, zone) {
    return new Intl.DateTimeFormat(locale(), {
      timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).format(instant);
  }

  function setUp(line) {
    var form = line.closest("form");
    var radios = form.querySelectorAll('input[type="radio"][name$="publishing"]');
    var inputs = form.querySelectorAll('[aria-describedby="' + line.id + '"]');
    var row = line.closest(".form-row") || line.parentNode;
    var siteZone = line.dataset.siteZone;
    var ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!radios.length || inputs.length !== 2) return;

    function chosen() {
      var checked = form.querySelector('input[type="radio"][name$="publishing"]:checked');
      return checked ? checked.value : "";
    }

    function update() {
      var scheduling = chosen() === "schedule";
      row.style.display = scheduling ? "" : "none";
      var wall = scheduling ? parseMoment(inputs[0].value, inputs[1].value) : null;
      var text = "";
      if (wall !== null) {
        var instant = instantOf(wall, siteZone);
        var day = dateWords(instant, siteZone);
        var vienna = day + ", " + timeWords(instant, siteZone);
        if (offsetMinutes(instant, ownZone) === offsetMinutes(instant, siteZone)) {
          text = fill(t("Scheduled for %(moment)s Vienna time"), { moment: vienna }, true);
        } else {
          // The reader's date only when it is another day than Vienna's.
          var own = dateWords(instant, ownZone);
          var local = (own === day ? "" : own + ", ") + timeWords(instant, ownZone);
          text = fill(t("Scheduled for %(moment)s Vienna time (%(local)s your time, %(zone)s)"), {
            moment: vienna, local: local, zone: ownZone,
          }, true);
        }
      }
      if (line.textContent !== text) line.textContent = text;
    }

    radios.forEach(function (radio) { radio.addEventListener("change", update); });
    inputs.forEach(function (input) {
      input.addEventListener("input", update);
      input.addEventListener("change", update);
    });
    // The admin's calendar and clock pickers set the inputs without an input event.
    document.addEventListener("click", function () { window.setTimeout(update, 0); });
    update();
  }

  function start() {
    document.querySelectorAll("p.scheduled-for[data-site-zone]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
