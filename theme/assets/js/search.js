/* Site search on the search page, with Pagefind's JavaScript API (our own small interface:
   Pagefind's bundled UI has no Latvian and would double the page's weight).

   The page arrives saying that search needs JavaScript; this script swaps that notice for
   the form. Pagefind loads the index of the page's <html lang>, so each language searches
   only its own pages. The words, type and target group live in the address
   (?q=…&type=…&group=…): the 404 page's search boxes send their words here, and going
   back from a result shows the same results again. All texts come from the page
   (data-text-* attributes), in the page's language.

   Latvian queries go to Pagefind as their words' stems (latvian-stemmer.js): Pagefind has
   no Latvian stemmer but finds the words that begin with what it is given, so "apkures
   pabalsts" finds "apkures pabalstam". English keeps Pagefind's own English stemming.
   A service's easy-to-read version has the service's title: it is a link within the
   service's result, and a result of its own only when its type is chosen. */
(function () {
  "use strict";

  var root = document.querySelector("[data-site-search]");
  if (!root) {
    return;
  }
  var form = root.querySelector("form");
  var input = form.querySelector("input[name=q]");
  var filterSelects = root.querySelectorAll("[data-search-filter]");
  var status = root.querySelector("[data-search-status]");
  var list = root.querySelector("[data-search-results]");
  var moreButton = root.querySelector("[data-search-more]");
  var fallback = root.querySelector("[data-search-fallback]");
  var easyReadType = root.dataset.easyReadType;
  var stemmer = document.documentElement.lang === "lv" ? window.latvianStemmer : null;
  var PAGE_SIZE = 10;
  var results = [];
  var shown = 0;
  var latestSearch = 0;

  var pagefindReady = import(root.dataset.pagefindUrl).then(function (pagefind) {
    return pagefind.options({ excerptLength: 24 }).then(function () { return pagefind; });
  });

  function text(name, count) {
    return root.dataset[name].replace("{count}", String(count));
  }

  function fillFilters(pagefind, params) {
    return pagefind.filters().then(function (available) {
      var anyShown = false;
      filterSelects.forEach(function (select) {
        var values = Object.keys(available[select.dataset.searchFilter] || {});
        values.sort(function (a, b) { return a.localeCompare(b, document.documentElement.lang); });
        values.forEach(function (value) {
          select.add(new Option(value, value));
        });
        select.value = values.indexOf(params.get(select.name)) >= 0 ? params.get(select.name) : "";
        select.closest("[data-search-filter-field]").hidden = values.length === 0;
        anyShown = anyShown || values.length > 0;
      });
      root.querySelector("[data-search-filters]").hidden = !anyShown;
    });
  }

  function chosenFilters() {
    var filters = {};
    filterSelects.forEach(function (select) {
      if (select.value) {
        filters[select.dataset.searchFilter] = select.value;
      }
    });
    return filters;
  }

  function searchTerms(words) {
    return words && stemmer ? stemmer.stemQuery(words) : words || null;
  }

  function searchFilters(filters) {
    return filters.type ? filters : Object.assign({ not: { type: easyReadType } }, filters);
  }

  function rememberInAddress() {
    var params = new URLSearchParams();
    if (input.value.trim()) {
      params.set("q", input.value.trim());
    }
    filterSelects.forEach(function (select) {
      if (select.value) {
        params.set(select.name, select.value);
      }
    });
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    heading.className = "search-result__title";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title;
    heading.appendChild(link);
    item.appendChild(heading);
    var details = [].concat(data.filters.type || [], data.meta.date || []);
    if (details.length) {
      var meta = document.createElement("p");
      meta.className = "search-result__meta";
      meta.textContent = details.join(" · ");
      item.appendChild(meta);
    }
    var excerpt = document.createElement("p");
    excerpt.className = "search-result__excerpt";
    excerpt.innerHTML = data.excerpt;  // Pagefind escapes the page text and adds <mark>
    item.appendChild(excerpt);
    if (data.meta.easy_read) {
      var easyRead = document.createElement("p");
      easyRead.className = "search-result__easy-read";
      var easyReadLink = document.createElement("a");
      easyReadLink.href = data.meta.easy_read;
      easyReadLink.textContent = easyReadType;
      easyRead.appendChild(easyReadLink);
      item.appendChild(easyRead);
    }
    var sections = data.sub_results.filter(function (section) {
      return section.url !== data.url && section.url.indexOf("#") > 0;
    }).slice(0, 3);
    if (sections.length) {
      var sectionList = document.createElement("ul");
      sectionList.className = "search-result__sections";
      sections.forEach(function (section) {
        var sectionItem = document.createElement("li");
        var sectionLink = document.createElement("a");
        sectionLink.href = section.url;
        sectionLink.textContent = section.title;
        sectionItem.appendChild(sectionLink);
        sectionList.appendChild(sectionItem);
      });
      item.appendChild(sectionList);
    }
    return item;
  }

  function showMore(moveFocus) {
    var next = results.slice(shown, shown + PAGE_SIZE);
    var searchNumber = latestSearch;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (searchNumber !== latestSearch) {
        return;
      }
      var items = pages.map(resultItem);
      items.forEach(function (item) { list.appendChild(item); });
      shown += pages.length;
      moreButton.hidden = shown >= results.length;
      if (moveFocus && items.length) {
        items[0].querySelector("a").focus();
      }
    });
  }

  function search() {
    var words = input.value.trim();
    var filters = chosenFilters();
    rememberInAddress();
    var searchNumber = ++latestSearch;
    list.textContent = "";
    moreButton.hidden = true;
    if (!words && !Object.keys(filters).length) {
      status.textContent = "";
      return Promise.resolve();
    }
    status.textContent = text("textSearching");
    return pagefindReady.then(function (pagefind) {
      return pagefind.search(searchTerms(words), { filters: searchFilters(filters) });
    }).then(function (found) {
      if (searchNumber !== latestSearch) {
        return;
      }
      results = found.results;
      shown = 0;
      return showMore(false).then(function () {
        if (searchNumber === latestSearch) {
          status.textContent = results.length ? text("textCount", results.length) : text("textNone");
        }
      });
    });
  }

  function failed() {
    status.textContent = text("textFailed");
    fallback.hidden = false;
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  fallback.hidden = true;
  form.hidden = false;

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search().catch(failed);
  });
  filterSelects.forEach(function (select) {
    select.addEventListener("change", function () { search().catch(failed); });
  });
  moreButton.addEventListener("click", function () { showMore(true).catch(failed); });

  pagefindReady.then(function (pagefind) {
    return fillFilters(pagefind, params);
  }).then(search).catch(failed);
}());
