"""The JSON twin of every list and detail page: `/meetings.json`, `/meetings/<slug>.json`, …"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Article, Meeting, Outlet, Participation, Person, Quote
from .filters import SLUG, filtered_meetings, filtered_quotes
from .http import json_endpoint, json_response
from .pagination import paginate
from .serializers import Serializer

PARTICIPANTS = Prefetch("participations", queryset=Participation.objects.select_related("person"))
ARTICLES_WITH_AUTHORS = Article.objects.prefetch_related("authors")


def get_record(queryset, slug):
    # Anything that cannot be a slug is simply not found, and never reaches the database.
    if not SLUG.fullmatch(slug):
        raise Http404("No record has this address.")
    return get_object_or_404(queryset, slug=slug)


def _page(request, queryset, serialize):
    serializer = Serializer(request)
    return json_response(paginate(request, queryset, serialize(serializer), serializer.base))


@json_endpoint
def meeting_list(request):
    meetings = filtered_meetings(request.GET).prefetch_related(PARTICIPANTS)
    return _page(request, meetings, lambda s: s.meeting_summary)


@json_endpoint
def meeting_detail(request, slug):
    meeting = get_record(Meeting.objects.prefetch_related(PARTICIPANTS), slug)
    serializer = Serializer(request)
    return json_response(
        serializer.meeting(
            meeting,
            quotes=Quote.objects.with_sources().said_at(meeting).chronological(),
            articles=meeting.articles.newest_first(),
        )
    )


@json_endpoint
def person_list(request):
    return _page(request, Person.objects.leaders_first(), lambda s: s.person_summary)


@json_endpoint
def person_detail(request, slug):
    person = get_record(Person.objects.prefetch_related("roles"), slug)
    serializer = Serializer(request)
    return json_response(
        serializer.person(
            person,
            meetings=person.meetings.chronological(),
            quotes=Quote.objects.with_sources().by_speaker(person).newest_first(),
            articles_written=person.articles_written.newest_first(),
            articles_mentioning=person.articles_mentioning.newest_first(),
        )
    )


@json_endpoint
def outlet_list(request):
    return _page(request, Outlet.objects.all(), lambda s: s.outlet_summary)


@json_endpoint
def outlet_detail(request, slug):
    outlet = get_record(Outlet, slug)
    serializer = Serializer(request)
    return json_response(
        serializer.outlet(
            outlet,
            articles=outlet.articles.newest_first(),
            quotes=Quote.objects.with_sources().taken_from_outlet(outlet).chronological(),
        )
    )


@json_endpoint
def article_list(request):
    return _page(request, ARTICLES_WITH_AUTHORS.newest_first(), lambda s: s.article_summary)


@json_endpoint
def article_detail(request, slug):
    article = get_record(
        ARTICLES_WITH_AUTHORS.prefetch_related("meetings", "people_mentioned"), slug
    )
    serializer = Serializer(request)
    return json_response(
        serializer.article(article, quotes=article.quotes.with_sources().chronological())
    )


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
