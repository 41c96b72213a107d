"""How the reader's query is understood (search.query and archive.names), before any engine."""

from django.test import SimpleTestCase

from archive.dates import PartialDate
from archive.names import NameTable, fold, normalise_document
from archive.places import PLACES
from search.datewords import document_words
from search.query import MAX_LENGTH, parse

PEOPLE = [
    ("kim-jong-un", "Kim Jong Un", ["Kim Jong-un", "김정은", "Ким Чен Ын"]),
    ("sergey-lavrov", "Sergey Lavrov", ["Sergei Lavrov", "Сергей Лавров"]),
]


class QueryLanguageTests(SimpleTestCase):
    def test_words_are_all_required(self):
        self.assertEqual(parse("military cooperation").display(), "military cooperation")
        self.assertEqual(len(parse("military cooperation").clauses), 2)

    def test_quoted_phrases_stay_together(self):
        query = parse('"fraternal duty" russia')
        self.assertTrue(query.clauses[0][0].phrase)
        self.assertEqual(query.display(), '"fraternal duty" russia')

    def test_minus_excludes_a_word_or_a_phrase(self):
        query = parse('sanctions -tass -"state media"')
        self.assertEqual(query.display(), 'sanctions -tass -"state media"')

    def test_or_joins_the_terms_on_each_side(self):
        query = parse("treaty lavrov OR shoigu visit")
        self.assertEqual([len(clause) for clause in query.clauses], [1, 2, 1])
        self.assertEqual(query.display(), "treaty lavrov OR shoigu visit")

    def test_engine_syntax_becomes_plain_words(self):
        self.assertEqual(parse("title:treaty AND (visit*) text:").display(), "treaty and visit")
        self.assertTrue(parse("* ? ( ) : ^ ~").is_empty)

    def test_lone_and_trailing_operators_are_dropped(self):
        self.assertEqual(parse("OR treaty OR").display(), "treaty")

    def test_unbalanced_quotes_run_to_the_end(self):
        self.assertEqual(parse('"fraternal duty').display(), '"fraternal duty"')

    def test_long_queries_are_cut_and_say_so(self):
        query = parse("a" * 100_000)
        self.assertEqual(len(query.words()[0]), MAX_LENGTH)
        self.assertIn(f"only the first {MAX_LENGTH}", query.notices[0])

    def test_the_text_searched_is_kept_cut_where_the_caps_cut_it(self):
        # Links and the search box repeat it: never more than the cap, however long the query.
        self.assertEqual(parse("  treaty \t  visit ").text, "treaty visit")
        self.assertFalse(parse("treaty visit").cut)
        long = parse("treaty " * 1_000)
        self.assertTrue(long.cut)
        self.assertEqual(long.text, " ".join(["treaty"] * 12))
        many = parse(" ".join(f"word{n}" for n in range(20)))
        self.assertTrue(many.cut)
        self.assertEqual(many.text, " ".join(f"word{n}" for n in range(12)))
        self.assertEqual(len(parse("a" * 100_000).text), MAX_LENGTH)

    def test_control_characters_separate_words(self):
        self.assertEqual(parse("fraternal\x00duty\u200b").display(), "fraternal duty")


class NameSpellingTests(SimpleTestCase):
    table = NameTable.build(PEOPLE)

    def test_folding_is_case_and_hyphen_blind(self):
        self.assertEqual(fold("Kim Jong-un"), ("kim", "jong", "un"))

    def test_every_spelling_is_searched_as_the_archives(self):
        for spelling in ["Kim Jong-un", "kim jong un", "김정은", "Ким Чен Ын", "KIM JONG UN"]:
            with self.subTest(spelling=spelling):
                self.assertEqual(parse(spelling, self.table).display(), "kim jong un")

    def test_a_respelled_name_is_explained(self):
        query = parse("Sergei Lavrov sanctions", self.table)
        self.assertEqual(query.display(), "sergey lavrov sanctions")
        self.assertIn("“sergei lavrov” is searched as Sergey Lavrov", query.notices[0])

    def test_a_name_inside_a_phrase_is_respelled_too(self):
        query = parse('"Сергей Лавров said"', self.table)
        self.assertEqual(query.display(), '"sergey lavrov said"')

    def test_a_query_that_is_exactly_a_name_names_the_person(self):
        self.assertEqual(
            self.table.person_slug(parse("김정은", self.table).single_name_words()), "kim-jong-un"
        )
        words = parse("Kim visit", self.table).single_name_words()
        self.assertIsNone(self.table.person_slug(words))

    def test_documents_gain_the_archives_spelling_and_keep_their_own(self):
        text = "Sergei Lavrov met 김정은 in Pyongyang."
        prepared = normalise_document(text, self.table)
        self.assertTrue(prepared.startswith(text))
        self.assertIn("sergey lavrov", prepared)
        self.assertIn("kim jong un", prepared)
        self.assertEqual(normalise_document("No names here.", self.table), "No names here.")


class PlaceSpellingTests(SimpleTestCase):
    table = NameTable.build(PEOPLE, PLACES)

    def test_a_place_in_another_script_or_romanisation_is_searched_as_the_archives(self):
        for spelling in ["Пхеньян", "평양", "Pyongyang", "P'yŏngyang"]:
            with self.subTest(spelling=spelling):
                self.assertEqual(parse(f"{spelling} 2024", self.table).display(), "pyongyang 2024")
        self.assertEqual(parse("Vostochniy", self.table).display(), "vostochny")

    def test_documents_naming_a_place_otherwise_gain_the_archives_spelling(self):
        self.assertIn("beijing", normalise_document("Встреча в Пекине и Пекин", self.table))

    def test_every_place_spelling_is_declared_beyond_the_sources(self):
        import archive.places

        self.assertIn("beyond_sources", archive.places.__doc__)


class PartialNameTests(SimpleTestCase):
    table = NameTable.build(
        [
            *PEOPLE,
            ("kim-yo-jong", "Kim Yo-jong", ["김여정"]),
            ("the-kremlin", "The Kremlin", [], True),
        ]
    )

    def test_a_surname_names_the_person(self):
        self.assertEqual(self.table.people_named(("lavrov",)), ["sergey-lavrov"])
        self.assertEqual(self.table.people_named(("лавров",)), ["sergey-lavrov"])

    def test_an_ambiguous_name_names_everyone_it_fits(self):
        self.assertEqual(self.table.people_named(("kim",)), ["kim-jong-un", "kim-yo-jong"])
        self.assertEqual(self.table.people_named(("kim", "jong")), ["kim-jong-un", "kim-yo-jong"])
        self.assertEqual(self.table.people_named(("kim", "jong", "un")), ["kim-jong-un"])

    def test_words_of_an_institutions_name_name_no_one(self):
        self.assertEqual(self.table.people_named(("kremlin",)), [])
        self.assertEqual(self.table.people_named(("the", "kremlin")), ["the-kremlin"])


class DateWordTests(SimpleTestCase):
    def test_iso_dates_are_read_as_the_words_records_are_indexed_with(self):
        self.assertEqual(parse("2024-06").display(), "june 2024")
        self.assertEqual(parse("visit 2024-06-19").display(), "visit 19 june 2024")
        self.assertEqual(parse("2024-13 1999").display(), "2024 13 1999")

    def test_a_record_gains_the_words_of_its_date_at_the_precision_known(self):
        self.assertEqual(document_words(PartialDate(2018)), "2018")
        self.assertEqual(document_words(PartialDate(2024, 6)), "June 2024")
        self.assertEqual(document_words(PartialDate(2024, 6, 19)), "19 June 2024")
        self.assertEqual(document_words(None), "")
