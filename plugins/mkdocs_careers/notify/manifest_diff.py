"""Which URLs are new, changed, closed or gone between two build manifests (careers-manifest.json).

- new: published now and not before, or a role that reopened;
- changed: open in both builds, with a different content hash;
- closed: a role open before and closed now (its page stays online with a banner and noindex);
- gone: a page that was live before and is not in the new build (a closed role's page later removed was
  already announced when it closed, so it is not announced again).
Index pages are in the manifest but never notified: they change with every role, and search engines
re-crawl them from the sitemap.

Manifests are input (the previous one comes from the live site or a file): `foreign_urls` lists every page URL
that is not an https URL under the site's own `site_url`, and `mass_deletion` tells when a diff would announce
most of the open roles as closed or gone at once; `careers notify` refuses both unless told otherwise.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..net.client import HttpClient, HttpError

NEW, CHANGED, CLOSED, GONE = "new", "changed", "closed", "gone"
CHANGE_ORDER = (CLOSED, GONE, NEW, CHANGED)
NOT_NOTIFIED_KINDS = frozenset({"index"})
MASS_DELETION_MIN = 3  # closing one or two roles at once is ordinary, even on a small site
_DOT_SEGMENT = re.compile(r"(^|/)\.{1,2}(/|$)")
_UNSAFE = re.compile(r"[\x00-\x20\x7f\\]")


class ManifestError(ValueError):
    """A manifest cannot be read; the message says which and why."""


@dataclass(frozen=True)
class ManifestPage:
    url: str
    kind: str
    is_open: bool
    hash: str


@dataclass(frozen=True)
class Manifest:
    pages: dict[str, ManifestPage]
    build_date: str | None = None
    source: str = ""

    @classmethod
    def empty(cls, source: str) -> Manifest:
        return cls(pages={}, source=source)


@dataclass(frozen=True, order=True)
class PageChange:
    url: str
    kind: str
    change: str

    @property
    def is_role(self) -> bool:
        return self.kind == "role"


@dataclass(frozen=True)
class ManifestDiff:
    previous: Manifest
    current: Manifest
    changes: tuple[PageChange, ...]

    def of(self, *changes: str) -> list[PageChange]:
        return [c for c in self.changes if c.change in changes]

    def counts(self) -> dict[str, int]:
        return {change: len(self.of(change)) for change in CHANGE_ORDER}


def parse_manifest(text: str, source: str) -> Manifest:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{source}: not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("pages", []), list):
        raise ManifestError(f"{source}: not a careers manifest (expected an object with a 'pages' list)")
    pages: dict[str, ManifestPage] = {}
    for index, page in enumerate(data.get("pages", [])):
        if not isinstance(page, dict) or not all(isinstance(page.get(k), str) for k in ("url", "kind", "hash")):
            raise ManifestError(f"{source}: pages[{index}] lacks url, kind or hash")
        pages[page["url"]] = ManifestPage(page["url"], page["kind"], bool(page.get("open", True)), page["hash"])
    build_date = data.get("build_date")
    return Manifest(pages=pages, build_date=build_date if isinstance(build_date, str) else None, source=source)


def load_manifest(source: str, client: HttpClient | None = None) -> tuple[Manifest, str | None]:
    """The manifest at a URL or in a file, and a note when there was none yet (first deploy: 404)."""
    if source.startswith(("http://", "https://")):
        http = client or HttpClient(user_agent="mkdocs-careers notify")
        try:
            reply = http.send("GET", source)  # same-host redirects only, e.g. http → https
        except HttpError as exc:
            raise ManifestError(f"{source}: could not be fetched ({exc})") from None
        finally:
            if client is None:
                http.close()
        if reply.status == 404:
            return Manifest.empty(source), f"{source} does not exist yet (first deploy?): every page counts as new"
        if reply.status != 200:
            raise ManifestError(f"{source}: HTTP {reply.status}")
        return parse_manifest(reply.text, source), None
    path = Path(source)
    if not path.is_file():
        raise ManifestError(f"{source}: no such file")
    return parse_manifest(path.read_text(encoding="utf-8"), source), None


def foreign_urls(manifest: Manifest, site_url: str) -> list[str]:
    """Each page URL of a manifest that is not an https URL under `site_url`, as a located problem."""
    site = urlsplit(site_url)
    problems = []
    for url in manifest.pages:
        why = _not_under(url, site)
        if why:
            problems.append(f"{manifest.source}: pages[].url {json.dumps(url)[:200]}: {why}")
    return problems


def _not_under(url: str, site: Any) -> str | None:
    if _UNSAFE.search(url):
        return "has spaces, control characters or backslashes"
    try:
        parts = urlsplit(url)
        port, site_port = parts.port, site.port
    except ValueError:
        return "is not a URL"
    if parts.scheme != "https":
        return f"is not an https URL (scheme {parts.scheme or 'missing'!r})"
    if parts.username or parts.password:
        return "carries a user name or password"
    if (parts.hostname or "") != (site.hostname or "").lower() or port != site_port:
        return f"is not on the site's host {site.netloc}"
    if not parts.path.startswith(site.path or "/") or _DOT_SEGMENT.search(parts.path):
        return f"is not under the site's path {site.path or '/'}"
    if parts.fragment:
        return "has a fragment: a page URL has none"
    return None


def mass_deletion(diff: ManifestDiff) -> tuple[int, int] | None:
    """(roles closed or gone, roles open before) when the diff takes down most of the open roles at once."""
    before = sum(1 for page in diff.previous.pages.values() if page.kind == "role" and page.is_open)
    removed = sum(1 for change in diff.of(CLOSED, GONE) if change.is_role)
    return (removed, before) if removed >= MASS_DELETION_MIN and removed * 2 > before else None


def diff_manifests(previous: Manifest, current: Manifest) -> ManifestDiff:
    changes: list[PageChange] = []
    for url, page in current.pages.items():
        before = previous.pages.get(url)
        if page.kind in NOT_NOTIFIED_KINDS:
            continue
        if before is None or not before.is_open:
            if page.is_open:
                changes.append(PageChange(url, page.kind, NEW))
        elif not page.is_open:
            changes.append(PageChange(url, page.kind, CLOSED))
        elif before.hash != page.hash:
            changes.append(PageChange(url, page.kind, CHANGED))
    for url, before in previous.pages.items():
        if url not in current.pages and before.is_open and before.kind not in NOT_NOTIFIED_KINDS:
            changes.append(PageChange(url, before.kind, GONE))
    ordered = sorted(changes, key=lambda c: (CHANGE_ORDER.index(c.change), c.url))
    return ManifestDiff(previous, current, tuple(ordered))


def diff_as_json(diff: ManifestDiff) -> dict[str, Any]:
    return {
        "previous": {"source": diff.previous.source, "build_date": diff.previous.build_date},
        "current": {"source": diff.current.source, "build_date": diff.current.build_date},
        **{change: [{"url": c.url, "kind": c.kind} for c in diff.of(change)] for change in CHANGE_ORDER},
    }
