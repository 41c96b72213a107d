"""Link-preview cards: every page names one in its unfurl tags, and each is a 1200 × 630 PNG under
150 KB whose text is drawn in fonts that have every character (no empty boxes)."""

import io
import re
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.test import SimpleTestCase, override_settings
from PIL import Image

from archive import freshness
from archive.cards import fonts
from tests.page_checks import PageTestCase

RECORD_PAGES = {
    "/meetings/putin-kim-2024-pyongyang/": "Putin's state visit to Pyongyang",
    "/people/xi-jinping/": "Xi Jinping",
    "/outlets/unnamed-korea-blog/": "",
    "/articles/korea-blog-putin-kim-sign-partnership-treaty/": "",
    "/quotes/putin-2024-treaty-mutual-assistance/": "Vladimir Putin",
}
OTHER_PAGES = ["/", "/meetings/", "/people/", "/outlets/", "/articles/", "/quotes/", "/about/"]
MAX_BYTES = 150 * 1024
LOCMEM = "django.core.cache.backends.locmem.LocMemCache"
# A code point no font has: what a font draws for a character it lacks (its "tofu" box).
NO_SUCH_CHARACTER = "\U0010fffd"


def card_address(head):
    return head.meta["og:image"].removeprefix("http://testserver")


class UnfurlTagTests(PageTestCase):
    def test_every_record_page_names_its_own_card_with_alt_text(self):
        for url, words in RECORD_PAGES.items():
            with self.subTest(url):
                head = self.head(self.get(url))
                self.assertEqual(
                    card_address(head),
                    f"{url}card.png?v={freshness.current_version().tag}",
                )
                self.assertEqual(head.meta["twitter:card"], "summary_large_image")
                self.assertEqual(head.meta["twitter:image"], head.meta["og:image"])
                self.assertEqual(head.meta["og:image:type"], "image/png")
                self.assertEqual(
                    (head.meta["og:image:width"], head.meta["og:image:height"]), ("1200", "630")
                )
                self.assertIn(words, head.meta["og:image:alt"])
                self.assertEqual(head.meta["twitter:image:alt"], head.meta["og:image:alt"])

    def test_other_pages_show_the_site_card(self):
        for url in [*OTHER_PAGES, "/search/?q=treaty"]:
            with self.subTest(url):
                response = self.client.get(url)
                head = self.head(response)
                self.assertTrue(card_address(head).startswith("/card.png"), url)
                self.assertEqual(head.meta["twitter:card"], "summary_large_image")
                self.assertIn("Summit Archive", head.meta["og:image:alt"])

    def test_a_missing_page_still_unfurls_with_the_site_card(self):
        head = self.head(self.get("/meetings/no-such-meeting/", status=404))
        self.assertEqual(head.meta["og:image"], "http://testserver/card.png")

    def test_the_alt_text_says_what_the_card_shows(self):
        head = self.head(self.get("/meetings/putin-kim-2024-pyongyang/"))
        alt = head.meta["og:image:alt"]
        for part in ["19 June 2024", "Pyongyang", "Kim Jong Un", "Vladimir Putin", "map"]:
            self.assertIn(part, alt)


class CardImageTests(PageTestCase):
    def card(self, url, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200, url)
        return response

    def test_every_card_is_a_1200_by_630_png_under_150_kb(self):
        for url in [*RECORD_PAGES, *OTHER_PAGES]:
            with self.subTest(url):
                address = card_address(self.head(self.get(url)))
                response = self.card(address)
                self.assertEqual(response["Content-Type"], "image/png")
                image = Image.open(io.BytesIO(response.content))
                self.assertEqual(image.format, "PNG")
                self.assertEqual(image.size, (1200, 630))
                self.assertLess(len(response.content), MAX_BYTES)

    def test_the_versioned_address_is_cached_for_a_year_the_plain_one_briefly(self):
        tag = freshness.current_version().tag
        url = "/quotes/putin-2024-treaty-mutual-assistance/card.png"
        fixed = self.card(url, v=tag)
        self.assertEqual(fixed["Cache-Control"], "public, max-age=31536000, immutable")
        plain = self.card(url)
        self.assertEqual(plain["Cache-Control"], f"public, max-age={settings.CACHE_MAX_AGE}")
        old = self.card(url, v="an-old-version")
        self.assertNotIn("immutable", old["Cache-Control"])
        again = self.client.get(url, {"v": tag}, HTTP_IF_NONE_MATCH=fixed["ETag"])
        self.assertEqual(again.status_code, 304)

    @override_settings(CACHES={"default": {"BACKEND": LOCMEM}})
    def test_a_card_is_drawn_once_per_data_version(self):
        url = "/people/kim-jong-un/card.png"
        first = self.card(url)
        with mock.patch("archive.cards.person_card", side_effect=AssertionError("drawn again")):
            second = self.card(url)
        self.assertEqual(first.content, second.content)
        # A data load is a new version: the card is drawn afresh, at a new address.
        freshness.record_load()
        with mock.patch("archive.cards.person_card", side_effect=AssertionError("redrawn")):
            with self.assertRaisesMessage(AssertionError, "redrawn"):
                self.client.get(url)

    def test_unknown_records_have_no_card(self):
        for url in ["/quotes/no-such-quote/card.png", "/people/nobody/card.png"]:
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_download_as_image_on_a_quote_page(self):
        url = "/quotes/putin-2024-treaty-mutual-assistance/"
        content = self.get(url).content.decode()
        link = re.search(r'<a href="([^"]+)" download>Download as image</a>', content)
        self.assertEqual(link[1], f"{url}card.png?download")
        response = self.card(link[1])
        self.assertEqual(response["Content-Type"], "image/png")
        self.assertEqual(
            response["Content-Disposition"],
            'attachment; filename="quote-putin-2024-treaty-mutual-assistance.png"',
        )

    def test_missing_fonts_answer_503_saying_what_to_install(self):
        chains = {"sans": [(Path("/nonexistent/DejaVuSans.ttf"), None)]}
        fonts.chain.cache_clear()
        try:
            with mock.patch.dict(fonts.CHAINS, chains):
                response = self.client.get("/card.png")
        finally:
            fonts.chain.cache_clear()
        self.assertEqual(response.status_code, 503)
        self.assertIn(b"fonts-noto-cjk", response.content)


def glyph_pixels(face, char, size=48):
    mask = face.at(size).getmask(char)
    return mask.size, bytes(mask)


class EveryScriptRendersTests(PageTestCase):
    """Each character drawn on a card is drawn by a face that has it: its pixels are not the
    face's empty box."""

    def drawn_texts(self, draw):
        canvas = draw()
        canvas.png()
        return canvas.texts

    def assertNoEmptyBoxes(self, texts):
        for style, text in texts:
            faces = fonts.chain(style)
            self.assertEqual(fonts.uncovered(style, text), [], text)
            for face, piece in fonts.runs(faces, text):
                tofu = glyph_pixels(face, NO_SUCH_CHARACTER)
                for char in set(piece) - {" "}:
                    self.assertTrue(face.covers(char), (char, text))
                    self.assertNotEqual(glyph_pixels(face, char), tofu, (char, text))

    def test_latin_hangul_chinese_and_cyrillic_on_a_person_card(self):
        from archive import cards

        xi = self.person("xi-jinping")
        texts = self.drawn_texts(lambda: cards.person_card(xi, list(xi.roles.all())))
        drawn = " ".join(text for _, text in texts)
        for name in ["Xi Jinping", "习近平", "시진핑", "Си Цзиньпин"]:
            self.assertIn(name, drawn)
        self.assertNoEmptyBoxes(texts)

    def test_every_card_of_the_archive_draws_every_character_in_under_150_kb(self):
        from archive import cards, catalogue
        from archive.models import Article, Meeting, Outlet, Person, Quote

        located = [m for m in catalogue.current().all(Meeting) if m.has_coordinates]
        draws = {"site": cards.site_card}
        for person in Person.objects.prefetch_related("roles"):
            draws[person.slug] = lambda p=person: cards.person_card(p, list(p.roles.all()))
        for outlet in Outlet.objects.all():
            draws[outlet.slug] = lambda o=outlet: cards.outlet_card(o)
        for meeting in Meeting.objects.all():
            people = [p.person for p in meeting.participations.order_by("position")]
            draws[meeting.slug] = lambda m=meeting, p=people: cards.meeting_card(m, p, located)
        for article in Article.objects.all():
            draws[article.slug] = lambda a=article: cards.article_card(a, list(a.authors.all()))
        for quote in Quote.objects.with_sources():
            draws[quote.slug] = lambda q=quote: cards.quote_card(q)
        for name, draw in draws.items():
            with self.subTest(name):
                canvas = draw()
                self.assertLess(len(canvas.png()), MAX_BYTES)
                for style, text in canvas.texts:
                    self.assertEqual(fonts.uncovered(style, text), [], text)


class EmptyBoxCheckTests(SimpleTestCase):
    def test_the_check_sees_an_empty_box_where_a_font_lacks_the_script(self):
        # DejaVu alone has no Hangul: the pixel check must tell, or it could never fail.
        dejavu = fonts.chain("sans")[0]
        self.assertFalse(dejavu.covers("김"))
        self.assertEqual(glyph_pixels(dejavu, "김"), glyph_pixels(dejavu, NO_SUCH_CHARACTER))
        face = fonts.face_for(fonts.chain("sans"), "김")
        self.assertEqual(face.path.name, "NotoSansCJK-Regular.ttc")

    def test_the_makefile_installs_every_font_the_cards_use(self):
        makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
        for chain in fonts.CHAINS.values():
            for path, _ in chain:
                self.assertIn(path.name, makefile)
