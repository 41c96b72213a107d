"""Browser tests: the real archive served by a live server, driven by Debian's headless Chromium.

One browser and one live server for the whole package: the archive is loaded into the test database
once, committed (so a server thread on its own connection, e.g. PostgreSQL, sees it), and flushed
when the package is done so later tests start from an empty database as usual. Browser tests only
read, so nothing needs resetting between them.

Nothing here downloads a browser: Playwright drives /usr/bin/chromium (`apt-get install chromium`).
A missing browser or tool skips the tests on a developer's machine but fails them under CI=true,
so CI can never pass by silently skipping.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.test.utils import modify_settings
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from archive.loading import load_archive
from tests.search_support import search_index_in_temporary_directory

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", settings.BASE_DIR / "screenshots"))

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}


def running_under_ci():
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require(available, message):
    """Skip locally, fail under CI: a browser check must never pass by not running."""
    if available:
        return
    if running_under_ci():
        pytest.fail(f"{message} (CI=true: browser tests may not be skipped)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="package")
def sync_playwright_allowed():
    # Playwright's sync API runs an asyncio loop in this thread, so Django would refuse the
    # database calls made while it runs (each test's transaction) as "async unsafe". They are
    # ordinary synchronous calls.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def chromium(sync_playwright_allowed, live_site):
    # Started after the live server and so closed before it: no kept-alive connection is left
    # holding a request thread, and with it a database connection, when the server stops.
    require(
        CHROMIUM.exists(),
        f"{CHROMIUM} not found: install Debian's browser with `apt-get install chromium`",
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # While Playwright runs, this thread sees its own set of Django connections (they live in
        # context variables, which Playwright's greenlets swap): close the ones the tests opened,
        # or PostgreSQL cannot drop the test database at the end.
        connections.close_all()


@pytest.fixture(scope="package")
def live_site(django_db_setup, django_db_blocker):
    """The archive as the site serves it, on a live server: yields the base URL."""
    with django_db_blocker.unblock(), search_index_in_temporary_directory():
        try:
            load_archive(settings.FIXTURES_DIR, rebuild_index=True)
            with modify_settings(ALLOWED_HOSTS={"append": "127.0.0.1"}):
                server = LiveServer("127.0.0.1")
                try:
                    yield server.url
                finally:
                    server.stop()
        finally:
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def open_context(chromium, live_site):
    """Opens fresh browser profiles (Playwright context options, e.g. java_script_enabled=False)
    whose relative URLs go to the live site; all are closed after the test."""
    opened = []

    def open_context(**options):
        context = chromium.new_context(base_url=live_site, **options)
        # Pages come from a local server in milliseconds: fail in seconds, not Playwright's 30.
        context.set_default_timeout(10_000)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()


@pytest.fixture
def context(open_context):
    """A browser profile at desktop width."""
    return open_context(viewport=DESKTOP)


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def phone_page(open_context):
    phone = open_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    return phone.new_page()


@pytest.fixture(scope="package")
def axe_script():
    require(AXE_SCRIPT.exists(), f"{AXE_SCRIPT} missing: run `make test` (npm ci in tests/browser)")
    return AXE_SCRIPT


@pytest.fixture(scope="package")
def vnu_command():
    require(VNU_JAR.exists(), f"{VNU_JAR} missing: run `make test` (npm ci in tests/browser)")
    java = shutil.which("java")
    require(java, "no `java` on PATH: the Nu Html Checker needs a Java runtime")
    # One short run: the quick compiler and the simple collector halve its CPU time; the quick
    # compiler's deeper stack frames need a bigger stack than the checker's minimum (512k).
    quick = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m"]
    return [java, *quick, "-jar", str(VNU_JAR)]


@pytest.fixture(scope="package")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
