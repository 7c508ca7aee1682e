// Practise page: the answer is saved on the server as it is typed, so a reload, a crash or another
// device finds it again. Without JavaScript the page works the same, only without the draft.
//
// Like the mock autosave (mock.js): a save goes 1.5 s after typing pauses (at most 5 s apart while
// typing goes on), when the box loses focus and when the tab is hidden or closed (sendBeacon). Every
// save carries a rising revision; the server refuses one older than what it holds (409), so a slow
// request never overwrites newer text. Until the server confirms a save, the text is also kept in this
// browser (localStorage), so a reload that overtakes the last save restores it and sends it again.
// Submitting the answer clears the draft on the server (and here).
(function () {
  "use strict";

  var form = document.getElementById("answer-form");
  var textarea = document.getElementById("id_answer");
  if (!form || !textarea || !window.fetch) return;
  var status = document.getElementById("draft-status");
  var url = form.dataset.draftUrl;
  var key = form.dataset.draftKey;
  var storedRevision = Number(form.dataset.draftRevision) || 0;
  var revision = Math.max(storedRevision + 1, Date.now());
  var timer = null;
  var typingSince = null;
  var inFlight = false;
  var dirty = false;
  var submitted = false;

  var say = function (text) { if (status) status.textContent = text; };
  var clock = function () { return new Date().toTimeString().slice(0, 5); };
  var nextRevision = function () {
    revision = Math.max(revision + 1, Date.now());
    return revision;
  };

  var keepLocally = function () {
    try { window.localStorage.setItem(key, JSON.stringify({ text: textarea.value, revision: revision })); } catch (e) { /* private mode */ }
  };
  var forgetLocally = function () {
    try { window.localStorage.removeItem(key); } catch (e) { /* private mode */ }
  };

  var payload = function (rev) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    data.append("answer", textarea.value);
    data.append("revision", String(rev));
    return data;
  };

  var schedule = function (ms) {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, ms);
  };

  var save = function () {
    if (submitted || !dirty) return;
    if (inFlight) { schedule(500); return; }
    var sent = textarea.value;
    inFlight = true;
    typingSince = null;
    say("Saving draft…");
    var rev = nextRevision();
    keepLocally();
    fetch(url, { method: "POST", body: payload(rev), credentials: "same-origin" })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          return { code: response.status, data: data };
        });
      })
      .then(function (result) {
        inFlight = false;
        if (result.code === 200) {
          if (textarea.value === sent) { dirty = false; forgetLocally(); }
          say("Draft saved " + clock() + ".");
        } else if (result.code === 409) {
          // Another tab saved newer text; this tab's next keystroke saves again with a newer revision.
          forgetLocally();
          say("A newer draft was saved from another tab.");
        } else {
          say("Draft not saved: " + (result.data.error || "the server said no.") + " Retrying…");
          schedule(5000);
        }
      })
      .catch(function () {
        inFlight = false;
        say("Offline: the draft will be saved when the connection returns.");
        schedule(5000);
      });
  };

  var beacon = function () {
    if (submitted || !dirty || !navigator.sendBeacon) return;
    var rev = nextRevision();
    keepLocally();
    navigator.sendBeacon(url, payload(rev));
  };

  // Text this browser kept that the server never confirmed (a reload overtaking the save, offline, a
  // crash): put it back and send it.
  try {
    var kept = JSON.parse(window.localStorage.getItem(key) || "null");
    if (kept && kept.revision > storedRevision && kept.text !== textarea.value) {
      textarea.value = kept.text;
      dirty = true;
      say("Restored the text kept in this browser; saving…");
      schedule(0);
    } else if (kept) {
      forgetLocally();
    }
  } catch (e) { /* unreadable backup: ignore */ }

  textarea.addEventListener("input", function () {
    dirty = true;
    keepLocally();
    if (typingSince === null) typingSince = Date.now();
    schedule(Math.max(0, Math.min(1500, 5000 - (Date.now() - typingSince))));
  });
  // Leaving the box saves, a moment later: when it was left to click "I'm done", the submit (which
  // carries the text itself) cancels that save rather than racing it.
  textarea.addEventListener("blur", function () { if (dirty) schedule(250); });
  window.addEventListener("online", save);
  window.addEventListener("pagehide", beacon);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") beacon();
  });
  form.addEventListener("submit", function (event) {
    // "Preview" (without JavaScript's live preview) posts the form too: keep saving after it.
    if (event.submitter && event.submitter.name === "preview") return;
    submitted = true;
    window.clearTimeout(timer);
    forgetLocally();
    // Newer than any save already sent: the server keeps the emptied draft at this revision, so a save
    // still on its way (leaving the box sends one) is refused instead of bringing the text back.
    var field = document.getElementById("draft-revision");
    if (field) field.value = String(nextRevision());
  });
})();
