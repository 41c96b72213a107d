"""sitemap.xml and robots.txt, read as a crawler reads them."""

import xml.etree.ElementTree as ET

from archive.freshness import last_load
from tests.api_support import fixture_records, path_of
from tests.base import ArchiveTestCase

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}

PAGES = [
    "/",
    "/meetings/",
    "/people/",
    "/outlets/",
    "/articles/",
    "/quotes/",
    "/about/",
    "/data/",
]


class SitemapTests(ArchiveTestCase):
    def get_xml(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], "application/xml")
        return ET.fromstring(response.content)

    def sitemap_entries(self):
        """{page address: lastmod} over every section the index lists."""
        index = self.get_xml("/sitemap.xml")
        entries = {}
        for section in index.findall("sm:sitemap", NS):
            self.assertIsNotNone(section.find("sm:lastmod", NS))
            urlset = self.get_xml(path_of(section.find("sm:loc", NS).text))
            for url in urlset.findall("sm:url", NS):
                location = url.find("sm:loc", NS).text
                self.assertNotIn(location, entries, "listed twice")
                lastmod = url.find("sm:lastmod", NS)
                entries[location] = None if lastmod is None else lastmod.text
        return entries

    def test_lists_every_published_page(self):
        expected = {f"http://testserver{path}" for path in PAGES}
        for name, prefix in [
            ("meetings", "meetings"),
            ("people", "people"),
            ("outlets", "outlets"),
            ("articles", "articles"),
            ("quotes", "quotes"),
        ]:
            expected |= {f"http://testserver/{prefix}/{r['slug']}/" for r in fixture_records(name)}
        self.assertEqual(set(self.sitemap_entries()), expected)

    def test_every_listed_page_answers_200(self):
        for location in self.sitemap_entries():
            with self.subTest(location=location):
                self.assertEqual(self.client.get(path_of(location)).status_code, 200)

    def test_every_page_has_the_data_load_time_as_lastmod(self):
        lastmods = set(self.sitemap_entries().values())
        self.assertEqual(len(lastmods), 1, lastmods)
        (lastmod,) = lastmods
        self.assertEqual(lastmod, last_load().loaded_at.replace(microsecond=0).isoformat())

    def test_uses_the_public_address_when_site_url_is_set(self):
        with self.settings(SITE_URL="https://archive.example"):
            index = self.client.get("/sitemap.xml").content.decode()
            section = self.client.get("/sitemap-quotes.xml").content.decode()
            robots = self.client.get("/robots.txt").content.decode()
        self.assertIn("<loc>https://archive.example/sitemap-quotes.xml</loc>", index)
        self.assertIn("<loc>https://archive.example/quotes/", section)
        self.assertIn("Sitemap: https://archive.example/sitemap.xml", robots)

    def test_unknown_section_or_page_is_a_404(self):
        self.assertEqual(self.client.get("/sitemap-nothing.xml").status_code, 404)
        self.assertEqual(self.client.get("/sitemap-quotes.xml?p=99").status_code, 404)
        self.assertEqual(self.client.get("/sitemap-quotes.xml?p=x").status_code, 404)

    def test_robots_txt_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("User-agent: *", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
