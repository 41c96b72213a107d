"""A fixture file with no records, or a load deleting much of a table, is refused unless the
operator gives --allow-deletions; the refusal lists what would be deleted, and writes nothing."""

import io

import yaml
from django.core.management import CommandError, call_command
from django.test import TestCase

from archive.models import Article, Quote
from tests.loading_support import SMALL_FIXTURES, copy_of_small_fixtures, every_row

EMPTY_FILES = {"0 bytes": "", "only comments": "# nothing here yet\n", "an empty list": "[]\n"}


class DeletionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_archive", fixtures=SMALL_FIXTURES, no_index=True, stdout=io.StringIO())

    def setUp(self):
        self.fixtures = copy_of_small_fixtures(self)

    def load(self, *options):
        stderr = io.StringIO()
        call_command(
            "load_archive", "--fixtures", str(self.fixtures), "--no-index", *options,
            stdout=io.StringIO(), stderr=stderr,
        )  # fmt: skip
        return stderr.getvalue()

    def assertRefused(self, *expected):
        before = every_row()
        stderr = io.StringIO()
        with self.assertRaises(CommandError) as raised:
            call_command(
                "load_archive", "--fixtures", str(self.fixtures), "--no-index",
                stdout=io.StringIO(), stderr=stderr,
            )  # fmt: skip
        self.assertIn("nothing was loaded", str(raised.exception))
        self.assertIn("--allow-deletions", str(raised.exception))
        for text in expected:
            self.assertIn(text, stderr.getvalue())
        self.assertEqual(every_row(), before)

    def test_an_empty_quotes_file_is_refused_in_every_form(self):
        for form, text in EMPTY_FILES.items():
            with self.subTest(form):
                (self.fixtures / "quotes.yaml").write_text(text)
                self.assertRefused(
                    f"{self.fixtures}/quotes.yaml: has no records",
                    "would delete 3 of the 3 quotes records in the database: "
                    "kremlin-2020-message, putin-2019-first, putin-2019-first-again",
                )
        self.assertEqual(Quote.objects.count(), 3)

    def test_an_empty_articles_file_is_refused(self):
        (self.fixtures / "quotes.yaml").write_text("[]\n")
        (self.fixtures / "articles.yaml").write_text("[]\n")
        self.assertRefused(
            f"{self.fixtures}/articles.yaml: has no records",
            "would delete 2 of the 2 articles records in the database: "
            "eurasia-review-2019-summit, tass-2020-message",
        )
        self.assertEqual(Article.objects.count(), 2)

    def test_the_operator_may_allow_the_deletions(self):
        (self.fixtures / "quotes.yaml").write_text("[]\n")
        self.load("--allow-deletions")
        self.assertEqual(Quote.objects.count(), 0)

    def test_deleting_a_large_share_of_a_table_is_refused(self):
        quotes = yaml.safe_load((self.fixtures / "quotes.yaml").read_text())
        extra = [
            {"slug": f"extra-{n:02d}", "text": f"Extra {n}.", "speaker": "vladimir-putin",
             "article": "tass-2020-message"}
            for n in range(30)
        ]  # fmt: skip
        (self.fixtures / "quotes.yaml").write_text(yaml.safe_dump(quotes + extra))
        self.load()
        (self.fixtures / "quotes.yaml").write_text(yaml.safe_dump(quotes + extra[:18]))
        self.assertRefused(
            "would delete 12 of the 33 quotes records in the database: extra-18, extra-19, "
            "extra-20, extra-21, extra-22, extra-23, extra-24, extra-25, extra-26, extra-27 "
            "and 2 more"
        )

    def test_deleting_a_few_records_needs_no_permission(self):
        quotes = yaml.safe_load((self.fixtures / "quotes.yaml").read_text())
        (self.fixtures / "quotes.yaml").write_text(yaml.safe_dump(quotes[:2]))
        self.load()
        self.assertEqual(Quote.objects.count(), 2)
