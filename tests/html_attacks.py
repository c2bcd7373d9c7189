"""HTML and JavaScript payloads for Markdown bodies, and a real-Chromium check that none of them runs.

Used by test_browser_untrusted_html.py (a fixed list of known payloads in every body type) and by
test_fuzz_content_body_html.py (a generated corpus). A payload "runs" when the page opens a dialog (alert,
confirm, prompt) or sets `window.__pwned`, on load or when its elements are clicked, hovered or focused.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import markdown
from browser_support import DESKTOP, new_page
from cli_helpers import read_frontmatter, write_frontmatter
from conftest import FIXTURES, copy_project
from hypothesis import strategies as st
from mkdocs_careers.content.body_html import ALLOWED_TAGS

ROLE, PERSON, STUDY, FREE = ("roles/data-lead.md", "people/jo-smith.md", "case_studies/warehouse-migration.md",
                             "content/attack.md")
PAGES = {ROLE: "roles/data-lead/", PERSON: "people/jo-smith/", STUDY: "case-studies/warehouse-migration/",
         FREE: "attack/"}
RUN = "alert(1);window.__pwned=1"

# Known payloads: the issue's four, plus the classic filter bypasses (mXSS, entity-split schemes, SVG, events
# that need focus or toggling, Markdown reference links, attr_list attributes, refresh and form actions).
KNOWN_PAYLOADS = {
    "img-onerror": f"<img src=x onerror=\"{RUN}\">",
    "script": f"<script>{RUN}</script>",
    "iframe-data": f"<iframe src=\"data:text/html,<script>parent.{RUN}</script>\"></iframe>",
    "javascript-link": f"[click-js](javascript:{RUN})",
    "svg-onload": f"<svg onload=\"{RUN}\"><circle r=5></circle></svg>",
    "details-ontoggle": f"<details open ontoggle=\"{RUN}\"><summary>s</summary>x</details>",
    "entity-split-scheme": f"<a href=\"jav&#x09;ascript:{RUN}\">click-entity</a>",
    "mxss-math": f"<math><mtext><table><mglyph><style><img src=x onerror=\"{RUN}\">",
    "body-onload": f"<body onload=\"{RUN}\">",
    "object-data": f"<object data=\"javascript:{RUN}\"></object>",
    "autofocus": f"<input autofocus onfocus=\"{RUN}\">",
    "video-source": f"<video><source onerror=\"{RUN}\"></video>",
    "meta-refresh": f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{RUN}\">",
    "form-action": f"<form action=\"javascript:{RUN}\"><button>click-form</button></form>",
    "reference-link": f"[click-ref][evil]\n\n[evil]: javascript:{RUN}",
    "attr-list": f"Hover me\n{{: onmouseover=\"{RUN}\" }}",
    "data-link": "<a href=\"data:text/html,<script>alert(1)</script>\">click-data</a>",
    "image-markdown": f"![x](x\" onerror=\"{RUN})",
    "style-attr": "<p style=\"background:url(javascript:alert(1))\">styled</p>",
    "base-href": "<base href=\"javascript:alert(1)//\">",
    "template": f"<template><img src=x onerror=\"{RUN}\"></template>",
    "noscript": f"<noscript><p title=\"</noscript><img src=x onerror={RUN}>\"></noscript>",
}

# --- a generated corpus (fuzzing) ----------------------------------------------------------------------------
_TAGS = ["img", "a", "svg", "iframe", "script", "style", "div", "p", "span", "details", "video", "audio", "source",
         "object", "embed", "form", "button", "input", "textarea", "select", "math", "mtext", "table", "td", "body",
         "base", "meta", "link", "marquee", "isindex", "image", "noscript", "template", "xmp", "title", "h2", "code"]
_EVENTS = ["onerror", "onload", "onclick", "onmouseover", "onfocus", "ontoggle", "onbegin", "onanimationstart",
           "onpointerenter", "OnErRoR", "onauxclick"]
_URL_ATTRIBUTES = ["href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "background", "poster"]
_SCHEMES = ["javascript:", "JaVaScRiPt:", "java\tscript:", "jav&#x09;ascript:", "&#106;avascript:",
            " javascript:", "vbscript:", "data:text/html,", "data:image/svg+xml,", "javascript&colon;"]
_QUOTES = ['"', "'", ""]


@st.composite
def _element(draw: st.DrawFn) -> str:
    tag = draw(st.sampled_from(_TAGS))
    quote = draw(st.sampled_from(_QUOTES))
    attributes = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            attributes.append(f"{draw(st.sampled_from(_EVENTS))}={quote}{RUN}{quote}")
        else:
            url = f"{draw(st.sampled_from(_SCHEMES))}{RUN}"
            attributes.append(f"{draw(st.sampled_from(_URL_ATTRIBUTES))}={quote}{url}{quote}")
    inner = draw(st.sampled_from(["", "x", f"{RUN}", "<b>y</b>", "</p><p>"]))
    closing = draw(st.sampled_from([f"</{tag}>", "", f"</{tag}"]))
    return f"<{tag} {' '.join(attributes)}>{inner}{closing}"


@st.composite
def _markdown_link(draw: st.DrawFn) -> str:
    url = f"{draw(st.sampled_from(_SCHEMES))}{RUN}".replace(" ", "")
    form = draw(st.sampled_from(["[click-l]({u})", "![i]({u})", "<{u}>", "[click-r][r]\n\n[r]: {u}",
                                 "[click-a](<{u}>)", "Text\n{{: onclick=\"{r}\" }}"]))
    return form.format(u=url, r=RUN)


def body_payload() -> st.SearchStrategy[str]:
    """One Markdown body fragment: hostile elements, nested or wrapped in Markdown, or hostile links."""
    single = st.one_of(_element(), _markdown_link(), st.sampled_from(list(KNOWN_PAYLOADS.values())))
    nested = st.lists(single, min_size=1, max_size=3).map("".join)
    wrapped = st.tuples(st.sampled_from(["{}", "Text {} text", "> {}", "- {}", "| a |\n|---|\n| {} |",
                                         "!!! note\n    {}", "# Heading {}", "**{}**"]), nested)
    return wrapped.map(lambda pair: pair[0].format(pair[1]))


# --- static checks of published HTML and Markdown ----------------------------------------------------------------
_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:|tel:|(?![a-z][a-z0-9+.-]*:))", re.I)  # allowed scheme, or none


def _as_browsers_parse(url: str) -> str:
    """The WHATWG URL parser trims C0 controls and spaces at both ends and drops every tab and newline."""
    return re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))


# Elements that run, embed or submit something, or change the document around them.
ACTIVE_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style",
                         "link", "meta", "base", "form", "input", "button", "textarea", "select", "template",
                         "noscript", "video", "audio", "source", "body", "html", "head", "title", "xmp", "marquee",
                         "image", "isindex", "noembed", "noframes", "portal", "animate", "set"})


def dangerous_parts(html: str, allowed_only: bool = True) -> list[str]:
    """Elements outside the allow-list (or, with `allowed_only=False`, only active elements), event-handler
    attributes and script-capable URLs in an HTML fragment, as a browser's parser sees them (lxml), so text
    inside attribute values is not mistaken for markup."""
    found = []
    for part in lxml.html.fragments_fromstring(html) if html.strip() else []:
        if not isinstance(part, lxml.html.HtmlElement):
            continue
        for element in part.iter():
            if not isinstance(element.tag, str):
                continue
            if element.tag in ACTIVE_TAGS or (allowed_only and element.tag not in ALLOWED_TAGS):
                found.append(f"<{element.tag}>")
            for name, value in element.attrib.items():
                if name.lower().startswith("on"):
                    found.append(f"{name}= on <{element.tag}>")
                if name in ("href", "src", "action", "formaction", "data") and not _SAFE_SCHEME.match(
                        _as_browsers_parse(value)):
                    found.append(f"{name}={value!r} on <{element.tag}>")
    return found


def dangerous_parts_of_markdown(text: str) -> list[str]:
    """What a Markdown reader (Python-Markdown, as MkDocs uses) would turn the text into, checked as above.

    Unknown elements are harmless here (an unclosed block in a hostile body can leave `<https://...>` autolinks
    unparsed); only active elements, handlers and script URLs count."""
    return dangerous_parts(markdown.markdown(text, extensions=["attr_list", "tables", "admonition"]),
                           allowed_only=False)


# --- a site with payloads in every body type --------------------------------------------------------------------
def attack_project(destination: Path, payloads: list[str]) -> Path:
    """The minimal fixture with the payloads in the role, person and case-study bodies and in a free page."""
    project = copy_project(FIXTURES / "minimal", destination)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "markdown_extensions:\n  - toc:\n      permalink: true\n"
                      "  - admonition\n  - attr_list\n  - tables\n", encoding="utf-8")
    body = "\n\n".join(f"Paragraph {index}.\n\n{payload}" for index, payload in enumerate(payloads)) + "\n"
    for path in (ROLE, PERSON, STUDY):
        data, old_body = read_frontmatter(project / path)
        write_frontmatter(project / path, data, old_body + "\n" + body)
    (project / FREE).write_text(f"# Attack page <img src=x onerror=\"{RUN}\">\n\n{body}", encoding="utf-8")
    return project


# Every element of the article is clicked, hovered and focused; every link is followed in place of a click.
_PROVOKE = """() => {
  const found = [];
  for (const el of document.querySelectorAll('article *')) {
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith('on')) found.push(el.tagName + ' ' + attr.name);
    }
    for (const type of ['mouseover', 'pointerenter', 'focus', 'animationstart', 'toggle', 'load', 'error']) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
    if (el.tagName === 'A' || el.tagName === 'BUTTON') {
      el.addEventListener('click', (event) => {
        const href = el.getAttribute('href') || '';
        if (!/^\\s*(javascript|vbscript|data):/i.test(href)) event.preventDefault();
      }, {once: true});
      el.click();
    }
  }
  return found;
}"""


def script_runs(browser, site_url: str, page_path: str) -> list[str]:
    """Everything a payload managed to do on the page: dialogs, `window.__pwned`, inline event handlers."""
    page = new_page(browser, site_url, DESKTOP)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    try:
        page.goto(site_url + page_path, wait_until="load")
        page.wait_for_timeout(100)
        handlers = page.evaluate(_PROVOKE)
        page.wait_for_timeout(200)
        pwned = page.evaluate("() => Boolean(window.__pwned)") if not page.is_closed() else False
        frames = [f.url for f in page.frames[1:] if f.url not in ("about:blank", "")]
    finally:
        page.context.close()
    return dialogs + [f"inline handler: {h}" for h in handlers] + (["window.__pwned set"] if pwned else []) + \
        [f"frame: {url}" for url in frames]
