"""Which channel first carried a quotation: "according to TASS", "told RIA", "in a tweet".

An outlet counts as the channel only where the sentence says the words came through it (after
"according to", "told", "quoted by"..., or before "reported" / "said"); an outlet merely named,
like a speaker's employer, is not. How the words were delivered ("through an interpreter", "told
reporters", "a tweet") goes into channel_note.
"""

import re

from ..names import WORD, fold

CUE_BEFORE = re.compile(
    r"\b(?:according to|told|quoted by|cited by|carried by|interview with|reported by|"
    r"speaking to|said to|wrote in|published by|statement to|in comments to)\s+"
    r"(?:[\w’'.-]+,?\s+){0,6}$",
    re.IGNORECASE,
)
CUE_AFTER = re.compile(
    r"^(?:\s*\([A-Z]+\))?\W{0,3}\s*(?:news agency\s+|agency\s+)?"
    r"(?:reported|said|says|reports|quoted|carried|published|cited)\b",
    re.IGNORECASE,
)
# Channels named by what they are rather than by name, as outlet names in the archive.
CHANNEL_PHRASES = [
    (re.compile(r"\b(?:in a tweet|tweeted|on Twitter|in a post on X|wrote on X)\b"), "Twitter"),
    (re.compile(r"\bKremlin[’']?s? web ?site\b|\bkremlin\.ru\b", re.IGNORECASE), "Kremlin website"),
]
NOTES = [
    (re.compile(r"\bthrough an interpreter\b"), "through an interpreter"),
    (re.compile(r"\btold (?:a group of |the )?(?:reporters|journalists)\b"), "told reporters"),
    (re.compile(r"\b(?:in a tweet|tweeted)\b"), "a tweet"),
    (re.compile(r"\btelegram\b", re.IGNORECASE), "a telegram"),
    (re.compile(r"\b(?:in|issued) a (?:written )?statement\b"), "a statement"),
    (re.compile(r"\b(?:press|news) conference\b"), "at a press conference"),
    (re.compile(r"\bin an interview\b"), "in an interview"),
]
NEW_OUTLET = re.compile(
    r"\b(?:according to|told|quoted by|reported by)\s+(?:the\s+)?(?:\w+[’']s\s+)?"
    r"(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})\s+(?:news agency|newspaper|daily|broadcaster)\b"
    r"|\b(?:according to|told|quoted by|reported by)\s+(?:the\s+)?(?P<named>(?:[A-Z][\w-]+\s+){0,3}"
    r"(?:News|Times|Post|Herald|Journal|Radio|Television|TV|Press|Daily|Gazette|Telegraph|Tribune|"
    r"Agency|Broadcasting|Service|Wire))\b"
)


def outlet_mentions(text, reference):
    """(start, end, slug) for every outlet the archive knows, named in `text`."""
    tokens = [(fold(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]
    tokens = [(word[0], start, end) for word, start, end in tokens if word]
    spellings = sorted(reference.outlet_spellings, key=len, reverse=True)
    found, position = [], 0
    while position < len(tokens):
        for spelling in spellings:
            words = tuple(t[0] for t in tokens[position : position + len(spelling)])
            if words == spelling and text[tokens[position][1]].isupper():
                end = tokens[position + len(spelling) - 1][2]
                found.append((tokens[position][1], end, reference.outlet_spellings[spelling]))
                position += len(spelling)
                break
        else:
            position += 1
    return found


def find_channel(sentence, reference):
    """(outlet slug or None, a proposed new outlet's name or '', why) for one sentence's words."""
    for pattern, name in CHANNEL_PHRASES:
        match = pattern.search(sentence)
        if match:
            slug = reference.outlet_spellings.get(fold(name))
            if slug:
                return slug, "", f"the text says {match.group()!r}"
            return None, name, f"the text says {match.group()!r}; the archive has no such outlet"
    for start, end, slug in outlet_mentions(sentence, reference):
        before, after = CUE_BEFORE.search(sentence[:start]), CUE_AFTER.match(sentence[end:])
        if before or after:
            said = sentence[
                before.start() if before else start : end + (after.end() if after else 0)
            ]
            return slug, "", f"the text says {' '.join(said.split())!r}"
    match = NEW_OUTLET.search(sentence)
    if match:
        name = (match["name"] or match["named"]).strip()
        known = reference.outlet_spellings.get(fold(name))
        if known:
            return known, "", f"the text says {match.group()!r}"
        return None, name, f"the text says {match.group()!r}; the archive has no such outlet"
    return None, "", ""


def channel_note(sentence):
    for pattern, note in NOTES:
        if pattern.search(sentence):
            return note
    return ""
