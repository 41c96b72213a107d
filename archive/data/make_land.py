"""Make land.json: Natural Earth 1:50m land, cut to the archive's part of the world.

Run once by hand, with the world-atlas npm package (2.0.2, ISC licence; Natural Earth data is
public domain) unpacked somewhere:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python archive/data/make_land.py package/land-50m.json > archive/data/land.json
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from archive.geography import clip_ring  # noqa: E402

# From Helsinki in the north-west to Singapore in the south-east, with room for a map around each.
REGION = (-20.0, -15.0, 170.0, 80.0)  # west, south, east, north
PRECISION = 1  # decimal places: about 10 km, a pixel on a locator map


def decode_arcs(topology):
    """TopoJSON arcs are quantised and delta-encoded: turn them into longitude/latitude lists."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_of(arc_indexes, arcs):
    ring = []
    for index in arc_indexes:
        # A negative index ~i means arc i walked backwards.
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(points if not ring else points[1:])
    return ring


def unwrap(ring):
    """Longitudes made continuous: land across the 180th meridian (Chukotka) is cut there in
    the source, and the jump from +180 to -180 would otherwise draw a line across the map."""
    unwrapped, shift = [], 0.0
    previous = None
    for lon, lat in ring:
        if previous is not None and abs(lon + shift - previous) > 180:
            shift += 360 if previous > lon + shift else -360
        unwrapped.append((lon + shift, lat))
        previous = lon + shift
    # Put the bulk of the ring back where it belongs (Eurasia east of Greenwich, not west).
    middle = sorted(lon for lon, _ in unwrapped)[len(unwrapped) // 2]
    back = round(middle / 360) * 360
    return [(lon - back, lat) for lon, lat in unwrapped]


def main(path):
    topology = json.loads(Path(path).read_text())
    arcs = decode_arcs(topology)
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for arc_indexes in polygon:
                clipped = clip_ring(unwrap(ring_of(arc_indexes, arcs)), *REGION)
                rounded = []
                for lon, lat in clipped:
                    point = [round(lon, PRECISION), round(lat, PRECISION)]
                    if not rounded or rounded[-1] != point:
                        rounded.append(point)
                if len(rounded) >= 4:
                    rings.append(rounded)
    json.dump(
        {
            "source": "Natural Earth 1:50m land (public domain), via world-atlas 2.0.2",
            "region": REGION,
            "rings": rings,
        },
        sys.stdout,
        separators=(",", ":"),
    )


if __name__ == "__main__":
    main(sys.argv[1])
