"""Everything one search shows, worked out once for the search page and its JSON twin.

    outcome = search_page(form)   # a valid SearchForm

- the parsed query and its notices (rewritten spellings, cut words);
- the person cards: the people the query names, by full name in any spelling, by surname or by
  part of a name (several when ambiguous: "Kim");
- the results: when the query finds nothing and a corrected spelling finds something, the
  corrected search's results at once ("Showing results for vladivostok; search instead for
  Vladivostock"); when it finds only a few, the correction as a "Did you mean" link.

SearchBackendError (the index is missing or unreadable) and Http404 (a page past the last) are
left to the caller, which answers in its own format.
"""

from dataclasses import dataclass, field

from archive import catalogue, names
from archive.models import Person

from . import query, searching

# "Did you mean" is asked for (one more, cheap search) only when a search finds this few.
FEW_RESULTS = 3
MAX_CARDS = 6


@dataclass
class Correction:
    """Another spelling of the query. applied: its results are the ones shown."""

    text: str  # the corrected query
    original: str  # the query as typed
    applied: bool
    url: str  # the corrected search (when offered) or the search as typed (when applied)


@dataclass
class SearchOutcome:
    params: dict
    parsed: query.ParsedQuery
    found: searching.Found | None = None
    people: list = field(default_factory=list)
    correction: Correction | None = None

    @property
    def notices(self):
        return self.parsed.notices


def page_params(form, parsed):
    """What the page is made from: the query as searched (never more than the cap, however long
    the one typed) and the other parameters without their defaults. Addresses that differ in
    anything else (order, spacing, default or unknown parameters) render the same page, and
    share one entry of the page cache (summit.middleware)."""
    params = {name: value for name, value in form.cleaned_data.items() if value}
    params["q"] = parsed.text
    if params.get("sort") == "relevance":
        del params["sort"]
    if params.get("page") == 1:
        del params["page"]
    return {name: value for name, value in params.items() if value}


def search_page(form):
    table = names.name_table()
    parsed = query.parse(form.cleaned_data["q"], table)
    params = page_params(form, parsed)
    outcome = SearchOutcome(params=params, parsed=parsed)
    if parsed.is_empty:
        return outcome
    filters, sort, page = form.filters(), params.get("sort"), params.get("page", 1)
    found = searching.run_search(parsed, filters, sort, page)
    if found.page.total < FEW_RESULTS:
        outcome.correction = _correction(found, parsed, params)
    # Shown at once only in place of plain words: a phrase, OR or -word would be lost.
    auto_correct = parsed.is_plain_words() and not params.get("exact")
    if found.page.total == 0 and outcome.correction and auto_correct:
        corrected = query.parse(outcome.correction.text, table)
        retried = searching.run_search(corrected, filters, sort, page)
        if retried.page.total:
            outcome.correction.applied = True
            as_typed = searching.search_url(params, page="", exact=True)
            outcome.correction.url = as_typed
            # What was said about the query as typed (words cut, names respelled) still holds.
            corrected.notices = [
                *parsed.notices,
                *(notice for notice in corrected.notices if notice not in parsed.notices),
            ]
            outcome.parsed, parsed, found = corrected, corrected, retried
    outcome.found = found
    outcome.people = people_named(table, parsed)
    return outcome


def people_named(table, parsed):
    """The people whose name, in any spelling or in part, is the whole query."""
    words = parsed.single_name_words()
    slugs = table.people_named(words)[:MAX_CARDS] if words else []
    # From the people each process keeps per data version (archive.catalogue): no query.
    records = catalogue.current()
    people = (records.find(Person, slug) for slug in slugs)
    return [person for person in people if person is not None]


def _correction(found, parsed, params):
    suggestion = found.spelling_suggestion(parsed.words())
    if not suggestion or suggestion.split() == parsed.words():
        return None
    return Correction(
        text=suggestion,
        original=params.get("q", ""),
        applied=False,
        url=searching.search_url(params, q=suggestion, page=""),
    )
