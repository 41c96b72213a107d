"""Every page type loads its assets and runs without a script error or a CSP violation."""

import pytest

from .page_types import PAGE_TYPES, expected_status

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize(("name", "path"), PAGE_TYPES.items(), ids=PAGE_TYPES.keys())
def test_page_loads_without_broken_assets_or_script_errors(page, name, path):
    problems = []

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{response.status} for {response.url}")

    def on_console(message):
        # A failed load is reported above with its address; CSP violations arrive here.
        if message.type == "error" and "Failed to load resource" not in message.text:
            where = message.location
            problems.append(f"line {where['lineNumber']}: {message.text}")

    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))

    response = page.goto(path, wait_until="load")

    assert response.status == expected_status(name), f"{path} answered {response.status}"
    assert not problems, f"{path}:\n" + "\n".join(problems)
