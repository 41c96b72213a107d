"""The search's part of the OpenAPI document at /api/openapi.json (archive/api/openapi.py):
/search.json and /search/jump.json, their parameters read off the search form, and their
schemas. Added by SearchConfig.ready(): the archive's document does not import the search app."""

from archive.api.openapi import error, json_content
from archive.api.openapi_parameters import query_parameters
from archive.api.openapi_schemas import (
    BOOLEAN,
    LINKS,
    PERSON_SUMMARY,
    SLUG,
    STRING,
    TEXT,
    URI,
    array,
    nullable,
    obj,
    ref,
)

from .forms import SearchForm

SEARCH_PARAMETERS = query_parameters(
    SearchForm(),
    {
        "q": 'Words (all must match), "a phrase", -word to leave out, OR.',
        "speaker": "Only quotes by this person (slug).",
        "meeting": "Only results about this meeting (slug).",
        "outlet": "Only results from this outlet (slug).",
        "exact": "true: search the words as typed, never replaced by a correction.",
    },
)


PATHS = {
    "/search.json": {
        "get": {
            "summary": "Search quotes, articles, meetings and people: the search page as JSON",
            "tags": ["Search"],
            "parameters": SEARCH_PARAMETERS,
            "responses": {
                "200": {"description": "Results", "content": json_content(ref("SearchPage"))},
                "400": error("A parameter other than q is not valid."),
                "404": error("No such page of results."),
                "503": error("The search index is unavailable; browsing still works."),
            },
        }
    },
    "/search/jump.json": {
        "get": {
            "summary": "Jump to: the people, meetings and outlets whose names fit what is typed",
            "tags": ["Search"],
            "parameters": [
                {
                    "name": "q",
                    "in": "query",
                    "required": False,
                    "description": "What the reader has typed so far; every word must start a "
                    "word of the name (fewer than 2 letters: no results).",
                    "schema": {"type": "string"},
                }
            ],
            "responses": {
                "200": {"description": "Up to 8 records", "content": json_content(ref("JumpList"))},
            },
        }
    },
}

SCHEMAS = {
    "SearchPage": obj(
        {
            "query": {**STRING, "description": "The words searched for, as cleaned."},
            "filters": {
                "type": "object",
                "description": 'The facet filters applied, e.g. {"speaker": "kim-jong-un"}.',
                "additionalProperties": STRING,
            },
            "sort": {"type": "string", "enum": ["relevance", "newest", "oldest"]},
            "notices": {
                **array(STRING),
                "description": "What was done to the query, e.g. words left out.",
            },
            "correction": nullable(ref("SearchCorrection")),
            "people": {
                **array(ref("PersonCard")),
                "description": "The people the query names (in any spelling, or a surname).",
            },
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "num_pages": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1},
            "first": URI,
            "last": URI,
            "next": nullable(URI),
            "previous": nullable(URI),
            "facets": {
                "type": "object",
                "description": "For each facet, its values with the number of results.",
                "additionalProperties": array(
                    obj({"value": STRING, "count": {"type": "integer", "minimum": 0}})
                ),
            },
            "results": array(ref("SearchResult")),
        }
    ),
    "SearchCorrection": obj(
        {
            "query": {**STRING, "description": "The query with misspelled words corrected."},
            "original": {**STRING, "description": "The query as typed."},
            "applied": {
                **BOOLEAN,
                "description": "True: the typed query found nothing and these results are the "
                'corrected query\'s. False: only offered (a "Did you mean").',
            },
            "url": {
                **URI,
                "description": "The corrected search when offered; the search as typed, "
                "without correction, when applied.",
            },
        }
    ),
    "PersonCard": obj(
        {**PERSON_SUMMARY, "bio_html": {**TEXT, "description": "The biography as HTML."}}
    ),
    "JumpList": obj(
        {
            "query": {**STRING, "description": "What was typed."},
            "results": array(
                obj(
                    {
                        "type": {"type": "string", "enum": ["person", "meeting", "outlet"]},
                        "name": STRING,
                        "detail": {**TEXT, "description": "A country, a date or a kind."},
                        "url": {**STRING, "description": "The record's page (a path)."},
                    }
                )
            ),
        }
    ),
    "SearchResult": obj(
        {
            "type": {"type": "string", "enum": ["quote", "article", "meeting", "person"]},
            "slug": SLUG,
            "title": STRING,
            "date_display": STRING,
            "snippet_html": nullable(
                {**STRING, "description": "Escaped text with the matched words in <em>."}
            ),
            **LINKS,
        }
    ),
}
