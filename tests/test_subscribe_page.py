"""The Subscribe page on a phone, in Debian's Chromium: one address to copy for the topic
chosen, every feed folded in a disclosure, at most three phone screens long; without
JavaScript the address of all news and the list of all feeds still work."""

import pytest

PHONE = {"width": 390, "height": 844}
PAGES = [("/abonet/", "Visas ziņas"), ("/en/subscribe/", "All news")]


@pytest.mark.browser
@pytest.mark.parametrize(("path", "all_news"), PAGES)
def test_the_subscribe_page_is_at_most_three_phone_screens(page, served_site, path, all_news):
    page.set_viewport_size(PHONE)
    page.goto(served_site.url + path)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 3 * PHONE["height"], f"{path} is {height} px long on a phone"
    assert page.inner_text("[data-feed-picker-name]") == all_news
    assert not page.is_visible("details.all-feeds .feed-list__link"), "the list is not folded"


@pytest.mark.browser
def test_choosing_a_topic_gives_its_address_to_copy(page, served_site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.url)
    page.set_viewport_size(PHONE)
    page.goto(served_site.url + "/en/subscribe/")
    options = page.eval_on_selector_all("#feed-picker-topic option",
                                        "options => options.map(o => [o.value, o.text])")
    listed = set(page.eval_on_selector_all("details.all-feeds a[type='application/atom+xml']",
                                           "links => links.map(a => a.href)"))
    assert {value for value, _ in options} == listed  # every feed is a topic to choose
    value, label = options[-1]  # a target group's feed
    page.select_option("#feed-picker-topic", value)
    address = page.locator("[data-feed-picker-address]")
    assert address.inner_text() == value and address.get_attribute("href") == value
    assert page.inner_text("[data-feed-picker-name]") == label
    page.click("text=Copy address")
    page.wait_for_function("document.querySelector('.feed-picker__status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == value
    assert "paste" in page.inner_text(".feed-picker__status")


@pytest.mark.browser
def test_without_javascript_the_page_gives_all_news_and_every_feed(page, served_site):
    page.set_viewport_size(PHONE)
    devtools = page.context.new_cdp_session(page)
    devtools.send("Emulation.setScriptExecutionDisabled", {"value": True})
    page.goto(served_site.url + "/abonet/")
    assert page.evaluate("matchMedia('(scripting: none)').matches"), "JavaScript is on"
    assert page.get_attribute("[data-feed-picker-address]", "href") == \
        f"{served_site.url}/jaunumi/atom.xml"
    assert not page.is_visible("#feed-picker-topic")
    page.click("summary.all-feeds__summary")
    shown = page.eval_on_selector_all("details.all-feeds .feed-list__link",
                                      "links => links.filter(a => a.checkVisibility()).length")
    assert shown >= 10
    devtools.detach()
