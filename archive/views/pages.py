from django.conf import settings
from django.db.models import Count
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render

from .. import graphics, seo
from ..models import Article, Meeting, Outlet, Person, Quote


def home(request):
    meetings = list(Meeting.objects.chronological())
    putin_kim = [meeting for meeting in meetings if meeting.is_putin_kim]
    counts = {
        "meetings": len(meetings),
        "people": Person.objects.count(),
        "outlets": Outlet.objects.count(),
        "articles": Article.objects.count(),
        "quotes": Quote.objects.count(),
    }
    outlets = Outlet.objects.annotate(article_count=Count("articles")).order_by("name")
    context = {
        "meta": seo.page_meta(
            request, seo.SITE_NAME, seo.SITE_DESCRIPTION, jsonld=seo.website_jsonld(request)
        ),
        "putin_kim_meetings": putin_kim,
        "other_meetings": [meeting for meeting in meetings if not meeting.is_putin_kim],
        "timeline": graphics.timeline(putin_kim),
        "leaders": Person.objects.leaders().annotate(
            meeting_count=Count("participations", distinct=True),
            quote_count=Count("quotes", distinct=True),
        ),
        "outlets": outlets,
        "counts": counts,
    }
    return render(request, "archive/home.html", context)


def about(request):
    title = "About the archive"
    description = (
        "How Summit Archive is built and the rules it keeps: verbatim, attributed quotations, "
        "summaries in our own words, and nothing the sources do not say."
    )
    meta = seo.page_meta(
        request,
        title,
        description,
        jsonld=seo.collection_jsonld(request, title, description, page_type="AboutPage"),
    )
    # Notes on records cite the source documents by number, "(002)": the page says which is which.
    source_documents = Article.objects.whole_documents().prefetch_related("authors")
    return render(
        request, "archive/about.html", {"meta": meta, "source_documents": source_documents}
    )


def favicon(request):
    # Browsers ask for /favicon.ico whatever a page links. The unhashed address, so the redirect
    # stays right when the icon changes.
    return HttpResponsePermanentRedirect(f"{settings.STATIC_URL}img/favicon.svg")
