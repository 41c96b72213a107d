"""Search over an index of several segments, some with no value at all for a facet or sort field.

From 5,000 documents the index is written by several processes, one segment each. A segment of
only undated quotes has no `year` column, one of only people no `speaker` or `outlet` column; the
search page, /search.json, /search.csv and the date sorts must answer exactly as over one segment.
"""

import csv
import io

from django.test import override_settings

from archive.models import Article, Meeting, Person, Quote
from tests.base import ArchiveTestCase
from tests.search_support import search_index_in_temporary_directory
from tests.segmented_index import build_segmented_index, segment_columns

QUERIES = ["treaty", "Kim OR Putin OR Korea OR treaty"]
SORTS = ["relevance", "newest", "oldest"]


@override_settings(PAGE_CACHE_SECONDS=0)
class SegmentsMissingColumnsTests(ArchiveTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Records with every optional field left out: no date, meeting, channel or country.
        nobody = Person.objects.create(slug="unnamed-official", name="An unnamed official")
        article = Article.objects.create(
            slug="undated-article",
            title="An undated report on the treaty",
            outlet=Article.objects.first().outlet,
            summary="A report on the treaty, with no date.",
            summary_html="<p>A report on the treaty, with no date.</p>",
        )
        speakers = [nobody, *Person.objects.filter(quotes__isnull=False).distinct()[:2]]
        for number in range(30):
            Quote.objects.create(
                slug=f"undated-quote-{number}",
                text=f"The treaty stands, number {number}.",
                speaker=speakers[number % len(speakers)],
                article=article,
            )

    def records(self):
        undated = list(Quote.objects.filter(said_on__isnull=True).order_by("pk"))
        dated = list(Quote.objects.filter(said_on__isnull=False).order_by("pk"))
        return {
            "undated quotes": undated,
            "dated quotes": dated,
            "articles": list(Article.objects.order_by("pk")),
            "meetings": list(Meeting.objects.order_by("pk")),
            "people": list(Person.objects.order_by("pk")),
        }

    def layouts(self):
        kinds = self.records()
        everything = [record for records in kinds.values() for record in records]
        return {
            "undated quotes alone, first": [
                kinds["undated quotes"],
                [r for r in everything if r not in kinds["undated quotes"]],
            ],
            "people alone, last": [
                [r for r in everything if not isinstance(r, Person)],
                kinds["people"],
            ],
            "each kind alone": [
                kinds["meetings"],
                kinds["undated quotes"],
                kinds["people"],
                kinds["articles"],
                kinds["dated quotes"],
            ],
            "every kind in every segment": [everything[start::3] for start in range(3)],
        }

    def answers(self):
        """What the search endpoints answer for every query and sort."""
        found = {}
        for q in QUERIES:
            for sort in SORTS:
                page = self.client.get("/search/", {"q": q, "sort": sort})
                self.assertEqual(page.status_code, 200, (q, sort))
                data = self.client.get("/search.json", {"q": q, "sort": sort})
                self.assertEqual(data.status_code, 200, (q, sort))
                data = data.json()
                exported = self.client.get("/search.csv", {"q": q, "sort": sort})
                self.assertEqual(exported.status_code, 200, (q, sort))
                rows = list(csv.DictReader(io.StringIO(exported.getvalue().decode())))
                found[q, sort] = {
                    "count": data["count"],
                    "facets": data["facets"],
                    "quotes": len(rows),
                    "dates": [row["said_on"] for row in rows] if sort != "relevance" else None,
                    "slugs": sorted(row["slug"] for row in rows),
                }
        return found

    def test_every_layout_answers_as_one_segment_does(self):
        with search_index_in_temporary_directory():
            build_segmented_index([[r for rs in self.records().values() for r in rs]])
            expected = self.answers()
        self.assertGreater(expected["treaty", "relevance"]["quotes"], 30)
        for name, segments in self.layouts().items():
            with self.subTest(name), search_index_in_temporary_directory():
                directory = build_segmented_index(segments)
                self.assertGreater(len(segment_columns(directory, "year")), 1)
                self.assertEqual(self.answers(), expected)

    def test_a_segment_without_a_column_is_really_written(self):
        # The layouts above are only a test of missing columns if Whoosh leaves them out.
        with search_index_in_temporary_directory():
            kinds = self.records()
            directory = build_segmented_index([kinds["undated quotes"], kinds["people"]])
            self.assertEqual(
                segment_columns(directory, "year"),
                [(len(kinds["undated quotes"]), False), (len(kinds["people"]), False)],
            )
            people_segment = segment_columns(directory, "speaker")[1]
            self.assertEqual(people_segment, (len(kinds["people"]), False))

    def test_dates_sort_with_unknown_dates_last(self):
        with search_index_in_temporary_directory():
            build_segmented_index(self.layouts()["each kind alone"])
            answers = self.answers()
        for sort in ("newest", "oldest"):
            dates = answers["treaty", sort]["dates"]
            known = [date for date in dates if date]
            self.assertEqual(dates[: len(known)], known)
            self.assertEqual(known, sorted(known, reverse=sort == "newest"))
            self.assertGreaterEqual(len(dates) - len(known), 30)
