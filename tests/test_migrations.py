"""The migrations describe the models exactly: a model change without its migration fails here,
not on the first deploy that runs `migrate`."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase


class MigrationsTests(TestCase):
    def test_every_model_change_has_its_migration(self):
        output = StringIO()
        try:
            call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
        except SystemExit:
            self.fail(f"Models and migrations differ; run makemigrations:\n{output.getvalue()}")
