"""What a reader does in a browser: follow links, copy a permalink, land on a quoted line."""

import re

import pytest
from playwright.sync_api import expect

from .page_types import PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

HOME = PAGE_TYPES["home"]
MEETING = PAGE_TYPES["meeting"]
ARTICLE = PAGE_TYPES["article"]
QUOTE = PAGE_TYPES["quote"]


def assert_meaningful_title(page):
    heading = page.get_by_role("heading", level=1).first.inner_text().strip()
    assert heading, f"{page.url} has no <h1>"
    assert heading in page.title(), f"<title> {page.title()!r} does not name {heading!r}"


def test_reader_follows_links_from_home_to_a_meeting_a_person_and_a_quote(page):
    page.goto(HOME)

    page.locator(f'main a[href="{MEETING}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(MEETING) + "$"))
    assert_meaningful_title(page)

    page.locator("main").get_by_role("link", name="Kim Jong Un", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/people/kim-jong-un/$"))
    assert_meaningful_title(page)

    permalink = page.locator('main a[href^="/quotes/"]:not([href="/quotes/"])').first
    quote = permalink.get_attribute("href")
    permalink.click()
    expect(page).to_have_url(re.compile(re.escape(quote) + "$"))
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical.endswith(quote), f"canonical {canonical} is not {page.url}"
    expect(page.locator("main").get_by_role("link", name="Kim Jong Un").first).to_be_visible()


def clipboard_text(page, attempts=20):
    """What the clipboard holds once the page's script has written to it (it may take a moment)."""
    for _ in range(attempts):
        text = page.evaluate("navigator.clipboard.readText()")
        if text:
            return text
        page.wait_for_timeout(100)
    return ""


@pytest.mark.parametrize("path", [MEETING, ARTICLE, QUOTE], ids=["meeting", "article", "quote"])
def test_copy_link_button_puts_the_page_address_on_the_clipboard(context, live_site, path):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_site)
    page = context.new_page()
    page.goto(path)

    page.get_by_role("button", name=re.compile("copy link", re.IGNORECASE)).click()

    assert clipboard_text(page) == live_site + path


def test_permanent_address_is_shown_without_javascript(open_context, live_site):
    page = open_context(java_script_enabled=False).new_page()
    page.goto(QUOTE)

    shown = page.evaluate(
        """url => [...document.querySelectorAll('main a, main input, main textarea')]
            .some(e => (e.href === url || e.value === url) && e.checkVisibility())""",
        live_site + QUOTE,
    )
    assert shown, f"without JavaScript {QUOTE} does not show its own address"
    # Without the script a "copy link" button would do nothing, so it must not be shown.
    expect(page.get_by_role("button", name=re.compile("copy link", re.IGNORECASE))).to_have_count(0)


HIGHLIGHT_STYLE = """element => {
    const style = getComputedStyle(element);
    return ["background-color", "outline-style", "outline-color", "box-shadow",
            "border-left-color", "border-left-width"].map(name => style.getPropertyValue(name));
}"""


def test_targeted_quote_is_highlighted_on_the_meeting_page(page):
    page.goto(MEETING)
    anchors = page.eval_on_selector_all('main [id^="q-"]', "els => els.map(e => e.id)")
    assert len(anchors) >= 2, f"expected quotes with #q-… anchors on {MEETING}, found {anchors}"
    targeted, other = anchors[1], anchors[0]

    page.goto(f"{MEETING}#{targeted}")

    assert page.evaluate("document.querySelector(':target')?.id") == targeted
    expect(page.locator(f"#{targeted}")).to_be_in_viewport()
    targeted_style = page.locator(f"#{targeted}").evaluate(HIGHLIGHT_STYLE)
    other_style = page.locator(f"#{other}").evaluate(HIGHLIGHT_STYLE)
    assert targeted_style != other_style, "the targeted quote looks like every other quote"
