// Mock interview page: a countdown from the server's own "seconds left", and autosave
// (static/js/autosave.js): nothing typed before the deadline is lost, whatever the connection does.
(function () {
  "use strict";

  var form = document.getElementById("mock-form");
  if (!form || !window.fetch || !window.Autosave) return;
  var textarea = document.getElementById("mock-answer");
  var flag = document.getElementById("flagged");
  var revisionInput = document.getElementById("revision");
  var status = document.getElementById("save-status");
  var countdown = document.getElementById("countdown");
  var closed = false;
  var say = function (text) { status.textContent = text; };
  var clock = function () { return new Date().toTimeString().slice(0, 8); };

  var lock = function (message, summaryUrl) {
    closed = true;
    autosave.stop();
    textarea.readOnly = true;
    say(message);
    if (summaryUrl) window.setTimeout(function () { window.location.href = summaryUrl; }, 2500);
  };

  var autosave = window.Autosave({
    form: form,
    textarea: textarea,
    url: form.dataset.saveUrl,
    storageKey: form.dataset.storageKey,
    storedRevision: Number(revisionInput.dataset.storedRevision) || 0,
    say: say,
    words: {
      saving: "Saving…",
      saved: function () { return "Saved " + clock(); },
      offline: "Offline: your text is kept in this browser and will be saved when the connection returns.",
      notSaved: function (error) { return "Not saved: " + (error || "the server said no") + " Retrying…"; },
      restored: "Restored text kept in this browser; saving…",
    },
    // The mock is over (time ran out, or it was finished in another tab).
    onConflict: function (data) { lock(data.error, data.summary_url); },
    // The form posts the text itself: it carries the newest revision, so it is not taken for older text.
    onRevision: function (revision) { revisionInput.value = String(revision); },
    addToPayload: function (data) {
      if (flag && flag.checked) data.append("flagged", "on");
      if (flag) data.append("flag_sent", "1");
    },
  });

  if (flag) flag.addEventListener("change", autosave.saveNow);
  form.addEventListener("submit", function () { autosave.stop(); });

  // The countdown starts from the server's "seconds left", so a wrong clock on this device does not matter.
  var end = Date.now() + (Number(countdown.dataset.secondsLeft) || 0) * 1000;
  var format = function (seconds) {
    var minutes = Math.floor(seconds / 60);
    return minutes + ":" + String(seconds % 60).padStart(2, "0");
  };
  var tick = function () {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    countdown.textContent = format(left);
    if (left <= 60) countdown.parentNode.classList.add("is-low");
    if (left === 0 && !closed) lock("Time is up. Your saved answers are kept.", countdown.dataset.summaryUrl);
  };
  tick();
  window.setInterval(tick, 1000);
})();
