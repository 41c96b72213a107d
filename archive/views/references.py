"""Reference-manager downloads (archive/references.py): one record, a filtered quote list or the
quotations a search finds, as one RIS, BibTeX or CSL-JSON file.

    /quotes/<slug>.ris   /meetings/<slug>.bib   /articles/<slug>.csl.json
    /quotes.ris?speaker=kim-jong-un   (the quotes page's filters; a person's quotes)
    /search.bib?q=treaty              (the search page's parameters; quotations only)

Lists are streamed a reference at a time, never built whole in memory.
"""

import json

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from haystack.exceptions import SearchBackendError

from search import names, query, searching
from search.forms import SearchForm

from .. import references, seo
from ..api.csv_export import filename_for
from ..api.filters import filtered_quotes
from ..api.http import BadRequest, read_only
from ..models import Article, Meeting, Quote
from .common import find_or_404

QUOTES_PER_QUERY = 500


def _file(filename, fmt, refs):
    content_type, _ = references.FORMATS[fmt]

    def pieces():
        if fmt == "csl.json":
            yield "["
            for index, ref in enumerate(refs):
                item = json.dumps(references.csl(ref), ensure_ascii=False)
                yield ("," if index else "") + "\n" + item
            yield "\n]\n"
        elif fmt == "ris":
            yield from (references.ris(ref) for ref in refs)
        else:
            for index, ref in enumerate(refs):
                yield ("\n" if index else "") + ref.bibtex + "\n"

    response = StreamingHttpResponse(pieces(), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _check(fmt):
    if fmt not in references.FORMATS:
        raise Http404("No such file format")


def _quote_refs(request, quotes):
    for quote in quotes:
        yield references.quote_reference(quote, seo.absolute(request, quote.get_absolute_url()))


@read_only
def record_file(request, kind, slug, fmt):
    _check(fmt)
    if kind == "quotes":
        quote = get_object_or_404(Quote.objects.with_sources(), slug=slug)
        refs = _quote_refs(request, [quote])
    elif kind == "meetings":
        meeting = find_or_404(Meeting, slug)
        url = seo.absolute(request, meeting.get_absolute_url())
        refs = [references.meeting_reference(meeting, url)]
    else:
        article = get_object_or_404(Article, slug=slug)
        url = seo.absolute(request, article.get_absolute_url())
        refs = [references.article_reference(article, list(article.authors.all()), url)]
    content_type, write = references.FORMATS[fmt]
    response = HttpResponse(write(list(refs)), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="summit-archive-{slug}.{fmt}"'
    return response


@read_only
def quote_list_file(request, fmt):
    _check(fmt)
    try:
        quotes = filtered_quotes(request.GET)  # validated before the first byte is sent
    except BadRequest as error:
        # Say which filter was wrong, as the JSON API does.
        reasons = "; ".join(f"{name}: {' '.join(why)}" for name, why in error.detail.items())
        raise BadRequest(f"{error.message} {reasons}") from None
    filename = filename_for("quotes", request.GET, ["speaker", "meeting", "outlet", "year"])
    return _file(filename.removesuffix(".csv"), fmt, _quote_refs(request, quotes.iterator(500)))


def _quotes_in_search_order(sqs, total):
    for offset in range(0, total, QUOTES_PER_QUERY):
        ids = [int(result.pk) for result in sqs[offset : offset + QUOTES_PER_QUERY]]
        by_id = Quote.objects.with_sources().in_bulk(ids)
        # A quote deleted since the index was built is left out, never an error.
        yield from (by_id[pk] for pk in ids if pk in by_id)


@read_only
def search_file(request, fmt):
    _check(fmt)
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
    return _file(filename.removesuffix(".csv"), fmt, _quote_refs(request, quotes))
