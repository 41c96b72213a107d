"""The HTML of every page type is valid: the Nu Html Checker (vnu-jar) reports no errors.

The pages are saved as the server sent them and checked in one run, so Java starts once.
"""

import json
import subprocess
from pathlib import Path

import pytest

from .page_types import PAGE_TYPES, expected_status

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def file_name(page_type):
    return page_type.replace(" ", "-") + ".html"


def describe(messages):
    lines = []
    for message in messages:
        page = Path(message.get("url", "")).name
        lines.append(f"{page}:{message.get('lastLine', '?')}: {message['message']}")
        if message.get("extract"):
            lines.append(f"    {message['extract'].strip()}")
    return "\n".join(lines)


def test_every_page_type_is_valid_html(context, vnu_command, tmp_path):
    for name, path in PAGE_TYPES.items():
        response = context.request.get(path, max_redirects=0)
        assert response.status == expected_status(name), f"{path} answered {response.status}"
        (tmp_path / file_name(name)).write_bytes(response.body())
    files = sorted(str(path) for path in tmp_path.glob("*.html"))
    assert len(files) == len(PAGE_TYPES)

    checked = subprocess.run(
        [*vnu_command, "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )

    failed = f"the checker failed (exit {checked.returncode}): {checked.stdout}"
    assert checked.stderr.strip(), failed
    errors = [m for m in json.loads(checked.stderr)["messages"] if m["type"] != "info"]
    assert not errors, "Nu Html Checker:\n" + describe(errors)
    assert checked.returncode == 0, checked.stderr
