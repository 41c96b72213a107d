"""The JSON twin of every page, checked against the fixtures it was loaded from."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Quote
from tests.api_support import fixture_records, iso, path_of
from tests.base import ArchiveTestCase


def date_of(value):
    return value["date"] if value else ""


class JsonTestCase(ArchiveTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.quotes_yaml = fixture_records("quotes")
        cls.articles_yaml = fixture_records("articles")
        cls.meetings_yaml = fixture_records("meetings")
        cls.people_yaml = fixture_records("people")
        cls.outlets_yaml = fixture_records("outlets")
        cls.outlet_of_article = {a["slug"]: a["outlet"] for a in cls.articles_yaml}

    def get_json(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, f"{url}: {response.content[:300]!r}")
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()

    def all_results(self, url):
        """Every record of a paginated list, following the `next` links."""
        results, pages = [], 0
        while url:
            page = self.get_json(url)
            results += page["results"]
            url = page["next"] and path_of(page["next"])
            pages += 1
            self.assertLess(pages, 1000)
        return results


class RecordJsonTests(JsonTestCase):
    def test_each_quote_is_verbatim_with_its_speaker_meeting_and_sources(self):
        for record in self.quotes_yaml:
            with self.subTest(quote=record["slug"]):
                data = self.get_json(f"/quotes/{record['slug']}.json")
                self.assertEqual(data["text"], record["text"].strip())
                self.assertEqual(data["speaker"]["slug"], record["speaker"])
                self.assertEqual((data["meeting"] or {}).get("slug"), record.get("meeting"))
                self.assertEqual(date_of(data["said_on"]), iso(record.get("said_on")))
                self.assertEqual((data["channel"] or {}).get("slug"), record.get("channel"))
                self.assertEqual(data["article"]["slug"], record["article"])
                self.assertEqual(
                    data["article"]["outlet"]["slug"], self.outlet_of_article[record["article"]]
                )
                self.assertEqual(data["is_fragment"], record.get("is_fragment", False))
                same = {quote["slug"] for quote in data["same_statement"]}
                self.assertLessEqual(set(record.get("same_statement") or []), same)
                relays = [outlet["slug"] for outlet in data["relayed_by"]]
                self.assertEqual(relays, record.get("relayed_by") or [])
                self.assertEqual(data["beyond_sources"], (record.get("beyond_sources") or ""))
                self.assertEqual(data["source_paragraphs"], record["source_paragraphs"])

    def test_each_meeting_has_its_date_participants_and_quotes(self):
        for record in self.meetings_yaml:
            with self.subTest(meeting=record["slug"]):
                data = self.get_json(f"/meetings/{record['slug']}.json")
                self.assertEqual(data["title"], record["title"])
                self.assertEqual(data["kind"], record["kind"])
                self.assertEqual(data["start"]["date"], iso(record["start"]))
                self.assertEqual(date_of(data["end"]), iso(record.get("end")))
                self.assertEqual(
                    [p["person"]["slug"] for p in data["participants"]],
                    [p["person"] for p in record.get("participants") or []],
                )
                said_there = {
                    q["slug"] for q in self.quotes_yaml if q.get("meeting") == record["slug"]
                }
                self.assertEqual({q["slug"] for q in data["quotes"]}, said_there)
                covering = {
                    a["slug"] for a in self.articles_yaml if record["slug"] in a.get("meetings", [])
                }
                self.assertEqual({a["slug"] for a in data["articles"]}, covering)

    def test_each_person_has_their_names_meetings_and_quotes(self):
        for record in self.people_yaml:
            with self.subTest(person=record["slug"]):
                data = self.get_json(f"/people/{record['slug']}.json")
                self.assertEqual(data["name"], record["name"])
                self.assertEqual(data["aliases"], record.get("aliases") or [])
                theirs = {q["slug"] for q in self.quotes_yaml if q["speaker"] == record["slug"]}
                self.assertEqual({q["slug"] for q in data["quotes"]}, theirs)
                attended = {
                    m["slug"]
                    for m in self.meetings_yaml
                    if any(p["person"] == record["slug"] for p in m.get("participants") or [])
                }
                self.assertEqual({m["slug"] for m in data["meetings"]}, attended)
                self.assertTrue(
                    data["quotes_csv_url"].endswith(f"/quotes.csv?speaker={record['slug']}")
                )

    def test_each_outlet_has_its_articles_and_the_quotes_taken_from_them(self):
        for record in self.outlets_yaml:
            with self.subTest(outlet=record["slug"]):
                data = self.get_json(f"/outlets/{record['slug']}.json")
                self.assertEqual(data["name"], record["name"])
                self.assertEqual(data["kind"], record["kind"])
                articles = {a["slug"] for a in self.articles_yaml if a["outlet"] == record["slug"]}
                self.assertEqual({a["slug"] for a in data["articles"]}, articles)
                taken = {q["slug"] for q in self.quotes_yaml if q["article"] in articles}
                self.assertEqual({q["slug"] for q in data["quotes"]}, taken)

    def test_each_article_has_its_outlet_authors_date_and_quotes(self):
        for record in self.articles_yaml:
            with self.subTest(article=record["slug"]):
                data = self.get_json(f"/articles/{record['slug']}.json")
                self.assertEqual(data["title"], record["title"])
                self.assertEqual(data["outlet"]["slug"], record["outlet"])
                self.assertEqual([a["slug"] for a in data["authors"]], record.get("authors") or [])
                self.assertEqual(date_of(data["published"]), iso(record.get("published")))
                self.assertEqual(data["original_url"], record.get("url") or None)
                taken = {q["slug"] for q in self.quotes_yaml if q["article"] == record["slug"]}
                self.assertEqual({q["slug"] for q in data["quotes"]}, taken)
                self.assertEqual(data["source_paragraphs"], record["source_paragraphs"])
                copy = data["republication"] or {}
                self.assertEqual(
                    (copy.get("republished_by") or {}).get("slug"), record.get("republished_by")
                )
                self.assertEqual(
                    date_of(copy.get("republished_on")), iso(record.get("republished_on"))
                )

    def test_a_copy_and_its_original_apart(self):
        data = self.get_json("/articles/neo-2025-09-korean-dimension-of-events-in-china-ii.json")
        self.assertEqual(data["published"], {"date": "2025-09-11", "precision": "day"})
        self.assertEqual(
            data["republication"]["republished_on"], {"date": "2025-09-18", "precision": "day"}
        )
        self.assertIsNone(data["republication"]["republished_by"])
        self.assertIn("does not name itself", data["republication"]["note"])
        original = self.get_json("/articles/eurasia-review-2019-meeting-between-putin-and-kim.json")
        self.assertIsNone(original["republication"])

    def test_an_unknown_first_channel_and_the_relays_the_source_names(self):
        data = self.get_json("/quotes/kim-2023-unbreakable-strategic-partnership.json")
        self.assertIsNone(data["channel"])
        self.assertIn("first channel unknown", data["channel_note"])
        self.assertEqual([outlet["name"] for outlet in data["relayed_by"]], ["Yonhap News Agency"])

    def test_dates_carry_their_precision(self):
        precisions = {"day": 10, "month": 7, "year": 4}
        for record in self.quotes_yaml:
            said_on = self.get_json(f"/quotes/{record['slug']}.json")["said_on"]
            if said_on:
                self.assertEqual(len(said_on["date"]), precisions[said_on["precision"]])

    def test_links_are_absolute_and_lead_to_the_record_and_its_page(self):
        record = self.quotes_yaml[0]
        data = self.get_json(f"/quotes/{record['slug']}.json")
        self.assertEqual(data["url"], f"http://testserver/quotes/{record['slug']}/")
        self.assertEqual(data["json_url"], f"http://testserver/quotes/{record['slug']}.json")
        related = [data["speaker"], data["article"], data["article"]["outlet"]]
        related += [data[key] for key in ("meeting", "channel") if data[key]]
        for ref in related:
            self.assertEqual(self.get_json(path_of(ref["json_url"]))["slug"], ref["slug"])
            self.assertEqual(self.client.get(path_of(ref["url"])).status_code, 200, ref["url"])

    def test_site_url_setting_is_used_for_links(self):
        record = self.quotes_yaml[0]
        with self.settings(SITE_URL="https://archive.example"):
            data = self.get_json(f"/quotes/{record['slug']}.json")
        self.assertEqual(data["url"], f"https://archive.example/quotes/{record['slug']}/")


class ListJsonTests(JsonTestCase):
    def test_every_list_holds_every_record_once(self):
        for url, records in [
            ("/quotes.json", self.quotes_yaml),
            ("/meetings.json", self.meetings_yaml),
            ("/people.json", self.people_yaml),
            ("/outlets.json", self.outlets_yaml),
            ("/articles.json", self.articles_yaml),
        ]:
            with self.subTest(url=url):
                first_page = self.get_json(url)
                self.assertEqual(first_page["count"], len(records))
                slugs = [item["slug"] for item in self.all_results(url)]
                self.assertCountEqual(slugs, [record["slug"] for record in records])

    def test_pagination_links_keep_the_filters(self):
        speaker = self.quotes_yaml[0]["speaker"]
        article = self.article(self.quotes_yaml[0]["article"])
        Quote.objects.bulk_create(
            Quote(
                slug=f"extra-{n:03d}",
                text=f"Extra {n}",
                speaker=self.person(speaker),
                article=article,
            )
            for n in range(150)
        )
        expected = Quote.objects.filter(speaker__slug=speaker).count()
        page = self.get_json(f"/quotes.json?speaker={speaker}")
        self.assertEqual(page["count"], expected)
        self.assertEqual(page["page"], 1)
        self.assertEqual(page["num_pages"], -(-expected // 100))
        self.assertIsNone(page["previous"])
        self.assertEqual(page["next"], f"http://testserver/quotes.json?speaker={speaker}&page=2")
        self.assertEqual(
            page["last"],
            f"http://testserver/quotes.json?speaker={speaker}&page={page['num_pages']}",
        )
        second = self.get_json(path_of(page["next"]))
        self.assertEqual(
            second["previous"], f"http://testserver/quotes.json?speaker={speaker}&page=1"
        )
        slugs = [q["slug"] for q in self.all_results(f"/quotes.json?speaker={speaker}")]
        self.assertEqual(len(slugs), len(set(slugs)))
        self.assertEqual(len(slugs), expected)

    def test_quote_filters(self):
        first = self.quotes_yaml[0]
        outlet = self.outlet_of_article[first["article"]]
        year = iso(first.get("said_on"))[:4] or None
        cases = {
            f"speaker={first['speaker']}": lambda q: q["speaker"] == first["speaker"],
            f"outlet={outlet}": lambda q: self.outlet_of_article[q["article"]] == outlet,
        }
        if first.get("meeting"):
            cases[f"meeting={first['meeting']}"] = lambda q: q.get("meeting") == first["meeting"]
        if year:
            cases[f"year={year}"] = lambda q: iso(q.get("said_on")).startswith(year)
            cases[f"speaker={first['speaker']}&year={year}"] = lambda q: (
                q["speaker"] == first["speaker"] and iso(q.get("said_on")).startswith(year)
            )
        for query, matches in cases.items():
            with self.subTest(query=query):
                expected = {q["slug"] for q in self.quotes_yaml if matches(q)}
                self.assertIn(first["slug"], expected)
                got = {q["slug"] for q in self.all_results(f"/quotes.json?{query}")}
                self.assertEqual(got, expected)

    def test_meeting_filters(self):
        meeting = self.meetings_yaml[0]
        year = iso(meeting["start"])[:4]
        got = {
            m["slug"]
            for m in self.all_results(f"/meetings.json?year={year}&kind={meeting['kind']}")
        }
        expected = {
            m["slug"]
            for m in self.meetings_yaml
            if iso(m["start"]).startswith(year) and m["kind"] == meeting["kind"]
        }
        self.assertIn(meeting["slug"], got)
        self.assertEqual(got, expected)
        # The meetings page's own choices: Putin–Kim meetings and the others.
        putin_kim = {m["slug"] for m in self.all_results("/meetings.json?kind=putin-kim")}
        self.assertEqual(
            putin_kim, {m["slug"] for m in self.meetings_yaml if m.get("is_putin_kim")}
        )
        others = {m["slug"] for m in self.all_results("/meetings.json?kind=other")}
        self.assertEqual(others, {m["slug"] for m in self.meetings_yaml} - putin_kim)

    def test_quote_list_query_count_does_not_grow_with_the_data(self):
        def queries_for(url):
            with CaptureQueriesContext(connection) as queries:
                self.get_json(url)
            return len(queries)

        before = queries_for("/quotes.json")
        article = self.article(self.quotes_yaml[0]["article"])
        speaker = self.person(self.quotes_yaml[0]["speaker"])
        Quote.objects.bulk_create(
            Quote(slug=f"more-{n}", text="More", speaker=speaker, article=article)
            for n in range(40)
        )
        self.assertEqual(queries_for("/quotes.json"), before)
        self.assertLessEqual(before, 3)


class QueryCountTests(JsonTestCase):
    def queries_for(self, url):
        with CaptureQueriesContext(connection) as queries:
            self.get_json(url)
        return len(queries)

    def add_related_quotes(self, quote, count, start=0):
        extra = Quote.objects.bulk_create(
            Quote(
                slug=f"related-{n}",
                text="Related",
                speaker=quote.speaker,
                meeting=quote.meeting,
                channel=quote.channel,
                article=quote.article,
            )
            for n in range(start, start + count)
        )
        quote.same_statement.add(*extra)
        Quote.objects.match_article_outlets()  # as the loader does after writing

    def test_detail_query_counts_do_not_grow_with_the_related_records(self):
        quote = Quote.objects.with_sources().exclude(meeting=None).first()
        urls = [
            f"/meetings/{quote.meeting.slug}.json",
            f"/people/{quote.speaker.slug}.json",
            f"/outlets/{quote.article.outlet.slug}.json",
            f"/articles/{quote.article.slug}.json",
            f"/quotes/{quote.slug}.json",
        ]
        # Past every list's bound first: a list cut short costs one count, as on its page.
        self.add_related_quotes(quote, 60)
        before = {url: self.queries_for(url) for url in urls}
        self.add_related_quotes(quote, 60, start=60)
        self.assertEqual({url: self.queries_for(url) for url in urls}, before)

    def test_a_twin_lists_what_its_page_shows_and_links_to_the_rest(self):
        quote = Quote.objects.with_sources().exclude(meeting=None).first()
        self.add_related_quotes(quote, 60)
        person = self.get_json(f"/people/{quote.speaker.slug}.json")
        total = Quote.objects.filter(speaker=quote.speaker).count()
        self.assertEqual(len(person["quotes"]), 20)
        self.assertEqual(person["quotes_total"], total)
        everything = self.get_json(person["quotes_json_url"].removeprefix("http://testserver"))
        self.assertEqual(everything["count"], total)
        meeting = self.get_json(f"/meetings/{quote.meeting.slug}.json")
        self.assertEqual(len(meeting["quotes"]), 50)
        self.assertEqual(
            meeting["quotes_total"], Quote.objects.filter(meeting=quote.meeting).count()
        )
        self.assertTrue(meeting["quotes_json_url"].endswith(f"?meeting={quote.meeting.slug}"))
        article = self.get_json(f"/articles/{quote.article.slug}.json")
        self.assertEqual(len(article["quotes"]), 50)
        self.assertEqual(
            article["quotes_total"], Quote.objects.filter(article=quote.article).count()
        )
        outlet = self.get_json(f"/outlets/{quote.article.outlet.slug}.json")
        self.assertEqual(len(outlet["quotes"]), 20)
        self.assertIn("quotes_first_carried_total", outlet)


class BadInputTests(JsonTestCase):
    def test_unknown_record_is_a_json_404(self):
        for url in [
            "/quotes/no-such-quote.json",
            "/meetings/no-such-meeting.json",
            "/people/nobody.json",
            "/outlets/no-such-outlet.json",
            "/articles/no-such-article.json",
            "/quotes/%E2%9C%93.json",
            "/people/kim.jong.un.json",
        ]:
            with self.subTest(url=url):
                data = self.get_json(url, status=404)
                self.assertEqual(data["status"], 404)
                self.assertTrue(data["error"])

    def test_page_that_does_not_exist_is_a_json_404(self):
        for page in ["999", "0", "-1", "abc", "1.5", "9" * 40]:
            with self.subTest(page=page):
                self.get_json(f"/quotes.json?page={page}", status=404)
                self.get_json(f"/people.json?page={page}", status=404)

    def test_bad_filter_is_a_json_400_that_says_what_is_wrong(self):
        data = self.get_json("/quotes.json?speaker=nobody-at-all", status=400)
        self.assertIn("nobody-at-all", data["detail"]["speaker"][0])
        for query in [
            "year=abc",
            "year=99999",
            "meeting=%00",
            "outlet=" + "x" * 5000,
            "speaker=kim jong un",
        ]:
            with self.subTest(query=query):
                self.get_json(f"/quotes.json?{query}", status=400)
        self.get_json("/meetings.json?kind=picnic", status=400)
