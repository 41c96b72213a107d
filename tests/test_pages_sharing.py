"""The JSON-LD block is data: nothing in a record can end it early or run as script."""

import html
import json
import re

from django.test import SimpleTestCase, override_settings

from archive.seo import jsonld_script_body
from tests.page_checks import PageTestCase


class JsonLdEscapingTests(SimpleTestCase):
    def test_no_string_can_close_the_script_block(self):
        data = {"text": "</script><script>alert('x')</script> <!-- & -->"}
        body = jsonld_script_body(data)
        self.assertNotIn("<", body)
        self.assertNotIn(">", body)
        self.assertEqual(json.loads(body), data)

    def test_other_scripts_stay_readable(self):
        data = {"alternateName": ["김정은", "Ким Чен Ын"]}
        body = jsonld_script_body(data)
        self.assertIn("김정은", body)
        self.assertEqual(json.loads(body), data)


class SiteUrlTests(PageTestCase):
    @override_settings(SITE_URL="https://summit.example")
    def test_canonical_links_citations_and_jsonld_use_the_public_address(self):
        response = self.get("/quotes/putin-2024-treaty-mutual-assistance/")
        head = self.head(response)
        url = "https://summit.example/quotes/putin-2024-treaty-mutual-assistance/"
        self.assertEqual(head.canonical, url)
        self.assertEqual(head.meta["og:url"], url)
        self.assertEqual(self.jsonld(response)[0]["url"], url)
        self.assertContains(response, f'value="{url}"')
        self.assertContains(response, f"Summit Archive, {url}.")


class CitationBoxTests(PageTestCase):
    PAGES = [
        "/meetings/putin-kim-2024-pyongyang/",
        "/articles/neo-2025-09-korean-dimension-of-events-in-china-ii/",
        "/quotes/putin-2024-treaty-mutual-assistance/",
    ]

    def test_bibtex_box_is_as_tall_as_its_entry(self):
        for url in self.PAGES:
            with self.subTest(url):
                content = self.get(url).content.decode()
                box = re.search(
                    r'<textarea id="cite-bibtex"[^>]*rows="(\d+)"[^>]*>(.*?)</textarea>',
                    content,
                    re.S,
                )
                rows, entry = int(box[1]), html.unescape(box[2])
                self.assertTrue(entry.endswith("}"), entry)
                self.assertEqual(rows, len(entry.splitlines()))

    def test_each_copy_button_names_what_it_copies(self):
        response = self.get(self.PAGES[2])
        for name in ["Copy link", "Copy Chicago citation", "Copy APA citation", "Copy BibTeX"]:
            self.assertContains(response, f" hidden>{name}</button>", count=1)
