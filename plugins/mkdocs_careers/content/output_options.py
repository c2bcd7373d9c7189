"""Settings of the machine-readable outputs (llms.txt, robots.txt, sitemap, feeds, social meta).

Declared once as pydantic models: the plugin validates the `mkdocs.yml` options through them and the
README documents them from here.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

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
    content_signal: str | None = Field(
        "search=yes, ai-input=yes, ai-train=no",
        description="Content-Signal line for all user agents (contentsignals.org); null to omit")
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


class ManifestOptions(_Options):
    enabled: bool = Field(True, description="Write careers-manifest.json (URL, kind, open, hash, lastmod per page), "
                                            "which `careers notify` compares between deploys")


class IndeedFeedOptions(_Options):
    enabled: bool = Field(True, description="Write /roles/indeed.xml, Indeed's XML job feed of the open roles")


class LinkedInFeedOptions(_Options):
    enabled: bool = Field(True, description="Write /roles/linkedin.xml, LinkedIn's job XML feed of the open roles")
    company_id: str | None = Field(None, description="The organization's LinkedIn company ID (the number in the "
                                                     "admin URL of its LinkedIn page)")


class IndexNowOptions(_Options):
    key: str | None = Field(None, pattern=r"^[A-Za-z0-9-]{8,128}$",
                            description="IndexNow key (8-128 letters, digits, hyphens); null reads the "
                                        f"{INDEXNOW_KEY_ENV} environment variable. No key: no key file, nothing sent")
    endpoint: str = Field("https://api.indexnow.org/indexnow", description="IndexNow endpoint to POST to")

    def resolved_key(self, environ: Mapping[str, str]) -> str | None:
        """The key from mkdocs.yml, else from the environment secret; None when neither is set."""
        return self.key or (environ.get(INDEXNOW_KEY_ENV) or "").strip() or None


class GoogleIndexingOptions(_Options):
    daily_quota: int = Field(200, ge=1, description="Publish requests allowed per day (Google's default: 200)")
    endpoint: str = Field("https://indexing.googleapis.com", description="Indexing API root URL")


# The plugin options (one nested mapping each in mkdocs.yml) that configure the outputs.
OUTPUT_OPTIONS = ("robots", "llms_txt", "feeds", "sitemap", "social",
                  "manifest", "indeed_feed", "linkedin_feed", "indexnow", "google_indexing")


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
