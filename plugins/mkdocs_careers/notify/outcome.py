"""The result of one notification channel's run, for the text and JSON reports of `careers notify`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# What happened, from best to worst; `failed` means a person must act (credentials, key, permissions).
SENT, DRY_RUN, NOTHING_TO_SEND, NOT_CONFIGURED, PARTIAL, FAILED = (
    "sent", "dry-run", "nothing-to-send", "not-configured", "partial", "failed")


@dataclass
class ChannelOutcome:
    channel: str
    status: str
    message: str = ""
    sent: list[str] = field(default_factory=list)
    planned: list[str] = field(default_factory=list)   # every line the channel sends (or would send)
    pending: list[str] = field(default_factory=list)   # left for the next run
    rejected: list[str] = field(default_factory=list)  # refused for good, with the reason
    requests: int = 0

    @property
    def failed(self) -> bool:
        return self.status == FAILED

    def as_json(self) -> dict[str, Any]:
        return {"channel": self.channel, "status": self.status, "message": self.message, "planned": self.planned,
                "sent": self.sent, "pending": self.pending, "rejected": self.rejected, "requests": self.requests}
