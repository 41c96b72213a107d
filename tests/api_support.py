"""Shared by the data-out tests: the fixtures as a reader of the YAML sees them."""

from urllib.parse import urlsplit

import yaml
from django.conf import settings
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from archive.dates import PartialDate

SPEC_URI = "urn:summit-archive:openapi"


def fixture_records(name):
    """The records of fixtures/<name>.yaml as written (the archive the site serves)."""
    path = settings.FIXTURES_DIR / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def iso(value):
    """A YAML date (PyYAML reads 2019-04-25 as a date, 2019 as an int) as the archive's ISO text."""
    return "" if value is None else PartialDate.parse(value).isoformat()


def path_of(url):
    """The path and query of an absolute URL, for the test client."""
    parts = urlsplit(url)
    assert parts.scheme in {"http", "https"} and parts.netloc, url
    return parts.path + (f"?{parts.query}" if parts.query else "")


def conformance_errors(spec, spec_path, status, data):
    """What in a response body does not match its OpenAPI schema (an empty list if all does)."""
    where = "/".join(
        part.replace("~", "~0").replace("/", "~1")
        for part in ["paths", spec_path, "get", "responses", str(status), "content"]
    )
    registry = Registry().with_resource(
        SPEC_URI, Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator(
        {"$ref": f"{SPEC_URI}#/{where}/application~1json/schema"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    return [
        f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)
    ]
