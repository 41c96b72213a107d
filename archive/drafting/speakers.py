"""Who said it: the people named around a quotation, resolved through the archive's names table.

A name in any spelling the archive knows ("Kim Jong-un", "Sergei Lavrov"), a family name alone
("Putin", "Mr. Kim": the one of that name the article names most), a description ("the North
Korean leader": the leader of that country), "the agency", "he" or "she" (the subject of the
sentence before, or the last person who spoke), or a new name with a speech verb, proposed as a
new person. The words inside quotation marks are never searched for speakers.
"""

import re
from dataclasses import dataclass, field

from ..names import WORD, fold
from .cues import (
    ACCORDING_TO,
    BEFORE_SUBJECT,
    SPEECH_VERB,
    TITLE_WORDS,
    VERB_AFTER_NAME,
    VERB_BEFORE_NAME,
)

COUNTRY_WORDS = {
    "north korean": "KP", "n. korean": "KP", "n.korean": "KP", "dprk": "KP", "north’s": "KP",
    "north's": "KP", "russian": "RU", "russia’s": "RU", "russia's": "RU", "chinese": "CN",
    "china’s": "CN", "u.s.": "US", "us": "US", "american": "US", "south korean": "KR",
    "south korea’s": "KR", "north korea": "KP", "the dprk": "KP", "russia": "RU",
    "the russian federation": "RU", "china": "CN", "the united states": "US", "south korea": "KR",
}  # fmt: skip
DESCRIPTION = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<adj>North Korean|N\. ?Korean|DPRK|North[’']s|Russian|Russia[’']s|Chinese|"
    r"China[’']s|U\.S\.|US|American|South Korean|South Korea[’']s)\s+(?:[Ll]eader|[Pp]resident|"
    r"[Cc]hairman|head of state)\b"
    r"|\b[Tt]he\s+(?:[Ll]eader|[Pp]resident|[Hh]ead of state) of "
    r"(?P<of>the DPRK|North Korea|Russia|"
    r"the Russian Federation|China|the United States|South Korea)\b"
)
PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
THE_AGENCY = re.compile(r"\b[Tt]he agency\b")
CAPITALS = {"Seoul": "KR", "Pyongyang": "KP", "Moscow": "RU", "Beijing": "CN", "Washington": "US"}
CAPITAL = re.compile(r"\b(?:" + "|".join(CAPITALS) + r")\b(?![’'])")
# Words that make a capitalised phrase an institution or a place, never a new person.
NOT_PEOPLE = {
    "institution", "institute", "foundation", "center", "centre", "university", "council",
    "ministry", "office", "agency", "party", "committee", "academy", "forum", "news", "times",
    "post", "herald", "journal", "group", "company", "bank", "fund", "association", "union",
    "department", "service", "studies", "policy", "peninsula", "region", "island", "republic",
    "federation", "kingdom", "states", "nations", "east", "west", "asia", "europe", "day", "war",
    "army", "navy", "force", "house", "street", "square", "city", "province", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
}  # fmt: skip
NEW_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}\b")


@dataclass
class Mention:
    start: int
    end: int
    kind: str  # name, family, description, pronoun, agency, capital, new
    slug: str | None = None
    text: str = ""
    candidates: list = field(default_factory=list)


class SpeakerFinder:
    """Finds and resolves the people named in one article's paragraphs."""

    def __init__(self, reference, page):
        self.reference = reference
        self.by_first_word = {}
        for spelling in sorted(reference.spellings, key=len, reverse=True):
            self.by_first_word.setdefault(spelling[0], []).append(spelling)
        self.counts = {}  # slug -> full mentions in the whole article, quotations included
        for paragraph in page.paragraphs:
            if paragraph.kind == "comment":  # readers' words name no one in the article
                continue
            for mention in self.names(paragraph.text):
                self.counts[mention.slug] = self.counts.get(mention.slug, 0) + 1
        self.proposed = {}  # new slug -> {"name": ..., "why": ...}

    def names(self, text):
        """Every spelling of a known name in `text`."""
        tokens = [(fold(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]
        tokens = [(word[0], start, end) for word, start, end in tokens if word]
        found, position = [], 0
        while position < len(tokens):
            word, start, _ = tokens[position]
            for spelling in self.by_first_word.get(word, ()):
                words = tuple(t[0] for t in tokens[position : position + len(spelling)])
                if words == spelling and not text[start].islower():
                    end = tokens[position + len(spelling) - 1][2]
                    slug = self.reference.spellings[spelling]
                    found.append(Mention(start, end, "name", slug, text[start:end]))
                    position += len(spelling)
                    break
            else:
                position += 1
        return found

    def mentions(self, text):
        """Every mention of a person in `text` (a paragraph with its quotations blanked)."""
        found = self.names(text)

        def free(start, end):
            return not any(m.start < end and start < m.end for m in found)

        for match in DESCRIPTION.finditer(text):
            # "Russian President Vladimir Putin": the name says who.
            if free(match.start(), match.end()) and not any(
                0 <= m.start - match.end() <= 2 for m in found
            ):
                country = COUNTRY_WORDS.get((match["adj"] or match["of"]).lower(), "")
                found.append(
                    Mention(
                        match.start(), match.end(), "description", None, match.group(), [country]
                    )
                )
        for match in WORD.finditer(text):
            word = fold(match.group())
            if word and word[0] in self.reference.family_names and match.group()[0].isupper():
                if free(match.start(), match.end()):
                    candidates = self.reference.family_names[word[0]]
                    found.append(
                        Mention(
                            match.start(), match.end(), "family", None, match.group(), candidates
                        )
                    )
        for kind, pattern in (("pronoun", PRONOUN), ("agency", THE_AGENCY), ("capital", CAPITAL)):
            for match in pattern.finditer(text):
                if free(match.start(), match.end()):
                    found.append(Mention(match.start(), match.end(), kind, text=match.group()))
        for match in NEW_NAME.finditer(text):
            # "Analyst Greg Holloway": the title goes, the name stays.
            start, words = match.start(), match.group().split()
            while words and words[0].casefold() in TITLE_WORDS:
                start += len(words[0]) + 1
                words = words[1:]
            folded = {w.casefold().strip("’'") for w in words}
            if (
                len(words) >= 2
                and free(start, match.end())
                and not folded & (TITLE_WORDS | NOT_PEOPLE)
            ):
                found.append(Mention(start, match.end(), "new", text=" ".join(words)))
        return sorted(found, key=lambda m: m.start)

    def resolve(self, mention):
        """The slug a mention stands for, or None."""
        if mention.kind == "name":
            return mention.slug
        if mention.kind == "family":
            return self.most_named(mention.candidates)
        if mention.kind == "description":
            country = mention.candidates[0] if mention.candidates else ""
            leaders = [
                slug
                for slug, person in self.reference.people.items()
                if person.get("is_leader") and person.get("country") == country
            ]
            return self.most_named(leaders)
        if mention.kind == "capital":
            country = CAPITALS[mention.text]
            governments = [
                slug
                for slug, person in self.reference.people.items()
                if person.get("is_organisation")
                and person.get("country") == country
                and "government" in person.get("name", "").casefold()
            ]
            return governments[0] if len(governments) == 1 else None
        if mention.kind == "new":
            slug = "-".join(fold(mention.text))
            return slug if slug in self.reference.people else None
        return None

    def most_named(self, candidates):
        """Of several people, the one the article names most; leaders first on a tie."""
        if not candidates:
            return None
        named = [slug for slug in candidates if self.counts.get(slug)]
        if not named:
            # "Kim" in an article that never names him in full: the one leader of that name.
            leaders = [slug for slug in candidates if self.reference.is_leader(slug)]
            return (
                candidates[0]
                if len(candidates) == 1
                else (leaders[0] if len(leaders) == 1 else None)
            )
        return max(
            named, key=lambda s: (self.counts.get(s, 0), self.reference.is_leader(s), s == named[0])
        )

    def propose(self, name, why):
        """A new person for a name the archive does not know; returns the proposed slug."""
        slug = "-".join(fold(name))
        if slug not in self.reference.people:
            self.proposed.setdefault(slug, {"name": name, "why": why})
        return slug


def is_strong(text, mention, sentence_start):
    """Bound to a speech verb: 'Putin said', 'Lavrov, the foreign minister, told', 'said Cha'."""
    if VERB_AFTER_NAME.match(text[mention.end :]):
        return True
    return bool(VERB_BEFORE_NAME.search(text[sentence_start : mention.start]))


def is_subject(text, mention, sentence_start):
    """Not an object: no lower-case word ('with', 'sent', 'to') just before the name or title."""
    before = text[sentence_start : mention.start]
    # Titles go first, capitalised or not: "Security analyst Choi", "spokesman Kim".
    while True:
        title = re.search(r"(?:\b[A-Z][\w.’'-]*|\b[a-z]+)\s+$", before)
        if not title or not (title.group()[0].isupper() or title.group().strip() in TITLE_WORDS):
            break
        before = before[: title.start()]
    if re.search(r"[,;:(—]\s*$", before):  # a clause starts here
        return True
    word = re.search(r"\b(\w+)\W*$", before)
    return word is None or not word.group(1).islower() or word.group(1) in BEFORE_SUBJECT


def has_speech_cue(text):
    return bool(SPEECH_VERB.search(text) or ACCORDING_TO.search(text))


def relay_region(text, start, end):
    """(start, end) of 'according to X' in the sentence, up to the next comma or full stop."""
    match = ACCORDING_TO.search(text, start, end)
    if not match:
        return None
    stop = re.compile(r"[,.;:]\s").search(text, match.end(), end)
    return (match.start(), stop.start() if stop else end)
