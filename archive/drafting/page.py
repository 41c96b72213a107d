"""An article as pasted from a web page: its paragraphs, which are the story, and its metadata.

Pasted pages carry furniture around the story: a section name, the headline (often twice), photo
captions, a byline, "Leave a Reply" and readers' comments. Each paragraph gets a kind, so that the
quotations in captions, headlines and comments can be left out with a reason.
"""

import re
from dataclasses import dataclass, field

from .timing import find_dates

BODY, TITLE, HEADLINE, CAPTION, BYLINE, COMMENT, FURNITURE = (
    "body", "title", "headline", "caption", "byline", "comment", "furniture",
)  # fmt: skip

CAPTION_MARKS = re.compile(
    r"\((?:Yonhap|AP|AFP|Reuters|EPA|Xinhua|TASS|KCNA|Getty Images)\)\s*$|\.\s+Yonhap\s*$"
    r"|\bCredit:|\bPhoto(?:graph)?:|\bin this photo\b|^This photo\b|\bphoto (?:released|taken)\b"
    r"|\bvia Reuters\b|/(?:AFP|AP|Reuters|Getty)\b|\((?:L|R|left|right|top left|centre|center)\)",
    re.IGNORECASE,
)
COMMENTS_START = re.compile(
    r"^\d+\s+(?:thoughts?|comments?|responses?|replies)\s+(?:on|to)\b|^(?:User\s+)?Comments\b"
    r"|^Leave a (?:Reply|Comment)\b|^\d+\s+Comments?\s*$|^Join the discussion\b|^Reader comments\b",
    re.IGNORECASE,
)
FURNITURE_LINES = re.compile(
    r"^(?:Skip to (?:main )?content|Recent Features|Back to Top|Share(?: this)?|Advertisement|"
    r"Related(?: Articles| Stories)?|Read more.*|Subscribe.*|Click here.*|Sign up.*|ISSN [\d-]+X?|"
    r"Disclaimer:.*|Reply|Menu|Search|Tags?:.*|Edited by .*|Reporting by .*|"
    r".*\bAll rights reserved.*)$",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^\s*(?:(?:Posted|Written|Words|Story)\s+by|[Bb][Yy])\s+(?P<names>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)*(?:\s*(?:,|and|&)\s*[A-Z][\w.’'-]+"
    r"(?:\s+[A-Z][\w.’'-]+)*)*)(?P<rest>.*)$"
)
BREADCRUMB = re.compile(r"^[^.!?]{1,60}\s[>»/]\s[^.!?]{1,60}$")  # "National > North Korea"
URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
# "Putin may visit North Korea — Radio Free Asia"; not "Events in China - II" or "– Analysis".
TITLE_SUFFIX = re.compile(r"\s+[—|]\s+(?P<outlet>[A-Z][\w .&’'-]+)$")
SENTENCE_END = re.compile(r"[.!?…:”\"’)\]]\s*$")


@dataclass
class Paragraph:
    number: int  # 1-based, counting non-empty lines
    text: str
    kind: str = BODY


@dataclass
class Page:
    paragraphs: list
    title: str = ""
    title_outlet: str = ""  # "Radio Free Asia" of "... — Radio Free Asia"
    authors: list = field(default_factory=list)
    published: object = None  # PartialDate
    published_why: str = ""
    url: str = ""

    def body(self):
        return [p for p in self.paragraphs if p.kind == BODY]


def read_page(text):
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    paragraphs = [
        Paragraph(number, line.strip("\u00a0 \t"))
        for number, line in enumerate((line for line in lines if line.strip("\u00a0 \t")), 1)
    ]
    page = Page(paragraphs)
    in_comments = story_started = False
    for paragraph in paragraphs:
        text = paragraph.text
        if in_comments or (COMMENTS_START.search(text) and not BYLINE.match(text)):
            in_comments = True
            paragraph.kind = COMMENT
        elif URL_LINE.match(text):
            paragraph.kind = FURNITURE
            if not page.url and "//t.co/" not in text:
                page.url = URL_LINE.match(text).group(1)
        elif FURNITURE_LINES.match(text) or BREADCRUMB.search(text):
            paragraph.kind = FURNITURE
        elif is_byline(text):
            paragraph.kind = BYLINE
            read_byline(page, text)
        elif CAPTION_MARKS.search(text):
            paragraph.kind = CAPTION
        elif not story_started and dated_line(text):
            # "Published 20 September 2023", "June 19, 2024 6:42 PM GMT+9 Updated ...".
            paragraph.kind = FURNITURE
            if page.published is None:
                page.published = dated_line(text)
                page.published_why = f"the date line above the story: {text.strip()!r}"
        elif is_heading(text):
            paragraph.kind = HEADLINE
        else:
            story_started = True
    find_title(page)
    find_publication_date(page)
    return page


def is_byline(text):
    match = BYLINE.match(text)
    return bool(match) and len(text.split()) <= 14 and not SENTENCE_END.search(match["names"])


def read_byline(page, text):
    match = BYLINE.match(text)
    names = re.split(r"\s*(?:,|\band\b|&)\s*", match["names"])
    page.authors += [name.strip() for name in names if len(name.split()) >= 2]
    dates = find_dates(match["rest"])
    if dates and page.published is None:
        page.published, page.published_why = dates[0].date, f"the byline: {text.strip()!r}"


def dated_line(text):
    """The full date of a short line that is mostly a date (a timestamp above the story)."""
    if len(text.split()) > 16:
        return None
    dates = [found for found in find_dates(text) if found.has_year and found.date.day]
    return dates[0].date if dates else None


def is_heading(text):
    """A short line that is not a sentence: a headline, section name or subheading."""
    words = text.split()
    if len(words) > 16:
        return False
    return not SENTENCE_END.search(text) or (text.endswith("?") and len(words) <= 12)


def find_title(page):
    """The first heading before the story starts; headings repeating it are page furniture."""
    for paragraph in page.paragraphs:
        if paragraph.kind == BODY:
            break
        if paragraph.kind == HEADLINE and len(paragraph.text.split()) >= 4:
            title = paragraph.text
            suffix = TITLE_SUFFIX.search(title)
            if suffix and len(suffix["outlet"].split()) <= 4:
                page.title_outlet = suffix["outlet"].strip()
                title = title[: suffix.start()]
            page.title = title.strip()
            paragraph.kind = TITLE
            break


def find_publication_date(page):
    """The byline's date; else at most the month of the first reader comment, or of the photo
    captions when they all agree on one (a page of items from many dates has no one date)."""
    if page.published is not None:
        return

    def dates_in(kind):
        return [
            found.date
            for paragraph in page.paragraphs
            if paragraph.kind == kind
            for found in find_dates(paragraph.text)
            if found.date.day
        ]

    comments, captions = dates_in(COMMENT)[:1], dates_in(CAPTION)
    for dated, what in ((comments, "its first reader comment"), (captions, "its photo captions")):
        if dated and len({(d.year, d.month) for d in dated}) == 1:
            first = dated[0]
            page.published = type(first)(first.year, first.month)
            page.published_why = (
                f"the page gives no date; {what}: {first.display()}, so at most that month "
                "(check it)"
            )
            return
