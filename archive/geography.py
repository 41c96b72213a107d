"""Land outlines for the locator maps, so a meeting's dot sits on a recognisable coast.

archive/data/land.json holds Natural Earth's 1:50m land polygons (public domain, via the
world-atlas package's TopoJSON) cut to the part of the world the archive covers; make_land.py
beside it says how it was made. Nothing is fetched at run time.
"""

import functools
import json
from pathlib import Path

LAND_FILE = Path(__file__).with_name("data") / "land.json"


@functools.cache
def land_rings():
    """Every land ring as a list of (longitude, latitude) pairs."""
    return [[tuple(point) for point in ring] for ring in json.loads(LAND_FILE.read_text())["rings"]]


def clip_ring(ring, west, south, east, north):
    """The part of a polygon ring inside a rectangle (Sutherland–Hodgman, one edge at a time).

    Land cut by the map's edge keeps a straight side along that edge, which fills correctly.
    """
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    ]
    points = list(ring)
    for inside, crossing in edges:
        if not points:
            break
        clipped = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    clipped.append(crossing(previous, point))
                clipped.append(point)
            elif inside(previous):
                clipped.append(crossing(previous, point))
            previous = point
        points = clipped
    return points


def _at_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def land_paths(west, south, east, north, project):
    """SVG path data for the land inside a window, through `project(lat, lon) -> (x, y)`.

    Points closer than a pixel to the previous one are dropped: the outline stays as sharp as
    the drawing can show and the page stays small.
    """
    paths = []
    for ring in land_rings():
        if not _bbox_overlaps(ring, west, south, east, north):
            continue
        clipped = clip_ring(ring, west, south, east, north)
        if len(clipped) < 3:
            continue
        commands, last = [], None
        for lon, lat in clipped:
            x, y = project(lat, lon)
            if last and abs(x - last[0]) < 1 and abs(y - last[1]) < 1:
                continue
            commands.append(f"{x:.0f},{y:.0f}")
            last = (x, y)
        if len(commands) >= 3:
            paths.append("M" + "L".join(commands) + "Z")
    return paths


def _bbox_overlaps(ring, west, south, east, north):
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return min(lons) <= east and max(lons) >= west and min(lats) <= north and max(lats) >= south
