"""The benchmark's synthetic corpus is deterministic: the same seed gives the same text."""

from django.test import SimpleTestCase

from archive.models import Person
from search.bench import messy
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


class MessyCorpusTests(SimpleTestCase):
    """search.bench.messy: seeded, and messy in every way the loader and the index must take."""

    def test_the_same_seed_gives_the_same_records(self):
        self.assertEqual(messy.build(300, seed=3), messy.build(300, seed=3))
        self.assertNotEqual(messy.build(300, seed=3), messy.build(300, seed=4))

    def test_every_script_and_every_missing_field(self):
        records = messy.build(2000, seed=3)
        texts = " ".join(quote["text"] for quote in records["quotes"])
        for script, pattern in {
            "Hangul": r"[\uac00-\ud7a3]",
            "Cyrillic": r"[а-я]",
            "CJK": r"[\u4e00-\u9fa5]",
            "Latin": r"[a-z]",
        }.items():
            self.assertRegex(texts, pattern, script)
        lengths = [len(quote["text"].split()) for quote in records["quotes"]]
        self.assertEqual(min(lengths), 1)
        self.assertGreater(max(lengths), 1000)
        for name, fields in {
            "quotes": ["said_on", "meeting", "channel"],
            "articles": ["published", "url", "authors"],
            "meetings": ["city", "venue", "country", "latitude"],
            "people": ["country", "aliases"],
        }.items():
            for field in fields:
                missing = [record for record in records[name] if field not in record]
                self.assertTrue(missing, f"every {name} record has {field}")
        dates = {len(quote.get("said_on", "")) for quote in records["quotes"]}
        self.assertEqual(dates, {0, 4, 7, 10})

    def test_undated_adds_only_quotes_without_dates(self):
        records = messy.build(300, seed=3, undated=True)
        self.assertEqual([name for name, rows in records.items() if rows], ["quotes"])
        for quote in records["quotes"]:
            self.assertFalse({"said_on", "meeting", "channel"} & quote.keys())
