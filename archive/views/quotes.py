from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.text import Truncator

from .. import citations, seo
from ..models import Quote

QUOTES_PER_PAGE = 20
# A last page of up to this many quotes joins the page before it instead of standing alone.
ORPHANS = 5


def quote_list(request):
    quotes = Quote.objects.with_sources().newest_first()
    paginator = Paginator(quotes, QUOTES_PER_PAGE, orphans=ORPHANS)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("No such page of quotes") from None
    path = "/quotes/" if page.number == 1 else f"/quotes/?page={page.number}"
    title = "Quotes" if page.number == 1 else f"Quotes, page {page.number}"
    description = "Every quotation in the archive, newest first, with its speaker and source."
    context = {
        "meta": seo.page_meta(
            request,
            title,
            description,
            path=path,
            jsonld=seo.collection_jsonld(request, "Quotes", description),
        ),
        "page": page,
        "quotes": page.object_list,
    }
    return render(request, "archive/quote_list.html", context)


def quote_detail(request, slug):
    quote = get_object_or_404(Quote.objects.with_sources(), slug=slug)
    url = seo.absolute(request, quote.get_absolute_url())
    speaker = quote.speaker.name
    short, longer = Truncator(quote.text).words(12, "…"), Truncator(quote.text).words(40, "…")
    context = {
        "meta": seo.page_meta(
            request,
            f"{speaker}: \u201c{short}\u201d",
            f"{speaker}, {quote.said_on_display}: \u201c{longer}\u201d",
            og_type="article",
            jsonld=seo.quote_jsonld(request, quote),
        ),
        "quote": quote,
        "same_statement": list(quote.same_statement.with_sources().chronological()),
        "citation": citations.cite_quote(quote, url),
        "share_url": url,
    }
    return render(request, "archive/quote_detail.html", context)
