"""The OpenAPI description matches the URLconf and every response the API gives."""

import re

from django.test import SimpleTestCase
from django.urls import URLPattern, URLResolver, get_resolver
from jsonschema import Draft202012Validator

from archive.api.openapi import openapi_document
from archive.models import Article, Meeting, Outlet, Person, Quote
from tests.api_support import conformance_errors
from tests.base import ArchiveTestCase


def json_routes(patterns=None, prefix=""):
    """Every .json route in the URLconf, written as an OpenAPI path (/quotes/{slug}.json)."""
    routes = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            routes |= json_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.endswith(".json"):
            routes.add("/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route))
    return routes


class OpenApiTests(ArchiveTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.spec = cls.client_class().get("/api/openapi.json").json()

    def assert_conforms(self, spec_path, url, status=200):
        """GET url, and check the status is documented for spec_path and the body matches it."""
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, f"{url}: {response.content[:300]!r}")
        responses = self.spec["paths"][spec_path]["get"]["responses"]
        self.assertIn(str(status), responses, f"{spec_path} does not document {status}")
        self.assertEqual(response["Content-Type"], "application/json")
        data = response.json()
        self.assertEqual(conformance_errors(self.spec, spec_path, status, data), [], url)
        return data

    def test_served_document_is_the_one_built_in_code(self):
        self.assertEqual(self.spec["openapi"], "3.1.0")
        self.assertEqual(
            self.spec["paths"].keys(),
            openapi_document(self.client.get("/").wsgi_request)["paths"].keys(),
        )
        self.assertEqual(self.spec["servers"], [{"url": "http://testserver"}])

    def test_every_schema_is_valid_json_schema(self):
        for name, schema in self.spec["components"]["schemas"].items():
            with self.subTest(schema=name):
                Draft202012Validator.check_schema(schema)

    def test_every_json_route_is_described_and_every_description_has_a_route(self):
        routes = json_routes()
        self.assertIn("/quotes/{slug}.json", routes)
        # /oembed answers JSON too, at an address the oEmbed spec chose (no .json).
        self.assertEqual(routes | {"/oembed"}, set(self.spec["paths"]))

    def test_every_record_conforms(self):
        for model, spec_path, prefix in [
            (Meeting, "/meetings/{slug}.json", "meetings"),
            (Person, "/people/{slug}.json", "people"),
            (Outlet, "/outlets/{slug}.json", "outlets"),
            (Article, "/articles/{slug}.json", "articles"),
            (Quote, "/quotes/{slug}.json", "quotes"),
        ]:
            slugs = list(model.objects.values_list("slug", flat=True))
            self.assertTrue(slugs, model)
            for slug in slugs:
                with self.subTest(url=f"/{prefix}/{slug}.json"):
                    data = self.assert_conforms(spec_path, f"/{prefix}/{slug}.json")
                    self.assertEqual(data["slug"], slug)
            self.assert_conforms(spec_path, f"/{prefix}/no-such-record.json", status=404)

    def test_every_list_conforms(self):
        quote = Quote.objects.with_sources().first()
        meeting = Meeting.objects.first()
        cases = [
            ("/meetings.json", "/meetings.json", 200),
            (
                "/meetings.json",
                f"/meetings.json?kind={meeting.kind}&year={meeting.start.year}",
                200,
            ),
            ("/meetings.json", "/meetings.json?kind=picnic", 400),
            ("/meetings.json", "/meetings.json?page=50", 404),
            ("/people.json", "/people.json", 200),
            ("/people.json", "/people.json?page=x", 404),
            ("/outlets.json", "/outlets.json", 200),
            ("/outlets.json", "/outlets.json?page=2", 404),
            ("/articles.json", "/articles.json", 200),
            ("/articles.json", "/articles.json?page=0", 404),
            ("/quotes.json", "/quotes.json", 200),
            (
                "/quotes.json",
                f"/quotes.json?speaker={quote.speaker.slug}&outlet={quote.article.outlet.slug}",
                200,
            ),
            ("/quotes.json", "/quotes.json?speaker=nobody-at-all&year=abc", 400),
            ("/quotes.json", "/quotes.json?page=999", 404),
            ("/api/openapi.json", "/api/openapi.json", 200),
        ]
        for spec_path, url, status in cases:
            with self.subTest(url=url):
                self.assert_conforms(spec_path, url, status)

    def test_documented_filters_are_the_ones_the_views_accept(self):
        from archive.api.filters import MEETING_FILTERS, QUOTE_FILTERS

        def query_parameters(path):
            parameters = self.spec["paths"][path]["get"]["parameters"]
            return {p["name"] for p in parameters if p["in"] == "query"} - {"page"}

        self.assertEqual(query_parameters("/quotes.json"), set(QUOTE_FILTERS))
        self.assertEqual(query_parameters("/meetings.json"), set(MEETING_FILTERS))


class ParametersFromFormsTests(SimpleTestCase):
    """The parameters' constraints are read off the forms that enforce them."""

    def test_every_search_parameter_is_a_field_of_the_search_form_with_its_limits(self):
        from search.forms import SearchForm
        from search.openapi import SEARCH_PARAMETERS

        by_name = {parameter["name"]: parameter["schema"] for parameter in SEARCH_PARAMETERS}
        self.assertEqual(list(by_name), list(SearchForm.base_fields))
        page = SearchForm.base_fields["page"]
        self.assertEqual(
            (by_name["page"]["minimum"], by_name["page"]["maximum"]),
            (page.min_value, page.max_value),
        )
        sorts = [value for value, _label in SearchForm.base_fields["sort"].choices]
        self.assertEqual(by_name["sort"]["enum"], sorts)

    def test_the_quote_filters_are_the_quote_list_form(self):
        from archive.api.openapi import QUOTE_FILTER_PARAMETERS
        from archive.forms import QuoteFilters

        by_name = {parameter["name"]: parameter["schema"] for parameter in QUOTE_FILTER_PARAMETERS}
        self.assertEqual(list(by_name), list(QuoteFilters.base_fields))
        year = QuoteFilters.base_fields["year"]
        self.assertEqual(
            (by_name["year"]["minimum"], by_name["year"]["maximum"]),
            (year.min_value, year.max_value),
        )
