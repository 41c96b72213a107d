"""Absolute addresses of records, built from one reverse() per route and request.

A large export or list names tens of thousands of records; calling reverse() (through
get_absolute_url) for each one cost more than reading them from the database. The route is
reversed once with a placeholder and the slug put in its place, giving the same address.
"""

from django.urls import reverse

PLACEHOLDER = "slug-placeholder"

PAGE_ROUTES = {
    "meeting": "archive:meeting",
    "person": "archive:person",
    "outlet": "archive:outlet",
    "article": "archive:article",
    "quote": "archive:quote",
}
JSON_ROUTES = {kind: f"api:{kind}" for kind in PAGE_ROUTES}


class Addresses:
    def __init__(self, base=""):
        self.base = base
        self._split = {}

    def _path(self, route, slug):
        if route not in self._split:
            self._split[route] = reverse(route, args=[PLACEHOLDER]).split(PLACEHOLDER)
        prefix, suffix = self._split[route]
        return f"{self.base}{prefix}{slug}{suffix}"

    def page(self, kind, slug):
        """The record's page: /quotes/<slug>/, absolute when a base was given."""
        return self._path(PAGE_ROUTES[kind], slug)

    def json(self, kind, slug):
        """The record's JSON twin: /quotes/<slug>.json."""
        return self._path(JSON_ROUTES[kind], slug)
