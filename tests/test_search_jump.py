"""/search/jump.json: the people, meetings and outlets a reader can jump to while typing."""

from search.jump import MAX_ITEMS
from tests.base import ArchiveTestCase


class JumpTests(ArchiveTestCase):
    def jump(self, text):
        response = self.client.get("/search/jump.json", {"q": text})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()["results"]

    def names(self, text):
        return [item["name"] for item in self.jump(text)]

    def test_a_half_typed_name_finds_the_person(self):
        self.assertEqual(
            self.jump("lavr")[0],
            {
                "type": "person",
                "name": "Sergey Lavrov",
                "detail": "Russia",
                "url": "/people/sergey-lavrov/",
            },
        )
        self.assertIn("Kim Yo-jong", self.names("kim jo"))
        self.assertIn("Kim Jong Un", self.names("kim jo"))
        self.assertIn("Sergey Lavrov", self.names("Лавр"))

    def test_meetings_fit_by_title_city_or_venue_in_any_spelling(self):
        found = self.jump("Пхеньян")
        self.assertTrue(found)
        self.assertTrue(all(item["type"] == "meeting" for item in found))
        self.assertIn("/meetings/putin-kim-2024-pyongyang/", [item["url"] for item in found])
        self.assertIn(
            "/meetings/putin-kim-2019-vladivostok/", [i["url"] for i in self.jump("russky")]
        )

    def test_outlets_fit_by_name(self):
        self.assertEqual(self.jump("yonh")[0]["url"], "/outlets/yonhap/")

    def test_at_most_eight_and_nothing_for_a_single_letter_or_no_match(self):
        self.assertEqual(len(self.jump("putin")), MAX_ITEMS)
        self.assertEqual(self.jump("k"), [])
        self.assertEqual(self.jump(""), [])
        self.assertEqual(self.jump("zzzz"), [])
        self.assertEqual(self.jump("\x00" * 5000), [])
