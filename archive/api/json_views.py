"""The JSON twin of every list and detail page: `/meetings.json`, `/meetings/<slug>.json`, …"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Article, Outlet, Participation, Person, Quote
from ..views.articles import article_page
from ..views.meetings import meeting_page
from ..views.outlets import outlet_page
from ..views.people import person_page
from .filters import SLUG, filtered_meetings, filtered_quotes
from .http import json_endpoint, json_response
from .pagination import paginate
from .serializers import Serializer

PARTICIPANTS = Prefetch("participations", queryset=Participation.objects.select_related("person"))
ARTICLES_WITH_AUTHORS = Article.objects.prefetch_related("authors")


def valid_slug(slug):
    # Anything that cannot be a slug is simply not found, and never reaches the database.
    if not SLUG.fullmatch(slug):
        raise Http404("No record has this address.")
    return slug


def get_record(queryset, slug):
    return get_object_or_404(queryset, slug=valid_slug(slug))


def _page(request, queryset, serialize):
    serializer = Serializer(request)
    return json_response(paginate(request, queryset, serialize(serializer), serializer.base))


@json_endpoint
def meeting_list(request):
    meetings = filtered_meetings(request.GET).prefetch_related(PARTICIPANTS)
    return _page(request, meetings, lambda s: s.meeting_summary)


@json_endpoint
def meeting_detail(request, slug):
    return json_response(Serializer(request).meeting(meeting_page(valid_slug(slug), for_json=True)))


@json_endpoint
def person_list(request):
    return _page(request, Person.objects.leaders_first(), lambda s: s.person_summary)


@json_endpoint
def person_detail(request, slug):
    return json_response(Serializer(request).person(person_page(valid_slug(slug), for_json=True)))


@json_endpoint
def outlet_list(request):
    return _page(request, Outlet.objects.all(), lambda s: s.outlet_summary)


@json_endpoint
def outlet_detail(request, slug):
    return json_response(Serializer(request).outlet(outlet_page(valid_slug(slug), for_json=True)))


@json_endpoint
def article_list(request):
    return _page(request, ARTICLES_WITH_AUTHORS.newest_first(), lambda s: s.article_summary)


@json_endpoint
def article_detail(request, slug):
    page = article_page(valid_slug(slug), for_json=True)
    return json_response(Serializer(request).article(page))


@json_endpoint
def quote_list(request):
    return _page(request, filtered_quotes(request.GET), lambda s: s.quote_summary)


@json_endpoint
def quote_detail(request, slug):
    quote = get_record(Quote.objects.with_sources(), slug)
    serializer = Serializer(request)
    return json_response(
        serializer.quote(quote, same_statement=quote.same_statement.with_sources().chronological())
    )
