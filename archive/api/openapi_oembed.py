"""The OpenAPI description of /oembed (archive/views/embed.py): oEmbed 1.0, JSON only."""


def _text(description):
    return {"description": description, "content": {"text/plain": {"schema": {"type": "string"}}}}


OEMBED_SCHEMA = {
    "type": "object",
    "required": ["version", "type", "provider_name", "provider_url", "title"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": "1.0"},
        "type": {"enum": ["rich", "link"], "description": "rich: a quotation; link: a meeting."},
        "title": {"type": "string"},
        "author_name": {"type": "string"},
        "author_url": {"type": "string", "format": "uri"},
        "provider_name": {"const": "Summit Archive"},
        "provider_url": {"type": "string", "format": "uri"},
        "cache_age": {"type": "integer", "minimum": 0},
        "html": {"type": "string", "description": "An iframe of /quotes/{slug}/embed/."},
        "width": {"type": "integer", "minimum": 1},
        "height": {"type": "integer", "minimum": 1},
        "thumbnail_url": {"type": "string", "format": "uri"},
        "thumbnail_width": {"type": "integer", "minimum": 1},
        "thumbnail_height": {"type": "integer", "minimum": 1},
    },
    "dependentRequired": {
        "html": ["width", "height"],
        "thumbnail_url": ["thumbnail_width", "thumbnail_height"],
    },
}


def _size(name):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": "Pixels; the answer's size and thumbnail stay within it.",
        "schema": {"type": "integer", "minimum": 1},
    }


OEMBED_OPERATION = {
    "get": {
        "summary": "oEmbed for a quote page (an iframe) or a meeting page (a link with its card)",
        "tags": ["Embedding"],
        "parameters": [
            {
                "name": "url",
                "in": "query",
                "required": True,
                "description": "The address of a quote or meeting page of this site.",
                "schema": {"type": "string"},
            },
            {
                "name": "format",
                "in": "query",
                "required": False,
                "description": "Only json; xml (or anything else) answers 501, as oEmbed says.",
                "schema": {"enum": ["json"]},
            },
            _size("maxwidth"),
            _size("maxheight"),
        ],
        "responses": {
            "200": {
                "description": "The oEmbed answer",
                "content": {"application/json": {"schema": OEMBED_SCHEMA}},
            },
            "400": _text("No url, or maxwidth/maxheight not a whole number above 0."),
            "404": _text("The url is not a quote or meeting page of this site."),
            "501": _text("A format other than json."),
        },
    }
}
