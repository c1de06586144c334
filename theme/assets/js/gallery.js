/* gallery: opens a story's photos in a viewer (a modal <dialog>) with previous/next
   buttons, a counter and the caption. Keyboard: ← → between photos, Esc closes; focus
   goes into the viewer and back to the thumbnail it was opened from; a swipe on a phone
   turns the page. Without this script every thumbnail is a plain link to the image. */
(function () {
  "use strict";

  var SWIPE_DISTANCE = 50; // CSS pixels a finger must travel sideways to turn the page

  function formatOf(key) {
    return key.slice("srcset".length).toLowerCase(); // data-srcset-avif → "avif"
  }

  function setUp(gallery) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll("[data-gallery-photo]"));
    var viewer = gallery.querySelector("[data-gallery-viewer]");
    if (!links.length || !viewer || typeof viewer.showModal !== "function") {
      return; // an old browser keeps the plain links
    }
    var frame = viewer.querySelector("[data-gallery-frame]");
    var counter = viewer.querySelector("[data-gallery-counter]");
    var caption = viewer.querySelector("[data-gallery-caption]");
    var status = viewer.querySelector("[data-gallery-status]");
    var current = 0;
    var opener = null;
    var swipeStart = null;

    function counterText(index) {
      return viewer.dataset.counter
        .replace("{number}", String(index + 1))
        .replace("{total}", String(links.length));
    }

    function picture(link) {
      var width = Number(link.dataset.width);
      var height = Number(link.dataset.height);
      var shown = Math.min(window.innerWidth, window.innerHeight * width / height);
      var sizes = Math.ceil(shown) + "px";
      var element = document.createElement("picture");
      var formats = Object.keys(link.dataset).filter(function (key) {
        return key.indexOf("srcset") === 0;
      });
      formats.slice(0, -1).forEach(function (key) {
        var source = document.createElement("source");
        source.type = "image/" + formatOf(key);
        source.srcset = link.dataset[key];
        source.sizes = sizes;
        element.appendChild(source);
      });
      var image = document.createElement("img");
      image.className = "gallery-viewer__image";
      image.srcset = link.dataset[formats[formats.length - 1]];
      image.sizes = sizes;
      image.src = link.href;
      image.width = width;
      image.height = height;
      image.alt = link.querySelector("img").alt;
      element.appendChild(image);
      return element;
    }

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      frame.replaceChildren(picture(link));
      var figcaption = link.parentNode.querySelector("figcaption");
      caption.textContent = figcaption ? figcaption.textContent.trim() : "";
      caption.hidden = !caption.textContent;
      counter.textContent = counterText(current);
      status.textContent = counter.textContent + ". " + link.querySelector("img").alt;
    }

    function open(index, link) {
      opener = link;
      show(index);
      viewer.showModal();
    }

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey ||
            event.altKey) {
          return; // a new tab or window: the browser's own behaviour
        }
        event.preventDefault();
        open(index, link);
      });
    });

    viewer.querySelector("[data-gallery-close]").addEventListener("click", function () {
      viewer.close();
    });
    viewer.querySelector("[data-gallery-previous]").addEventListener("click", function () {
      show(current - 1);
    });
    viewer.querySelector("[data-gallery-next]").addEventListener("click", function () {
      show(current + 1);
    });
    viewer.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") {
        event.preventDefault();
        show(current - 1);
      } else if (event.key === "ArrowRight") {
        event.preventDefault();
        show(current + 1);
      }
    });
    viewer.addEventListener("close", function () {
      frame.replaceChildren();
      if (opener) {
        opener.focus();
      }
    });

    frame.addEventListener("pointerdown", function (event) {
      if (event.pointerType !== "mouse") {
        swipeStart = {x: event.clientX, y: event.clientY};
      }
    });
    frame.addEventListener("pointerup", function (event) {
      if (!swipeStart) {
        return;
      }
      var dx = event.clientX - swipeStart.x;
      var dy = event.clientY - swipeStart.y;
      swipeStart = null;
      if (Math.abs(dx) >= SWIPE_DISTANCE && Math.abs(dx) > Math.abs(dy)) {
        show(dx < 0 ? current + 1 : current - 1);
      }
    });
    frame.addEventListener("pointercancel", function () {
      swipeStart = null;
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-gallery]"), setUp);
})();
