"""Suggestions for country and currency codes: `Canada` → CA, `usd` or `US$` → USD.

Editors write what they would say; the fields need ISO codes. The suggestion names the code to write.
"""

from __future__ import annotations

import pycountry

_COUNTRY_ALIASES = {"UK": "GB", "ENGLAND": "GB", "SCOTLAND": "GB", "WALES": "GB", "USA": "US", "AMERICA": "US",
                    "HOLLAND": "NL", "SOUTH KOREA": "KR", "KOREA": "KR", "RUSSIA": "RU"}
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "USD$": "USD", "CA$": "CAD", "C$": "CAD", "CAN$": "CAD", "A$": "AUD",
                   "AU$": "AUD", "NZ$": "NZD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "CHF": "CHF",
                   "DOLLAR": "USD", "DOLLARS": "USD", "EURO": "EUR", "EUROS": "EUR", "POUND": "GBP", "POUNDS": "GBP"}


def country_suggestion(value: str) -> str | None:
    """The alpha-2 code an editor most likely meant, or None."""
    text = value.strip()
    alias = _COUNTRY_ALIASES.get(text.upper())
    if alias:
        return alias
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        pass
    try:
        found = pycountry.countries.search_fuzzy(text)
    except LookupError:
        return None
    return str(found[0].alpha_2) if len(found) == 1 else None


def currency_suggestion(value: str) -> str | None:
    text = value.strip()
    sign = _CURRENCY_SIGNS.get(text.upper())
    if sign:
        return sign
    try:
        return str(pycountry.currencies.lookup(text).alpha_3)
    except LookupError:
        return None
