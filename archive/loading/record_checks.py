"""Checks of one record beyond its fields' own validation: draft marks left by
manage.py draft_article, the shape of its source references, dates in order."""

import re

from .problems import Problem

# What manage.py draft_article adds to a record for the editor: gone once it has been reviewed.
DRAFT_KEYS = {"draft", "why", "confidence"}


def draft_marks(data, file, label):
    """A draft record is refused until the editor has reviewed it and removed its marks."""
    if data.get("draft") is True:
        message = (
            "is a draft (draft: true): review it, then remove 'draft', 'why' and 'confidence' "
            "before loading"
        )
        return [Problem(file, message, label, "draft")]
    return []


# "000 ¶20", "002 ¶29–35" or "002": a seed file's number, then a line or a range of lines.
SOURCE_PARAGRAPH = re.compile(r"\d{3}( ¶\d+(–\d+)?)?")


def check_source_paragraphs(record):
    """The link from a record to its source is read by programs (manage.py audit_sources, the
    corpus checks), so it must have one shape."""
    problems = []
    for reference in record.values.get("source_paragraphs") or []:
        if not SOURCE_PARAGRAPH.fullmatch(reference):
            message = (
                f"'{reference}' is not a source reference: write '000 ¶20', '002 ¶29–35' "
                "(an en dash) or '002'"
            )
            problems.append(Problem(record.file, message, record.label, "source_paragraphs"))
    return problems


def check_dates_in_order(record):
    start, end = record.values.get("start"), record.values.get("end")
    if start is None or end is None or not hasattr(start, "first_day"):
        return []
    if end.last_day() < start.first_day():
        message = f"ends ({end}) before it starts ({start})"
        return [Problem(record.file, message, record.label, "end")]
    return []
