"""Drafting small texts against the real archive's people, outlets and meetings."""

import os
from pathlib import Path

from django.conf import settings

from archive.drafting import Reference, draft_article

_reference = None


def reference():
    """The archive's fixtures, read once for all the drafting tests."""
    global _reference
    if _reference is None:
        _reference = Reference.from_fixtures(settings.FIXTURES_DIR)
    return _reference


def draft(text):
    return draft_article(text, reference())


def kept(text):
    return draft(text).kept


def only(text):
    """The one quotation drafted from `text` (the test fails if there are more or none)."""
    quotations = kept(text)
    assert len(quotations) == 1, [q.text for q in quotations]
    return quotations[0]


def seeds_dir():
    """The five source documents beside the repository (SEEDS_DIR to put them elsewhere)."""
    return Path(os.environ.get("SEEDS_DIR") or Path(settings.BASE_DIR).parent / "shared" / "seeds")


def require_seeds(test):
    """Skip without the source documents, except under CI, where their absence is a failure."""
    directory = seeds_dir()
    if directory.is_dir() and any(directory.glob("*.txt")):
        return directory
    message = f"the source documents are not in {directory} (set SEEDS_DIR)"
    if os.environ.get("CI") == "true":
        test.fail(message)
    test.skipTest(message)
