from django.db.models import Count
from django.shortcuts import render

from .. import cards, seo
from ..models import Outlet, Quote
from ..querysets import Bounded
from .cards import card_path
from .common import find_or_404

# An outlet page lists its newest articles and quotations; the lists link to the rest.
ARTICLES_SHOWN = 50
QUOTES_SHOWN = 20


def outlet_list(request):
    outlets = Outlet.objects.annotate(article_count=Count("articles")).order_by("name")
    description = "The news agencies, newspapers, journals and official sites the archive draws on."
    context = {
        "meta": seo.page_meta(
            request,
            "Outlets",
            description,
            jsonld=seo.collection_jsonld(request, "Outlets", description),
        ),
        "outlets": outlets,
    }
    return render(request, "archive/outlet_list.html", context)


def outlet_detail(request, slug):
    outlet = find_or_404(Outlet, slug)
    articles = Bounded(outlet.articles.for_listing().newest_first(), ARTICLES_SHOWN)
    quotes_taken = Bounded(
        Quote.objects.taken_from_outlet(outlet).for_listing().newest_first(), QUOTES_SHOWN
    )
    quotes_carried = Bounded(outlet.quotes_first_carried.for_listing().newest_first(), QUOTES_SHOWN)
    description = seo.plain_text(outlet.description_html, words=30)
    context = {
        "meta": seo.page_meta(
            request,
            outlet.name,
            description or f"{outlet.name}: its articles and the quotations taken from them.",
            jsonld=seo.outlet_jsonld(request, outlet),
            card=(card_path("outlets", slug), cards.outlet_alt(outlet)),
        ),
        "outlet": outlet,
        "articles": articles,
        "quotes_taken": quotes_taken,
        "quotes_carried": quotes_carried,
    }
    return render(request, "archive/outlet_detail.html", context)
