// The media library's focal point: a click on the picture fills the focal point's fields
// (fractions of the width and height) and marks the spot; the fields stay editable, and
// without JavaScript they are the way to set it.
"use strict";
(function () {
  function setUp(box) {
    const image = box.querySelector(".focal-point-image");
    const mark = box.querySelector(".focal-point-mark");
    const fieldX = document.getElementById("id_" + box.dataset.focalX);
    const fieldY = document.getElementById("id_" + box.dataset.focalY);
    if (!image || !mark || !fieldX || !fieldY) {
      return;
    }
    function show() {
      const x = parseFloat(fieldX.value);
      const y = parseFloat(fieldY.value);
      const valid = x >= 0 && x <= 1 && y >= 0 && y <= 1;
      mark.hidden = !valid;
      if (valid) {
        mark.style.left = x * 100 + "%";
        mark.style.top = y * 100 + "%";
      }
    }
    image.addEventListener("click", function (event) {
      const box = image.getBoundingClientRect();
      const round = function (value) {
        return Math.min(1, Math.max(0, value)).toFixed(3);
      };
      fieldX.value = round((event.clientX - box.left) / box.width);
      fieldY.value = round((event.clientY - box.top) / box.height);
      fieldX.dispatchEvent(new Event("change", { bubbles: true }));
      fieldY.dispatchEvent(new Event("change", { bubbles: true }));
      show();
    });
    fieldX.addEventListener("input", show);
    fieldY.addEventListener("input", show);
    show();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".focal-point").forEach(setUp);
  });
})();
