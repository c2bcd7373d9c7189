"""Content rules beyond types: each has an id, a one-line rationale, a severity and a check.

Rules read the validated graph and yield findings; they never render anything. A rule can be
disabled site-wide (plugin config `disabled_rules`) or per file (frontmatter `lint_disable`).
"""

from __future__ import annotations

import difflib
import functools
import re
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from markdown_it import MarkdownIt

from ..content.diagnostics import Diagnostic, Severity
from ..content.loading import FieldPath, format_field_path
from ..content.models import CaseStudy, Person, Role, Workplace
from . import pay_transparency
from .pay_transparency import PayProblem

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry

FAQ_MIN_WORDS = 40
FAQ_MAX_WORDS = 120
# Search results show roughly 155-160 characters of a meta description; shorter than 50 wastes the space.
SUMMARY_MIN_CHARS = 50
SUMMARY_MAX_CHARS = 160


@dataclass(frozen=True)
class Finding:
    field: FieldPath
    message: str
    hint: str = ""
    line: int | None = None  # for findings in the Markdown body; frontmatter findings use the field's line


@dataclass(frozen=True)
class Rule:
    id: str
    rationale: str
    severity: Severity
    kinds: tuple[str, ...]
    check: Callable[[Entry[Any], CareersSite], Iterator[Finding]]


RULES: list[Rule] = []

CheckT = TypeVar("CheckT", bound=Callable[..., Iterator[Finding]])


def rule(rule_id: str, rationale: str, severity: Severity, *kinds: str) -> Callable[[CheckT], CheckT]:
    def register(func: CheckT) -> CheckT:
        RULES.append(Rule(rule_id, rationale, severity, kinds, func))
        return func

    return register


def word_count(text: str) -> int:
    return len(re.findall(r"\S+", text))


@rule("role-workplace", "Google needs an address or the remote countries to show a job to the right people.",
      Severity.ERROR, "role")
def _role_workplace(entry: Entry[Role], site: CareersSite) -> Iterator[Finding]:
    role: Role = entry.model
    if role.workplace is Workplace.REMOTE and not role.remote_countries:
        yield Finding(("workplace",), "remote_countries is required when workplace is remote",
                      "list the countries a hire may live in, e.g. remote_countries: [US, CA]")
    if role.workplace is not Workplace.REMOTE and not role.locations:
        yield Finding(("workplace",), f"locations is required when workplace is {role.workplace.value}",
                      "add at least one office under locations: with city and country")
    if role.workplace is not Workplace.REMOTE and role.remote_countries:
        yield Finding(("remote_countries",), f"remote_countries only applies to remote roles, not "
                      f"{role.workplace.value}", "remove remote_countries or set workplace: remote")
    offices = {location.city for location in role.locations}
    for index, pay_range in enumerate(role.pay_ranges):
        if pay_range.city is not None and pay_range.city not in offices:
            yield Finding(("pay_ranges", index, "city"), f"'{pay_range.city}' is not the city of one of the role's "
                          "locations", "name the city exactly as under locations:, or remove city")


@rule("role-dates", "A closing date before the posting date would publish an already-expired job.",
      Severity.ERROR, "role")
def _role_dates(entry: Entry[Role], site: CareersSite) -> Iterator[Finding]:
    role: Role = entry.model
    if role.valid_through is not None and role.valid_through < role.date_posted:
        yield Finding(("valid_through",), f"valid_through ({role.valid_through}) is before date_posted "
                      f"({role.date_posted})", "set valid_through on or after date_posted")
    if role.updated is not None and role.updated < role.date_posted:
        yield Finding(("updated",), f"updated ({role.updated}) is before date_posted ({role.date_posted})",
                      "set updated on or after date_posted")


@rule("faq-answer-length", f"Answers of {FAQ_MIN_WORDS}-{FAQ_MAX_WORDS} words are long enough to be useful "
      "and short enough for assistants to quote whole.", Severity.ERROR, "role")
def _faq_answer_length(entry: Entry[Role], site: CareersSite) -> Iterator[Finding]:
    for index, item in enumerate(entry.model.faq):
        words = word_count(item.answer)
        if not FAQ_MIN_WORDS <= words <= FAQ_MAX_WORDS:
            direction = "expand" if words < FAQ_MIN_WORDS else "shorten"
            yield Finding(("faq", index, "answer"), f"answer has {words} word{'s' * (words != 1)}; it must have "
                          f"{FAQ_MIN_WORDS}-{FAQ_MAX_WORDS}", f"{direction} the answer to {FAQ_MIN_WORDS}-"
                          f"{FAQ_MAX_WORDS} words")


@rule("pay-transparency", "Job ads for roles in (or remote-open to) a pay-transparency jurisdiction must state pay, "
      "or the employer breaks that law.", Severity.ERROR, "role")
def _pay_transparency(entry: Entry[Role], site: CareersSite) -> Iterator[Finding]:
    yield from _pay_findings(entry, site, "error")


@rule("pay-transparency-advisory", "Where a pay law lets pay wait until the interview, or is not enforced yet, "
      "stating pay in the ad is the simple way to comply.", Severity.WARNING, "role")
def _pay_transparency_advisory(entry: Entry[Role], site: CareersSite) -> Iterator[Finding]:
    yield from _pay_findings(entry, site, "warning")


@rule("location-region", "State and provincial pay laws apply by region: a US or Canadian office must be placed in "
      "one, or a law could be missed.", Severity.ERROR, "role")
def _location_region(entry: Entry[Role], site: CareersSite) -> Iterator[Finding]:
    for problem in pay_transparency.location_problems(entry.model):
        yield Finding(problem.field, problem.message, problem.hint)


def _pay_findings(entry: Entry[Role], site: CareersSite, severity: str) -> Iterator[Finding]:
    role: Role = entry.model
    if not site.role_status(role).is_open:
        return  # a closed role is no longer advertised
    for problem in _pay_problems(entry, site):
        if problem.severity == severity:
            line = entry.source.body_line if problem.field == ("body",) else None
            yield Finding(problem.field, problem.message, problem.hint, line=line)


# What the two pay rules worked out for each role model, by the model's identity while it lives: the error and
# the advisory rule read the laws once per role, and the preview's next lint reuses the answer for every file
# it did not re-parse (the content cache keeps their models). `forget_file_results` empties it.
_pay_memo: dict[int, tuple[weakref.ref[Role], tuple[Any, ...], list[PayProblem]]] = {}


def _pay_problems(entry: Entry[Role], site: CareersSite) -> list[PayProblem]:
    model = entry.model
    inputs = (site.build_date, entry.body, site.settings.organization.headcount)
    kept = _pay_memo.get(id(model))
    if kept is not None and kept[0]() is model and kept[1] == inputs:
        return kept[2]
    found = pay_transparency.problems(model, site.build_date, body=entry.body,
                                      headcount=site.settings.organization.headcount)
    key = id(model)

    def forget(_: weakref.ref[Role]) -> None:  # the model is gone: its id may be reused
        _pay_memo.pop(key, None)

    _pay_memo[key] = (weakref.ref(model, forget), inputs, found)
    return found


def forget_file_results() -> None:
    """Drop what the rules keep per file for the next lint (pay-law problems, body headings)."""
    _pay_memo.clear()
    body_headings.cache_clear()


@rule("outcome-measurable", "Outcomes with a number, percentage or date tell candidates and assistants what "
      "success means; vague ones are ignored.", Severity.WARNING, "role")
def _outcome_measurable(entry: Entry[Role], site: CareersSite) -> Iterator[Finding]:
    outcomes = entry.model.outcomes
    for period in ("day_90", "day_180", "day_365"):
        for index, text in enumerate(getattr(outcomes, period)):
            if not has_measure(text):
                yield Finding(("outcomes", period, index), f"'{_short(text)}' has no number, percentage or date",
                              "say how success is measured, e.g. 'Cut release time from 4 days to 2 days'")


@rule("role-title", "Search engines reject job titles stuffed with places, pay or the company name; the title "
      "names the job only.", Severity.WARNING, "role")
def _role_title(entry: Entry[Role], site: CareersSite) -> Iterator[Finding]:
    role: Role = entry.model
    title = role.title.casefold()
    extras = [loc.city for loc in role.locations] + [site.settings.organization.name, "remote", "hybrid", "on-site"]
    found = [word for word in extras if re.search(rf"\b{re.escape(word.casefold())}\b", title)]
    if re.search(r"[$€£¥]|\d{2,}\s*k\b|\d{4,}", role.title):
        found.append("pay")
    if found:
        yield Finding(("title",), f"the title contains {', '.join(repr(w) for w in found)}",
                      "keep only the job's name, e.g. 'Data Platform Lead'; location, pay and workplace have "
                      "their own fields")


@rule("case-study-evidence", "Assistants cite case studies that show a measured before/after change, when it "
      "happened and with what stack.", Severity.ERROR, "case_study")
def _case_study_evidence(entry: Entry[CaseStudy], site: CareersSite) -> Iterator[Finding]:
    study: CaseStudy = entry.model
    if all(metric.before == metric.after for metric in study.metrics):
        yield Finding(("metrics",), "no metric changed between before and after",
                      "add at least one metric whose before and after values differ")
    if study.period.end is None:
        yield Finding(("period",), "the period has no end date, so the results have no date range",
                      "add period.end: the date the measured results refer to, YYYY-MM-DD")


@rule("person-achievement-numbers", "Achievements with numbers are evidence that search engines and assistants "
      "can quote; adjectives are not.", Severity.WARNING, "person")
def _person_achievement_numbers(entry: Entry[Person], site: CareersSite) -> Iterator[Finding]:
    for index, text in enumerate(entry.model.achievements):
        if not has_measure(text):
            yield Finding(("achievements", index), f"'{_short(text)}' has no number, percentage or date",
                          "say how much, how many or by when, e.g. 'Grew the team from 4 to 12 engineers in 2025'")


@rule("person-same-as", "Profile links (same_as) let search engines tie the bio to the real person, which "
      "makes it credible.", Severity.ERROR, "person")
def _person_same_as(entry: Entry[Person], site: CareersSite) -> Iterator[Finding]:
    if not entry.model.same_as:
        yield Finding(("same_as",), "no profile link", "add same_as: with at least one profile URL, e.g. "
                                                      "https://www.linkedin.com/in/...")


@rule("generic-heading", "Headings that read like a candidate's question tell search engines and assistants what "
      "each section answers.", Severity.WARNING, "role", "person", "case_study")
def _generic_heading(entry: Entry[Role] | Entry[Person] | Entry[CaseStudy],
                     site: CareersSite) -> Iterator[Finding]:
    ats = getattr(entry.model, "ats", None)
    # A body the ATS still owns is not the editor's to fix here: `careers import` reports its headings instead.
    for line, text in body_headings(entry.body) if ats is None or not ats.wrote(entry.body) else ():
        reason = generic_heading_reason(text)
        if reason:
            yield Finding(("body",), f"heading '{text}' {reason}", _HEADING_HINT, line=entry.source.body_line + line)
    intents = getattr(entry.model, "search_intents", None)
    for name, text in (intents.model_dump() if intents is not None else {}).items():
        reason = generic_heading_reason(text) if text else None
        if reason:
            yield Finding(("search_intents", name), f"heading '{text}' {reason}", _HEADING_HINT)


@rule("summary-length", f"A summary of {SUMMARY_MIN_CHARS}-{SUMMARY_MAX_CHARS} characters fills a search result's "
      "description without being cut off.", Severity.WARNING, "role", "person", "case_study")
def _summary_length(entry: Entry[Role] | Entry[Person] | Entry[CaseStudy],
                    site: CareersSite) -> Iterator[Finding]:
    length = len(entry.model.summary.strip())
    if length > SUMMARY_MAX_CHARS:
        yield Finding(("summary",), f"summary has {length} characters; search results cut it after about "
                      f"{SUMMARY_MAX_CHARS}", f"shorten it to at most {SUMMARY_MAX_CHARS} characters")
    elif length < SUMMARY_MIN_CHARS:
        yield Finding(("summary",), f"summary has {length} characters; it should have at least {SUMMARY_MIN_CHARS}",
                      "say in one or two sentences what the page offers, with a concrete fact")


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred "
    "thousand million billion half double doubled twice triple tripled dozen first second third "
    "january february march april may june july august september october november december".split())
_HEADING_HINT = "write it as the question the section answers, e.g. 'How we cut model rollbacks by 60% in 2025'"
GENERIC_HEADINGS = frozenset({
    "about", "about us", "about the role", "about the job", "about the team", "about you", "overview",
    "introduction", "intro", "summary", "background", "context", "details", "description", "job description",
    "role description", "responsibilities", "key responsibilities", "requirements", "qualifications", "skills",
    "experience", "benefits", "perks", "compensation", "salary", "what you'll do", "what you will do",
    "what we offer", "who you are", "who we are", "why join us", "the role", "the team", "team", "our team",
    "challenge", "the challenge", "problem", "the problem", "solution", "the solution", "approach", "our approach",
    "results", "the results", "outcome", "outcomes", "impact", "conclusion", "next steps", "faq", "faqs", "bio",
    "biography", "career", "education", "notes", "other", "more", "information", "nice to have", "nice to haves",
    "must haves", "tech stack", "stack", "timeline", "lessons learned", "key takeaways", "takeaways",
})
# Only block structure is needed (heading text is the raw inline source): skipping inline parsing halves the cost.
_markdown = MarkdownIt("commonmark").disable("inline")


def has_measure(text: str) -> bool:
    """A digit (numbers, %, dates, Q3) or a number or month word counts as measurable."""
    return bool(re.search(r"\d", text)) or any(w in _NUMBER_WORDS for w in re.findall(r"[a-z]+", text.casefold()))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# Bodies are parsed on every load; the preview reloads the whole site after each edit, so the headings of a
# body are kept (bodies are immutable strings, hashed once; parsing all of them was most of a reload).
@functools.lru_cache(maxsize=65536)
def body_headings(body: str) -> tuple[tuple[int, str], ...]:
    """(0-based line within the body, text) of every Markdown heading, found by a real CommonMark parser."""
    tokens = _markdown.parse(body)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None and index + 1 < len(tokens):
            found.append((token.map[0], tokens[index + 1].content.strip()))
    return tuple(found)


def generic_heading_reason(text: str) -> str | None:
    normal = re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip(" :?.!#").casefold()
    if normal in GENERIC_HEADINGS:
        return "is generic"
    if len(normal.split()) < 3:
        return "is too short to say what the section answers"
    return None


def run_rules(site: CareersSite, entries: list[Entry[Any]] | None = None) -> list[Diagnostic]:
    """Findings of every enabled rule on `entries` (default: every published entry of the site, and the
    validated fields of files with errors, `site.unvalidated`)."""
    results: list[Diagnostic] = []
    for entry in site.entries() if entries is None else entries:
        results += _rule_findings(entry, site)
        for problem in unknown_rule_problems(getattr(entry.model, "lint_disable", ())):
            results.append(Diagnostic(entry.source.display_path, entry.source.line_of(("lint_disable",)),
                                      "lint_disable", problem, "use an id listed by `careers rules`",
                                      Severity.ERROR, "lint-disable"))
    for entry in site.unvalidated if entries is None else ():
        results += _rule_findings(entry, site, partial=True)
    return results


def _rule_findings(entry: Entry[Any], site: CareersSite, *, partial: bool = False) -> list[Diagnostic]:
    """One file's findings. On a partial model (content/validation.py `partial_model`) a rule that reads a
    field with an error of its own raises AttributeError and is skipped: that field is reported already."""
    disabled = set(site.settings.disabled_rules) | set(getattr(entry.model, "lint_disable", ()) or ())
    results: list[Diagnostic] = []
    for current in RULES:
        if entry.kind.name not in current.kinds or current.id in disabled:
            continue
        try:
            findings = list(current.check(entry, site))
        except (AttributeError, KeyError, TypeError):
            if not partial:
                raise
            continue
        for finding in findings:
            line = finding.line if finding.line is not None else entry.source.line_of(finding.field)
            results.append(Diagnostic(entry.source.display_path, line, format_field_path(finding.field),
                                      finding.message, finding.hint, current.severity, current.id))
    return results


def rule_ids() -> list[str]:
    return [current.id for current in RULES]


def unknown_rule_problems(ids: object) -> list[str]:
    """A typo in a rule id would silently switch nothing off; name it instead, with a suggestion."""
    known = rule_ids()
    problems = []
    for rule_id in ids or ():  # type: ignore[attr-defined]
        if rule_id in known:
            continue
        close = difflib.get_close_matches(str(rule_id), known, n=1, cutoff=0.6)
        suggestion = f"did you mean '{close[0]}'?" if close else "`careers rules` lists the rule ids"
        problems.append(f"'{rule_id}' is not a lint rule id ({suggestion})")
    return problems


@dataclass(frozen=True)
class BuiltInCheck:
    """Checks that always run and cannot be switched off: without them the site cannot be built."""

    id: str
    rationale: str
    severity: Severity = Severity.ERROR


BUILT_IN_CHECKS = (
    BuiltInCheck("syntax", "The file must be UTF-8 Markdown with valid YAML frontmatter between two '---' lines."),
    BuiltInCheck("schema", "Every field must have the right name, type and format, so no fact is silently lost."),
    BuiltInCheck("reference", "A slug must name an existing person or case study, so no link is broken."),
    BuiltInCheck("slug", "File names are page addresses: lowercase letters, digits and hyphens, unique per folder."),
    BuiltInCheck("placeholder", "Values left as `<<fill in>>` by `careers new` must never be published."),
    BuiltInCheck("lint-disable", "lint_disable must name real rule ids, or nothing is switched off."),
    BuiltInCheck("stray-file", "Only .md files in content folders are published; anything else is ignored.",
                 Severity.WARNING),
    BuiltInCheck("confinement", "No file, folder or link may lead outside the repository, or the build would "
                                "publish it."),
    BuiltInCheck("image", "A local image must be an image file inside docs_dir, or pages show a broken photo."),
    BuiltInCheck("html-comment", "An HTML comment '<!--' that is never closed hides the rest of a page's body."),
    BuiltInCheck("generated-output", "A docs_dir file may not take the place of a page, feed, sitemap or other "
                                     "file the build generates."),
    BuiltInCheck("active-file", "docs_dir files that run script or configure the web host (.html, .js, SVG with "
                                "script, _redirects) are only published when mkdocs.yml allows them by name."),
    BuiltInCheck("free-page", "Frontmatter the theme prints or acts on (status, icon, template, location, hide, "
                              "...) must be a value the theme expects."),
    BuiltInCheck("limits", "Per-file size and YAML alias limits keep a hostile file from exhausting the build."),
)
