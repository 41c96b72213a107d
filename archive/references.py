"""Reference-manager files for meetings, articles and quotations: RIS, BibTeX and CSL-JSON.

One Reference per record, built from the same rules as the citations shown on the pages
(archive/citations.py): the same names, the same BibTeX entries, and dates only as precise as
the source ("April 2019" is RIS `2019/04//`, CSL `[[2019, 4]]`, BibTeX year and month only).
"""

import json
from dataclasses import dataclass, field

from .citations import (
    FAMILY_NAME_FIRST,
    SITE_NAME,
    cite_article,
    cite_meeting,
    cite_quote,
    family_and_given,
    quoted_words,
)
from .models import Outlet

# (RIS type, CSL type) of an article, by the kind of outlet that published it.
ARTICLE_TYPES = {
    Outlet.Kind.STATE_AGENCY: ("NEWS", "article-newspaper"),
    Outlet.Kind.STATE_MEDIA: ("NEWS", "article-newspaper"),
    Outlet.Kind.NEWS: ("NEWS", "article-newspaper"),
    Outlet.Kind.ANALYSIS: ("JOUR", "article-journal"),
    Outlet.Kind.THINK_TANK: ("RPRT", "report"),
    Outlet.Kind.BLOG: ("BLOG", "post-weblog"),
    Outlet.Kind.OFFICIAL: ("ELEC", "webpage"),
    Outlet.Kind.SOCIAL: ("ELEC", "post"),
}


@dataclass
class Reference:
    key: str
    ris_type: str
    csl_type: str
    title: str
    url: str
    bibtex: str
    authors: list = field(default_factory=list)  # Person records
    institution: str = ""  # an author that is no person (the archive itself)
    date: object = None  # PartialDate or None
    container: str = ""  # the outlet or website the item appeared in
    publisher: str = ""
    event: str = ""
    note: str = ""


def meeting_reference(meeting, url):
    return Reference(
        key=meeting.slug,
        ris_type="ELEC",
        csl_type="webpage",
        title=f"{meeting.title}, {meeting.date_display}",
        url=url,
        bibtex=cite_meeting(meeting, url).bibtex,
        institution=SITE_NAME,
        container=SITE_NAME,
        publisher=SITE_NAME,
        note=f"Record of a meeting held {meeting.date_display}, {meeting.place_display}",
    )


def article_reference(article, authors, archive_url):
    ris_type, csl_type = ARTICLE_TYPES.get(article.outlet.kind, ("GEN", "article"))
    return Reference(
        key=article.slug,
        ris_type=ris_type,
        csl_type=csl_type,
        title=article.title,
        url=article.url or archive_url,
        bibtex=cite_article(article, authors, archive_url).bibtex,
        authors=list(authors),
        date=article.published,
        container=article.outlet.name,
        publisher=article.outlet.name,
        note="" if article.url else f"Original address not given; summarised in {SITE_NAME}",
    )


def quote_reference(quote, url):
    """The speaker's words, as said (a speech, in CSL) and quoted in an article."""
    article = quote.article
    return Reference(
        key=quote.slug,
        ris_type="GEN",
        csl_type="speech",
        title=quoted_words(quote.text),
        url=url,
        bibtex=cite_quote(quote, url).bibtex,
        authors=[quote.speaker],
        date=quote.said_on,
        container=SITE_NAME,
        publisher=SITE_NAME,
        event=quote.meeting.title if quote.meeting else "",
        note=f"Quoted in {article.outlet.name}, \u201c{article.title}\u201d, "
        f"{article.published_display}",
    )


# RIS


def ris_date(date):
    """YYYY/MM/DD/ with the unknown parts left empty: 2019/04//."""
    month = f"{date.month:02d}" if date.month is not None else ""
    day = f"{date.day:02d}" if date.day is not None else ""
    return f"{date.year:04d}/{month}/{day}/"


def ris_name(person):
    family, given = family_and_given(person)
    return f"{family}, {given}" if given else family


def _ris_line(tag, value):
    # One line per tag: a newline inside a value would start a new, broken tag.
    return f"{tag}  - {' '.join(str(value).split())}"


def ris(reference):
    lines = [_ris_line("TY", reference.ris_type), _ris_line("ID", reference.key)]
    lines += [_ris_line("TI", reference.title)]
    lines += [_ris_line("AU", ris_name(person)) for person in reference.authors]
    if reference.institution:
        lines.append(_ris_line("AU", reference.institution))
    if reference.date:
        lines.append(_ris_line("PY", f"{reference.date.year:04d}"))
        lines.append(_ris_line("DA", ris_date(reference.date)))
    for tag, value in [
        ("T2", reference.container),
        ("PB", reference.publisher),
        ("UR", reference.url),
        ("N1", reference.note),
        ("C3", reference.event),
    ]:
        if value:
            lines.append(_ris_line(tag, value))
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


# CSL-JSON


def csl_name(person):
    family, given = family_and_given(person)
    if not given:
        return {"literal": person.name}
    name = {"family": family, "given": given}
    if person.country in FAMILY_NAME_FIRST:
        name["static-ordering"] = True  # Kim Jong Un, never "Jong Un Kim"
    return name


def csl(reference):
    item = {"id": reference.key, "type": reference.csl_type, "title": reference.title}
    authors = [csl_name(person) for person in reference.authors]
    if reference.institution:
        authors.append({"literal": reference.institution})
    if authors:
        item["author"] = authors
    if reference.date:
        parts = [reference.date.year, reference.date.month, reference.date.day]
        item["issued"] = {"date-parts": [[part for part in parts if part is not None]]}
    for key, value in [
        ("container-title", reference.container),
        ("publisher", reference.publisher),
        ("event-title", reference.event),
        ("URL", reference.url),
        ("note", reference.note),
    ]:
        if value:
            item[key] = value
    return item


# Files: one reference or many


FORMATS = {
    # extension: (content type, write one list of references)
    "ris": ("application/x-research-info-systems", lambda refs: "".join(ris(r) for r in refs)),
    "bib": ("application/x-bibtex", lambda refs: "\n\n".join(r.bibtex for r in refs) + "\n"),
    "csl.json": (
        "application/vnd.citationstyles.csl+json",
        lambda refs: json.dumps([csl(r) for r in refs], ensure_ascii=False, indent=1) + "\n",
    ),
}
