"""People, meetings and outlets come from each process's catalogue (archive/catalogue.py): pages
never show a record as it was before a data load, nor miss one added since the catalogue was read.
"""

from django.test import override_settings

from archive import catalogue
from archive.models import DataLoad, Meeting, Outlet, Person, Quote
from tests.page_checks import PageTestCase


# Every request asks the database for the data version, as when the loader runs elsewhere.
@override_settings(DATA_VERSION_CHECK_SECONDS=0)
class CatalogueTests(PageTestCase):
    def setUp(self):
        DataLoad.objects.create()
        self.quote = Quote.objects.filter(speaker__slug="kim-jong-un").first()
        self.quote_url = self.quote.get_absolute_url()
        catalogue.current()  # read, as a serving process would have

    def test_a_data_load_in_another_process_renames_the_speaker_everywhere(self):
        self.assertContains(self.get(self.quote_url), "Kim Jong Un")
        # What the loader does in its own process; .update() tells this one nothing.
        Person.objects.filter(slug="kim-jong-un").update(name="Kim Jong-un (renamed)")
        self.assertNotContains(self.get(self.quote_url), "Kim Jong-un (renamed)")
        DataLoad.objects.create()
        self.assertContains(self.get(self.quote_url), "Kim Jong-un (renamed)")
        self.assertContains(self.get("/people/kim-jong-un/"), "Kim Jong-un (renamed)")

    def test_a_record_saved_in_this_process_is_seen_at_once(self):
        kim = Person.objects.get(slug="kim-jong-un")
        kim.name = "Kim Jong-un (saved here)"
        kim.save()
        self.assertContains(self.get(self.quote_url), "Kim Jong-un (saved here)")
        Outlet.objects.create(slug="daily-planet", name="The Daily Planet", kind=Outlet.Kind.NEWS)
        self.assertContains(self.get("/outlets/daily-planet/"), "The Daily Planet")

    def test_a_record_added_since_the_catalogue_was_read_is_read_from_the_database(self):
        # bulk_create sends no signal: the catalogue still holds the old list of people.
        (newcomer,) = Person.objects.bulk_create([Person(slug="a-newcomer", name="A Newcomer")])
        Quote.objects.filter(pk=self.quote.pk).update(speaker=newcomer)
        self.assertIsNone(catalogue.current().find(Person, "a-newcomer"))
        self.assertContains(self.get("/people/a-newcomer/"), "A Newcomer")
        self.assertContains(self.get(self.quote_url), "A Newcomer")

    def test_an_unknown_slug_is_still_a_404(self):
        self.get("/people/nobody-at-all/", status=404)
        self.get("/outlets/nobody-at-all/", status=404)
        self.get("/meetings/nobody-at-all/", status=404)


class SharedRecordsAreReadOnlyTests(PageTestCase):
    """A record from the catalogue is the same object in every request a process serves: a view
    that changed one would change it for every reader after it. Writes to it raise instead."""

    def test_a_speaker_read_through_a_quote_cannot_be_changed_in_place(self):
        quote = Quote.objects.filter(speaker__slug="kim-jong-un").first()
        speaker = quote.speaker
        self.assertIs(speaker, catalogue.current().find(Person, "kim-jong-un"))
        with self.assertRaises(catalogue.SharedRecordError):
            speaker.name = "Changed by a view"
        with self.assertRaises(catalogue.SharedRecordError):
            speaker.save()
        with self.assertRaises(catalogue.SharedRecordError):
            speaker.delete()
        self.assertContains(self.get("/people/kim-jong-un/"), "Kim Jong Un")
        self.assertNotContains(self.get("/people/kim-jong-un/"), "Changed by a view")

    def test_roles_meetings_and_outlets_are_read_only_too(self):
        kim = catalogue.current().find(Person, "kim-jong-un")
        with self.assertRaises(catalogue.SharedRecordError):
            kim.roles.all()[0].title = "Changed"
        for record in catalogue.current().all(Outlet)[:1] + catalogue.current().all(Meeting)[:1]:
            with self.subTest(record=record), self.assertRaises(catalogue.SharedRecordError):
                record.slug = "changed"

    def test_a_copy_read_from_the_database_can_still_be_changed_and_saved(self):
        kim = Person.objects.get(slug="kim-jong-un")
        kim.name = "Kim Jong Un (edited)"
        kim.save()
        self.assertContains(self.get("/people/kim-jong-un/"), "Kim Jong Un (edited)")
