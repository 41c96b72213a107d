"""/search.ris, /search.bib, /search.csl.json: the quotations a search finds, in the search's
order, as one reference-manager file (the formats of archive/views/references.py)."""

from haystack.exceptions import SearchBackendError

from archive.api.csv_export import filename_for
from archive.api.http import read_only
from archive.models import Quote
from archive.views.references import (
    QUOTES_PER_QUERY,
    check_format,
    quote_references,
    reference_file,
)

from . import searching


def _quotes_in_search_order(sqs, total):
    for offset in range(0, total, QUOTES_PER_QUERY):
        ids = [int(result.pk) for result in sqs[offset : offset + QUOTES_PER_QUERY]]
        by_id = Quote.objects.with_sources().in_bulk(ids)
        # A quote deleted since the index was built is left out, never an error.
        yield from (by_id[pk] for pk in ids if pk in by_id)


@read_only
def search_file(request, fmt):
    check_format(fmt)
    params, sqs = searching.quotes_found(request.GET, fmt)
    try:
        total = sqs.count()  # asked before the first byte, so an unavailable index is a 503
    except SearchBackendError as error:
        searching.log_unavailable(error)
        return searching.unavailable_as_text()
    filename = filename_for("search", {"q": params.get("q", "")[:40]}, ["q"])
    quotes = _quotes_in_search_order(sqs, total)
    return reference_file(filename.removesuffix(".csv"), fmt, quote_references(request, quotes))
