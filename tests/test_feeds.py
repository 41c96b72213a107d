"""Atom and RSS feeds, parsed the way a feed reader parses them."""

import re
import xml.etree.ElementTree as ET
from html import unescape

import feedparser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.dates import PartialDate
from archive.models import Quote
from tests.api_support import fixture_records, iso
from tests.base import ArchiveTestCase

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
FORMATS = {"atom": ("atom10", "application/atom+xml"), "rss": ("rss20", "application/rss+xml")}


def newest_first(records, date_key):
    """Slugs ordered as the feeds order them: newest date first, undated last, then by slug."""

    def key(record):
        date = record.get(date_key)
        ordinal = PartialDate.parse(date).first_day().toordinal() if date is not None else 0
        return (date is None, -ordinal, record["slug"])

    return [record["slug"] for record in sorted(records, key=key)]


class FeedTests(ArchiveTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.quotes_yaml = fixture_records("quotes")
        cls.articles_yaml = fixture_records("articles")

    def parse(self, url, feed_format):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        version, content_type = FORMATS[feed_format]
        self.assertTrue(response["Content-Type"].startswith(content_type), response["Content-Type"])
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, f"{url}: {feed.get('bozo_exception')}")
        self.assertEqual(feed.version, version)
        return feed

    def entry_slugs(self, feed, kind):
        prefix = f"http://testserver/{kind}/"
        return [
            e.link.removeprefix(prefix).rstrip("/")
            for e in feed.entries
            if e.link.startswith(prefix)
        ]

    def test_site_feeds_list_the_newest_quotes_and_articles(self):
        for feed_format in FORMATS:
            with self.subTest(feed_format=feed_format):
                quotes = self.parse(f"/feeds/quotes.{feed_format}", feed_format)
                expected = newest_first(self.quotes_yaml, "said_on")[:50]
                self.assertEqual(self.entry_slugs(quotes, "quotes"), expected)
                articles = self.parse(f"/feeds/articles.{feed_format}", feed_format)
                expected = newest_first(self.articles_yaml, "published")[:50]
                self.assertEqual(self.entry_slugs(articles, "articles"), expected)

    def test_a_quote_entry_shows_the_verbatim_text_and_its_speaker(self):
        record = self.quotes_yaml[0]
        feed = self.parse("/feeds/quotes.atom", "atom")
        entry = next(e for e in feed.entries if e.link.endswith(f"/quotes/{record['slug']}/"))
        speaker = self.person(record["speaker"])
        self.assertTrue(entry.title.startswith(f"{speaker.name}: \u201c"))
        self.assertIn(feedparser_text(record["text"]), feedparser_text(entry.summary))

    def test_markup_in_a_quote_is_text_in_the_feed(self):
        record = self.quotes_yaml[0]
        Quote.objects.filter(slug=record["slug"]).update(text="<script>alert(1)</script> & more")
        root = ET.fromstring(self.client.get("/feeds/quotes.atom").content)
        summaries = [
            entry.find("atom:summary", ATOM).text
            for entry in root.findall("atom:entry", ATOM)
            if entry.find("atom:link", ATOM).get("href").endswith(f"/quotes/{record['slug']}/")
        ]
        self.assertEqual(len(summaries), 1)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", summaries[0])
        self.assertNotIn("<script", summaries[0])

    def test_dates_known_only_to_the_month_or_year_are_dated_the_first_day_and_say_so(self):
        partial = [q for q in self.quotes_yaml if len(iso(q.get("said_on"))) in (4, 7)]
        if not partial:
            self.skipTest("no quote in the fixtures has a month- or year-only date")
        record = partial[0]
        date = PartialDate.parse(record["said_on"])
        feed = self.parse("/feeds/quotes.atom", "atom")
        entry = next(e for e in feed.entries if e.link.endswith(f"/quotes/{record['slug']}/"))
        first = date.first_day()
        self.assertEqual(entry.published_parsed[:3], (first.year, first.month, first.day))
        self.assertIn("the first day of the", entry.summary)
        self.assertIn(f"Only the {date.precision} is known", entry.summary)

    def test_every_atom_entry_has_an_updated_date(self):
        feed = self.parse("/feeds/quotes.atom", "atom")
        self.assertTrue(feed.entries)
        for entry in feed.entries:
            self.assertTrue(entry.get("updated_parsed"), entry.link)

    def test_person_feed_has_their_quotes_and_the_articles_by_or_about_them(self):
        speaker = self.quotes_yaml[0]["speaker"]
        theirs = {q["slug"] for q in self.quotes_yaml if q["speaker"] == speaker}
        about = {
            a["slug"]
            for a in self.articles_yaml
            if speaker in (a.get("authors") or []) or speaker in (a.get("people_mentioned") or [])
        }
        for feed_format in FORMATS:
            feed = self.parse(f"/feeds/people/{speaker}.{feed_format}", feed_format)
            quotes, articles = self.entry_slugs(feed, "quotes"), self.entry_slugs(feed, "articles")
            if len(theirs) + len(about) <= 50:
                self.assertEqual(set(quotes), theirs)
                self.assertEqual(set(articles), about)
            else:
                self.assertEqual(len(feed.entries), 50)
                self.assertLessEqual(set(quotes), theirs)
                self.assertLessEqual(set(articles), about)
            self.assertEqual(feed.feed.link, f"http://testserver/people/{speaker}/")

    def test_meeting_and_outlet_feeds_have_their_quotes_and_articles(self):
        record = next(q for q in self.quotes_yaml if q.get("meeting"))
        feed = self.parse(f"/feeds/meetings/{record['meeting']}.atom", "atom")
        said_there = {q["slug"] for q in self.quotes_yaml if q.get("meeting") == record["meeting"]}
        self.assertEqual(set(self.entry_slugs(feed, "quotes")), said_there)
        covering = {
            a["slug"] for a in self.articles_yaml if record["meeting"] in (a.get("meetings") or [])
        }
        self.assertEqual(set(self.entry_slugs(feed, "articles")), covering)

        outlet = next(a["outlet"] for a in self.articles_yaml if a["slug"] == record["article"])
        feed = self.parse(f"/feeds/outlets/{outlet}.rss", "rss")
        articles = {a["slug"] for a in self.articles_yaml if a["outlet"] == outlet}
        self.assertEqual(set(self.entry_slugs(feed, "articles")), articles)
        taken = {q["slug"] for q in self.quotes_yaml if q["article"] in articles}
        self.assertEqual(set(self.entry_slugs(feed, "quotes")), taken)

    def test_query_count_does_not_grow_with_the_entries(self):
        def queries_for(url):
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url).status_code, 200)
            return len(queries)

        record = self.quotes_yaml[0]
        urls = ["/feeds/quotes.atom", f"/feeds/people/{record['speaker']}.rss"]
        before = [queries_for(url) for url in urls]
        quote = self.quote(record["slug"])
        Quote.objects.bulk_create(
            Quote(slug=f"undated-{n}", text="Undated", speaker=quote.speaker, article=quote.article)
            for n in range(20)
        )
        self.assertEqual([queries_for(url) for url in urls], before)

    def test_unknown_record_or_format_is_a_404(self):
        for url in [
            "/feeds/people/nobody.atom",
            "/feeds/meetings/no-such-meeting.rss",
            "/feeds/outlets/no-such-outlet.atom",
            "/feeds/quotes.json",
            "/feeds/quotes.xml",
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_pages_announce_their_feeds(self):
        speaker = self.quotes_yaml[0]["speaker"]
        html = self.client.get(f"/people/{speaker}/").content.decode()
        self.assertIn(
            f'<link rel="alternate" type="application/atom+xml" title="Feed of this page (Atom)" '
            f'href="http://testserver/feeds/people/{speaker}.atom">',
            html,
        )
        self.assertIn(f'href="http://testserver/people/{speaker}.json"', html)
        home = self.client.get("/").content.decode()
        self.assertIn('href="http://testserver/feeds/quotes.atom"', home)
        self.assertIn('href="http://testserver/feeds/articles.rss"', home)


def feedparser_text(html):
    """Text with tags and whitespace runs removed, to compare a quote with its feed entry."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
