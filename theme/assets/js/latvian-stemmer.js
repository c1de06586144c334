/* A light stemmer for Latvian: cuts a word's inflectional ending, so that the forms
   residents type ("pabalsts", "pabalstam", "pabalstu") meet in one stem ("pabalst").
   Pagefind has no Latvian stemmer but matches the beginnings of words, so the search page
   (search.js) gives it the stems of a Latvian query. Pagefind also folds diacritics on
   both sides, so "majokla" and "mājokļa" both stem to a beginning of "mājokļa".

   The algorithm is the light Latvian stemmer of Kārlis Kreslins' thesis "A stemming
   algorithm for Latvian" (Loughborough, 1996) as Lucene describes it: only the endings of
   case, number, gender and definiteness of nouns and adjectives are removed, the longest
   one first, each only when the word has more vowels than the ending asks for and at
   least three letters stay; after the endings of the 2nd, 5th and 6th declensions the
   stem's palatalised consonant is changed back ("brāļ-u" → "brāl", "zivj-u" → "ziv").
   Our additions: the endings of infinitives ("pieteik-ties", "palīdz-ēt", "saņem-t") and
   the -šan- of the nouns of action ("pieteik-šan-ās", "saņem-šan-a"), so that a verb and
   its nouns meet ("pieteikties", "pieteikšanās": "pieteik").

   One file for the browser (global `latvianStemmer`) and for Node (`require`), which
   the tests and the search benchmark run: there is no second implementation. */
(function (exports) {
  "use strict";

  // [ending, the vowels the whole word must have more than, palatalises]
  var ENDINGS = [
    ["ajiem", 3, false], ["ajai", 3, false], ["ajam", 2, false], ["ajām", 2, false],
    ["ajos", 2, false], ["ajās", 2, false], ["ties", 2, false], ["iem", 2, true],
    ["ajā", 2, false], ["ais", 2, false], ["ai", 2, false], ["ei", 2, false],
    ["ām", 1, false], ["am", 1, false], ["ēm", 1, false], ["īm", 1, false],
    ["im", 1, false], ["um", 1, false], ["us", 1, true], ["as", 1, false],
    ["ās", 1, false], ["es", 1, false], ["os", 1, true], ["ij", 1, false],
    ["īs", 1, false], ["ēs", 1, false], ["is", 1, false], ["ie", 1, false],
    ["āt", 1, false], ["ēt", 1, false], ["īt", 1, false], ["ot", 1, false],
    ["u", 1, true], ["a", 1, true], ["i", 1, true], ["e", 1, false],
    ["ā", 1, false], ["ē", 1, false], ["ī", 1, false], ["ū", 1, false],
    ["o", 1, false], ["t", 1, false], ["s", 0, false], ["š", 0, false],
  ];
  var LEAST_STEM = 3;
  var ACTION_NOUN = /^(.{4,})[šs]an$/;  // "pieteikšan" → "pieteik" (also typed "pieteiksan")

  // A stem's last consonants as palatalisation left them → as the nominative has them.
  // Only before a removed -u (genitive plural of the 2nd, 5th, 6th declension):
  var BEFORE_U = [["kš", "kst"], ["ņņ", "nn"]];
  // Before any palatalising ending; a labial's inserted j goes. The ambiguous ones
  // (š from s or t, ž from d or z) stay: Pagefind's folding still matches s and z.
  var ALWAYS = [["pj", "p"], ["bj", "b"], ["mj", "m"], ["vj", "v"], ["šņ", "sn"],
                ["žņ", "zn"], ["šļ", "sl"], ["žļ", "zl"], ["ļņ", "ln"], ["ļļ", "ll"],
                ["č", "c"], ["ļ", "l"], ["ņ", "n"]];

  function vowelCount(word) {
    return (word.match(/[aeiouāēīū]/g) || []).length;
  }

  function replaceEnd(stem, rules) {
    for (var i = 0; i < rules.length; i++) {
      var from = rules[i][0];
      if (stem.slice(-from.length) === from) {
        return stem.slice(0, -from.length) + rules[i][1];
      }
    }
    return null;
  }

  function unpalatalise(stem, ending) {
    var restored = ending === "u" ? replaceEnd(stem, BEFORE_U) : null;
    return restored || replaceEnd(stem, ALWAYS) || stem;
  }

  /** The stem of one lower-case Latvian word (the word itself when nothing applies). */
  function stem(word) {
    var vowels = vowelCount(word);
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i][0];
      if (vowels > ENDINGS[i][1] && word.length >= ending.length + LEAST_STEM &&
          word.slice(-ending.length) === ending) {
        var cut = word.slice(0, -ending.length);
        return (ENDINGS[i][2] ? unpalatalise(cut, ending) : cut).replace(ACTION_NOUN, "$1");
      }
    }
    return word;
  }

  /** A typed query with each word in lower case and stemmed; words "in quotes" stay as
      typed, for Pagefind's exact phrase search. */
  function stemQuery(text) {
    return text.normalize("NFC").split('"').map(function (part, index) {
      if (index % 2) {
        return part;
      }
      return part.replace(/[\p{L}\p{M}]+/gu, function (word) {
        return stem(word.toLocaleLowerCase("lv"));
      });
    }).join('"');
  }

  exports.stem = stem;
  exports.stemQuery = stemQuery;
}(typeof module === "object" ? module.exports : (window.latvianStemmer = {})));
