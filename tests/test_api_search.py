"""/search.json: the search page's results as JSON, over a real Whoosh index of the archive."""

import re
import shutil

from django.test import TestCase

from archive.models import Quote
from tests.api_support import conformance_errors, path_of
from tests.base import ArchiveTestCase
from tests.search_support import temporary_search_index


class SearchJsonTests(ArchiveTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.index = temporary_search_index()
        cls.index.__enter__()
        cls.spec = cls.client_class().get("/api/openapi.json").json()

    @classmethod
    def tearDownClass(cls):
        cls.index.__exit__(None, None, None)
        super().tearDownClass()

    def search(self, query, status=200):
        response = self.client.get(f"/search.json?{query}")
        self.assertEqual(response.status_code, status, f"{query}: {response.content[:300]!r}")
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        data = response.json()
        self.assertEqual(conformance_errors(self.spec, "/search.json", status, data), [], query)
        return data

    def rare_word(self, quote):
        return max(re.findall(r"[A-Za-z]{4,}", quote.text), key=len)

    def test_finds_a_quote_by_its_words_with_links_to_it(self):
        quote = Quote.objects.order_by("slug").first()
        data = self.search(f"q={self.rare_word(quote)}&type=quote")
        found = {result["slug"]: result for result in data["results"]}
        self.assertIn(quote.slug, found)
        result = found[quote.slug]
        self.assertEqual(result["type"], "quote")
        self.assertEqual(result["url"], f"http://testserver/quotes/{quote.slug}/")
        twin = self.client.get(path_of(result["json_url"])).json()
        self.assertEqual(twin["text"], quote.text)

    def test_filters_and_facets_match_the_search_page(self):
        quote = Quote.objects.order_by("slug").first()
        speaker = quote.speaker.slug
        data = self.search(f"q={self.rare_word(quote)}&speaker={speaker}")
        self.assertEqual(data["filters"], {"speaker": speaker})
        self.assertTrue(data["results"])
        for result in data["results"]:
            self.assertEqual(result["type"], "quote")
            quote_json = self.client.get(path_of(result["json_url"])).json()
            self.assertEqual(quote_json["speaker"]["slug"], speaker)
        speakers = {row["value"]: row["count"] for row in data["facets"]["speaker"]}
        self.assertEqual(speakers, {speaker: data["count"]})

    def test_pagination_links_keep_the_query(self):
        data = self.search("q=the")
        self.assertEqual(data["first"], "http://testserver/search.json?q=the&page=1")
        if data["num_pages"] > 1:
            self.assertEqual(data["next"], "http://testserver/search.json?q=the&page=2")
            self.search(path_of(data["next"]).split("?", 1)[1])

    def test_search_page_announces_its_json_twin(self):
        html = self.client.get("/search/?q=summit&sort=newest").content.decode()
        self.assertIn(
            '<link rel="alternate" type="application/json" title="These results as JSON" '
            'href="http://testserver/search.json?q=summit&amp;sort=newest">',
            html,
        )

    def test_empty_or_odd_queries_are_answered(self):
        self.assertEqual(self.search("q=")["count"], 0)
        for query in ['q="unbalanced', "q=*", "q=title:", "q=-only", "q=%00%01", "q=" + "x" * 5000]:
            with self.subTest(query=query[:30]):
                self.search(query)

    def test_bad_parameters_are_a_json_400_and_a_missing_page_a_json_404(self):
        self.assertIn("sort", self.search("q=summit&sort=sideways", status=400)["detail"])
        self.search("q=summit&page=abc", status=400)
        self.search("q=summit&page=499", status=404)


class SearchUnavailableTests(TestCase):
    def test_a_missing_index_is_a_json_503(self):
        with temporary_search_index() as directory:
            shutil.rmtree(directory)
            response = self.client.get("/search.json?q=summit")
        self.assertEqual(response.status_code, 503)
        self.assertIn("unavailable", response.json()["error"])
