"""A deterministic synthetic archive for the search benchmark.

The people, outlets and meetings are the real ones (fixtures/*.yaml, so names and aliases are real);
the quotes and articles are generated from a fixed vocabulary with a Zipf-like word frequency, the
real names in all their spellings and a few recurring phrases. The same seed and size always give
the same corpus. (No Django import at module level: search.bench.messy uses the generator without
a database.)
"""

import random
from pathlib import Path

import yaml

# Content words of diplomatic reporting, roughly most frequent first.
VOCABULARY = """
said cooperation russia korea north relations president leader visit talks meeting countries
military sanctions security agreement support economic two country side partnership strategic
war ukraine united states nuclear western state peace development minister foreign region world
international weapons official ties trade government political border treaty mutual assistance
summit delegation friendship people historic new relationship defence important further issues
programme missile ammunition troops alliance policy east asia pacific china beijing moscow
pyongyang vladivostok cosmodrome space satellite technology rail bridge tumen river port energy
oil grain food labour workers tourism investment infrastructure project joint exercises drills
observers council resolution nations condemned violation embargo pressure dialogue negotiation
denuclearisation peninsula stability crisis conflict front kursk operation soldiers casualties
intelligence report analysts experts officials spokesperson statement declaration communique
ceremony anniversary victory parade celebration banquet gift limousine horses honour guard
welcome airport train journey armoured station hotel palace square kremlin residence
comprehensive strategic partnership treaty signed ratified article clause obligation defence
attack aggression sovereignty independence imperialism hegemony multipolar order bloc
alliance hostile forces enemy provocation deterrence capability arsenal warheads launch test
ballistic hypersonic drone artillery shells rockets supplies shipments containers vessels
trains logistics bank payments currency rouble settlement finance credit loan debt aid
humanitarian medicine education students exchange culture sport health science research
agriculture fertiliser fishery fisheries coal timber construction housing medical doctors
media journalists agency newspaper television broadcast interview press conference remarks
speech address toast letter message telegram congratulations greetings birthday holiday
tradition history legacy memory sacrifice heroes veterans liberation soviet army generals
marshal commander officers chief staff general secretary party committee congress
parliament duma assembly supreme people's commission chairman premier cabinet ministry
ambassador embassy envoy consulate protocol schedule agenda topics discussion consultations
frank constructive warm fruitful productive cordial atmosphere confidence trust solidarity
brotherly fraternal duty comrade comrades friend friends neighbour neighbours great power
"""
FUNCTION_WORDS = (
    "the of and to in a that for is on with as by was at it his their from this be has are "
    "an will have which not but were its they had been we our would also more than all".split()
)
PHRASES = [
    "comprehensive strategic partnership",
    "fraternal duty",
    "military cooperation",
    "mutual assistance in case of aggression",
    "new era of friendship",
    "north korean troops",
    "western sanctions",
]
YEARS = list(range(2018, 2026))


LONG_TAIL_WORDS = 20_000
FUNCTION_WORD_SHARE = 0.4
SYLLABLES = [c + v for c in "bdfghklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def _vocabulary(rng):
    """Content words with a Zipf-like frequency: the diplomatic words first, then a long tail of
    made-up words, so that common words match many documents and most words match few."""
    content = list(dict.fromkeys(VOCABULARY.split()))
    tail = set()
    while len(tail) < LONG_TAIL_WORDS:
        tail.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    words = content + sorted(tail)
    cumulative, total = [], 0.0
    for rank in range(len(words)):
        total += 1.0 / (rank + 10)
        cumulative.append(total)
    return words, cumulative


class Generator:
    def __init__(self, seed, people):
        self.random = random.Random(seed)
        self.words, self.cumulative = _vocabulary(self.random)
        self.people = people
        # The leaders speak most, as in the real archive.
        self.speaker_weights = [8.0 if person.is_leader else 1.0 for person in people]

    def name(self):
        person = self.random.choice(self.people)
        return self.random.choice(person.all_names)

    def text(self, length):
        function_words = round(length * FUNCTION_WORD_SHARE)
        words = self.random.choices(self.words, cum_weights=self.cumulative, k=length)
        for at in self.random.sample(range(length), function_words):
            words[at] = self.random.choice(FUNCTION_WORDS)
        for _ in range(max(1, length // 40)):
            at = self.random.randrange(len(words))
            if self.random.random() < 0.5:
                words[at] = self.name()
            else:
                words[at] = self.random.choice(PHRASES)
        sentence = " ".join(words)
        return sentence[0].upper() + sentence[1:] + "."

    def date(self):
        roll = self.random.random()
        if roll < 0.05:
            return None
        year = self.random.choice(YEARS)
        if roll < 0.15:
            return f"{year}"
        month = self.random.randint(1, 12)
        if roll < 0.3:
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{self.random.randint(1, 28):02d}"

    def speaker(self):
        return self.random.choices(self.people, self.speaker_weights)[0]


def load_real_records(fixtures_dir):
    """The real people, outlets and meetings (their core fields), from the fixtures."""
    from archive.models import Meeting, Outlet, Person

    fixtures_dir = Path(fixtures_dir)

    def records(name):
        path = fixtures_dir / name
        return yaml.safe_load(path.read_text()) or [] if path.exists() else []

    for row in records("people.yaml"):
        Person.objects.create(
            slug=row["slug"],
            name=row["name"],
            aliases=row.get("aliases") or [],
            country=row.get("country") or "",
            is_leader=bool(row.get("is_leader")),
        )
    for row in records("outlets.yaml"):
        Outlet.objects.create(
            slug=row["slug"], name=row["name"], kind=row["kind"], country=row.get("country") or ""
        )
    for row in records("meetings.yaml"):
        Meeting.objects.create(
            slug=row["slug"],
            title=row["title"],
            kind=row["kind"],
            start=str(row["start"]),
            country=row.get("country") or "",
            city=row.get("city") or "",
        )
    if not Person.objects.exists():
        Person.objects.create(slug="kim-jong-un", name="Kim Jong Un", aliases=["Kim Jong-un"])
    if not Outlet.objects.exists():
        Outlet.objects.create(slug="tass", name="TASS", kind="state_agency", country="RU")


def generate(quotes, seed=2025, fixtures_dir="fixtures", progress=None):
    """Fill the (empty) database with the real people, outlets and meetings and `quotes`
    synthetic quotes, plus one synthetic article for every ten quotes."""
    from archive.models import Article, Meeting, Outlet, Person, Quote

    load_real_records(fixtures_dir)
    people = list(Person.objects.order_by("slug"))
    outlets = list(Outlet.objects.order_by("slug"))
    meetings = list(Meeting.objects.order_by("slug"))
    generator = Generator(seed, people)
    rng = generator.random

    articles = []
    for number in range(max(1, quotes // 10)):
        summary = " ".join(generator.text(rng.randint(40, 90)) for _ in range(rng.randint(4, 8)))
        articles.append(
            Article(
                slug=f"bench-article-{number}",
                title=generator.text(rng.randint(6, 12)).rstrip("."),
                outlet=rng.choice(outlets),
                published=generator.date(),
                summary=summary,
                summary_html=f"<p>{summary}</p>",
                seed_document="synthetic",
            )
        )
    Article.objects.bulk_create(articles, batch_size=2000)
    articles = list(Article.objects.order_by("pk"))
    batch = []
    for number in range(quotes):
        meeting = rng.choice(meetings) if meetings and rng.random() < 0.6 else None
        batch.append(
            Quote(
                slug=f"bench-quote-{number}",
                text=generator.text(rng.randint(15, 80)),
                speaker=generator.speaker(),
                meeting=meeting,
                said_on=generator.date(),
                article=rng.choice(articles),
            )
        )
        if len(batch) == 5000:
            Quote.objects.bulk_create(batch)
            batch = []
    Quote.objects.bulk_create(batch)
    Quote.objects.match_article_outlets()
    return Quote.objects.count() + Article.objects.count()
