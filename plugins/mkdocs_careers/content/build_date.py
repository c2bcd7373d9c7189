"""The build date decides which roles are open. It is injectable so builds are reproducible.

Order: an explicit value (config `build_date` or `careers check --build-date`), then the
`SOURCE_DATE_EPOCH` environment variable (the reproducible-builds convention), then today (UTC).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping


class BuildDateError(ValueError):
    pass


def resolve_build_date(explicit: str | dt.date | None = None, environ: Mapping[str, str] | None = None) -> dt.date:
    env = os.environ if environ is None else environ
    if explicit:
        if isinstance(explicit, dt.date):
            return explicit
        try:
            return dt.date.fromisoformat(str(explicit))
        except ValueError:
            raise BuildDateError(f"build_date '{explicit}' is not a YYYY-MM-DD date") from None
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise BuildDateError(f"SOURCE_DATE_EPOCH='{epoch}' is not a Unix timestamp in seconds") from None
    return dt.datetime.now(tz=dt.timezone.utc).date()
