"""The site graph: every content file loaded, validated and cross-referenced exactly once.

Builders and outputs read from a `CareersSite`; nothing downstream re-reads files or decides
on its own whether a role is open, so the page, its JSON-LD and every feed agree.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from .cache import ContentCache
from .confinement import FolderScan, scan_folder
from .diagnostics import Diagnostic, Severity, display_path
from .kinds import CASE_STUDY, KINDS, PERSON, ROLE, ContentKind
from .loading import FieldPath, SourceDocument, format_field_path
from .models import CaseStudy, Person, Role, slug_is_valid
from .settings import CareersSettings
from .slug_hints import with_slug_suggestions

M = TypeVar("M", Role, Person, CaseStudy)


@dataclass(frozen=True)
class Entry(Generic[M]):
    """One validated content file: its slug, model, and the source it came from (for line numbers)."""

    kind: ContentKind
    slug: str
    model: M
    source: SourceDocument

    @property
    def body(self) -> str:
        return self.source.body

    @property
    def page_path(self) -> str:
        """Site-relative URL path of the entry's page, e.g. `roles/ml-engineering-manager/`."""
        return self.kind.page_path(self.slug)

    @property
    def src_uri(self) -> str:
        """Virtual source path used by the site generator, e.g. `roles/ml-engineering-manager.md`."""
        return self.kind.src_uri(self.slug)


@dataclass(frozen=True)
class RoleStatus:
    """Open or closed, decided once: `closed: true`, or the closing date has passed at build time."""

    is_open: bool
    withdrawn: bool = False  # closed by `closed: true` rather than by its date


@dataclass
class CareersSite:
    settings: CareersSettings
    roles: dict[str, Entry[Role]] = field(default_factory=dict)
    people: dict[str, Entry[Person]] = field(default_factory=dict)
    case_studies: dict[str, Entry[CaseStudy]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Roles marked `draft: true`: checked and listed, never published, and their problems never fail a build.
    drafts: dict[str, Entry[Role]] = field(default_factory=dict)
    draft_diagnostics: list[Diagnostic] = field(default_factory=list)
    # Files that failed validation, with the fields that did validate: linted too, so all problems show at once.
    unvalidated: list[Entry[Any]] = field(default_factory=list)

    @property
    def build_date(self) -> dt.date:
        return self.settings.build_date

    # --- URLs -----------------------------------------------------------------------------------
    def url(self, page_path: str = "") -> str:
        """Absolute URL of a site-relative page path (`roles/x/`), honouring use_directory_urls."""
        if page_path and not self.settings.use_directory_urls and page_path.endswith("/"):
            page_path = page_path.rstrip("/") + ".html"
        return self.settings.site_url + page_path

    def asset_url(self, path_or_url: str | None) -> str | None:
        if not path_or_url:
            return None
        if path_or_url.startswith(("http://", "https://")):
            return path_or_url
        return self.settings.site_url + path_or_url.lstrip("/")

    # --- Roles ----------------------------------------------------------------------------------
    def role_status(self, role: Role) -> RoleStatus:
        if role.closed:
            return RoleStatus(False, withdrawn=True)
        if role.valid_through is not None and role.valid_through < self.build_date:
            return RoleStatus(False)
        return RoleStatus(True)

    @cached_property
    def open_roles(self) -> list[Entry[Role]]:
        """Open roles, newest first (the order of feeds and llms.txt)."""
        items = [e for e in self.roles.values() if self.role_status(e.model).is_open]
        return sorted(items, key=lambda e: (-e.model.date_posted.toordinal(), e.model.title.casefold(), e.slug))

    @cached_property
    def closed_roles(self) -> list[Entry[Role]]:
        items = [e for e in self.roles.values() if not self.role_status(e.model).is_open]
        return sorted(items, key=lambda e: (-(e.model.valid_through or e.model.date_posted).toordinal(), e.slug))

    def open_roles_by_department(self) -> list[tuple[str, list[Entry[Role]]]]:
        groups: dict[str, list[Entry[Role]]] = defaultdict(list)
        for entry in self.open_roles:
            groups[entry.model.department].append(entry)
        return [(dept, sorted(groups[dept], key=lambda e: e.model.title.casefold()))
                for dept in sorted(groups, key=str.casefold)]

    # --- Cross references (computed on demand from dicts: linear in the number of files) ------------
    def hiring_manager(self, role: Role) -> Entry[Person]:
        return self.people[role.hiring_manager]

    def case_studies_for(self, role: Role) -> list[Entry[CaseStudy]]:
        return [self.case_studies[s] for s in role.case_studies]

    def leader(self, study: CaseStudy) -> Entry[Person]:
        return self.people[study.leader]

    # Reverse indexes are built once, so each page looks its links up in O(1): no quadratic scans.
    @cached_property
    def _case_studies_by_leader(self) -> dict[str, list[Entry[CaseStudy]]]:
        return _group_by(self.case_studies_sorted, lambda study: [study.leader])

    @cached_property
    def _open_roles_by_manager(self) -> dict[str, list[Entry[Role]]]:
        return _group_by(self.open_roles, lambda role: [role.hiring_manager])

    @cached_property
    def _open_roles_by_case_study(self) -> dict[str, list[Entry[Role]]]:
        return _group_by(self.open_roles, lambda role: role.case_studies)

    def case_studies_led_by(self, person_slug: str) -> list[Entry[CaseStudy]]:
        return self._case_studies_by_leader.get(person_slug, [])

    def open_roles_managed_by(self, person_slug: str) -> list[Entry[Role]]:
        return self._open_roles_by_manager.get(person_slug, [])

    def open_roles_citing(self, case_study_slug: str) -> list[Entry[Role]]:
        return self._open_roles_by_case_study.get(case_study_slug, [])

    @cached_property
    def people_sorted(self) -> list[Entry[Person]]:
        return sorted(self.people.values(), key=lambda e: (e.model.since, e.model.name.casefold()))

    @cached_property
    def case_studies_sorted(self) -> list[Entry[CaseStudy]]:
        return sorted(self.case_studies.values(), key=lambda e: (e.model.date_published, e.slug), reverse=True)

    def entries(self) -> list[Entry[Any]]:
        return [*self.roles.values(), *self.people.values(), *self.case_studies.values()]

    def entries_of(self, kind: ContentKind) -> dict[str, Entry[Any]]:
        store: dict[str, Entry[Any]] = {ROLE.name: self.roles, PERSON.name: self.people,
                                        CASE_STUDY.name: self.case_studies}[kind.name]  # type: ignore[assignment]
        return store

    @property
    def errors(self) -> list[Diagnostic]:
        return sorted(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> list[Diagnostic]:
        return sorted(d for d in self.diagnostics if d.severity is Severity.WARNING)


def _group_by(entries: list[Entry[M]], keys: Callable[[M], list[str]]) -> dict[str, list[Entry[M]]]:
    """Index entries under every slug they point at, keeping their order."""
    index: dict[str, list[Entry[M]]] = defaultdict(list)
    for entry in entries:
        for key in keys(entry.model):
            index[key].append(entry)
    return index


def content_files(settings: CareersSettings, kind: ContentKind) -> list[Path]:
    """The entries of a content folder that may be read (confinement.py refuses links leading elsewhere)."""
    return scan_content_folder(settings, kind).entries


def scan_content_folder(settings: CareersSettings, kind: ContentKind) -> FolderScan:
    folder = settings.content_dir_as_written(kind.name)
    shown = folder.relative_to(settings.project_root).as_posix() if folder.is_relative_to(settings.project_root) \
        else folder.as_posix()
    return scan_folder(folder, settings.project_root, shown, allow_symlinks=settings.safety.allow_symlinks)


def load_site(settings: CareersSettings, cache: ContentCache | None = None) -> CareersSite:
    """Load, validate and cross-check all content. Problems are collected on `site.diagnostics`.

    The lint rules are a separate step (`lint.lint_site`), run by the adapters after loading. With a
    `cache` kept from an earlier load, only new and changed files are parsed and validated again
    (content/cache.py).
    """
    site = CareersSite(settings=settings)
    cache = cache if cache is not None else ContentCache()
    cache.begin()
    # Slugs of files that exist, valid or not: a reference to a file with errors is not also "missing".
    present: dict[str, set[str]] = {kind.name: set() for kind in KINDS}
    partial: list[Entry[Any]] = []
    for kind in KINDS:
        store = site.entries_of(kind)
        folder_shown = display_path(settings.content_dir(kind.name), settings.project_root)
        scan = scan_content_folder(settings, kind)
        site.diagnostics.extend(scan.diagnostics)
        files = scan.entries
        names = {p.name for p in files}
        for path in files:
            shown = f"{folder_shown}/{path.name}"  # not display_path(path): resolving every file is slow
            if path.is_dir():
                folder = settings.content_dir(kind.name).name
                site.diagnostics.append(Diagnostic(shown, 1, "", f"folders inside {folder}/ are not read, so "
                                                   "nothing in it is published", f"move its .md files up into "
                                                   f"{folder}/", Severity.WARNING, rule="stray-file"))
                continue
            if path.suffix != ".md":
                site.diagnostics.append(Diagnostic(shown, 1, "", "not a Markdown file, so it is not published",
                                                   f"move it out of {settings.content_dir(kind.name).name}/ or "
                                                   f"rename it to .md", Severity.WARNING, rule="stray-file"))
                continue
            slug = path.stem
            loaded = cache.load(path, shown, slug, kind.model, limits=settings.safety.limits,
                                neutralize=not settings.safety.allow_raw_html,
                                allowed_classes=settings.safety.allow_classes)
            doc = loaded.doc
            draft = kind is ROLE and loaded.draft
            sink = site.draft_diagnostics if draft else site.diagnostics
            sink.extend(doc.diagnostics)
            if not slug_is_valid(slug):
                sink.append(_invalid_slug(shown, path.name, names))
                continue
            present[kind.name].add(slug)
            if loaded.unparsable:
                continue
            sink.extend(loaded.problems)
            if loaded.model is None and not draft:  # lint the fields that did validate too: every problem in one run
                partial.append(Entry(kind=kind, slug=slug, model=loaded.partial, source=doc))
            if loaded.model is not None:
                entry: Entry[Any] = Entry(kind=kind, slug=slug, model=loaded.model, source=doc)
                (site.drafts if draft else store)[slug] = entry
    cache.end()
    _check_references(site, present)
    site.diagnostics = with_slug_suggestions(site.diagnostics, present)
    site.unvalidated = partial
    site.diagnostics = sorted(set(site.diagnostics))
    site.draft_diagnostics = sorted(set(site.draft_diagnostics))
    return site


def _invalid_slug(shown: str, name: str, names: set[str]) -> Diagnostic:
    """File names are addresses: `Data-Lead.md` is refused, and if `data-lead.md` exists it is a duplicate."""
    suggestion = re.sub(r"[^a-z0-9]+", "-", Path(name).stem.casefold()).strip("-")
    if f"{suggestion}.md" in names:
        return Diagnostic(shown, 1, "", f"the file name '{name}' is not a valid slug, and once lowercased it "
                          f"duplicates {suggestion}.md", "merge the two files or give this one another name",
                          rule="slug")
    example = f"{suggestion}.md" if suggestion else "ml-engineering-manager.md"
    return Diagnostic(shown, 1, "", f"the file name '{name}' is not a valid slug",
                      f"rename it to lowercase letters, digits and hyphens, e.g. {example}", rule="slug")


def _check_references(site: CareersSite, present: dict[str, set[str]]) -> None:
    """Broken links between files are errors: a role must never point at a person who does not exist.

    Entries with broken references stay in the graph so every problem is reported; a site with
    errors is never rendered.
    """

    def report(entry: Entry[Role] | Entry[CaseStudy], field_path: FieldPath, target: str, kind: ContentKind,
               available: Mapping[str, object]) -> None:
        if target in present[kind.name]:
            return  # the file exists but has errors of its own, reported there
        close = difflib.get_close_matches(target, list(available), n=1, cutoff=0.6)
        folder = site.settings.content_dir(kind.name).name
        hint = f"did you mean '{close[0]}'?" if close else f"create {folder}/{target}.md or use an existing slug"
        sink = site.draft_diagnostics if getattr(entry.model, "draft", False) else site.diagnostics
        sink.append(Diagnostic(entry.source.display_path, entry.source.line_of(field_path),
                               format_field_path(field_path),
                               f"no {kind.name.replace('_', ' ')} '{target}' in {folder}/", hint, rule="reference"))

    for entry in [*site.roles.values(), *site.drafts.values()]:
        role = entry.model
        if role.hiring_manager not in site.people:
            report(entry, ("hiring_manager",), role.hiring_manager, PERSON, site.people)
        for index, slug in enumerate(role.case_studies):
            if slug not in site.case_studies:
                report(entry, ("case_studies", index), slug, CASE_STUDY, site.case_studies)
    for study_entry in site.case_studies.values():
        if study_entry.model.leader not in site.people:
            report(study_entry, ("leader",), study_entry.model.leader, PERSON, site.people)
