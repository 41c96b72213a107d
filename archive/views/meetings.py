import functools

from django.http import Http404
from django.shortcuts import render

from archive import freshness

from .. import cards, catalogue, citations, graphics, scholar, seo
from ..forms import MeetingFilterForm
from ..models import Meeting, Participation
from ..querysets import Bounded
from .cards import card_path
from .common import group_by, listed_briefly, listed_in_full
from .embed import oembed_discovery

# A meeting page shows this many of its quotations (in the order said); the rest are a link away.
QUOTES_SHOWN = 50
ARTICLES_SHOWN = 50


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
        "meta": seo.list_page_meta(request, "Meetings", description, path="/meetings/"),
        "form": form,
        "meetings": meetings,
        "filtered": filtered,
    }
    return render(request, "archive/meeting_list.html", context, status=status)


def meeting_page(slug, *, for_json=False):
    """What a meeting's page shows, bounded as the page bounds it: the page and its JSON twin
    (archive.api.json_views) are built from this one dict."""
    # Every meeting, from the catalogue: the page's own record, its neighbours in time and the
    # places on its map all come from this short list (dozens of meetings, curated by hand).
    meetings = catalogue.current().all(Meeting)
    position = next((i for i, meeting in enumerate(meetings) if meeting.slug == slug), None)
    if position is None:
        raise Http404("No such meeting")
    meeting = meetings[position]
    shown = listed_in_full if for_json else listed_briefly
    return {
        "meeting": meeting,
        "meetings": meetings,
        "participations": list(Participation.objects.filter(meeting=meeting).order_by("position")),
        "quotes_shown": Bounded(shown(meeting.quotes).chronological(), QUOTES_SHOWN),
        "articles_shown": Bounded(
            shown(meeting.articles).order_by("outlet__name", "slug"), ARTICLES_SHOWN
        ),
        "previous": meetings[position - 1] if position > 0 else None,
        "next": meetings[position + 1] if position + 1 < len(meetings) else None,
    }


def meeting_detail(request, slug):
    context = meeting_page(slug)
    meeting, meetings = context["meeting"], context.pop("meetings")
    participations, quotes = context["participations"], context["quotes_shown"]
    url = seo.absolute(request, meeting.get_absolute_url())
    context.update(
        {
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
            "sides": group_by(participations, key=lambda p: p.side_name or "Side not given"),
            "quotes_by_speaker": group_by(quotes, key=lambda quote: quote.speaker),
            "articles_by_outlet": group_by(
                context["articles_shown"], key=lambda article: article.outlet
            ),
            # Drawn only when the cached drawing for this version of the data is missing.
            "map": functools.partial(
                graphics.locator_map, meeting, [m for m in meetings if m.has_coordinates]
            ),
            "data_version": freshness.current_version().tag,
            "citation": citations.cite_meeting(meeting, url),
            "share_url": url,
        }
    )
    return render(request, "archive/meeting_detail.html", context)
