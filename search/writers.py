"""Whoosh's multi-process writer, with worker processes that never outlive the build.

whoosh.multiproc forks one worker per segment; they wait on a queue for work. Killed, the parent
leaves them waiting forever (about 100 MB each), and its cancel() only flags its own copies of
the worker objects. Here each worker asks Linux to kill it when its parent dies (prctl
PR_SET_PDEATHSIG: this covers SIGKILL, which nothing can catch), ignores Ctrl-C (the parent
handles it for the whole build), and cancel() terminates and reaps every worker.

Each worker writes its own segment with search.memory_writer's writer (postings in memory, not
Whoosh's external sort), and the segments are kept as they are (multisegment: no merge pass).
"""

import ctypes
import os
import signal
import sys

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import SegmentWriter

from .memory_writer import MemorySegmentWriter

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid):
    """Have the kernel SIGKILL this process when its parent exits (Linux; elsewhere nothing)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)


class WorkerTask(SubWriterTask):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent_pid = os.getpid()

    def run(self):
        die_with_parent(self.parent_pid)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's "raise KeyboardInterrupt"
        # SubWriterTask.run(), with the in-memory writer and one finished segment per worker.
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = MemorySegmentWriter(ix, _lk=False, **self.kwargs)
        while (job := self.jobqueue.get()) is not None:
            self._process_file(*job)
        segment = writer._finalize_segment()
        self.resultqueue.put((None, writer.pool.fieldnames, segment), timeout=5)


class ParallelWriter(MpWriter):
    """MpWriter(multisegment=True) whose workers die with it and are reaped when cancelled."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, multisegment=True, **kwargs)

    def _new_task(self):
        task = WorkerTask(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self):
        try:
            for task in self.tasks:
                if task.is_alive():
                    task.terminate()
            for task in self.tasks:
                task.join(timeout=10)
            # Work still queued for the stopped workers must not keep this process waiting.
            self.jobqueue.cancel_join_thread()
            self.resultqueue.cancel_join_thread()
        finally:
            SegmentWriter.cancel(self)
