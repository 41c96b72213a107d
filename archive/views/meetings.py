from django import forms
from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from .. import citations, graphics, seo
from ..models import Meeting, Participation
from .common import group_by

PUTIN_KIM = "putin-kim"
OTHER = "other"


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
    meeting = get_object_or_404(Meeting, slug=slug)
    participations = list(
        Participation.objects.filter(meeting=meeting).select_related("person").order_by("position")
    )
    quotes = list(meeting.quotes.with_sources().chronological())
    articles = list(
        meeting.articles.with_outlet().prefetch_related("authors").order_by("outlet__name", "slug")
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
        ),
        "meeting": meeting,
        "sides": group_by(participations, key=lambda p: p.side_name or "Side not given"),
        "quotes_by_speaker": group_by(quotes, key=lambda quote: quote.speaker),
        "articles_by_outlet": group_by(articles, key=lambda article: article.outlet),
        "previous": Meeting.objects.filter(
            Q(start__lt=meeting.start) | Q(start=meeting.start, slug__lt=meeting.slug)
        )
        .order_by("-start", "-slug")
        .first(),
        "next": Meeting.objects.chronological()
        .filter(Q(start__gt=meeting.start) | Q(start=meeting.start, slug__gt=meeting.slug))
        .first(),
        "map": graphics.locator_map(meeting, Meeting.objects.located()),
        "citation": citations.cite_meeting(meeting, url),
        "share_url": url,
    }
    return render(request, "archive/meeting_detail.html", context)
