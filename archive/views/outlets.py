from django.db.models import Count
from django.shortcuts import render

from .. import cards, seo
from ..models import Outlet, Quote
from ..querysets import Bounded
from .cards import card_path
from .common import find_or_404, listed_briefly, listed_in_full

# An outlet page lists its newest articles and quotations; the lists link to the rest.
ARTICLES_SHOWN = 50
QUOTES_SHOWN = 20


def outlet_list(request):
    outlets = Outlet.objects.annotate(article_count=Count("articles")).order_by("name")
    description = "The news agencies, newspapers, journals and official sites the archive draws on."
    context = {
        "meta": seo.list_page_meta(request, "Outlets", description),
        "outlets": outlets,
    }
    return render(request, "archive/outlet_list.html", context)


def outlet_page(slug, *, for_json=False):
    """What an outlet's page shows, bounded as the page bounds it: the page and its JSON twin
    (archive.api.json_views) are built from this one dict."""
    outlet = find_or_404(Outlet, slug)
    shown = listed_in_full if for_json else listed_briefly
    return {
        "outlet": outlet,
        "articles": Bounded(shown(outlet.articles).newest_first(), ARTICLES_SHOWN),
        "quotes_taken": Bounded(
            shown(Quote.objects.taken_from_outlet(outlet)).newest_first(), QUOTES_SHOWN
        ),
        "quotes_carried": Bounded(shown(outlet.quotes_first_carried).newest_first(), QUOTES_SHOWN),
    }


def outlet_detail(request, slug):
    context = outlet_page(slug)
    outlet = context["outlet"]
    description = seo.plain_text(outlet.description_html, words=30)
    context["meta"] = seo.page_meta(
        request,
        outlet.name,
        description or f"{outlet.name}: its articles and the quotations taken from them.",
        jsonld=seo.outlet_jsonld(request, outlet),
        card=(card_path("outlets", slug), cards.outlet_alt(outlet)),
    )
    return render(request, "archive/outlet_detail.html", context)
