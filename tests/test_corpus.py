"""The corpus itself: what the archive says once the real fixtures are loaded.

These tests pin the facts a reader relies on (the four Putin–Kim meetings, who said what, where it
was first carried and where we took it from), so an edit to the fixtures that loses or misattributes
one of them fails here with the record's slug in the message.
"""

import os
import unittest
from unittest import mock

from django.conf import settings
from django.test import SimpleTestCase

from archive import source_checks
from archive.dates import PartialDate
from archive.models import Article, Meeting, Outlet, Participation, Person, Quote, Role
from tests.base import ArchiveTestCase
from tests.source_support import source_documents

SEED_DOCUMENTS = {
    "000_79b3441c8ef9c2bd.txt",
    "001_d4716b89df40a0ad.txt",
    "002_49f5b9250815b663.txt",
    "003_d53a181161bd6c0e.txt",
    "004_8eabe5210f6f45c4.txt",
}


class CorpusSizeTests(ArchiveTestCase):
    def test_counts_of_every_record(self):
        self.assertEqual(Outlet.objects.count(), 16)
        self.assertEqual(Person.objects.count(), 34)
        self.assertEqual(Role.objects.count(), 33)
        self.assertEqual(Meeting.objects.count(), 20)
        self.assertEqual(Participation.objects.count(), 47)
        self.assertEqual(Article.objects.count(), 14)
        self.assertEqual(Quote.objects.count(), 41)

    def test_articles_per_source_document(self):
        # One per document, plus one per item the blog compilation (002) quotes.
        per_seed = {
            seed: Article.objects.filter(seed_document=seed).count() for seed in SEED_DOCUMENTS
        }
        self.assertEqual(
            per_seed,
            {
                "000_79b3441c8ef9c2bd.txt": 1,
                "001_d4716b89df40a0ad.txt": 1,
                "002_49f5b9250815b663.txt": 10,
                "003_d53a181161bd6c0e.txt": 1,
                "004_8eabe5210f6f45c4.txt": 1,
            },
        )

    def test_every_article_names_one_of_the_source_documents(self):
        self.assertEqual(
            set(Article.objects.values_list("seed_document", flat=True)), SEED_DOCUMENTS
        )


class PutinKimMeetingTests(ArchiveTestCase):
    FOUR = {
        "putin-kim-2019-vladivostok": ("2019-04-25", "Vladivostok", "RU"),
        "putin-kim-2023-vostochny": ("2023-09-13", "", "RU"),
        "putin-kim-2024-pyongyang": ("2024-06-19", "Pyongyang", "KP"),
        "putin-kim-2025-beijing": ("2025-09-03", "Beijing", "CN"),
    }

    def test_only_the_four_meetings_in_person_are_putin_kim_meetings(self):
        self.assertEqual(
            set(Meeting.objects.putin_kim().values_list("slug", flat=True)), set(self.FOUR)
        )

    def test_dates_and_places(self):
        for slug, (start, city, country) in self.FOUR.items():
            with self.subTest(slug):
                meeting = self.meeting(slug)
                self.assertEqual(meeting.start, PartialDate.parse(start))
                self.assertEqual(meeting.city, city)
                self.assertEqual(meeting.country, country)
                self.assertIsNotNone(meeting.latitude)

    def test_venues(self):
        self.assertEqual(
            self.meeting("putin-kim-2023-vostochny").venue, "Vostochny Cosmodrome, Amur region"
        )
        self.assertEqual(self.meeting("putin-kim-2025-beijing").venue, "Diaoyutai state residence")

    def test_putin_and_kim_take_part_in_each(self):
        for slug in self.FOUR:
            with self.subTest(slug):
                people = set(self.meeting(slug).participants.values_list("slug", flat=True))
                self.assertLessEqual({"vladimir-putin", "kim-jong-un"}, people)

    def test_the_russian_delegation_in_beijing(self):
        delegation = Participation.objects.filter(
            meeting__slug="putin-kim-2025-beijing", part="delegation"
        )
        self.assertEqual(
            {p.person.slug: p.role for p in delegation},
            {
                "sergey-lavrov": "Foreign Minister",
                "andrei-belousov": "Minister of Defense",
                "alexander-kozlov": "Minister of Natural Resources and Environment",
                "yuri-ushakov": "The Russian president's aide on foreign policy",
            },
        )

    def test_the_2024_treaty_is_an_outcome(self):
        self.assertIn(
            "Treaty on Comprehensive Strategic Partnership signed",
            self.meeting("putin-kim-2024-pyongyang").outcomes,
        )

    def test_the_telegram_has_a_sender_and_a_recipient(self):
        parts = dict(
            self.meeting("putin-telegram-2025-09-04").participations.values_list(
                "person__slug", "part"
            )
        )
        self.assertEqual(parts, {"vladimir-putin": "sender", "kim-jong-un": "recipient"})


class QuoteAttributionTests(ArchiveTestCase):
    # slug: (speaker, meeting said at, first channel, article taken from, said_on, is_fragment)
    SAMPLE = {
        "kim-2025-fraternal-duty": (
            "kim-jong-un", "putin-kim-2025-beijing", "kremlin-website",
            "neo-2025-09-korean-dimension-of-events-in-china-ii", "2025-09-03", False,
        ),
        "putin-2025-telegram-comprehensive-strategic-partnership": (
            "vladimir-putin", "putin-telegram-2025-09-04", None,
            "neo-2025-09-korean-dimension-of-events-in-china-ii", "2025-09-04", False,
        ),
        "kim-2019-entirely-depend": (
            "kim-jong-un", "putin-kim-2019-vladivostok", None,
            "eurasia-review-2019-meeting-between-putin-and-kim", "2019-04", True,
        ),
        "putin-2024-treaty-mutual-assistance": (
            "vladimir-putin", "putin-kim-2024-pyongyang", "tass",
            "korea-blog-putin-kim-sign-partnership-treaty", "2024-06-19", False,
        ),
        "kcna-2023-putin-accepted-invitation": (
            "korean-central-news-agency", None, "kcna",
            "rfa-2023-09-putin-may-visit-north-korea", "2023-09-14", False,
        ),
        "kim-2023-unbreakable-strategic-partnership": (
            "kim-jong-un", "kim-putin-2023-banquet-invitation", None,
            "rfa-2023-09-putin-may-visit-north-korea", "2023-09-13", True,
        ),
        "peskov-2023-not-yet-on-the-agenda": (
            "dmitry-peskov", None, "tass",
            "rfa-2023-09-putin-may-visit-north-korea", "2023-09-14", True,
        ),
        "moon-2018-bolder-manner": (
            "kim-eui-kyeom", None, "cheong-wa-dae",
            "yonhap-moon-putin-singapore-talks-2018", "2018-11", True,
        ),
        "matsegora-2018-summit-on-the-agenda": (
            "alexander-matsegora", None, "ria-novosti",
            "diplomat-when-will-kim-jong-un-meet-vladimir-putin", None, True,
        ),
        "lavrov-2018-lifting-of-sanctions": (
            "sergey-lavrov", "lavrov-kim-2018-pyongyang", None,
            "diplomat-when-will-kim-jong-un-meet-vladimir-putin", "2018-05-31", False,
        ),
        "trump-2018-russia-agreed-to-help": (
            "donald-trump", None, "twitter",
            "diplomat-when-will-kim-jong-un-meet-vladimir-putin", "2018-07", False,
        ),
    }  # fmt: skip

    def test_sample_of_quotes(self):
        for slug, (speaker, meeting, channel, article, said_on, is_fragment) in self.SAMPLE.items():
            with self.subTest(slug):
                quote = self.quote(slug)
                self.assertEqual(quote.speaker.slug, speaker)
                self.assertEqual(quote.meeting.slug if quote.meeting else None, meeting)
                self.assertEqual(quote.channel.slug if quote.channel else None, channel)
                self.assertEqual(quote.article.slug, article)
                self.assertEqual(quote.said_on.isoformat() if quote.said_on else None, said_on)
                self.assertEqual(quote.is_fragment, is_fragment)

    def test_fraternal_duty_text(self):
        self.assertIn(
            "we will regard this as a fraternal duty", self.quote("kim-2025-fraternal-duty").text
        )

    def test_the_banquet_words_have_an_unknown_first_channel_and_yonhap_as_relay(self):
        for slug in ("kim-2023-unbreakable-strategic-partnership", "kim-2023-important-step"):
            with self.subTest(slug):
                quote = self.quote(slug)
                self.assertIsNone(quote.channel)
                self.assertIn("first channel unknown", quote.channel_note)
                self.assertEqual([o.slug for o in quote.relayed_by.all()], ["yonhap"])

    def test_kims_2025_channel_is_marked_as_inferred(self):
        for quote in Quote.objects.filter(speaker__slug="kim-jong-un", said_on="2025-09-03"):
            with self.subTest(quote.slug):
                self.assertTrue(quote.channel_note.startswith("inferred"))
                self.assertIn("inferred", quote.beyond_sources)

    def test_parts_of_one_statement_are_linked(self):
        pairs = [
            ("trump-2018-russia-agreed-to-help", "trump-2018-no-rush-sanctions-remain"),
            ("moon-2018-bolder-manner", "kim-eui-kyeom-2018-comprehensive-discussions"),
            (
                "kim-yong-ho-2023-pursuing-military-agreement",
                "kim-yong-ho-2023-self-imposed-decline",
            ),
        ]
        for first, second in pairs:
            with self.subTest(first):
                linked = self.quote(first).same_statement.values_list("slug", flat=True)
                self.assertIn(second, linked)

    def test_no_quote_hides_general_knowledge_in_its_context(self):
        for quote in Quote.objects.all():
            with self.subTest(quote.slug):
                self.assertNotIn("general knowledge", quote.context)

    def test_putins_spief_lines_came_through_an_interpreter(self):
        for slug in (
            "putin-2021-not-resolved-by-pressure",
            "putin-2021-patience-and-careful-approach",
        ):
            with self.subTest(slug):
                self.assertIn("through an interpreter", self.quote(slug).channel_note)

    def test_institutions_speak_as_organisations(self):
        for slug in ("kcna-2023-putin-accepted-invitation", "kremlin-2023-sensitive-areas"):
            with self.subTest(slug):
                self.assertTrue(self.quote(slug).speaker.is_organisation)

    def test_every_quote_was_said_by_someone_its_article_mentions(self):
        for quote in Quote.objects.with_sources():
            with self.subTest(quote.slug):
                named = set(quote.article.people_mentioned.values_list("slug", flat=True))
                self.assertIn(quote.speaker.slug, named)

    def test_a_quote_said_at_a_meeting_comes_from_an_article_covering_it(self):
        for quote in Quote.objects.with_sources().exclude(meeting=None):
            with self.subTest(quote.slug):
                self.assertIn(quote.meeting, quote.article.meetings.all())


class SourceDocumentsGuardTests(SimpleTestCase):
    def test_missing_source_documents_fail_under_ci(self):
        with mock.patch.dict(os.environ, {"SEEDS_DIR": "/nonexistent", "CI": "true"}):
            with self.assertRaisesMessage(AssertionError, "under CI=true"):
                source_documents()

    def test_missing_source_documents_skip_elsewhere(self):
        with mock.patch.dict(os.environ, {"SEEDS_DIR": "/nonexistent", "CI": ""}):
            with self.assertRaises(unittest.SkipTest):
                source_documents()


class VerbatimTests(ArchiveTestCase):
    @classmethod
    def setUpClass(cls):
        cls.documents = source_documents()
        super().setUpClass()

    def test_every_quote_is_printed_in_its_source_paragraphs(self):
        for quote in Quote.objects.select_related("article"):
            source = self.documents.text(quote.source_paragraphs)
            for paragraph in quote.text.split("\n\n"):
                with self.subTest(quote.slug):
                    self.assertIn(paragraph, source)

    def test_every_article_url_is_printed_in_its_source_document(self):
        for article in Article.objects.exclude(url=""):
            with self.subTest(article.slug):
                self.assertIn(article.url, self.documents.text([article.seed_number]))


class SourceParagraphTests(SimpleTestCase):
    """Every fixture record against the lines of the source documents it names."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.documents = source_documents()
        cls.records = source_checks.fixture_records(settings.FIXTURES_DIR)
        cls.articles = {r.slug: r for r in cls.records if r.file == "articles.yaml"}

    def test_every_record_names_existing_lines_of_its_own_source(self):
        for record in self.records:
            with self.subTest(f"{record.file}: {record.slug}"):
                self.assertTrue(record.references, "no source_paragraphs")
                text = self.documents.text(record.references)
                self.assertTrue(text.strip(), "the lines named are blank")
                seed = record.data.get("seed_document") or self.articles.get(
                    record.data.get("article"), record
                ).data.get("seed_document")
                if seed:  # an article's or a quote's lines are in its own document
                    self.assertEqual({ref[:3] for ref in record.references}, {seed[:3]})

    def test_no_prose_of_ours_copies_more_than_ten_words_of_a_source(self):
        everything = self.documents.whole_text()
        for record in self.records:
            for name in source_checks.PROSE_FIELDS:
                with self.subTest(f"{record.file}: {record.slug}.{name}"):
                    text = record.data.get(name) or ""
                    self.assertEqual(source_checks.copied_runs(text, everything), [])

    def test_every_date_place_and_coordinate_is_sourced_or_declared(self):
        for record in self.records:
            with self.subTest(f"{record.file}: {record.slug}"):
                text = self.documents.text(source_checks.record_references(record, self.articles))
                self.assertEqual(source_checks.unsupported_facts(record.data, text), [])


class SourceCheckTests(SimpleTestCase):
    """The checks themselves, on small texts: each finds what it is for."""

    SOURCE = (
        "Kim and Putin held a rare summit at the symbol of Russia's space prowess Wednesday, "
        "where both sides vowed to boost their comprehensive cooperation."
    )

    def test_a_run_of_eleven_words_is_copied_and_ten_is_not(self):
        eleven = "They held a rare summit at the symbol of Russia's space prowess."
        self.assertEqual(
            source_checks.copied_runs(eleven, self.SOURCE),
            ["held a rare summit at the symbol of russia's space prowess"],
        )
        ten = "A rare summit at the symbol of Russia's space prowess, in the east."
        self.assertEqual(source_checks.copied_runs(ten, self.SOURCE), [])

    def test_words_inside_quotation_marks_are_not_copying(self):
        quoted = "The report: “a rare summit at the symbol of Russia's space prowess Wednesday”."
        self.assertEqual(source_checks.copied_runs(quoted, self.SOURCE), [])

    def test_a_date_the_source_does_not_give_must_be_declared(self):
        paragraph = "Seoul on Thursday slammed both. A banquet, in Russia, Sept. 13, 2023."
        self.assertEqual(source_checks.unsupported_facts({"start": "2023-09-13"}, paragraph), [])
        self.assertEqual(
            source_checks.unsupported_facts({"said_on": "2023-09-14"}, paragraph),
            ["said_on 2023-09-14: the day not sourced"],
        )
        declared = {"said_on": "2023-09-14", "beyond_sources": "Thursday was 14 September 2023."}
        self.assertEqual(source_checks.unsupported_facts(declared, paragraph), [])

    def test_dates_in_prose_are_checked_too(self):
        record = {"description": "It cited the Daily Mail for a banquet in July 2023."}
        self.assertEqual(
            source_checks.unsupported_facts(record, "per the Daily Mail, 1953 to 2023"),
            ["description mentions July 2023: the month not sourced"],
        )

    def test_places_and_coordinates_the_source_does_not_give_must_be_declared(self):
        paragraph = "the state residence of Diaoyutai, where the Russian president was staying"
        meeting = {"city": "Beijing", "venue": "Diaoyutai state residence", "latitude": 39.9}
        self.assertEqual(
            source_checks.unsupported_facts(meeting, paragraph),
            [
                "city 'Beijing' is neither in the source nor in beyond_sources",
                "coordinates are not named in beyond_sources",
            ],
        )
        meeting["beyond_sources"] = "The city (Beijing) and its coordinates are general knowledge."
        self.assertEqual(source_checks.unsupported_facts(meeting, paragraph), [])


class ArticleTests(ArchiveTestCase):
    def test_authors_only_where_the_source_names_them(self):
        authors = {
            article.slug: sorted(article.authors.values_list("slug", flat=True))
            for article in Article.objects.filter(authors__isnull=False).distinct()
        }
        self.assertEqual(
            authors,
            {
                "neo-2025-09-korean-dimension-of-events-in-china-ii": ["konstantin-asmolov"],
                "eurasia-review-2019-meeting-between-putin-and-kim": ["indrani-talukdar"],
            },
        )

    def test_publication_dates_only_as_precise_as_the_source(self):
        dated = {a.slug: a.published.isoformat() for a in Article.objects.exclude(published=None)}
        self.assertEqual(
            dated,
            {
                "neo-2025-09-korean-dimension-of-events-in-china-ii": "2025-09-11",
                "eurasia-review-2019-meeting-between-putin-and-kim": "2019-04",
                "rfa-2023-09-putin-may-visit-north-korea": "2023-09",
            },
        )

    def test_the_blog_items_are_filed_under_the_outlet_they_credit(self):
        outlets = {
            slug: sorted(Article.objects.filter(outlet__slug=slug).values_list("slug", flat=True))
            for slug in ("yonhap", "korea-herald")
        }
        self.assertEqual(
            outlets,
            {
                "yonhap": [
                    "yonhap-moon-putin-singapore-talks-2018",
                    "yonhap-north-korea-welcomes-putin",
                    "yonhap-putin-meets-nk-politburo-member",
                    "yonhap-putin-on-north-korean-nuclear-problem-spief-2021",
                ],
                "korea-herald": ["korea-herald-matviyenko-kim-visit-to-russia"],
            },
        )
        self.assertEqual(Article.objects.filter(outlet__slug="unnamed-korea-blog").count(), 5)

    def test_every_item_of_the_compilation_is_carried_by_the_blog(self):
        items = Article.objects.filter(seed_document="002_49f5b9250815b663.txt").exclude(
            slug="korea-blog-putin-and-north-korea-compilation"
        )
        self.assertEqual(items.count(), 9)
        for item in items:
            with self.subTest(item.slug):
                self.assertEqual(item.republished_by.slug, "unnamed-korea-blog")
                self.assertTrue(item.republication_note)

    def test_the_copy_of_the_new_eastern_outlook_article_is_told_apart_from_the_original(self):
        article = self.article("neo-2025-09-korean-dimension-of-events-in-china-ii")
        self.assertEqual(article.outlet.slug, "new-eastern-outlook")
        self.assertEqual(article.published, PartialDate.parse("2025-09-11"))
        self.assertEqual(article.republished_on, PartialDate.parse("2025-09-18"))
        self.assertIsNone(article.republished_by)
        self.assertIn("/2025/09/11/", article.url)


class PeopleTests(ArchiveTestCase):
    def test_kim_jong_un_is_found_under_every_spelling(self):
        aliases = self.person("kim-jong-un").aliases
        for name in ("Kim Jong-un", "김정은", "Ким Чен Ын"):
            with self.subTest(name):
                self.assertIn(name, aliases)

    def test_other_spellings_of_russian_names(self):
        self.assertIn("Владимир Путин", self.person("vladimir-putin").aliases)
        self.assertIn("블라디미르 푸틴", self.person("vladimir-putin").aliases)
        self.assertIn("Sergei Lavrov", self.person("sergey-lavrov").aliases)
        self.assertIn("Сергей Лавров", self.person("sergey-lavrov").aliases)
        self.assertIn("Sergey Shoigu", self.person("sergey-shoigu").aliases)

    def test_defence_ministers_at_the_time(self):
        self.assertEqual(defence_minister_on("2023-07"), "sergey-shoigu")
        self.assertEqual(defence_minister_on("2025-09-03"), "andrei-belousov")

    def test_leaders_and_institutions(self):
        self.assertEqual(
            set(Person.objects.leaders().values_list("slug", flat=True)),
            {
                "vladimir-putin",
                "kim-jong-un",
                "xi-jinping",
                "donald-trump",
                "moon-jae-in",
                "lee-jae-myung",
            },
        )
        self.assertEqual(
            set(Person.objects.filter(is_organisation=True).values_list("slug", flat=True)),
            {"korean-central-news-agency", "the-kremlin", "south-korean-government"},
        )

    def test_dates_beyond_the_sources_are_named(self):
        # Every role date is general knowledge or "as of" a source; either way the note says which.
        for role in Role.objects.exclude(start=None):
            with self.subTest(f"{role.person.slug}: {role.title}"):
                self.assertIn("general knowledge", role.note)


class BeyondSourcesTests(ArchiveTestCase):
    def test_every_meeting_with_coordinates_says_where_they_come_from(self):
        for meeting in Meeting.objects.located():
            with self.subTest(meeting.slug):
                self.assertIn("coordinates", meeting.beyond_sources)

    def test_every_title_of_our_own_is_flagged(self):
        blog_items = Article.objects.filter(outlet__slug="unnamed-korea-blog")
        for article in blog_items:
            with self.subTest(article.slug):
                self.assertIn("The title is ours", article.beyond_sources)


def defence_minister_on(day):
    """The slug of whoever the archive says was Russia's defence minister on `day`."""
    day = PartialDate.parse(day)
    holders = [
        role.person.slug
        for role in Role.objects.filter(title="Minister of Defence of Russia").select_related(
            "person"
        )
        if role.start.first_day() <= day.first_day()
        and (role.end is None or day.last_day() <= role.end.last_day())
    ]
    assert len(holders) == 1, holders
    return holders[0]
