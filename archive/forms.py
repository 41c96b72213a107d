"""The forms that read the browse lists' filters from the query string.

The pages, their JSON and CSV forms (archive.api.filters) and the OpenAPI description of the
parameters (archive.api.openapi) all read these, so a filter means the same everywhere.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

from .models import Meeting, Outlet, Person

SLUG_MAX_LENGTH = 100
SLUG = re.compile(rf"[-a-zA-Z0-9_]{{1,{SLUG_MAX_LENGTH}}}")


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


PUTIN_KIM = "putin-kim"
OTHER = "other"


class MeetingFilterForm(forms.Form):
    """The chronology's filters, read from the query string."""

    kind = forms.ChoiceField(
        required=False,
        label="Kind",
        choices=[
            ("", "All meetings"),
            (PUTIN_KIM, "Putin–Kim meetings"),
            (OTHER, "Other meetings"),
            *Meeting.Kind.choices,
        ],
    )
    year = forms.TypedChoiceField(required=False, label="Year", coerce=int, empty_value=None)

    def __init__(self, data, years):
        super().__init__(data)
        self.fields["year"].choices = [("", "Any year"), *((y, str(y)) for y in years)]

    def filter(self, meetings):
        kind = self.cleaned_data.get("kind")
        if kind == PUTIN_KIM:
            meetings = meetings.putin_kim()
        elif kind == OTHER:
            meetings = meetings.others()
        elif kind:
            meetings = meetings.filter(kind=kind)
        if self.cleaned_data.get("year"):
            meetings = meetings.in_year(self.cleaned_data["year"])
        return meetings
