"""/roles/linkedin.xml: LinkedIn's job XML feed (Basic Jobs / job wrapping) of the open roles.

Spec: LinkedIn XML feeds development guide,
https://learn.microsoft.com/en-us/linkedin/talent/job-postings/xml-feeds-development-guide
(FAQ: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/xml-feeds-faq). What it asks, and how:

- mandatory per job: `partnerJobId` (at most 40 characters: the slug, or a shortened slug with a hash suffix
  when longer, so it stays unique and stable), `company`, `title`, `description` (at least 100 characters, the
  full posting in the limited HTML LinkedIn accepts, `LINKEDIN_TAGS`), `location` ("City, ST" in the US, "City,
  Country" elsewhere), `applyUrl` (https: the role's apply link, else its page when the apply link is not https),
  `posterEmail` (the job poster's e-mail, mandatory since June 2025: `linkedin_feed.poster_email`) and
  `companyId` (mandatory for feeds from an ATS: `linkedin_feed.company_id`); the build says when either is not
  configured (a warning once the site configures the LinkedIn feed, a note while it only has the defaults);
- recommended: `city`, `state`, `country`, `postalCode`, `jobtype`, `workplaceTypes` (On-site, Hybrid, Remote)
  and `salaries` (lowEnd/highEnd amount and currency, period, BASE_SALARY) when the page shows a salary;
- feed header: `lastBuildDate` (the build date, so the file is reproducible), `publisherURL` (spelled as the
  guide spells it), `publisher`, `expectedJobCount`.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from lxml import etree

from ..content.models import EmploymentType, Role
from ..jsonld.serialize import json_number
from ..pages import labels
from .job_board_xml import (
    LINKEDIN_TAGS,
    JobPlace,
    feed_chunks,
    job_places,
    limit_tags,
    plain_element,
    role_descriptions,
    text_element,
)

if TYPE_CHECKING:
    from ..content.options import LinkedInFeedOptions
    from ..content.site import CareersSite, Entry

LINKEDIN_FEED_PATH = "roles/linkedin.xml"
PARTNER_JOB_ID_MAX = 40
DESCRIPTION_MIN = 100
_JOB_TYPES = {
    EmploymentType.FULL_TIME: "FULL_TIME", EmploymentType.PART_TIME: "PART_TIME",
    EmploymentType.CONTRACTOR: "CONTRACT", EmploymentType.TEMPORARY: "TEMPORARY",
    EmploymentType.INTERN: "INTERNSHIP", EmploymentType.VOLUNTEER: "VOLUNTEER",
    EmploymentType.PER_DIEM: "OTHER", EmploymentType.OTHER: "OTHER",
}
_PERIODS = {"hour": "HOURLY", "day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}


log = logging.getLogger("mkdocs.plugins.careers.linkedin_feed")


def missing_options(options: LinkedInFeedOptions) -> list[str]:
    """What LinkedIn's feed guide makes mandatory and mkdocs.yml does not give."""
    missing = []
    if not options.company_id:
        missing.append("linkedin_feed.company_id (the number in your LinkedIn page's admin URL; mandatory for feeds "
                       "that come from an ATS)")
    if not options.poster_email:
        missing.append("linkedin_feed.poster_email (the job poster's e-mail; mandatory for every job)")
    return missing


def partner_job_id(slug: str) -> str:
    if len(slug) <= PARTNER_JOB_ID_MAX:
        return slug
    suffix = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:8]
    return f"{slug[:PARTNER_JOB_ID_MAX - len(suffix) - 1].rstrip('-')}-{suffix}"


def apply_url(entry: Entry[Role], site: CareersSite) -> str | None:
    for url in (entry.model.apply.url, site.url(entry.page_path)):
        if url.startswith("https://"):
            return url
    return None


def place_label(place: JobPlace) -> str:
    if place.city is None:
        return labels.country_name(place.country)
    if place.country == "US" and place.region:
        return f"{place.city}, {place.region}"
    return f"{place.city}, {labels.country_name(place.country)}"


def linkedin_feed(site: CareersSite, descriptions: Mapping[str, str] | None = None) -> Iterator[str]:
    """The feed as chunks of text; `descriptions` (slug → HTML, from role_descriptions) saves rendering them
    again."""
    descriptions = descriptions if descriptions is not None else role_descriptions(site)
    options = site.settings.outputs.linkedin_feed
    missing = missing_options(options)
    if missing:  # a warning once the site configures the LinkedIn feed; a note while it has only the defaults
        report = log.warning if options.model_fields_set else log.info
        report("roles/linkedin.xml: LinkedIn rejects jobs without " + " and ".join(missing) + "; set them in "
               "mkdocs.yml, or linkedin_feed: {enabled: false}")
    jobs = [(entry, url) for entry in site.open_roles if (url := apply_url(entry, site)) is not None]
    header = [plain_element(None, "lastBuildDate", f"{site.build_date:%a, %d %b %Y} 00:00:00 GMT"),
              text_element(None, "publisherURL", site.url()),
              text_element(None, "publisher", site.settings.organization.name),
              plain_element(None, "expectedJobCount", len(jobs))]
    jobs_xml = (_job(entry, url, site, descriptions[entry.slug]) for entry, url in jobs)
    return feed_chunks("source", itertools.chain((e for e in header if e is not None), jobs_xml))


def _job(entry: Entry[Role], url: str, site: CareersSite, description: str) -> etree._Element:
    organization = site.settings.organization
    options = site.settings.outputs.linkedin_feed
    role = entry.model
    job = etree.Element("job")
    text_element(job, "partnerJobId", partner_job_id(entry.slug))
    text_element(job, "company", organization.name)
    text_element(job, "title", role.title)
    text_element(job, "description", limit_tags(description, LINKEDIN_TAGS))
    text_element(job, "applyUrl", url)
    text_element(job, "companyId", options.company_id)
    text_element(job, "posterEmail", options.poster_email)
    places = job_places(role)
    if places:
        first = places[0]
        text_element(job, "location", place_label(first))
        text_element(job, "city", first.city)
        text_element(job, "state", first.region)
        text_element(job, "country", first.country)
        text_element(job, "postalCode", first.postal_code)
        if len(places) > 1:
            alternates = etree.SubElement(job, "alternateLocations")
            for place in places[1:]:
                alternate = etree.SubElement(alternates, "alternateLocation")
                text_element(alternate, "location", place_label(place))
                text_element(alternate, "city", place.city)
                text_element(alternate, "state", place.region)
                text_element(alternate, "country", place.country)
    text_element(job, "jobtype", _JOB_TYPES[role.employment_type[0]])
    text_element(job, "workplaceTypes", labels.workplace_label(role.workplace))
    if role.salary is not None:
        _add_salary(job, role)
    return job


def _add_salary(job: etree._Element, role: Role) -> None:
    salary = role.salary
    assert salary is not None
    node = etree.SubElement(etree.SubElement(job, "salaries"), "salary")
    for tag, amount in (("highEnd", salary.max), ("lowEnd", salary.min)):
        end = etree.SubElement(node, tag)
        text_element(end, "amount", str(json_number(amount)))
        text_element(end, "currencyCode", salary.currency)
    text_element(node, "period", _PERIODS[salary.unit.value])
    text_element(node, "type", "BASE_SALARY")
