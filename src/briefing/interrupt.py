"""Ctrl-C during a CLI run: exit status 130 and one line at every moment of the run.

While the CLI loads, nothing has been written, so Ctrl-C ends the process at once. While a
command runs, Ctrl-C raises KeyboardInterrupt as usual, so that a set being written is removed
and the previous one kept; the CLI turns it into the same line.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType

# The shell's status for a process ended by SIGINT (128 + 2); scripts test for it.
EXIT_STATUS = 130
MESSAGE = "error: interrupted"


def exit_at_once(signum: int, frame: FrameType | None) -> None:
    """A SIGINT handler for moments when nothing is being written: one line, exit 130."""
    os.write(2, f"{MESSAGE}\n".encode())
    os._exit(EXIT_STATUS)


@contextlib.contextmanager
def raising() -> Iterator[None]:
    """Inside: Ctrl-C raises KeyboardInterrupt (the writers clean up on the way out)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
