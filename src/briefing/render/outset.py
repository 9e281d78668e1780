"""The output folder as one set: one writer at a time, a new set switched in whole, leftovers
of killed runs cleaned up.

OUTPUT_DIR itself is the set (readers keep reading OUTPUT_DIR/brief.md). A run writes its
files into a hidden sibling folder, fsyncs them and switches that folder in:

- where the system can swap two folders in one call (Linux `renameat2(RENAME_EXCHANGE)`,
  macOS `renamex_np(RENAME_SWAP)`), readers see the old set or the new one, never anything
  else, and a kill at any moment leaves one of the two in OUTPUT_DIR;
- elsewhere (Windows, file systems without the call) the old folder is renamed aside and the
  new one renamed in: two atomic renames with a short window between them in which
  OUTPUT_DIR does not exist. A failure in the window renames the old set back; a kill in it
  is repaired by the next run, which renames the old set back before anything else.

A lock file beside OUTPUT_DIR (`.NAME.briefing.lock`, holding the writer's process id) keeps
a second run from writing the same folder; the kernel releases it when its holder dies, so a
killed run never leaves a lock that blocks. See docs/reliability.md.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import re
import secrets
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from filelock import FileLock, Timeout

from briefing.errors import OutputError

log = logging.getLogger(__name__)

# Every file a command writes into OUTPUT_DIR; a switch replaces all of them at once (files of
# another command's set included: cite's audit.md would not describe build's brief.md).
OUTPUT_NAMES = frozenset(
    {"brief.md", "audit.md", "brief.json", "cited.md", "cited.json"}
    | {"audit.html", "digest.md", "digest.json", "digest.html", "feed.json"}
)
# Files a desktop drops into any folder it shows; they may go with the old set.
_DESKTOP_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
# Temp files of the writer before sets (one file replaced at a time) that a kill left behind.
_OLD_TEMP = re.compile(r"\.briefing-.*\.tmp")
# A second run waits this long for the first to finish before it gives up: long enough for a
# run that is switching its set in, short enough that a doubled cron job fails fast.
LOCK_WAIT_S = 10.0
# Sibling folders are `.NAME.briefing-set-<random>` (a set being written, or after a swap the
# old set being removed) and `.NAME.briefing-old-<random>` (the old set renamed aside).
_SET, _OLD = "set", "old"
_RANDOM_CHARS = 8  # as tempfile.mkdtemp names them
# Linux renameat2 flag and "relative to the working directory" descriptor; macOS renamex_np flag.
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_RENAME_SWAP = 2
# Permissions a new output folder gets before the umask, as `mkdir` would give it.
_DIR_MODE = 0o777
_FILE_MODE = 0o666
# A file of the set is new (a leftover is never written into) and binary (no \r\n on Windows).
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.briefing.lock"


@contextlib.contextmanager
def claimed(out: Path) -> Iterator[None]:
    """Hold OUTPUT_DIR's lock (its parent must exist), then repair what a killed run left.

    OutputError when another run holds the lock for longer than LOCK_WAIT_S. The lock file
    is removed on release (a waiter that opened it sees it unlinked and opens a new one), so
    only a killed run leaves one, and the next run takes it over."""
    real = _real(out)
    path = lock_path(real)
    lock = FileLock(path, timeout=LOCK_WAIT_S, on_acquired=_note_holder(path))
    try:
        lock.acquire()
    except Timeout:
        raise OutputError(_busy(path), str(out)) from None
    except OSError as exc:
        raise OutputError(f"cannot lock the output folder: {_reason(exc)}", str(out)) from exc
    try:
        recover(real)
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        lock.release()


def _real(out: Path) -> Path:
    """Where the set lives: a symbolic link to a folder switches the folder it points to."""
    return Path(os.path.realpath(out))


def _note_holder(path: Path) -> Callable[[int], None]:
    def note(handle: int) -> None:
        os.lseek(handle, 0, os.SEEK_SET)
        before = os.read(handle, 64).decode("ascii", "replace").strip()
        if before.isdigit() and int(before) != os.getpid():
            log.info("%s: taken over from process %s, which ended holding it", path, before)
        os.lseek(handle, 0, os.SEEK_SET)
        os.ftruncate(handle, 0)
        os.write(handle, f"{os.getpid()}\n".encode("ascii"))

    return note


def _busy(path: Path) -> str:
    try:
        holder = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        holder = ""
    who = f"process {holder}" if holder.isdigit() else "another process"
    return (
        f"another briefing run ({who}) is writing this folder; waited {LOCK_WAIT_S:g} s "
        "(try again when it has finished)"
    )


def check_replaceable(out: Path) -> None:
    """OutputError when OUTPUT_DIR holds anything but outputs: the switch replaces the whole
    folder, so a folder of other files (or the working directory) is never used."""
    if not out.is_dir():
        return
    for entry in sorted(out.iterdir(), key=lambda entry: entry.name):
        if not (_replaceable(entry.name) and entry.is_file() and not entry.is_symlink()):
            raise OutputError(
                f"holds {entry.name!r}, which briefing did not write; outputs replace the "
                "whole folder, so give them a folder of their own (-o)",
                str(out),
            )


def _replaceable(name: str) -> bool:
    return name in OUTPUT_NAMES or name in _DESKTOP_FILES or bool(_OLD_TEMP.fullmatch(name))


def replace_set(out: Path, files: Mapping[str, bytes]) -> None:
    """Write `files` as OUTPUT_DIR's new set and switch it in at once; on any failure the
    previous set stays as it was and no sibling folder is left (OutputError for OSError)."""
    real = _real(out)
    staging = _new_staging(out, real)
    try:
        _write_set(staging, files, _mode_of(real))
        old = _switch(staging, real)
    except BaseException as exc:
        _discard_surely(staging)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write the outputs: {_reason(exc)}", str(out)) from exc
        raise
    _sync_dir(real.parent)
    if old is not None:
        _discard_surely(old)


def check_writable(out: Path) -> None:
    """Create OUTPUT_DIR's parent folders and prove a set can be written beside it."""
    _discard(_new_staging(out, _real(out)))


def _new_staging(out: Path, real: Path) -> Path:
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=_prefix(real, _SET), dir=real.parent))
    except FileExistsError as exc:  # a file where a folder above OUTPUT_DIR should be
        reason = os.strerror(errno.ENOTDIR)
        raise OutputError(f"cannot write the output folder: {reason}", str(out)) from exc
    except OSError as exc:
        raise OutputError(f"cannot write the output folder: {_reason(exc)}", str(out)) from exc


def _prefix(out: Path, kind: str) -> str:
    return f".{out.name}.briefing-{kind}-"


def _mode_of(out: Path) -> int:
    """The old folder's permissions, or a new folder's."""
    try:
        return out.stat().st_mode & 0o7777
    except OSError:
        return _DIR_MODE & ~_umask()


def _write_set(staging: Path, files: Mapping[str, bytes], mode: int) -> None:
    os.chmod(staging, mode)
    for name, data in files.items():
        handle = os.open(staging / name, _NEW_FILE, _FILE_MODE)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    _sync_dir(staging)


def _switch(staging: Path, out: Path) -> Path | None:
    """Put `staging` at `out`; returns where the old set now is (None when there was none)."""
    if not os.path.lexists(out):
        os.rename(staging, out)
        return None
    if _exchange(staging, out):
        return staging
    aside = out.parent / (_prefix(out, _OLD) + secrets.token_hex(_RANDOM_CHARS // 2))
    os.rename(out, aside)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(aside, out)
        raise
    return aside


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one system call where there is one; False when there is none."""
    if sys.platform.startswith("linux"):
        swap = getattr(_libc(), "renameat2", None)
        args: tuple[int | bytes, ...] = (_AT_FDCWD, os.fsencode(first), _AT_FDCWD)
        flags = _RENAME_EXCHANGE
    elif sys.platform == "darwin":
        swap = getattr(_libc(), "renamex_np", None)
        args, flags = (os.fsencode(first),), _RENAME_SWAP
    else:
        return False
    if swap is None:
        return False
    if swap(*args, os.fsencode(second), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(second))


# What "this system or file system cannot swap" looks like: fall back to two renames.
_UNSUPPORTED = frozenset({errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP})


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def recover(out: Path) -> None:
    """Repair what a killed run left beside `out`: an old set renamed aside while `out` is
    missing goes back into place; every other sibling folder of a run is removed."""
    leftovers = _leftovers(out)
    if not leftovers:
        return
    log.warning("%s: cleaning up after an earlier run that was killed", out)
    aside = [folder for folder in leftovers if folder.name.startswith(_prefix(out, _OLD))]
    if aside and not os.path.lexists(out):
        os.rename(aside[0], out)
        leftovers.remove(aside[0])
    for folder in leftovers:
        _discard(folder)


def _leftovers(out: Path) -> list[Path]:
    pattern = re.compile(
        re.escape(f".{out.name}.briefing-") + f"({_SET}|{_OLD})-[a-z0-9_]{{{_RANDOM_CHARS}}}"
    )
    try:
        entries = sorted(out.parent.iterdir(), key=lambda entry: entry.name)
    except OSError:
        return []
    return [entry for entry in entries if pattern.fullmatch(entry.name) and entry.is_dir()]


def _discard(folder: Path) -> None:
    """Remove a set folder: only the files an output set holds, then the folder itself. A
    folder that also holds something else is left where it is, with a warning."""
    with contextlib.suppress(FileNotFoundError):
        for entry in folder.iterdir():
            if _replaceable(entry.name) and entry.is_file():
                entry.unlink()
    try:
        folder.rmdir()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("%s: left in place (%s)", folder, _reason(exc))


def _discard_surely(folder: Path) -> None:
    """`_discard` that a Ctrl-C does not cut short: it finishes, then the interrupt goes on."""
    try:
        _discard(folder)
    except KeyboardInterrupt:
        _discard(folder)
        raise


def _sync_dir(folder: Path) -> None:
    """Make renames durable; not every platform can open a folder, which is fine."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        log.debug("could not fsync %s", folder)
    finally:
        os.close(handle)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
