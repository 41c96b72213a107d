"""Jump to: typing in the header's search box lists people, meetings and outlets to go to, with
the keyboard and a screen reader as well as the mouse (search/static/search/jump.js)."""

import re

import pytest
from playwright.sync_api import expect

from .test_accessibility import BLOCKING_IMPACTS, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def header_box(page):
    return page.get_by_role("combobox", name="Search the archive")


def test_typing_lists_the_records_whose_names_fit_and_the_keyboard_opens_one(page):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto("/meetings/")
    box = header_box(page)
    box.press_sequentially("lavr")
    options = page.get_by_role("listbox", name="Jump to").get_by_role("option")
    expect(options.first).to_contain_text("Sergey Lavrov")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status").filter(has_text="to jump to")).to_have_count(1)

    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/people/sergey-lavrov/$"))
    assert errors == [], errors  # a CSP violation would be reported here


def test_at_most_eight_records_and_other_spellings_of_places_count(page):
    page.goto("/")
    box = header_box(page)
    box.press_sequentially("Пхеньян")
    options = page.get_by_role("listbox", name="Jump to").get_by_role("option")
    expect(options.first).to_contain_text("Pyongyang")
    box.fill("")
    box.press_sequentially("kim")
    expect(options.first).to_be_visible()
    assert 1 <= options.count() <= 8


def test_escape_closes_the_list_and_enter_searches_as_before(page):
    page.goto("/")
    box = header_box(page)
    box.press_sequentially("vladivostok")
    listbox = page.get_by_role("listbox", name="Jump to")
    expect(listbox.get_by_role("option").first).to_be_visible()
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=vladivostok$"))


def test_a_click_on_a_record_opens_it(page):
    page.goto("/")
    header_box(page).press_sequentially("yonhap")
    page.get_by_role("option", name=re.compile("Yonhap News Agency")).click()
    expect(page).to_have_url(re.compile(r"/outlets/yonhap/$"))


def test_the_open_list_has_no_serious_accessibility_violations(open_context, axe_script):
    page = open_context(bypass_csp=True).new_page()
    page.goto("/")
    header_box(page).press_sequentially("putin")
    expect(page.get_by_role("option").first).to_be_visible()
    page.add_script_tag(path=axe_script)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe(blocking)


def test_without_script_the_box_is_a_plain_search_form(open_context):
    page = open_context(java_script_enabled=False).new_page()
    page.goto("/meetings/")
    box = page.get_by_role("searchbox", name="Search the archive")
    box.fill("fraternal duty")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=fraternal\+duty$"))
    expect(page.get_by_role("combobox")).to_have_count(0)
