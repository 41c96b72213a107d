"""The link-preview card of each record as a PNG (archive/cards).

A card is drawn once per data version and kept in the cache. Pages link it with the version in
the query string (`card.png?v=<version>`): that address never changes its picture, so it is
cached for a year; the same address without it (or with an old version) is cached briefly.
"""

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from archive import freshness

from .. import cards, catalogue
from ..cards.fonts import FontsMissing
from ..models import Article, Meeting, Outlet, Participation, Person, Quote
from .common import find_or_404

YEAR = 365 * 24 * 3600


def card_path(kind, slug=None):
    """The card's address for a page: /<kind>/<slug>/card.png, /card.png for the site."""
    return f"/{kind}/{slug}/card.png" if slug else "/card.png"


def card_query():
    return f"?v={freshness.current_version().tag}"


def _card_response(request, name, draw):
    version = freshness.current_version()
    cache = caches[settings.PAGE_CACHE_ALIAS]
    key = f"card:{version.tag}:{name}"
    png = cache.get(key)
    if png is None:
        try:
            png = draw().png()
        except FontsMissing as error:
            return HttpResponse(f"{error}\n", status=503, content_type="text/plain; charset=utf-8")
        cache.set(key, png, settings.PAGE_CACHE_SECONDS or None)
    response = HttpResponse(png, content_type="image/png")
    response["ETag"] = version.etag
    if request.GET.get("v") == version.tag:
        response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response["Cache-Control"] = f"public, max-age={settings.CACHE_MAX_AGE}"
    if "download" in request.GET:
        response["Content-Disposition"] = f'attachment; filename="{name.replace(":", "-")}.png"'
    return response


def meeting_card(request, slug):
    meeting = find_or_404(Meeting, slug)
    participants = [
        participation.person
        for participation in Participation.objects.filter(meeting=meeting).order_by("position")
    ]
    located = [m for m in catalogue.current().all(Meeting) if m.has_coordinates]
    return _card_response(
        request, f"meeting:{slug}", lambda: cards.meeting_card(meeting, participants, located)
    )


def person_card(request, slug):
    person = find_or_404(Person, slug)
    return _card_response(
        request, f"person:{slug}", lambda: cards.person_card(person, list(person.roles.all()))
    )


def outlet_card(request, slug):
    outlet = find_or_404(Outlet, slug)
    return _card_response(request, f"outlet:{slug}", lambda: cards.outlet_card(outlet))


def article_card(request, slug):
    article = get_object_or_404(Article, slug=slug)
    return _card_response(
        request,
        f"article:{slug}",
        lambda: cards.article_card(article, list(article.authors.all())),
    )


def quote_card(request, slug):
    quote = get_object_or_404(Quote.objects.with_sources(), slug=slug)
    return _card_response(request, f"quote:{slug}", lambda: cards.quote_card(quote))


def site_card(request):
    return _card_response(request, "summit-archive", cards.site_card)


def site_card_alt():
    return cards.SITE_ALT
