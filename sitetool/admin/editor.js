// The web editor (Decap CMS), started by hand: the interface language first (?lang=en;
// Latvian by default, with our Latvian translation of Decap's strings), its config from
// the matching file (written from the content schema by sitetool/cms_config.py), and
// the site's own CSS in the preview pane.
"use strict";

window.CMS_MANUAL_INIT = true;

(async () => {
  const requested = new URLSearchParams(location.search).get("lang");
  const lang = requested === "en" ? "en" : "lv";
  document.documentElement.lang = lang;
  for (const link of document.querySelectorAll("#editor-languages a")) {
    if (link.hreflang === lang) link.setAttribute("aria-current", "true");
  }
  const config = document.createElement("link");
  config.rel = "cms-config-url";
  config.type = "text/yaml";
  config.href = lang === "lv" ? "config.yml" : `config.${lang}.yml`;
  document.head.append(config);

  const [latvian, siteStyles] = await Promise.all([
    fetch("locale-lv.json").then((response) => response.json()),
    siteStylesheets(),
  ]);
  // The preview's local backend has no accounts: the editor is signed in at once. (Decap
  // uses a stored user only for the backend it was stored for, never for a Git backend.)
  if (!localStorage.getItem("decap-cms-user")) {
    localStorage.setItem("decap-cms-user", JSON.stringify({ backendName: "proxy" }));
  }
  await loadScript("decap/decap-cms.js");
  window.CMS.registerLocale("lv", latvian);
  for (const href of siteStyles) window.CMS.registerPreviewStyle(href);
  window.CMS.init();
})();

// The stylesheets of the site's home page, as paths on this host (the preview pane
// shows an entry with the site's CSS).
async function siteStylesheets() {
  const response = await fetch("/");
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  return [...page.querySelectorAll('link[rel="stylesheet"]')]
    .map((link) => new URL(link.getAttribute("href"), location.origin).pathname);
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}
