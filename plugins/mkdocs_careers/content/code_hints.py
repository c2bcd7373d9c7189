"""Suggestions for country and currency codes: `Canada` → CA, `usd` or `US$` → USD.

Editors write what they would say; the fields need ISO codes. The suggestion names the code to write.
"""

from __future__ import annotations

import pycountry

# Names people use that ISO does not (casefolded); everything else is looked up in ISO 3166 by pycountry.
_COUNTRY_ALIASES = {"uk": "GB", "u.k.": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
                    "wales": "GB", "northern ireland": "GB", "usa": "US", "u.s.": "US", "u.s.a.": "US",
                    "united states of america": "US", "america": "US", "holland": "NL", "south korea": "KR",
                    "korea": "KR", "russia": "RU", "vietnam": "VN", "czech republic": "CZ", "turkey": "TR",
                    "uae": "AE"}
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "USD$": "USD", "CA$": "CAD", "C$": "CAD", "CAN$": "CAD", "A$": "AUD",
                   "AU$": "AUD", "NZ$": "NZD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "CHF": "CHF",
                   "DOLLAR": "USD", "DOLLARS": "USD", "EURO": "EUR", "EUROS": "EUR", "POUND": "GBP", "POUNDS": "GBP"}


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name or code ("Germany", "DE", "USA", "UK"), else None."""
    cleaned = text.strip().strip(".").strip()
    alias = _COUNTRY_ALIASES.get(cleaned.casefold()) or _COUNTRY_ALIASES.get(text.strip().casefold())
    if alias:
        return alias
    try:
        return str(pycountry.countries.lookup(cleaned).alpha_2)
    except LookupError:
        return None


def country_suggestion(value: str) -> str | None:
    """The alpha-2 code an editor most likely meant (an exact name or code, else one fuzzy match), or None."""
    exact = country_code(value)
    if exact:
        return exact
    try:
        found = pycountry.countries.search_fuzzy(value.strip())
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
