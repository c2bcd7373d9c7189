"""The content kinds (role, person, case study): every per-kind fact declared once, in one registry.

Folder, URL prefix, CLI noun, schema file and model live here; nothing else keeps a per-kind map. The page
each kind becomes is chosen by its model's type in `pages/` (single dispatch), so this layer stays free of
rendering.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import CaseStudy, ContentModel, Person, Role


@dataclass(frozen=True)
class ContentKind:
    name: str  # internal name, e.g. "case_study" (lint rules' `kinds`, readiness rows)
    model: type[ContentModel]
    dir_option: str  # the plugin option naming its folder, e.g. "case_studies_dir"
    default_dir: str  # that folder's default, relative to mkdocs.yml
    url_prefix: str  # published under /<url_prefix>/<slug>/
    cli_noun: str  # as editors type it: `careers new case-study`
    label: str  # display name of the kind's index page and breadcrumb, e.g. "Case studies"
    noun: str  # one item in a sentence, e.g. "case study"
    title_field: str  # the field `careers new TITLE` fills in
    body_hint: str  # what the Markdown body is for (the `careers new` template says it)

    @property
    def schema_file(self) -> str:
        return f"{self.cli_noun}.schema.json"

    @property
    def index_path(self) -> str:
        return f"{self.url_prefix}/"

    def page_path(self, slug: str) -> str:
        return f"{self.url_prefix}/{slug}/"

    def src_uri(self, slug: str) -> str:
        """Virtual source path used by the site generator, e.g. `roles/ml-engineering-manager.md`."""
        return f"{self.url_prefix}/{slug}.md"


ROLE = ContentKind(
    "role", Role, "roles_dir", "roles", "roles", "role", "Open roles", "role", "title",
    "the 'about the role' text: the team, the problem and why the role exists; headings should answer a "
    "candidate's question")
PERSON = ContentKind(
    "person", Person, "people_dir", "people", "people", "person", "Leadership", "person", "name",
    "the bio: how they got here and how they work, with concrete numbers")
CASE_STUDY = ContentKind(
    "case_study", CaseStudy, "case_studies_dir", "case_studies", "case-studies", "case-study", "Case studies",
    "case study", "title", "the story: the problem, what the team did and what changed, under headings that say so")
KINDS: tuple[ContentKind, ...] = (ROLE, PERSON, CASE_STUDY)


def kind_by_cli_noun(noun: str) -> ContentKind:
    return next(kind for kind in KINDS if kind.cli_noun == noun)
