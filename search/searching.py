"""From a parsed query and the chosen filters to a haystack SearchQuerySet and one page of its
results, and from its facet counts to links. Only haystack's public API is used, so the same code
runs on Whoosh and on Elasticsearch. The search page and /search.json both search through
run_search, so they page and count alike."""

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from haystack.inputs import Exact
from haystack.query import SQ, SearchQuerySet

from archive import catalogue, names
from archive.api.http import BadRequest
from archive.countries import COUNTRIES
from archive.models import Meeting, Outlet, Person

from . import query
from .forms import FACETS, MAX_PAGE, TYPES

# Sort name -> haystack order_by keys; an unknown date sorts last either way (search_indexes).
ORDERINGS = {
    "relevance": [],
    "newest": ["-date_newest"],
    "oldest": ["date_oldest"],
}
FACET_LIMIT = 10
PER_PAGE = 20

logger = logging.getLogger(__name__)


def log_unavailable(error):
    """One WARNING line, no traceback, when search is unavailable (SearchBackendError): a missing
    or damaged index fails every search alike, and a traceback per request floods the log."""
    logger.warning("Search is unavailable: %s", error)


def _term_sq(term):
    if term.phrase:
        return SQ(content=Exact(" ".join(term.words)))
    return SQ(content=term.words[0])


def searchqueryset(parsed, filters=(), sort="relevance", *, for_display=True):
    """The search as a SearchQuerySet. for_display=False leaves out facets and highlighting, for
    callers that only need the matching records (the CSV export)."""
    sqs = SearchQuerySet()
    for clause in parsed.clauses:
        sq = _term_sq(clause[0])
        for term in clause[1:]:
            sq |= _term_sq(term)
        sqs = sqs.filter(sq)
    for term in parsed.excluded:
        sqs = sqs.exclude(_term_sq(term))
    for name, value in filters:
        # Values are validated slugs, codes and years: nothing here needs escaping.
        sqs = sqs.narrow(f'{name}:"{value}"')
    order = ORDERINGS.get(sort or "relevance", [])
    if order:
        sqs = sqs.order_by(*order)
    if not for_display:
        return sqs
    # Added to the query in place (this SearchQuerySet is ours alone): SearchQuerySet.facet() and
    # .highlight() would copy the whole query deeply for each one.
    for name in FACETS:
        sqs.query.add_field_facet(name)
    sqs.query.add_highlight()
    return sqs


@dataclass
class Page:
    """Which page of results this is, out of how many (0 when nothing matched)."""

    number: int
    total: int = 0

    @property
    def count(self):
        """The pages a reader can ask for: every match's, up to MAX_PAGE (the count of
        matches stays exact)."""
        return min((self.total + PER_PAGE - 1) // PER_PAGE, MAX_PAGE)

    @property
    def offset(self):
        return (self.number - 1) * PER_PAGE


@dataclass
class Found:
    """One page of a search: its results, the page, and the facet counts over all matches."""

    results: list
    page: Page
    facets: dict
    searchqueryset: SearchQuerySet

    def spelling_suggestion(self, words):
        """The words with those the index lacks replaced (one more search), or None."""
        return self.searchqueryset.all().spelling_suggestion(" ".join(words))


def run_search(parsed, filters=(), sort="relevance", page_number=1):
    """One page of the search's results. A page past the last is a 404; SearchBackendError (the
    index is missing or unreadable) is left to the caller, which answers in its own format."""
    sqs = searchqueryset(parsed, filters, sort)
    page = Page(number=page_number)
    results = list(sqs[page.offset : page.offset + PER_PAGE])
    page.total = sqs.count()
    facets = sqs.facet_counts()
    if page.number > 1 and page.offset >= page.total:
        raise Http404("No such page of results.")
    return Found(results=results, page=page, facets=facets, searchqueryset=sqs)


def search_url(params, **changes):
    """/search/?… with the parameters in one fixed order, so equal searches share one URL."""
    merged = {**params, **changes}
    order = ["q", *FACETS, "sort", "exact", "page"]
    pairs = [(name, merged[name]) for name in order if merged.get(name) not in (None, "")]
    return "/search/?" + urlencode(pairs)


def _facet_link(params, name):
    """A function of a value: search_url(params, name=value, page=""), the parameters around
    the value encoded once for all of a facet's rows rather than once a row."""
    order = ["q", *FACETS, "sort", "exact"]
    before = [(key, params[key]) for key in order[: order.index(name)] if params.get(key)]
    after = [(key, params[key]) for key in order[order.index(name) + 1 :] if params.get(key)]
    head = urlencode(before)
    tail = urlencode(after)
    unchanged = search_url(params, **{name: "", "page": ""})

    def link(value):
        if not value:
            return unchanged
        parts = [head] if head else []
        parts.append(urlencode([(name, value)]))
        if tail:
            parts.append(tail)
        return "/search/?" + "&".join(parts)

    return link


def facet_groups(counts, params):
    """For each facet: its label and its values as (label, count, link, selected) rows."""
    fields = (counts or {}).get("fields", {})
    labels = _value_labels(fields, params)
    groups = []
    for name in FACETS:
        selected = params.get(name) or ""
        rows = []
        link_to = _facet_link(params, name)
        for value, count in fields.get(name, [])[:FACET_LIMIT]:
            if value in (None, ""):
                continue
            value = str(value)
            is_selected = value == selected
            link = link_to("" if is_selected else value)
            rows.append((labels[name].get(value, value), count, link, is_selected))
        if selected and not any(row[3] for row in rows):
            rows.insert(
                0,
                (labels[name].get(selected, selected), 0, search_url(params, **{name: ""}), True),
            )
        if rows:
            groups.append({"name": name, "label": FACET_TITLES[name], "rows": rows})
    return groups


FACET_TITLES = {
    "type": "Type",
    "speaker": "Speaker",
    "meeting": "Meeting",
    "outlet": "Outlet",
    "year": "Year",
    "country": "Country",
}


def _value_labels(fields, params):
    """Readable names for facet values (slugs and codes), from the catalogue of people,
    meetings and outlets each process keeps per data version (archive.catalogue): no query."""
    records = catalogue.current()
    return {
        "type": TYPES,
        "speaker": {person.slug: person.name for person in records.all(Person)},
        "meeting": {meeting.slug: meeting.title for meeting in records.all(Meeting)},
        "outlet": {outlet.slug: outlet.name for outlet in records.all(Outlet)},
        "year": {},
        "country": COUNTRIES,
    }


def quotes_found(query_string, extension):
    """The quotations a search finds, for its CSV and reference files: (its parameters, a
    SearchQuerySet of quotes in the search's order). The search page's parameters; BadRequest
    for a malformed search or one with no words to look for."""
    from .forms import SearchForm

    form = SearchForm(query_string)
    if not form.is_valid():
        raise BadRequest("Invalid search: " + "; ".join(form.error_messages()))
    params = {name: value for name, value in form.cleaned_data.items() if value}
    parsed = query.parse(params.get("q", ""), names.name_table())
    if parsed.is_empty:
        raise BadRequest(f"Nothing to search for: give a query, e.g. /search.{extension}?q=treaty")
    filters = [("type", "quote"), *(item for item in form.filters() if item[0] != "type")]
    return params, searchqueryset(parsed, filters, params.get("sort"), for_display=False)


def unavailable_as_text():
    """The 503 of the search's files: plain text, as their other errors (400, 405); a file
    body would be mistaken for an empty result."""
    return HttpResponse(
        "Search is unavailable just now; browsing still works.\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
