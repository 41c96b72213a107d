"""Every passage in quotation marks, verbatim, and the sentence around it.

Straight (" "), curly (“ ” ‘ ’), low-high („ “) and guillemets (« ») open a quotation; a quotation
inside another stays part of the outer one's text. A quotation left open at the end of a paragraph
and reopened at the start of the next runs on, joined by a blank line as the source prints it.
"""

import functools
import re
from dataclasses import dataclass, field

import pysbd

from . import page as kinds
from .cues import FULL_CLAUSE_BEFORE_THAT, SIGN_BEFORE, SPEECH_VERBS

CLOSERS = {"“": "”", "«": "»", "„": "“”", '"': '"', "‘": "’", "'": "'"}
SINGLE = {"‘", "'"}
OPEN_AFTER = set(" \t\u00a0([{—–-/“\"'«„")

_segmenter = None
ATTRIBUTION = re.compile(rf"^(?:[a-z]|(?:[A-Z][\w’'.-]*\s+){{1,4}}(?:{SPEECH_VERBS})\b)")


@dataclass
class Quotation:
    paragraph: object  # the page.Paragraph it starts in
    start: int  # offset of the opening mark in that paragraph
    end: int  # offset after the closing mark, in the last paragraph
    text: str
    paragraphs: list  # numbers of the paragraphs it spans
    closed: bool = True
    sentence: tuple = (0, 0)  # the sentence of the opening mark, in the first paragraph
    is_fragment: bool = False
    left_out: str = ""  # why it is not a quotation to record (a report line)
    notes: dict = field(default_factory=dict)  # field -> why
    speaker: str | None = None
    confidence: float = 0.0
    resolved_by: str = ""  # name, description, pronoun, continuation, relay, subject
    other_source: bool = False  # the sentence names someone else who relayed the words
    channel: str | None = None
    channel_note: str = ""
    meeting: str | None = None
    said_on: object = None

    @property
    def number(self):
        return self.paragraph.number


def spans(text):
    """(opening offset, inner start, inner end, end offset, closed) for each top-level quotation."""
    found, position = [], 0
    while position < len(text):
        mark = text[position]
        if mark in CLOSERS and opens(text, position):
            close = closing(text, position)
            if close is None:
                found.append((position, position + 1, len(text), len(text), False))
                break
            found.append((position, position + 1, close, close + 1, True))
            position = close + 1
        else:
            position += 1
    return found


def opens(text, position):
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if after.isspace():
        return False
    if text[position] in SINGLE:
        return before in OPEN_AFTER and (after.isalnum() or after == "(")
    if text[position] == '"':
        return before in OPEN_AFTER
    return True


def closing(text, position):
    mark, closers = text[position], CLOSERS[text[position]]
    for index in range(position + 1, len(text)):
        if text[index] not in closers:
            continue
        if mark in SINGLE:
            # An apostrophe has letters on both sides ("Kremlin’s"): it does not close.
            after = text[index + 1] if index + 1 < len(text) else " "
            if text[index - 1].isspace() or after.isalnum():
                continue
        return index
    return None


def find_quotations(page):
    """Every quotation on the page, with the paragraphs it was left out of marked."""
    quotations, skip = [], set()
    paragraphs = page.paragraphs
    for index, paragraph in enumerate(paragraphs):
        for start, inner, inner_end, end, closed in spans(paragraph.text):
            if (paragraph.number, start) in skip:
                continue
            text, numbers, last_end = paragraph.text[inner:inner_end], [paragraph.number], end
            following = index + 1
            while not closed and following < len(paragraphs):
                # A quotation that runs on: the next paragraph reopens it.
                nxt = paragraphs[following]
                reopened = spans(nxt.text)
                if not reopened or reopened[0][0] != 0 or nxt.kind != paragraph.kind:
                    break
                _, n_inner, n_inner_end, n_end, closed = reopened[0]
                text += "\n\n" + nxt.text[n_inner:n_inner_end]
                numbers.append(nxt.number)
                skip.add((nxt.number, 0))
                last_end, following = n_end, following + 1
            quotation = Quotation(paragraph, start, last_end, text, numbers, closed)
            quotation.sentence = sentence_of(paragraph.text, start)
            quotation.left_out = left_out_by_place(paragraph, quotation)
            if not quotation.left_out:
                quotation.is_fragment = fragment(paragraph.text, quotation)
            if not closed:
                quotation.notes["text"] = "no closing quotation mark: taken to the paragraph's end"
            quotations.append(quotation)
    return quotations


REASONS = {
    kinds.TITLE: "in the headline",
    kinds.HEADLINE: "in a headline or subheading",
    kinds.CAPTION: "in a photo caption",
    kinds.COMMENT: "in a reader comment",
    kinds.FURNITURE: "in the page furniture",
    kinds.BYLINE: "in the byline",
}


def left_out_by_place(paragraph, quotation):
    if paragraph.kind in REASONS:
        return REASONS[paragraph.kind]
    if SIGN_BEFORE.search(paragraph.text[quotation.sentence[0] : quotation.start]):
        return "the words of a sign or display, not a speaker"
    if not quotation.text.strip():
        return "empty quotation marks"
    return ""


def fragment(text, quotation):
    """A few words inside the author's own sentence, rather than a quoted clause or sentence."""
    before = text[quotation.sentence[0] : quotation.start].rstrip()
    first = quotation.text.lstrip()[:1]
    if not before or before.endswith((":", ",", "—")) or first.isupper() or first == "(":
        return False
    return not FULL_CLAUSE_BEFORE_THAT.search(before)


def segmenter():
    global _segmenter
    if _segmenter is None:
        _segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return _segmenter


@functools.lru_cache(maxsize=256)
def sentences(text):
    """(start, end) of each sentence, never breaking inside a quotation."""
    inside = [(inner, inner_end) for _, inner, inner_end, _, _ in spans(text)]
    bounds = []
    for piece in segmenter().segment(text):
        start = piece.start
        within = any(inner < start < inner_end for inner, inner_end in inside)
        # “There is no rush!” Trump said: the attribution belongs to the quotation before it.
        attribution = (
            bounds and text[:start].rstrip()[-1:] in '”"»' and ATTRIBUTION.match(text[start:])
        )
        if bounds and (within or attribution):
            bounds[-1] = (bounds[-1][0], piece.end)
        else:
            bounds.append((start, piece.end))
    return tuple(bounds) or ((0, len(text)),)


def sentence_of(text, offset):
    for start, end in sentences(text):
        if start <= offset < end:
            return (start, end)
    return (0, len(text))


def masked(text):
    """The paragraph with the words inside quotation marks blanked out, offsets kept."""
    characters = list(text)
    for _, inner, inner_end, _, _ in spans(text):
        characters[inner:inner_end] = " " * (inner_end - inner)
    return "".join(characters)


def normalised(text):
    """For spotting the same words quoted twice: case, punctuation and spacing ignored."""
    return " ".join(re.findall(r"\w+", text.casefold()))
