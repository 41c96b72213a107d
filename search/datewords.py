"""Dates as words a reader types: "2019", "June 2024", "2024-06", "19 June 2024".

Each indexed record gains the words of its date, at the precision it is known (a record dated only
"2018" gains "2018", one dated 2024-06-19 gains "19 June 2024"), so a year or a month in a search
finds the records of that date like any other word. A reader's ISO dates ("2024-06",
"2024-06-19") are read as the same words.
"""

import calendar
import re

MONTHS = list(calendar.month_name)  # calendar.month_name[n] formats a date each time it is read
ISO_DATE = re.compile(r"\b(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?\b")


def document_words(date):
    """'19 June 2024' for a PartialDate known to the day, 'June 2024' to the month, '2024'."""
    if date is None:
        return ""
    words = [str(date.year)]
    if date.month:
        words.insert(0, MONTHS[date.month])
        if date.day:
            words.insert(0, str(date.day))
    return " ".join(words)


def rewrite_query(text):
    """The reader's text with ISO dates written as words: '2024-06' -> 'June 2024'."""

    def as_words(match):
        year, month, day = match.groups()
        words = f"{MONTHS[int(month)]} {year}"
        return f"{int(day)} {words}" if day else words

    return ISO_DATE.sub(as_words, text)
