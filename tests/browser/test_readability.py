"""What a reader can see whole: search hints inside their fields, citations inside their boxes,
and copy buttons that say which citation they copy."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .page_types import PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SEARCH_FIELDS = {"/": ["#site-search-q", "#home-search-q"], "/meetings/": ["#site-search-q"]}

# The placeholder's width in the field's own font against the room inside the field.
PLACEHOLDER_FIT = """input => {
    const style = getComputedStyle(input);
    const context = document.createElement("canvas").getContext("2d");
    context.font = style.font;
    const needed = context.measureText(input.placeholder).width;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return {placeholder: input.placeholder, needed, room};
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_hints_are_not_cut_off(open_context, viewport):
    page = open_context(viewport=viewport).new_page()
    for path, fields in SEARCH_FIELDS.items():
        page.goto(path)
        for selector in fields:
            fit = page.locator(selector).evaluate(PLACEHOLDER_FIT)
            assert fit["needed"] <= fit["room"], (
                f"{path} {selector}: {fit['placeholder']!r} needs {fit['needed']:.0f}px "
                f"in a {fit['room']:.0f}px field"
            )


@pytest.mark.parametrize(
    "path",
    [PAGE_TYPES["meeting"], PAGE_TYPES["article"], PAGE_TYPES["quote"]],
    ids=["meeting", "article", "quote"],
)
def test_citation_boxes_show_their_whole_text(page, path):
    page.goto(path)

    for box_id in ["cite-chicago", "cite-apa", "cite-bibtex"]:
        box = page.locator(f"#{box_id}")
        expect(box).to_be_visible()
        hidden = box.evaluate("e => e.scrollHeight - e.clientHeight")
        assert hidden <= 1, f"{path} #{box_id} hides {hidden}px of its text"
    bibtex = page.locator("#cite-bibtex").input_value()
    assert bibtex.rstrip().endswith("}"), bibtex


def test_each_copy_button_says_what_it_copies(page):
    page.goto(PAGE_TYPES["quote"])

    names = ["Copy link", "Copy Chicago citation", "Copy APA citation", "Copy BibTeX"]
    for name in names:
        expect(page.get_by_role("button", name=name, exact=True)).to_have_count(1)
    buttons = page.locator("main button[data-copy]")
    labels = [buttons.nth(index).inner_text() for index in range(buttons.count())]
    assert len(labels) == len(set(labels)), f"two copy buttons share a name: {labels}"
