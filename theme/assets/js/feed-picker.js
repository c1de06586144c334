/* feed-picker: on the Subscribe page, puts the choice of topic and the copy button in the
   page (from their <template>s); the address shown follows the topic chosen. Without it
   the page shows the address of all news and the list of all feeds. */
(function () {
  "use strict";
  var picker = document.querySelector("[data-feed-picker]");
  if (!picker) return;
  var address = picker.querySelector("[data-feed-picker-address]");
  var name = picker.querySelector("[data-feed-picker-name]");

  function insert(selector) {
    var template = picker.querySelector(selector);
    var element = template.content.firstElementChild.cloneNode(true);
    template.replaceWith(element);
    return element;
  }

  var select = insert("template[data-feed-picker-topics]").querySelector("select");
  var copy = insert("template[data-feed-picker-copy]");
  var status = copy.querySelector("[role=status]");

  select.addEventListener("change", function () {
    var option = select.options[select.selectedIndex];
    address.href = address.textContent = option.value;
    name.textContent = option.textContent;
    status.textContent = "";
  });

  copy.querySelector("button").addEventListener("click", function () {
    function copied() { status.textContent = status.dataset.copied; }
    function selectAddress() {
      // where the clipboard is refused (an old browser, a page not on https): the address
      // is selected, for the phone's own Copy
      var range = document.createRange();
      range.selectNodeContents(address);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(address.textContent).then(copied, selectAddress);
    } else {
      selectAddress();
    }
  });
}());
