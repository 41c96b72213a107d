"""Filters with counts, sorting and pages: what the links on a results page do."""

import re
from html import unescape

from archive.models import Article, Meeting, Quote
from tests.search_base import ElasticsearchTestCase, SearchTestCase

FACET_ROW = re.compile(
    r'<li( class="selected")?><a href="([^"]+)"[^>]*>([^<]+)</a> <span class="muted">\((\d+)\)'
)


class FacetBehaviours:
    def facet(self, response, name):
        """{label: (count, link, selected)} for one facet's list on the page."""
        html = response.content.decode()
        match = re.search(rf'<ul data-facet="{name}">(.*?)</ul>', html, re.S)
        self.assertIsNotNone(match, f"no {name} facet on the page")
        return {
            unescape(label): (int(count), unescape(link), bool(selected))
            for selected, link, label, count in FACET_ROW.findall(match.group(1))
        }

    def test_type_counts_match_the_archive(self):
        response = self.search(q="Putin")
        types = self.facet(response, "type")
        total = sum(count for count, _link, _selected in types.values())
        self.assertEqual(total, self.hits(response))
        quotes = Quote.objects.filter(text__icontains="putin").count()
        self.assertGreaterEqual(types["Quotes"][0], quotes)

    def test_speaker_counts_are_exact_names_not_words(self):
        speakers = self.facet(self.search(q="Korea", type="quote"), "speaker")
        self.assertIn("Kim Jong Un", speakers)
        for label in speakers:
            self.assertNotIn(label, {"kim", "jong", "un"})

    def test_a_filter_link_narrows_and_its_count_is_the_new_total(self):
        response = self.search(q="Korea")
        count, link, selected = self.facet(response, "type")["Quotes"]
        self.assertFalse(selected)
        narrowed = self.client.get(link)
        self.assertEqual(self.hits(narrowed), count)
        self.assertEqual(set(self.facet(narrowed, "type")), {"Quotes"})

    def test_filters_combine_and_each_can_be_removed(self):
        kim_quotes = Quote.objects.filter(speaker__slug="kim-jong-un")
        year = "2025"
        expected = kim_quotes.filter(said_on__startswith=year).count()
        response = self.search(
            q="Russia OR Korea OR Putin OR help", speaker="kim-jong-un", year=year
        )
        both = self.hits(response)
        self.assertLessEqual(both, expected)
        self.assertGreater(both, 0)
        _count, remove_year, selected = self.facet(response, "year")[year]
        self.assertTrue(selected)
        self.assertNotIn("year=", remove_year)
        self.assertIn("speaker=kim-jong-un", remove_year)
        self.assertGreaterEqual(self.hits(self.client.get(remove_year)), both)

    def test_year_and_meeting_filters_are_exact(self):
        meeting = Meeting.objects.get(slug="putin-kim-2025-beijing")
        response = self.search(q="Russia OR Putin OR Kim", meeting=meeting.slug, type="quote")
        for url in self.result_urls(response):
            slug = url.split("/")[2]
            self.assertEqual(Quote.objects.get(slug=slug).meeting, meeting)

    def test_outlet_filter_keeps_only_that_outlets_articles(self):
        article = Article.objects.select_related("outlet").first()
        word = max(re.findall(r"\w+", article.title), key=len)
        response = self.search(q=word, outlet=article.outlet.slug, type="article")
        urls = self.result_urls(response)
        self.assertIn(article.get_absolute_url(), urls)
        for url in urls:
            self.assertEqual(Article.objects.get(slug=url.split("/")[2]).outlet, article.outlet)

    def test_newest_and_oldest_first_sort_by_date_unknown_dates_last(self):
        newest = self.quote_dates(self.search(q="Kim OR Putin", type="quote", sort="newest"))
        oldest = self.quote_dates(self.search(q="Kim OR Putin", type="quote", sort="oldest"))
        known_newest = [date for date in newest if date]
        self.assertEqual(known_newest, sorted(known_newest, reverse=True))
        known_oldest = [date for date in oldest if date]
        self.assertEqual(known_oldest, sorted(known_oldest))
        for dates in (newest, oldest):
            self.assertEqual(dates[: len([d for d in dates if d])], [d for d in dates if d])

    def test_pages_have_stable_urls_that_reproduce_the_same_results(self):
        first = self.search(q="Kim OR Putin OR Korea OR Russia")
        self.assertGreater(self.hits(first), 20, "needs more than one page of results")
        next_link = unescape(re.search(r'<a rel="next" href="([^"]+)"', first.text).group(1))
        self.assertEqual(next_link, "/search/?q=Kim+OR+Putin+OR+Korea+OR+Russia&page=2")
        second = self.client.get(next_link)
        again = self.client.get(next_link)
        self.assertEqual(self.result_urls(second), self.result_urls(again))
        self.assertFalse(set(self.result_urls(first)) & set(self.result_urls(second)))

    def quote_dates(self, response):
        slugs = [url.split("/")[2] for url in self.result_urls(response)]
        said = dict(Quote.objects.filter(slug__in=slugs).values_list("slug", "said_on"))
        return [said[slug].isoformat() if said[slug] else None for slug in slugs]


class WhooshFacetTests(FacetBehaviours, SearchTestCase):
    pass


class ElasticsearchFacetTests(FacetBehaviours, ElasticsearchTestCase):
    pass
