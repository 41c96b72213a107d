import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_check({})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_development_fallback_key_when_debug_is_on():
    result = run_check({"DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def test_starts_with_a_secret_key_and_debug_off():
    result = run_check({"SECRET_KEY": "a-real-secret"})
    assert result.returncode == 0, result.stderr
