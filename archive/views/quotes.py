from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.utils.text import Truncator

from .. import cards, citations, scholar, seo
from ..forms import QuoteFilters
from ..models import Quote
from .cards import card_path
from .embed import embed_code, oembed_discovery

QUOTES_PER_PAGE = 20
# A last page of up to this many quotes joins the page before it instead of standing alone.
ORPHANS = 5


def _heading(filters):
    """'Quotes by Kim Jong Un, from the Vostochny summit, 2019': the filters, in words."""
    parts = []
    if filters.get("speaker"):
        parts.append(f"by {filters['speaker'].name}")
    if filters.get("meeting"):
        parts.append(f"from {filters['meeting'].title}")
    if filters.get("outlet"):
        parts.append(f"taken from {filters['outlet'].name}")
    if filters.get("year"):
        parts.append(f"said in {filters['year']}")
    return " ".join(["Quotes", ", ".join(parts)]).strip()


def quote_list(request):
    # The same filters (and parameter names) as /quotes.json and /quotes.csv.
    form = QuoteFilters(request.GET)
    if not form.is_valid():
        # A hand-edited or stale address: say what was wrong rather than guess.
        context = {"form": form, "page": None, "quotes": [], "heading": "Quotes"}
        return render(request, "archive/quote_list.html", context, status=400)
    filters = {name: value for name, value in form.cleaned_data.items() if value}
    query = urlencode({name: getattr(value, "slug", value) for name, value in filters.items()})
    quotes = form.apply(Quote.objects.for_listing().newest_first())
    paginator = Paginator(quotes, QUOTES_PER_PAGE, orphans=ORPHANS)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("No such page of quotes") from None
    heading = _heading(filters)
    page_query = (
        query if page.number == 1 else "&".join(filter(None, [query, f"page={page.number}"]))
    )
    path = "/quotes/" + (f"?{page_query}" if page_query else "")
    title = heading if page.number == 1 else f"{heading}, page {page.number}"
    description = (
        f"{heading}, newest first, with each speaker and source."
        if filters
        else "Every quotation in the archive, newest first, with its speaker and source."
    )
    context = {
        "meta": seo.page_meta(
            request,
            title,
            description,
            path=path,
            jsonld=seo.collection_jsonld(request, heading, description),
        ),
        "form": form,
        "filters": filters,
        "heading": heading,
        "page": page,
        "quotes": page.object_list,
        # Pager links keep the filters: "?speaker=kim-jong-un&page=2".
        "first_page": "/quotes/" + (f"?{query}" if query else ""),
        "page_prefix": f"?{query}&page=" if query else "?page=",
        # Every quote of the list (all its pages) as one RIS/BibTeX/CSL-JSON file.
        "cite_query": f"?{query}" if query else "",
    }
    return render(request, "archive/quote_list.html", context)


def quote_detail(request, slug):
    quotes = Quote.objects.with_sources().with_same_statement_flag().with_relayed_flag()
    quote = get_object_or_404(quotes, slug=slug)
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
            card=(card_path("quotes", slug), cards.quote_alt(quote)),
            citation_tags=scholar.quote_tags(quote, url),
            oembed=oembed_discovery(request, url),
        ),
        "quote": quote,
        "same_statement": list(quote.same_statement.for_listing().chronological())
        if quote.has_same_statement
        else [],
        "relayed_by": list(quote.relayed_by.order_by("name")) if quote.has_relays else [],
        "citation": citations.cite_quote(quote, url),
        "share_url": url,
        "card_download": f"{card_path('quotes', slug)}?download",
        "embed_code": embed_code(request, quote),
    }
    return render(request, "archive/quote_detail.html", context)
