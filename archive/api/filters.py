"""The GET filters of the quote and meeting lists, shared by their JSON and CSV forms.

Filters name records by slug (`?speaker=kim-jong-un&year=2019`). An unknown slug or a malformed
year is an error the caller is told about (400), not an empty list that looks like an answer.
"""

from ..forms import SLUG, MeetingFilterForm, QuoteFilters
from ..models import Meeting, Quote
from .http import BadRequest

__all__ = ["SLUG", "filtered_meetings", "filtered_quotes"]


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
