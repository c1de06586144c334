/* notice-expiry: a service notice disappears on the first build after its end date; a page
   built earlier (or kept in a cache) may still carry it, so this hides any notice whose
   end date (data-notice-end, YYYY-MM-DD, in the site's time zone) has passed, and a group
   of notices once all of them are hidden. */
(function () {
  "use strict";
  function today(zone) {
    var parts = {};
    new Intl.DateTimeFormat("en", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"
    }).formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  document.querySelectorAll("[data-notice-end]").forEach(function (notice) {
    if (notice.dataset.noticeEnd < today(notice.dataset.noticeZone)) notice.hidden = true;
  });
  document.querySelectorAll("[data-notice-group]").forEach(function (group) {
    if (!group.querySelector("[data-notice-end]:not([hidden])")) group.hidden = true;
  });
})();
