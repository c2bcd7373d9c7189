"""schema.org JobPosting following Google's job-posting guidelines.

Required: title, description (the visible posting's HTML), datePosted, hiringOrganization,
jobLocation (unless fully remote). Recommended ones are added whenever the data supports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..content.models import Role, Workplace
from .nodes import job_posting_id, organization_id, ref, webpage_id
from .serialize import json_number

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry


def valid_through_value(role: Role) -> str | None:
    # A closing date means "open through that whole day"; state the end of the day explicitly.
    return f"{role.valid_through.isoformat()}T23:59:59" if role.valid_through else None


def job_posting_node(entry: Entry[Role], site: CareersSite, page_url: str, description_html: str) -> dict[str, Any]:
    role = entry.model
    remote = role.workplace is Workplace.REMOTE
    types = [t.google_value for t in role.employment_type]
    return {
        "@type": "JobPosting",
        "@id": job_posting_id(page_url),
        "url": page_url,
        "mainEntityOfPage": ref(webpage_id(page_url)),
        "title": role.title,
        "description": description_html,
        "datePosted": role.date_posted.isoformat(),
        "validThrough": valid_through_value(role),
        "employmentType": types[0] if len(types) == 1 else types,
        "hiringOrganization": ref(organization_id(site)),
        "identifier": {"@type": "PropertyValue", "name": site.settings.organization.name, "value": entry.slug},
        "directApply": role.apply.direct,
        "jobLocation": [_place(loc) for loc in role.locations],
        "jobLocationType": "TELECOMMUTE" if remote else None,
        "applicantLocationRequirements": (
            [{"@type": "Country", "name": code} for code in role.remote_countries] if remote else None
        ),
        "baseSalary": _base_salary(role),
        "responsibilities": [*role.outcomes.day_90, *role.outcomes.day_180, *role.outcomes.day_365],
        "qualifications": list(role.must_haves),
        "skills": list(role.skills),
        "jobBenefits": list(role.benefits),
        "incentiveCompensation": list(role.incentives),
    }


def _place(location: Any) -> dict[str, Any]:
    return {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": location.street,
            "addressLocality": location.city,
            "addressRegion": location.region,
            "postalCode": location.postal_code,
            "addressCountry": location.country,
        },
    }


def _base_salary(role: Role) -> dict[str, Any] | None:
    salary = role.salary
    if salary is None:
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": salary.unit.google_value}
    if salary.min == salary.max:
        value["value"] = json_number(salary.min)
    else:
        value["minValue"] = json_number(salary.min)
        value["maxValue"] = json_number(salary.max)
    return {"@type": "MonetaryAmount", "currency": salary.currency, "value": value}
