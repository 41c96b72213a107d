"""The benchmark's synthetic corpus is deterministic: the same seed gives the same text."""

from django.test import SimpleTestCase

from archive.models import Person
from search.bench.corpus import Generator


class SyntheticCorpusTests(SimpleTestCase):
    people = [
        Person(slug="kim-jong-un", name="Kim Jong Un", aliases=["김정은"], is_leader=True),
        Person(slug="sergey-lavrov", name="Sergey Lavrov", aliases=["Sergei Lavrov"]),
    ]

    def sample(self, seed):
        generator = Generator(seed, self.people)
        return [generator.text(60) for _ in range(20)], [generator.date() for _ in range(20)]

    def test_the_same_seed_gives_the_same_corpus(self):
        self.assertEqual(self.sample(7), self.sample(7))
        self.assertNotEqual(self.sample(7), self.sample(8))

    def test_texts_use_the_real_names_in_their_spellings(self):
        texts = " ".join(self.sample(7)[0])
        self.assertTrue(any(name in texts for name in ["Kim Jong Un", "김정은", "Sergei Lavrov"]))
