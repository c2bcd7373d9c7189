"""Every built page is valid HTML according to the Nu HTML Checker (vnu.jar from npm, run on Java)."""

from __future__ import annotations

import json
import subprocess

import pytest
from browser_support import VNU, require_file, require_java

pytestmark = pytest.mark.browser  # needs the browser-test tools: Java and node_modules

# Errors in Material for MkDocs' own templates, which this project does not override (filtered narrowly, by
# message AND the markup it points at, so the same mistake in our templates still fails):
MATERIAL_TEMPLATE_ERRORS = [
    # base.html puts autocomplete="off" on its hidden drawer/search toggle checkboxes (so Firefox does not
    # restore them on back navigation); HTML only allows autocomplete on text-like inputs.
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle" data-md-toggle='),
    # partials/toc.html labels the mobile table-of-contents toggle for="__toc", but that checkbox is only
    # rendered inside the primary nav for pages listed in `nav`. Role, person and case-study pages are kept
    # out of the nav on purpose (see README), so on those pages the label points at nothing.
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
     '<label class="md-nav__title" for="__toc">'),
]


def is_material_template_error(message: dict) -> bool:
    return any(text in message["message"] and markup in message.get("extract", "")
               for text, markup in MATERIAL_TEMPLATE_ERRORS)


@pytest.fixture(scope="module")
def vnu_messages(demo_build) -> list[dict]:
    java = require_java()
    jar = require_file(VNU, "The Nu HTML Checker (vnu.jar)", "npm ci")
    pages = sorted(demo_build.site.rglob("*.html"))
    assert len(pages) >= 15
    proc = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
                          capture_output=True, text=True, timeout=600, check=False)
    # vnu exits 1 when it reports errors and writes its JSON report to stderr.
    return json.loads(proc.stderr or proc.stdout)["messages"]


def test_every_page_is_valid_html(vnu_messages, demo_build):
    errors = [m for m in vnu_messages if m["type"] in ("error", "non-document-error")
              and not is_material_template_error(m)]
    report = "\n".join(f"{m.get('url', '').split(str(demo_build.site))[-1]}:{m.get('lastLine', '?')}: "
                       f"{m['message']}" for m in errors)
    assert errors == [], report


def test_material_exceptions_are_still_needed(vnu_messages):
    """If Material fixes its templates, drop the matching exception so it cannot hide our own mistakes."""
    for text, markup in MATERIAL_TEMPLATE_ERRORS:
        assert any(text in m["message"] and markup in m.get("extract", "") for m in vnu_messages), text
