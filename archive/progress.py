"""How far a long step has got, shared by the loader and the search index builder.

On a terminal a tqdm bar redraws one line; anywhere else (a log file, CI, a pipe) a few plain lines
are printed, so logs stay readable. Without a stream nothing is printed.

    progress = Progress(sys.stdout)
    for quote in progress.track(quotes, "Indexing quotes", total=len(quotes)):
        ...
"""

import os
import time

from tqdm import tqdm

# Without a terminal, print a line at the end of each step, and at each quarter of a long one.
PLAIN_STEPS = 4
LONG_STEP = 40


class Progress:
    def __init__(self, stream=None, *, bar=None):
        self.stream = stream
        self.bar = _is_terminal(stream) if bar is None else bar

    def track(self, items, label, total=None):
        """Yield every item of `items`, reporting progress under `label`."""
        if total is None and hasattr(items, "__len__"):
            total = len(items)
        if self.stream is None:
            yield from items
        elif self.bar:
            yield from tqdm(items, desc=label, total=total, file=self.stream, leave=True)
        else:
            yield from self._plain_lines(items, label, total)

    def note(self, text):
        """A line of its own, e.g. 'Search index: 345 documents'."""
        if self.stream is not None:
            self.stream.write(f"{text}\n")
            self.stream.flush()

    def _plain_lines(self, items, label, total):
        started = time.monotonic()
        next_report = _checkpoints(total)
        done = 0
        for item in items:
            yield item
            done += 1
            if total and done < total and done >= next_report[0]:
                self.note(f"{label}: {done}/{total}")
                while next_report[0] <= done:
                    next_report.pop(0)
        seconds = time.monotonic() - started
        self.note(f"{label}: {done}/{total if total else done} done in {seconds:.2f} s")


def _checkpoints(total):
    if not total or total < LONG_STEP:
        return [float("inf")]
    return [max(1, total * step // PLAIN_STEPS) for step in range(1, PLAIN_STEPS)] + [float("inf")]


def _is_terminal(stream):
    if stream is None or not hasattr(stream, "isatty") or not stream.isatty():
        return False
    try:  # a pseudo-terminal without a size (some CI runners) would get an empty bar
        return os.get_terminal_size(stream.fileno()).columns > 0
    except (AttributeError, OSError, ValueError):
        return True
