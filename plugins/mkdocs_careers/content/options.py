"""The `careers` plugin options, declared once as pydantic models: the schema, the defaults and the validation.

MkDocs validates `mkdocs.yml` through these models (`mkdocs/config.py` wraps each in a config option type),
`careers check` reads the same options, and the README documents them from here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from .appearance_options import AppearanceSettings, BrandOptions, FooterOptions, HomeOptions, SocialCardOptions
from .models import ContentModel, InterviewLoop, Organization, SalaryUnit, Scorecard, TakeHome, Text
from .safety import ACTIVE_FILES_HELP, CLASSES_HELP, PAGE_TEMPLATES_HELP, ContentLimits

# Search engines and fetchers acting for a user who asked a question: always welcome on a careers site.
SEARCH_AND_USER_AGENTS = (
    "Googlebot", "Bingbot", "OAI-SearchBot", "ChatGPT-User", "Claude-SearchBot", "Claude-User",
    "PerplexityBot", "Perplexity-User", "Applebot",
)
# Crawlers that collect training data: each one is allowed or denied explicitly by the policy.
TRAINING_AGENTS = (
    "GPTBot", "ClaudeBot", "Google-Extended", "Applebot-Extended", "CCBot", "meta-externalagent",
    "Bytespider", "Amazonbot",
)


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RobotsPolicy(_Options):
    enabled: bool = True
    allow_training: dict[str, bool] = Field(
        default_factory=lambda: dict.fromkeys(TRAINING_AGENTS, False),
        description="Training crawler → true (allow) / false (deny). Unlisted training crawlers are denied.")
    # Opt-in: Content-Signal is a draft directive that robots.txt validators (Google's parser, Lighthouse's
    # robots-txt audit) report as unknown, which costs the site its SEO score.
    content_signal: str | None = Field(
        None, description="Content-Signal line for all user agents (contentsignals.org), e.g. "
                          "'search=yes, ai-input=yes, ai-train=no'; omitted when null (the default)")
    disallow: list[str] = Field(default_factory=list, description="Extra paths disallowed for every agent")


class LlmsTxtOptions(_Options):
    enabled: bool = True
    summary: str | None = Field(None, description="Blockquote summary; defaults to the organization description")
    full: bool = Field(True, description="Also write llms-full.txt with every open role's Markdown")
    markdown_copies: bool = Field(True, description="Write a Markdown copy of each page at its URL + index.md")


class FeedOptions(_Options):
    enabled: bool = True
    title: str | None = Field(None, description="Feed title; defaults to 'Open roles at <organization>'")


class SitemapOptions(_Options):
    enabled: bool = True


class SocialOptions(_Options):
    enabled: bool = True
    image: str | None = Field(None, description="Default og:image: a path inside docs_dir or a full URL")
    twitter_site: str | None = Field(None, description="The organization's X/Twitter handle, e.g. @example")


# --- Build manifest, job-board feeds and search-engine notifications (`careers notify`) ----------------------
INDEXNOW_KEY_ENV = "INDEXNOW_KEY"
INDEXNOW_KEY_PATTERN = r"^[A-Za-z0-9-]{8,128}$"  # the protocol's key format; the key file is named after it


class ManifestOptions(_Options):
    enabled: bool = Field(True, description="Write careers-manifest.json (URL, kind, open, hash, lastmod per page), "
                                            "which `careers notify` compares between deploys")


class IndeedFeedOptions(_Options):
    enabled: bool = Field(True, description="Write /roles/indeed.xml, Indeed's XML job feed of the open roles")


class LinkedInFeedOptions(_Options):
    enabled: bool = Field(True, description="Write /roles/linkedin.xml, LinkedIn's job XML feed of the open roles")
    company_id: str | None = Field(None, pattern=r"^[0-9]{1,20}$",
                                   description="The organization's LinkedIn company ID (the number in the admin URL "
                                               "of its LinkedIn page); LinkedIn requires it for feeds from an ATS")
    poster_email: str | None = Field(None, pattern=r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$",
                                     description="The e-mail of the job poster LinkedIn attaches the jobs to "
                                                 "(mandatory in LinkedIn's feed guide), e.g. jobs@example.com")


class IndexNowOptions(_Options):
    key: str | None = Field(None, pattern=INDEXNOW_KEY_PATTERN,
                            description="IndexNow key (8-128 letters, digits, hyphens); null reads the "
                                        f"{INDEXNOW_KEY_ENV} environment variable. No key: no key file, nothing sent")
    endpoint: str = Field("https://api.indexnow.org/indexnow", description="IndexNow endpoint to POST to")

    def resolved_key(self, environ: Mapping[str, str]) -> str | None:
        """The key from mkdocs.yml, else from the environment secret; None when neither is set. A secret that is
        not a key is a `ValueError` (its value is not repeated: it may be a secret pasted by mistake)."""
        if self.key:
            return self.key
        value = (environ.get(INDEXNOW_KEY_ENV) or "").strip()
        if value and not re.fullmatch(INDEXNOW_KEY_PATTERN, value):
            raise ValueError(f"the {INDEXNOW_KEY_ENV} environment variable is not an IndexNow key: a key is 8 to 128 "
                             f"letters, digits or hyphens (a-z, A-Z, 0-9, -); this value ({len(value)} characters) "
                             "is not. Set a new key, e.g. a UUID without braces")
        return value or None


class GoogleIndexingOptions(_Options):
    daily_quota: int = Field(200, ge=1, description="Publish requests allowed per day (Google's default: 200)")
    endpoint: str = Field("https://indexing.googleapis.com", description="Indexing API root URL")


class AuditOptions(_Options):
    """Thresholds of `careers audit` (fact recall after extraction, top-1 answerability); flags override them."""

    min_fact_recall: float = Field(1.0, ge=0, le=1, description="Share of frontmatter facts that must survive "
                                                                 "trafilatura and the .md copy (0 to 1)")
    min_answerability: float = Field(0.85, ge=0, le=1, description="Share of the question bank whose top-1 BM25 "
                                                                    "passage is on the right page and holds the "
                                                                    "answer (0 to 1)")


class OutputSettings(_Options):
    robots: RobotsPolicy = Field(default_factory=RobotsPolicy)
    llms_txt: LlmsTxtOptions = Field(default_factory=LlmsTxtOptions)
    feeds: FeedOptions = Field(default_factory=FeedOptions)
    sitemap: SitemapOptions = Field(default_factory=SitemapOptions)
    social: SocialOptions = Field(default_factory=SocialOptions)
    manifest: ManifestOptions = Field(default_factory=ManifestOptions)
    indeed_feed: IndeedFeedOptions = Field(default_factory=IndeedFeedOptions)
    linkedin_feed: LinkedInFeedOptions = Field(default_factory=LinkedInFeedOptions)
    indexnow: IndexNowOptions = Field(default_factory=IndexNowOptions)
    google_indexing: GoogleIndexingOptions = Field(default_factory=GoogleIndexingOptions)


class HiringDefaults(ContentModel):
    """The plugin's `hiring:` option: what every role shows unless its frontmatter says otherwise.

    A role's `hiring_process`, `equity` and `career_ladder` replace the matching default part as a whole
    (no deep merge, so what an editor sees is what is published).
    """

    take_home: TakeHome | None = Field(None, description="Default take-home: summary, hours (2-4), assessed")
    interview_loop: InterviewLoop | None = Field(None, description="Default three-panel loop: panel, who, focus")
    scorecard: Scorecard | None = Field(None, description="Default 5-item scorecard: criterion, evidence")
    equity: Text | None = Field(None, description="Default equity text, e.g. the option plan and vesting")


class AtsOptions(_Options):
    """Defaults of `careers import`: which applicant tracking system's public board the roles come from."""

    provider: str | None = Field(None, description="greenhouse, lever or ashby")
    board: str | None = Field(None, description="The board's name (token) on that ATS")
    base_url: str | None = Field(None, description="The ATS API's base URL, for mirrors and EU instances")
    pay_unit: SalaryUnit = Field(SalaryUnit.YEAR, description="What a pay range pays for when the ATS does not say "
                                                              "(Greenhouse ranges carry no unit and their title "
                                                              "names none): hour, day, week, month or year")


class CareersOptions(OutputSettings):
    """Every option of the `careers` plugin in mkdocs.yml, with its default (the outputs' options are inherited
    from `OutputSettings`: they sit at the top level of the plugin's options)."""

    enabled: bool = Field(True, description="false turns the plugin off (the site builds as plain Material)")
    organization: Organization = Field(description="The employer: name, url, logo, description, same_as, headcount")
    roles_dir: str = Field("roles", description="Folder of the role files, relative to mkdocs.yml")
    people_dir: str = Field("people", description="Folder of the people files, relative to mkdocs.yml")
    case_studies_dir: str = Field("case_studies", description="Folder of the case-study files")
    build_date: dt.date | None = Field(None, description="The date that decides which roles are open (YYYY-MM-DD); "
                                                          "default: SOURCE_DATE_EPOCH, then today")
    disabled_rules: list[str] = Field(default_factory=list, description="Lint rule ids switched off site-wide")
    atomic: bool = Field(True, description="Build into a staging folder and swap it into site/ on success")
    hiring: HiringDefaults = Field(default_factory=HiringDefaults)
    audit: AuditOptions = Field(default_factory=AuditOptions)
    ats: AtsOptions = Field(default_factory=AtsOptions)
    # Building untrusted pull requests (safety.py, README "Building untrusted pull requests").
    allow_symlinks: bool = Field(False, description="Follow symbolic links that stay inside the project; links "
                                                    "leading outside are always refused")
    allow_raw_html: bool = Field(False, description="Publish raw HTML in Markdown bodies unsanitised (trusted "
                                                    "sites only)")
    limits: ContentLimits = Field(default_factory=ContentLimits,
                                  description="Per-file limits: max_file_kb, max_yaml_values")
    allow_active_files: list[str] = Field(default_factory=list, description=ACTIVE_FILES_HELP)
    allow_page_templates: list[str] = Field(default_factory=list, description=PAGE_TEMPLATES_HELP)
    allow_classes: list[str] = Field(default_factory=list, description=CLASSES_HELP)
    # The careers-site look (appearance_options.py): home page, brand theming, footer, PNG social cards.
    home: HomeOptions = Field(default_factory=HomeOptions)
    brand: BrandOptions = Field(default_factory=BrandOptions)
    footer: FooterOptions = Field(default_factory=FooterOptions)
    social_cards: SocialCardOptions = Field(default_factory=SocialCardOptions)

    @property
    def appearance(self) -> AppearanceSettings:
        return AppearanceSettings(home=self.home, brand=self.brand, footer=self.footer, social_cards=self.social_cards)

    @property
    def outputs(self) -> OutputSettings:
        return OutputSettings(**{name: getattr(self, name) for name in OutputSettings.model_fields})
