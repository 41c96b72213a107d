"""The drawings made on the server: the home page timeline and a meeting's locator map."""

from decimal import Decimal

from django.test import SimpleTestCase

from archive import graphics
from archive.dates import PartialDate
from archive.geography import clip_ring
from archive.models import Meeting


def meeting(pk, start, city="", lat=None, lon=None, venue=""):
    return Meeting(
        pk=pk,
        slug=f"m{pk}",
        title=f"Meeting {pk}",
        start=PartialDate.parse(start),
        city=city,
        venue=venue,
        latitude=None if lat is None else Decimal(str(lat)),
        longitude=None if lon is None else Decimal(str(lon)),
    )


PYONGYANG = meeting(1, "2024-06-19", "Pyongyang", 39.01944, 125.73806)
SEOUL = meeting(2, "2018", "Seoul", 37.5665, 126.978)
HELSINKI = meeting(3, "2018-07-16", "Helsinki", 60.16986, 24.93838)
VOSTOCHNY = meeting(4, "2023-09-13", "", 51.8844, 128.3339, venue="Vostochny Cosmodrome, Amur")


class LocatorMapTests(SimpleTestCase):
    def test_the_meeting_sits_in_the_middle_with_nearby_places_only(self):
        drawing = graphics.locator_map(PYONGYANG, [PYONGYANG, SEOUL, HELSINKI])
        labels = {point.label: point for point in drawing.points}
        self.assertEqual(set(labels), {"Pyongyang", "Seoul"})
        here = labels["Pyongyang"]
        self.assertTrue(here.is_current)
        self.assertEqual((here.x, here.y), (graphics.MAP_WIDTH / 2, graphics.MAP_HEIGHT / 2))
        # Seoul is south and a little east of Pyongyang.
        self.assertGreater(labels["Seoul"].y, here.y)
        self.assertGreater(labels["Seoul"].x, here.x)

    def test_coastlines_and_a_graticule_are_drawn(self):
        drawing = graphics.locator_map(PYONGYANG, [PYONGYANG])
        self.assertTrue(drawing.land)
        self.assertTrue(all(path.startswith("M") and path.endswith("Z") for path in drawing.land))
        self.assertIn("40°N", [line.label for line in drawing.gridlines])
        self.assertIn("125°E", [line.label for line in drawing.gridlines])

    def test_a_place_without_a_city_is_labelled_by_its_venue(self):
        drawing = graphics.locator_map(VOSTOCHNY, [VOSTOCHNY])
        self.assertEqual(drawing.points[0].label, "Vostochny Cosmodrome")

    def test_no_coordinates_no_map(self):
        self.assertIsNone(graphics.locator_map(meeting(5, "2025-09-04"), [PYONGYANG]))


class ClippingTests(SimpleTestCase):
    def test_a_polygon_is_cut_to_the_window(self):
        square = [(0, 0), (10, 0), (10, 10), (0, 10)]
        clipped = clip_ring(square, 5, -5, 20, 5)
        self.assertEqual(sorted(set(clipped)), [(5, 0), (5, 5), (10, 0), (10, 5)])

    def test_a_polygon_outside_the_window_disappears(self):
        self.assertEqual(clip_ring([(0, 0), (1, 0), (1, 1)], 5, 5, 6, 6), [])


class TimelineTests(SimpleTestCase):
    def test_marks_in_date_order_between_yearly_ticks(self):
        meetings = [
            meeting(1, "2019-04-25", "Vladivostok"),
            VOSTOCHNY,
            PYONGYANG,
            meeting(6, "2025-09-03", "Beijing"),
        ]
        drawing = graphics.timeline(meetings)
        xs = [mark.x for mark in drawing.marks]
        self.assertEqual(xs, sorted(xs))
        self.assertEqual([tick.year for tick in drawing.ticks], list(range(2019, 2027)))
        self.assertTrue(drawing.ticks[0].x < xs[0] < drawing.ticks[-1].x)
        # Neighbours alternate above and below the axis so their labels never collide.
        self.assertEqual([mark.above for mark in drawing.marks], [True, False, True, False])
        self.assertEqual(drawing.marks[1].label, "Vostochny Cosmodrome")

    def test_a_date_known_to_the_month_sits_mid_month(self):
        drawing = graphics.timeline([meeting(1, "2019-01"), meeting(2, "2019-01-01")])
        self.assertGreater(drawing.marks[0].x, drawing.marks[1].x)

    def test_nothing_to_draw(self):
        self.assertIsNone(graphics.timeline([]))
