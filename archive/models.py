"""The archive: people, outlets, meetings, articles and the quotations taken from them.

Every public record has a slug that is its permanent address; slugs are chosen by hand in the
fixtures and never change (a renamed record gets a redirect, see fixtures/redirects.yaml).
Markdown fields have an `_html` twin filled once at load time (archive.markdown).
"""

import functools

from django.db import models
from django.urls import get_script_prefix, reverse
from django.utils import timezone

from .catalogue import ReadOnlyWhenShared, ReferenceForeignKey
from .countries import COUNTRIES, COUNTRY_CHOICES
from .dates import PartialDateField, display_range
from .querysets import (
    ArticleQuerySet,
    MeetingQuerySet,
    PersonQuerySet,
    QuoteQuerySet,
)

BEYOND_SOURCES_HELP = (
    "Facts on this record that do not come from the source documents but are certain public "
    "knowledge, named here so a reader can tell them apart."
)
SOURCE_PARAGRAPHS_HELP = (
    "Where in the source documents this record's facts come from: '000 ¶20' (line 20 of seed "
    "file 000), '002 ¶29–35' (lines 29 to 35), or '002' (the whole document)."
)


def source_paragraphs_field():
    return models.JSONField(default=list, blank=True, help_text=SOURCE_PARAGRAPHS_HELP)


@functools.cache
def _address_prefix(url_name, script_prefix):
    # "/people/" from reverse("archive:person", args=["-"]) == "/people/-/".
    return reverse(url_name, args=["-"])[: -len("-/")]


def detail_address(url_name, slug):
    """A record's address without a full reverse() each time: a page links dozens of records,
    and reverse() was a large part of rendering one. The prefix is worked out once per process
    (and script prefix, should the site be mounted below the root)."""
    return f"{_address_prefix(url_name, get_script_prefix())}{slug}/"


class CountryMixin:
    @property
    def country_name(self):
        return COUNTRIES.get(self.country, "")


class Person(ReadOnlyWhenShared, CountryMixin, models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200, help_text="The spelling the archive uses.")
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other spellings and scripts of the name."
    )
    country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)
    is_leader = models.BooleanField(default=False, help_text="Head of state or national leader.")
    is_organisation = models.BooleanField(
        default=False,
        help_text=(
            "An institution speaking as one (the Kremlin, a ministry, a news agency's voice)."
        ),
    )
    bio = models.TextField(blank=True, help_text="Markdown.")
    bio_html = models.TextField(blank=True, editable=False)
    beyond_sources = models.TextField(blank=True, help_text=BEYOND_SOURCES_HELP)
    source_paragraphs = source_paragraphs_field()

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return detail_address("archive:person", self.slug)

    @property
    def all_names(self):
        return [self.name, *self.aliases]


class Role(ReadOnlyWhenShared, models.Model):
    """A post a person held, with the time they held it where known."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200)
    start = PartialDateField(null=True, blank=True)
    end = PartialDateField(null=True, blank=True)
    note = models.CharField(
        max_length=300, blank=True, help_text="Where the dates come from, e.g. 'as of June 2024'."
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["person", "position"]

    def __str__(self):
        return self.title

    @property
    def period(self):
        if self.start and self.end:
            return display_range(self.start, self.end)
        if self.start:
            return f"from {self.start.display()}"
        if self.end:
            return f"until {self.end.display()}"
        return ""


class Outlet(ReadOnlyWhenShared, CountryMixin, models.Model):
    class Kind(models.TextChoices):
        STATE_AGENCY = "state_agency", "State news agency"
        STATE_MEDIA = "state_media", "State broadcaster or newspaper"
        OFFICIAL = "official", "Official website or office"
        NEWS = "news", "News outlet"
        ANALYSIS = "analysis", "Analysis journal"
        THINK_TANK = "think_tank", "Think tank"
        BLOG = "blog", "Blog"
        SOCIAL = "social", "Social media"

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)
    homepage = models.URLField(blank=True)
    description = models.TextField(blank=True, help_text="Markdown.")
    description_html = models.TextField(blank=True, editable=False)
    beyond_sources = models.TextField(blank=True, help_text=BEYOND_SOURCES_HELP)
    source_paragraphs = source_paragraphs_field()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return detail_address("archive:outlet", self.slug)


class Meeting(ReadOnlyWhenShared, CountryMixin, models.Model):
    class Kind(models.TextChoices):
        SUMMIT = "summit", "Leaders' summit"
        SIDELINE = "sideline", "Meeting on the sidelines"
        VISIT = "visit", "Ministerial or delegation visit"
        MESSAGE = "message", "Phone call, letter or telegram"
        EVENT = "event", "Anniversary event or ceremony"

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    is_putin_kim = models.BooleanField(
        default=False, help_text="A meeting in person between Vladimir Putin and Kim Jong Un."
    )
    start = PartialDateField()
    end = PartialDateField(null=True, blank=True)
    city = models.CharField(max_length=100, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    summary = models.TextField(blank=True, help_text="Markdown, in our own words.")
    summary_html = models.TextField(blank=True, editable=False)
    outcomes = models.JSONField(
        default=list, blank=True, help_text="Short statements, e.g. 'No documents signed'."
    )
    beyond_sources = models.TextField(blank=True, help_text=BEYOND_SOURCES_HELP)
    source_paragraphs = source_paragraphs_field()
    participants = models.ManyToManyField(Person, through="Participation", related_name="meetings")

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["start", "slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return detail_address("archive:meeting", self.slug)

    @property
    def date_display(self):
        return display_range(self.start, self.end)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def locality_display(self):
        """City and country, for pages that show the venue on a line of its own."""
        parts = [part for part in (self.city, self.country_name) if part]
        return ", ".join(parts) if parts else "Place not given in the sources"

    @property
    def place_display(self):
        parts = [part for part in (self.venue, self.city, self.country_name) if part]
        return ", ".join(parts) if parts else "Place unknown"


class Participation(models.Model):
    class Part(models.TextChoices):
        PRINCIPAL = "principal", "Principal"
        HOST = "host", "Host"
        DELEGATION = "delegation", "Delegation member"
        ATTENDEE = "attendee", "Attendee"
        SENDER = "sender", "Sender"
        RECIPIENT = "recipient", "Recipient"

    meeting = ReferenceForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    person = ReferenceForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    part = models.CharField(max_length=20, choices=Part.choices)
    side = models.CharField(
        max_length=2, choices=COUNTRY_CHOICES, blank=True, help_text="The side they were on."
    )
    role = models.CharField(max_length=200, blank=True, help_text="Their role at the time.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_part_per_person")
        ]

    def __str__(self):
        return f"{self.person} at {self.meeting}"

    @property
    def side_name(self):
        return COUNTRIES.get(self.side, "")


class Article(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    outlet = ReferenceForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    authors = models.ManyToManyField(Person, blank=True, related_name="articles_written")
    published = PartialDateField(null=True, blank=True)
    url = models.URLField(max_length=500, blank=True, help_text="The original, where known.")
    summary = models.TextField(blank=True, help_text="Markdown, in our own words.")
    summary_html = models.TextField(blank=True, editable=False)
    meetings = models.ManyToManyField(Meeting, blank=True, related_name="articles")
    people_mentioned = models.ManyToManyField(
        Person, blank=True, related_name="articles_mentioning"
    )
    seed_document = models.CharField(
        max_length=100, help_text="The source document in shared/seeds it was taken from."
    )
    # A copy: the text we read was published again elsewhere. `outlet`, `published` and `url`
    # then describe the original as the source shows it; these three describe the copy.
    republished_by = ReferenceForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles_republished",
        help_text="Where the text we read appeared, when that is not the original outlet.",
    )
    republished_on = PartialDateField(null=True, blank=True, help_text="The copy's date.")
    republication_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="How the source shows the copy, e.g. 'a site that does not name itself'.",
    )
    beyond_sources = models.TextField(blank=True, help_text=BEYOND_SOURCES_HELP)
    source_paragraphs = source_paragraphs_field()

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        indexes = [
            models.Index(fields=["outlet", "published", "slug"], name="article_by_outlet_published")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return detail_address("archive:article", self.slug)

    @property
    def published_display(self):
        return self.published.display() if self.published else "Date unknown"

    @property
    def is_republication(self):
        return bool(self.republished_by_id or self.republished_on or self.republication_note)

    @property
    def republished_on_display(self):
        return self.republished_on.display() if self.republished_on else "Date unknown"

    @property
    def seed_number(self):
        """'002' for 002_49f5b9250815b663.txt: how notes on other records cite a source document."""
        return self.seed_document.split("_", 1)[0]


class Quote(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    text = models.TextField(help_text="Verbatim, as the source article prints it.")
    speaker = ReferenceForeignKey(Person, on_delete=models.PROTECT, related_name="quotes")
    meeting = ReferenceForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="quotes"
    )
    said_on = PartialDateField(null=True, blank=True)
    channel = ReferenceForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes_first_carried",
        help_text=(
            "The channel that first carried it (TASS, KCNA, the Kremlin's website...); "
            "empty when the source does not say (shown as unknown, never guessed)."
        ),
    )
    channel_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="e.g. 'a tweet', 'through an interpreter', why the first channel is unknown.",
    )
    relayed_by = models.ManyToManyField(
        Outlet,
        blank=True,
        related_name="quotes_relayed",
        help_text="Outlets the source names as passing it on, not as first carrying it.",
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.PROTECT,
        related_name="quotes",
        help_text="The article we took it from.",
    )
    # Derived, never in the fixtures: the article's outlet, kept on the quote so that an
    # outlet's quotes can be read newest first from an index instead of sorting all of them
    # (at 100,000 quotes that sort was 16 ms of an outlet page). Kept equal to the article's by
    # save() and, for the loader's writes, by QuoteQuerySet.match_article_outlets().
    outlet = ReferenceForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        related_name="quotes_taken",
        help_text="The outlet of the article it was taken from (the article's own).",
    )
    is_fragment = models.BooleanField(
        default=False, help_text="A quoted fragment inside the article's paraphrase."
    )
    context = models.TextField(blank=True, help_text="Markdown, in our own words.")
    context_html = models.TextField(blank=True, editable=False)
    same_statement = models.ManyToManyField(
        "self",
        blank=True,
        help_text="The same statement: another part of it, or another report of it.",
    )
    beyond_sources = models.TextField(blank=True, help_text=BEYOND_SOURCES_HELP)
    source_paragraphs = source_paragraphs_field()

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["said_on", "slug"]
        # The person, meeting and outlet pages list a bounded number of quotes in date order:
        # these let the database read them in order instead of sorting every quote first.
        indexes = [
            models.Index(fields=["speaker", "said_on", "slug"], name="quote_by_speaker_said"),
            models.Index(fields=["meeting", "said_on", "slug"], name="quote_at_meeting_said"),
            models.Index(fields=["channel", "said_on", "slug"], name="quote_by_channel_said"),
            models.Index(fields=["outlet", "said_on", "slug"], name="quote_by_outlet_said"),
        ]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"

    def save(self, *args, **kwargs):
        if self.article_id is not None:
            self.outlet_id = self.article.outlet_id
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "outlet"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return detail_address("archive:quote", self.slug)

    @property
    def anchor(self):
        return f"q-{self.slug}"

    @property
    def said_on_display(self):
        return self.said_on.display() if self.said_on else "Date unknown"


# Which Markdown field renders into which HTML field, per model; used by the loader.
MARKDOWN_FIELDS = {
    Person: {"bio": "bio_html"},
    Outlet: {"description": "description_html"},
    Meeting: {"summary": "summary_html"},
    Article: {"summary": "summary_html"},
    Quote: {"context": "context_html"},
}


class DataLoad(models.Model):
    """One `load_archive` that changed the archive. The newest published row dates every page:
    its ETag and Last-Modified.

    A load that also rebuilds the search index is written unpublished (published_at empty) with
    the data, and published once the index built from it is live, so the pages' version changes
    only when the database and the index both hold the new data."""

    loaded_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, default=timezone.now)

    class Meta:
        get_latest_by = "id"
        # Created by the summit app's first migration, when the serving layer owned it.
        db_table = "summit_dataload"

    def __str__(self):
        return f"Archive loaded at {self.loaded_at:%Y-%m-%d %H:%M:%S} UTC"
