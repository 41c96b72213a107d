"""A reader hitting the live server throughout the fault cases, noting what each answer showed.

Each observation is (what was asked, HTTP status, ETag, state): the state is "old" or "new"
when the answer shows that version of the archive, "mixed" for a search finding some of both,
and "empty" for a search that found nothing for a word every version has ("straddled": the two
searches that tell the versions apart were answered under two versions, so neither counts).
"""

import json
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from .archive import MARKED, NEW_WORD, OLD_WORD, PRESENT_WORD, WATCHED_QUOTE


@dataclass(frozen=True)
class Observation:
    at: float
    asked: str
    status: int
    etag: str
    state: str


def fetch(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.status, response.headers.get("ETag", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("ETag", ""), error.read()
    except (urllib.error.URLError, OSError):
        return 0, "", b""


def page_state(body):
    text = body.decode(errors="replace")
    old, new = OLD_WORD in text, NEW_WORD in text
    return "old" if old and not new else "new" if new and not old else "mixed"


def search_state(base):
    """One observation for the two words that tell the versions apart, searched together."""
    counts, etags, status, etag = {}, set(), 200, ""
    for word in (OLD_WORD, NEW_WORD):
        status, etag, body = fetch(base, f"/search.json?q={word}")
        if status != 200:
            return status, etag, "error"
        counts[word] = json.loads(body)["count"]
        etags.add(etag)
    if len(etags) > 1:
        return status, etag, "straddled"  # the version changed between the two: no verdict
    if counts == {OLD_WORD: MARKED, NEW_WORD: 0}:
        return status, etag, "old"
    if counts == {OLD_WORD: 0, NEW_WORD: MARKED}:
        return status, etag, "new"
    return status, etag, "mixed"


class Reader(threading.Thread):
    def __init__(self, base):
        super().__init__(daemon=True)
        self.base = base
        self.observations = []
        self.stopping = threading.Event()

    def note(self, asked, status, etag, state):
        self.observations.append(Observation(time.monotonic(), asked, status, etag, state))

    def run(self):
        while not self.stopping.is_set():
            status, etag, body = fetch(self.base, f"/quotes/{WATCHED_QUOTE}/")
            self.note("quote page", status, etag, page_state(body) if status == 200 else "error")
            self.note("search", *search_state(self.base))
            status, etag, body = fetch(self.base, f"/search.json?q={PRESENT_WORD}")
            found = status == 200 and json.loads(body)["count"] > 0
            self.note("present word", status, etag, "found" if found else "empty")
            time.sleep(0.02)

    def since(self, started):
        return [seen for seen in list(self.observations) if seen.at >= started]
