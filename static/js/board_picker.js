/* Board pickers (core/widgets.py BoardPicker): a filter box over the list of checkboxes.
 *
 * Without JavaScript the list works as it is. With it, typing narrows the list to the boards whose
 * name contains the text (case and accents ignored); a chosen board always stays visible so that
 * what will be saved is never hidden.
 */
(function () {
  "use strict";

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  function setUp(picker) {
    var filter = picker.querySelector("[data-board-filter]");
    var none = picker.querySelector("[data-board-none]");
    var items = Array.prototype.slice.call(picker.querySelectorAll(".board-picker__list li"));
    if (!filter || items.length < 2) { return; }
    filter.hidden = false;
    function apply() {
      var query = normalise(filter.value);
      var matches = 0;
      items.forEach(function (item) {
        var box = item.querySelector("input[type=checkbox]");
        var checked = Boolean(box && box.checked);
        var hit = !query || normalise(item.textContent).indexOf(query) !== -1;
        item.hidden = !(hit || checked);
        if (hit && !checked) { matches += 1; }
      });
      if (none) { none.hidden = !query || matches > 0; }
    }
    filter.addEventListener("input", apply);
    filter.addEventListener("keydown", function (event) {
      // Enter in the filter must not submit the whole review form.
      if (event.key === "Enter") { event.preventDefault(); }
    });
  }

  document.querySelectorAll("[data-board-picker]").forEach(setUp);
})();
