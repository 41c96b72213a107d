"""/search.ris, /search.bib, /search.csl.json: the quotations a search finds, in the search's
order, as one reference-manager file (the formats of archive/views/references.py)."""

from django.http import HttpResponse
from haystack.exceptions import SearchBackendError

from archive import names
from archive.api.csv_export import filename_for
from archive.api.http import BadRequest, read_only
from archive.models import Quote
from archive.views.references import (
    QUOTES_PER_QUERY,
    check_format,
    quote_references,
    reference_file,
)

from . import query, searching
from .forms import SearchForm


def _quotes_in_search_order(sqs, total):
    for offset in range(0, total, QUOTES_PER_QUERY):
        ids = [int(result.pk) for result in sqs[offset : offset + QUOTES_PER_QUERY]]
        by_id = Quote.objects.with_sources().in_bulk(ids)
        # A quote deleted since the index was built is left out, never an error.
        yield from (by_id[pk] for pk in ids if pk in by_id)


@read_only
def search_file(request, fmt):
    check_format(fmt)
    form = SearchForm(request.GET)
    if not form.is_valid():
        raise BadRequest("Invalid search: " + "; ".join(form.error_messages()))
    params = {name: value for name, value in form.cleaned_data.items() if value}
    parsed = query.parse(params.get("q", ""), names.name_table())
    if parsed.is_empty:
        raise BadRequest(f"Nothing to search for: give a query, e.g. /search.{fmt}?q=treaty")
    filters = [("type", "quote"), *(item for item in form.filters() if item[0] != "type")]
    sqs = searching.searchqueryset(parsed, filters, params.get("sort"), for_display=False)
    try:
        total = sqs.count()  # asked before the first byte, so an unavailable index is a 503
    except SearchBackendError:
        return HttpResponse(
            "Search is unavailable just now; browsing still works.\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    filename = filename_for("search", {"q": params.get("q", "")[:40]}, ["q"])
    quotes = _quotes_in_search_order(sqs, total)
    return reference_file(filename.removesuffix(".csv"), fmt, quote_references(request, quotes))
