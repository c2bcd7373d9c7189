"""One module per applicant tracking system; each turns its public job board JSON into `AtsJob`s.

A provider is a `Provider`: a name, the public API's base URL, and `fetch(client, base_url, board)`.
Adding a fourth ATS is one module here plus one line in `PROVIDERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ..client import AtsFetchError, JsonClient
from ..jobs import AtsJob

T = TypeVar("T", bound=BaseModel)


class Payload(BaseModel):
    """Base of the providers' response models: documented fields are checked, fields added later ignored."""

    model_config = ConfigDict(extra="ignore")


@dataclass(frozen=True)
class Provider:
    name: str
    base_url: str  # the public API, e.g. https://boards-api.greenhouse.io; `--base-url` replaces it
    fetch: Callable[[JsonClient, str, str], list[AtsJob]]  # (client, base_url, board) → every published job
    board_hint: str  # where to find the board name, for the 404 message


def parse_payload(model: type[T], payload: Any, url: str) -> T:
    """The payload validated against the provider's documented shape, or an error naming the bad field."""
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise AtsFetchError(f"{url}: unexpected JSON shape at {where}: {first['msg']} "
                            f"({exc.error_count()} problem{'s' * (exc.error_count() != 1)})") from None


def providers() -> dict[str, Provider]:
    from . import ashby, greenhouse, lever

    return {module.PROVIDER.name: module.PROVIDER for module in (greenhouse, lever, ashby)}
