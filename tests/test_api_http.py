"""What every data address answers whatever is sent: read-only methods and CORS."""

from archive.models import Quote
from tests.base import ArchiveTestCase


class DataEndpointHttpTests(ArchiveTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        quote = Quote.objects.first()
        cls.urls = [
            "/quotes.json",
            f"/quotes/{quote.slug}.json",
            f"/people/{quote.speaker.slug}.json",
            "/meetings.json",
            "/quotes.csv",
            "/meetings.csv",
            "/feeds/quotes.atom",
            "/feeds/articles.rss",
            f"/feeds/people/{quote.speaker.slug}.atom",
            "/sitemap.xml",
            "/sitemap-quotes.xml",
            "/robots.txt",
            "/api/openapi.json",
            "/data/",
        ]

    def test_anything_but_get_head_and_options_is_405(self):
        for url in self.urls:
            for method in ["post", "put", "patch", "delete"]:
                with self.subTest(url=url, method=method):
                    response = getattr(self.client, method)(url)
                    self.assertEqual(response.status_code, 405)
                    self.assertIn("GET", response["Allow"])
                    self.assertNotIn("POST", response["Allow"])

    def test_a_refused_write_answers_in_the_format_asked_for(self):
        for url in [u for u in self.urls if u.endswith(".json")]:
            with self.subTest(url=url):
                response = self.client.post(url)
                self.assertEqual(response.status_code, 405)
                self.assertEqual(response["Content-Type"], "application/json")
                self.assertEqual(response["Access-Control-Allow-Origin"], "*")
                body = response.json()
                self.assertEqual(body["status"], 405)
                self.assertIn("read-only", body["error"])
        page = self.client.post("/meetings/")
        self.assertEqual(page["Content-Type"], "text/plain; charset=utf-8")
        self.assertIn(b"read-only", page.content)

    def test_get_and_head_answer_and_allow_any_origin_to_read(self):
        for url in self.urls:
            with self.subTest(url=url):
                response = self.client.get(url, headers={"Origin": "https://elsewhere.example"})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Access-Control-Allow-Origin"], "*")
                head = self.client.head(url)
                self.assertEqual(head.status_code, 200)
                self.assertEqual(head["Access-Control-Allow-Origin"], "*")

    def test_cors_preflight_allows_only_reading(self):
        for url in self.urls:
            with self.subTest(url=url):
                response = self.client.options(
                    url,
                    headers={
                        "Origin": "https://elsewhere.example",
                        "Access-Control-Request-Method": "GET",
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Access-Control-Allow-Origin"], "*")
                self.assertEqual(response["Access-Control-Allow-Methods"], "GET, HEAD, OPTIONS")

    def test_errors_carry_cors_headers_too(self):
        # A page on another site must be able to read why its request failed.
        for url, status in [("/quotes/no-such.json", 404), ("/quotes.json?year=x", 400)]:
            response = self.client.get(url)
            self.assertEqual(response.status_code, status)
            self.assertEqual(response["Access-Control-Allow-Origin"], "*")
