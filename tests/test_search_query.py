"""How the reader's query is understood (search.query and search.names), before any engine."""

from django.test import SimpleTestCase

from search.names import NameTable, fold, normalise_document
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
