"""What a process remembers about the data is renewed by a data load, and by nothing else."""

from django.test import TestCase, override_settings

from archive import memo
from archive.models import DataLoad

calls = []


@memo.per_data_version
def people_count(prefix):
    calls.append(prefix)
    return f"{prefix}{len(calls)}"


# Every call asks the database for the data version, as a serving process does every 2 s.
@override_settings(DATA_VERSION_CHECK_SECONDS=0)
class PerDataVersionTests(TestCase):
    def setUp(self):
        DataLoad.objects.create()
        calls.clear()

    def test_a_value_is_worked_out_once_per_data_version_and_arguments(self):
        self.assertEqual(people_count("a"), "a1")
        self.assertEqual(people_count("a"), "a1")
        self.assertEqual(people_count("b"), "b2")
        self.assertEqual(calls, ["a", "b"])

    def test_a_data_load_anywhere_renews_it(self):
        people_count("a")
        DataLoad.objects.create()  # what load_archive does, possibly on another machine
        self.assertEqual(people_count("a"), "a2")

    def test_forget_all_renews_it_at_once(self):
        people_count("a")
        memo.forget_all()
        self.assertEqual(people_count("a"), "a2")

    def test_an_error_is_not_remembered(self):
        @memo.per_data_version
        def failing():
            calls.append("tried")
            raise ValueError("the database is down")

        for _ in range(2):
            with self.assertRaises(ValueError):
                failing()
        self.assertEqual(calls, ["tried", "tried"])
