"""The loader and the fields that tie a record to its sources: source_paragraphs, relayed_by and
an article's copy (republished_by, republished_on, republication_note)."""

import io

from django.core.management import CommandError, call_command
from django.test import TestCase

from archive.dates import PartialDate
from archive.loading import load_archive
from archive.models import Article, Quote
from tests.loading_support import copy_of_small_fixtures, every_row, replace_text


class SourceFieldLoadingTests(TestCase):
    def setUp(self):
        self.fixtures = copy_of_small_fixtures(self)

    def refused(self):
        """The command fails; its stderr lines. Nothing is written."""
        before = every_row()
        stderr = io.StringIO()
        with self.assertRaises(CommandError):
            call_command(
                "load_archive", fixtures=self.fixtures, no_index=True,
                stdout=io.StringIO(), stderr=stderr,
            )  # fmt: skip
        self.assertEqual(every_row(), before)
        return stderr.getvalue()

    def test_the_new_fields_load(self):
        replace_text(
            self.fixtures,
            "quotes.yaml",
            "  channel: kremlin-website\n",
            '  relayed_by: [tass]\n  source_paragraphs: ["001 ¶22", "001 ¶26–28"]\n'
            "  beyond_sources: The day is general knowledge.\n",
        )
        replace_text(
            self.fixtures,
            "articles.yaml",
            "- slug: tass-2020-message\n",
            "- slug: tass-2020-message\n  republished_by: eurasia-review\n"
            "  republished_on: 2020-02\n  republication_note: A copy.\n",
        )
        load_archive(self.fixtures, rebuild_index=False)
        quote = Quote.objects.get(slug="putin-2019-first")
        self.assertIsNone(quote.channel)
        self.assertEqual([o.slug for o in quote.relayed_by.all()], ["tass"])
        self.assertEqual(quote.source_paragraphs, ["001 ¶22", "001 ¶26–28"])
        self.assertEqual(quote.beyond_sources, "The day is general knowledge.")
        article = Article.objects.get(slug="tass-2020-message")
        self.assertTrue(article.is_republication)
        self.assertEqual(article.republished_by.slug, "eurasia-review")
        self.assertEqual(article.republished_on, PartialDate.parse("2020-02"))
        self.assertFalse(Article.objects.get(slug="eurasia-review-2019-summit").is_republication)

    def test_a_source_reference_of_the_wrong_shape_is_refused(self):
        replace_text(
            self.fixtures,
            "quotes.yaml",
            "  channel: kremlin-website\n",
            '  source_paragraphs: ["001 ¶26-28", "001 line 4"]\n',
        )
        printed = self.refused()
        self.assertIn(
            "quotes.yaml: record 'putin-2019-first', field 'source_paragraphs': '001 ¶26-28' is "
            "not a source "
            "reference: write '000 ¶20', '002 ¶29–35' (an en dash) or '002'\n",
            printed,
        )
        self.assertIn("'001 line 4' is not a source reference", printed)

    def test_a_relay_that_is_not_an_outlet_is_refused(self):
        replace_text(
            self.fixtures, "quotes.yaml", "  channel: kremlin-website\n", "  relayed_by: [yonhap]\n"
        )
        self.assertIn(
            "record 'putin-2019-first', field 'relayed_by': no outlet with slug 'yonhap'",
            self.refused(),
        )
