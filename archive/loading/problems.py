"""What is wrong with the fixtures, said so a person can find and fix it."""

import difflib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    record: str = ""  # "'kim-2025-fraternal-duty'", or "#3" for a record without a usable slug
    field: str = ""

    def __str__(self):
        where = []
        if self.record:
            where.append(f"record {self.record}")
        if self.field:
            where.append(f"field '{self.field}'")
        prefix = f"{self.file}: {', '.join(where)}" if where else self.file
        return f"{prefix}: {self.message}"


class FixtureError(Exception):
    """The fixtures cannot be loaded; `problems` lists every reason, nothing was written."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def display_path(path):
    """fixtures/quotes.yaml when under the working directory, the full path otherwise."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def record_label(data, position):
    slug = data.get("slug") if isinstance(data, dict) else None
    if isinstance(slug, str) and slug:
        return f"'{slug}'"
    return f"#{position}"


def did_you_mean(word, candidates):
    matches = difflib.get_close_matches(word, sorted(candidates), n=1)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
