"""Quotes and meetings as CSV for spreadsheets: one row per record, streamed, never built in memory.

Dates are ISO text at the precision the source gives ("2019", "2019-04", "2019-04-25") with a
precision column beside each, so a spreadsheet can sort them as text and filter on what is known.
"""

import csv

from django.http import StreamingHttpResponse
from django.utils.text import slugify

from .addresses import Addresses
from .filters import filtered_meetings, filtered_quotes
from .http import read_only, site_base
from .json_views import PARTICIPANTS

QUOTE_COLUMNS = [
    "slug",
    "url",
    "text",
    "is_fragment",
    "said_on",
    "said_on_precision",
    "speaker_slug",
    "speaker_name",
    "speaker_url",
    "meeting_slug",
    "meeting_title",
    "meeting_url",
    "channel_slug",
    "channel_name",
    "channel_note",
    "article_slug",
    "article_title",
    "article_url",
    "article_published",
    "article_published_precision",
    "article_original_url",
    "outlet_slug",
    "outlet_name",
    "outlet_url",
]

MEETING_COLUMNS = [
    "slug",
    "url",
    "title",
    "kind",
    "is_putin_kim",
    "start",
    "start_precision",
    "end",
    "end_precision",
    "city",
    "venue",
    "country",
    "country_name",
    "latitude",
    "longitude",
    "participants",
    "outcomes",
]

# Lists inside one cell (participants, outcomes) are joined with this, which no name contains.
CELL_SEPARATOR = "; "

ROWS_PER_QUERY = 1000
ROWS_PER_PIECE = 200


class Echo:
    """csv.writer writes into this and gets each line back to stream, instead of into a buffer."""

    def write(self, value):
        return value


def iso(date):
    return date.isoformat() if date else ""


def precision(date):
    return date.precision if date else ""


def yes_no(value):
    return "yes" if value else "no"


# Read as plain values, not model instances: an export of the whole archive builds no objects.
QUOTE_FIELDS = [
    "slug",
    "text",
    "is_fragment",
    "said_on",
    "speaker__slug",
    "speaker__name",
    "meeting__slug",
    "meeting__title",
    "channel__slug",
    "channel__name",
    "channel_note",
    "article__slug",
    "article__title",
    "article__published",
    "article__url",
    "article__outlet__slug",
    "article__outlet__name",
]


def quote_row(values, addresses):
    (
        slug,
        text,
        is_fragment,
        said_on,
        speaker_slug,
        speaker_name,
        meeting_slug,
        meeting_title,
        channel_slug,
        channel_name,
        channel_note,
        article_slug,
        article_title,
        article_published,
        article_original_url,
        outlet_slug,
        outlet_name,
    ) = values
    return [
        slug,
        addresses.page("quote", slug),
        text,
        yes_no(is_fragment),
        iso(said_on),
        precision(said_on),
        speaker_slug,
        speaker_name,
        addresses.page("person", speaker_slug),
        meeting_slug or "",
        meeting_title or "",
        addresses.page("meeting", meeting_slug) if meeting_slug else "",
        channel_slug or "",
        channel_name or "",
        channel_note,
        article_slug,
        article_title,
        addresses.page("article", article_slug),
        iso(article_published),
        precision(article_published),
        article_original_url,
        outlet_slug,
        outlet_name,
        addresses.page("outlet", outlet_slug),
    ]


def meeting_row(meeting, addresses):
    return [
        meeting.slug,
        addresses.page("meeting", meeting.slug),
        meeting.title,
        meeting.kind,
        yes_no(meeting.is_putin_kim),
        iso(meeting.start),
        precision(meeting.start),
        iso(meeting.end),
        precision(meeting.end),
        meeting.city,
        meeting.venue,
        meeting.country,
        meeting.country_name,
        "" if meeting.latitude is None else str(meeting.latitude),
        "" if meeting.longitude is None else str(meeting.longitude),
        CELL_SEPARATOR.join(p.person.name for p in meeting.participations.all()),
        CELL_SEPARATOR.join(meeting.outcomes),
    ]


def stream_csv(filename, columns, records, to_row):
    """`records` is any iterable: a QuerySet is read ROWS_PER_QUERY rows at a time."""
    writer = csv.writer(Echo())
    if hasattr(records, "iterator"):
        records = records.iterator(chunk_size=ROWS_PER_QUERY)

    def lines():
        # Rows are sent a batch at a time: each piece of a streamed response has a fixed cost.
        batch = [writer.writerow(columns)]
        for record in records:
            batch.append(writer.writerow(to_row(record)))
            if len(batch) >= ROWS_PER_PIECE:
                yield "".join(batch)
                batch = []
        yield "".join(batch)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def filename_for(kind, params, names):
    # Slugified: the values are already validated, but a header must never carry a stray newline.
    parts = [f"{name}-{slugify(params[name])}" for name in names if params.get(name)]
    return "-".join(["summit-archive", kind, *parts]) + ".csv"


@read_only
def quotes_csv(request):
    quotes = filtered_quotes(request.GET)  # validated before the first byte is sent
    addresses = Addresses(site_base(request))
    filename = filename_for("quotes", request.GET, ["speaker", "meeting", "outlet", "year"])
    rows = quotes.values_list(*QUOTE_FIELDS)
    return stream_csv(filename, QUOTE_COLUMNS, rows, lambda values: quote_row(values, addresses))


@read_only
def meetings_csv(request):
    meetings = filtered_meetings(request.GET).prefetch_related(PARTICIPANTS)
    addresses = Addresses(site_base(request))
    filename = filename_for("meetings", request.GET, ["kind", "year"])
    return stream_csv(filename, MEETING_COLUMNS, meetings, lambda m: meeting_row(m, addresses))
