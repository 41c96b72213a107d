"""One SearchIndex per model. Each document carries:

- `text`: what is searched, written by each index's prepare_text() (the record's words, the names
  and aliases of the people in it, one line per part; a line written twice weighs twice, by term
  frequency, on any engine), plus the canonical spelling of every other name and place spelling
  found (archive.names) and the record's date as words (search.datewords). It was rendered from
  Django templates, which cost half of the preparing at 100,000 quotes;
- exact facet fields (type, speaker, meeting, outlet, year, country), never analysed, so a facet
  counts "kim-jong-un" and not "kim", "jong", "un";
- two date keys for sorting (an unknown date sorts last both ways);
- stored display fields, so a results page renders without touching the database.
"""

from functools import cache

from django.utils.html import strip_tags
from haystack import indexes
from haystack.fields import FacetMultiValueField

from archive import names
from archive.models import Article, Meeting, Person, Quote

from . import datewords
from .preparing import FieldsLookedUpOnce

UNKNOWN_DATE_NEWEST = "0000"  # sorts after every real date when newest come first
UNKNOWN_DATE_OLDEST = "9999"  # sorts after every real date when oldest come first


class ArchiveIndex(FieldsLookedUpOnce, indexes.SearchIndex):
    text = indexes.CharField(document=True)

    # Facets: exact values (slugs, codes, years).
    type = indexes.FacetCharField()
    meeting = FacetMultiValueField()
    year = indexes.FacetCharField()
    country = indexes.FacetCharField()

    # Sorting by date.
    date_newest = indexes.FacetCharField()
    date_oldest = indexes.FacetCharField()

    # Display only.
    title = indexes.CharField(indexed=False)
    url = indexes.CharField(indexed=False)
    body = indexes.CharField(indexed=False)
    date_display = indexes.CharField(indexed=False)

    type_name = ""
    # How many times the date's words are written: a meeting's date weighs like its title.
    date_weight = 1

    def prepare(self, obj):
        data = self.prepare_fields(obj)
        text = names.normalise_document(data["text"], names.indexing_table())
        date = datewords.document_words(self.sort_date(obj))
        data["text"] = "\n".join([text] + [date] * self.date_weight) if date else text
        return data

    def prepare_type(self, obj):
        return self.type_name

    def prepare_meeting(self, obj):
        return []

    def sort_date(self, obj):
        return None

    def prepare_year(self, obj):
        date = self.sort_date(obj)
        return f"{date.year:04d}" if date else None

    def prepare_country(self, obj):
        return obj.country or None

    def prepare_date_newest(self, obj):
        date = self.sort_date(obj)
        return date.isoformat() if date else UNKNOWN_DATE_NEWEST

    def prepare_date_oldest(self, obj):
        date = self.sort_date(obj)
        return date.isoformat() if date else UNKNOWN_DATE_OLDEST

    def prepare_url(self, obj):
        return permalink(obj)


class QuoteIndex(ArchiveIndex, indexes.Indexable):
    speaker = indexes.FacetCharField(model_attr="speaker__slug")
    outlet = indexes.FacetCharField(model_attr="article__outlet__slug")

    speaker_name = indexes.CharField(model_attr="speaker__name", indexed=False)
    meeting_title = indexes.CharField(indexed=False)
    meeting_url = indexes.CharField(indexed=False)
    article_title = indexes.CharField(model_attr="article__title", indexed=False)
    article_url = indexes.CharField(indexed=False)
    outlet_name = indexes.CharField(model_attr="article__outlet__name", indexed=False)

    type_name = "quote"

    def get_model(self):
        return Quote

    def index_queryset(self, using=None):
        return Quote.objects.with_sources().select_related("speaker", "article__outlet")

    def prepare_text(self, obj):
        """A full quotation's own words and its speaker weigh more than its context and sources.
        A fragment (a few words lifted from a sentence) is written once, so it does not outrank
        the full quotations for the same words."""
        meeting, channel = obj.meeting, obj.channel
        lines = [obj.text, _names(obj.speaker)]
        if not obj.is_fragment:
            lines += [obj.text, obj.speaker.name]
        lines += [
            obj.context,
            f"{meeting.title if meeting else ''} {meeting.city if meeting else ''}",
            obj.article.title,
            f"{obj.article.outlet.name} {channel.name if channel else ''}",
        ]
        return _lines(lines)

    def prepare_meeting(self, obj):
        return [obj.meeting.slug] if obj.meeting else []

    def sort_date(self, obj):
        return obj.said_on

    def prepare_country(self, obj):
        return obj.speaker.country or None

    def prepare_title(self, obj):
        return f"{obj.speaker.name}: “{_shorten(obj.text, 80)}”"

    def prepare_body(self, obj):
        return obj.text

    def prepare_date_display(self, obj):
        return obj.said_on_display

    def prepare_meeting_title(self, obj):
        return obj.meeting.title if obj.meeting else ""

    def prepare_meeting_url(self, obj):
        # The quote's anchor on its meeting's page.
        return f"{permalink(obj.meeting)}#{obj.anchor}" if obj.meeting else ""

    def prepare_article_url(self, obj):
        return permalink(obj.article)


class ArticleIndex(ArchiveIndex, indexes.Indexable):
    outlet = indexes.FacetCharField(model_attr="outlet__slug")
    outlet_name = indexes.CharField(model_attr="outlet__name", indexed=False)

    type_name = "article"

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.prefetch_related("meetings", "authors", "people_mentioned")

    def prepare_text(self, obj):
        """An article's title weighs more than its summary."""
        return _lines(
            [
                obj.title,
                obj.title,
                obj.summary,
                obj.outlet.name,
                "".join(f"{_names(person)} " for person in obj.authors.all()),
                "".join(f"{_names(person)} " for person in obj.people_mentioned.all()),
                "".join(f"{meeting.title} " for meeting in obj.meetings.all()),
            ]
        )

    def prepare_meeting(self, obj):
        return [meeting.slug for meeting in obj.meetings.all()]

    def sort_date(self, obj):
        return obj.published

    def prepare_country(self, obj):
        return obj.outlet.country or None

    def prepare_title(self, obj):
        return obj.title

    def prepare_body(self, obj):
        return strip_tags(obj.summary_html) or obj.summary

    def prepare_date_display(self, obj):
        return obj.published_display


class MeetingIndex(ArchiveIndex, indexes.Indexable):
    type_name = "meeting"
    date_weight = 2

    def get_model(self):
        return Meeting

    def index_queryset(self, using=None):
        return Meeting.objects.prefetch_related("participants")

    def prepare_text(self, obj):
        """A meeting's title, city and venue weigh more than its summary (its date is written
        twice too: date_weight)."""
        place = f"{obj.city} {obj.venue}"
        return _lines(
            [
                obj.title,
                obj.title,
                place,
                f"{place} {obj.country_name}",
                obj.summary,
                " / ".join(obj.outcomes),
                "".join(f"{_names(person)} " for person in obj.participants.all()),
            ]
        )

    def prepare_meeting(self, obj):
        return [obj.slug]

    def sort_date(self, obj):
        return obj.start

    def prepare_title(self, obj):
        return obj.title

    def prepare_body(self, obj):
        return strip_tags(obj.summary_html) or obj.summary

    def prepare_date_display(self, obj):
        return obj.date_display


class PersonIndex(ArchiveIndex, indexes.Indexable):
    type_name = "person"

    def get_model(self):
        return Person

    def index_queryset(self, using=None):
        return Person.objects.prefetch_related("roles")

    def prepare_text(self, obj):
        """A person's names weigh more than the biography."""
        return _lines(
            [
                obj.name,
                obj.name,
                " / ".join(obj.aliases),
                obj.bio,
                "".join(f"{role.title} " for role in obj.roles.all()),
                obj.country_name,
            ]
        )

    def prepare_title(self, obj):
        return obj.name

    def prepare_body(self, obj):
        also = f"Also written {', '.join(obj.aliases)}. " if obj.aliases else ""
        return also + (strip_tags(obj.bio_html) or obj.bio)

    def prepare_date_display(self, obj):
        return ""


def _lines(lines):
    """The searched text: one line per part (each ends with a newline, as the templates did)."""
    return "".join(f"{line}\n" for line in lines)


def _names(person):
    """A person's name and other spellings, as the searched text writes them."""
    return f"{person.name} {' / '.join(person.aliases)}"


def permalink(obj):
    """obj.get_absolute_url(), without resolving the URL pattern again for each of 100,000 records
    (the route is reversed once per model, with a placeholder slug)."""
    return _url_with_placeholder(type(obj)).replace(PLACEHOLDER, obj.slug)


PLACEHOLDER = "slug-placeholder"


@cache
def _url_with_placeholder(model):
    return model(slug=PLACEHOLDER).get_absolute_url()


def _shorten(text, length):
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + "…"
