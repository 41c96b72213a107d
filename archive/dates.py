"""Dates known to the day, the month or only the year.

Sources often give "April 2019" or just "2018". A PartialDate keeps exactly what is known and is
stored as its ISO 8601 text ("2019", "2019-04", "2019-04-25"), which sorts chronologically as a
plain string, so the database can order and filter by it with no extra column.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models

MONTH_NAMES = list(calendar.month_name)  # calendar.month_name[n] formats a date on each read
ISO_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value):
        """Accept a PartialDate, a date, a year as int, or ISO text of 4, 7 or 10 characters."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(f"not a date: {value!r}")
        match = ISO_PARTIAL_DATE.match(value.strip())
        if not match:
            raise ValueError(f"not a date (expected YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
        year, month, day = (int(part) if part else None for part in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"not a date (month {month} does not exist): {value!r}")
        if day is not None:
            # datetime.date raises for 2023-02-30 and the like.
            try:
                datetime.date(year, month, day)
            except ValueError:
                raise ValueError(f"not a date (no such day): {value!r}") from None
        return cls(year, month, day)

    @property
    def precision(self):
        if self.day is not None:
            return DAY
        if self.month is not None:
            return MONTH
        return YEAR

    def isoformat(self):
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    __str__ = isoformat

    def first_day(self):
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self):
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def display(self):
        """'25 April 2019', 'April 2019' or '2019': never more than the source tells."""
        if self.day is not None:
            return f"{self.day} {MONTH_NAMES[self.month]} {self.year}"
        if self.month is not None:
            return f"{MONTH_NAMES[self.month]} {self.year}"
        return str(self.year)


def display_range(start, end):
    """A compact span: '25 April 2019', '12–14 September 2023', 'June–July 2024'."""
    if start is None:
        return "Date unknown"
    if end is None or end == start:
        return start.display()
    if start.precision == end.precision == DAY and (start.year, start.month) == (
        end.year,
        end.month,
    ):
        return f"{start.day}–{end.day} {MONTH_NAMES[start.month]} {start.year}"
    return f"{start.display()} – {end.display()}"


class PartialDateField(models.CharField):
    """A PartialDate stored as ISO text (max 10 characters)."""

    description = "A date known to the day, month or year"

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 10
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return None
        return PartialDate.parse(value)

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return PartialDate.parse(value)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from None

    def run_validators(self, value):
        # CharField's max-length validator measures text, not a PartialDate.
        super().run_validators(value.isoformat() if isinstance(value, PartialDate) else value)

    def get_prep_value(self, value):
        if value in (None, ""):
            return None if self.null else ""
        return PartialDate.parse(value).isoformat()

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return "" if value is None else value.isoformat()
