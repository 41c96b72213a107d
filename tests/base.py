"""The base test case: the real archive, loaded once per test class.

    class MeetingPageTests(ArchiveTestCase):
        def test_shows_the_venue(self):
            meeting = self.meeting("putin-kim-2019-vladivostok")
            ...

setUpTestData loads settings.FIXTURES_DIR with the real loader (no search index: search tests build
their own in a temporary directory), so every test sees exactly the archive the site serves.
"""

from django.conf import settings
from django.test import TestCase

from archive.loading import load_archive
from archive.models import Article, Meeting, Outlet, Person, Quote


class ArchiveTestCase(TestCase):
    load_report = None

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.load_report = load_archive(settings.FIXTURES_DIR, rebuild_index=False)

    def person(self, slug):
        return Person.objects.get(slug=slug)

    def outlet(self, slug):
        return Outlet.objects.get(slug=slug)

    def meeting(self, slug):
        return Meeting.objects.get(slug=slug)

    def article(self, slug):
        return Article.objects.get(slug=slug)

    def quote(self, slug):
        return Quote.objects.get(slug=slug)
