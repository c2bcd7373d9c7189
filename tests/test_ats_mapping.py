"""The common mapping layer: free-text locations, pay intervals and ranges, employment types, HTML to Markdown."""

from __future__ import annotations

import pytest
from mkdocs_careers.ats.jobs import AtsJob, AtsPay, AtsPlace
from mkdocs_careers.ats.locations import resolve_places
from mkdocs_careers.ats.mapping import employment_type, html_to_markdown, map_job, pay_unit, stated_unit


@pytest.mark.parametrize("text, offices, remote_countries", [
    ("San Francisco, CA", [{"city": "San Francisco", "region": "CA", "country": "US"}], []),
    ("New York, NY, United States", [{"city": "New York City", "region": "NY", "country": "US"}], []),
    ("NYC", [{"city": "New York City", "region": "NY", "country": "US"}], []),
    ("London or Berlin", [{"city": "London", "country": "GB"}, {"city": "Berlin", "country": "DE"}], []),
    ("London, UK", [{"city": "London", "country": "GB"}], []),
    ("Toronto, ON", [{"city": "Toronto", "region": "ON", "country": "CA"}], []),
    ("Berlin, DE", [{"city": "Berlin", "country": "DE"}], []),  # DE is Germany here, not Delaware
    ("München", [{"city": "Munich", "country": "DE"}], []),  # an alternative name
    ("Remote - US", [], ["US"]),
    ("Remote (US, Canada)", [], ["US", "CA"]),
    ("US Remote", [], ["US"]),
    ("Remote - US or New York, NY", [{"city": "New York City", "region": "NY", "country": "US"}], ["US"]),
])
def test_free_text_locations(text, offices, remote_countries):
    resolved = resolve_places([AtsPlace(text)])
    assert resolved.problems == []
    assert resolved.locations == offices
    assert resolved.remote_countries == remote_countries


@pytest.mark.parametrize("text, message", [
    ("Springfield", "could be several cities"),
    ("Cambridge", "could be several cities"),
    ("Atlantis, Ocean", "no city called 'Atlantis' in Ocean"),
    ("Germany", "names a country, not an office"),
    ("APAC", "names a region, not an office"),
    ("Remote - Atlantis", "'Atlantis' is not a country"),
    ("Remote", "names no country"),
])
def test_what_cannot_be_mapped_is_a_problem_not_a_guess(text, message):
    resolved = resolve_places([AtsPlace(text)])
    assert any(message in problem for problem in resolved.problems), resolved.problems
    assert resolved.locations == []


def test_hybrid_in_the_text_makes_a_hybrid_role():
    job = AtsJob("lever", "acme", "1", "Analyst", "https://x.example/1", places=[AtsPlace("Hybrid - Austin, TX")])
    assert map_job(job).values["workplace"] == "hybrid"


@pytest.mark.parametrize("interval, label, unit", [
    ("per-year-salary", None, "year"), ("per-hour-wage", None, "hour"), ("per-month-salary", None, "month"),
    ("1 YEAR", None, "year"), ("1 HOUR", None, "hour"), ("1 WEEK", None, "week"), ("1 DAY", None, "day"),
    (None, "NYC Salary Range", "year"), (None, "Hourly rate", "hour"), ("2 WEEK", None, None),
    ("one-time", None, None),
])
def test_pay_intervals(interval, label, unit):
    found, _ = pay_unit(AtsPay("USD", 1, 2, interval, label))
    assert (found.value if found else None) == unit


def test_pay_without_a_known_interval_is_a_problem():
    job = AtsJob("lever", "acme", "1", "Analyst", "https://x.example/1", places=[AtsPlace("Paris")],
                 pay=[AtsPay("EUR", 100, 200, "one-time")])
    facts = map_job(job)
    assert "salary" not in facts.values
    assert facts.problems == [("salary", "the pay interval 'one-time' is not hour, day, week, month or year; this "
                                         "range is not written")]


@pytest.mark.parametrize("low, high, shown", [(180000, None, "CAD 180,000+"), (None, 95000, "up to CAD 95,000")])
def test_an_open_ended_range_is_refused_never_clipped_to_a_fixed_amount(low, high, shown):
    job = AtsJob("ashby", "acme", "1", "Analyst", "https://x.example/1", places=[AtsPlace("Toronto, ON")],
                 pay=[AtsPay("CAD", low, high, "1 YEAR")])
    facts = map_job(job)
    assert "salary" not in facts.values  # the role keeps what it has
    [(field, message)] = facts.problems
    assert field == "salary" and shown in message and "open-ended" in message


def test_reversed_bounds_are_ordered():
    job = AtsJob("ashby", "acme", "1", "Analyst", "https://x.example/1", places=[AtsPlace("Paris")],
                 pay=[AtsPay("EUR", 95000, 90000, "1 YEAR")])
    assert map_job(job).values["salary"] == {"currency": "EUR", "min": 90000, "max": 95000, "unit": "year"}


@pytest.mark.parametrize("word, ours", [
    ("Full-time", "full_time"), ("Full Time", "full_time"), ("FullTime", "full_time"), ("Part-time", "part_time"),
    ("Contract", "contractor"), ("Intern", "intern"), ("Internship", "intern"), ("Temporary", "temporary"),
    ("Freelance", "contractor"), ("Regular Full-Time", "full_time"), ("Contract to Hire", "contractor"),
    ("Seasonal", "temporary"), ("Fixed-term contract", "temporary"),
])
def test_employment_types(word, ours):
    assert employment_type(word).value == ours


def test_unknown_employment_type_is_a_problem():
    job = AtsJob("lever", "acme", "1", "Analyst", "https://x.example/1", employment_type="Gig",
                 places=[AtsPlace("Paris")])
    facts = map_job(job)
    assert "employment_type" not in facts.values
    assert facts.problems[0][0] == "employment_type"


def test_html_is_sanitised_before_it_becomes_markdown():
    html = ('<h2>Team</h2><p>We&rsquo;re <em>small</em>.<script>steal()</script></p>'
            '<p><a href="javascript:alert(1)">x</a> <a href="https://example.com/">y</a></p>'
            '<iframe src="https://evil.example/"></iframe><style>p{}</style><ol><li>one</li></ol>')
    markdown = html_to_markdown(html)
    assert markdown == "**Team**\n\nWe’re *small*.\n\nx [y](https://example.com/)\n\n1. one\n"


@pytest.mark.parametrize("text, unit", [
    ("Dayton, OH", None), ("12-month contract", None), ("Monday to Friday", None), ("Holiday cover", None),
    ("Sunday shifts", None), ("Annual base salary", "year"), ("$50/hr", "hour"), ("Day rate", "day"),
    ("Paid per week", "week"), ("Monthly stipend", "month"), ("Hourly rate", "hour"), ("per annum", "year"),
])
def test_only_whole_word_phrases_state_a_pay_unit(text, unit):
    found, _ = stated_unit(text)
    assert (found.value if found else None) == unit
