"""The five source documents for the tests that read them.

They live outside the repository (../shared/seeds, or SEEDS_DIR): without them those tests skip
on a developer's machine, but under CI=true a missing document is a failure, so a check of the
fixtures against their sources can never pass by not running.
"""

import os
import unittest

from archive import source_checks


def source_documents():
    documents = source_checks.SourceDocuments(source_checks.seeds_dir())
    if documents.available:
        return documents
    message = f"the source documents are not in {documents.directory} (set SEEDS_DIR)"
    if os.environ.get("CI") == "true":
        raise AssertionError(f"{message}; under CI=true the source checks must run")
    raise unittest.SkipTest(message)
