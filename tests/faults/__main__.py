"""`make test-faults`: kill the loader and the index builder at each point that matters, with a
reader on the real server throughout, and check after each that nothing was lost or left stale.

    .venv/bin/python -m tests.faults        # prints a table: case | signal | point | outcome

Each case loads the other version of a ~6,000-quote archive (tests/faults/archive.py), stopped
at a fault point (archive/faults.py) by SIGTERM, SIGINT or SIGKILL; then the same load is run
again, as an operator would. Checked after each case:
- the database holds all of the old archive or all of the new one, never a mix;
- after the next load the live index matches the database (its documents, the version's words);
- the reader saw no 5xx, no empty search for a word every version has, and nothing but the new
  data under any page version other than the one live when the case began;
- no process of the interrupted command is left, no index directory beyond the live one and
  the one before it. SIGTERM and SIGINT end the command with one line and a failing status.
Exits 1 if any case fails. FAULT_CASES=1,4 runs only those cases (numbered as in the table).
"""

import json
import os
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.process_support import marked_processes

from .archive import write_fixtures
from .reader import Reader
from .server import Interrupted, Server, database_state, environment, manage

LOAD, BUILD = "load_archive", "build_search_index"


@dataclass(frozen=True)
class Case:
    command: str
    signum: int
    point: str

    @property
    def name(self):
        return f"{self.command} {self.point} {signal.Signals(self.signum).name}"


CASES = [
    Case(LOAD, signal.SIGTERM, "before-commit"),
    Case(LOAD, signal.SIGINT, "before-commit"),
    Case(LOAD, signal.SIGKILL, "before-commit"),
    Case(LOAD, signal.SIGTERM, "after-commit"),
    Case(LOAD, signal.SIGKILL, "after-commit"),
    Case(LOAD, signal.SIGTERM, "index-write"),
    Case(LOAD, signal.SIGINT, "index-write"),
    Case(LOAD, signal.SIGKILL, "index-write"),
    Case(LOAD, signal.SIGTERM, "before-publish"),
    Case(LOAD, signal.SIGKILL, "before-publish"),
    Case(BUILD, signal.SIGTERM, "index-write"),
    Case(BUILD, signal.SIGKILL, "index-write"),
]


class Suite:
    def __init__(self, work):
        self.var = work / "var"
        self.var.mkdir()
        self.fixtures = {version: work / version for version in ("old", "new")}
        for version, directory in self.fixtures.items():
            write_fixtures(directory, version)
        self.env = environment(self.var, self.fixtures["old"])
        self.state = "old"
        self.log = (work / "gunicorn.log").open("w")

    def start(self):
        for args in (("migrate", "--no-input", "-v0"), (LOAD, "--fixtures", self.fixture())):
            done = manage(self.env, *args)
            if done.returncode:
                raise SystemExit(f"set-up failed: {' '.join(args)}\n{done.stderr}")
        self.server = Server(self.env, self.log)
        self.reader = Reader(self.server.base)
        self.reader.start()

    def stop(self):
        self.reader.stopping.set()
        self.reader.join(timeout=60)
        self.server.stop()

    def fixture(self, version=None):
        return str(self.fixtures[version or self.state])

    def etag(self):
        for seen in reversed(self.reader.observations):
            if seen.status == 200:
                return seen.etag
        return ""

    def run(self, case):
        """The problems found in one case (an empty list when it passed)."""
        target = {"old": "new", "new": "old"}[self.state] if case.command == LOAD else self.state
        time.sleep(0.5)  # the reader has seen the state the case starts from
        started, initial_etag = time.monotonic(), self.etag()
        args = (LOAD, "--fixtures", self.fixture(target)) if case.command == LOAD else (BUILD,)
        command = Interrupted(self.env, args, case.point)
        code = command.stop(case.signum)
        problems = []
        if code is None:
            return [f"never reached the fault point: {''.join(command.stderr)[-500:]}"]
        problems += self.check_exit(case, code, command)
        problems += self.check_left_processes(command.marker)
        database, _ = database_state(self.var)
        expected = self.state if case.point == "before-commit" or case.command == BUILD else target
        if database != expected:
            problems.append(f"the database holds {database} data, expected {expected}")

        again = manage(self.env, *args)  # what the operator does next: run it again
        if again.returncode:
            problems.append(f"the next run failed: {again.stderr.strip()[-300:]}")
        self.state = target
        time.sleep(1.0)  # the reader sees the outcome
        problems += self.check_index()
        problems += self.check_leftover_directories()
        problems += self.check_reader(started, initial_etag, target)
        return problems

    def check_exit(self, case, code, command):
        if case.signum == signal.SIGKILL:
            return [] if code == -signal.SIGKILL else [f"exit status {code} after SIGKILL"]
        stderr = "".join(command.stderr)
        problems = [] if code not in (0, None) else [f"exit status {code}"]
        if "Traceback" in stderr:
            problems.append("a traceback: " + stderr[stderr.index("Traceback") :][:300])
        last = stderr.strip().splitlines()[-1] if stderr.strip() else ""
        if not last.startswith("CommandError: interrupted: "):
            problems.append(f"last line {last!r}")
        return problems

    def check_left_processes(self, marker):
        deadline = time.monotonic() + 10
        while marked_processes(marker) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = marked_processes(marker)
        for pid in left:  # reported, then stopped: the suite itself leaves nothing running
            os.kill(pid, signal.SIGKILL)
        return [f"processes left: {sorted(left.values())}"] if left else []

    def check_index(self):
        database, records = database_state(self.var)
        root = self.var / "whoosh"
        live = root / (root / "CURRENT").read_text().strip()
        documents = json.loads((live / "summit-index.json").read_text())["documents"]
        problems = []
        if database != self.state:
            problems.append(f"after the next run the database holds {database} data")
        if documents != records:
            problems.append(f"the live index has {documents} documents, the database {records}")
        return problems

    def check_leftover_directories(self):
        builds = sorted(path.name for path in (self.var / "whoosh").glob("index-*"))
        pointers = sorted(path.name for path in (self.var / "whoosh").glob(".CURRENT.*"))
        if len(builds) > 2 or pointers:
            return [f"left in the index directory: {builds + pointers}"]
        return []

    def check_reader(self, started, initial_etag, target):
        seen = self.reader.since(started)
        problems = []
        failures = [s for s in seen if s.status >= 500 or s.status == 0]
        if failures:
            problems.append(f"{len(failures)} answers failed, e.g. {failures[0]}")
        answered = [s for s in seen if s.status == 200]
        empty = [s for s in answered if s.state in ("empty", "mixed")]
        if empty:
            problems.append(f"{len(empty)} searches empty or mixed, e.g. {empty[0]}")
        no_verdict = (target, "found", "straddled")
        stale = [s for s in answered if s.etag != initial_etag and s.state not in no_verdict]
        if stale:
            problems.append(f"{len(stale)} stale answers under a new version, e.g. {stale[0]}")
        final = [s for s in seen if s.asked == "search"][-3:]
        if not final or any(s.state != target for s in final):
            problems.append(f"the reader does not see the {target} data at the end: {final}")
        return problems


def main():
    started = time.monotonic()
    rows = []
    with tempfile.TemporaryDirectory(prefix="summit-faults-") as work:
        suite = Suite(Path(work))
        suite.start()
        try:
            chosen = os.environ.get("FAULT_CASES")
            numbers = [int(n) for n in chosen.split(",")] if chosen else range(1, len(CASES) + 1)
            for case in [CASES[number - 1] for number in numbers]:
                case_started = time.monotonic()
                problems = suite.run(case)
                outcome = "passed" if not problems else "FAILED: " + "; ".join(problems)
                seconds = time.monotonic() - case_started
                rows.append((case, outcome, seconds))
                print(f"{case.name}: {outcome} ({seconds:.0f} s)", file=sys.stderr, flush=True)
        finally:
            suite.stop()
    print_table(rows, time.monotonic() - started, len(suite.reader.observations))
    return 0 if all(outcome == "passed" for _, outcome, _ in rows) else 1


def print_table(rows, seconds, observations):
    print("\n| case | signal | point | outcome |\n|---|---|---|---|")
    for case, outcome, _ in rows:
        number, name = CASES.index(case) + 1, signal.Signals(case.signum).name
        print(f"| {number} {case.command} | {name} | {case.point} | {outcome} |")
    passed = sum(outcome == "passed" for _, outcome, _ in rows)
    print(f"\n{passed}/{len(rows)} cases passed in {seconds:.0f} s; {observations} reader answers")


if __name__ == "__main__":
    sys.exit(main())
