"""Thousands of generated query strings and path values thrown at the public pages: never a 500,
never a slow answer. Bad input gets a clear 4xx (or is ignored), whatever it is.

FUZZ_EXAMPLES sets how many requests each test makes (default 200; raise it for a deeper run).
Under CI=true the examples are derandomised (the same ones every run, so a red CI is reproducible
and a green one is not luck); elsewhere each run tries new ones.
"""

import os
import time
from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from search.indexing import rebuild_index
from tests.base import ArchiveTestCase
from tests.search_support import search_index_in_temporary_directory

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# Generous on purpose: the machine running the suite may be busy. A real page takes ~20 ms.
SECONDS_PER_REQUEST = 3.0

fuzzing = settings(
    max_examples=EXAMPLES,
    deadline=None,  # timed by the test itself, per request, with a clear message
    database=None,  # nothing written into the working tree
    derandomize=IN_CI,
    suppress_health_check=[HealthCheck.too_slow],
)

# Any text a URL can carry: every plane, controls, NUL; not lone surrogates (not encodable).
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
# Values the pages read, and ways to get them wrong.
number_like = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.sampled_from(["", "0", "1", "2", "-1", "1e9", "NaN", "last", "1.5", "０１", "9" * 40]),
)
year_like = st.one_of(
    st.integers(min_value=-10000, max_value=100000).map(str),
    st.sampled_from(["2018", "2019", "2024", "0000", "20x9", "19-04", "2019-04-25"]),
)
value = st.one_of(any_text, number_like, year_like)
PARAMETERS = [
    "q", "page", "p", "year", "kind", "type", "sort", "order", "speaker", "meeting",
    "outlet", "country", "format", "from", "to", "per_page", "limit",
]  # fmt: skip
parameter_name = st.one_of(st.sampled_from(PARAMETERS), any_text)
query_pairs = st.lists(st.tuples(parameter_name, value), max_size=6)
# Raw query strings, not built by urlencode: broken escapes, stray separators, long runs.
raw_query = st.text(st.sampled_from("abq=&;%+#?/.,-_09zZ\\\"'<> é\t"), max_size=80)

LIST_PAGES = [
    "/", "/meetings/", "/people/", "/outlets/", "/articles/", "/quotes/", "/about/",
    "/meetings.json", "/people.json", "/outlets.json", "/articles.json", "/quotes.json",
    "/quotes.csv", "/meetings.csv", "/sitemap.xml", "/data/",
]  # fmt: skip
DETAIL_PREFIXES = ["/meetings/", "/people/", "/outlets/", "/articles/", "/quotes/"]
slug_like = st.from_regex(r"[-a-zA-Z0-9_]{1,80}", fullmatch=True)


class PublicSurfaceFuzzTests(HypothesisTestCase, ArchiveTestCase):
    """The real archive and a real index; each generated request in a transaction of its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.enterClassContext(search_index_in_temporary_directory())
        rebuild_index()

    def assert_answers_well(self, url):
        started = time.perf_counter()
        response = self.client.get(url)
        seconds = time.perf_counter() - started
        self.assertLess(response.status_code, 500, url)
        self.assertLess(seconds, SECONDS_PER_REQUEST, f"{url} took {seconds:.2f} s")
        return response

    @fuzzing
    @given(query_pairs)
    def test_search_with_any_parameters(self, pairs):
        self.assert_answers_well("/search/?" + urlencode(pairs))

    @fuzzing
    @given(any_text)
    def test_search_for_any_text(self, text):
        response = self.assert_answers_well("/search/?" + urlencode({"q": text}))
        self.assertIn(response.status_code, (200, 400))

    @fuzzing
    @given(st.sampled_from(["/search/", *LIST_PAGES]), raw_query)
    def test_any_raw_query_string(self, path, query):
        self.assert_answers_well(f"{path}?{query}")

    @fuzzing
    @given(st.sampled_from(LIST_PAGES), query_pairs)
    def test_lists_with_any_parameters(self, path, pairs):
        self.assert_answers_well(f"{path}?{urlencode(pairs)}")

    @fuzzing
    @given(st.sampled_from(DETAIL_PREFIXES), st.one_of(slug_like, any_text.filter(bool)))
    def test_detail_pages_with_any_slug(self, prefix, slug):
        for url in (f"{prefix}{quote(slug, safe='')}/", f"{prefix}{quote(slug, safe='')}.json"):
            response = self.assert_answers_well(url)
            self.assertIn(response.status_code, (200, 301, 404), url)

    @fuzzing
    @given(st.lists(any_text, min_size=1, max_size=4))
    def test_any_path(self, segments):
        self.assert_answers_well("/" + "/".join(quote(segment, safe="") for segment in segments))
