"""The search page's parameters. Anything malformed other than the query itself is a 400; the query
is never refused, only cleaned (search.query) and the reader told what was used."""

from django import forms

from archive.countries import COUNTRY_CHOICES

from .query import clean_text

SORTS = {
    "relevance": "Best match",
    "newest": "Newest first",
    "oldest": "Oldest first",
}
TYPES = {
    "quote": "Quotes",
    "article": "Articles",
    "meeting": "Meetings",
    "person": "People",
}
# The facets a reader can filter by, in the order the page shows them and URLs list them.
FACETS = ["type", "speaker", "meeting", "outlet", "year", "country"]
MAX_PAGE = 500


class QueryField(forms.CharField):
    """Control characters (a NUL included) become spaces before any validation runs."""

    def to_python(self, value):
        return clean_text(super().to_python(value) or "")


class SearchForm(forms.Form):
    q = QueryField(required=False, strip=False)
    sort = forms.ChoiceField(choices=list(SORTS.items()), required=False)
    page = forms.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)
    type = forms.ChoiceField(choices=list(TYPES.items()), required=False)
    speaker = forms.SlugField(max_length=100, required=False)
    meeting = forms.SlugField(max_length=100, required=False)
    outlet = forms.SlugField(max_length=100, required=False)
    year = forms.RegexField(regex=r"^\d{4}$", required=False)
    country = forms.ChoiceField(choices=COUNTRY_CHOICES, required=False)
    # "Search instead for …": the query as typed, even when it finds nothing (search.page).
    exact = forms.BooleanField(required=False)

    def filters(self):
        """The chosen facet values, in FACETS order: [("speaker", "kim-jong-un"), ...]."""
        return [(name, self.cleaned_data[name]) for name in FACETS if self.cleaned_data.get(name)]

    def error_messages(self):
        return [f"{name}: {' '.join(errors)}" for name, errors in self.errors.items()]
