"""Values the build writes into a stylesheet (the brand font's name and files), checked by CSS's own grammar.

A font name with a form feed or a newline ends a CSS string early (CSS Syntax turns both into a newline, which
a string may not hold) and lets the rest of the value run on as style rules. Each value must come back from
tinycss2, a CSS Syntax Level 3 parser, as exactly the one string token it was written as.
"""

from __future__ import annotations

import re

import tinycss2
from tinycss2.serializer import serialize_string_value

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def is_css_string(value: str) -> bool:
    """True when `value`, written as a double-quoted CSS string, parses back as that one string and nothing else.
    Control characters are refused outright: no font name or file path holds one."""
    if _CONTROL.search(value):
        return False
    tokens = [token for token in tinycss2.parse_component_value_list(f'"{serialize_string_value(value)}"')
              if token.type not in ("whitespace", "comment")]
    return len(tokens) == 1 and tokens[0].type == "string" and tokens[0].value == value
