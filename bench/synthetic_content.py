"""Synthetic but realistic careers content for the benchmark, plus the bare-MkDocs twin of the same pages.

`write_careers_project(root, n)` writes N roles (with outcomes, FAQ, salary, locations), N/10 people and
N/20 case studies as the careers plugin expects them. `write_bare_project(root, n)` writes the same number
of plain Markdown pages with the same body text for a bare mkdocs-material build, kept out of the nav the
same way. Content is deterministic for a given N (seeded), so runs compare like with like.

The content must stay valid as lint rules are added, so every role states everything any pay-transparency
law could ask for (a pay range no wider than the strictest range limit in the law data, benefits, a closing
date, a region for every US and Canadian office), and `verify_project` loads the written project with the
real loader and every lint rule: a generator that falls behind the rules fails loudly, before any timing.
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs_careers.content.settings import settings_from_config
from mkdocs_careers.content.site import load_site
from mkdocs_careers.lint import lint_site, pay_transparency

ORGANIZATION = {
    "name": "Benchmark Labs",
    "url": "https://www.benchmark-labs.example/",
    "description": "Benchmark Labs builds forecasting software for retailers and logistics firms.",
}
SITE_URL = "https://careers.benchmark-labs.example/"

DEPARTMENTS = ["Data", "Machine Learning", "Platform", "Product", "Design", "Security", "Sales", "Finance",
               "Customer Success", "Research", "Infrastructure", "People"]
LEVELS = ["Senior", "Staff", "Principal", "Lead", "Head of", "Manager,"]
SPECIALTIES = ["Data Engineer", "ML Engineer", "Backend Engineer", "Product Manager", "Designer",
               "Security Engineer", "Account Executive", "Analyst", "Researcher", "SRE", "Recruiter",
               "Solutions Architect"]
# Every US and Canadian office has its state or province: pay laws there are per region.
CITIES = [("London", None, "GB", "GBP"), ("Berlin", None, "DE", "EUR"), ("New York", "NY", "US", "USD"),
          ("Toronto", "ON", "CA", "CAD"), ("Chicago", "IL", "US", "USD"), ("Amsterdam", None, "NL", "EUR"),
          ("Madrid", None, "ES", "EUR"), ("Austin", "TX", "US", "USD"), ("Dublin", None, "IE", "EUR"),
          ("Zurich", None, "CH", "CHF"), ("Vancouver", "BC", "CA", "CAD"), ("Denver", "CO", "US", "USD")]
SKILLS = ["Python", "SQL", "dbt", "Kubernetes", "Terraform", "Go", "TypeScript", "Spark", "Airflow",
          "PyTorch", "Snowflake", "BigQuery", "Figma", "Salesforce", "Rust", "Kafka"]
BENEFITS = ["28 days of paid vacation plus public holidays", "20 weeks of fully paid parental leave",
            "Learning budget of 2,500 a year plus 5 learning days", "Pension with a 5% employer match",
            "Private medical insurance for you and your family", "Monthly commuter benefit"]
# Role titles need a unique part without digits: the role-title rule reads 4-digit numbers as pay.
CODE_LETTERS = "bcdfghjklmnpqrstvwxz"
# The build date every benchmark build is pinned to (SOURCE_DATE_EPOCH 1795564800), for verify_project.
PINNED_BUILD_DATE = dt.date(2026, 11, 25)
# Salary ranges never wider than this, nor than the strictest range limit of any law (see _max_range_width).
DEFAULT_RANGE_WIDTH = 20_000
HIRING_STATEMENT = ("This posting is for an existing vacancy. We do not use artificial intelligence to screen, assess "
                    "or select applicants.\n")
WORDS = ("forecast inventory planner warehouse model pipeline latency customer experiment metric release "
         "roadmap team quarter accuracy decision platform retail region supplier demand schedule route "
         "incident dashboard review budget migration contract service").split()


@dataclass(frozen=True)
class Counts:
    roles: int
    people: int
    case_studies: int

    @classmethod
    def for_roles(cls, n: int) -> Counts:
        return cls(roles=n, people=max(1, n // 10), case_studies=max(1, n // 20))

    @property
    def pages(self) -> int:
        return self.roles + self.people + self.case_studies


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + f" by {rng.randint(5, 95)}%."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(9, 16)) for _ in range(sentences))


def body_text(rng: random.Random, paragraphs: int) -> str:
    """Markdown body: paragraphs with one subheading and a short list, like an editor's text."""
    parts = [_paragraph(rng, 4) for _ in range(paragraphs)]
    parts.insert(1, f"## How the {rng.choice(WORDS)} work is organised")
    parts.append("\n".join(f"- {_sentence(rng, 6)}" for _ in range(3)))
    return "\n\n".join(parts) + "\n"


def _summary(rng: random.Random) -> str:
    """One sentence of 50-150 characters (the summary-length rule allows 50-160)."""
    words = [rng.choice(WORDS) for _ in range(30)]
    text = ""
    for count in range(8, len(words)):
        candidate = " ".join(words[:count]).capitalize() + f" by {rng.randint(5, 95)}%."
        if len(candidate) > 150:
            break
        text = candidate
    return text


def role_code(i: int) -> str:
    """A pronounceable, digit-free name unique to role i (`Bac`, `Bad`, ...), so titles stay distinct."""
    letters = []
    while True:
        i, rest = divmod(i, len(CODE_LETTERS))
        letters.append(CODE_LETTERS[rest])
        if i == 0:
            break
    vowels = "aeiou"
    return "".join(c + vowels[(k + len(letters)) % 5] for k, c in enumerate(reversed(letters))).capitalize()


def _max_range_width() -> int:
    """The narrowest range limit in the pay-law data (any currency: the amounts are of the same order)."""
    limits = [law.range_limit.max_width for law in pay_transparency.load_laws() if law.range_limit]
    return int(min([DEFAULT_RANGE_WIDTH, *limits]))


def _answer(rng: random.Random) -> str:
    text = " ".join(_sentence(rng, 10) for _ in range(6))  # 6 x 13 words: inside the 40-120 word rule
    return text


def _write(path: Path, frontmatter: dict, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fm = yaml.safe_dump(frontmatter, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(f"---\n{fm}---\n{body}", encoding="utf-8")


def person_slug(i: int) -> str:
    return f"person-{i:05d}"


def case_study_slug(i: int) -> str:
    return f"case-study-{i:05d}"


def role_slug(i: int) -> str:
    return f"role-{i:05d}"


def _role(rng: random.Random, i: int, counts: Counts) -> tuple[dict, str]:
    department = DEPARTMENTS[i % len(DEPARTMENTS)]
    title = f"{rng.choice(LEVELS)} {rng.choice(SPECIALTIES)} {role_code(i)}"
    posted = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
    workplace = rng.choice(["onsite", "hybrid", "hybrid", "remote"])
    city, region, country, currency = rng.choice(CITIES)
    role: dict = {
        "title": title,
        "department": department,
        "employment_type": "full_time",
        "date_posted": posted,
        # One role in ten closed already (the build date is pinned to 2026-11-25), the rest open.
        "valid_through": posted + dt.timedelta(days=30 if i % 10 == 0 else 400),
        "workplace": workplace,
    }
    if workplace == "remote":
        role["remote_countries"] = sorted({country, rng.choice(CITIES)[2]})
    else:
        location = {"city": city, "country": country}
        if region:
            location["region"] = region
        role["locations"] = [location]
    low = rng.randrange(60_000, 180_000, 5_000)
    width = _max_range_width()
    role["salary"] = {"currency": currency, "min": low, "max": low + rng.randrange(width // 2, width + 1, 1_000),
                      "unit": "year"}
    role["hiring_manager"] = person_slug(i % counts.people)
    role["summary"] = _summary(rng)
    role["outcomes"] = {key: [_sentence(rng, 10) for _ in range(3)] for key in ("day_90", "day_180", "day_365")}
    role["must_haves"] = [_sentence(rng, 9) for _ in range(4)]
    role["nice_to_haves"] = [_sentence(rng, 8) for _ in range(2)]
    role["skills"] = rng.sample(SKILLS, 5)
    role["benefits"] = rng.sample(BENEFITS, 4)
    role["incentives"] = ["Milestone bonus of 5% of base salary when the 90-day outcomes are met"]
    role["faq"] = [{"question": f"How does the {title} work with the {rng.choice(WORDS)} team?",
                    "answer": _answer(rng)} for _ in range(2)]
    role["case_studies"] = sorted({case_study_slug(i % counts.case_studies),
                                   case_study_slug((i * 7 + 3) % counts.case_studies)})
    role["apply"] = {"url": f"https://jobs.benchmark-labs.example/apply/{role_slug(i)}", "direct": True}
    # Ontario requires every ad to say whether the vacancy exists and whether AI screens applicants.
    return role, body_text(rng, 4) + "\n" + HIRING_STATEMENT


def _person(rng: random.Random, i: int) -> tuple[dict, str]:
    return {
        "name": f"Person {i} {rng.choice(['Okafor', 'Weber', 'Moreau', 'Raman', 'Silva', 'Kowalski'])}",
        "job_title": f"Director of {DEPARTMENTS[i % len(DEPARTMENTS)]}",
        "since": dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 2500)),
        "summary": _summary(rng),
        "achievements": [_sentence(rng, 12) for _ in range(3)],
        "knows_about": rng.sample(SKILLS, 3),
        "same_as": [f"https://www.linkedin.com/in/{person_slug(i)}-example"],
    }, body_text(rng, 3)


def _case_study(rng: random.Random, i: int, counts: Counts) -> tuple[dict, str]:
    start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 500))
    return {
        "title": f"Case study {i}: {_sentence(rng, 6).rstrip('.')}",
        "leader": person_slug(i % counts.people),
        "date_published": start + dt.timedelta(days=200),
        "period": {"start": start, "end": start + dt.timedelta(days=120)},
        "metrics": [{"label": _sentence(rng, 5).rstrip("."), "before": rng.randint(40, 90),
                     "after": rng.randint(5, 35), "unit": "%"} for _ in range(3)],
        "stack": rng.sample(SKILLS, 4),
        "summary": _summary(rng),
        "topics": rng.sample(WORDS, 3),
    }, body_text(rng, 5)


def iter_content(n: int):
    """Yield (folder, slug, frontmatter, body) for every content file of a site with N roles.

    Each file has its own seed, so role 7 reads the same whatever N is (only its references differ).
    """
    counts = Counts.for_roles(n)
    for i in range(counts.people):
        yield ("people", person_slug(i), *_person(random.Random(f"person-{i}"), i))
    for i in range(counts.case_studies):
        yield ("case_studies", case_study_slug(i), *_case_study(random.Random(f"case-study-{i}"), i, counts))
    for i in range(counts.roles):
        yield ("roles", role_slug(i), *_role(random.Random(f"role-{i}"), i, counts))


HOME_PAGE = textwrap.dedent("""\
    # Careers at Benchmark Labs

    A synthetic careers site used to benchmark the build.
    """)


def _base_config() -> dict:
    """What the careers build and its bare twin share, so they differ only in what is measured."""
    return {"site_name": "Benchmark Labs Careers", "site_url": SITE_URL, "docs_dir": "content",
            "site_dir": "site", "theme": {"name": "material", "language": "en"}}


def _law_change_dates(build_date: dt.date) -> list[dt.date]:
    """The dates on which the set of pay laws in force (or enforced) changes, plus the build date and the end of
    time: which laws apply is the same between two of them, so checking these checks every build date."""
    dates = {build_date, dt.date.max}
    for law in pay_transparency.load_laws():
        dates.add(law.effective)
        if law.enforced_from is not None:
            dates.add(law.enforced_from)
        if law.superseded is not None:
            dates.add(law.superseded.on)
    return sorted(dates)


class GeneratedContentError(RuntimeError):
    """The generator wrote content the real loader or a lint rule objects to: fix the generator."""


def verify_project(root: Path, build_date: dt.date = PINNED_BUILD_DATE) -> None:
    """Load the written project with the real loader and every lint rule; any diagnostic is a generator bug.

    Lint runs at `build_date` (the benchmark's pinned date). Pay laws are also checked for every role,
    open or closed, on every date the law data changes (a law comes into force, starts being enforced or is
    superseded): every law in the data, including ones not yet in force, must be met, so the content stays
    valid whatever date a later build is pinned to.
    """
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    options = next(p["careers"] for p in config["plugins"] if isinstance(p, dict) and "careers" in p)
    settings = settings_from_config(options, site_url=config["site_url"], project_root=root,
                                    build_date=build_date)
    site = lint_site(load_site(settings))
    problems = [d.format() for d in site.diagnostics]
    dates = _law_change_dates(build_date)
    for entry in site.roles.values():
        found = {p.message for day in dates for p in pay_transparency.problems(
            entry.model, day, body=entry.body, headcount=settings.organization.headcount)}
        problems += [f"{entry.source.display_path}: {message}" for message in sorted(found)]
    if problems:
        shown = "\n".join(problems[:20])
        raise GeneratedContentError(f"{len(problems)} problems in the generated content:\n{shown}")


def write_careers_project(root: Path, n: int, *, verify: bool = True) -> Counts:
    """A careers-plugin project: mkdocs.yml, content/index.md and the three content folders.

    With `verify` (the default) the written project is checked by `verify_project` before it is used.
    """
    for folder, slug, frontmatter, body in iter_content(n):
        _write(root / folder / f"{slug}.md", frontmatter, body)
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "content" / "index.md").write_text(HOME_PAGE, encoding="utf-8")
    config = {
        **_base_config(),
        "nav": [{"Home": "index.md"}, {"Open roles": "roles/index.md"}, {"Leadership": "people/index.md"},
                {"Case studies": "case-studies/index.md"}],
        # Like for like with bare Material, which draws no social cards: PNG cards (a cold cache draws one per
        # page) are measured on their own, see bench/README.md.
        "plugins": ["search", {"careers": {"organization": ORGANIZATION, "social_cards": {"enabled": False}}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    if verify:
        verify_project(root)
    return Counts.for_roles(n)


# The careers plugin publishes case studies under case-studies/; the bare twin mirrors the URLs.
_BARE_FOLDER = {"roles": "roles", "people": "people", "case_studies": "case-studies"}


def _bullets(items: list) -> str:
    return "\n".join(f"- {item}" for item in items)


def _visible_markdown(folder: str, frontmatter: dict, body: str) -> str:
    """Roughly the text a careers page shows (facts, lists, FAQ, links), written as plain Markdown.

    Used for the 'same visible text' baseline: it separates what the plugin costs from what simply
    publishing more text costs (Markdown, theme, search index).
    """
    fm = frontmatter
    if folder == "roles":
        salary = fm["salary"]
        place = ", ".join(f"{loc['city']}, {loc['country']}" for loc in fm.get("locations", [])) or "Remote"
        faq = "\n\n".join(f"### {item['question']}\n\n{item['answer']}" for item in fm["faq"])
        outcomes = fm["outcomes"]
        return "\n\n".join([
            f"# {fm['title']}", f"[Apply for the {fm['title']} role]({fm['apply']['url']})",
            _bullets([f"Location: {place}", f"Workplace: {fm['workplace']}",
                      f"Salary: {salary['min']}-{salary['max']} {salary['currency']} per {salary['unit']}",
                      f"Employment type: {fm['employment_type']}", f"Apply by: {fm['valid_through']}",
                      f"Posted: {fm['date_posted']}", f"Department: {fm['department']}"]),
            fm["summary"], f"## {fm['title']} job at Benchmark Labs", body,
            f"## What the {fm['title']} owns in the first 90 days", _bullets(outcomes["day_90"]),
            f"## What the {fm['title']} delivers by day 180", _bullets(outcomes["day_180"]),
            f"## What success looks like for the {fm['title']} after one year", _bullets(outcomes["day_365"]),
            f"## What you need to be hired as {fm['title']}", _bullets(fm["must_haves"]),
            f"## What helps but is not required for the {fm['title']} role", _bullets(fm["nice_to_haves"]),
            f"## Skills and tools the {fm['title']} uses", _bullets(fm["skills"]),
            f"## {fm['title']} salary, benefits and bonuses", f"Salary: {salary['min']}-{salary['max']}.",
            "### Bonuses and equity", _bullets(fm["incentives"]), "### Benefits", _bullets(fm["benefits"]),
            f"[Apply for the {fm['title']} role]({fm['apply']['url']})",
            f"## Questions candidates ask about the {fm['title']} role", faq,
            f"## Who the {fm['title']} reports to", f"[{fm['hiring_manager']}](../people/{fm['hiring_manager']}.md)",
            f"## Work the {fm['department']} team has shipped",
            _bullets(f"[{slug}](../case-studies/{slug}.md)" for slug in fm["case_studies"]),
        ]) + "\n"
    if folder == "people":
        return "\n\n".join([
            f"# {fm['name']}", f"{fm['job_title']}, Benchmark Labs. Since {fm['since']}.", fm["summary"],
            f"## How {fm['name']} works", body, f"## What {fm['name']} has achieved",
            _bullets(fm["achievements"]), f"## Topics {fm['name']} knows best", _bullets(fm["knows_about"]),
            f"## Where to find {fm['name']} online", _bullets(fm["same_as"]),
        ]) + "\n"
    metrics = _bullets(f"{m['label']}: before {m['before']}{m['unit']}, after {m['after']}{m['unit']}"
                       for m in fm["metrics"])
    return "\n\n".join([
        f"# {fm['title']}", _bullets([f"Led by: {fm['leader']}", f"When: {fm['period']['start']}",
                                      f"Published: {fm['date_published']}", f"Stack: {', '.join(fm['stack'])}"]),
        fm["summary"], "## Results in numbers", metrics, "## How the team did it", body,
        "## What this case study is about", _bullets(fm["topics"]),
    ]) + "\n"


def write_bare_project(root: Path, n: int, *, same_visible_text: bool = False) -> Counts:
    """The same pages as plain Markdown for bare mkdocs-material.

    By default each page is the title heading plus the same body text as the careers file. With
    `same_visible_text`, each page also carries the text the careers page shows from its frontmatter.
    """
    docs = root / "content"
    first_pages: list[dict[str, str]] = []
    for folder, slug, frontmatter, body in iter_content(n):
        title = frontmatter.get("title") or frontmatter["name"]
        relative = f"{_BARE_FOLDER[folder]}/{slug}.md"
        (docs / _BARE_FOLDER[folder]).mkdir(parents=True, exist_ok=True)
        text = _visible_markdown(folder, frontmatter, body) if same_visible_text else f"# {title}\n\n{body}"
        (docs / relative).write_text(text, encoding="utf-8")
        if len(first_pages) < 3 and folder == "roles":
            first_pages.append({title: relative})
    (docs / "index.md").write_text(HOME_PAGE, encoding="utf-8")
    config = {
        **_base_config(),
        # An explicit nav with a few pages and not_in_nav for the rest: like the careers build, pages stay out
        # of the site-wide nav, and MkDocs does not log every page that is missing from it.
        "nav": [{"Home": "index.md"}, *first_pages],
        "not_in_nav": "/roles/\n/people/\n/case-studies/\n",
        "plugins": ["search"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return Counts.for_roles(n)
