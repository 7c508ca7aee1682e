/* Live preview for the bank's Markdown fields in the admin.
 *
 * Every textarea marked `data-preview` (the mode) and `data-preview-url` gets a panel below it showing the
 * HTML the page will store: the server renders it with the site's own pipeline (bank/rendering.py), so
 * what the curator sees is what readers get. A static file: the admin runs under a CSP without inline
 * scripts. Inline forms added with "Add another" work too (events are delegated).
 */
(function () {
  "use strict";
  var DELAY_MS = 300;
  var timers = new WeakMap();
  var sequence = new WeakMap();

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function panelFor(textarea) {
    var anchor = textarea.closest(".flex-container") || textarea;
    var next = anchor.nextElementSibling;
    if (next && next.classList.contains("md-preview")) {
      return next;
    }
    var panel = document.createElement("div");
    panel.className = "md-preview";
    panel.setAttribute("aria-live", "polite");
    panel.setAttribute("data-preview-for", textarea.name);
    anchor.insertAdjacentElement("afterend", panel);
    return panel;
  }

  function render(textarea) {
    var panel = panelFor(textarea);
    var ticket = (sequence.get(textarea) || 0) + 1;
    sequence.set(textarea, ticket);
    var body = new URLSearchParams();
    body.set("mode", textarea.dataset.preview);
    body.set("text", textarea.value);
    fetch(textarea.dataset.previewUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (result) {
        if (sequence.get(textarea) !== ticket) {
          return; // a newer keystroke's preview is on its way
        }
        if (result.ok) {
          panel.classList.remove("md-preview-error");
          panel.innerHTML = result.data.html; // sanitised by the server's pipeline (nh3)
        } else {
          panel.classList.add("md-preview-error");
          panel.textContent = result.data.error || "The preview could not be drawn.";
        }
      })
      .catch(function () {
        panel.classList.add("md-preview-error");
        panel.textContent = "The preview could not reach the server; your text is still in the box.";
      });
  }

  function isPreviewed(element) {
    return (
      element instanceof HTMLTextAreaElement &&
      element.dataset.preview &&
      element.name.indexOf("__prefix__") === -1
    );
  }

  document.addEventListener("input", function (event) {
    var textarea = event.target;
    if (!isPreviewed(textarea)) {
      return;
    }
    clearTimeout(timers.get(textarea));
    timers.set(
      textarea,
      setTimeout(function () {
        render(textarea);
      }, DELAY_MS)
    );
  });

  function renderAll() {
    document.querySelectorAll("textarea[data-preview]").forEach(function (textarea) {
      if (isPreviewed(textarea) && textarea.value.trim()) {
        render(textarea);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
