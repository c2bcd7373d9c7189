"""/roles/indeed.xml: Indeed's XML job feed of the open roles.

Spec: Indeed XML feed reference, https://docs.indeed.com/indeed-apply/xml-feed (also published as
https://docs.indeed.com/sponsored-jobs-api/shared-resources/xml-job-feed-format). What it asks, and how:

- root `<source>`, one `<job>` per job *and location*: a role with two offices is two jobs, each with its own
  `<referencenumber>` ("the same job posted in multiple locations must have a unique value ... do not change the
  number after you set it"): the role's slug and the place (`slug-city-cc` for an office, `slug-cc` for a remote
  country), never the number or order of its places, so adding or removing a place changes no other job's
  number; `<requisitionid>` is the role's slug;
- `<date>` is the date the page shows as "Posted" (ISO 8601, as the spec recommends: "if your site shows the
  publish date, that date must match"); `<expirationdate>` the "Apply by" date when there is one;
- `<salary>` only when the page shows a salary, in the page's own words (labels.salary_label): the pay range tied
  to that job's office (`pay_ranges[].city`) when there is one, else the role's salary;
- every value in CDATA; the description is HTML inside CDATA with literal characters, not HTML entities
  ("Indeed does not support HTML entities"), using only the tags Indeed's formatting guide lists
  (`INDEED_TAGS`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from lxml import etree
from slugify import slugify

from ..content.models import Workplace
from ..pages import labels
from .job_board_xml import INDEED_TAGS, JobPlace, feed_chunks, job_places, limit_tags, role_descriptions, text_element

if TYPE_CHECKING:
    from ..content.models import Role, Salary
    from ..content.site import CareersSite, Entry

INDEED_FEED_PATH = "roles/indeed.xml"
_REMOTE_TYPE = {Workplace.REMOTE: "Fully remote", Workplace.HYBRID: "Hybrid remote"}


def reference_number(slug: str, place: JobPlace | None) -> str:
    """The job's number for one place: the same in every build whatever other places the role has."""
    if place is None:
        return slug
    return "-".join(p for p in (slug, slugify(place.city or ""), place.country.lower()) if p)


def indeed_feed(site: CareersSite, descriptions: Mapping[str, str] | None = None) -> Iterator[str]:
    """The feed as chunks of text; `descriptions` (slug → HTML, from role_descriptions) saves rendering them
    again."""
    descriptions = descriptions if descriptions is not None else role_descriptions(site)
    return feed_chunks("source", (job for entry in site.open_roles
                                  for job in _jobs(entry, site, descriptions[entry.slug])))


def _jobs(entry: Entry[Role], site: CareersSite, description: str) -> Iterator[etree._Element]:
    role = entry.model
    organization = site.settings.organization.name
    places: list[JobPlace | None] = list(job_places(role)) or [None]  # no place: a remote role open anywhere
    description = limit_tags(description, INDEED_TAGS)
    for place in places:
        job = etree.Element("job")
        text_element(job, "title", role.title)
        text_element(job, "date", role.date_posted.isoformat())
        text_element(job, "referencenumber", reference_number(entry.slug, place))
        text_element(job, "requisitionid", entry.slug)
        text_element(job, "url", site.url(entry.page_path))
        text_element(job, "company", organization)
        text_element(job, "sourcename", organization)
        if place is not None:
            text_element(job, "city", place.city)
            text_element(job, "state", place.region)
            text_element(job, "country", place.country)
            text_element(job, "postalcode", place.postal_code)
            text_element(job, "streetaddress", place.street)
        text_element(job, "description", description)
        salary = _salary_at(role, place)
        if salary is not None:
            text_element(job, "salary", labels.salary_label(salary))
        text_element(job, "jobtype", labels.employment_label(role.employment_type))
        text_element(job, "expirationdate", role.valid_through.isoformat() if role.valid_through else None)
        text_element(job, "remotetype", _REMOTE_TYPE.get(role.workplace))
        yield job


def _salary_at(role: Role, place: JobPlace | None) -> Salary | None:
    """The pay range tied to this place's office, else the role's salary (their envelope)."""
    if place is not None and place.city is not None:
        tied = [r for r in role.pay_ranges if r.city == place.city]
        if len(tied) == 1:
            return tied[0]
    return role.salary
