"""Drafting small texts against the real archive's people, outlets and meetings."""

from django.conf import settings

from archive.drafting import Reference, draft_article
from tests.source_support import source_documents

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


def require_seeds(test):
    """The source documents' directory: skipped without them, except under CI, where their
    absence is a failure (tests/source_support.py)."""
    return source_documents().directory
