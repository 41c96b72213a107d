"""A first pass at an article's records, for an editor to review: `draft_article(text, reference)`.

Plain text in (as pasted from a web page), draft records out: the article, its quotations with
speaker, channel, meeting and date, and the people and outlets the archive does not know yet. Every
guess carries a `why` note; every quotation left out is named in the report with the reason.
Nothing here reads the network, the database or a search index.
"""

from dataclasses import dataclass, field

from .attribution import Attributor
from .channels import channel_note, find_channel
from .meetings import MeetingMatcher
from .page import COMMENT, read_page
from .quotations import find_quotations, masked, normalised
from .reference import Reference
from .speakers import SpeakerFinder
from .timing import day, find_dates, weekday_before, weekday_in, weekday_nearest

__all__ = ["Draft", "Reference", "draft_article"]

# Channels through which words are not said at a meeting.
REMOTE_CHANNEL_KINDS = {"social"}


@dataclass
class Draft:
    page: object
    quotations: list  # every one found, left out or not
    proposed_people: dict = field(default_factory=dict)  # slug -> {"name", "why"}
    proposed_outlets: dict = field(default_factory=dict)
    people_named: list = field(default_factory=list)  # known people named, most named first

    @property
    def kept(self):
        return [q for q in self.quotations if not q.left_out]

    def report(self):
        lines = []
        for q in self.quotations:
            excerpt = q.text if len(q.text) <= 60 else q.text[:57] + "…"
            if q.left_out:
                lines.append(f"left out ¶{q.number}: “{excerpt}” — {q.left_out}")
            else:
                lines.append(f"drafted ¶{q.number}: “{excerpt}” — {q.speaker}")
        return lines


def draft_article(text, reference):
    page = read_page(text)
    quotations = find_quotations(page)
    finder = SpeakerFinder(reference, page)
    attributor = Attributor(finder, page)
    matcher = MeetingMatcher(reference, page)
    draft = Draft(page, quotations)
    anchors = dated_paragraphs(page)
    year = page.published.year if page.published else None

    previous, previous_here, previous_relay = None, None, None
    for quotation in quotations:
        if quotation.left_out:
            continue
        if previous_here is not None and previous_here.number != quotation.number:
            previous_here = None
        if not attributor.attribute(quotation, previous_here):
            quotation.left_out = (
                "no speaker named: the author's own phrase (scare quotes) or an unattributed "
                "quotation"
            )
            continue
        sentence = attributor.masked[quotation.number][slice(*quotation.sentence)]
        named_channel(quotation, sentence, reference, draft)
        anchor = nearest_anchor(anchors, quotation.number)
        follows = previous if runs_on(previous, quotation) else None
        if not is_remote(quotation, reference):
            quotation.meeting, why = matcher.match(
                quotation, quotation.speaker, anchor, follows, year or (anchor and anchor.year)
            )
            if why:
                quotation.notes["meeting"] = why
        carried_channel(quotation, sentence, previous, previous_relay)
        if is_remote(quotation, reference) and quotation.meeting:
            quotation.meeting = None
            quotation.notes["meeting"] = "none: the words came through a post, not at a meeting"
        previous_relay = attributor.relayed_by(quotation)
        date_quotation(quotation, sentence, page, anchor, previous_here, reference)
        attributor.said(quotation, previous_relay)
        previous = previous_here = quotation
    leave_out_repeats(quotations)
    draft.proposed_people = finder.proposed
    draft.people_named = sorted(finder.counts, key=lambda slug: -finder.counts[slug])
    return draft


def named_channel(quotation, sentence, reference, draft):
    """The channel the quotation's own sentence names (or the agency speaking for itself)."""
    slug, new_name, why = find_channel(sentence, reference)
    if new_name:
        slug = "-".join(new_name.casefold().split())
        draft.proposed_outlets.setdefault(slug, {"name": new_name, "why": why})
    if slug is None:
        slug = reference.outlet_for_speaker(quotation.speaker)
        why = "the speaker is the agency itself" if slug else ""
    quotation.channel = slug
    if why:
        quotation.notes["channel"] = why
    quotation.channel_note = channel_note(sentence)


def carried_channel(quotation, sentence, previous, previous_relay):
    """No channel named: the previous quotation's, where the same account runs on."""
    if quotation.channel or quotation.other_source or not runs_on(previous, quotation):
        return
    same_voice = quotation.speaker in (previous.speaker, previous_relay)
    continues = quotation.resolved_by in ("continuation", "pronoun") and same_voice
    same_meeting = quotation.meeting is not None and quotation.meeting == previous.meeting
    if previous.channel and (continues or same_meeting):
        quotation.channel = previous.channel
        quotation.notes["channel"] = f"the account of ¶{previous.number} runs on"
    if not quotation.channel_note and continues and previous.number == quotation.number:
        quotation.channel_note = previous.channel_note


def runs_on(previous, quotation):
    """The previous quotation is close enough for its account to carry over (two paragraphs)."""
    return previous is not None and quotation.number - previous.paragraphs[-1] <= 2


def is_remote(quotation, reference):
    outlet = reference.outlets.get(quotation.channel or "", {})
    return outlet.get("kind") in REMOTE_CHANNEL_KINDS


def dated_paragraphs(page):
    """(paragraph number, full date) for each date printed with its year, outside comments."""
    found = []
    for paragraph in page.paragraphs:
        if paragraph.kind == COMMENT:
            continue
        for date in find_dates(paragraph.text):
            if date.has_year and date.date.day:
                found.append((paragraph.number, date.date))
    return found


def nearest_anchor(anchors, number, reach=10):
    before = [(number - n, d) for n, d in anchors if 0 <= number - n <= reach]
    after = [(n - number, d) for n, d in anchors if 0 < n - number <= reach]
    for candidates in (before, after):
        if candidates:
            return min(candidates, key=lambda c: c[0])[1]
    return None


def date_quotation(quotation, sentence, page, anchor, previous_here, reference):
    """said_on, at the precision the text supports, with where it came from."""
    year = page.published.year if page.published else (anchor.year if anchor else None)
    paragraph = masked(quotation.paragraph.text)
    explicit = [d for d in find_dates(paragraph, year) if d.date.day or d.has_year]
    weekday = weekday_in(sentence)
    meeting = next((m for m in reference.meetings if m.slug == quotation.meeting), None)
    date, why = None, ""
    if explicit:
        date, why = explicit[0].date, f"the paragraph says {explicit[0].text!r}"
        if not explicit[0].has_year:
            why += f", the year from {'the article' if page.published else 'a nearby date'}"
    elif weekday and page.published is not None and page.published.day:
        date = day(weekday_before(weekday, page.published.first_day()))
        why = f"{weekday.title()} before the article's date, {page.published}"
    elif weekday and anchor is not None:
        date = day(weekday_nearest(weekday, anchor.first_day()))
        why = f"the {weekday.title()} nearest the date the page prints, {anchor}"
    elif weekday and meeting and meeting.start and meeting.start.day:
        if meeting.start.first_day().strftime("%A").lower() == weekday:
            date, why = meeting.start, f"the meeting's date, a {weekday.title()}"
    elif previous_here is not None and previous_here.speaker == quotation.speaker:
        date, why = previous_here.said_on, "as the quotation before it"
    elif meeting and meeting.start and (meeting.end is None or meeting.end == meeting.start):
        date, why = meeting.start, f"the date of {meeting.slug} in the archive"
    elif page.published is not None and page.published.month:
        date = type(page.published)(page.published.year, page.published.month)
        why = "the month of the article; the text gives no date for the words"
    if weekday and date is None:
        why = f"the text says {weekday.title()!r} but gives no date to count from"
    quotation.said_on = date
    if why:
        quotation.notes["said_on"] = why


def leave_out_repeats(quotations):
    """The same words quoted twice (a headline or lede echoing the story): keep the surer one."""
    kept = [q for q in quotations if not q.left_out]
    for q in kept:
        for other in kept:
            if other is q or other.left_out:
                continue
            mine, theirs = normalised(q.text), normalised(other.text)
            echoes = mine == theirs or (len(mine.split()) >= 2 and f" {mine} " in f" {theirs} ")
            if echoes and (
                other.confidence > q.confidence
                or (other.confidence == q.confidence and other.number < q.number)
            ):
                q.left_out = f"the same words are quoted in ¶{other.number}"
                break
