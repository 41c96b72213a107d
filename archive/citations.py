"""Ready citations for meeting, article and quote pages: Chicago, APA and BibTeX.

Plain text, so a reader can copy them anywhere. Dates carry only the precision the source gives
("June 2024" stays "June 2024"), and a missing date or author is written the way each style
says to ("n.d.", title first), never guessed.

Names: Chinese and Korean names are written family name first and are never inverted; other
people's family name is their last word. Institutions are written as they are named.
"""

import calendar
from dataclasses import dataclass

from .site import SITE_NAME

# Countries whose names the archive writes family name first (Kim Jong Un, Xi Jinping).
FAMILY_NAME_FIRST = {"KP", "KR", "CN"}

BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


@dataclass(frozen=True)
class Citation:
    chicago: str
    apa: str
    bibtex: str

    @property
    def bibtex_rows(self):
        """Tall enough for the whole entry, closing brace included."""
        return len(self.bibtex.splitlines())


# Names


def family_and_given(person):
    """(family, given) for a person; (name, "") for an institution or a one-word name."""
    words = person.name.split()
    if person.is_organisation or len(words) < 2:
        return person.name, ""
    if person.country in FAMILY_NAME_FIRST:
        return words[0], " ".join(words[1:])
    return words[-1], " ".join(words[:-1])


def initials(given):
    """'Konstantin' -> 'K.', 'Jong Un' -> 'J. U.', 'Jong-un' -> 'J.-U.'"""
    parts = []
    for word in given.split():
        parts.append("-".join(f"{piece[0].upper()}." for piece in word.split("-") if piece))
    return " ".join(parts)


def chicago_name(person, first):
    family, given = family_and_given(person)
    if not given or person.country in FAMILY_NAME_FIRST or not first:
        return person.name
    return f"{family}, {given}"


def apa_name(person):
    family, given = family_and_given(person)
    return f"{family}, {initials(given)}" if given else family


def bibtex_name(person):
    family, given = family_and_given(person)
    return f"{family}, {given}" if given else "{" + person.name + "}"


def join_chicago(people):
    names = [chicago_name(person, first=index == 0) for index, person in enumerate(people)]
    if len(names) <= 2:
        return ", and ".join(names) if len(names) == 2 else "".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def join_apa(people):
    names = [apa_name(person) for person in people]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


# Dates


def chicago_date(date):
    if date is None:
        return "n.d."
    if date.day is not None:
        return f"{calendar.month_name[date.month]} {date.day}, {date.year}"
    if date.month is not None:
        return f"{calendar.month_name[date.month]} {date.year}"
    return str(date.year)


def apa_date(date):
    if date is None:
        return "(n.d.)"
    if date.day is not None:
        return f"({date.year}, {calendar.month_name[date.month]} {date.day})"
    if date.month is not None:
        return f"({date.year}, {calendar.month_name[date.month]})"
    return f"({date.year})"


# BibTeX


def bibtex_escape(text):
    return "".join(BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex_entry(key, fields):
    """fields: (name, value) pairs; values are escaped and braced, None values left out.

    Field values that are already BibTeX (names) are passed as ("author", value, True).
    """
    lines = [f"@misc{{{key},"]
    for name, value, *raw in fields:
        if value is None or value == "":
            continue
        text = value if raw else bibtex_escape(value)
        lines.append(f"  {name} = {{{text}}},")
    lines.append("}")
    return "\n".join(lines)


def bibtex_date_fields(date):
    if date is None:
        return [("year", "n.d.")]
    fields = [("year", str(date.year))]
    if date.month is not None:
        fields.append(("month", calendar.month_abbr[date.month].lower()))
    fields.append(("date", date.isoformat()))
    return fields


def sentence(text):
    """Text ending in exactly one full stop (titles may end in ? or !)."""
    text = text.strip()
    return text if text[-1:] in {".", "?", "!"} else text + "."


# The three kinds of page that offer a citation


def cite_meeting(meeting, url):
    """The archive's record of a meeting, cited as a web page by the archive."""
    title = f"{meeting.title}, {meeting.date_display}"
    chicago = f'{SITE_NAME}. "{sentence(title)}" {url}.'
    apa = f"{SITE_NAME}. (n.d.). {sentence(title)} {url}"
    bibtex = bibtex_entry(
        meeting.slug,
        [
            ("author", "{" + SITE_NAME + "}", True),
            ("title", title),
            ("howpublished", SITE_NAME),
            ("url", url, True),
            ("note", f"Record of a meeting held {meeting.date_display}, {meeting.place_display}"),
        ],
    )
    return Citation(chicago=chicago, apa=apa, bibtex=bibtex)


def cite_article(article, authors, archive_url):
    """The original article, at its own address where the source gives one."""
    address = article.url or archive_url
    outlet = article.outlet.name
    published = article.published
    via = "" if article.url else f" Summarised in {SITE_NAME}."
    if authors:
        chicago = (
            f'{sentence(join_chicago(authors))} "{sentence(article.title)}" {outlet}, '
            f"{sentence(chicago_date(published))}{via} {address}."
        )
        apa = (
            f"{join_apa(authors)} {apa_date(published)}. {sentence(article.title)} "
            f"{outlet}.{via} {address}"
        )
    else:
        date = sentence(chicago_date(published))
        chicago = f'"{sentence(article.title)}" {outlet}, {date}{via} {address}.'
        apa = f"{sentence(article.title)} {apa_date(published)}. {outlet}.{via} {address}"
    fields = []
    if authors:
        fields.append(("author", " and ".join(bibtex_name(author) for author in authors), True))
    fields += [("title", article.title), ("howpublished", outlet)]
    fields += bibtex_date_fields(published)
    fields.append(("url", address, True))
    if not article.url:
        fields.append(("note", f"Original address not given; summarised in {SITE_NAME}"))
    return Citation(chicago=chicago, apa=apa, bibtex=bibtex_entry(article.slug, fields))


def quoted_words(text):
    """The words for a citation: a comma or semicolon that ends the quotation in its source
    sentence belongs to that sentence, not to the speaker."""
    return text.strip().rstrip(",;:").rstrip()


def cite_quote(quote, url):
    """The speaker's words, as quoted in the article we took them from."""
    words = quoted_words(quote.text)
    speaker = quote.speaker
    article = quote.article
    occasion = f", {quote.meeting.title}" if quote.meeting else ""
    chicago = (
        f'{speaker.name}, "{words}"{occasion}, {sentence(chicago_date(quote.said_on))} '
        f'Quoted in "{sentence(article.title)}" {article.outlet.name}, '
        f"{sentence(chicago_date(article.published))} {SITE_NAME}, {url}."
    )
    apa = (
        f"{apa_name(speaker)} {apa_date(quote.said_on)}. \u201c{words}\u201d "
        f"[Statement{occasion}]. Quoted in {article.outlet.name}, {sentence(article.title)} "
        f"{SITE_NAME}. {url}"
    )
    fields = [("author", bibtex_name(speaker), True), ("title", words)]
    fields += bibtex_date_fields(quote.said_on)
    fields.append(("howpublished", f"Quoted in {article.outlet.name}, \u201c{article.title}\u201d"))
    if quote.meeting:
        fields.append(("note", f"Said at: {quote.meeting.title}"))
    fields.append(("url", url, True))
    return Citation(chicago=chicago, apa=apa, bibtex=bibtex_entry(quote.slug, fields))
