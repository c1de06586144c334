// sitetool serve only (never published): reload the page when the site has been rebuilt,
// and show the problems of a change that did not build. Served at /_sitetool/reload.js.
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var BANNER_ID = "sitetool-problems";
  var events = new EventSource("/_sitetool/events");

  // Sent on connecting (a page opened or reloaded) and after a change that did not
  // build: the problems that stand, none when the preview is sound. The panel is made
  // with the CSSOM, which a Content-Security-Policy without 'unsafe-inline' allows.
  function showProblems(lines) {
    var banner = document.getElementById(BANNER_ID);
    document.documentElement.setAttribute("data-sitetool-problems", String(lines.length));
    if (!lines.length) {
      if (banner) {
        banner.parentNode.removeChild(banner);
      }
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.id = BANNER_ID;
      banner.setAttribute("role", "alert");
      var css = banner.style;
      css.position = "fixed";
      css.left = css.right = css.bottom = "0";
      css.maxHeight = "50vh";
      css.overflow = "auto";
      css.zIndex = "2147483647";
      css.margin = "0";
      css.padding = "1rem";
      css.background = "#fff4f4";
      css.color = "#5c0000";
      css.borderTop = "4px solid #b00020";
      css.font = "1rem/1.4 monospace";
      css.whiteSpace = "pre-wrap";
      document.body.appendChild(banner);
    }
    banner.textContent = lines.join("\n");
  }

  events.addEventListener("open", function () {
    document.documentElement.setAttribute("data-sitetool-preview", "connected");
  });
  events.addEventListener("reload", function () {
    window.location.reload();
  });
  events.addEventListener("problems", function (event) {
    showProblems(JSON.parse(event.data));
  });
})();
