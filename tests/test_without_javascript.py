"""With JavaScript off (as on some old phones, or when a script fails to load on a poor
connection) every page type shows its content and its navigation, and hides nothing
that only a script would reveal."""

import pytest

from page_types import type_and_lang_params, urls_to_check

# Content (links, images, text blocks) that is present in the page but not shown. Closed
# <details> and <dialog> are fine: a person opens the first without JS, and the second
# only repeats what the page shows (a viewer). The outermost hidden element is reported.
HIDDEN_CONTENT = """() => {
  const content = 'a[href], img, picture, video, h1, h2, h3, h4, h5, h6, p, li, table, figure';
  const shown = element => element.checkVisibility({visibilityProperty: true});
  const problems = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest('noscript, template, dialog:not([open])')) continue;
    const details = element.parentElement.closest('details:not([open])');
    if (details && !element.matches('details > summary')) continue;
    if (shown(element) || !shown(element.parentElement)) continue;
    if (element.matches(content) || element.querySelector(content))
      problems.push(element.outerHTML.slice(0, 120));
  }
  return problems;
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


def _without_javascript(page):
    page.context.new_cdp_session(page).send(
        "Emulation.setScriptExecutionDisabled", {"value": True})


@pytest.mark.browser
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_content_and_navigation_work_without_javascript(page, served_site, page_type, lang):
    _without_javascript(page)
    problems = []
    for url in urls_to_check(served_site, page_type, lang):
        page.goto(url)
        assert page.evaluate("matchMedia('(scripting: none)').matches"), "JavaScript is on"
        essentials = page.evaluate(ESSENTIALS)
        if not (essentials["main"] and essentials["heading"]):
            problems.append(f"{url}: no visible main content and heading: {essentials}")
        if essentials["navigation"] < 3:
            problems.append(f"{url}: only {essentials['navigation']} navigation links show")
        problems += [f"{url}: hidden without JavaScript: {html}"
                     for html in page.evaluate(HIDDEN_CONTENT)]
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_the_check_catches_content_waiting_for_a_script(page, served_site):
    """The gate can fail: a list hidden until a script would show it is reported."""
    _without_javascript(page)
    page.goto(served_site.url + "/en/")
    page.evaluate("""() => {
        const waiting = document.createElement('div');
        waiting.hidden = true;
        waiting.className = 'shown-by-script';
        waiting.innerHTML = '<ul><li>Filtered services</li></ul>';
        document.querySelector('main').append(waiting);
    }""")
    assert page.evaluate(HIDDEN_CONTENT) == [
        '<div hidden="" class="shown-by-script"><ul><li>Filtered services</li></ul></div>']
