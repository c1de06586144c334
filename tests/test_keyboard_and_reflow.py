"""Keyboard and zoom, in Debian's Chromium, on every page type in both languages:
every interactive element is reached by Tab and shows where the focus is; the skip link
moves focus to the main content; at 320 CSS px and at 200% text size nothing needs
horizontal scrolling and nothing is cut off."""

import pytest

from page_types import type_and_lang_params, urls_to_check

# Marks every element that Tab should reach (a data-gate-id) and returns, for each, a
# description and its computed look before it has focus.
MARK_FOCUSABLES = """() => {
  const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe, '
    + 'audio[controls], video[controls], [contenteditable="true"], [tabindex]';
  const found = [];
  for (const element of document.querySelectorAll(selector)) {
    if (element.disabled || element.tabIndex < 0 || element.closest('[inert]')) continue;
    if (element.matches('input[type=hidden]')) continue;
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    const firstSummary = element.parentElement.querySelector('summary');
    if (element.matches('summary') && firstSummary !== element) continue;
    element.dataset.gateId = String(found.length);
    found.push({
      id: element.dataset.gateId,
      // Only one radio button of a group is in the Tab order; arrows move within it.
      group: element.matches('input[type=radio]') ? 'radio:' + element.name
        : element.dataset.gateId,
      label: element.tagName.toLowerCase() + ' "' + (element.innerText || element.value
        || element.getAttribute('aria-label') || element.getAttribute('href') || '')
        .trim().slice(0, 50) + '"',
      look: window.gateLook(element),
    });
  }
  return found;
}"""
FOCUS_LOOK = """() => {
  window.gateLook = element => {
    const style = getComputedStyle(element);
    return {outline: [style.outlineStyle, style.outlineWidth, style.outlineColor].join(' '),
            outlineVisible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
            boxShadow: style.boxShadow};
  };
}"""
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const box = element.getBoundingClientRect();
  return {id: element.dataset.gateId || null, look: window.gateLook(element),
          label: element.tagName.toLowerCase() + ' ' + element.outerHTML.slice(0, 80),
          onScreen: box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth};
}"""


def _focus_is_visible(before: dict, focused: dict) -> bool:
    outline = focused["outlineVisible"] and focused["outline"] != before["outline"]
    shadow = focused["boxShadow"] != "none" and focused["boxShadow"] != before["boxShadow"]
    return outline or shadow


def _tab_through(page) -> list[str]:
    page.evaluate(FOCUS_LOOK)
    focusables = page.evaluate(MARK_FOCUSABLES)
    by_id = {item["id"]: item for item in focusables}
    problems, reached_groups, seen = [], set(), set()
    for _ in range(len(focusables) + 3):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:  # past the last element: focus left the page
            break
        if focused["id"] is None:
            problems.append(f"Tab reaches {focused['label']}, which is not visible")
            continue
        if focused["id"] in seen:
            break
        seen.add(focused["id"])
        item = by_id[focused["id"]]
        reached_groups.add(item["group"])
        if not _focus_is_visible(item["look"], focused["look"]):
            problems.append(f"no visible focus on {item['label']}: {focused['look']}")
        if not focused["onScreen"]:
            problems.append(f"focused {item['label']} is off screen")
    problems += [f"Tab never reaches {item['label']}" for item in focusables
                 if item["group"] not in reached_groups]
    return problems


@pytest.mark.browser
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_tab_reaches_every_interactive_element_with_visible_focus(
        page, served_site, page_type, lang):
    problems = []
    for url in urls_to_check(served_site, page_type, lang):
        page.goto(url)
        problems += [f"{url}: {problem}" for problem in _tab_through(page)]
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_skip_link_moves_focus_to_the_main_content(page, served_site, page_type, lang):
    for url in urls_to_check(served_site, page_type, lang):
        page.goto(url)
        page.keyboard.press("Tab")
        first = page.evaluate("""() => {
          const element = document.activeElement, box = element.getBoundingClientRect();
          return {href: element.getAttribute('href'), text: element.innerText.trim(),
                  onScreen: box.top >= 0 && box.bottom <= innerHeight && box.width > 1};
        }""")
        assert first["href"] == "#main" and first["text"], f"{url}: first Tab → {first}"
        assert first["onScreen"], f"{url}: the focused skip link is not visible"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main", url
        page.keyboard.press("Tab")
        if page.evaluate("document.querySelector('main a[href], main button, main input')"):
            assert page.evaluate("document.getElementById('main').contains(document.activeElement)"
                                 ), f"{url}: Tab after the skip link leaves the main content"


# What a person sees cut off or has to scroll sideways for, as readable lines.
LAYOUT_PROBLEMS = """() => {
  const root = document.documentElement, width = root.clientWidth, problems = [];
  const name = element => element.tagName.toLowerCase()
    + [...element.classList].map(each => '.' + each).join('')
    + ' "' + (element.innerText || '').trim().slice(0, 40) + '"';
  const scrolls = style => ['auto', 'scroll'].includes(style.overflowX);
  const clips = overflow => ['hidden', 'clip'].includes(overflow);
  if (root.scrollWidth > width)
    problems.push(`the page is ${root.scrollWidth}px wide in a ${width}px window`);
  for (const element of document.body.querySelectorAll('*')) {
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // visually hidden on purpose
    const style = getComputedStyle(element);
    // A wide table may scroll inside its own box (WCAG 1.4.10 allows it); nothing else.
    const wider = element.scrollWidth > element.clientWidth + 1;
    if (scrolls(style) && wider && !element.querySelector('table'))
      problems.push(`${name(element)} scrolls sideways`);
    if (clips(style.overflowX) && wider)
      problems.push(`${name(element)} cuts off its content at the side`);
    if (clips(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
      problems.push(`${name(element)} cuts off its content at the bottom`);
    let container = element.parentElement;
    while (container !== document.body && !scrolls(getComputedStyle(container)))
      container = container.parentElement;
    if (container === document.body && (box.right > width + 1 || box.left < -1))
      problems.push(`${name(element)} sticks out of the window`
                    + ` (${Math.round(box.left)}…${Math.round(box.right)}px)`);
  }
  return problems;
}"""
# (window width, text size: Chromium's own font-size setting, as a person would set it)
LAYOUTS = {"320px": (320, 16), "phone-200%-text": (390, 32), "desktop-200%-text": (1280, 32)}


@pytest.mark.browser
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_nothing_cut_off_or_scrolling_sideways(page, served_site, page_type, lang, layout):
    width, font_size = LAYOUTS[layout]
    page.set_viewport_size({"width": width, "height": 800})
    page.context.new_cdp_session(page).send(
        "Page.setFontSizes", {"fontSizes": {"standard": font_size, "fixed": font_size}})
    problems = []
    for url in urls_to_check(served_site, page_type, lang):
        page.goto(url)
        assert page.evaluate("getComputedStyle(document.body).fontSize") == (
            f"{font_size * 1.125:g}px"), "the text size setting did not apply"
        problems += [f"{url}: {problem}" for problem in page.evaluate(LAYOUT_PROBLEMS)[:10]]
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_the_checks_catch_hidden_focus_and_a_too_wide_element(page, served_site):
    """The gate can fail: a link whose focus style is removed and a box wider than the
    window are reported on a real page."""
    page.goto(served_site.url + "/")
    page.evaluate("""() => {
        const link = document.querySelector('main a[href]');
        link.classList.add('no-focus-style');
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('.no-focus-style:focus-visible { outline: none; box-shadow: none; }');
        document.adoptedStyleSheets = [sheet];
        const wide = document.createElement('p');
        wide.textContent = 'wide';
        wide.classList.add('too-wide');
        wide.style.width = '2000px';
        document.querySelector('main').append(wide);
    }""")
    focus_problems = _tab_through(page)
    assert any(problem.startswith("no visible focus on a") for problem in focus_problems)
    layout_problems = page.evaluate(LAYOUT_PROBLEMS)
    assert any(problem.startswith('p.too-wide "wide" sticks out') for problem in layout_problems)
