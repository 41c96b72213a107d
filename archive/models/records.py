"""The people, outlets and meetings: the records every page names (held in memory per data
version by archive.catalogue, hence ReadOnlyWhenShared)."""

from django.db import models

from ..catalogue import ReadOnlyWhenShared, ReferenceForeignKey
from ..countries import COUNTRIES, COUNTRY_CHOICES
from ..dates import PartialDateField, display_range
from ..querysets import MeetingQuerySet, PersonQuerySet
from .common import BEYOND_SOURCES_HELP, CountryMixin, detail_address, source_paragraphs_field


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
