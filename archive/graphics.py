"""Geometry for the two drawings the server makes: the home page's timeline of Putin–Kim meetings
and a meeting's locator map. Both are plain numbers here; the templates draw them as inline SVG,
so no script, tile server or web font is involved.
"""

import datetime
import functools
import math
from dataclasses import dataclass

from . import geography

# Timeline drawing area (SVG user units; the SVG scales to its container).
TIMELINE_WIDTH = 800
TIMELINE_HEIGHT = 150
TIMELINE_PAD = 40
TIMELINE_AXIS_Y = 75

# Map drawing area.
MAP_WIDTH = 360
MAP_HEIGHT = 240
MAP_HALF_HEIGHT_DEGREES = 10


@dataclass
class TimelineMark:
    meeting: object
    x: float
    above: bool  # labels alternate above and below the axis so neighbours never overlap

    @property
    def label(self):
        return place_label(self.meeting)

    @property
    def label_y(self):
        return TIMELINE_AXIS_Y - 34 if self.above else TIMELINE_AXIS_Y + 32

    @property
    def date_y(self):
        return self.label_y + 16


@dataclass
class TimelineTick:
    year: int
    x: float


@dataclass
class Timeline:
    marks: list
    ticks: list
    width: int = TIMELINE_WIDTH
    height: int = TIMELINE_HEIGHT
    axis_y: int = TIMELINE_AXIS_Y
    axis_start: int = TIMELINE_PAD
    axis_end: int = TIMELINE_WIDTH - TIMELINE_PAD


def _year_fraction(day):
    start = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def timeline(meetings):
    """Marks for meetings (in date order) on an axis running from January of the first year to
    the January after the last, one tick a year."""
    meetings = list(meetings)
    if not meetings:
        return None
    first_year = meetings[0].start.year
    last_year = meetings[-1].start.year + 1
    inner = TIMELINE_WIDTH - 2 * TIMELINE_PAD

    def x_of(value):
        return round(TIMELINE_PAD + (value - first_year) / (last_year - first_year) * inner, 1)

    marks = [
        # A date known only to the month or year sits at its middle, not its first day.
        TimelineMark(meeting, x_of(_midpoint(meeting.start)), above=index % 2 == 0)
        for index, meeting in enumerate(meetings)
    ]
    ticks = [TimelineTick(year, x_of(year)) for year in range(first_year, last_year + 1)]
    return Timeline(marks=marks, ticks=ticks)


def _midpoint(date):
    first, last = _year_fraction(date.first_day()), _year_fraction(date.last_day())
    return (first + last) / 2


@dataclass
class MapPoint:
    label: str
    x: float
    y: float
    is_current: bool

    @property
    def label_anchor(self):
        # The meeting's own place is labelled above its dot, in the middle of the map; others
        # to the side of theirs, on the left near the right edge so they stay inside the map.
        if self.is_current:
            return "middle"
        return "end" if self.x > MAP_WIDTH * 0.65 else "start"

    @property
    def label_x(self):
        return {"middle": self.x, "end": self.x - 8, "start": self.x + 8}[self.label_anchor]

    @property
    def label_y(self):
        return self.y - 13 if self.is_current else self.y + 4


@dataclass
class GridLine:
    label: str
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class LocatorMap:
    points: list
    gridlines: list
    land: list  # SVG path data, one per piece of land in the window
    width: int = MAP_WIDTH
    height: int = MAP_HEIGHT


def locator_map(current, located_meetings):
    """A locator map centred on the current meeting, with the other meeting places of the
    archive that fall inside it. Equirectangular projection, longitude scaled by the cosine of
    the latitude so shapes stay true enough at this scale; a graticule every five degrees."""
    if not current.has_coordinates:
        return None
    lat0, lon0 = float(current.latitude), float(current.longitude)
    west, south, east, north, project = _window(lat0, lon0)

    def inside(meeting):
        lat, lon = float(meeting.latitude), float(meeting.longitude)
        return south < lat < north and west < lon < east

    # One dot per place (several meetings were held in Moscow or Pyongyang), the current last.
    here = (current.latitude, current.longitude)
    others = {(m.latitude, m.longitude): m for m in located_meetings if inside(m)}
    others.pop(here, None)
    points = []
    for meeting in [*others.values(), current]:
        x, y = project(float(meeting.latitude), float(meeting.longitude))
        points.append(MapPoint(place_label(meeting), x, y, is_current=meeting is current))

    gridlines = []
    for lat in range(math.ceil(south / 5) * 5, math.floor(north / 5) * 5 + 1, 5):
        x1, y = project(lat, west)
        x2, _ = project(lat, east)
        gridlines.append(GridLine(f"{abs(lat)}°{'N' if lat >= 0 else 'S'}", x1, y, x2, y))
    for lon in range(math.ceil(west / 5) * 5, math.floor(east / 5) * 5 + 1, 5):
        x, y1 = project(north, lon)
        _, y2 = project(south, lon)
        gridlines.append(GridLine(f"{abs(lon)}°{'E' if lon >= 0 else 'W'}", x, y1, x, y2))
    land = _land_around(lat0, lon0)
    return LocatorMap(points=points, gridlines=gridlines, land=land)


def _window(lat0, lon0):
    """The map's edges around a centre, and the projection from degrees to SVG units."""
    squeeze = math.cos(math.radians(lat0))
    scale = MAP_HEIGHT / (2 * MAP_HALF_HEIGHT_DEGREES)  # pixels per degree of latitude
    half_width_degrees = MAP_WIDTH / 2 / (scale * squeeze)
    north, south = lat0 + MAP_HALF_HEIGHT_DEGREES, lat0 - MAP_HALF_HEIGHT_DEGREES
    west, east = lon0 - half_width_degrees, lon0 + half_width_degrees

    def project(lat, lon):
        return round((lon - west) * squeeze * scale, 1), round((north - lat) * scale, 1)

    return west, south, east, north, project


@functools.lru_cache(maxsize=64)
def _land_around(lat0, lon0):
    """The coastline around a place is the same on every request: work it out once."""
    west, south, east, north, project = _window(lat0, lon0)
    return geography.land_paths(west, south, east, north, project)


def place_label(meeting):
    """A short place name: the city, else the venue's first part (Vostochny Cosmodrome)."""
    return meeting.city or meeting.venue.split(",")[0] or meeting.country_name or "Place unknown"
