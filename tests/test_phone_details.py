"""Details residents read on a phone (390 px), in Debian's Chromium: an office card's
labels and values line up (values in one column, each on its label's baseline), and a
photo's credit starts its own line under the caption."""

import pytest

PHONE = {"width": 390, "height": 844}
# The first line of text of an element: the bottom of its first line box.
FIRST_LINE_BOTTOM = """element => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {acceptNode: node =>
    node.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT});
  const range = document.createRange();
  range.selectNodeContents(walker.nextNode());
  return range.getClientRects()[0].bottom;
}"""


@pytest.mark.browser
def test_an_office_cards_labels_and_values_line_up(page, served_site):
    page.set_viewport_size(PHONE)
    page.goto(served_site.url + "/kur-sanemt-palidzibu/")
    card = page.locator(".office__contacts").first
    labels, values = card.locator("dt"), card.locator("dd")
    assert labels.count() >= 2 and labels.count() == values.count()
    lefts = {round(values.nth(i).bounding_box()["x"]) for i in range(values.count())}
    assert len(lefts) == 1, f"the values do not start in one column: {lefts}"
    for i in range(labels.count()):
        label = labels.nth(i).evaluate(FIRST_LINE_BOTTOM)
        value = values.nth(i).evaluate(FIRST_LINE_BOTTOM)
        assert abs(label - value) <= 3, (labels.nth(i).inner_text(), label, value)


@pytest.mark.browser
def test_a_photo_credit_has_its_own_line_on_a_phone(page, served_site):
    page.set_viewport_size(PHONE)
    page.goto(served_site.url + "/jaunumi/2022/socialaja-dienesta-viesojas-kolegi-no-lietuvas/")
    credit = page.locator(".gallery__credit").first
    caption = credit.locator("xpath=..")
    assert round(credit.bounding_box()["x"]) == round(caption.bounding_box()["x"])
    assert credit.evaluate("e => getComputedStyle(e).display") == "block"
