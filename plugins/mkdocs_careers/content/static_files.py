"""Static files in docs_dir that could run script on the careers domain or reconfigure the web host: refused.

MkDocs copies every file of docs_dir into the site as it is. From a pull request, `content/login.html` with a
`<script>`, an SVG with `onload=`, `content/assets/app.js` or a Netlify `_redirects` file would be served from the
careers domain (same-origin stored XSS, phishing redirects). So:

- files browsers or servers run (.html, .js, .xml, .php, ... `ACTIVE_EXTENSIONS`) and host configuration files
  (`HOST_CONFIG_FILES`) are located errors unless the site allows them by pattern (`allow_active_files`);
- an SVG is published only when it holds nothing active (`svg_problems`: no script, event handler, foreignObject,
  script link, external `use`, processing instruction or DTD), checked with lxml without network or entities;
- `CNAME` (GitHub Pages' custom domain) must name the host of `site_url`, or the pull request moves the site;
- names of pages and folders become titles in the navigation, so they may not hold markup characters.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import lxml.etree

from .body_html import _url_allowed  # the body HTML policy's link schemes: http(s), mailto, tel, relative
from .diagnostics import Diagnostic
from .safety import SafetySettings

RULE = "active-file"
ACTIVE_EXTENSIONS = frozenset({
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".shtm", ".mht", ".mhtml", ".hta", ".htc",  # documents
    ".js", ".mjs", ".cjs", ".swf",  # scripts
    ".xml", ".xsl", ".xslt", ".svgz",  # XML that can carry XHTML or an XSLT transform
    ".php", ".php3", ".php4", ".php5", ".php7", ".phtml", ".phar", ".asp", ".aspx", ".jsp", ".cgi",  # server side
})
# Files a static host reads as its own configuration: redirects, headers, rewrite rules.
HOST_CONFIG_FILES = frozenset({"_headers", "_redirects", "_routes.json", "web.config", "staticwebapp.config.json",
                               ".htaccess", "netlify.toml", "vercel.json"})
_ALLOW_HINT = "if the site needs it, list it under allow_active_files in mkdocs.yml (and have it reviewed)"
_NAME_MARKUP = re.compile(r"[<>&\"'`\x00-\x1f\x7f]")

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
# Namespaces whose elements a browser runs or renders as documents inside an SVG file.
_ACTIVE_NAMESPACES = {"http://www.w3.org/1999/xhtml": "XHTML", "http://www.w3.org/1998/Math/MathML": "MathML",
                      "http://www.w3.org/1999/XSL/Transform": "XSLT", "http://www.w3.org/2001/XInclude": "XInclude"}
_ACTIVE_SVG_ELEMENTS = frozenset({"script", "foreignObject", "handler", "listener"})
_ANIMATIONS = frozenset({"set", "animate", "animateTransform", "animateMotion", "animateColor"})
_RASTER_DATA = re.compile(r"^data:image/(?:png|jpeg|gif|webp|avif);base64,", re.I)


@dataclass(frozen=True)
class DocsFile:
    """A file MkDocs publishes from docs_dir: its path there, its output path and whether it is a page."""

    src_uri: str
    dest_uri: str
    abs_path: Path
    is_page: bool


def active_file_problems(files: list[DocsFile], shown_docs_dir: str, safety: SafetySettings, site_host: str
                         ) -> list[Diagnostic]:
    """A located error for every docs_dir file that could run script or reconfigure the host."""
    problems: list[Diagnostic] = []
    named_folders: set[str] = set()
    for file in files:
        shown = f"{shown_docs_dir}/{file.src_uri}"
        folders = PurePosixPath(file.src_uri).parent.parts
        for depth in range(len(folders)):
            folder = "/".join(folders[: depth + 1])
            if folder not in named_folders and _NAME_MARKUP.search(folders[depth]):
                named_folders.add(folder)
                problems.append(Diagnostic(f"{shown_docs_dir}/{folder}", 1, "", "the folder name holds a character "
                                           "of markup (< > & quotes) and becomes a section title",
                                           "rename the folder with letters, digits, '-' and '_'", rule=RULE))
        if file.is_page:
            if _NAME_MARKUP.search(PurePosixPath(file.src_uri).name):
                problems.append(Diagnostic(shown, 1, "", "the file name holds a character of markup (< > & "
                                           "quotes) and becomes the page's title", "rename the file with letters, "
                                           "digits, '-' and '_'", rule=RULE))
            continue
        if any(fnmatch.fnmatchcase(file.src_uri, pattern) for pattern in safety.allow_active_files):
            continue
        problems += _static_file_problems(file, shown, safety, site_host)
    return problems


def _static_file_problems(file: DocsFile, shown: str, safety: SafetySettings, site_host: str) -> list[Diagnostic]:
    name = PurePosixPath(file.src_uri).name
    suffix = PurePosixPath(name.casefold()).suffix
    if name.casefold() in HOST_CONFIG_FILES:
        return [Diagnostic(shown, 1, "", "is a web host's configuration file (redirects, headers), which a pull "
                           "request may not change", _ALLOW_HINT, rule=RULE)]
    if suffix in ACTIVE_EXTENSIONS:
        return [Diagnostic(shown, 1, "", f"a {suffix} file can run script on the careers site, so it is not "
                           "published", f"write the page in Markdown (a .md file); {_ALLOW_HINT}", rule=RULE)]
    if file.src_uri == "CNAME":
        return _cname_problems(file, shown, site_host)
    if suffix == ".svg":
        return [Diagnostic(shown, line, field, message, f"export the drawing again without it; {_ALLOW_HINT}",
                           rule=RULE) for line, field, message in svg_problems(file.abs_path,
                                                                               safety.limits.max_file_bytes)]
    return []


def _cname_problems(file: DocsFile, shown: str, site_host: str) -> list[Diagnostic]:
    try:
        names = file.abs_path.read_bytes()[:1024].decode("ascii").split()
    except (OSError, UnicodeDecodeError):
        names = []
    if [name.casefold().rstrip(".") for name in names] == [site_host.casefold()]:
        return []
    return [Diagnostic(shown, 1, "", f"CNAME must name the site's own host, {site_host} (GitHub Pages serves the "
                       "site at the domain it names)", f"write {site_host} on its only line, or remove the file",
                       rule=RULE)]


def svg_problems(path: Path, max_bytes: int) -> list[tuple[int, str, str]]:
    """(line, element or attribute, message) for everything in an SVG file that could run script or load another
    document when the file is opened on its own; an SVG that is not well-formed XML is one problem."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        return [(1, "", f"cannot be read ({exc.strerror})")]
    if len(raw) > max_bytes:
        return [(1, "", f"the SVG is larger than {max_bytes // 1024:,} KB (limits.max_file_kb)")]
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                                  remove_blank_text=False)
    try:
        root = lxml.etree.fromstring(raw, parser)
    except lxml.etree.XMLSyntaxError as exc:
        return [(exc.lineno or 1, "", f"is not a well-formed SVG file ({exc.msg})")]
    problems: list[tuple[int, str, str]] = []
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None:
        problems.append((1, "<!DOCTYPE>", "declares its own DTD (entities can change what the file holds)"))
    if lxml.etree.QName(root).namespace != SVG:
        problems.append((root.sourceline or 1, f"<{root.tag}>", "is not an SVG document"))
    for node in [*root.itersiblings(preceding=True), *root.itersiblings()]:
        if isinstance(node, lxml.etree._ProcessingInstruction):
            problems.append((node.sourceline or 1, f"<?{node.target}?>", "a processing instruction can transform "
                             "the file into a page with script"))
    for element in root.iter():
        line = element.sourceline or 1
        if isinstance(element, lxml.etree._ProcessingInstruction):
            problems.append((line, f"<?{element.target}?>", "a processing instruction can transform the file"))
            continue
        if not isinstance(element.tag, str):
            continue  # comments and entities
        qname = lxml.etree.QName(element)
        if qname.namespace in _ACTIVE_NAMESPACES:
            problems.append((line, f"<{qname.localname}>", f"{_ACTIVE_NAMESPACES[qname.namespace]} elements can run "
                             "script"))
            continue
        if qname.namespace == SVG and qname.localname in _ACTIVE_SVG_ELEMENTS:
            problems.append((line, f"<{qname.localname}>", "runs script or embeds a page"))
            continue
        problems += [(line, f"{where} of <{qname.localname}>", message)
                     for where, message in _attribute_problems(qname, element.attrib)]
    return problems


def _attribute_problems(qname: lxml.etree.QName, attributes: lxml.etree._Attrib) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for key, value in attributes.items():
        name = lxml.etree.QName(key).localname
        if name.casefold().startswith("on"):
            found.append((f"{name}=", "an event handler runs script"))
        elif name == "href":
            problem = _href_problem(qname.localname, value.strip())
            if problem:
                found.append((f"{name}=", problem))
        elif name == "attributeName" and qname.localname in _ANIMATIONS and (
                value.strip().casefold().endswith("href") or value.strip().casefold().startswith("on")):
            found.append((f"{name}=", "an animation that changes a link or an event handler can run script"))
    return found


def _href_problem(element: str, href: str) -> str | None:
    href = re.sub(r"[\x00-\x20]", "", href)  # browsers ignore spaces and controls inside a URL's scheme
    if element in ("use", "feImage", "image", "pattern", "linearGradient", "radialGradient", "filter", "textPath",
                   "mpath", "tref"):
        if href.startswith("#") or (element in ("image", "feImage") and (
                _RASTER_DATA.match(href) or _relative(href))):
            return None
        return f"'{href[:60]}' loads another document (only '#id' references and raster images are allowed)"
    return None if _url_allowed(href) else f"'{href[:60]}' is a script link"


def _relative(href: str) -> bool:
    return bool(href) and not href.startswith("//") and not re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) and \
        not href.lower().endswith((".svg", ".svgz"))
