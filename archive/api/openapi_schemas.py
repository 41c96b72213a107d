"""The JSON Schemas of the API's responses (OpenAPI 3.1 components), field for field as in
serializers.py. Objects allow no undeclared field, so a field added to a serializer and not here
fails the conformance tests (tests/test_api_openapi.py).
"""

from ..models import Meeting
from .pagination import PAGE_SIZE


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def obj(properties, description=None):
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def array(items):
    return {"type": "array", "items": items}


def shown(name, items, description):
    """A bounded list as the page shows it, and how many records there are in all."""
    return {
        name: {**array(items), "description": description},
        f"{name}_total": {"type": "integer", "minimum": 0, "description": "How many in all."},
    }


STRING = {"type": "string"}
TEXT = {"type": "string", "description": "May be empty."}
BOOLEAN = {"type": "boolean"}
URI = {"type": "string", "format": "uri"}
SLUG = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}
COUNTRY = nullable({"type": "string", "pattern": "^[A-Z]{2}$"})
NUMBER = nullable({"type": "number"})

SOURCE_PARAGRAPHS = {
    **array({"type": "string", "pattern": "^[0-9]{3}( ¶[0-9]+(–[0-9]+)?)?$"}),
    "description": "The source lines it was written from: '000 ¶20' is line 20 of document 000.",
}

LINKS = {
    "url": {**URI, "description": "The record's page."},
    "json_url": {**URI, "description": "This record as JSON."},
}

PERSON_REF = {"slug": SLUG, "name": STRING, **LINKS}
OUTLET_REF = {"slug": SLUG, "name": STRING, **LINKS}
MEETING_REF = {"slug": SLUG, "title": STRING, "start": ref("PartialDate"), **LINKS}
ARTICLE_REF = {
    "slug": SLUG,
    "title": STRING,
    "outlet": ref("OutletRef"),
    "published": nullable(ref("PartialDate")),
    **LINKS,
}

PERSON_SUMMARY = {
    "slug": SLUG,
    "name": {**STRING, "description": "The spelling the archive uses."},
    "aliases": {**array(STRING), "description": "Other spellings and scripts of the name."},
    "country": COUNTRY,
    "country_name": nullable(STRING),
    "is_leader": BOOLEAN,
    "is_organisation": BOOLEAN,
    **LINKS,
}
PERSON = {
    **PERSON_SUMMARY,
    "bio": {**TEXT, "description": "Markdown, our own words."},
    "bio_html": TEXT,
    "beyond_sources": TEXT,
    "source_paragraphs": SOURCE_PARAGRAPHS,
    "roles": array(
        obj(
            {
                "title": STRING,
                "start": nullable(ref("PartialDate")),
                "end": nullable(ref("PartialDate")),
                "note": TEXT,
            }
        )
    ),
    "meetings": array(ref("MeetingRef")),
    **shown("quotes", ref("QuoteSummary"), "Their newest quotes, as many as the page shows."),
    "quotes_json_url": {
        **URI,
        "description": "All their quotes, paginated: /quotes.json?speaker=…",
    },
    "quotes_csv_url": {**URI, "description": "Their quotes as CSV: /quotes.csv?speaker=…"},
    **shown("articles_written", ref("ArticleRef"), "Newest first, as many as the page shows."),
    **shown("articles_mentioning", ref("ArticleRef"), "Newest first, as many as the page shows."),
}

OUTLET_SUMMARY = {
    "slug": SLUG,
    "name": STRING,
    "kind": STRING,
    "kind_display": STRING,
    "country": COUNTRY,
    "country_name": nullable(STRING),
    "homepage": nullable(URI),
    **LINKS,
}
OUTLET = {
    **OUTLET_SUMMARY,
    "description": TEXT,
    "description_html": TEXT,
    "beyond_sources": TEXT,
    "source_paragraphs": SOURCE_PARAGRAPHS,
    **shown("articles", ref("ArticleRef"), "Newest first, as many as the page shows."),
    **shown("quotes", ref("QuoteSummary"), "The newest quotes taken from its articles."),
    "quotes_json_url": {**URI, "description": "All of them, paginated: /quotes.json?outlet=…"},
    **shown("quotes_first_carried", ref("QuoteSummary"), "The newest quotes it carried first."),
}

MEETING_SUMMARY = {
    "slug": SLUG,
    "title": STRING,
    "kind": {"type": "string", "enum": list(Meeting.Kind.values)},
    "kind_display": STRING,
    "is_putin_kim": BOOLEAN,
    "start": ref("PartialDate"),
    "end": nullable(ref("PartialDate")),
    "date_display": STRING,
    "city": nullable(STRING),
    "venue": nullable(STRING),
    "country": COUNTRY,
    "country_name": nullable(STRING),
    "latitude": NUMBER,
    "longitude": NUMBER,
    "outcomes": array(STRING),
    "participants": array(
        obj(
            {
                "person": ref("PersonRef"),
                "part": STRING,
                "side": COUNTRY,
                "role": nullable({**STRING, "description": "Their role at the time."}),
            }
        )
    ),
    **LINKS,
}
MEETING = {
    **MEETING_SUMMARY,
    "summary": {**TEXT, "description": "Markdown, our own words."},
    "summary_html": TEXT,
    "beyond_sources": TEXT,
    "source_paragraphs": SOURCE_PARAGRAPHS,
    **shown("quotes", ref("QuoteSummary"), "Quotes said there, in the order said."),
    "quotes_json_url": {**URI, "description": "All of them, paginated: /quotes.json?meeting=…"},
    **shown("articles", ref("ArticleRef"), "Articles covering it, by outlet."),
}

ARTICLE_SUMMARY = {
    "slug": SLUG,
    "title": STRING,
    "outlet": ref("OutletRef"),
    "authors": array(ref("PersonRef")),
    "published": nullable(ref("PartialDate")),
    "original_url": nullable({**URI, "description": "The original, where the source gives it."}),
    **LINKS,
}
ARTICLE = {
    **ARTICLE_SUMMARY,
    "summary": {**TEXT, "description": "Markdown, our own words."},
    "summary_html": TEXT,
    "seed_document": STRING,
    "republication": {
        **nullable(ref("Republication")),
        "description": "The text we read is a copy: where and when. Null for the original.",
    },
    "beyond_sources": TEXT,
    "source_paragraphs": SOURCE_PARAGRAPHS,
    "meetings": array(ref("MeetingRef")),
    "people_mentioned": array(ref("PersonRef")),
    **shown("quotes", ref("QuoteSummary"), "Quotes taken from it, in the order said."),
}

QUOTE_SUMMARY = {
    "slug": SLUG,
    "text": {**STRING, "description": "Verbatim, as the source article prints it."},
    "is_fragment": {**BOOLEAN, "description": "A few words quoted inside a paraphrase."},
    "speaker": ref("PersonRef"),
    "meeting": nullable(ref("MeetingRef")),
    "said_on": nullable(ref("PartialDate")),
    "channel": {
        **nullable(ref("OutletRef")),
        "description": "The channel that first carried it; null: unknown (channel_note says why).",
    },
    "channel_note": nullable(STRING),
    "article": {**ref("ArticleRef"), "description": "The article we took it from."},
    **LINKS,
}
QUOTE = {
    **QUOTE_SUMMARY,
    "context": {**TEXT, "description": "Markdown, our own words."},
    "context_html": TEXT,
    "relayed_by": {
        **array(ref("OutletRef")),
        "description": "Outlets the source names as passing it on, not as first carrying it.",
    },
    "beyond_sources": TEXT,
    "source_paragraphs": SOURCE_PARAGRAPHS,
    "same_statement": {
        **array(ref("QuoteSummary")),
        "description": "The same statement as reported elsewhere.",
    },
}


def page_of(item_schema):
    maybe_link = nullable(URI)
    return obj(
        {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "num_pages": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "const": PAGE_SIZE},
            "first": URI,
            "last": URI,
            "next": maybe_link,
            "previous": maybe_link,
            "results": array(ref(item_schema)),
        }
    )


SCHEMAS = {
    "PartialDate": obj(
        {
            "date": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
            "precision": {"type": "string", "enum": ["day", "month", "year"]},
        },
        "A date known to the day, the month or only the year: never more than the source gives.",
    ),
    "PersonRef": obj(PERSON_REF),
    "OutletRef": obj(OUTLET_REF),
    "MeetingRef": obj(MEETING_REF),
    "ArticleRef": obj(ARTICLE_REF),
    "PersonSummary": obj(PERSON_SUMMARY),
    "Person": obj(PERSON),
    "OutletSummary": obj(OUTLET_SUMMARY),
    "Outlet": obj(OUTLET),
    "MeetingSummary": obj(MEETING_SUMMARY),
    "Meeting": obj(MEETING),
    "ArticleSummary": obj(ARTICLE_SUMMARY),
    "Article": obj(ARTICLE),
    "Republication": obj(
        {
            "republished_by": nullable(ref("OutletRef")),
            "republished_on": nullable(ref("PartialDate")),
            "note": nullable(STRING),
        }
    ),
    "QuoteSummary": obj(QUOTE_SUMMARY),
    "Quote": obj(QUOTE),
    "PersonPage": page_of("PersonSummary"),
    "OutletPage": page_of("OutletSummary"),
    "MeetingPage": page_of("MeetingSummary"),
    "ArticlePage": page_of("ArticleSummary"),
    "QuotePage": page_of("QuoteSummary"),
    "Error": {
        "type": "object",
        "properties": {
            "error": STRING,
            "status": {"type": "integer"},
            "detail": {
                "type": "object",
                "description": "For a bad filter: the messages for each parameter.",
                "additionalProperties": array(STRING),
            },
        },
        "required": ["error", "status"],
        "additionalProperties": False,
    },
}
