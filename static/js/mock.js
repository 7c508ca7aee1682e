// Mock interview page: a countdown from the server's own "seconds left", and autosave.
//
// Autosave sends the answer 1.5 s after typing pauses (at most 5 s apart while typing goes on),
// when the box loses focus, when the tab is hidden or closed (sendBeacon), and when the network
// comes back. Every save carries a rising revision number; the server keeps only the newest text.
// The text is also kept in this browser (localStorage) until the server confirms it, so a lost
// connection or a closed browser loses nothing typed before the deadline.
(function () {
  "use strict";

  var form = document.getElementById("mock-form");
  if (!form || !window.fetch) return;
  var textarea = document.getElementById("mock-answer");
  var flag = document.getElementById("flagged");
  var revisionInput = document.getElementById("revision");
  var status = document.getElementById("save-status");
  var countdown = document.getElementById("countdown");
  var url = form.dataset.saveUrl;
  var key = form.dataset.storageKey;
  var storedRevision = Number(revisionInput.dataset.storedRevision) || 0;
  var revision = Math.max(storedRevision + 1, Date.now());
  var timer = null;
  var typingSince = null;
  var inFlight = false;
  var dirty = false;
  var closed = false;

  var say = function (text) { status.textContent = text; };
  var clock = function () { return new Date().toTimeString().slice(0, 8); };

  var nextRevision = function () {
    revision = Math.max(revision + 1, Date.now());
    revisionInput.value = String(revision);
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
    if (flag && flag.checked) data.append("flagged", "on");
    if (flag) data.append("flag_sent", "1");
    return data;
  };

  var lock = function (message, summaryUrl) {
    closed = true;
    textarea.readOnly = true;
    window.clearTimeout(timer);
    say(message);
    if (summaryUrl) window.setTimeout(function () { window.location.href = summaryUrl; }, 2500);
  };

  var schedule = function (ms) {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, ms);
  };

  var save = function () {
    if (closed || !dirty) return;
    if (inFlight) { schedule(500); return; }
    var rev = nextRevision();
    var sent = textarea.value;
    keepLocally();
    inFlight = true;
    typingSince = null;
    say("Saving…");
    fetch(url, { method: "POST", body: payload(rev), credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (data) { return { code: response.status, data: data }; });
      })
      .then(function (result) {
        inFlight = false;
        if (result.code === 200) {
          if (textarea.value === sent) { dirty = false; forgetLocally(); }
          say("Saved " + clock());
        } else if (result.code === 409) {
          lock(result.data.error, result.data.summary_url);
        } else {
          say("Not saved: " + (result.data.error || "the server said no") + " Retrying…");
          schedule(5000);
        }
      })
      .catch(function () {
        inFlight = false;
        say("Offline: your text is kept in this browser and will be saved when the connection returns.");
        schedule(5000);
      });
  };

  var beacon = function () {
    if (closed || !dirty || !navigator.sendBeacon) return;
    keepLocally();
    navigator.sendBeacon(url, payload(nextRevision()));
  };

  // Text this browser kept that the server never confirmed (offline, crash, closed tab): restore and send it.
  try {
    var kept = JSON.parse(window.localStorage.getItem(key) || "null");
    if (kept && kept.revision > storedRevision && kept.text !== textarea.value) {
      textarea.value = kept.text;
      dirty = true;
      say("Restored text kept in this browser; saving…");
      schedule(0);
    } else if (kept) {
      forgetLocally();
    }
  } catch (e) { /* unreadable backup: ignore */ }

  textarea.addEventListener("input", function () {
    dirty = true;
    keepLocally();
    if (typingSince === null) typingSince = Date.now();
    var waited = Date.now() - typingSince;
    schedule(Math.max(0, Math.min(1500, 5000 - waited)));
  });
  textarea.addEventListener("blur", save);
  if (flag) flag.addEventListener("change", function () { dirty = true; save(); });
  window.addEventListener("online", save);
  window.addEventListener("pagehide", beacon);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") beacon();
  });
  form.addEventListener("submit", function () {
    // The form posts the text itself; give it the newest revision so it is not taken for older text.
    window.clearTimeout(timer);
    nextRevision();
    dirty = false;
    forgetLocally();
  });

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
