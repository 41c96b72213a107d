"""At phone width (375px) pages fit the screen and the main navigation can be used with a thumb."""

import re

import pytest
from playwright.sync_api import expect

from .page_types import PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = ["/", "/meetings/", PAGE_TYPES["meeting"], PAGE_TYPES["person"], "/about/", "/data/"]
NAV_LINKS = ["Meetings", "People", "Outlets", "Articles", "Quotes", "About"]
# WCAG 2.2 target size (minimum), success criterion 2.5.8.
MIN_TARGET_PX = 24
# Text in a drawing (timeline, map) is scaled with it: below this it cannot be read.
MIN_DRAWN_TEXT_PX = 10


@pytest.mark.parametrize("path", PAGES)
def test_page_fits_the_screen_without_sideways_scrolling(phone_page, path):
    phone_page.goto(path)

    overflow = phone_page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wider = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                          + (e.className && typeof e.className === 'string'
                             ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
            return {width, scrollWidth: document.documentElement.scrollWidth, wider};
        }"""
    )

    assert overflow["scrollWidth"] <= overflow["width"], (
        f"{path} is {overflow['scrollWidth']}px wide on a {overflow['width']}px screen; "
        f"too wide: {', '.join(overflow['wider'][:10])}"
    )


@pytest.mark.parametrize("path", ["/", PAGE_TYPES["meeting"]])
def test_text_in_drawings_is_readable_at_phone_width(phone_page, path):
    phone_page.goto(path)

    heights = phone_page.eval_on_selector_all(
        "svg text",
        "texts => texts.filter(t => t.checkVisibility())"
        "              .map(t => [t.textContent, t.getBoundingClientRect().height])",
    )

    too_small = [(text, round(height, 1)) for text, height in heights if height < MIN_DRAWN_TEXT_PX]
    assert not too_small, f"{path}: drawn labels under {MIN_DRAWN_TEXT_PX}px: {too_small}"


def test_home_gives_every_putin_kim_meeting_a_readable_date_at_phone_width(phone_page):
    # The drawn timeline may give way to the cards at this width; the dates must still be there.
    phone_page.goto("/")
    cards = phone_page.locator(".summit-card")
    assert cards.count() == 4
    for index in range(cards.count()):
        date = cards.nth(index).locator("time")
        expect(date).to_be_visible()
        size = float(date.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
        assert size >= 14, f"{date.inner_text()} is set in {size}px type"


def open_menu_if_collapsed(page, nav):
    # A collapsed menu is fine as long as a button in the header opens it.
    first = nav.get_by_role("link", name=NAV_LINKS[0], exact=True)
    if not first.is_visible():
        page.locator("header button[aria-expanded]").first.click()


def test_main_navigation_is_usable_at_phone_width(phone_page):
    page = phone_page
    page.goto(PAGE_TYPES["meeting"])
    nav = page.get_by_role("navigation", name="Main")
    open_menu_if_collapsed(page, nav)

    for name in NAV_LINKS:
        link = nav.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, f"{name} is off screen: {box}"
        assert box["height"] >= MIN_TARGET_PX, f"{name} is too small to tap: {box}"

    nav.get_by_role("link", name="People", exact=True).tap()
    expect(page).to_have_url(re.compile(r"/people/$"))
