/* service-filter: instant filtering of the service catalogue by target group, type and
   words. The list works without it (and the target-group pages filter without it); this
   puts the form in the page from its <template>, hides what does not match and says how
   many match in a live region. */
(function () {
  "use strict";
  function insert(selector) {
    var template = document.querySelector(selector);
    if (!template) return null;
    var element = template.content.firstElementChild.cloneNode(true);
    template.replaceWith(element);
    return element;
  }

  var form = insert("template[data-service-filter]");
  if (!form) return;
  var empty = insert("template[data-service-filter-empty]");
  var status = form.querySelector("[data-service-filter-status]");
  var groups = document.querySelectorAll("[data-service-group]");

  function words(text) {
    return text.toLocaleLowerCase().normalize("NFC").split(/\s+/).filter(Boolean);
  }

  function apply() {
    var group = form.elements.group.value;
    var type = form.elements.type.value;
    var wanted = words(form.elements.text.value);
    var shown = 0;
    groups.forEach(function (section) {
      var inSection = 0;
      section.querySelectorAll(".service-card").forEach(function (card) {
        var text = card.textContent.toLocaleLowerCase().normalize("NFC");
        var matches = (!group || card.dataset.targetGroups.split(" ").indexOf(group) !== -1) &&
          (!type || card.dataset.serviceType === type) &&
          wanted.every(function (word) { return text.indexOf(word) !== -1; });
        card.hidden = !matches;
        if (matches) inSection += 1;
      });
      section.hidden = inSection === 0;
      shown += inSection;
    });
    if (empty) empty.hidden = shown !== 0;
    status.textContent = status.dataset.template.replace("{count}", String(shown));
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
})();
