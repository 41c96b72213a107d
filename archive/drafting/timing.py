"""Dates in an article's text, at the precision the text gives, and weekdays resolved against them.

"on 4 September", "Sept. 13, 2023", "May 31", "April 29, 2019", "18 Sep 2025", "in April": each
found with what it leaves unknown (a missing year stays missing until something in the text
supplies it). "on Wednesday" becomes a day only against a date the text gives: the article's own,
or the nearest full date printed near it. Nothing is ever filled in from the calendar alone.
"""

import datetime
import re
from dataclasses import dataclass

from archive.dates import PartialDate

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = (
    r"(?P<{0}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DAY_OF_MONTH = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:,?\s+(?P<y>\d{4}))?"
DATE_PATTERNS = [
    # 2024-06-19
    re.compile(r"\b(?P<y>\d{4})-(?P<mn>\d{2})-(?P<d>\d{2})\b"),
    # 18 Sep 2025, 4 September, 15 August
    re.compile(r"\b" + DAY_OF_MONTH + r"\s+" + MONTH.format("m") + YEAR + r"\b"),
    # Sept. 13, 2023; May 31; June 19, 2024
    re.compile(r"\b" + MONTH.format("m") + r"\s+" + DAY_OF_MONTH + r"\b" + YEAR),
    # in April 2019, in March
    re.compile(r"\b(?:[Ii]n|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-?)\s+" + MONTH.format("m")
               + r"(?:\s+(?P<y>\d{4}))?\b"),
]  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


@dataclass
class FoundDate:
    date: PartialDate  # the year may come from elsewhere: see has_year
    start: int
    end: int
    text: str
    has_year: bool


def find_dates(text, default_year=None):
    """Every date in `text`, left to right; without a year only when default_year gives one."""
    found, taken = [], []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            date = date_from_match(match, default_year)
            if date is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(
                FoundDate(date, match.start(), match.end(), match.group(), bool(match["y"]))
            )
    return sorted(found, key=lambda f: f.start)


def date_from_match(match, default_year):
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else default_year
    if year is None or not 1900 <= year <= 2100:
        return None
    month = int(groups["mn"]) if groups.get("mn") else MONTHS[groups["m"][:3].lower()]
    day = int(groups["d"]) if groups.get("d") else None
    try:
        return PartialDate.parse(f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else ""))
    except ValueError:
        return None


def weekday_in(text):
    """'wednesday' when the text names a day of the week."""
    match = WEEKDAY.search(text)
    return match.group(1).lower() if match else None


def weekday_before(weekday, date):
    """The last such weekday on or before `date` (an article reports what has happened)."""
    back = (date.weekday() - WEEKDAYS.index(weekday)) % 7
    return date - datetime.timedelta(days=back)


def weekday_nearest(weekday, date):
    """The such weekday closest to `date`, for a weekday beside a date printed in the text."""
    after = (WEEKDAYS.index(weekday) - date.weekday()) % 7
    before = 7 - after if after else 0
    delta = after if after <= before else -before
    return date + datetime.timedelta(days=delta)


def day(date):
    return PartialDate(date.year, date.month, date.day)
