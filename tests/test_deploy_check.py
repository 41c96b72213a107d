"""`manage.py check --deploy` with production environment variables reports nothing, and with the
README's deploy steps exactly what the README says it reports."""

import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "summit-archive.example.org",
    "SITE_URL": "https://summit-archive.example.org",
    "HTTPS": "1",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
    "TRUST_X_FORWARDED_PROTO": "1",
}


def check_deploy(environment):
    # Only what a production machine would have: none of the test suite's own defaults.
    keep = {"PATH", "HOME", "LANG", "VIRTUAL_ENV", "PYTHONPATH", "TMPDIR"}
    env = {name: value for name, value in os.environ.items() if name in keep}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist():
    result = check_deploy(PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def readme_deploy_steps():
    """The shell block of the README's Deploying section."""
    section = (ROOT / "README.md").read_text().split("\n## Deploying\n", 1)[1]
    return section.split("```sh\n", 1)[1].split("```", 1)[0]


def test_check_deploy_reports_what_the_readme_says_for_its_own_variables():
    steps = readme_deploy_steps()
    exports = "\n".join(line for line in steps.splitlines() if line.startswith("export "))
    assert "SECRET_KEY" in exports and "HTTPS=1" in exports, steps
    # The steps' own exports, run by a shell as the operator would, in a clean environment.
    shell = subprocess.run(
        ["bash", "-c", f"set -e\n{exports}\nenv -0"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shell.returncode == 0, shell.stderr
    exported = dict(item.split("=", 1) for item in shell.stdout.split("\0") if "=" in item)
    names = re.findall(r"\b([A-Z_]+)=", exports)
    result = check_deploy({name: exported[name] for name in names})
    (check_line,) = [line for line in steps.splitlines() if "manage.py check --deploy" in line]
    promised = set(re.findall(r"security\.[WE]\d{3}", check_line.partition("#")[2]))
    reported = set(re.findall(r"\(([a-z]+\.[WE]\d{3})\)", result.stdout + result.stderr))
    assert reported == promised, result.stderr
    if not promised:
        assert "no issues" in check_line and "no issues" in result.stdout


def test_the_https_settings_are_what_the_checklist_wants():
    # Guards the test above: without the HTTPS variables the checklist does complain.
    result = check_deploy({"SECRET_KEY": PRODUCTION["SECRET_KEY"]})
    assert result.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W016"):
        assert warning in result.stderr


def test_a_weak_secret_key_is_reported():
    result = check_deploy(dict(PRODUCTION, SECRET_KEY="short"))
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_gunicorn_accepts_its_configuration_and_loads_the_site():
    gunicorn = Path(sys.executable).with_name("gunicorn")
    env = dict(os.environ, **PRODUCTION)
    result = subprocess.run(
        [gunicorn, "--config", "summit/gunicorn.conf.py", "--check-config", "summit.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.skipif(not shutil.which("nginx"), reason="no nginx: apt-get install nginx-light")
def test_the_sample_nginx_configuration_is_valid(tmp_path):
    # The sample as an operator would install it, with a certificate of our own.
    key, certificate = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=summit-archive.example.org", "-keyout", key, "-out", certificate],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    live = "/etc/letsencrypt/live/summit-archive.example.org"
    site = site.replace(f"{live}/fullchain.pem", str(certificate))
    site = site.replace(f"{live}/privkey.pem", str(key))
    site = site.replace("/var/cache/nginx/summit-archive", str(tmp_path / "cache"))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ access_log off; include {tmp_path}/site.conf; }}\n"
    )
    result = subprocess.run(
        ["nginx", "-t", "-c", tmp_path / "nginx.conf", "-p", tmp_path],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
