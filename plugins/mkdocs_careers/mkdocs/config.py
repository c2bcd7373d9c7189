"""The plugin's MkDocs config schema, derived from the core's pydantic option models (declared once there).

Each option is a `PydanticOption`: MkDocs validates the value from mkdocs.yml with the matching field of
`CareersOptions`, so errors name the option path (`careers.robots.allow_training: ...`), defaults come from
the model, and `!ENV` tags and MkDocs' own checks keep working. Material defines its plugins' option types
the same way.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any, Generic, TypeVar

from mkdocs.config import base
from pydantic import TypeAdapter, ValidationError

from ..content.appearance_options import BrandOptions, FooterOptions, HomeOptions, SocialCardOptions
from ..content.models import Organization
from ..content.options import (
    AtsOptions,
    AuditOptions,
    CareersOptions,
    FeedOptions,
    GoogleIndexingOptions,
    HiringDefaults,
    IndeedFeedOptions,
    IndexNowOptions,
    LinkedInFeedOptions,
    LlmsTxtOptions,
    ManifestOptions,
    RobotsPolicy,
    SitemapOptions,
    SocialOptions,
)
from ..content.safety import ContentLimits
from ..content.validation import config_problems

T = TypeVar("T")


class PydanticOption(base.BaseConfigOption[T], Generic[T]):
    """A config option validated and defaulted by the field `name` of `CareersOptions`."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        info = CareersOptions.model_fields[name]
        assert info.annotation is not None  # every CareersOptions field is annotated
        self.adapter: TypeAdapter[T] = TypeAdapter(info.annotation)
        # Not `required`: class-based MkDocs configs set that on every option.
        self.model_requires_value = info.is_required()
        if not self.model_requires_value:
            self.default = info.get_default(call_default_factory=True)

    @property
    def default(self) -> Any:
        return copy.deepcopy(self._default)  # pydantic models have no list-like .copy() MkDocs could call

    @default.setter
    def default(self, value: Any) -> None:
        self._default = value

    def run_validation(self, value: object) -> T:
        if value is None:
            if self.model_requires_value:
                raise base.ValidationError("required option is missing")
            return self.default  # type: ignore[no-any-return]
        try:
            return self.adapter.validate_python(value)
        except ValidationError as exc:
            problems = config_problems(exc, CareersOptions, prefix=(self.name,))
            raise base.ValidationError("; ".join(f"careers.{p}" for p in problems)) from None


class CareersConfig(base.Config):  # type: ignore[no-untyped-call]  # mkdocs leaves Config.__init_subclass__ unannotated
    enabled = PydanticOption[bool]("enabled")
    organization = PydanticOption[Organization]("organization")
    roles_dir = PydanticOption[str]("roles_dir")
    people_dir = PydanticOption[str]("people_dir")
    case_studies_dir = PydanticOption[str]("case_studies_dir")
    build_date = PydanticOption[dt.date | None]("build_date")
    disabled_rules = PydanticOption[list[str]]("disabled_rules")
    atomic = PydanticOption[bool]("atomic")
    robots = PydanticOption[RobotsPolicy]("robots")
    llms_txt = PydanticOption[LlmsTxtOptions]("llms_txt")
    feeds = PydanticOption[FeedOptions]("feeds")
    sitemap = PydanticOption[SitemapOptions]("sitemap")
    social = PydanticOption[SocialOptions]("social")
    manifest = PydanticOption[ManifestOptions]("manifest")
    indeed_feed = PydanticOption[IndeedFeedOptions]("indeed_feed")
    linkedin_feed = PydanticOption[LinkedInFeedOptions]("linkedin_feed")
    indexnow = PydanticOption[IndexNowOptions]("indexnow")
    google_indexing = PydanticOption[GoogleIndexingOptions]("google_indexing")
    hiring = PydanticOption[HiringDefaults]("hiring")
    audit = PydanticOption[AuditOptions]("audit")
    ats = PydanticOption[AtsOptions]("ats")  # `careers import` defaults: provider, board, base_url
    allow_symlinks = PydanticOption[bool]("allow_symlinks")
    allow_raw_html = PydanticOption[bool]("allow_raw_html")
    limits = PydanticOption[ContentLimits]("limits")
    allow_active_files = PydanticOption[list[str]]("allow_active_files")
    allow_page_templates = PydanticOption[list[str]]("allow_page_templates")
    allow_classes = PydanticOption[list[str]]("allow_classes")
    home = PydanticOption[HomeOptions]("home")
    brand = PydanticOption[BrandOptions]("brand")
    footer = PydanticOption[FooterOptions]("footer")
    social_cards = PydanticOption[SocialCardOptions]("social_cards")


def options_of(config: CareersConfig) -> dict[str, Any]:
    """The validated option values, keyed like `CareersOptions` (MkDocs' Config is a mapping)."""
    return {name: config[name] for name in CareersOptions.model_fields}
