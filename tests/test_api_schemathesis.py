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

from archive.api.openapi import PATHS
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


@schemathesis.check
def no_server_error_but_oembeds_501(ctx, response, case):
    """oEmbed answers 501 for a format it does not give (its spec says so); any other 5xx fails."""
    if response.status_code >= 500 and response.status_code != 501:
        raise AssertionError(f"Server error {response.status_code}")


OEMBED_CHECKS = [no_server_error_but_oembeds_501, *VALID_INPUT_CHECKS[1:]]


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
        described = [path for path in PATHS if path != "/api/openapi.json"]
        self.assertEqual(sorted(operation.path for operation in operations), sorted(described))
        for operation in operations:
            is_oembed = operation.path == "/oembed"
            with self.subTest(operation=operation.label, mode="valid"):
                checks = OEMBED_CHECKS if is_oembed else VALID_INPUT_CHECKS
                run_examples(operation, GenerationMode.POSITIVE, checks)
            if operation.query or operation.path_parameters:
                with self.subTest(operation=operation.label, mode="invalid"):
                    checks = OEMBED_CHECKS if is_oembed else INVALID_INPUT_CHECKS
                    run_examples(operation, GenerationMode.NEGATIVE, checks)
