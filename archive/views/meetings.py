import functools

from django import forms
from django.http import Http404
from django.shortcuts import render

from summit import freshness

from .. import cards, catalogue, citations, graphics, scholar, seo
from ..models import Meeting, Participation
from ..querysets import Bounded
from .cards import card_path
from .common import group_by
from .embed import oembed_discovery

PUTIN_KIM = "putin-kim"
OTHER = "other"
# A meeting page shows this many of its quotations (in the order said); the rest are a link away.
QUOTES_SHOWN = 50
ARTICLES_SHOWN = 50


class MeetingFilterForm(forms.Form):
    """The chronology's filters, read from the query string."""

    kind = forms.ChoiceField(
        required=False,
        label="Kind",
        choices=[
            ("", "All meetings"),
            (PUTIN_KIM, "Putin–Kim meetings"),
            (OTHER, "Other meetings"),
            *Meeting.Kind.choices,
        ],
    )
    year = forms.TypedChoiceField(required=False, label="Year", coerce=int, empty_value=None)

    def __init__(self, data, years):
        super().__init__(data)
        self.fields["year"].choices = [("", "Any year"), *((y, str(y)) for y in years)]

    def filter(self, meetings):
        kind = self.cleaned_data.get("kind")
        if kind == PUTIN_KIM:
            meetings = meetings.putin_kim()
        elif kind == OTHER:
            meetings = meetings.others()
        elif kind:
            meetings = meetings.filter(kind=kind)
        if self.cleaned_data.get("year"):
            meetings = meetings.in_year(self.cleaned_data["year"])
        return meetings


def meeting_list(request):
    form = MeetingFilterForm(request.GET, years=Meeting.objects.years())
    meetings = Meeting.objects.chronological()
    status = 200
    if form.is_valid():
        meetings = form.filter(meetings)
        filtered = any(form.cleaned_data.values())
    else:
        # A hand-edited or stale address: say what was wrong and show nothing rather than guess.
        meetings = meetings.none()
        filtered = True
        status = 400
    description = (
        "Every meeting in the archive in date order: the Putin–Kim summits and the visits, calls "
        "and sideline meetings around them."
    )
    context = {
        "meta": seo.page_meta(
            request,
            "Meetings",
            description,
            path="/meetings/",
            jsonld=seo.collection_jsonld(request, "Meetings", description),
        ),
        "form": form,
        "meetings": meetings,
        "filtered": filtered,
    }
    return render(request, "archive/meeting_list.html", context, status=status)


def meeting_detail(request, slug):
    # Every meeting, from the catalogue: the page's own record, its neighbours in time and the
    # places on its map all come from this short list (dozens of meetings, curated by hand).
    meetings = catalogue.current().all(Meeting)
    position = next((i for i, meeting in enumerate(meetings) if meeting.slug == slug), None)
    if position is None:
        raise Http404("No such meeting")
    meeting = meetings[position]
    participations = list(Participation.objects.filter(meeting=meeting).order_by("position"))
    quotes = Bounded(meeting.quotes.for_listing().chronological(), QUOTES_SHOWN)
    articles = Bounded(
        meeting.articles.for_listing().order_by("outlet__name", "slug"), ARTICLES_SHOWN
    )
    url = seo.absolute(request, meeting.get_absolute_url())
    context = {
        "meta": seo.page_meta(
            request,
            meeting.title,
            f"{meeting.date_display}, {meeting.place_display}. "
            + (seo.plain_text(meeting.summary_html, words=30) or ""),
            og_type="article",
            jsonld=seo.meeting_jsonld(request, meeting, participations),
            card=(
                card_path("meetings", slug),
                cards.meeting_alt(meeting, [p.person for p in participations]),
            ),
            citation_tags=scholar.meeting_tags(meeting, url),
            oembed=oembed_discovery(request, url),
        ),
        "meeting": meeting,
        "sides": group_by(participations, key=lambda p: p.side_name or "Side not given"),
        "quotes_shown": quotes,
        "quotes_by_speaker": group_by(quotes, key=lambda quote: quote.speaker),
        "articles_shown": articles,
        "articles_by_outlet": group_by(articles, key=lambda article: article.outlet),
        "previous": meetings[position - 1] if position > 0 else None,
        "next": meetings[position + 1] if position + 1 < len(meetings) else None,
        # Drawn only when the cached drawing for this version of the data is missing.
        "map": functools.partial(
            graphics.locator_map, meeting, [m for m in meetings if m.has_coordinates]
        ),
        "data_version": freshness.current_version().tag,
        "citation": citations.cite_meeting(meeting, url),
        "share_url": url,
    }
    return render(request, "archive/meeting_detail.html", context)
