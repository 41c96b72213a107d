"""Reference-manager files (RIS, BibTeX, CSL-JSON) per record and per list, read back by real
parsers, and the Highwire citation_* tags Zotero's connector reads from the pages."""

import json
import re
from html.parser import HTMLParser

import rispy
from pybtex.database import parse_string

from archive.models import Quote
from tests.page_checks import PageTestCase
from tests.search_base import SearchTestCase

TREATY = "/quotes/putin-2024-treaty-mutual-assistance/"
MONTH_ONLY = "/quotes/yeo-2025-greater-international-legitimacy/"  # said in September 2025
YEAR_ONLY = "/quotes/matviyenko-2018-attended-70th-anniversary/"
KIM_2019 = "/quotes/kim-2019-entirely-depend/"
MEETING = "/meetings/putin-kim-2024-pyongyang/"
ARTICLE = "/articles/neo-2025-09-korean-dimension-of-events-in-china-ii/"
RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - .*$")
CSL_TYPES = {
    "article", "article-journal", "article-magazine", "article-newspaper", "post",
    "post-weblog", "report", "speech", "webpage",
}  # fmt: skip


def check_ris(text):
    """Strict RIS: CRLF lines of `XX  - value`, each record from TY to ER."""
    lines = text.split("\r\n")
    assert lines[-1] == "", "the file ends with a line break"
    records, inside = 0, False
    for line in lines[:-1]:
        assert RIS_LINE.match(line), f"not an RIS line: {line!r}"
        if line.startswith("TY  - "):
            assert not inside, "TY inside a record"
            inside, records = True, records + 1
        elif line == "ER  - ":
            assert inside, "ER outside a record"
            inside = False
        else:
            assert inside, f"a tag outside a record: {line!r}"
    assert not inside
    return rispy.loads(text)


def check_csl(text):
    """CSL-JSON: a list of items with the CSL variables' own shapes."""
    items = json.loads(text)
    assert isinstance(items, list)
    for item in items:
        assert item["type"] in CSL_TYPES, item["type"]
        assert isinstance(item["id"], str) and isinstance(item["title"], str)
        for name in item.get("author", []):
            assert set(name) in (
                {"literal"},
                {"family", "given"},
                {"family", "given", "static-ordering"},
            ), name
        if "issued" in item:
            (parts,) = item["issued"]["date-parts"]
            assert 1 <= len(parts) <= 3 and all(isinstance(part, int) for part in parts)
    return items


class CitationTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name", "")
        if tag == "meta" and (name.startswith("citation_") or name.startswith("DC.")):
            self.tags.append((name, attrs["content"]))


class RecordFileTests(PageTestCase):
    def download(self, url, content_type):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], f"{content_type}; charset=utf-8")
        self.assertTrue(response["Content-Disposition"].startswith("attachment; filename="))
        return b"".join(
            response.streaming_content if response.streaming else [response.content]
        ).decode()

    def ris(self, url):
        return check_ris(self.download(url, "application/x-research-info-systems"))

    def bibtex(self, url):
        return parse_string(self.download(url, "application/x-bibtex"), "bibtex").entries

    def csl(self, url):
        return check_csl(self.download(url, "application/vnd.citationstyles.csl+json"))

    def test_a_quote_in_each_format(self):
        base = TREATY.rstrip("/")
        (ris,) = self.ris(f"{base}.ris")
        self.assertEqual(ris["type_of_reference"], "GEN")
        self.assertEqual(ris["authors"], ["Putin, Vladimir"])
        self.assertEqual(ris["date"], "2024/06/19/")
        self.assertEqual(ris["year"], "2024")
        self.assertEqual(ris["urls"], [f"http://testserver{TREATY}"])
        entry = self.bibtex(f"{base}.bib")["putin-2024-treaty-mutual-assistance"]
        self.assertEqual(str(entry.persons["author"][0]), "Putin, Vladimir")
        self.assertEqual(entry.fields["date"], "2024-06-19")
        (item,) = self.csl(f"{base}.csl.json")
        self.assertEqual(item["type"], "speech")
        self.assertEqual(item["issued"], {"date-parts": [[2024, 6, 19]]})
        self.assertEqual(item["URL"], f"http://testserver{TREATY}")
        quote = self.quote("putin-2024-treaty-mutual-assistance")
        self.assertEqual(ris["title"], item["title"])
        self.assertIn(item["title"], quote.text)
        self.assertIn(quote.article.outlet.name, item["note"])

    def test_dates_keep_the_precision_of_the_source(self):
        for url, ris_date, parts, month in [
            (MONTH_ONLY, "2025/09//", [2025, 9], "sep"),
            (YEAR_ONLY, "2018///", [2018], None),
        ]:
            with self.subTest(url):
                base = url.rstrip("/")
                (ris,) = self.ris(f"{base}.ris")
                self.assertEqual(ris["date"], ris_date)
                (item,) = self.csl(f"{base}.csl.json")
                self.assertEqual(item["issued"], {"date-parts": [parts]})
                (entry,) = self.bibtex(f"{base}.bib").values()
                self.assertEqual(entry.fields.get("month"), month)
                self.assertNotIn("day", entry.fields)

    def test_korean_names_keep_the_family_name_first(self):
        base = KIM_2019.rstrip("/")
        (item,) = self.csl(f"{base}.csl.json")
        self.assertEqual(
            item["author"], [{"family": "Kim", "given": "Jong Un", "static-ordering": True}]
        )
        self.assertEqual(self.ris(f"{base}.ris")[0]["authors"], ["Kim, Jong Un"])

    def test_a_meeting_is_the_archive_record_with_no_invented_date(self):
        base = MEETING.rstrip("/")
        (ris,) = self.ris(f"{base}.ris")
        self.assertEqual(ris["type_of_reference"], "ELEC")
        self.assertEqual(ris["authors"], ["Summit Archive"])
        self.assertNotIn("year", ris)
        (item,) = self.csl(f"{base}.csl.json")
        self.assertEqual(
            (item["type"], item["author"]), ("webpage", [{"literal": "Summit Archive"}])
        )
        self.assertNotIn("issued", item)
        self.assertIn("putin-kim-2024-pyongyang", self.bibtex(f"{base}.bib"))

    def test_an_article_is_cited_at_its_original_address(self):
        article = self.article("neo-2025-09-korean-dimension-of-events-in-china-ii")
        base = ARTICLE.rstrip("/")
        (ris,) = self.ris(f"{base}.ris")
        self.assertEqual(ris["urls"], [article.url])
        self.assertEqual(ris["secondary_title"], article.outlet.name)
        (item,) = self.csl(f"{base}.csl.json")
        self.assertEqual(item["container-title"], article.outlet.name)
        # The original's date (the copy we read is dated 18 September: fixtures/articles.yaml).
        self.assertEqual(item["issued"], {"date-parts": [[2025, 9, 11]]})

    def test_unknown_records_and_formats_are_not_found(self):
        for url in ["/quotes/no-such-quote.ris", "/meetings/nothing.bib", "/quotes/x.doc",
                    "/people/kim-jong-un.ris"]:  # fmt: skip
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_each_record_page_links_its_three_files(self):
        for url in [TREATY, MEETING, ARTICLE]:
            with self.subTest(url):
                content = self.get(url).content.decode()
                base = url.rstrip("/")
                for extension in ["ris", "bib", "csl.json"]:
                    self.assertIn(f'href="{base}.{extension}" download', content)


class ListFileTests(PageTestCase):
    def test_a_persons_quotes_as_one_file_in_each_format(self):
        kim = self.person("kim-jong-un")
        count = Quote.objects.filter(speaker=kim).count()
        self.assertGreater(count, 1)
        response = self.client.get("/quotes.ris", {"speaker": "kim-jong-un"})
        self.assertIn("speaker-kim-jong-un.ris", response["Content-Disposition"])
        ris = check_ris(b"".join(response.streaming_content).decode())
        self.assertEqual(len(ris), count)
        self.assertEqual({record["authors"][0] for record in ris}, {"Kim, Jong Un"})
        bib = b"".join(self.client.get("/quotes.bib", {"speaker": "kim-jong-un"}).streaming_content)
        self.assertEqual(len(parse_string(bib.decode(), "bibtex").entries), count)
        csl = b"".join(self.client.get("/quotes.csl.json?speaker=kim-jong-un").streaming_content)
        self.assertEqual(len(check_csl(csl.decode())), count)

    def test_the_whole_list_and_a_filtered_one(self):
        everything = b"".join(self.client.get("/quotes.bib").streaming_content).decode()
        self.assertEqual(len(parse_string(everything, "bibtex").entries), Quote.objects.count())
        in_2019 = check_ris(
            b"".join(self.client.get("/quotes.ris?year=2019").streaming_content).decode()
        )
        self.assertEqual(len(in_2019), Quote.objects.filter(said_on__startswith="2019").count())

    def test_a_bad_filter_is_a_clear_400(self):
        response = self.client.get("/quotes.ris", {"speaker": "nobody-at-all"})
        self.assertEqual(response.status_code, 400)
        self.assertIn(b"speaker", response.content)

    def test_the_person_page_and_the_quote_list_link_their_files(self):
        content = self.get("/people/kim-jong-un/").content.decode()
        self.assertIn('href="/quotes.ris?speaker=kim-jong-un" download', content)
        content = self.get("/quotes/?speaker=kim-jong-un&year=2019").content.decode()
        self.assertIn('href="/quotes.bib?speaker=kim-jong-un&amp;year=2019" download', content)
        self.assertIn('href="/quotes.csl.json" download', self.get("/quotes/").content.decode())


class SearchFileTests(SearchTestCase):
    def test_the_quotations_a_search_finds_as_one_file(self):
        csv_rows = b"".join(self.client.get("/search.csv?q=treaty").streaming_content)
        found = len(csv_rows.decode().strip().splitlines()) - 1
        self.assertGreater(found, 0)
        ris = check_ris(
            b"".join(self.client.get("/search.ris?q=treaty").streaming_content).decode()
        )
        self.assertEqual(len(ris), found)
        csl = b"".join(self.client.get("/search.csl.json?q=treaty").streaming_content).decode()
        self.assertEqual(len(check_csl(csl)), found)

    def test_an_empty_search_is_a_clear_400(self):
        response = self.client.get("/search.bib")
        self.assertEqual(response.status_code, 400)
        self.assertIn(b"Nothing to search for", response.content)

    def test_the_search_page_links_its_files(self):
        content = self.search(q="treaty").content.decode()
        self.assertIn('href="/search.ris?q=treaty" download', content)


class HighwireTagTests(PageTestCase):
    def citation_tags(self, url):
        parser = CitationTags()
        parser.feed(self.get(url).content.decode())
        return parser.tags

    def test_a_quote_page_is_a_web_page_by_its_speaker(self):
        tags = dict(self.citation_tags(TREATY))
        self.assertEqual(tags["DC.type"], "webpage")
        self.assertEqual(tags["citation_author"], "Vladimir Putin")
        self.assertEqual(tags["citation_date"], "2024/06/19")
        self.assertEqual(tags["citation_publisher"], "Summit Archive")
        self.assertEqual(tags["citation_public_url"], f"http://testserver{TREATY}")
        self.assertIn(
            tags["citation_title"], self.quote("putin-2024-treaty-mutual-assistance").text
        )

    def test_a_date_known_to_the_month_is_given_to_the_month(self):
        self.assertEqual(dict(self.citation_tags(MONTH_ONLY))["citation_date"], "2025/09")
        self.assertEqual(dict(self.citation_tags(YEAR_ONLY))["citation_date"], "2018")

    def test_an_article_page_is_the_original_article_with_every_author(self):
        article = self.article("neo-2025-09-korean-dimension-of-events-in-china-ii")
        tags = self.citation_tags(ARTICLE)
        self.assertEqual(dict(tags)["DC.type"], "journalArticle")  # an analysis journal
        self.assertEqual(dict(tags)["citation_journal_title"], article.outlet.name)
        authors = [value for name, value in tags if name == "citation_author"]
        self.assertEqual(authors, [author.name for author in article.authors.all()])
        self.assertEqual(dict(tags)["citation_public_url"], article.url)

    def test_a_meeting_page_is_the_archive_record_with_no_invented_date(self):
        tags = dict(self.citation_tags(MEETING))
        self.assertEqual(tags["DC.type"], "webpage")
        self.assertNotIn("citation_date", tags)
        self.assertIn("Putin's state visit to Pyongyang", tags["citation_title"])

    def test_pages_that_are_no_record_have_no_citation_tags(self):
        for url in ["/", "/quotes/", "/people/kim-jong-un/"]:
            with self.subTest(url):
                self.assertEqual(self.citation_tags(url), [])
