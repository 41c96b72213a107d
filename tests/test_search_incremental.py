"""A load that changes a few records updates only their search documents (and those that carry
their words), in a copy of the live index swapped in atomically; a full rebuild only when asked,
or when an update would not be safe (changed name spellings, an index out of step)."""

import io
import threading
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase
from haystack import connections
from haystack.query import SearchQuerySet

from archive.loading import load_archive
from archive.models import Article, Meeting, Person, Quote
from search import fastpath, live
from tests.loading_support import (
    SMALL_FIXTURES,
    by_slug,
    change_records,
    copy_of_small_fixtures,
    replace_text,
)
from tests.search_support import search_index_in_temporary_directory

OLD_WORDS = "A third example quotation."
UPDATED = "updated in"  # what the loader prints for an update (search.indexing)


def records():
    return sum(model.objects.count() for model in (Quote, Article, Meeting, Person))


def found(words, **filters):
    return [result.url for result in SearchQuerySet().filter(content=words, **filters)]


class IncrementalUpdateTests(TestCase):
    def setUp(self):
        self.root = Path(self.enterContext(search_index_in_temporary_directory()))
        self.run_load(SMALL_FIXTURES)
        self.fixtures = copy_of_small_fixtures(self)
        self.first = live.live_directory(self.root)

    def run_load(self, fixtures, *options):
        stdout = io.StringIO()
        call_command("load_archive", "--fixtures", str(fixtures), *options, stdout=stdout)
        return stdout.getvalue()

    def segment_inodes(self, directory):
        return {
            path.stat().st_ino
            for path in directory.iterdir()
            if path.suffix not in (".toc", ".json") and "LOCK" not in path.name
        }

    def test_one_changed_quote_rewrites_only_its_document(self):
        replace_text(self.fixtures, "quotes.yaml", OLD_WORDS, "A zanzibar quotation.")
        output = self.run_load(self.fixtures)

        self.assertIn(f"1 documents {UPDATED}", output)
        new = live.live_directory(self.root)
        self.assertNotEqual(new, self.first)
        # The old segments are the same files (hard links), plus one small segment.
        self.assertLess(self.segment_inodes(self.first), self.segment_inodes(new))
        self.assertEqual(found("zanzibar"), ["/quotes/kremlin-2020-message/"])
        self.assertEqual(found("third"), [])
        self.assertEqual(SearchQuerySet().count(), records())
        self.assertEqual(live.read_manifest(new)["documents"], records())
        self.assertIn("/quotes/putin-2019-first/", found("example"))

    def test_a_deleted_quote_leaves_the_index(self):
        change_records(
            self.fixtures,
            "quotes.yaml",
            lambda quotes: quotes.remove(by_slug(quotes, "kremlin-2020-message")),
        )
        output = self.run_load(self.fixtures, "--allow-deletions")

        self.assertIn(UPDATED, output)
        self.assertEqual(found("third"), [])
        self.assertEqual(SearchQuerySet().count(), records())
        self.assertEqual(SearchQuerySet().models(Quote).count(), 2)

    def test_a_renamed_person_is_found_on_their_quotes_under_the_new_name(self):
        replace_text(self.fixtures, "people.yaml", "name: the Kremlin", "name: the Grand Palace")
        output = self.run_load(self.fixtures)

        self.assertIn(UPDATED, output)
        self.assertIn("/quotes/kremlin-2020-message/", found("grand palace", type="quote"))
        self.assertEqual(SearchQuerySet().count(), records())
        # The same answers as a full rebuild gives.
        searches = ("grand palace", "kremlin", "example", "quotation")
        updated = {words: sorted(found(words)) for words in searches}
        self.run_load(self.fixtures, "--rebuild-index")
        self.assertEqual(updated, {words: sorted(found(words)) for words in searches})

    def test_a_changed_alias_rebuilds_the_whole_index(self):
        replace_text(self.fixtures, "people.yaml", "[Владимир Путин]", "[Владимир Путин, VVP]")
        output = self.run_load(self.fixtures)

        self.assertIn("rebuilding (the names' spellings changed)", output)
        new = live.live_directory(self.root)
        self.assertFalse(self.segment_inodes(self.first) & self.segment_inodes(new))
        self.assertIn("/quotes/putin-2019-first/", found("vvp"))

    def test_a_full_rebuild_when_asked(self):
        replace_text(self.fixtures, "quotes.yaml", OLD_WORDS, "A zanzibar quotation.")
        output = self.run_load(self.fixtures, "--rebuild-index")

        self.assertNotIn(UPDATED, output)
        new = live.live_directory(self.root)
        self.assertFalse(self.segment_inodes(self.first) & self.segment_inodes(new))
        self.assertEqual(found("zanzibar"), ["/quotes/kremlin-2020-message/"])

    def test_an_index_out_of_step_is_rebuilt_not_updated(self):
        replace_text(self.fixtures, "quotes.yaml", OLD_WORDS, "A zanzibar quotation.")
        self.run_load(self.fixtures, "--no-index")
        replace_text(self.fixtures, "quotes.yaml", "zanzibar", "zambezi")
        output = self.run_load(self.fixtures)

        self.assertIn("rebuilding (the index is out of step with the database)", output)
        self.assertEqual(found("zambezi"), ["/quotes/kremlin-2020-message/"])
        self.assertEqual(found("zanzibar"), [])

    def test_a_concurrent_reader_never_sees_an_empty_or_partial_index(self):
        expected = SearchQuerySet().filter(content="example").count()
        self.assertGreater(expected, 0)
        seen, stop = [], threading.Event()

        def read():
            while not stop.is_set():
                seen.append(SearchQuerySet().filter(content="example").count())

        reader = threading.Thread(target=read)
        reader.start()
        try:
            for word in ("zanzibar", "zambezi", "zagreb"):
                change_records(
                    self.fixtures,
                    "quotes.yaml",
                    lambda quotes, w=word: by_slug(quotes, "kremlin-2020-message").update(
                        context=f"Said in {w}."
                    ),
                )
                self.assertIn(UPDATED, self.run_load(self.fixtures))
        finally:
            stop.set()
            reader.join(timeout=30)
        self.assertTrue(seen)
        self.assertEqual(set(seen), {expected})
        self.assertEqual(found("zagreb"), ["/quotes/kremlin-2020-message/"])

    def test_the_load_reports_which_records_changed(self):
        replace_text(self.fixtures, "quotes.yaml", "used by the loader", "used by zanzibar")
        change_records(
            self.fixtures,
            "quotes.yaml",
            lambda quotes: quotes.remove(by_slug(quotes, "kremlin-2020-message")),
        )
        counts = load_archive(self.fixtures, allow_deletions=True).counts["quotes"]
        self.assertEqual(counts.updated_slugs, {"putin-2019-first"})
        self.assertEqual(counts.deleted_slugs, {"kremlin-2020-message"})
        self.assertEqual(counts.created_slugs, set())

    def test_fast_scoring_leaves_out_deleted_documents_as_whoosh_does(self):
        replace_text(self.fixtures, "quotes.yaml", OLD_WORDS, "An example zanzibar quotation.")
        self.run_load(self.fixtures)
        searcher = live.current_searcher(self.root).searcher
        self.assertTrue(
            any(reader.has_deletions() for reader, _ in searcher.reader().leaf_readers())
        )
        parser = connections["default"].get_backend().parser
        for text in ("(example)", "(zanzibar)", "((example) AND NOT (zanzibar))", "*"):
            with self.subTest(query=text):
                q = parser.parse(text)
                scores = fastpath.search(searcher, q, "text")
                self.assertIsNotNone(scores)
                self.assertEqual(set(scores), set(searcher.search(q, limit=None).docs()))
