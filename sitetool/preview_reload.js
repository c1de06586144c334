// sitetool serve only (never published): reload the page when the site has been rebuilt,
// and show the problem panel: the problems of a change that did not build, or the
// warnings of one that did. Served at /_sitetool/reload.js; the panel's look is
// /_sitetool/panel.css (a file of this origin: the site's Content-Security-Policy allows
// no inline style or script).
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var PANEL_ID = "sitetool-problems";
  var DISMISSED = "sitetool-problems-hidden"; // sessionStorage: the panel hidden, as it was

  // Sent on connecting (a page opened or reloaded) and after a change that did not
  // build: {lines, heading, hide, failed}, no lines when the preview is sound.
  function showProblems(panel) {
    var lines = panel.lines;
    var shown = document.getElementById(PANEL_ID);
    document.documentElement.setAttribute("data-sitetool-problems", String(lines.length));
    if (shown) {
      removed(shown);
    }
    // Hidden by the editor: hidden on every page until the problems change.
    if (!lines.length || hiddenAs() === JSON.stringify(panel)) {
      return;
    }
    var box = made(panel);
    document.body.appendChild(box);
    // room below the page's end, so that the panel covers none of it (CSSOM: allowed by
    // a policy without 'unsafe-inline')
    document.body.style.paddingBottom = box.offsetHeight + "px";
  }

  function removed(box) {
    box.parentNode.removeChild(box);
    document.body.style.paddingBottom = "";
  }

  function made(panel) {
    var box = document.createElement("section");
    box.id = PANEL_ID;
    // A change that did not build interrupts; warnings are said politely.
    box.setAttribute("role", panel.failed ? "alert" : "status");
    box.setAttribute("aria-labelledby", PANEL_ID + "-heading");
    box.className = panel.failed ? "sitetool-failed" : "sitetool-warnings";
    var heading = document.createElement("h2");
    heading.id = PANEL_ID + "-heading";
    heading.textContent = panel.heading;
    var list = document.createElement("ul");
    list.tabIndex = 0; // long lists scroll with the keyboard
    list.setAttribute("aria-labelledby", heading.id);
    panel.lines.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    var hide = document.createElement("button");
    hide.type = "button";
    hide.textContent = panel.hide;
    hide.addEventListener("click", function () {
      try {
        window.sessionStorage.setItem(DISMISSED, JSON.stringify(panel));
      } catch (storageRefused) {
        // hidden on this page only
      }
      removed(box);
    });
    box.appendChild(heading);
    box.appendChild(list);
    box.appendChild(hide);
    return box;
  }

  function hiddenAs() {
    try {
      return window.sessionStorage.getItem(DISMISSED);
    } catch (storageRefused) {
      return null;
    }
  }

  function follow() {
    var events = new EventSource("/_sitetool/events");
    events.addEventListener("open", function () {
      document.documentElement.setAttribute("data-sitetool-preview", "connected");
    });
    events.addEventListener("reload", function () {
      window.location.reload();
    });
    events.addEventListener("problems", function (event) {
      showProblems(JSON.parse(event.data));
    });
  }

  // The panel's stylesheet first, so that a panel is never shown unstyled in the page.
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = "/_sitetool/panel.css";
  style.addEventListener("load", follow);
  style.addEventListener("error", follow);
  document.head.appendChild(style);
})();
