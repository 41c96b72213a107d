"""Checking fixtures/redirects.yaml like every other fixture file (archive.redirects serves it).

Each entry is `old`, `new` and an optional `reason`, both paths on this site. An old path given
twice, a redirect to itself, a redirect to an address that itself redirects (a chain or a loop)
and, once the archive is written, a `new` that is not a page of the archive, are errors.
"""

from django.conf import settings
from django.http import Http404
from django.test import RequestFactory
from django.urls import Resolver404, resolve

from archive.redirects import KEYS, REDIRECTS_FILE

from .problems import Problem, display_path
from .yaml_files import describe_type, read_records

REQUIRED = ("old", "new")


def check_redirects(fixtures_dir):
    """({old: (new, label)}, problems) for the redirects file; no file means no redirects."""
    path = fixtures_dir / REDIRECTS_FILE
    if not path.exists():
        return {}, []
    file = display_path(path)
    entries, problems = read_records(path)
    redirects = {}
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            continue  # read_records reported it
        label = f"#{position}"

        def problem(field, message, label=label):
            problems.append(Problem(file, message, label, field))

        for key in entry:
            if key not in KEYS:
                problem(key, "unknown field (expected old, new and reason)")
        paths = {}
        for key in REQUIRED:
            value = entry.get(key)
            if value is None:
                problem(key, "required field is missing")
            elif not isinstance(value, str):
                problem(key, f"expected a path starting with /, found {describe_type(value)}")
            elif not value.startswith("/") or value.startswith("//"):
                problem(key, f"expected a path on this site starting with /, found {value!r}")
            else:
                paths[key] = value
        if "reason" in entry and not isinstance(entry["reason"], str):
            problem("reason", f"expected text, found {describe_type(entry['reason'])}")
        if len(paths) < 2:
            continue
        old, new = paths["old"], paths["new"]
        if old == new:
            problem("new", f"redirects {old} to itself")
        elif old in redirects:
            problem("old", f"{old} is already redirected by record {redirects[old][1]}")
        else:
            redirects[old] = (new, label)

    for old, (new, label) in redirects.items():
        target = new.split("?")[0]
        if target in redirects or target.rstrip("/") + "/" in redirects:
            further = redirects.get(target) or redirects[target.rstrip("/") + "/"]
            kind = "a loop" if further[0].split("?")[0] == old else "a chain"
            message = f"points at {target}, which itself redirects to {further[0]} ({kind})"
            problems.append(Problem(file, message, label, "new"))
    return redirects, problems


def unresolved_targets(redirects, fixtures_dir):
    """Problems for each redirect whose `new` is not a page of the archive as now written."""
    file = display_path(fixtures_dir / REDIRECTS_FILE)
    factory = RequestFactory(HTTP_HOST=allowed_host())
    problems = []
    for new, label in redirects.values():
        target = new.split("?")[0]
        if not answers(factory, new, target):
            message = f"{target} is not a page of the archive (it answers 404)"
            problems.append(Problem(file, message, label, "new"))
    return problems


def answers(factory, address, path):
    """Whether the view for `path` answers it with something other than a 404."""
    try:
        match = resolve(path)
    except Resolver404:
        return False
    try:
        response = match.func(factory.get(address), *match.args, **match.kwargs)
    except Http404:
        return False
    except Exception:
        # The page exists but cannot be drawn here, e.g. before collectstatic has run (`make
        # load` comes first): only "no such page" matters.
        return True
    return response.status_code != 404


def allowed_host():
    """A host name the site answers, for the requests that check the targets."""
    for host in settings.ALLOWED_HOSTS:
        if host and host != "*":
            return host.lstrip(".")
    return "localhost"
