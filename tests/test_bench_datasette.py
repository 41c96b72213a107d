"""`make bench-serve`'s database for Datasette (bench/datasette_db.py) holds the same records as
the site's, and its ranked search finds a quote by the same fields the site's index has for it."""

import sqlite3
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import TestCase

from archive.models import Article, Meeting, Outlet, Person, Quote
from bench import datasette_db
from search.bench import corpus


class DatasetteDatabaseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        corpus.generate(300, fixtures_dir=settings.FIXTURES_DIR)

    def setUp(self):
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        self.path = Path(directory.name, "bench.db")
        self.counts = datasette_db.build(self.path)
        self.connection = sqlite3.connect(self.path)
        self.addCleanup(self.connection.close)

    def search(self, q):
        """The canned query as Datasette runs it: (slugs of the top rows, the count of all)."""
        rows = self.connection.execute(datasette_db.SEARCH_SQL, {"q": q}).fetchall()
        return [row[1] for row in rows], (rows[0][4] if rows else 0)

    def test_every_record_of_the_site_is_there_once(self):
        site = {
            "people": Person.objects.count(),
            "outlets": Outlet.objects.count(),
            "meetings": Meeting.objects.count(),
            "articles": Article.objects.count(),
            "quotes": Quote.objects.count(),
        }
        self.assertEqual(site["quotes"], 300)
        self.assertEqual(self.counts, {**site, "documents": sum(site.values()) - site["outlets"]})
        pks = [pk for (pk,) in self.connection.execute("SELECT id FROM quotes ORDER BY id")]
        self.assertEqual(pks, list(Quote.objects.order_by("pk").values_list("pk", flat=True)))

    def test_a_speakers_other_spelling_finds_all_their_quotes(self):
        person = next(p for p in Person.objects.all() if p.aliases and p.quotes.count() > 20)
        alias = next(alias for alias in person.aliases if alias.isascii())
        slugs, matches = self.search(f'"{alias}"')
        everything = self.connection.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (f'"{alias}"',)
        ).fetchone()[0]
        self.assertEqual(len(slugs), 20)
        self.assertEqual(matches, everything)
        self.assertGreaterEqual(matches, person.quotes.count())

    def test_a_quote_is_found_by_its_articles_title(self):
        quote = Quote.objects.select_related("article").order_by("pk").first()
        words = " ".join(word.strip(".,") for word in quote.article.title.split())
        slugs, matches = self.search(f'"{words}"')
        self.assertIn(quote.slug, slugs)
        self.assertIn(quote.article.slug, slugs)
        self.assertEqual(matches, 1 + quote.article.quotes.count())
