"""Full-page screenshots for a reviewer to look at (home-desktop.png, home-phone.png, ...) in
SCREENSHOT_DIR, by default screenshots/ at the top of the project, which git ignores."""

import struct

import pytest

from .page_types import PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = {
    "home": PAGE_TYPES["home"],
    "meeting": PAGE_TYPES["meeting"],
    "person": PAGE_TYPES["person"],
}


def png_width(path):
    # A PNG starts with an 8-byte signature and the IHDR chunk: width is the big-endian int at 16.
    return struct.unpack(">I", path.read_bytes()[16:20])[0]


@pytest.mark.parametrize(("name", "path"), PAGES.items(), ids=PAGES.keys())
def test_screenshots_at_desktop_and_phone_width(context, phone_page, screenshot_dir, name, path):
    for width_name, page in [("desktop", context.new_page()), ("phone", phone_page)]:
        response = page.goto(path)
        assert response.status == 200, f"{path} answered {response.status}"
        shot = screenshot_dir / f"{name}-{width_name}.png"

        # One image pixel per CSS pixel: small files, quick to write, true to the layout.
        page.screenshot(path=shot, full_page=True, scale="css")

        width = page.viewport_size["width"]
        assert png_width(shot) == width, f"{shot} is not {width}px wide"
