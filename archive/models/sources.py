"""The articles we read and the quotations taken from them."""

from django.db import models

from ..catalogue import ReferenceForeignKey
from ..dates import PartialDateField
from ..querysets import ArticleQuerySet, QuoteQuerySet
from .common import BEYOND_SOURCES_HELP, detail_address, source_paragraphs_field
from .records import Meeting, Outlet, Person


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
