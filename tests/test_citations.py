"""Citations in Chicago, APA and BibTeX, built from unsaved records (no database needed)."""

from django.test import SimpleTestCase

from archive import citations
from archive.dates import PartialDate
from archive.models import Article, Meeting, Outlet, Person, Quote

URL = "https://summit.example/quotes/putin-2024-treaty/"


def person(name, country="", is_organisation=False):
    return Person(name=name, slug="x", country=country, is_organisation=is_organisation)


def article(published="2025-09-18", url="https://journal-neo.su/2025/09/18/korean-dimension/"):
    return Article(
        slug="neo-2025-korean-dimension",
        title="The Korean Dimension of Events in China - II",
        outlet=Outlet(slug="neo", name="New Eastern Outlook", kind="analysis"),
        published=PartialDate.parse(published) if published else None,
        url=url,
    )


class NameTests(SimpleTestCase):
    def test_western_names_are_inverted_by_their_last_word(self):
        asmolov = person("Konstantin Asmolov", "RU")
        self.assertEqual(citations.chicago_name(asmolov, first=True), "Asmolov, Konstantin")
        self.assertEqual(citations.apa_name(asmolov), "Asmolov, K.")
        self.assertEqual(citations.bibtex_name(asmolov), "Asmolov, Konstantin")

    def test_korean_names_keep_the_family_name_first(self):
        kim = person("Kim Jong Un", "KP")
        self.assertEqual(citations.chicago_name(kim, first=True), "Kim Jong Un")
        self.assertEqual(citations.apa_name(kim), "Kim, J. U.")
        self.assertEqual(citations.bibtex_name(kim), "Kim, Jong Un")

    def test_hyphenated_given_names_keep_the_hyphen_in_initials(self):
        self.assertEqual(citations.apa_name(person("Moon Jae-in", "KR")), "Moon, J.-I.")

    def test_institutions_are_never_inverted(self):
        kremlin = person("The Kremlin", "RU", is_organisation=True)
        self.assertEqual(citations.apa_name(kremlin), "The Kremlin")
        self.assertEqual(citations.bibtex_name(kremlin), "{The Kremlin}")

    def test_author_lists(self):
        a, b, c = person("Ann Lee"), person("Bob Ray"), person("Cy Young")
        self.assertEqual(citations.join_chicago([a, b]), "Lee, Ann, and Bob Ray")
        self.assertEqual(citations.join_chicago([a, b, c]), "Lee, Ann, Bob Ray, and Cy Young")
        self.assertEqual(citations.join_apa([a, b, c]), "Lee, A., Ray, B., & Young, C.")


class DateTests(SimpleTestCase):
    def test_dates_keep_the_precision_of_the_source(self):
        cases = [
            ("2024-06-19", "June 19, 2024", "(2024, June 19)"),
            ("2019-04", "April 2019", "(2019, April)"),
            ("2018", "2018", "(2018)"),
        ]
        for iso, chicago, apa in cases:
            with self.subTest(iso):
                date = PartialDate.parse(iso)
                self.assertEqual(citations.chicago_date(date), chicago)
                self.assertEqual(citations.apa_date(date), apa)

    def test_a_missing_date_is_no_date(self):
        self.assertEqual(citations.chicago_date(None), "n.d.")
        self.assertEqual(citations.apa_date(None), "(n.d.)")


class ArticleCitationTests(SimpleTestCase):
    def test_article_with_author_date_and_address(self):
        cite = citations.cite_article(
            article(), [person("Konstantin Asmolov", "RU")], "https://summit.example/a/"
        )
        self.assertEqual(
            cite.chicago,
            'Asmolov, Konstantin. "The Korean Dimension of Events in China - II." '
            "New Eastern Outlook, September 18, 2025. "
            "https://journal-neo.su/2025/09/18/korean-dimension/.",
        )
        self.assertEqual(
            cite.apa,
            "Asmolov, K. (2025, September 18). The Korean Dimension of Events in China - II. "
            "New Eastern Outlook. https://journal-neo.su/2025/09/18/korean-dimension/",
        )
        self.assertEqual(
            cite.bibtex,
            "@misc{neo-2025-korean-dimension,\n"
            "  author = {Asmolov, Konstantin},\n"
            "  title = {The Korean Dimension of Events in China - II},\n"
            "  howpublished = {New Eastern Outlook},\n"
            "  year = {2025},\n"
            "  month = {sep},\n"
            "  date = {2025-09-18},\n"
            "  url = {https://journal-neo.su/2025/09/18/korean-dimension/},\n"
            "}",
        )

    def test_no_author_no_date_no_address_are_written_as_unknown_not_guessed(self):
        cite = citations.cite_article(
            article(published=None, url=""), [], "https://summit.example/articles/x/"
        )
        self.assertTrue(cite.chicago.startswith('"The Korean Dimension of Events in China - II."'))
        self.assertIn("n.d.", cite.chicago)
        self.assertIn("(n.d.)", cite.apa)
        # Without the original's address, the archive's page is what a reader can follow.
        self.assertIn("https://summit.example/articles/x/", cite.apa)
        self.assertIn("Summarised in Summit Archive", cite.chicago)
        self.assertNotIn("author", cite.bibtex)
        self.assertIn("year = {n.d.}", cite.bibtex)


class MeetingAndQuoteCitationTests(SimpleTestCase):
    def setUp(self):
        self.meeting = Meeting(
            slug="putin-kim-2024-pyongyang",
            title="Putin's state visit to Pyongyang",
            start=PartialDate.parse("2024-06-19"),
            city="Pyongyang",
            country="KP",
        )

    def test_meeting_is_cited_as_the_archive_record(self):
        cite = citations.cite_meeting(self.meeting, "https://summit.example/meetings/m/")
        self.assertEqual(
            cite.chicago,
            'Summit Archive. "Putin\'s state visit to Pyongyang, 19 June 2024." '
            "https://summit.example/meetings/m/.",
        )
        self.assertEqual(
            cite.apa,
            "Summit Archive. (n.d.). Putin's state visit to Pyongyang, 19 June 2024. "
            "https://summit.example/meetings/m/",
        )
        self.assertIn("@misc{putin-kim-2024-pyongyang,", cite.bibtex)
        self.assertIn("author = {{Summit Archive}}", cite.bibtex)

    def test_quote_names_speaker_occasion_and_the_article_it_was_quoted_in(self):
        quote = Quote(
            slug="putin-2024-treaty",
            text="a truly groundbreaking document",
            speaker=person("Vladimir Putin", "RU"),
            meeting=self.meeting,
            said_on=PartialDate.parse("2024-06-19"),
            article=article(),
        )
        cite = citations.cite_quote(quote, URL)
        self.assertEqual(
            cite.chicago,
            'Vladimir Putin, "a truly groundbreaking document", Putin\'s state visit to '
            'Pyongyang, June 19, 2024. Quoted in "The Korean Dimension of Events in China - II." '
            f"New Eastern Outlook, September 18, 2025. Summit Archive, {URL}.",
        )
        self.assertTrue(
            cite.apa.startswith("Putin, V. (2024, June 19). \u201ca truly groundbreaking")
        )
        self.assertIn("author = {Putin, Vladimir}", cite.bibtex)
        self.assertIn("note = {Said at: Putin's state visit to Pyongyang}", cite.bibtex)

    def test_the_comma_that_ends_a_quotation_in_its_sentence_is_left_out(self):
        quote = Quote(
            slug="q",
            text="provides for mutual assistance,",
            speaker=person("Vladimir Putin", "RU"),
            article=article(),
        )
        cite = citations.cite_quote(quote, URL)
        self.assertIn('"provides for mutual assistance", n.d.', cite.chicago)
        self.assertIn("\u201cprovides for mutual assistance\u201d", cite.apa)
        self.assertIn("title = {provides for mutual assistance}", cite.bibtex)

    def test_no_date_ends_its_sentence_with_one_full_stop(self):
        quote = Quote(
            slug="q",
            text="words",
            speaker=person("Vladimir Putin", "RU"),
            article=article(published=None),
        )
        chicago = citations.cite_quote(quote, URL).chicago
        self.assertIn('"words", n.d. Quoted in', chicago)
        self.assertIn("New Eastern Outlook, n.d. Summit Archive", chicago)
        self.assertNotIn("n.d..", chicago)
        cite = citations.cite_article(article(published=None), [], "https://summit.example/a/")
        self.assertNotIn("n.d..", cite.chicago)

    def test_bibtex_escapes_special_characters(self):
        self.assertEqual(citations.bibtex_escape("R&D 100% {x}"), r"R\&D 100\% \{x\}")
