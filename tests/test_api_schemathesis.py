"""Schemathesis against the live test server: generated requests to every JSON endpoint, valid and
invalid, never get a server error and always get a documented status and a conforming body.

Bounded: a fixed number of examples per operation, derandomised, so a run takes seconds and
fails the same way every time.
"""

import schemathesis
from django.conf import settings
from django.test import LiveServerTestCase
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from archive.loading import load_archive
from tests.search_support import temporary_search_index

EXAMPLES_PER_OPERATION = 20

VALID_INPUT_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Invalid input must be refused cleanly (a documented 4xx with a JSON error), never a 500.
INVALID_INPUT_CHECKS = VALID_INPUT_CHECKS


def run_examples(operation, mode, checks):
    @hypothesis_settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        case.call_and_validate(checks=checks)

    check()


class SchemathesisTests(LiveServerTestCase):
    def setUp(self):
        load_archive(settings.FIXTURES_DIR, rebuild_index=False)
        search_index = temporary_search_index()
        search_index.__enter__()
        self.addCleanup(search_index.__exit__, None, None, None)

    def test_every_json_endpoint_conforms_to_its_description(self):
        schema = schemathesis.openapi.from_url(f"{self.live_server_url}/api/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        # Every JSON endpoint but the description itself, which schemathesis leaves out.
        self.assertEqual(len(operations), 12)
        for operation in operations:
            with self.subTest(operation=operation.label, mode="valid"):
                run_examples(operation, GenerationMode.POSITIVE, VALID_INPUT_CHECKS)
            if operation.query or operation.path_parameters:
                with self.subTest(operation=operation.label, mode="invalid"):
                    run_examples(operation, GenerationMode.NEGATIVE, INVALID_INPUT_CHECKS)
