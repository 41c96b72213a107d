"""The GET filters of the quote and meeting lists, shared by their JSON and CSV forms.

Filters name records by slug (`?speaker=kim-jong-un&year=2019`). An unknown slug or a malformed
year is an error the caller is told about (400), not an empty list that looks like an answer.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

from ..models import Meeting, Outlet, Person, Quote
from ..views.meetings import MeetingFilterForm
from .http import BadRequest

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


class SlugChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": "No record has the slug %(value)s."}

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)

    def to_python(self, value):
        # Anything that cannot be a slug never reaches the database (PostgreSQL rejects NUL bytes).
        if value not in self.empty_values and not SLUG.fullmatch(str(value)):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                # Shown back to the reader: printable characters only (no NUL, no newlines).
                params={"value": "".join(c for c in str(value)[:100] if c.isprintable())},
            )
        return super().to_python(value)


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=1900, max_value=2100, **kwargs)


class QuoteFilters(forms.Form):
    speaker = SlugChoiceField(Person.objects.all())
    meeting = SlugChoiceField(Meeting.objects.all())
    outlet = SlugChoiceField(Outlet.objects.all(), help_text="The outlet of the source article.")
    year = YearField(help_text="The year the quote was said.")

    def apply(self, quotes):
        data = self.cleaned_data
        if data["speaker"]:
            quotes = quotes.by_speaker(data["speaker"])
        if data["meeting"]:
            quotes = quotes.said_at(data["meeting"])
        if data["outlet"]:
            quotes = quotes.taken_from_outlet(data["outlet"])
        if data["year"]:
            quotes = quotes.said_in_year(data["year"])
        return quotes


def _valid(form):
    if not form.is_valid():
        detail = {
            field: [str(message) for message in errors] for field, errors in form.errors.items()
        }
        raise BadRequest("Invalid filter.", detail)
    return form


def filtered_quotes(params):
    """Every quote matching the filters, newest first (as the quotes page), with its sources."""
    form = _valid(QuoteFilters(params))
    return form.apply(Quote.objects.with_sources().newest_first())


def filtered_meetings(params):
    """The meetings page's own filters (kind, year), so a page and its data always agree."""
    form = _valid(MeetingFilterForm(params, years=Meeting.objects.years()))
    return form.filter(Meeting.objects.chronological())


QUOTE_FILTERS = list(QuoteFilters.base_fields)
MEETING_FILTERS = list(MeetingFilterForm.base_fields)
