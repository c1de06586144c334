"""With JavaScript off (as on some old phones, or when a script fails to load on a poor
connection) every page type shows its content and its navigation, and hides nothing
that only a script would reveal."""

import pytest

from page_types import type_and_lang_params, urls_to_check

# Numbers the elements as the HTML parser made them, before any (deferred) script runs:
# `interactive` comes before deferred scripts. Elements inside <noscript> are skipped
# (parsed as elements only without JavaScript), so the numbers match in both runs.
NUMBER_ELEMENTS_BEFORE_SCRIPTS = """
document.addEventListener('readystatechange', () => {
  if (document.readyState !== 'interactive') return;
  [...document.querySelectorAll('*')].filter(element => !element.closest('noscript'))
    .forEach((element, number) => { element.dataset.gateNumber = number; });
});
"""
SHOWN_WITH_SCRIPTS = """() => [...document.querySelectorAll('[data-gate-number]')]
  .filter(element => element.checkVisibility({visibilityProperty: true}))
  .map(element => Number(element.dataset.gateNumber))"""
# Without JavaScript: the outermost hidden elements that hold content (links, images,
# text), by number. Closed <details> (a person opens them) and closed <dialog>s (a viewer
# repeating what the page shows) are fine; so are controls that only work with a script.
HIDDEN_CONTENT = """() => {
  const content = 'a[href], img, picture, video, h1, h2, h3, h4, h5, h6, p, li, table, figure';
  const controls = 'input, select, textarea, button';
  const shown = element => element.checkVisibility({visibilityProperty: true});
  const hidden = [];
  [...document.querySelectorAll('*')].filter(element => !element.closest('noscript'))
    .forEach((element, number) => {
      if (!element.parentElement || element.closest('template, dialog:not([open])')) return;
      const details = element.parentElement.closest('details:not([open])');
      if (details && !element.matches('details > summary')) return;
      if (shown(element) || !shown(element.parentElement)) return;
      if (!element.matches(content) && !element.querySelector(content)) return;
      if (element.closest('form') || element.querySelector(controls)) return;
      hidden.push({number, html: element.outerHTML.slice(0, 120)});
    });
  return hidden;
}"""
ESSENTIALS = """() => {
  const shown = element => element && element.checkVisibility({visibilityProperty: true});
  const main = document.querySelector('main'), heading = document.querySelector('main h1');
  return {
    main: shown(main) && main.innerText.trim().length > 0,
    heading: shown(heading) && heading.innerText.trim(),
    navigation: [...document.querySelectorAll('header nav a[href]')].filter(shown).length,
  };
}"""


def _without_javascript(page, url: str) -> tuple[list[str], dict]:
    """Content hidden without JavaScript that the page's scripts show, and whether the
    main content, heading and menu show without JavaScript."""
    # One DevTools session: each session keeps its own setting until it is detached.
    devtools = page.context.new_cdp_session(page)
    page.goto(url, wait_until="networkidle")
    shown_with_scripts = set(page.evaluate(SHOWN_WITH_SCRIPTS))
    assert shown_with_scripts, "the elements were not numbered"
    devtools.send("Emulation.setScriptExecutionDisabled", {"value": True})
    page.goto(url)
    assert page.evaluate("matchMedia('(scripting: none)').matches"), "JavaScript is on"
    hidden = [item["html"] for item in page.evaluate(HIDDEN_CONTENT)
              if item["number"] in shown_with_scripts]
    essentials = page.evaluate(ESSENTIALS)
    devtools.detach()
    return hidden, essentials


@pytest.fixture(scope="module")
def elements_numbered(module_page):
    """The module's page numbers the elements of every page it loads from now on."""
    module_page[0].context.add_init_script(NUMBER_ELEMENTS_BEFORE_SCRIPTS)


@pytest.mark.browser
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_content_and_navigation_work_without_javascript(
        elements_numbered, reused_page, served_site, page_type, lang):
    page, problems = reused_page, []
    for url in urls_to_check(served_site, page_type, lang):
        waiting, essentials = _without_javascript(page, url)
        problems += [f"{url}: only a script shows: {html}" for html in waiting]
        if not (essentials["main"] and essentials["heading"]):
            problems.append(f"{url}: no visible main content and heading: {essentials}")
        if essentials["navigation"] < 3:
            problems.append(f"{url}: only {essentials['navigation']} navigation links show")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_the_check_catches_content_that_waits_for_a_script(page, served_site):
    """The gate can fail: a list hidden in the HTML that a script shows is reported."""
    page.context.add_init_script(NUMBER_ELEMENTS_BEFORE_SCRIPTS)
    # The page as served, with a list that a (deferred) script un-hides on load.
    page.route(served_site.url + "/en/", lambda route: route.fulfill(
        status=200, content_type="text/html",
        body=route.fetch().text().replace(
            "</main>", '<ul hidden class="shown-by-script"><li>Services</li></ul></main>')
        .replace("</body>", '<script defer src="/reveal.js"></script></body>')))
    page.route(served_site.url + "/reveal.js", lambda route: route.fulfill(
        status=200, content_type="text/javascript",
        body="document.querySelector('.shown-by-script').hidden = false;"))
    waiting, _ = _without_javascript(page, served_site.url + "/en/")
    assert waiting == [
        '<ul hidden="" class="shown-by-script"><li>Services</li></ul>']
