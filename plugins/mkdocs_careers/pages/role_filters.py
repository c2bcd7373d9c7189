"""Roles-index filters: the options and each row's filter values, derived from the same fields the rows show.

Filters on large careers sites often disagree with the listing (a "Remote" filter that reads a field the
page never shows). Here the options and the `data-*` values on every server-rendered row both come from
the role model: countries from `Role.country_codes` (offices plus remote countries), the workplace and the
employment types, so a role that is remote-open to a country is listed under that country.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..content.models import EmploymentType, Role, Workplace
from .labels import country_name, employment_type_label, workplace_label
from .model import FilterField, FilterOption

# Query-string names of the filters; the script reads and writes exactly these. Not `q`: Material's
# search opens its overlay for a `?q=` in the URL.
FILTER_PARAMS = ("search", "department", "country", "workplace", "type")


def row_filter_values(role: Role) -> tuple[tuple[str, str], ...]:
    """The `data-*` attributes of one roles-index row (space-separated where a role has several values)."""
    return (
        ("department", role.department),
        ("country", " ".join(role.country_codes)),
        ("workplace", role.workplace.value),
        ("type", " ".join(t.value for t in role.employment_type)),
    )


def filter_fields(roles: Iterable[Role]) -> tuple[FilterField, ...]:
    """The select filters, offering only values that at least one listed role has, in a stable order."""
    roles = list(roles)
    departments = sorted({r.department for r in roles}, key=str.casefold)
    countries = sorted({code for r in roles for code in r.country_codes}, key=lambda c: country_name(c).casefold())
    workplaces = [w for w in Workplace if any(r.workplace is w for r in roles)]
    types = [t for t in EmploymentType if any(t in r.employment_type for r in roles)]
    return (
        FilterField("department", "Department", "Any department", tuple(FilterOption(d, d) for d in departments)),
        FilterField("country", "Country", "Any country", tuple(FilterOption(c, country_name(c)) for c in countries)),
        FilterField("workplace", "Workplace", "Any workplace",
                    tuple(FilterOption(w.value, workplace_label(w)) for w in workplaces)),
        FilterField("type", "Employment type", "Any type",
                    tuple(FilterOption(t.value, employment_type_label(t)) for t in types)),
    )
