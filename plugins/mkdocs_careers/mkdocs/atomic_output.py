"""Atomic output: build into a staging folder next to site/ and swap it in only after a successful build.

Two builds into the same site/ (a CI job retried, a developer's watcher and a manual build) are serialised by an
exclusive lock on `.<site>.lock` next to site/: a second build waits briefly, then stops with a clear message
instead of racing the first one's swap (which used to end in a FileNotFoundError traceback and an empty
`.site-old-*` folder). Staging and backup folders are always removed, whatever happens.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import IO

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

    def start(self) -> Path:
        """Take the lock and create the staging folder; return the folder to build into."""
        self.final.parent.mkdir(parents=True, exist_ok=True)
        self._acquire()
        try:
            staging = tempfile.mkdtemp(prefix=f".{self.final.name}-staging-", dir=self.final.parent)
            # mkdtemp makes the folder private (0700); once published it must be as readable as a plain mkdir.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(staging, 0o777 & ~umask)
        except BaseException:
            self._release()
            raise
        self.staging = Path(staging)
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
