"""A phone's first screen, in Debian's Chromium at 390×844 on every page type in both
languages: the way to urgent help is on it, the header takes at most a quarter of it, and
the main menu is a disclosure that opens by keyboard and without JavaScript (and stays a
row of links on a desktop)."""

import pytest

from page_types import type_and_lang_params, urls_to_check

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
HEADER_MAX = PHONE["height"] // 4  # 211 px

FIRST_SCREEN = """() => {
  const box = element => element && element.getBoundingClientRect().toJSON();
  const link = document.querySelector('.site-header .urgent-help-bar__link');
  const target = link && document.querySelector(link.getAttribute('href'));
  return {
    header: box(document.querySelector('header.site-header')),
    link: box(link),
    linkText: link && link.innerText,
    targets: link ? document.querySelectorAll(link.getAttribute('href')).length : 0,
    calls: target ? [...target.querySelectorAll('a[href^="tel:"]')].map(a => a.href) : [],
  };
}"""
MENU_LINKS_SHOWN = """() => [...document.querySelectorAll('nav.main-nav a[href]')]
  .filter(link => link.checkVisibility({visibilityProperty: true})).length"""


@pytest.mark.browser
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_urgent_help_is_on_a_phones_first_screen(reused_page, served_site, page_type, lang):
    page, problems = reused_page, []
    page.set_viewport_size(PHONE)
    for url in urls_to_check(served_site, page_type, lang):
        page.goto(url)
        seen = page.evaluate(FIRST_SCREEN)
        link, header = seen["link"], seen["header"]
        if link is None:
            problems.append(f"{url}: no urgent-help link in the header")
            continue
        if not (link["top"] >= 0 and link["left"] >= 0 and link["bottom"] <= PHONE["height"]
                and link["right"] <= PHONE["width"]):
            problems.append(f"{url}: the urgent-help link is off the first screen: {link}")
        if header["height"] > HEADER_MAX:
            problems.append(f"{url}: the header is {header['height']} px tall (≤ {HEADER_MAX})")
        # it leads, on the same page, to exactly one block of numbers that call in a tap
        if seen["targets"] != 1 or "tel:112" not in seen["calls"]:
            problems.append(f"{url}: the link leads to {seen['targets']} targets, {seen['calls']}")
    assert not problems, "\n".join(problems)


def _tab_to(page, selector: str, most: int = 15) -> bool:
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return True
    return False


@pytest.mark.browser
@pytest.mark.parametrize("lang_home", ["", "en/"])
def test_the_phone_menu_opens_by_keyboard_with_its_focus_shown(reused_page, served_site,
                                                               lang_home):
    page = reused_page
    page.set_viewport_size(PHONE)
    page.goto(f"{served_site.url}/{lang_home}")
    assert page.evaluate(MENU_LINKS_SHOWN) == 0, "the menu is not folded on a phone"
    assert _tab_to(page, "summary.main-nav__toggle"), "Tab never reaches the menu toggle"
    toggle = page.evaluate("""() => { const style = getComputedStyle(document.activeElement);
      return {name: document.activeElement.innerText.trim(), outline: style.outlineStyle,
              background: style.backgroundColor}; }""")
    assert toggle["name"] in {"Izvēlne", "Menu"}
    assert toggle["outline"] != "none", "the focused toggle shows no focus"
    page.keyboard.press("Enter")
    assert page.evaluate(MENU_LINKS_SHOWN) >= 5
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('nav.main-nav a.main-nav__link')")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate(MENU_LINKS_SHOWN) == 0, "Enter does not close the menu again"


@pytest.mark.browser
def test_the_phone_menu_opens_without_javascript(page, served_site):
    page.set_viewport_size(PHONE)
    devtools = page.context.new_cdp_session(page)
    devtools.send("Emulation.setScriptExecutionDisabled", {"value": True})
    page.goto(f"{served_site.url}/jaunumi/")
    assert page.evaluate("matchMedia('(scripting: none)').matches"), "JavaScript is on"
    assert page.evaluate(MENU_LINKS_SHOWN) == 0
    page.click("summary.main-nav__toggle")
    assert page.evaluate(MENU_LINKS_SHOWN) >= 5
    devtools.detach()


@pytest.mark.browser
def test_the_desktop_menu_is_a_row_of_links_without_a_toggle(reused_page, served_site):
    page = reused_page
    page.set_viewport_size(DESKTOP)
    page.goto(f"{served_site.url}/en/")
    assert not page.is_visible("summary.main-nav__toggle")
    tops = page.evaluate("""() => [...document.querySelectorAll('nav.main-nav a[href]')]
      .map(link => Math.round(link.getBoundingClientRect().top))""")
    assert len(tops) >= 5 and len(set(tops)) == 1, tops
    assert _tab_to(page, "nav.main-nav a.main-nav__link"), "Tab never reaches the menu"
