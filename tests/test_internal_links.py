"""No broken internal links: every href/src in the built site resolves to a file, and every #fragment to an id."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import BuildResult
from lxml import html as lxml_html

SITE_URL = "https://careers.northwind-labs.example/"
LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}
EXTERNAL_SCHEMES = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:")


def site_path(page: str, reference: str) -> tuple[str, str] | None:
    """The site-relative path and fragment a reference on `page` points at, or None when it leaves the site."""
    if reference.startswith(SITE_URL):
        reference = "/" + reference[len(SITE_URL):]
    elif reference.startswith(EXTERNAL_SCHEMES) or reference.startswith("//"):
        return None
    parts = urlsplit(reference)
    if parts.path.startswith("/"):
        target = parts.path
    elif parts.path:
        target = posixpath.join(posixpath.dirname("/" + page), parts.path)
    else:
        target = "/" + page  # "#fragment" or "?query" only: the page itself
    normalised = posixpath.normpath(unquote(target))
    if target.endswith("/") and normalised != "/":
        normalised += "/"
    return normalised.lstrip("/"), unquote(parts.fragment)


def target_file(site: Path, path: str) -> Path:
    candidate = site / path
    return candidate / "index.html" if path.endswith("/") or path == "" or candidate.is_dir() else candidate


@cache
def ids_in(file: Path) -> frozenset[str]:
    return frozenset(lxml_html.parse(str(file)).getroot().xpath("//@id"))


def references(file: Path) -> list[tuple[int, str]]:
    root = lxml_html.parse(str(file)).getroot()
    found = []
    for tag, attribute in LINK_ATTRIBUTES.items():
        for element in root.iter(tag):
            value = element.get(attribute)
            if value:
                found.append((element.sourceline, value.strip()))
    return found


def test_no_broken_internal_links(demo_build: BuildResult):
    site = demo_build.site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 15
    broken, checked = [], 0
    for file in pages:
        page = file.relative_to(site).as_posix()
        for line, reference in references(file):
            resolved = site_path(page, reference)
            if resolved is None:
                continue
            path, fragment = resolved
            target = target_file(site, path)
            checked += 1
            if not target.is_file():
                broken.append(f"{page}:{line}: {reference} -> {target.relative_to(site)} does not exist")
            elif fragment and target.suffix == ".html" and fragment not in ids_in(target):
                broken.append(f"{page}:{line}: {reference} -> no id '{fragment}' in {target.relative_to(site)}")
    assert checked > 500, f"only {checked} internal references found; is the link extraction working?"
    assert broken == [], "\n".join(broken)


def test_role_body_links_to_people_and_case_studies_resolve(demo_build: BuildResult):
    """The documented way to link from a role body (`../people/x.md`) lands on the published page."""
    page = "roles/ml-engineering-manager/index.html"
    links = [ref for _, ref in references(demo_build.site / page) if "people/" in ref or "case-studies/" in ref]
    assert links
    for reference in links:
        path, _ = site_path(page, reference)
        assert target_file(demo_build.site, path).is_file(), reference
