"""Atomic output: build into a staging folder next to site/ and swap it in only after a successful build.

Two builds into the same site/ (a CI job retried, a developer's watcher and a manual build) are serialised by an
exclusive lock on `.<site>.lock` next to site/: a second build waits briefly, then stops with a clear message
instead of racing the first one's swap (which used to end in a FileNotFoundError traceback and an empty
`.site-old-*` folder). Staging and backup folders are always removed, whatever happens: on success and failure,
at interpreter exit (`atexit`), on SIGTERM and SIGHUP (a cancelled CI job; the signal is delivered again once the
folder is gone, so the process still ends as killed). A build killed with SIGKILL cannot clean up; the next build
into the same site/ removes what it left, once it holds the lock (so no live build owns those folders).
"""

from __future__ import annotations

import atexit
import fcntl
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path
from types import FrameType
from typing import IO, Any

# Long enough to ride out another build's swap (milliseconds), short enough to fail fast on a stuck build.
DEFAULT_LOCK_WAIT_SECONDS = 10.0


class OutputBusy(Exception):
    """Another build holds site/; the message says which folder and what to do."""


class AtomicOutput:
    """One build's staging folder for `site_dir`, and the lock that makes its swap exclusive."""

    def __init__(self, site_dir: str | os.PathLike[str], lock_wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS):
        self.final = Path(site_dir).resolve()
        self.lock_path = self.final.parent / f".{self.final.name}.lock"
        self.lock_wait_seconds = lock_wait_seconds
        self.staging: Path | None = None
        self._lock: IO[bytes] | None = None
        self._previous_handlers: dict[int, Any] = {}

    def start(self) -> Path:
        """Take the lock and create the staging folder; return the folder to build into."""
        self.final.parent.mkdir(parents=True, exist_ok=True)
        self._acquire()
        try:
            remove_stale_folders(self.final)
            staging = tempfile.mkdtemp(prefix=f".{self.final.name}-staging-", dir=self.final.parent)
            # mkdtemp makes the folder private (0700); once published it must be as readable as a plain mkdir.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(staging, 0o777 & ~umask)
        except BaseException:
            self._release()
            raise
        self.staging = Path(staging)
        atexit.register(self.discard)
        self._handle_termination()
        return self.staging

    def publish(self) -> None:
        """Swap the finished staging folder into place; the old site/ is removed afterwards."""
        if self.staging is None:
            return
        backup: Path | None = None
        try:
            if self.final.exists():
                backup = Path(tempfile.mkdtemp(prefix=f".{self.final.name}-old-", dir=self.final.parent))
                os.replace(self.final, backup / self.final.name)
            os.replace(self.staging, self.final)
            self.staging = None
        finally:
            if backup is not None:
                shutil.rmtree(backup, ignore_errors=True)
            self.discard()

    def discard(self) -> None:
        """Remove the staging folder (a failed build) and release the lock."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
        self._release()
        atexit.unregister(self.discard)
        self._restore_handlers()

    def _handle_termination(self) -> None:
        """On SIGTERM or SIGHUP, remove the staging folder first, then end as the signal would have."""
        if threading.current_thread() is not threading.main_thread():
            return  # only the main thread may set handlers; atexit and the next build still clean up
        for number in (signal.SIGTERM, signal.SIGHUP):
            previous = signal.getsignal(number)
            if previous in (signal.SIG_DFL, None):
                self._previous_handlers[number] = previous
                signal.signal(number, self._terminated)

    def _terminated(self, number: int, frame: FrameType | None) -> None:
        self.discard()
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)

    def _restore_handlers(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        for number, previous in self._previous_handlers.items():
            if signal.getsignal(number) == self._terminated:
                signal.signal(number, previous if previous is not None else signal.SIG_DFL)
        self._previous_handlers.clear()

    def _acquire(self) -> None:
        handle = open(self.lock_path, "ab")  # noqa: SIM115 - held until publish() or discard()
        deadline = time.monotonic() + self.lock_wait_seconds
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._lock = handle
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise OutputBusy(
                        f"another build is writing {self.final} (it holds {self.lock_path}); wait for it to "
                        "finish and build again, or build into another folder with --site-dir") from None
                time.sleep(0.05)

    def _release(self) -> None:
        if self._lock is not None:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None


def remove_stale_folders(final: Path) -> list[Path]:
    """Remove the staging and backup folders that killed builds into `final` left behind; call with the lock held.

    Every build into `final` takes the lock before it creates its folders and keeps it until they are gone, so
    while this build holds it, any such folder belongs to a build that no longer runs. Only names that builds
    into `final` create (`.<name>-staging-XXXXXXXX`, `.<name>-old-XXXXXXXX`) are touched."""
    pattern = re.compile(rf"^\.{re.escape(final.name)}-(?:staging|old)-[a-z0-9_]{{8}}$")
    removed = []
    for entry in final.parent.iterdir():
        if pattern.match(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed
