"""Child processes that do not outlive the cwkg process that started them.

A query child (`bounded`) or an extraction worker (`--jobs`) left running after its parent
was killed holds the store, the CPU and a time limit nobody enforces any more. On Linux the
kernel sends the child SIGKILL the moment its parent dies (PR_SET_PDEATHSIG); elsewhere a
watcher thread notices that the parent is gone and ends the process.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
_TRACKER_QUIET = "ignore::UserWarning:multiprocessing.resource_tracker"


def _kernel_watch() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _poll(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def die_with_parent(parent: int) -> None:
    """Call first thing in a child: end this process when `parent` (the pid that started it) ends, and at once
    if it already has."""
    if not _kernel_watch():
        threading.Thread(target=_poll, args=(parent,), daemon=True, name="cwkg-parent-watch").start()
    if os.getppid() != parent:
        os._exit(1)


def quiet_cleanup() -> None:
    """Call before starting worker processes. When cwkg is killed, the helper multiprocessing starts beside them
    (its resource tracker) removes the semaphores left behind, and would then warn of "leaked semaphore objects"
    on the user's terminal after the command has gone; it takes its warning options from this interpreter's when
    it starts, so it is told to keep that one to itself. The cleanup is done all the same."""
    if _TRACKER_QUIET not in sys.warnoptions:
        sys.warnoptions.append(_TRACKER_QUIET)
