"""`data_alternates`: the JSON twin, CSV and feeds of the page being rendered.

base.html turns them into <link rel="alternate"> tags (templates/api/_alternates.html), so every
page announces its data without each template having to.
"""

import functools

from django.urls import get_script_prefix, reverse

from .http import site_base

JSON = "application/json"
CSV = "text/csv"
ATOM = "application/atom+xml"
RSS = "application/rss+xml"

# Browse page -> (JSON twin route, CSV route or None, feed route or None).
DATA_OF_PAGE = {
    "archive:home": (None, None, None),
    "archive:meeting_list": ("api:meeting_list", "api:meeting_csv", None),
    "archive:meeting": ("api:meeting", None, "api:feed_meeting"),
    "archive:person_list": ("api:person_list", None, None),
    "archive:person": ("api:person", None, "api:feed_person"),
    "archive:outlet_list": ("api:outlet_list", None, None),
    "archive:outlet": ("api:outlet", None, "api:feed_outlet"),
    "archive:article_list": ("api:article_list", None, "api:feed_articles"),
    "archive:article": ("api:article", None, None),
    "archive:quote_list": ("api:quote_list", "api:quote_csv", "api:feed_quotes"),
    "archive:quote": ("api:quote", None, None),
}

SITE_FEEDS = [("api:feed_articles", "newest articles"), ("api:feed_quotes", "newest quotes")]


def _path(route, **kwargs):
    return _cached_reverse(route, tuple(sorted(kwargs.items())), get_script_prefix())


@functools.lru_cache(maxsize=4096)
def _cached_reverse(route, kwargs, script_prefix):
    # Every page names three to six of these; reverse() was a tenth of a small page's time.
    return reverse(route, kwargs=dict(kwargs))


def _feed_links(base, route, kwargs, what):
    return [
        {
            "type": ATOM,
            "title": f"{what} (Atom)",
            "href": base + _path(route, **kwargs, feed_format="atom"),
        },
        {
            "type": RSS,
            "title": f"{what} (RSS)",
            "href": base + _path(route, **kwargs, feed_format="rss"),
        },
    ]


def alternates(request):
    """The data links of a browse page. The search page names its own (search.views), being
    the search app's."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in DATA_OF_PAGE:
        return {"data_alternates": []}
    json_route, csv_route, feed_route = DATA_OF_PAGE[match.view_name]
    base = site_base(request)
    links = []
    if json_route:
        links.append(
            {
                "type": JSON,
                "title": "This page as JSON",
                "href": base + _path(json_route, **match.kwargs),
            }
        )
    if csv_route:
        links.append({"type": CSV, "title": "This list as CSV", "href": base + _path(csv_route)})
    if feed_route:
        links += _feed_links(base, feed_route, match.kwargs, "Feed of this page")
    if match.view_name == "archive:home":
        for route, what in SITE_FEEDS:
            links += _feed_links(base, route, {}, f"Summit Archive: {what}")
    return {"data_alternates": links}
