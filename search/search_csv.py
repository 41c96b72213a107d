"""/search.csv: the quotations a search finds, as the same rows as /quotes.csv, in the search's
own order (relevance, newest or oldest first).

It takes the search page's parameters (q, the facet filters, sort), so any search a reader has
made can be downloaded by adding `.csv`. Only quotations are exported: articles, meetings and
people among the results have their own exports.
"""

from django.http import HttpResponse
from haystack.exceptions import SearchBackendError

from archive import names
from archive.api.addresses import Addresses
from archive.api.csv_export import QUOTE_COLUMNS, QUOTE_FIELDS, filename_for, quote_row, stream_csv
from archive.api.http import BadRequest, read_only, site_base
from archive.models import Quote

from . import query, searching
from .forms import SearchForm

# Search results are read this many at a time, then their rows in one query.
RESULTS_PER_BATCH = 500


def quote_ids_in_search_order(sqs, total):
    """Every result's id, read from the index before the first byte is sent: an index that fails
    halfway is a 503, never a CSV cut short that looks complete."""
    return [
        int(result.pk)
        for offset in range(0, total, RESULTS_PER_BATCH)
        for result in sqs[offset : offset + RESULTS_PER_BATCH]
    ]


def quote_rows_in_search_order(ids):
    for start in range(0, len(ids), RESULTS_PER_BATCH):
        batch = ids[start : start + RESULTS_PER_BATCH]
        rows = Quote.objects.filter(pk__in=batch).values_list("pk", *QUOTE_FIELDS)
        by_id = {row[0]: row[1:] for row in rows}
        # A quote deleted since the index was built is left out, never an error.
        yield from (by_id[pk] for pk in batch if pk in by_id)


@read_only
def search_csv(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        raise BadRequest("Invalid search: " + "; ".join(form.error_messages()))
    params = {name: value for name, value in form.cleaned_data.items() if value}
    parsed = query.parse(params.get("q", ""), names.name_table())
    if parsed.is_empty:
        raise BadRequest("Nothing to search for: give a query, e.g. /search.csv?q=treaty")
    filters = [("type", "quote"), *(item for item in form.filters() if item[0] != "type")]
    sqs = searching.searchqueryset(parsed, filters, params.get("sort"), for_display=False)
    try:
        ids = quote_ids_in_search_order(sqs, sqs.count())
    except SearchBackendError as error:
        searching.log_unavailable(error)
        # Plain text, as the CSV endpoints' other errors (400, 405): a CSV body would be mistaken
        # for an empty result.
        return HttpResponse(
            "Search is unavailable just now; browsing still works.\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    addresses = Addresses(site_base(request))
    filename = filename_for("search", {"q": params.get("q", "")[:40]}, ["q"])
    rows = quote_rows_in_search_order(ids)
    return stream_csv(filename, QUOTE_COLUMNS, rows, lambda values: quote_row(values, addresses))
