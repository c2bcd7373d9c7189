"""Invisible and direction-changing characters in text fields: found, named and located for the editor.

A title with U+202E (RIGHT-TO-LEFT OVERRIDE) reverses the headings, the Apply button and `<title>` it appears
in; zero-width characters make a title look blank or make two different values look the same. Every format
character (Unicode category Cf) is refused, with two exceptions that real writing needs: a zero-width joiner
or non-joiner between two visible characters (emoji sequences, Persian and Indic scripts) and the tag
characters of a subdivision flag emoji (🏴 + tags + CANCEL TAG).
"""

from __future__ import annotations

import re
import unicodedata

# Not format characters, but they draw nothing either (Hangul fillers, braille blank, combining grapheme joiner).
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")
_JOINERS = frozenset("\u200c\u200d")
_TAG_RANGE = range(0xE0020, 0xE0080)
_BLACK_FLAG = "\U0001f3f4"
_CANCEL_TAG = "\U000e007f"
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# C0/C1 control characters (except tab and newline) and lone surrogates: invisible in an editor, invalid in
# HTML and XML (sitemaps, feeds), and usually pasted in by accident from a PDF or a word processor. Refused in
# frontmatter values (content/models.py) and in bodies (the `body-control-character` rule).
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Every character looked for below is outside ASCII, so only those are visited (most text is ASCII).
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def character_name(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'unnamed character')})"


def _draws_something(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] not in "ZC" and char not in _BLANK_LOOKING


def _allowed_format_character(value: str, index: int) -> bool:
    char = value[index]
    if char in _JOINERS:
        before = value[index - 1] if index > 0 else ""
        after = value[index + 1] if index + 1 < len(value) else ""
        return bool(before and after) and (_draws_something(before) or before == "\ufe0f") and _draws_something(after)
    if ord(char) in _TAG_RANGE:
        start = index
        while start > 0 and ord(value[start - 1]) in _TAG_RANGE:
            start -= 1
        end = value.find(_CANCEL_TAG, index)
        return start > 0 and value[start - 1] == _BLACK_FLAG and end != -1
    return False


def invisible_character_problem(value: str) -> str | None:
    """The first invisible or direction-changing character, named with its code point and position."""
    for match in _NON_ASCII.finditer(value):
        index, char = match.start(), match.group()
        if char in _BLIND_SPOTS or (unicodedata.category(char) == "Cf" and not _allowed_format_character(value, index)):
            if char in _BIDI_CONTROLS:
                effect = "it changes the direction text is shown in (headings, buttons, the page title)"
            else:
                effect = "it is invisible, so readers and search engines see something other than what you see"
            return (f"contains {character_name(char)} at character {index + 1}; {effect}; delete it "
                    f"(it usually comes from pasted text)")
    return None


_BLIND_SPOTS = _BLANK_LOOKING - {"\u034f"}  # the grapheme joiner is category Mn; fillers are checked here


def has_visible_character(value: str) -> bool:
    """True when the text draws at least one glyph (not only spaces, format or filler characters)."""
    return any(_draws_something(char) for char in value)
