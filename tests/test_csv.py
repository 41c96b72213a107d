"""CSV exports of quotes and meetings, read back the way a spreadsheet user's tools read them."""

import csv
import io
import tempfile

from django.http import StreamingHttpResponse

from archive.api.csv_export import QUOTE_COLUMNS
from tests.api_support import fixture_records, iso
from tests.base import ArchiveTestCase
from tests.search_support import search_index_in, temporary_search_index


class CsvTestCase(ArchiveTestCase):
    def get_rows(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIsInstance(response, StreamingHttpResponse)
        text = b"".join(response.streaming_content).decode("utf-8")
        return list(csv.DictReader(io.StringIO(text, newline="")))


class QuotesCsvTests(CsvTestCase):
    def test_every_quote_appears_exactly_once_with_its_speaker_and_meeting(self):
        quotes_yaml = fixture_records("quotes")
        rows = self.get_rows("/quotes.csv")
        self.assertEqual(len(rows), len(quotes_yaml))
        by_slug = {row["slug"]: row for row in rows}
        self.assertEqual(len(by_slug), len(rows), "a quote appears twice")
        for record in quotes_yaml:
            with self.subTest(quote=record["slug"]):
                row = by_slug[record["slug"]]
                self.assertEqual(row["text"], record["text"].strip())
                self.assertEqual(row["speaker_slug"], record["speaker"])
                self.assertEqual(row["speaker_name"], self.person(record["speaker"]).name)
                self.assertEqual(row["meeting_slug"], record.get("meeting") or "")
                self.assertEqual(row["article_slug"], record["article"])
                self.assertEqual(row["channel_slug"], record.get("channel") or "")
                self.assertEqual(row["said_on"], iso(record.get("said_on")))
                self.assertEqual(row["is_fragment"], "yes" if record.get("is_fragment") else "no")
                self.assertEqual(row["url"], f"http://testserver/quotes/{record['slug']}/")

    def test_dates_are_iso_with_their_precision(self):
        lengths = {"day": 10, "month": 7, "year": 4, "": 0}
        for row in self.get_rows("/quotes.csv"):
            self.assertEqual(len(row["said_on"]), lengths[row["said_on_precision"]], row["slug"])
            self.assertEqual(
                len(row["article_published"]), lengths[row["article_published_precision"]]
            )

    def test_filtered_by_speaker_holds_only_and_all_their_quotes(self):
        quotes_yaml = fixture_records("quotes")
        speaker = quotes_yaml[0]["speaker"]
        response = self.client.get(f"/quotes.csv?speaker={speaker}")
        self.assertEqual(
            response["Content-Disposition"],
            f'attachment; filename="summit-archive-quotes-speaker-{speaker}.csv"',
        )
        rows = self.get_rows(f"/quotes.csv?speaker={speaker}")
        expected = {q["slug"] for q in quotes_yaml if q["speaker"] == speaker}
        self.assertEqual({row["slug"] for row in rows}, expected)
        self.assertEqual(len(rows), len(expected))

    def test_same_filters_as_the_json_list(self):
        record = fixture_records("quotes")[0]
        year = iso(record.get("said_on"))[:4]
        query = f"speaker={record['speaker']}" + (f"&year={year}" if year else "")
        json_slugs = {q["slug"] for q in self.client.get(f"/quotes.json?{query}").json()["results"]}
        csv_slugs = {row["slug"] for row in self.get_rows(f"/quotes.csv?{query}")}
        self.assertIn(record["slug"], csv_slugs)
        self.assertEqual(csv_slugs, json_slugs)

    def test_bad_filter_is_a_400_before_any_row_is_sent(self):
        response = self.client.get("/quotes.csv?speaker=nobody-at-all")
        self.assertEqual(response.status_code, 400)
        self.assertIn(b"Invalid filter", response.content)
        self.assertEqual(self.client.get("/quotes.csv?year=abc").status_code, 400)

    def test_a_newline_in_a_filter_never_reaches_the_headers(self):
        record = fixture_records("quotes")[0]
        year = iso(record.get("said_on"))[:4] or "2019"
        response = self.client.get(f"/quotes.csv?year={year}%0A")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("\n", response["Content-Disposition"])


class MeetingsCsvTests(CsvTestCase):
    def test_every_meeting_appears_once_with_its_dates_and_participants(self):
        meetings_yaml = fixture_records("meetings")
        rows = {row["slug"]: row for row in self.get_rows("/meetings.csv")}
        self.assertEqual(set(rows), {m["slug"] for m in meetings_yaml})
        for record in meetings_yaml:
            with self.subTest(meeting=record["slug"]):
                row = rows[record["slug"]]
                self.assertEqual(row["title"], record["title"])
                self.assertEqual(row["start"], iso(record["start"]))
                self.assertEqual(row["end"], iso(record.get("end")))
                self.assertEqual(row["is_putin_kim"], "yes" if record.get("is_putin_kim") else "no")
                names = [self.person(p["person"]).name for p in record.get("participants") or []]
                self.assertEqual(row["participants"], "; ".join(names))

    def test_filtered_by_kind(self):
        kind = fixture_records("meetings")[0]["kind"]
        rows = self.get_rows(f"/meetings.csv?kind={kind}")
        self.assertTrue(rows)
        self.assertEqual({row["kind"] for row in rows}, {kind})


class SearchCsvTests(CsvTestCase):
    """/search.csv: the quotes a search finds, as /quotes.csv rows, over a real Whoosh index."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.index = temporary_search_index()
        cls.index.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.index.__exit__(None, None, None)
        super().tearDownClass()

    def search_count(self, query_string):
        return self.client.get(f"/search.json?{query_string}&type=quote").json()["count"]

    def test_a_phrase_finds_kims_fraternal_duty_quote_with_its_sources(self):
        rows = self.get_rows("/search.csv?q=%22fraternal+duty%22")
        self.assertEqual([row["slug"] for row in rows], ["kim-2025-fraternal-duty"])
        self.assertEqual(rows[0]["speaker_slug"], "kim-jong-un")
        self.assertEqual(rows[0]["meeting_slug"], "putin-kim-2025-beijing")
        self.assertEqual(list(rows[0]), QUOTE_COLUMNS)

    def test_rows_are_the_quotes_the_search_page_finds_and_only_quotes(self):
        rows = self.get_rows("/search.csv?q=%D0%9A%D0%B8%D0%BC+%D0%A7%D0%B5%D0%BD+%D0%AB%D0%BD")
        self.assertEqual(len(rows), self.search_count("q=Kim+Jong+Un"))
        self.assertGreater(len(rows), 5)
        quote_slugs = {record["slug"] for record in fixture_records("quotes")}
        self.assertLessEqual({row["slug"] for row in rows}, quote_slugs)
        self.assertEqual(len({row["slug"] for row in rows}), len(rows), "a quote appears twice")

    def test_filters_and_date_order_are_kept(self):
        rows = self.get_rows("/search.csv?q=kim+jong+un&speaker=kim-jong-un&sort=oldest")
        self.assertEqual({row["speaker_slug"] for row in rows}, {"kim-jong-un"})
        dated = [row["said_on"] for row in rows if row["said_on"]]
        self.assertEqual(dated, sorted(dated))
        self.assertGreater(len(dated), 3)

    def test_the_download_is_named_after_the_search(self):
        response = self.client.get("/search.csv?q=treaty")
        self.assertIn(
            'filename="summit-archive-search-q-treaty.csv"', response["Content-Disposition"]
        )

    def test_bad_or_empty_searches_are_told_why(self):
        for url in ["/search.csv", "/search.csv?q=", "/search.csv?q=*", "/search.csv?q=x&sort=up"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 400)
                self.assertTrue(response.content.strip())

    def test_the_search_page_links_its_csv(self):
        response = self.client.get("/search/?q=treaty")
        self.assertContains(response, 'type="text/csv"')
        self.assertContains(response, "/search.csv?q=treaty")


class SearchCsvWithoutIndexTests(ArchiveTestCase):
    def test_a_missing_index_is_a_503_not_an_empty_file(self):
        with tempfile.TemporaryDirectory() as empty, search_index_in(empty):
            response = self.client.get("/search.csv?q=treaty")
        self.assertEqual(response.status_code, 503)
