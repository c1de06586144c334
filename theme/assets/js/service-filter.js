/* service-filter: instant filtering of the service catalogue by target group, type and
   words. The list works without it (and the target-group pages filter without it); this
   puts the form in the page from its <template>, hides what does not match and says how
   many match in a live region. On Latvian pages words match as the site's search matches
   them (search.js): each typed word's stem (latvian-stemmer.js) begins a word of the
   card, diacritics folded on both sides, so "apkures pabalsts" finds "apkures
   pabalstam" and "majokla" finds "mājokļa"; English words match where they occur. */
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

  var stemmer = document.documentElement.lang === "lv" ? window.latvianStemmer : null;

  function words(text) {
    return text.toLocaleLowerCase().normalize("NFC").split(/\s+/).filter(Boolean);
  }

  function folded(text) {
    return text.toLocaleLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  }

  // Latvian: the stems of the typed words (a "phrase" as typed), each to begin a word.
  function latvianMatcher(typed) {
    var stems = folded(stemmer.stemQuery(typed)).match(/[\p{L}\p{N}]+/gu) || [];
    return function (text) {
      var cardWords = folded(text).match(/[\p{L}\p{N}]+/gu) || [];
      return stems.every(function (stem) {
        return cardWords.some(function (word) { return word.indexOf(stem) === 0; });
      });
    };
  }

  function plainMatcher(typed) {
    var wanted = words(typed);
    return function (text) {
      text = text.toLocaleLowerCase().normalize("NFC");
      return wanted.every(function (word) { return text.indexOf(word) !== -1; });
    };
  }

  function apply() {
    var group = form.elements.group.value;
    var type = form.elements.type.value;
    var matchesWords = (stemmer ? latvianMatcher : plainMatcher)(form.elements.text.value);
    var shown = 0;
    groups.forEach(function (section) {
      var inSection = 0;
      section.querySelectorAll(".service-card").forEach(function (card) {
        var matches = (!group || card.dataset.targetGroups.split(" ").indexOf(group) !== -1) &&
          (!type || card.dataset.serviceType === type) &&
          matchesWords(card.textContent);
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
