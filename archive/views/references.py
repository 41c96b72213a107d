"""Reference-manager downloads (archive/references.py): one record, a filtered quote list or the
quotations a search finds, as one RIS, BibTeX or CSL-JSON file.

    /quotes/<slug>.ris   /meetings/<slug>.bib   /articles/<slug>.csl.json
    /quotes.ris?speaker=kim-jong-un   (the quotes page's filters; a person's quotes)
    (a search's quotations: search/references.py, /search.bib?q=treaty)

Lists are streamed a reference at a time, never built whole in memory.
"""

import json

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404

from .. import references, seo
from ..api.csv_export import filename_for
from ..api.filters import filtered_quotes
from ..api.http import BadRequest, read_only
from ..models import Article, Meeting, Quote
from .common import find_or_404

QUOTES_PER_QUERY = 500


def reference_file(filename, fmt, refs):
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


def check_format(fmt):
    if fmt not in references.FORMATS:
        raise Http404("No such file format")


def quote_references(request, quotes):
    for quote in quotes:
        yield references.quote_reference(quote, seo.absolute(request, quote.get_absolute_url()))


@read_only
def record_file(request, kind, slug, fmt):
    check_format(fmt)
    if kind == "quotes":
        quote = get_object_or_404(Quote.objects.with_sources(), slug=slug)
        refs = quote_references(request, [quote])
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
    check_format(fmt)
    try:
        quotes = filtered_quotes(request.GET)  # validated before the first byte is sent
    except BadRequest as error:
        # Say which filter was wrong, as the JSON API does.
        reasons = "; ".join(f"{name}: {' '.join(why)}" for name, why in error.detail.items())
        raise BadRequest(f"{error.message} {reasons}") from None
    filename = filename_for("quotes", request.GET, ["speaker", "meeting", "outlet", "year"])
    return reference_file(
        filename.removesuffix(".csv"), fmt, quote_references(request, quotes.iterator(500))
    )
