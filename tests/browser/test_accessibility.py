"""Every page type passes axe-core with no serious or critical violations."""

import pytest

from .page_types import PAGE_TYPES, expected_status

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

BLOCKING_IMPACTS = {"serious", "critical"}


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {' '.join(node['target'])}")
            lines.append(f"       {node['html'][:160]}")
            summary = node.get("failureSummary", "").replace("\n", "\n         ")
            lines.append(f"       {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    …and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


@pytest.fixture
def csp_free_page(open_context):
    # axe is injected as a script the page never asked for: let it past a strict CSP.
    return open_context(bypass_csp=True).new_page()


@pytest.mark.parametrize(("name", "path"), PAGE_TYPES.items(), ids=PAGE_TYPES.keys())
def test_no_serious_or_critical_accessibility_violations(csp_free_page, axe_script, name, path):
    page = csp_free_page
    response = page.goto(path)
    assert response.status == expected_status(name), f"{path} answered {response.status}"
    page.add_script_tag(path=axe_script)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")

    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]

    assert not blocking, f"axe-core on {path}:\n{describe(blocking)}"
