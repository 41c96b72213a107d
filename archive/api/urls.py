"""Data-out addresses. Permanent, like the pages: tests request them literally.

Every page has a JSON twin at the same address with `.json` in place of the trailing slash
(`/meetings/<slug>/` → `/meetings/<slug>.json`).
"""

from django.urls import path, register_converter

from . import csv_export, feeds, json_views, sitemaps, views
from .http import read_only


class FeedFormatConverter:
    regex = "atom|rss"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class AnyRecordConverter:
    """Anything between slashes, so that `/quotes/<not a slug>.json` still reaches the JSON view
    and gets a JSON 404 rather than the HTML one."""

    regex = "[^/]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FeedFormatConverter, "feed_format")
register_converter(AnyRecordConverter, "record")


def feed_view(feed_class):
    """One view for both formats of a feed: `….atom` and `….rss`."""
    feeds_by_format = {feed_format: feed_class(feed_format) for feed_format in feeds.FEED_TYPES}

    def view(request, feed_format, **kwargs):
        return feeds_by_format[feed_format](request, **kwargs)

    view.__name__ = f"{feed_class.__name__}_view"
    return read_only(view)


app_name = "api"

urlpatterns = [
    # JSON twins of the browse pages.
    path("meetings.json", json_views.meeting_list, name="meeting_list"),
    path("meetings/<record:slug>.json", json_views.meeting_detail, name="meeting"),
    path("people.json", json_views.person_list, name="person_list"),
    path("people/<record:slug>.json", json_views.person_detail, name="person"),
    path("outlets.json", json_views.outlet_list, name="outlet_list"),
    path("outlets/<record:slug>.json", json_views.outlet_detail, name="outlet"),
    path("articles.json", json_views.article_list, name="article_list"),
    path("articles/<record:slug>.json", json_views.article_detail, name="article"),
    path("quotes.json", json_views.quote_list, name="quote_list"),
    path("quotes/<record:slug>.json", json_views.quote_detail, name="quote"),
    # CSV for spreadsheets.
    path("quotes.csv", csv_export.quotes_csv, name="quote_csv"),
    path("meetings.csv", csv_export.meetings_csv, name="meeting_csv"),
    # Feeds.
    path(
        "feeds/articles.<feed_format:feed_format>",
        feed_view(feeds.NewArticlesFeed),
        name="feed_articles",
    ),
    path(
        "feeds/quotes.<feed_format:feed_format>",
        feed_view(feeds.NewQuotesFeed),
        name="feed_quotes",
    ),
    path(
        "feeds/people/<slug:slug>.<feed_format:feed_format>",
        feed_view(feeds.PersonFeed),
        name="feed_person",
    ),
    path(
        "feeds/meetings/<slug:slug>.<feed_format:feed_format>",
        feed_view(feeds.MeetingFeed),
        name="feed_meeting",
    ),
    path(
        "feeds/outlets/<slug:slug>.<feed_format:feed_format>",
        feed_view(feeds.OutletFeed),
        name="feed_outlet",
    ),
    # For crawlers.
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    # For people and for API clients.
    path("api/openapi.json", views.openapi_json, name="openapi"),
    path("data/", views.data_page, name="data"),
]
