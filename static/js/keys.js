// Keyboard shortcuts. Progressive enhancement: every action also has a link, a button or a form.
//   /        focus the search box
//   j / k    next / previous row in a list (questions, saved, review queue, a path); next / previous
//            question on a question page reached from a list
//   Space, Enter   reveal the answer on a question page (opens the <details>)
//   1 to 4   pick a grade on the grading page
//   ?        show the shortcuts (a <dialog>)
// None fires while typing in a field, or with Ctrl, Alt or Meta held.
(function () {
  "use strict";

  function typing(target) {
    if (!target || !target.tagName) return false;
    if (target.tagName === "INPUT") return !/^(checkbox|radio|button|submit|reset)$/.test(target.type);
    return target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName);
  }

  function interactive(target) {
    return target && target.closest && target.closest("a, button, summary, input, textarea, select, label, [tabindex]:not(main)");
  }

  function focusSearch() {
    var search = document.getElementById("list-search") || document.getElementById("site-search");
    if (!search || search.offsetParent === null) search = document.querySelector("main input[type=search]");
    if (!search) return false;
    search.focus();
    search.select();
    return true;
  }

  function moveInList(step) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-list-row], main li.card"));
    if (rows.length) {
      var current = rows.findIndex(function (row) { return row.contains(document.activeElement); });
      var next = current === -1 ? (step > 0 ? 0 : rows.length - 1) : current + step;
      if (next < 0 || next >= rows.length) return true;
      var link = rows[next].querySelector("a");
      if (link) {
        link.focus();
        rows[next].scrollIntoView({ block: "nearest" });
      }
      return true;
    }
    var neighbour = document.querySelector(step > 0 ? "a[rel=next]" : "a[rel=prev]");
    if (neighbour) {
      window.location.assign(neighbour.href);
      return true;
    }
    return false;
  }

  function reveal(target) {
    var details = document.querySelector("details.reveal");
    if (!details || details.open || interactive(target)) return false;
    details.open = true;
    var summary = details.querySelector("summary");
    if (summary) summary.focus();
    return true;
  }

  function grade(value) {
    // The grade form around the focus (a mock summary has one per question), else the first.
    var scope = (document.activeElement && document.activeElement.closest(".grade-form")) || document;
    var radio = scope.querySelector('.grade-form input[name="grade"][value="' + value + '"], input[name="grade"][value="' + value + '"]');
    if (!radio) return false;
    radio.checked = true;
    radio.focus();
    return true;
  }

  function showHelp() {
    var dialog = document.getElementById("shortcuts");
    if (!dialog || typeof dialog.showModal !== "function") return false;
    if (!dialog.open) dialog.showModal();
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    var dialog = document.getElementById("shortcuts");
    if (dialog && dialog.open) return;  // Escape and the Close button handle the open dialog
    var handled = false;
    switch (event.key) {
      case "/": handled = focusSearch(); break;
      case "j": handled = moveInList(1); break;
      case "k": handled = moveInList(-1); break;
      case " ":
      case "Enter": handled = reveal(event.target); break;
      case "1": case "2": case "3": case "4": handled = grade(event.key); break;
      case "?": handled = showHelp(); break;
    }
    if (handled) event.preventDefault();
  });

  document.querySelectorAll("[data-shortcuts-close]").forEach(function (button) {
    button.addEventListener("click", function () { button.closest("dialog").close(); });
  });

  // A table in a question or an answer that scrolls sideways (phones) takes focus, so arrow keys scroll it.
  document.querySelectorAll("main table:not([tabindex])").forEach(function (table) {
    if (table.scrollWidth <= table.clientWidth) return;
    table.tabIndex = 0;
    if (!table.getAttribute("aria-label") && !table.querySelector("caption")) table.setAttribute("aria-label", "Table, scrolls sideways");
  });

  var help = document.querySelectorAll("[data-shortcuts-open]");
  help.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", showHelp);
  });
})();
