"""Amounts of money as people read them (US English): `£95,000`, `CA$55.50`. Shared by page labels and
lint messages, so a rule quotes an amount exactly as the page shows it."""

from __future__ import annotations

import functools

from babel.numbers import format_currency


@functools.lru_cache(maxsize=4096)  # Babel is slow and large sites repeat the same salary figures
def money(amount: float, currency: str) -> str:
    pattern = "¤#,##0" if float(amount).is_integer() else "¤#,##0.00"
    return format_currency(amount, currency, format=pattern, locale="en_US", currency_digits=False)
