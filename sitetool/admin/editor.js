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
  window.CMS.registerEditorComponent(documentLink(lang));
  for (const href of siteStyles) window.CMS.registerPreviewStyle(href);
  window.CMS.init();
})();

// A document (PDF, ODT, DOCX …) uploaded beside the story's index.lv.md and linked from
// its text: `[Programma](programma.pdf)`, the link plugins/published_files publishes.
const DOCUMENT_WORDS = {
  lv: { label: "Dokuments", title: "Saites teksts (dokumenta nosaukums)", file: "Datne" },
  en: { label: "Document", title: "Link text (the document's name)", file: "File" },
};

function documentLink(lang) {
  const words = DOCUMENT_WORDS[lang];
  return {
    id: "document",
    label: words.label,
    fields: [
      { name: "title", label: words.title, widget: "string" },
      { name: "file", label: words.file, widget: "file", choose_url: false },
    ],
    // a link alone on its line to a file beside the text (no address, no folder)
    pattern: /^\[([^\]\n]+)\]\(([^/():\s]+\.[A-Za-z0-9]+)\)$/,
    fromBlock: (match) => ({ title: match[1], file: match[2] }),
    toBlock: ({ title, file }) => `[${title || file}](${file})`,
    toPreview: ({ title, file }) => {
      const link = document.createElement("a");
      link.href = file || "";
      link.textContent = title || file || "";
      return link.outerHTML;
    },
  };
}

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
