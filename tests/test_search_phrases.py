"""Phrase search through word pairs (search.wordpairs) finds exactly what Whoosh's own phrase
search finds: on hand-written texts, on a synthetic corpus split over several segments, with
pairs of every word, of the common words only (as the site builds it) and with no pairs at all
(an index built before word pairs existed)."""

import random
import shutil
import tempfile

from django.test import SimpleTestCase
from whoosh import query as whoosh_query
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import QueryParser

from archive.models import Person
from search import fastpath, wordpairs
from search.backend import SummitWhooshBackend
from search.bench.corpus import PHRASES, Generator

PEOPLE = [
    Person(slug="kim-jong-un", name="Kim Jong Un", aliases=["김정은"], is_leader=True),
    Person(slug="sergey-lavrov", name="Sergey Lavrov", aliases=["Sergei Lavrov"]),
]


class PhraseIndex:
    """A Whoosh index in a temporary directory with the site's schema, one segment per batch."""

    def __init__(self, batches, paired="common"):
        # The Whoosh backend's schema, whichever engine the site is configured for.
        backend = SummitWhooshBackend("default", PATH=tempfile.gettempdir())
        backend.setup()
        texts = [text for batch in batches for text in batch]
        analyzer = backend.schema["text"].analyzer
        schema = backend.schema.copy()
        schema.remove(wordpairs.FIELD)
        pairs = paired != "none"
        if paired == "all":
            terms = {token.text for text in texts for token in analyzer(text)}
            schema.add(wordpairs.FIELD, wordpairs.field_type(terms))
        elif paired == "common":
            schema.add(
                wordpairs.FIELD, wordpairs.field_type(wordpairs.common_terms(texts, analyzer))
            )
        self.directory = tempfile.mkdtemp(prefix="summit-phrases-")
        ix = FileStorage(self.directory).create_index(schema)
        for batch in batches:
            writer = ix.writer()
            for text in batch:
                fields = {"text": text, "body": text}
                if pairs:
                    fields[wordpairs.FIELD] = text
                writer.add_document(**fields)
            writer.commit(merge=False)
        self.searcher = ix.searcher()
        self.parser = QueryParser("text", schema=schema)

    def close(self):
        self.searcher.close()
        shutil.rmtree(self.directory, ignore_errors=True)

    def phrase(self, words):
        q = self.parser.parse(f'"{words}"')
        return q if isinstance(q, whoosh_query.Phrase) else None

    def fast(self, q):
        return set(fastpath.search(self.searcher, q, "text"))

    def whoosh(self, q):
        return set(self.searcher.search(q, limit=None).docs())


class HandWrittenPhraseTests(SimpleTestCase):
    texts = [
        "It is our fraternal duty.",  # 0: the phrase
        "Duty, fraternal and true.",  # 1: the words, the other way round
        "A fraternal and solemn duty.",  # 2: another word between
        "Fraternal and duty.",  # 3: only a stop word between (Whoosh drops it)
        "FRATERNAL DUTIES of comrades",  # 4: other case, stemmed
        "fraternal",  # 5: one word only
    ]

    def setUp(self):
        self.index = PhraseIndex([self.texts[:3], self.texts[3:]], paired="all")
        self.addCleanup(self.index.close)

    def test_a_two_word_phrase_matches_the_words_side_by_side_in_order(self):
        q = self.index.phrase("fraternal duty")
        self.assertEqual(self.index.fast(q), {0, 3, 4})
        self.assertEqual(self.index.whoosh(q), {0, 3, 4})

    def test_the_reversed_phrase_matches_only_the_reversed_text(self):
        q = self.index.phrase("duty fraternal")
        self.assertEqual(self.index.fast(q), {1})
        self.assertEqual(self.index.whoosh(q), {1})

    def test_a_longer_phrase_needs_every_word_in_place(self):
        expected = {
            "fraternal duties of comrades": {4},
            "fraternal solemn duty": {2},  # "and" is a stop word, on both sides
            "fraternal and solemn duty": {2},
            "solemn fraternal duty": set(),
            "fraternal duty comrades": {4},  # "of" too
            "comrades of fraternal duty": set(),
        }
        for words, found in expected.items():
            with self.subTest(phrase=words):
                q = self.index.phrase(words)
                self.assertEqual(self.index.fast(q), found)
                self.assertEqual(self.index.whoosh(q), found)


class SyntheticPhraseTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        generator = Generator(11, PEOPLE)
        texts = [generator.text(random.Random(n).randint(5, 80)) for n in range(600)]
        cls.texts = texts
        cls.batches = [texts[:250], texts[250:400], texts[400:]]
        cls.phrases = cls.sample_phrases(texts)

    @staticmethod
    def sample_phrases(texts):
        """Runs of 2–5 words out of the texts, the benchmark's phrases, and words paired at
        random (mostly found nowhere side by side)."""
        rng = random.Random(3)
        phrases = list(PHRASES)
        for text in rng.sample(texts, 60):
            words = text.split()
            length = rng.randint(2, 5)
            start = rng.randrange(max(1, len(words) - length))
            phrases.append(" ".join(words[start : start + length]))
        vocabulary = sorted({word for text in texts for word in text.split()})
        phrases += [" ".join(rng.sample(vocabulary, 2)) for _ in range(60)]
        return phrases

    def assert_same_as_whoosh(self, index):
        compared = 0
        for words in self.phrases:
            q = index.phrase(words)
            if q is None:  # stop words only, or one word: not a phrase query
                continue
            with self.subTest(phrase=words):
                self.assertEqual(index.fast(q), index.whoosh(q))
            compared += 1
        self.assertGreater(compared, 100)

    def test_pairs_of_every_word_find_what_whoosh_finds(self):
        index = PhraseIndex(self.batches, paired="all")
        self.addCleanup(index.close)
        self.assertEqual(len(index.searcher.reader().leaf_readers()), 3)
        self.assert_same_as_whoosh(index)

    def test_pairs_of_the_common_words_find_what_whoosh_finds(self):
        index = PhraseIndex(self.batches, paired="common")
        self.addCleanup(index.close)
        paired = wordpairs.paired_terms(index.searcher.schema)
        # Both ways are taken: "military cooperation" from its pair, "fraternal duty" from the
        # positions of its (less common) words.
        self.assertTrue({"militari", "cooper"} <= paired)
        self.assertNotIn("fratern", paired)
        self.assertTrue(index.fast(index.phrase("military cooperation")))
        self.assertTrue(index.fast(index.phrase("fraternal duty")))
        self.assert_same_as_whoosh(index)

    def test_an_index_without_word_pairs_still_finds_what_whoosh_finds(self):
        index = PhraseIndex(self.batches, paired="none")
        self.addCleanup(index.close)
        self.assertEqual(wordpairs.paired_terms(index.searcher.schema), frozenset())
        self.assert_same_as_whoosh(index)


class PairAnalysisTests(SimpleTestCase):
    def pairs(self, analyzer, text):
        return [token.text for token in analyzer(text)]

    def test_pairs_are_the_same_whether_or_not_the_text_was_just_indexed(self):
        text = "Kim called helping Russia a fraternal duty of comrades."
        analyzer = wordpairs.PairAnalyzer({"kim", "call", "help", "russia", "fratern", "duti"})
        alone = self.pairs(analyzer, text)
        list(wordpairs.content_analyzer()(text, mode="index"))  # as the writer does first
        self.assertEqual(self.pairs(analyzer, text), alone)
        # "a" is a stop word and "comrad" is not common: no pair holds either.
        self.assertEqual(
            alone, ["kim call", "call help", "help russia", "russia fratern", "fratern duti"]
        )
