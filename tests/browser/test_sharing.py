"""Sharing in a real browser: the copy and download buttons, the quotation embedded in an iframe
on another origin (and no other page), and axe on the embed page."""

import http.server
import io
import json
import re
import subprocess
import threading

import pytest
import rispy
from PIL import Image
from playwright.sync_api import expect

from .test_accessibility import BLOCKING_IMPACTS, describe
from .test_html_validity import describe as describe_html
from .test_navigation import clipboard_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

QUOTE = "/quotes/putin-2024-treaty-mutual-assistance/"
EMBED = f"{QUOTE}embed/"
# The longest quotation in the archive, and a fragment of two words: the iframe fits both.
LONG_QUOTE = "/quotes/cha-2023-warning-and-internal-solidarity/"
SHORT_QUOTE = "/quotes/kim-2019-entirely-depend/"
# Another origin: a second loopback address and port (Linux answers on all of 127.0.0.0/8).
OTHER_HOST = "127.0.0.2"


@pytest.fixture
def other_origin():
    """A tiny site on another origin; `pages[path] = html` sets what it serves."""
    pages = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, "not here").encode()
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer((OTHER_HOST, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{OTHER_HOST}:{server.server_port}", pages
    server.shutdown()
    server.server_close()


def embed_code(page, path):
    page.goto(path)
    return page.locator("#embed-code").input_value()


def test_copy_embed_code_puts_the_iframe_on_the_clipboard(context, live_site):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_site)
    page = context.new_page()
    page.goto(QUOTE)

    page.get_by_role("button", name="Copy embed code").click()

    copied = clipboard_text(page)
    assert copied == page.locator("#embed-code").input_value()
    assert copied.startswith(f'<iframe src="{live_site}{EMBED}"')


def test_copy_bibtex_puts_the_entry_on_the_clipboard(context, live_site):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_site)
    page = context.new_page()
    page.goto(QUOTE)

    page.get_by_role("button", name="Copy BibTeX").click()

    assert clipboard_text(page).startswith("@misc{putin-2024-treaty-mutual-assistance,")


def test_download_as_image_saves_the_card(page, tmp_path):
    page.goto(QUOTE)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as image").click()
    download = download_info.value
    assert download.suggested_filename == "quote-putin-2024-treaty-mutual-assistance.png"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    image = Image.open(io.BytesIO(saved.read_bytes()))
    assert (image.format, image.size) == ("PNG", (1200, 630))


def test_download_ris_saves_a_file_a_reference_manager_reads(page, tmp_path):
    page.goto(QUOTE)
    with page.expect_download() as download_info:
        page.locator(".cite-files").get_by_role("link", name="RIS").click()
    download = download_info.value
    assert download.suggested_filename == "summit-archive-putin-2024-treaty-mutual-assistance.ris"
    saved = tmp_path / "quote.ris"
    download.save_as(saved)
    (record,) = rispy.loads(saved.read_text(encoding="utf-8"))
    assert record["authors"] == ["Putin, Vladimir"]


def test_the_embed_shows_in_an_iframe_on_another_origin_and_links_back(
    context, live_site, other_origin
):
    origin, pages = other_origin
    page = context.new_page()
    code = embed_code(page, QUOTE)
    pages["/post.html"] = f"<!DOCTYPE html><title>A post</title><h1>A post</h1>{code}"

    page.goto(f"{origin}/post.html")

    frame = page.frame_locator("iframe")
    expect(frame.get_by_text("Vladimir Putin").first).to_be_visible()
    expect(frame.locator("blockquote")).to_contain_text("mutual assistance")
    with context.expect_page() as opened:
        frame.get_by_role("link", name=re.compile("Summit Archive")).click()
    archive_page = opened.value
    archive_page.wait_for_load_state()
    assert archive_page.url == live_site + QUOTE


def test_no_other_page_of_the_archive_shows_in_a_frame(context, live_site, other_origin):
    origin, pages = other_origin
    pages["/post.html"] = (
        f'<!DOCTYPE html><title>A post</title><iframe id="page" src="{live_site}{QUOTE}"></iframe>'
        f'<iframe id="embed" src="{live_site}{EMBED}"></iframe>'
    )
    page = context.new_page()
    page.goto(f"{origin}/post.html")

    expect(page.frame_locator("#embed").locator("blockquote")).to_be_visible()
    framed = next(frame for frame in page.frames if frame.name == "" and frame != page.main_frame
                  and "embed" not in frame.url)  # fmt: skip
    # Chromium replaces a refused frame with its own error page: none of the archive's content.
    assert framed.url != live_site + QUOTE
    assert "Share and cite" not in framed.content()


@pytest.mark.parametrize("path", [QUOTE, LONG_QUOTE, SHORT_QUOTE], ids=["treaty", "long", "short"])
def test_the_embed_code_makes_the_iframe_tall_enough(context, other_origin, path):
    origin, pages = other_origin
    page = context.new_page()
    pages["/post.html"] = f"<!DOCTYPE html><title>A post</title>{embed_code(page, path)}"
    page.goto(f"{origin}/post.html")
    # The embed code loads lazily: wait for the words, then measure.
    expect(page.frame_locator("iframe").locator("blockquote")).to_be_visible()
    frame = page.locator("iframe").element_handle().content_frame()

    content, room = frame.evaluate(
        "[document.documentElement.scrollHeight, document.documentElement.clientHeight]"
    )
    assert content <= room, f"{path}: the embed needs {content}px, the iframe gives {room}px"
    # …and not far too tall either.
    assert room - content < 120, f"{path}: {room - content}px of empty iframe"


def test_embed_page_has_no_serious_accessibility_violations(open_context, axe_script):
    page = open_context(bypass_csp=True).new_page()
    response = page.goto(EMBED)
    assert response.status == 200
    page.add_script_tag(path=axe_script)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe-core on {EMBED}:\n{describe(blocking)}"


def test_embed_page_is_valid_html(context, vnu_command, tmp_path):
    response = context.request.get(EMBED)
    assert response.status == 200
    saved = tmp_path / "embed.html"
    saved.write_bytes(response.body())
    checked = subprocess.run(
        [*vnu_command, "--format", "json", "--errors-only", str(saved)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    errors = [m for m in json.loads(checked.stderr)["messages"] if m["type"] != "info"]
    assert not errors, "Nu Html Checker:\n" + describe_html(errors)
