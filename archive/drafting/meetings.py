"""Which existing meeting a quotation was said at, or none.

A meeting is a candidate only if the speaker took part in it and its dates fit the article's (or,
for an undated page, the dates printed near the quotation). Candidates earn points for what the
text around the quotation says: the meeting's exact date, its city or venue, a word of its title
("banquet", "parade"), a meeting word with another participant named, or the previous quotation's
meeting when the account runs on. Below the threshold, the answer is none: a quotation is left
without a meeting rather than given a wrong one.
"""

import datetime
import re

from ..names import WORD, fold
from .cues import TITLE_WORDS
from .quotations import masked
from .timing import find_dates

MEETING_WORDS = re.compile(
    r"\b(?:summit|talks|meeting|met|meet|banquet|visit|forum|session|parade|negotiations|"
    r"conference|reception|ceremony|inauguration)\b",
    re.IGNORECASE,
)
TITLE_STOPWORDS = {"the", "and", "for", "with", "meets", "meet", "visit", "after", "talks"}
THRESHOLD = 4
# Parts that make a meeting the speaker's own, rather than one they attended among many.
MAIN_PARTS = {"host", "principal", "sender", "recipient"}


def words_of(text):
    return tuple(word for m in WORD.finditer(text) for word in fold(m.group()))


def contains(words, phrase):
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def window(page, anchor):
    """(first, last) day a matching meeting may fall in, or None when nothing dates the page."""
    if page.published is not None:
        last = page.published.last_day()
        return (page.published.first_day() - datetime.timedelta(days=150), last)
    if anchor is not None:
        day = anchor.first_day()
        return (day - datetime.timedelta(days=45), day + datetime.timedelta(days=45))
    return None


def overlaps(meeting, span):
    if span is None:
        return True
    if meeting.start is None:
        return False
    first, last = meeting.start.first_day(), (meeting.end or meeting.start).last_day()
    return first <= span[1] and span[0] <= last


class MeetingMatcher:
    def __init__(self, reference, page):
        self.reference = reference
        self.page = page
        # The author's words only: "(Moscow and Pyongyang) are negotiating" names no venue.
        self.words = {p.number: words_of(masked(p.text)) for p in page.paragraphs}
        self.name_words = {w for spelling in reference.spellings for w in spelling}
        self.body = [p for p in page.paragraphs if p.kind in ("body", "caption")]

    def nearby(self, number, before=2):
        """The paragraph and the `before` story paragraphs preceding it."""
        numbers = [p.number for p in self.body if p.number < number][-before:]
        return numbers

    def match(self, quotation, speaker, anchor, previous=None, year=None):
        """(meeting slug, why) or (None, why)."""
        if speaker is None:
            return None, ""
        number = quotation.number
        own = self.words.get(number, ())
        own_all = words_of(quotation.paragraph.text)
        text = quotation.paragraph.text
        dates = {found.date for found in find_dates(text, year) if found.date.day}
        span = window(self.page, anchor)
        scored = []
        for meeting in self.reference.meetings:
            part = meeting.participants.get(speaker)
            if part is None or not overlaps(meeting, span):
                continue
            score, reasons = 0, []
            if meeting.start in dates:
                score, reasons = (
                    score + 10,
                    reasons + [f"the paragraph gives its date, {meeting.start}"],
                )
            place = next((p for p in meeting.places if contains(own, p)), None)
            if place:
                score, reasons = score + 5, reasons + [f"the paragraph names {' '.join(place)!r}"]
            else:
                # The most telling place named just before: a venue over a city.
                found = [
                    (3 if place == meeting.city_words else 4, earlier, place)
                    for earlier in self.nearby(number)
                    for place in meeting.places
                    if contains(self.words[earlier], place)
                ]
                if found:
                    weight, earlier, place = max(found, key=lambda f: (f[0], f[1]))
                    score += weight
                    reasons.append(f"¶{earlier} names {' '.join(place)!r}")
            if MEETING_WORDS.search(text):
                title_words = set(words_of(meeting.title)) - TITLE_STOPWORDS - TITLE_WORDS
                hit = sorted(w for w in title_words - self.name_words if len(w) > 3 and w in own)
                if hit:
                    score, reasons = score + 3, reasons + [f"the paragraph says {hit[0]!r}"]
                others = [
                    s for s in meeting.participants if s != speaker and s in self.named(own_all)
                ]
                score += 2 + (2 if others else 0)
                if others:
                    reasons.append(f"a meeting with {others[0]} is mentioned")
            if previous is not None and previous.meeting == meeting.slug:
                score, reasons = score + 5, reasons + [f"the account of ¶{previous.number} runs on"]
            if score and part in MAIN_PARTS:
                score += 1
            scored.append((score, meeting, reasons))
        scored.sort(key=lambda item: item[0], reverse=True)
        if not scored or scored[0][0] < THRESHOLD:
            return None, ""
        if len(scored) > 1 and scored[1][0] == scored[0][0]:
            names = ", ".join(m.slug for _, m, _ in scored[:2])
            return None, f"two meetings fit equally ({names}): choose one"
        score, meeting, reasons = scored[0]
        return meeting.slug, "; ".join(reasons)

    def named(self, words):
        """The slugs of known people whose name in some spelling is in these words."""
        found = set()
        for spelling, slug in self.reference.spellings.items():
            if contains(words, spelling):
                found.add(slug)
        for family, slugs in self.reference.family_names.items():
            if family in words:
                found.update(slugs)
        return found
