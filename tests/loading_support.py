"""A tiny archive for the loader tests, and ways to change or break a copy of it.

tests/fixtures_small has the shape of the real fixtures (every model, nested roles and
participants, many-to-many links both ways, a <script> in a bio) with synthetic text.
"""

import io
import shutil
import tempfile
from pathlib import Path

import yaml
from django.apps import apps
from django.core.management import call_command

SMALL_FIXTURES = Path(__file__).resolve().parent / "fixtures_small"


def copy_of_small_fixtures(test):
    """A writable copy of the small archive, removed after the test."""
    directory = Path(tempfile.mkdtemp(prefix="fixtures-"))
    test.addCleanup(shutil.rmtree, directory)
    shutil.copytree(SMALL_FIXTURES, directory, dirs_exist_ok=True)
    return directory


def replace_text(directory, name, old, new):
    path = directory / name
    text = path.read_text()
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1))


def change_records(directory, name, change):
    """Rewrite a fixture file through `change(records)`, for edits bigger than a word."""
    path = directory / name
    records = yaml.safe_load(path.read_text())
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))


def by_slug(records, slug):
    return next(record for record in records if record["slug"] == slug)


def every_row():
    """Every row of every archive table (many-to-many tables included), by primary key."""
    return {
        model._meta.db_table: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("archive").get_models(include_auto_created=True)
    }


def load(directory, **options):
    """Run the command as an operator would; return (stdout, stderr)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(
        "load_archive", fixtures=directory, no_index=True, stdout=stdout, stderr=stderr, **options
    )
    return stdout.getvalue(), stderr.getvalue()
