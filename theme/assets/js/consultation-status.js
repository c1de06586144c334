/* consultation-status: a page built before a consultation opened or closed corrects its
   status once that moment has passed, so nobody reads "open" after the deadline. The built
   page carries the exact moments and the words for each status; without JavaScript the
   built status stands. A count of open consultations is corrected to match the cards. */
(function () {
  "use strict";

  function phaseAt(now, status) {
    if (now >= Date.parse(status.dataset.closesAt)) { return "closed"; }
    if (now >= Date.parse(status.dataset.opens)) { return "open"; }
    return "upcoming";
  }

  var now = Date.now();
  document.querySelectorAll("[data-consultation-status]").forEach(function (status) {
    var phase = phaseAt(now, status);
    if (phase === status.dataset.consultationStatus) { return; }
    status.dataset.consultationStatus = phase;
    status.textContent = status.dataset["text" + phase.charAt(0).toUpperCase() + phase.slice(1)];
    var consultation = status.closest("[data-consultation]");
    if (phase === "closed" && consultation) {
      consultation.querySelectorAll("[data-consultation-while-open]").forEach(function (part) {
        part.hidden = true;
      });
    }
  });

  // A count of open consultations (the home page's) says how many of its cards are open
  // now, in the words the page carries for each count up to the number built.
  document.querySelectorAll("[data-consultations-open-count]").forEach(function (count) {
    var open = count.closest("section").querySelectorAll('[data-consultation-status="open"]');
    var text = count.getAttribute("data-text-open-" + open.length);
    if (text) { count.textContent = text; }
  });
}());
