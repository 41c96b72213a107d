"""GET /search/?q=…: one search over quotes, articles, meetings and people."""

from django.shortcuts import render
from haystack.exceptions import SearchBackendError

from archive.models import Person

from . import names, query, searching
from .forms import SORTS, SearchForm

# "Did you mean" is asked for (one more, cheap search) only when a search finds this few.
FEW_RESULTS = 3


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "errors": form.error_messages(), "sorts": SORTS}
        return render(request, "search/search.html", context, status=400)

    params = {name: value for name, value in form.cleaned_data.items() if value}
    table = names.name_table()
    parsed = query.parse(params.get("q", ""), table)
    context = {
        "form": form,
        "params": params,
        "parsed": parsed,
        "notices": parsed.notices,
        "sorts": [
            (key, label, searching.search_url(params, sort=key, page=""))
            for key, label in SORTS.items()
        ],
        "sort": params.get("sort", "relevance"),
    }
    if parsed.is_empty:
        if params.get("q") and not parsed.notices:
            context["notices"].append(
                'Your search has no words we can look for: try words, "a phrase", -word or OR.'
            )
        return render(request, "search/search.html", context)

    try:
        found = searching.run_search(
            parsed, form.filters(), params.get("sort"), params.get("page", 1)
        )
        suggestion = None
        if found.page.total < FEW_RESULTS:
            suggestion = found.spelling_suggestion(parsed.words())
    except SearchBackendError as error:
        searching.log_unavailable(error)
        return render(request, "search/unavailable.html", status=503)

    page = found.page
    context.update(
        {
            "results": found.results,
            "page": page,
            "previous_url": _page_url(params, page.number - 1, page),
            "next_url": _page_url(params, page.number + 1, page),
            "facet_groups": searching.facet_groups(found.facets, params),
            "person": _person_card(table, parsed),
            "suggestion": _suggestion(suggestion, parsed, params),
        }
    )
    return render(request, "search/search.html", context)


def _page_url(params, number, page):
    if 1 <= number <= page.count:
        return searching.search_url(params, page=number if number > 1 else "")
    return None


def _person_card(table, parsed):
    """The person whose name, in any spelling, is exactly the query."""
    words = parsed.single_name_words()
    slug = table.person_slug(words) if words else None
    return Person.objects.filter(slug=slug).first() if slug else None


def _suggestion(suggestion, parsed, params):
    if not suggestion or suggestion.split() == parsed.words():
        return None
    return {"text": suggestion, "url": searching.search_url(params, q=suggestion, page="")}
