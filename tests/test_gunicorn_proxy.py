"""gunicorn believes a proxy's X-Forwarded-Proto only when TRUST_X_FORWARDED_PROTO says so.

Its own default believes X-Forwarded-Proto, X-Forwarded-Protocol and X-Forwarded-Ssl from loopback,
and then tells Django the request came over HTTPS whatever Django's own setting says. Checked on
a real gunicorn with our configuration file, serving a WSGI app that answers the scheme it was
given.
"""

import os
import runpy
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "summit" / "gunicorn.conf.py"
GUNICORN = Path(sys.executable).with_name("gunicorn")

# What a client, on the machine or through a proxy that passes headers on, can claim.
CLAIMS = {
    "X-Forwarded-Proto": {"X-Forwarded-Proto": "https"},
    "X-Forwarded-Ssl": {"X-Forwarded-Ssl": "on"},
    "X-Forwarded-Protocol": {"X-Forwarded-Protocol": "ssl"},
}


def scheme_app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [environ["wsgi.url_scheme"].encode()]


def config(monkeypatch, **environment):
    for name in ("TRUST_X_FORWARDED_PROTO", "GUNICORN_FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_without_the_setting_gunicorn_trusts_no_proxy(monkeypatch):
    values = config(monkeypatch)
    assert values["secure_scheme_headers"] == {}
    assert values["forwarded_allow_ips"] == ""


def test_with_the_setting_it_trusts_only_x_forwarded_proto_from_the_proxy(monkeypatch):
    values = config(monkeypatch, TRUST_X_FORWARDED_PROTO="1")
    assert values["secure_scheme_headers"] == {"X-FORWARDED-PROTO": "https"}
    assert values["forwarded_allow_ips"] == "127.0.0.1,::1"
    values = config(
        monkeypatch, TRUST_X_FORWARDED_PROTO="1", GUNICORN_FORWARDED_ALLOW_IPS="10.0.0.2"
    )
    assert values["forwarded_allow_ips"] == "10.0.0.2"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def schemes_seen(trust):
    """{claim: the scheme the app was given} from a real gunicorn on loopback."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "TRUST_"))}
    env.update(GUNICORN_WORKERS="1", TRUST_X_FORWARDED_PROTO="1" if trust else "")
    args = [GUNICORN, "--config", CONFIG, "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*args, "tests.test_gunicorn_proxy:scheme_app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not start: {server.stderr.read().decode()}")
                time.sleep(0.1)
        seen = {}
        for claim, headers in {"nothing": {}, **CLAIMS}.items():
            request = urllib.request.Request(url, headers=headers)
            seen[claim] = urllib.request.urlopen(request, timeout=10).read().decode()
        return seen
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_real_gunicorn_without_the_setting_believes_no_claim_of_https():
    assert schemes_seen(trust=False) == {"nothing": "http", **{claim: "http" for claim in CLAIMS}}


def test_a_real_gunicorn_with_the_setting_believes_only_x_forwarded_proto():
    assert schemes_seen(trust=True) == {
        "nothing": "http",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Ssl": "http",
        "X-Forwarded-Protocol": "http",
    }
