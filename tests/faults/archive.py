"""The archive the fault suite loads: the real fixtures plus QUOTES generated quotes, in two
versions that differ only in the word some quotes carry (OLD_WORD or NEW_WORD), so that a
reader can tell from any page or search which data it shows. Deterministic: same seed, same
files."""

import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
QUOTES = 5500
MARKED = 40  # quotes that carry the version's word
OLD_WORD, NEW_WORD = "alphaword", "betaword"
PRESENT_WORD = "evergreen"  # in every seventh quote of both versions
WATCHED_QUOTE = "fault-quote-0"  # its page shows the version's word
VOCABULARY = """
cooperation russia korea relations president leader visit talks meeting countries military
security agreement support economic partnership strategic peace development minister foreign
region world treaty border trade government political mutual assistance summit delegation
friendship historic defence programme alliance policy pacific railway bridge river port energy
grain tourism investment infrastructure dialogue stability ceremony anniversary welcome train
"""


def write_fixtures(directory, version):
    """Write the `version` ("old" or "new") archive into `directory`."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "fixtures").glob("*.yaml"):
        shutil.copy(path, directory / path.name)
    people = [r["slug"] for r in yaml.safe_load((directory / "people.yaml").read_text())]
    articles = [r["slug"] for r in yaml.safe_load((directory / "articles.yaml").read_text())]
    words = VOCABULARY.split()
    rng = random.Random(2026)
    marker = OLD_WORD if version == "old" else NEW_WORD
    quotes = []
    for number in range(QUOTES):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(12, 40)))
        if number < MARKED:
            text += f" {marker}"
        if number % 7 == 0:
            text += f" {PRESENT_WORD}"
        quote = {
            "slug": f"fault-quote-{number}",
            "text": text.capitalize() + ".",
            "speaker": rng.choice(people),
            "article": rng.choice(articles),
        }
        said_on = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}"
        # The last third undated, in one run: index segments with no date column at all beside
        # dated ones (issue #10's defect 1), while readers search throughout.
        if number < QUOTES * 2 // 3:
            quote["said_on"] = said_on
        quotes.append(quote)
    (directory / "quotes").mkdir(exist_ok=True)
    with open(directory / "quotes" / "generated.yaml", "w") as file:
        yaml.dump(quotes, file, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper))
