// Practise page: the answer is saved on the server as it is typed (static/js/autosave.js), so a
// reload, a crash or another device finds it again. Without JavaScript the page works the same, only
// without the draft. Submitting the answer clears the draft on the server (and in this browser).
(function () {
  "use strict";

  var form = document.getElementById("answer-form");
  var textarea = document.getElementById("id_answer");
  if (!form || !textarea || !window.fetch || !window.Autosave) return;
  var status = document.getElementById("draft-status");
  var clock = function () { return new Date().toTimeString().slice(0, 5); };
  var say = function (text) { if (status) status.textContent = text; };

  var autosave = window.Autosave({
    form: form,
    textarea: textarea,
    url: form.dataset.draftUrl,
    storageKey: form.dataset.draftKey,
    storedRevision: Number(form.dataset.draftRevision) || 0,
    say: say,
    // Leaving the box saves a moment later: when it was left to click "I'm done", the submit (which
    // carries the text itself) cancels that save rather than racing it.
    blurDelay: 250,
    words: {
      saving: "Saving draft…",
      saved: function () { return "Draft saved " + clock() + "."; },
      offline: "Offline: the draft will be saved when the connection returns.",
      notSaved: function (error) { return "Draft not saved: " + (error || "the server said no.") + " Retrying…"; },
      restored: "Restored the text kept in this browser; saving…",
    },
    onConflict: function () {
      // Another tab saved newer text; this tab's next keystroke saves again with a newer revision.
      autosave.forgetLocally();
      say("A newer draft was saved from another tab.");
    },
  });

  form.addEventListener("submit", function (event) {
    // "Preview" (without JavaScript's live preview) posts the form too: keep saving after it.
    if (event.submitter && event.submitter.name === "preview") return;
    // Newer than any save already sent: the server keeps the emptied draft at this revision, so a save
    // still on its way (leaving the box sends one) is refused instead of bringing the text back.
    var revision = autosave.stop();
    var field = document.getElementById("draft-revision");
    if (field) field.value = String(revision);
  });
})();
