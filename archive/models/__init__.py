"""The archive: people, outlets, meetings, articles and the quotations taken from them.

Every public record has a slug that is its permanent address; slugs are chosen by hand in the
fixtures and never change (a renamed record gets a redirect, see fixtures/redirects.yaml).
Markdown fields have an `_html` twin filled once at load time (archive.markdown).
"""

# CountryMixin: the migrations name it among the models' bases.
from .common import BEYOND_SOURCES_HELP, SOURCE_PARAGRAPHS_HELP, CountryMixin, detail_address
from .loads import DataLoad, LoadStamp
from .records import Meeting, Outlet, Participation, Person, Role
from .sources import Article, Quote

# Which Markdown field renders into which HTML field, per model; used by the loader.
MARKDOWN_FIELDS = {
    Person: {"bio": "bio_html"},
    Outlet: {"description": "description_html"},
    Meeting: {"summary": "summary_html"},
    Article: {"summary": "summary_html"},
    Quote: {"context": "context_html"},
}

__all__ = [
    "BEYOND_SOURCES_HELP",
    "MARKDOWN_FIELDS",
    "SOURCE_PARAGRAPHS_HELP",
    "Article",
    "CountryMixin",
    "DataLoad",
    "LoadStamp",
    "Meeting",
    "Outlet",
    "Participation",
    "Person",
    "Quote",
    "Role",
    "detail_address",
]
