"""What `careers notify` must remember between deploys: notifications not sent yet (Google's daily quota was
used up, IndexNow asked us to slow down, a server failed) and how much of today's Google quota is spent.

Why a state file rather than recomputing from the manifests: after a deploy the live manifest *is* the new one,
so the next diff no longer shows what was left over. The deploy workflow keeps this file between runs (GitHub
Actions cache); without it, leftovers are reported but not retried. One JSON object, one section per channel.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

STATE_VERSION = 1


class NotifyState:
    def __init__(self, path: Path | None, sections: dict[str, dict[str, Any]] | None = None) -> None:
        self.path = path
        self.sections: dict[str, dict[str, Any]] = sections or {}

    @classmethod
    def load(cls, path: Path | None) -> NotifyState:
        if path is None or not path.is_file():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return cls(path)  # an unreadable state only loses leftovers, which are reported when they arise
        sections = data.get("channels") if isinstance(data, dict) else None
        return cls(path, {k: v for k, v in (sections or {}).items() if isinstance(v, dict)})

    def section(self, channel: str) -> dict[str, Any]:
        return self.sections.setdefault(channel, {})

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"version": STATE_VERSION, "channels": self.sections}
        self.path.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
