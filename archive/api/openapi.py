"""The OpenAPI 3.1 description of the JSON endpoints, built here and served at /api/openapi.json.

Written as data so that it reads like the views it describes; the schemas are in openapi_schemas.
tests/test_api_openapi.py keeps it honest: every `.json` route is described here and every
description has a route, and every response the tests receive validates against its schema.
"""

from django.urls import reverse

from ..forms import MeetingFilterForm, QuoteFilters
from .http import site_base
from .openapi_oembed import OEMBED_OPERATION
from .openapi_parameters import query_parameters
from .openapi_schemas import SCHEMAS, SLUG, ref
from .pagination import PAGE_SIZE


def json_content(schema):
    return {"application/json": {"schema": schema}}


def error(description):
    return {"description": description, "content": json_content(ref("Error"))}


PAGE_PARAMETER = {
    "name": "page",
    "in": "query",
    "required": False,
    "description": f"Page number, {PAGE_SIZE} records a page. A page that does not exist is a 404.",
    "schema": {"type": "integer", "minimum": 1},
}
SLUG_PARAMETER = {"name": "slug", "in": "path", "required": True, "schema": SLUG}


def slug_filter(name, description):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": f"{description} An unknown slug is a 400.",
        "schema": SLUG,
    }


QUOTE_FILTER_PARAMETERS = query_parameters(
    QuoteFilters(),
    {
        "speaker": "Only quotes by this person. An unknown slug is a 400.",
        "meeting": "Only quotes said at this meeting. An unknown slug is a 400.",
        "outlet": "Only quotes taken from this outlet's articles. An unknown slug is a 400.",
        "year": "Only quotes said in this year.",
    },
)
MEETING_FILTER_PARAMETERS = query_parameters(
    MeetingFilterForm(None, years=[]),
    {
        "kind": "putin-kim, other, or one kind of meeting.",
        "year": "Only meetings that started in this year (a year with meetings, or 400).",
    },
)


def list_operation(summary, page_schema, tag, filters=()):
    responses = {
        "200": {"description": summary, "content": json_content(ref(page_schema))},
        "404": error("No such page."),
    }
    if filters:
        responses["400"] = error("A filter's value is not valid.")
    return {
        "get": {
            "summary": summary,
            "tags": [tag],
            "parameters": [PAGE_PARAMETER, *filters],
            "responses": responses,
        }
    }


def detail_operation(summary, schema, tag):
    return {
        "get": {
            "summary": summary,
            "tags": [tag],
            "parameters": [SLUG_PARAMETER],
            "responses": {
                "200": {"description": summary, "content": json_content(ref(schema))},
                "404": error("No record has this slug."),
            },
        }
    }


PATHS = {
    "/meetings.json": list_operation(
        "Meetings, oldest first", "MeetingPage", "Meetings", MEETING_FILTER_PARAMETERS
    ),
    "/meetings/{slug}.json": detail_operation(
        "A meeting, with its quotes and the articles covering it", "Meeting", "Meetings"
    ),
    "/people.json": list_operation("People, leaders first", "PersonPage", "People"),
    "/people/{slug}.json": detail_operation(
        "A person, with their roles, meetings, quotes and articles", "Person", "People"
    ),
    "/outlets.json": list_operation("Outlets", "OutletPage", "Outlets"),
    "/outlets/{slug}.json": detail_operation(
        "An outlet, with its articles and the quotes taken from them", "Outlet", "Outlets"
    ),
    "/articles.json": list_operation("Articles, newest first", "ArticlePage", "Articles"),
    "/articles/{slug}.json": detail_operation(
        "An article, with the meetings it covers and the quotes taken from it",
        "Article",
        "Articles",
    ),
    "/quotes.json": list_operation(
        "Quotes, newest first", "QuotePage", "Quotes", QUOTE_FILTER_PARAMETERS
    ),
    "/quotes/{slug}.json": detail_operation(
        "A quote, with its speaker and chain of sources", "Quote", "Quotes"
    ),
    # oEmbed (https://oembed.com) for quotes and meetings: archive/views/embed.py.
    "/oembed": OEMBED_OPERATION,
    "/api/openapi.json": {
        "get": {
            "summary": "This description",
            "tags": ["API"],
            "responses": {
                "200": {
                    "description": "The OpenAPI document",
                    "content": json_content({"type": "object"}),
                }
            },
        }
    },
}


def describe(paths, schemas):
    """Add another app's endpoints to the document: the search app describes its own
    (search/openapi.py, from its AppConfig.ready()), so the archive never imports search."""
    PATHS.update(paths)
    SCHEMAS.update(schemas)


def openapi_document(request):
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Summit Archive API",
            "version": "1.0.0",
            "summary": "Read-only JSON for every page of the Summit Archive.",
            "description": (
                "Every page of the archive has a JSON twin at the same address with `.json` "
                "in place of the trailing slash. Records link to each other with absolute `url` "
                "(the page) and `json_url` addresses. Dates carry their precision. Only GET, HEAD "
                "and OPTIONS are answered; CORS allows any origin. Human documentation: "
                f"{site_base(request)}{reverse('api:data')}"
            ),
        },
        "servers": [{"url": site_base(request)}],
        "paths": PATHS,
        "components": {"schemas": SCHEMAS},
    }
