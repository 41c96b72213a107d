"""Choosing a quotation's speaker from the mentions around it, most certain rule first.

1. a name bound to a speech verb in the quotation's sentence ("Putin said", "said Cha");
2. "according to X": the sentence's subject, else X ("the gift serves as ..., according to KCNA");
3. a sentence with nobody in it, after a quotation in the same paragraph: the same speaker;
4. any speech verb and a subject in the sentence: that subject;
otherwise nobody, and the quotation is left out as the author's phrase or unattributed.
"""

from dataclasses import dataclass

from .cues import VERB_AFTER_NAME, VERB_BEFORE_NAME
from .quotations import masked, sentences
from .speakers import has_speech_cue, is_strong, is_subject, relay_region

CONFIDENCE = {"name": 0.9, "family": 0.8, "description": 0.8, "capital": 0.7, "agency": 0.7}


@dataclass
class Sayer:
    slug: str
    number: int  # paragraph
    position: int


class Attributor:
    def __init__(self, finder, page):
        self.finder = finder
        self.page = page
        self.sayers = []  # who spoke last, in reading order: for "he said" with nobody before it
        self.masked = {p.number: masked(p.text) for p in page.paragraphs}
        self.mentions = {n: finder.mentions(text) for n, text in self.masked.items()}
        self.last_agency = None

    def attribute(self, quotation, previous_here):
        """Set quotation.speaker, confidence, resolved_by and the speaker's why note."""
        number = quotation.number
        text = self.masked[number]
        start, end = quotation.sentence
        around = [m for m in self.mentions[number] if start <= m.start < end]
        relay = relay_region(text, start, end)

        def in_relay(mention):
            return relay is not None and relay[0] <= mention.start < relay[1]

        def distance(mention):
            return abs(mention.start - quotation.start)

        strong = sorted(
            (
                m
                for m in around
                if not in_relay(m)
                and is_strong(text, m, start)
                # "Seoul said" stands for the government; "experts in Seoul said" does not.
                and (m.kind != "capital" or is_subject(text, m, start))
            ),
            key=lambda m: (m.kind == "new", distance(m)),  # a known name before a new one
        )
        # "Putin thanked Kim ..., the Kremlin said": the words came through someone else.
        quotation.other_source = relay is not None or len(strong) > 1
        for mention in strong:
            slug = self.slug_for(mention, number)
            if slug:
                return self.choose(
                    quotation, slug, mention, f"the text says {words(text, mention)!r}"
                )
        people = [m for m in around if m.kind not in ("pronoun", "new", "capital")]
        if relay is not None:
            subject = next(
                (m for m in people if not in_relay(m) and is_subject(text, m, start)), None
            )
            relayed = next((m for m in people if in_relay(m)), None)
            for mention, how in (
                (subject, "the sentence's subject"),
                (relayed, "the source named"),
            ):
                slug = mention and self.slug_for(mention, number)
                if slug:
                    return self.choose(quotation, slug, mention, f"{how}, {mention.text!r}", 0.6)
        if not people and previous_here is not None and previous_here.speaker:
            return self.choose(
                quotation, previous_here.speaker, None, "continues the quotation before it", 0.7
            )
        if has_speech_cue(text[start:end]):
            for mention in people:
                slug = is_subject(text, mention, start) and self.slug_for(mention, number)
                if slug:
                    return self.choose(
                        quotation, slug, mention, f"the sentence's subject, {mention.text!r}", 0.5
                    )
        return None

    def choose(self, quotation, slug, mention, why, confidence=None):
        kind = mention.kind if mention else "continuation"
        if confidence is None:
            confidence = 0.7 if kind == "pronoun" else CONFIDENCE.get(kind, 0.6)
        if kind == "new":
            slug = self.finder.propose(mention.text, f"named as the speaker in ¶{quotation.number}")
            why += "; not in the archive: proposed as a new person"
            confidence = 0.6
        quotation.speaker, quotation.confidence, quotation.resolved_by = slug, confidence, kind
        quotation.notes["speaker"] = f"{why} (confidence {confidence:.1f})"
        return slug

    def slug_for(self, mention, number):
        if mention.kind == "pronoun":
            return self.antecedent(mention, number)
        if mention.kind == "agency":
            return self.last_agency
        if mention.kind == "new":
            return "-".join(mention.text.split()).casefold()
        return self.finder.resolve(mention)

    def antecedent(self, pronoun, number):
        """'he': the nearest earlier sentence's subject in the paragraph, else the last sayer."""
        text = self.masked[number]
        for start, end in reversed(sentences(self.page_text(number))):
            if start >= pronoun.start:
                continue
            for mention in self.mentions[number]:
                if start <= mention.start < min(end, pronoun.start) and mention.kind in (
                    "name", "family", "description", "new",
                ) and is_subject(text, mention, start):  # fmt: skip
                    slug = self.finder.resolve(mention)
                    if mention.kind == "new":
                        why = f"named in ¶{number} before a quotation given to 'he' or 'she'"
                        slug = self.finder.propose(mention.text, why)
                    if slug and not self.finder.reference.is_organisation(slug):
                        return slug
        return self.sayers[-1].slug if self.sayers else None

    def page_text(self, number):
        return next(p.text for p in self.page.paragraphs if p.number == number)

    def said(self, quotation, relayed_by=None):
        """Remember who spoke (or who relayed the words), for a later 'he said'."""
        if relayed_by and not self.finder.reference.is_organisation(relayed_by):
            self.sayers.append(Sayer(relayed_by, quotation.number, quotation.start))
        elif quotation.speaker:
            self.sayers.append(Sayer(quotation.speaker, quotation.number, quotation.start))
        if (
            quotation.speaker
            and "agency" in self.finder.reference.display_name(quotation.speaker).casefold()
        ):
            self.last_agency = quotation.speaker

    def relayed_by(self, quotation):
        """The person in the sentence's 'according to X', if X is a known person."""
        number = quotation.number
        start, end = quotation.sentence
        relay = relay_region(self.masked[number], start, end)
        if relay is None:
            return None
        for mention in self.mentions[number]:
            if relay[0] <= mention.start < relay[1] and mention.kind == "name":
                return mention.slug
        return None


def words(text, mention):
    """The words that bind a name to its verb: 'Putin told', 'said Cha Du-hyeogn'."""
    after = VERB_AFTER_NAME.match(text[mention.end :])
    if after:
        found = text[mention.start : mention.end + after.end()]
    else:
        before = VERB_BEFORE_NAME.search(text[: mention.start])
        found = text[before.start() + 1 if before else mention.start : mention.end]
    return " ".join(found.split()).lstrip(",” ")
