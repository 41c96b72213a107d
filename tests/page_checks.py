"""What every browse-page test needs: fetch a literal URL, read its <head>, count its queries."""

import json
from html.parser import HTMLParser

from django.test import RequestFactory
from django.urls import resolve

from archive import catalogue
from tests.base import ArchiveTestCase


class HeadParser(HTMLParser):
    """The sharing tags of a page: title, meta by name/property, canonical, JSON-LD blocks."""

    def __init__(self):
        super().__init__()
        self.title = ""
        self.meta = {}
        self.canonical = None
        self.jsonld = []
        self.ids = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "meta" and "content" in attrs:
            self.meta[attrs.get("property") or attrs.get("name")] = attrs["content"]
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        elif tag == "title" and not self.title:
            self._in = "title"
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "jsonld"
            self.jsonld.append("")

    def handle_endtag(self, tag):
        if tag in ("title", "script"):
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "jsonld":
            self.jsonld[-1] += data


class PageTestCase(ArchiveTestCase):
    def get(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, f"{url} answered {response.status_code}")
        return response

    def head(self, response):
        parser = HeadParser()
        parser.feed(response.content.decode())
        return parser

    def jsonld(self, response):
        return [json.loads(block) for block in self.head(response).jsonld]

    def assertPageQueries(self, number, url):
        """The view and its template run exactly `number` queries for `url`.

        The view is called directly so site-wide middleware (caching, freshness checks) does
        not blur what the page itself costs; nor does reading the catalogue of people,
        meetings and outlets, which a process does once per data load (archive/catalogue.py).
        """
        catalogue.current()
        request = RequestFactory().get(url)
        match = resolve(request.path)
        request.resolver_match = match
        with self.assertNumQueries(number):
            response = match.func(request, *match.args, **match.kwargs)
        self.assertIn(response.status_code, (200, 400))

    def assertSharable(self, response, url, title_part, jsonld_type):
        """Canonical, title, description, Open Graph, Twitter card and JSON-LD all present."""
        head = self.head(response)
        self.assertEqual(head.canonical, f"http://testserver{url}")
        self.assertIn(title_part, head.title)
        self.assertTrue(head.meta.get("description"), "no meta description")
        self.assertEqual(head.meta["og:url"], head.canonical)
        self.assertIn(title_part, head.meta["og:title"])
        self.assertTrue(head.meta["og:description"])
        # A large link-preview card of the page (archive/cards; tests/test_pages_cards.py).
        self.assertEqual(head.meta["twitter:card"], "summary_large_image")
        self.assertTrue(head.meta["og:image"].startswith("http://testserver/"))
        self.assertEqual(head.meta["twitter:image"], head.meta["og:image"])
        self.assertTrue(head.meta["og:image:alt"])
        types = [block["@type"] for block in self.jsonld(response)]
        self.assertIn(jsonld_type, types)
        self.assertEqual(len(head.ids), len(set(head.ids)), "duplicate ids on the page")
