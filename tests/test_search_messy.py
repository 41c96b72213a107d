"""A large, messy archive (search.bench.messy): every optional field missing somewhere, partial and
missing dates, texts of one word to thousands in every script. It loads through load_archive, is
indexed by the real multi-process writer into several segments, and every search, facet and sort
answers."""

import re
import shutil
import tempfile
from unittest import mock

from django.test import TestCase, override_settings

from archive.loading import load_archive
from archive.models import Article, Meeting, Person, Quote
from search import live
from search.bench import messy
from tests.search_support import search_index_in_temporary_directory
from tests.segmented_index import segment_columns

QUOTES = 1200
SORTS = ["relevance", "newest", "oldest"]


class MessyArchiveTests(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fixtures_dir = tempfile.mkdtemp(prefix="summit-messy-")
        cls.addClassCleanup(shutil.rmtree, cls.fixtures_dir, ignore_errors=True)
        cls.counts = messy.write_fixtures(cls.fixtures_dir, QUOTES, seed=7)
        cls.index_root = cls.enterClassContext(search_index_in_temporary_directory())
        cls.enterClassContext(override_settings(PAGE_CACHE_SECONDS=0))
        # The multi-process writer from 1,000 documents (5,000 on the site), with two writer
        # processes even on a one-core machine, so the index has several segments.
        cls.enterClassContext(mock.patch("search.indexing.MULTIPROCESS_FROM", 1000))
        cls.enterClassContext(mock.patch("search.indexing.os.cpu_count", return_value=2))
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        cls.report = load_archive(cls.fixtures_dir)

    def test_every_record_is_loaded_and_indexed(self):
        self.assertEqual(Quote.objects.filter(slug__startswith="messy-").count(), QUOTES)
        self.assertEqual(Article.objects.filter(slug__startswith="messy-").count(), QUOTES // 10)
        total = sum(model.objects.count() for model in (Quote, Article, Meeting, Person))
        self.assertEqual(self.report.index_documents, total)
        self.assertTrue(Quote.objects.filter(said_on__isnull=True, meeting__isnull=True).exists())
        self.assertTrue(Article.objects.filter(published__isnull=True, url="").exists())
        self.assertTrue(Meeting.objects.filter(city="", latitude__isnull=True).exists())

    def test_the_index_has_several_segments(self):
        segments = segment_columns(live.live_directory(self.index_root), "year")
        self.assertGreater(len(segments), 1)
        self.assertEqual(sum(count for count, _has in segments), self.report.index_documents)

    def words(self):
        """Searches in every script, taken from the generated texts."""
        texts = (
            Quote.objects.filter(slug__startswith="messy-")
            .order_by("slug")
            .values_list("text", flat=True)
        )
        found = {}
        # Whole words only: a run of letters inside a longer word ("ладимир" in "Владимир") is
        # no word of the index, and finds nothing.
        patterns = {
            "hangul": r"[\uac00-\ud7a3]+",
            "cyrillic": r"[а-яё]{4,}",
            "cjk": r"[\u4e00-\u9fa5]+",
        }
        for text in texts:
            for token in re.findall(r"\w+", text):
                for script, pattern in patterns.items():
                    if script not in found and re.fullmatch(pattern, token):
                        found[script] = token
        self.assertEqual(set(found), set(patterns))
        return [
            "cooperation",
            '"military cooperation"',
            "Ким Чен Ын",
            "sanctions -treaty",
            f"{found['hangul']} OR {found['cyrillic']}",
            *found.values(),
        ]

    def test_every_search_and_sort_answers_in_every_format(self):
        for q in self.words():
            for sort in SORTS:
                params = {"q": q, "sort": sort}
                with self.subTest(q=q, sort=sort):
                    self.assertEqual(self.client.get("/search/", params).status_code, 200)
                    self.assertEqual(self.client.get("/search.csv", params).status_code, 200)
                    data = self.client.get("/search.json", params)
                    self.assertEqual(data.status_code, 200)
                    self.assertGreater(data.json()["count"], 0)

    def test_every_facet_value_narrows_to_its_count(self):
        data = self.client.get("/search.json", {"q": "cooperation OR Kim OR Putin"}).json()
        self.assertGreater(data["count"], 100)
        self.assertTrue({"type", "speaker", "year", "meeting", "country"} <= set(data["facets"]))
        for name, values in data["facets"].items():
            for row in values[:5]:
                with self.subTest(facet=name, value=row["value"]):
                    params = {"q": "cooperation OR Kim OR Putin", name: row["value"]}
                    page = self.client.get("/search/", {**params, "sort": "newest"})
                    self.assertEqual(page.status_code, 200)
                    narrowed = self.client.get("/search.json", {**params, "sort": "oldest"})
                    self.assertEqual(narrowed.json()["count"], row["count"])
