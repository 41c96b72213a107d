"""A live index whose files are damaged: search answers 503 "search unavailable" in the format
asked for (the HTML page, JSON for /search.json, plain text for /search.csv), logs one WARNING
line and no traceback, and /healthz, which runs a real query, answers 503 too."""

import logging
import random
import shutil
import tempfile
import zlib
from unittest import mock

from django.test import override_settings
from whoosh.reading import SegmentReader

from search import live
from search.indexing import rebuild_index
from tests.base import ArchiveTestCase
from tests.search_support import search_index_in


def segment_file(directory, suffix):
    (path,) = sorted(directory.glob(f"*{suffix}"))
    return path


def truncate(path, keep=0.5):
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def scribble(path, share=0.5, seed=10):
    """Random bytes over `share` of the file from its middle on, its size unchanged."""
    data = bytearray(path.read_bytes())
    start = len(data) // 4
    end = start + max(1, int(len(data) * share))
    rng = random.Random(seed)
    data[start:end] = bytes(rng.randrange(256) for _ in range(end - start))
    path.write_bytes(bytes(data))


DAMAGE = {
    "postings truncated": lambda d: truncate(segment_file(d, ".pst")),
    "postings cut to nothing": lambda d: truncate(segment_file(d, ".pst"), keep=0),
    "terms truncated": lambda d: truncate(segment_file(d, ".trm")),
    "random bytes in the postings": lambda d: scribble(segment_file(d, ".pst")),
    "random bytes in the terms": lambda d: scribble(segment_file(d, ".trm")),
    "random bytes in the stored fields": lambda d: scribble(segment_file(d, "._stored.col")),
    "stored fields truncated": lambda d: truncate(segment_file(d, "._stored.col")),
    "random bytes in a facet column": lambda d: scribble(segment_file(d, ".year.col"), 0.8),
    "random bytes in a sort column": lambda d: scribble(segment_file(d, ".date_newest.col"), 0.8),
    "field lengths truncated": lambda d: truncate(segment_file(d, "._text_len.col"), 0.3),
    "postings file missing": lambda d: segment_file(d, ".pst").unlink(),
    "stored fields missing": lambda d: segment_file(d, "._stored.col").unlink(),
    "table of contents missing": lambda d: segment_file(d, ".toc").unlink(),
}

# Whoosh reads a segment without a column file as one without values: search.live then reads the
# field's values from its terms, so the answers are the same.
LOST_COLUMNS = {
    "facet and sort column files missing": lambda d: [
        segment_file(d, suffix).unlink() for suffix in (".speaker.col", ".date_newest.col")
    ],
}

SEARCHES = [
    {"q": "Putin"},
    {"q": "Kim OR Korea", "sort": "newest"},
    {"q": '"fraternal duty"'},
    {"q": "Russia", "type": "quote", "year": "2024"},
]


@override_settings(PAGE_CACHE_SECONDS=0)
class CorruptIndexTests(ArchiveTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # One index of the archive, copied for each damage.
        cls.pristine = tempfile.mkdtemp(prefix="summit-pristine-index-")
        cls.addClassCleanup(shutil.rmtree, cls.pristine, ignore_errors=True)
        with search_index_in(cls.pristine):
            rebuild_index()

    def damaged(self, damage=None):
        """A copy of the archive's index, damaged, before any process opens it."""
        root = tempfile.mkdtemp(prefix="summit-damaged-index-")
        self.addCleanup(shutil.rmtree, root, ignore_errors=True)
        shutil.copytree(self.pristine, root, dirs_exist_ok=True)
        context = search_index_in(root)
        context.__enter__()
        self.addCleanup(context.__exit__, None, None, None)
        if damage:
            {**DAMAGE, **LOST_COLUMNS}[damage](live.live_directory(root))

    def outcomes(self, damage):
        """{endpoint: set of statuses} over the searches, then /healthz's status."""
        self.damaged(damage)
        statuses = {"page": set(), "json": set(), "csv": set()}
        with self.assertLogs("search", level="DEBUG") as logs:
            logging.getLogger("search").debug("searching a damaged index")
            for params in SEARCHES:
                response = self.client.get("/search/", params)
                statuses["page"].add(self.answered(response, "text/html"))
                response = self.client.get("/search.json", params)
                if self.answered(response, "application/json") == 503:
                    self.assertEqual(response.json()["status"], 503)
                    self.assertIn("unavailable", response.json()["error"])
                statuses["json"].add(response.status_code)
                response = self.client.get("/search.csv", params)
                if self.answered(response, "text/csv") == 503:
                    self.assertIn(b"unavailable", response.content)
                else:  # read to its end: never a CSV cut short by an error halfway
                    self.assertTrue(b"".join(response.streaming_content).startswith(b"slug,"))
                statuses["csv"].add(response.status_code)
        for record in logs.records[1:]:
            self.assertEqual(record.levelno, logging.WARNING, record.getMessage())
            self.assertIsNone(record.exc_info, record.getMessage())
        if 503 in statuses["page"]:
            self.assertTrue(any("cannot be" in r.getMessage() for r in logs.records), damage)
        health = self.client.get("/healthz")
        self.assertFalse(health.json()["search"]["ok"] and health.status_code == 503)
        return statuses, health.status_code

    def answered(self, response, content_type):
        """200 in the endpoint's own format, or 503 ("unavailable") in it (plain text for CSV)."""
        self.assertIn(response.status_code, (200, 503), response)
        if response.status_code == 503 and content_type == "text/csv":
            content_type = "text/plain"
        self.assertTrue(response["Content-Type"].startswith(content_type), response["Content-Type"])
        return response.status_code

    def test_every_damage_answers_503_in_the_format_asked_for(self):
        for damage in DAMAGE:
            with self.subTest(damage):
                statuses, health = self.outcomes(damage)
                # Damage a search meets is a 503 (some searches may not meet it: 200).
                self.assertIn(503, statuses["page"])
                self.assertIn(503, statuses["json"])
                self.assertEqual(health, 503)

    def test_an_undamaged_index_answers(self):
        self.damaged()
        for params in SEARCHES:
            self.assertEqual(self.client.get("/search/", params).status_code, 200)
            self.assertEqual(self.client.get("/search.json", params).status_code, 200)
            self.assertEqual(self.client.get("/search.csv", params).status_code, 200)
        self.assertEqual(self.client.get("/healthz").status_code, 200)

    def test_a_lost_column_file_is_read_from_the_terms(self):
        self.damaged()
        expected = self.client.get("/search.json", {"q": "Korea", "sort": "newest"}).json()
        self.damaged("facet and sort column files missing")
        found = self.client.get("/search.json", {"q": "Korea", "sort": "newest"}).json()
        self.assertEqual(found["facets"], expected["facets"])
        self.assertEqual(found["results"], expected["results"])
        self.assertEqual(self.client.get("/healthz").status_code, 200)

    def test_a_csv_export_is_never_cut_short(self):
        """Damage met only by a later batch of results (here: the stored fields of every result
        after the first dozen) is a 503 before the first byte, not a CSV that stops halfway."""
        self.damaged()
        read = SegmentReader.stored_fields
        calls = []

        def failing_after_a_dozen(reader, docnum):
            calls.append(docnum)
            if len(calls) > 12:
                raise zlib.error("Error -3 while decompressing data: invalid block type")
            return read(reader, docnum)

        with (
            mock.patch("search.search_csv.RESULTS_PER_BATCH", 5),
            mock.patch.object(SegmentReader, "stored_fields", failing_after_a_dozen),
            self.assertLogs("search", level="WARNING"),
        ):
            response = self.client.get("/search.csv", {"q": "Kim OR Putin OR Korea"})
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
