"""The "Data & API" page: a person can copy its curl lines and get what they promise."""

import csv
import io
import re
from html import unescape

from archive.models import Person, Quote
from tests.api_support import path_of
from tests.base import ArchiveTestCase
from tests.search_support import temporary_search_index


class DataPageTests(ArchiveTestCase):
    def test_shows_how_to_get_every_quote_by_one_speaker_as_csv_and_json(self):
        response = self.client.get("/data/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        # The example is a leader the archive has quotes from, so the lines give real results.
        speaker = Person.objects.get(slug=re.search(r"/quotes\.csv\?speaker=([-\w]+)", html)[1])
        self.assertTrue(speaker.is_leader)
        self.assertTrue(speaker.quotes.exists())
        self.assertIn(
            f'curl -o {speaker.slug}-quotes.csv "http://testserver/quotes.csv?speaker={speaker.slug}"',
            html,
        )
        self.assertIn(f'curl -s "http://testserver/people/{speaker.slug}.json" | jq', html)
        self.assertIn(f'url="http://testserver/quotes.json?speaker={speaker.slug}"', html)

    def test_every_address_the_page_shows_answers(self):
        page = unescape(self.client.get("/data/").content.decode())
        html = page[page.index("<article") : page.index("</article>")]
        addresses = set(re.findall(r'"(http://testserver/[^"\s]+)"', html))
        addresses |= {f"http://testserver{path}" for path in re.findall(r'href="(/[^"]*)"', html)}
        self.assertGreater(len(addresses), 10)
        with temporary_search_index():  # the page shows a search.json example too
            for address in sorted(addresses):
                with self.subTest(address=address):
                    self.assertEqual(self.client.get(path_of(address)).status_code, 200)

    def test_speaker_csv_from_the_page_holds_all_their_quotes(self):
        html = self.client.get("/data/").content.decode()
        speaker = Person.objects.get(slug=re.search(r"/quotes\.csv\?speaker=([-\w]+)", html)[1])
        self.assertTrue(speaker.is_leader)
        response = self.client.get(f"/quotes.csv?speaker={speaker.slug}")
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
        self.assertTrue(rows, "the example speaker should have quotes")
        self.assertEqual(len(rows), Quote.objects.by_speaker(speaker).count())
        self.assertEqual({row["speaker_slug"] for row in rows}, {speaker.slug})
