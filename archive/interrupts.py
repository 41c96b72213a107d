"""SIGTERM (systemd, `timeout`, kill) stops a command the way Ctrl-C does.

Both raise KeyboardInterrupt in the main thread, so transactions roll back, the index writer's
worker processes are stopped and a half-built index is removed on the way out; the command
then says in one line what state it left.
"""

import signal
import threading
from contextlib import contextmanager


def _interrupt(signum, frame):
    raise KeyboardInterrupt(signal.Signals(signum).name)


@contextmanager
def terminate_as_interrupt():
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
