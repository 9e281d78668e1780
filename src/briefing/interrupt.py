"""Ctrl-C during a CLI run: exit status 130 and one line at every moment of the run.

While the CLI loads, nothing has been written, so Ctrl-C ends the process at once. While a
command runs, Ctrl-C raises KeyboardInterrupt as usual, so that a set being written is removed
and the previous one kept; the CLI turns it into the same line. A library may turn that
KeyboardInterrupt into an error of its own (an extension module interrupted while it loads
raises "ImportError: initialization failed"), so the handler also remembers that Ctrl-C came.
`end` makes status 130 hold however the run ended.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import NoReturn

# The shell's status for a process ended by SIGINT (128 + 2); scripts test for it.
EXIT_STATUS = 130
MESSAGE = "error: interrupted"


def exit_at_once(signum: int, frame: FrameType | None) -> None:
    """A SIGINT handler for moments when nothing is being written: one line, exit 130."""
    os.write(2, f"{MESSAGE}\n".encode())
    os._exit(EXIT_STATUS)


_received = threading.Event()


def received() -> bool:
    """Whether Ctrl-C came while a command ran (whatever error it then surfaced as)."""
    return _received.is_set()


def _raise(signum: int, frame: FrameType | None) -> None:
    _received.set()
    signal.default_int_handler(signum, frame)


@contextlib.contextmanager
def raising() -> Iterator[None]:
    """Inside: Ctrl-C raises KeyboardInterrupt (the writers clean up on the way out)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _received.clear()
    previous = signal.signal(signal.SIGINT, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def end() -> NoReturn:
    """Exit with status 130 after an interrupted command, whatever a library told CPython.

    When Ctrl-C lands in code that a library ran through `PyRun_String` (Cython modules do while
    they load), CPython remembers an unhandled KeyboardInterrupt even though the library caught
    it. At the end of `python -m briefing` it then ends the process by SIGINT instead of with
    the status asked for. So the exit handlers run here and the process exits at once.
    """
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(EXIT_STATUS)
