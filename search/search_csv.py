"""/search.csv: the quotations a search finds, as the same rows as /quotes.csv, in the search's
own order (relevance, newest or oldest first).

It takes the search page's parameters (q, the facet filters, sort), so any search a reader has
made can be downloaded by adding `.csv`. Only quotations are exported: articles, meetings and
people among the results have their own exports.
"""

from haystack.exceptions import SearchBackendError

from archive.api.addresses import Addresses
from archive.api.csv_export import QUOTE_COLUMNS, QUOTE_FIELDS, filename_for, quote_row, stream_csv
from archive.api.http import read_only, site_base
from archive.models import Quote

from . import searching

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
    params, sqs = searching.quotes_found(request.GET, "csv")
    try:
        ids = quote_ids_in_search_order(sqs, sqs.count())
    except SearchBackendError as error:
        searching.log_unavailable(error)
        return searching.unavailable_as_text()
    addresses = Addresses(site_base(request))
    filename = filename_for("search", {"q": params.get("q", "")[:40]}, ["q"])
    rows = quote_rows_in_search_order(ids)
    return stream_csv(filename, QUOTE_COLUMNS, rows, lambda values: quote_row(values, addresses))
