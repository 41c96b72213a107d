"""The README documents every setting: an operator reads it, not settings.py."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV_READ = re.compile(
    r"""(?:os\.environ\.get|os\.environ\[|env_bool|env_list|env_int)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def settings_variables():
    sources = [ROOT / "summit" / "settings.py", ROOT / "summit" / "gunicorn.conf.py"]
    return {name for path in sources for name in ENV_READ.findall(path.read_text())}


def test_settings_module_reads_the_variables_we_expect_to_find():
    # Guards the regular expression: if it stopped matching, the next test would pass vacuously.
    assert {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS"} <= settings_variables()


def test_every_environment_variable_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    undocumented = sorted(name for name in settings_variables() if f"`{name}`" not in readme)
    assert not undocumented, f"README.md does not document: {', '.join(undocumented)}"


def test_readme_starts_with_the_two_commands():
    first_lines = "\n".join((ROOT / "README.md").read_text().splitlines()[:8])
    assert "make serve" in first_lines
    assert "make test" in first_lines


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
