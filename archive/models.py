"""The archive: people, outlets, meetings, articles and the quotations taken from them.

Every public record has a slug that is its permanent address; slugs are chosen by hand in the
fixtures and never change (a renamed record gets a redirect, see fixtures/redirects.yaml).
Markdown fields have an `_html` twin filled once at load time (archive.markdown).
"""

from django.db import models
from django.urls import reverse

from .countries import COUNTRIES, COUNTRY_CHOICES
from .dates import PartialDateField, display_range

BEYOND_SOURCES_HELP = (
    "Facts on this record that do not come from the source documents but are certain public "
    "knowledge, named here so a reader can tell them apart."
)


class CountryMixin:
    @property
    def country_name(self):
        return COUNTRIES.get(self.country, "")


class PersonQuerySet(models.QuerySet):
    def leaders(self):
        return self.filter(is_leader=True)

    def others(self):
        return self.filter(is_leader=False)

    def leaders_first(self):
        """Leaders, then everyone else by country and name (the people list)."""
        return self.order_by("-is_leader", "is_organisation", "country", "name")


class Person(CountryMixin, models.Model):
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

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:person", args=[self.slug])

    @property
    def all_names(self):
        return [self.name, *self.aliases]


class Role(models.Model):
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


class Outlet(CountryMixin, models.Model):
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

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:outlet", args=[self.slug])


class MeetingQuerySet(models.QuerySet):
    def chronological(self):
        return self.order_by("start", "slug")

    def putin_kim(self):
        return self.filter(is_putin_kim=True)

    def others(self):
        return self.filter(is_putin_kim=False)

    def in_year(self, year):
        return self.filter(start__startswith=f"{int(year):04d}")

    def years(self):
        """The years that have a meeting, newest last (the year filter's choices)."""
        return sorted({start.year for start in self.values_list("start", flat=True)})

    def located(self):
        """Meetings with coordinates, with just what a map needs."""
        return self.filter(latitude__isnull=False, longitude__isnull=False).only(
            "latitude", "longitude", "city", "venue", "country"
        )


class Meeting(CountryMixin, models.Model):
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
    participants = models.ManyToManyField(Person, through="Participation", related_name="meetings")

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["start", "slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archive:meeting", args=[self.slug])

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

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
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


class ArticleQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by(models.F("published").desc(nulls_last=True), "slug")

    def with_outlet(self):
        return self.select_related("outlet")

    def whole_documents(self):
        """One article per source document: the record of the document as a whole, which
        fixtures/articles.yaml lists first for its file (a compilation's items follow it)."""
        first_ids = self.order_by().values("seed_document").annotate(first=models.Min("id"))
        return self.filter(id__in=first_ids.values("first")).order_by("seed_document")


class Article(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
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
    beyond_sources = models.TextField(blank=True, help_text=BEYOND_SOURCES_HELP)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archive:article", args=[self.slug])

    @property
    def published_display(self):
        return self.published.display() if self.published else "Date unknown"

    @property
    def seed_number(self):
        """'002' for 002_49f5b9250815b663.txt: how notes on other records cite a source document."""
        return self.seed_document.split("_", 1)[0]


class QuoteQuerySet(models.QuerySet):
    def with_sources(self):
        return self.select_related("speaker", "meeting", "channel", "article__outlet")

    def by_speaker(self, person):
        return self.filter(speaker=person)

    def newest_first(self):
        return self.order_by(models.F("said_on").desc(nulls_last=True), "slug")

    def chronological(self):
        return self.order_by(models.F("said_on").asc(nulls_last=True), "slug")

    def taken_from_outlet(self, outlet):
        return self.filter(article__outlet=outlet)

    def said_at(self, meeting):
        return self.filter(meeting=meeting)

    def said_in_year(self, year):
        return self.filter(said_on__startswith=f"{int(year):04d}")


class Quote(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    text = models.TextField(help_text="Verbatim, as the source article prints it.")
    speaker = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="quotes")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="quotes"
    )
    said_on = PartialDateField(null=True, blank=True)
    channel = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes_first_carried",
        help_text="The channel that first carried it (TASS, KCNA, the Kremlin's website...).",
    )
    channel_note = models.CharField(
        max_length=200, blank=True, help_text="e.g. 'a tweet', 'through an interpreter'."
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.PROTECT,
        related_name="quotes",
        help_text="The article we took it from.",
    )
    is_fragment = models.BooleanField(
        default=False, help_text="A quoted fragment inside the article's paraphrase."
    )
    context = models.TextField(blank=True, help_text="Markdown, in our own words.")
    context_html = models.TextField(blank=True, editable=False)
    same_statement = models.ManyToManyField(
        "self", blank=True, help_text="The same statement as reported elsewhere."
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["said_on", "slug"]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("archive:quote", args=[self.slug])

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
