// The workbench's select-to-cite: a selection inside the source's text becomes character offsets into the
// stored text (the text element holds exactly the stored text, marks included), so a quote is exact by
// construction. No inline script: the CSP stays strict.
(function () {
  "use strict";
  var text = document.getElementById("source-text");
  if (!text) { return; }
  var selected = null;

  function offsetOf(node, offset) {
    // Characters of the source before (node, offset): the lengths of the text nodes that come first.
    var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    var total = 0;
    var current;
    if (node.nodeType !== Node.TEXT_NODE) {
      // A boundary between elements: count the text of the children before it.
      var range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(node, offset);
      return range.toString().length;
    }
    while ((current = walker.nextNode())) {
      if (current === node) { return total + offset; }
      total += current.nodeValue.length;
    }
    return null;
  }

  function readSelection() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return null; }
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) { return null; }
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) { return null; }
    return { start: start, end: end, quote: range.toString() };
  }

  var preview = document.getElementById("passage-preview");
  document.addEventListener("selectionchange", function () {
    var found = readSelection();
    if (!found) { return; }
    selected = found;
    document.getElementById("passage-start").value = found.start;
    document.getElementById("passage-end").value = found.end;
    if (preview) { preview.textContent = "Selected: “" + found.quote.trim().slice(0, 200) + "”"; }
  });

  document.querySelectorAll(".wb-cite").forEach(function (button) {
    button.addEventListener("click", function () {
      var prefix = button.getAttribute("data-prefix");
      if (!selected) {
        if (preview) { preview.textContent = "Select the passage in the source's text first, then press “Cite the selection”."; }
        return;
      }
      document.getElementById("id_" + prefix + "-start").value = selected.start;
      document.getElementById("id_" + prefix + "-end").value = selected.end;
      var card = button.closest(".wb-card");
      var quote = card && card.querySelector(".wb-quote a");
      if (quote) { quote.textContent = "“" + selected.quote.trim() + "” (selected: accept to cite it)"; }
    });
  });

  // The admin's autocompletes (select2) draw a combobox that takes its name from the current choice only:
  // give it, and its search box, the field's own label so screen readers announce what it is for.
  function nameAutocompletes() {
    document.querySelectorAll(".wb-form select.admin-autocomplete").forEach(function (select) {
      var label = document.querySelector("label[for='" + select.id + "']");
      var container = select.nextElementSibling;
      if (!label || !container || !container.classList.contains("select2")) { return; }
      if (!label.id) { label.id = select.id + "-label"; }
      container.querySelectorAll("[role=combobox], [role=textbox]").forEach(function (element) {
        element.setAttribute("aria-labelledby", label.id);
      });
      container.querySelectorAll(".select2-search__field").forEach(function (element) {
        element.setAttribute("aria-labelledby", label.id);
      });
    });
  }
  // The admin draws them once the page has loaded: name them just after.
  window.addEventListener("load", function () { window.setTimeout(nameAutocompletes, 0); });
  document.addEventListener("focusin", nameAutocompletes);
  document.addEventListener("change", nameAutocompletes);

  // Clicking a fact shows its passage, and clicking a passage shows its fact.
  function current(element) {
    document.querySelectorAll(".wb-current").forEach(function (other) { other.classList.remove("wb-current"); });
    if (element) { element.classList.add("wb-current"); }
  }
  text.addEventListener("click", function (event) {
    var mark = event.target.closest(".wb-mark");
    if (!mark || !window.getSelection().isCollapsed) { return; }
    var card = document.getElementById("proposal-" + mark.getAttribute("data-proposal"));
    if (card) { current(card); card.scrollIntoView({ block: "nearest" }); }
  });
  document.querySelectorAll(".wb-show").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var mark = document.getElementById(link.getAttribute("href").slice(1));
      if (!mark) { return; }
      event.preventDefault();
      current(mark);
      mark.scrollIntoView({ block: "center" });
    });
  });
}());
