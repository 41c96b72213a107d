"""Markdown from fixtures, rendered once at load time and sanitised.

Fixture text is trusted no further than its reviewers: whatever it contains, the HTML that reaches a
page is limited to the tags below, so a fixture can never inject script or style.
"""

import markdown as markdown_lib
import nh3

EXTENSIONS = ["extra", "sane_lists", "smarty"]

ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "abbr",
    "sup",
    "sub",
    "hr",
    "dl",
    "dt",
    "dd",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}


# One converter per process: building one loads every extension, which costs more than converting.
_converter = markdown_lib.Markdown(extensions=EXTENSIONS, output_format="html")


def render_markdown(text):
    if not text:
        return ""
    html = _converter.reset().convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
