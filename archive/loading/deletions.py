"""Refusing loads that would delete much of the archive, unless the operator says so.

A fixture file with no records (0 bytes, only comments, `[]`) is almost always a mistake, a
truncated copy or a bad merge, and would delete every record of its model; so would a load
that drops a large share of a table. Both are refused, listing what would be deleted, unless
load_archive is given --allow-deletions.
"""

from .problems import FixtureError, Problem, display_path

# A load may delete up to this share of a table's rows, or up to MAY_DELETE rows, unasked.
MAY_DELETE_SHARE = 0.2
MAY_DELETE = 10
LISTED = 10  # slugs named in the message; the rest are counted


class DeletionsRefused(FixtureError):
    """Loading would delete records the operator has not agreed to lose."""


def check_deletions(archive, fixtures_dir):
    """Raise DeletionsRefused listing every empty file and every large deletion."""
    problems = [
        Problem(path, f"has no records; loading it alone would delete every {spec.name} record")
        for spec, paths in archive.empty_files.items()
        for path in paths
    ]
    for spec, records in archive.items():
        existing = set(spec.model.objects.values_list("slug", flat=True))
        deleted = sorted(existing - {record.slug for record in records})
        if is_large(len(deleted), len(existing)):
            file = display_path(fixtures_dir / f"{spec.name}.yaml")
            problems.append(Problem(file, would_delete(deleted, len(existing), spec)))
    if problems:
        raise DeletionsRefused(problems)


def is_large(deleted, existing):
    if not deleted:
        return False
    return deleted == existing or (deleted > MAY_DELETE and deleted > MAY_DELETE_SHARE * existing)


def would_delete(slugs, existing, spec):
    named = ", ".join(slugs[:LISTED])
    more = f" and {len(slugs) - LISTED} more" if len(slugs) > LISTED else ""
    return (
        f"would delete {len(slugs)} of the {existing} {spec.name} records in the database: "
        f"{named}{more}"
    )
