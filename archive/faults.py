"""Named points where the fault-injection suite (tests/faults) stops a load; inert otherwise.

With SUMMIT_FAULT_POINT=after-commit in its environment, a load reaching fault_point("after-commit")
prints "fault point: after-commit" to stderr and waits there (a minute at most) for the signal
the suite sends it. The points: before-commit, after-commit, index-write, before-publish.
"""

import os
import sys
import time

WAIT_SECONDS = 60


def fault_point(name):
    if os.environ.get("SUMMIT_FAULT_POINT") != name:
        return
    sys.stderr.write(f"fault point: {name}\n")
    sys.stderr.flush()
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.05)
