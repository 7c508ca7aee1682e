// Autosave of one answer box to the server, shared by the practise page (draft.js) and the mock
// interview (mock.js).
//
// A save goes 1.5 s after typing pauses (at most 5 s apart while typing goes on), when the box loses
// focus, when the network comes back, and when the tab is hidden or closed (sendBeacon). Every save
// carries a rising revision; the server refuses one older than what it holds (409), so a slow request
// never overwrites newer text. Until the server confirms a save, the text is also kept in this browser
// (localStorage): after a reload that overtook the save, a crash or a lost connection, the kept text is
// put back and sent again.
//
// options: form, textarea, url, storageKey, storedRevision (what the server holds), say(text), words
// (the messages: saving, saved(), offline, notSaved(error), restored), onConflict(data) for a 409, and
// optionally blurDelay (ms), onRevision(revision) and addToPayload(formData).
window.Autosave = function (options) {
  "use strict";

  var textarea = options.textarea;
  var words = options.words;
  var say = options.say;
  var revision = Math.max(options.storedRevision + 1, Date.now());
  var timer = null;
  var typingSince = null;
  var inFlight = false;
  var dirty = false;
  var stopped = false;

  var nextRevision = function () {
    revision = Math.max(revision + 1, Date.now());
    if (options.onRevision) options.onRevision(revision);
    return revision;
  };

  var keepLocally = function () {
    try {
      window.localStorage.setItem(options.storageKey, JSON.stringify({ text: textarea.value, revision: revision }));
    } catch (e) { /* private mode */ }
  };
  var forgetLocally = function () {
    try { window.localStorage.removeItem(options.storageKey); } catch (e) { /* private mode */ }
  };

  var payload = function (rev) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", options.form.elements.csrfmiddlewaretoken.value);
    data.append("answer", textarea.value);
    data.append("revision", String(rev));
    if (options.addToPayload) options.addToPayload(data);
    return data;
  };

  var schedule = function (ms) {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, ms);
  };

  var save = function () {
    if (stopped || !dirty) return;
    if (inFlight) { schedule(500); return; }
    var sent = textarea.value;
    inFlight = true;
    typingSince = null;
    say(words.saving);
    var rev = nextRevision();
    keepLocally();
    fetch(options.url, { method: "POST", body: payload(rev), credentials: "same-origin" })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          return { code: response.status, data: data };
        });
      })
      .then(function (result) {
        inFlight = false;
        if (result.code === 200) {
          if (textarea.value === sent) { dirty = false; forgetLocally(); }
          say(words.saved());
        } else if (result.code === 409) {
          options.onConflict(result.data);
        } else {
          say(words.notSaved(result.data.error));
          schedule(5000);
        }
      })
      .catch(function () {
        inFlight = false;
        say(words.offline);
        schedule(5000);
      });
  };

  var beacon = function () {
    if (stopped || !dirty || !navigator.sendBeacon) return;
    var rev = nextRevision();
    keepLocally();
    navigator.sendBeacon(options.url, payload(rev));
  };

  // Text this browser kept that the server never confirmed: put it back and send it.
  try {
    var kept = JSON.parse(window.localStorage.getItem(options.storageKey) || "null");
    if (kept && kept.revision > options.storedRevision && kept.text !== textarea.value) {
      textarea.value = kept.text;
      dirty = true;
      say(words.restored);
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
  textarea.addEventListener("blur", function () { if (dirty) schedule(options.blurDelay || 0); });
  window.addEventListener("online", save);
  window.addEventListener("pagehide", beacon);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") beacon();
  });

  return {
    // Something besides the text changed (the mock's flag): save it now.
    saveNow: function () { dirty = true; save(); },
    // No more saves (the form is being submitted, or the mock closed); returns a revision newer than
    // any save already sent, for the form to carry.
    stop: function () {
      stopped = true;
      window.clearTimeout(timer);
      forgetLocally();
      return nextRevision();
    },
    forgetLocally: forgetLocally,
  };
};
