// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // On wide screens the filter panel is a sidebar, so open it; on phones it stays folded.
  var wide = window.matchMedia("(min-width: 880px)");
  function syncFilters() {
    document.querySelectorAll("details[data-open-on-wide]").forEach(function (details) {
      if (wide.matches) details.open = true;
    });
  }
  syncFilters();
  wide.addEventListener("change", syncFilters);
  // Keyboard shortcuts ("/", j and k, 1 to 4, ?) live in keys.js.
})();

// Practice page: a timer counting up, and a live Markdown preview from the server's own pipeline.
(function () {
  "use strict";

  var timer = document.querySelector("[data-timer]");
  if (timer) {
    var opened = Date.now();
    var tick = function () {
      var seconds = Math.floor((Date.now() - opened) / 1000);
      var minutes = Math.floor(seconds / 60);
      var rest = String(seconds % 60).padStart(2, "0");
      timer.textContent = minutes + ":" + rest;
    };
    tick();
    window.setInterval(tick, 1000);
  }

  var preview = document.getElementById("answer-preview");
  var answer = document.getElementById("id_answer");
  if (!preview || !answer || !window.fetch) return;
  var button = document.querySelector("[data-preview-button]");
  if (button) button.hidden = true;
  var form = answer.form;
  var pending = null;
  var render = function () {
    var body = new FormData();
    body.append("answer", answer.value);
    body.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    fetch(preview.dataset.previewUrl, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) { return response.json().catch(function () { return null; }); })
      .then(function (data) {
        if (!data) return;
        if (data.error) {
          preview.textContent = data.error;  // a limit, said plainly; the typed text is untouched
        } else {
          preview.innerHTML = data.html || '<p class="muted">Your formatted answer appears here.</p>';
        }
      })
      .catch(function () { /* the preview is a nicety; the answer itself is never at risk */ });
  };
  answer.addEventListener("input", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(render, 400);
  });
})();
