"""Atom and RSS feeds of the newest articles and quotes: site-wide, per person, meeting and outlet.

Feed readers need a full timestamp on every entry, but the sources give some dates only to the
month or year. Such an entry is dated the first day of its month or year, and says so in its text;
an undated entry carries the time the archive's data last changed as its `updated` date.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ..dates import DAY, MONTH
from ..models import Article, Meeting, Outlet, Person, Quote
from .freshness import data_last_changed
from .http import site_base

FEED_SIZE = 50
FEED_TYPES = {"atom": Atom1Feed, "rss": Rss201rev2Feed}


@dataclass
class Entry:
    title: str
    link: str
    description: str
    date: object  # a PartialDate or None
    data_changed: object  # when the archive was last loaded, for an undated entry

    @property
    def pubdate(self):
        if self.date is None:
            return None
        return datetime.datetime.combine(self.date.first_day(), datetime.time.min, datetime.UTC)

    def sort_key(self):
        return (self.date is None, -(self.date.first_day().toordinal() if self.date else 0))


def date_note(date):
    """What the feed's timestamp means for a date known only to the month or year, or not at all."""
    if date is None:
        return "Date unknown: this feed dates the entry by when the archive's data last changed."
    if date.precision == DAY:
        return ""
    unit = "month" if date.precision == MONTH else "year"
    first = date.first_day()
    return (
        f"Only the {unit} is known ({date.display()}): this feed dates the entry "
        f"{first.day} {first:%B} {first.year}, the first day of the {unit}."
    )


def _note_html(date):
    note = date_note(date)
    return format_html("<p><em>{}</em></p>", note) if note else ""


def article_entry(article, subject):
    byline = [article.outlet.name, article.published_display]
    description = mark_safe(
        article.summary_html  # sanitised at load time (archive.markdown)
        + format_html("<p>{}</p>", ", ".join(byline))
        + _note_html(article.published)
    )
    return Entry(
        title=f"{article.title} ({article.outlet.name})",
        link=subject.base + article.get_absolute_url(),
        description=description,
        date=article.published,
        data_changed=subject.data_changed,
    )


def quote_entry(quote, subject):
    sources = [("Said by", quote.speaker.name)]
    if quote.meeting:
        sources.append(("At", quote.meeting.title))
    sources.append(("When", quote.said_on_display))
    if quote.channel:
        sources.append(("First carried by", quote.channel.name))
    sources.append(("Reported in", f"{quote.article.title} ({quote.article.outlet.name})"))
    description = mark_safe(
        format_html("<blockquote><p>{}</p></blockquote>", quote.text)
        + format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", sources))
        + _note_html(quote.said_on)
    )
    words = quote.text if len(quote.text) <= 100 else quote.text[:99].rsplit(" ", 1)[0] + "…"
    return Entry(
        title=f"{quote.speaker.name}: \u201c{words}\u201d",
        link=subject.base + quote.get_absolute_url(),
        description=description,
        date=quote.said_on,
        data_changed=subject.data_changed,
    )


def newest(entries):
    return sorted(entries, key=Entry.sort_key)[:FEED_SIZE]


@dataclass
class Subject:
    """What a feed is about (None for the whole site) and the public address to link to."""

    base: str
    record: object = None
    # Read once per feed: the `updated` date of every undated entry.
    data_changed: object = field(default_factory=data_last_changed)


class ArchiveFeed(Feed):
    """Entries are built in items(), where the request's base address is known."""

    def __init__(self, feed_type):
        self.feed_type = FEED_TYPES[feed_type]

    def get_object(self, request, *args, **kwargs):
        return Subject(site_base(request))

    def link(self, subject):
        return subject.base + self.page_path(subject)

    def subtitle(self, subject):
        return self.description(subject)

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        return entry.description

    def item_pubdate(self, entry):
        return entry.pubdate

    def item_updateddate(self, entry):
        # Atom requires an `updated` date on every entry.
        return entry.pubdate or entry.data_changed


class NewArticlesFeed(ArchiveFeed):
    title = "Summit Archive: newest articles"

    def description(self, subject):
        return "Articles on the Putin–Kim meetings newly in the archive, newest first."

    def page_path(self, subject):
        return "/articles/"

    def items(self, subject):
        articles = Article.objects.newest_first()[:FEED_SIZE]
        return [article_entry(article, subject) for article in articles]


class NewQuotesFeed(ArchiveFeed):
    title = "Summit Archive: newest quotes"

    def description(self, subject):
        return "Quotations in the archive, newest first, with speaker and source."

    def page_path(self, subject):
        return "/quotes/"

    def items(self, subject):
        quotes = Quote.objects.with_sources().newest_first()[:FEED_SIZE]
        return [quote_entry(quote, subject) for quote in quotes]


class RecordFeed(ArchiveFeed):
    """Articles and quotes about one record, together, newest first."""

    model = None

    def get_object(self, request, slug):
        return Subject(site_base(request), get_object_or_404(self.model, slug=slug))

    def title(self, subject):
        return f"Summit Archive: {subject.record}"

    def page_path(self, subject):
        return subject.record.get_absolute_url()

    def items(self, subject):
        articles, quotes = self.related(subject.record)
        return newest(
            [article_entry(article, subject) for article in articles[:FEED_SIZE]]
            + [quote_entry(quote, subject) for quote in quotes[:FEED_SIZE]]
        )


class PersonFeed(RecordFeed):
    model = Person

    def description(self, subject):
        return f"Quotes by {subject.record.name} and articles by or about them, newest first."

    def related(self, person):
        by_or_about = Q(authors=person) | Q(people_mentioned=person)
        return (
            Article.objects.filter(by_or_about).distinct().newest_first(),
            Quote.objects.with_sources().by_speaker(person).newest_first(),
        )


class MeetingFeed(RecordFeed):
    model = Meeting

    def description(self, subject):
        return f"Quotes said at {subject.record.title} and articles covering it, newest first."

    def related(self, meeting):
        return (
            meeting.articles.newest_first(),
            Quote.objects.with_sources().said_at(meeting).newest_first(),
        )


class OutletFeed(RecordFeed):
    model = Outlet

    def description(self, subject):
        return f"Articles from {subject.record.name} and the quotes taken from them, newest first."

    def related(self, outlet):
        return (
            outlet.articles.newest_first(),
            Quote.objects.with_sources().taken_from_outlet(outlet).newest_first(),
        )
