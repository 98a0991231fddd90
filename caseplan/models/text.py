"""Text invariants shared by every text column: NFC, no control or bidi-override characters.

Kept free of SQLAlchemy so services, import and reports can apply the same rule.
"""

from __future__ import annotations

import unicodedata

from caseplan.errors import InvalidInput, tr_noop

#: Bidirectional embedding, override and isolate controls: they can make shared text
#: read differently from how it was typed (Trojan Source), so they are refused.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")

SHORT = 200  #: names, organisations, kinds
PHONE = 50
ADDRESS = 300  #: a postal address, a few lines
EMAIL = 254
MEDIUM = 2_000  #: a goal, a step
LONG = 20_000  #: about-me answers, notes, crisis plan fields


#: Characters a name may not hold besides the control characters: format characters
#: (zero-width space and joiners, the Arabic letter mark, soft hyphen), line and paragraph
#: separators, and the tag block. They are invisible, so a name holding one looks like
#: another name and cannot be found by typing it.
INVISIBLE_IN_NAMES = frozenset({"Cf", "Zl", "Zp"})
TAG_BLOCK = range(0xE0000, 0xE0080)


def is_invisible(char: str) -> bool:
    """Whether ``char`` is a format, separator or tag character (see :data:`INVISIBLE_IN_NAMES`)."""
    return unicodedata.category(char) in INVISIBLE_IN_NAMES or ord(char) in TAG_BLOCK


def clean_text(
    value: str, *, field: str, max_length: int, multiline: bool, name: bool = False
) -> str:
    """Return ``value`` in NFC, or raise :class:`InvalidInput` naming ``field``.

    Line breaks and tabs are allowed only in ``multiline`` fields; other control
    characters, bidi controls and non-characters are never allowed. A ``name`` (of a
    person, a team member, an organisation, an account) also refuses invisible characters.
    """
    if not isinstance(value, str):
        raise InvalidInput(tr_noop("{field} must be text."), field=field)
    text = unicodedata.normalize("NFC", value)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for char in text:
        if char in BIDI_CONTROLS:
            raise InvalidInput(
                tr_noop("{field} contains a hidden direction-changing character."), field=field
            )
        if multiline and char in "\n\t":
            continue
        if name and is_invisible(char):
            raise InvalidInput(
                tr_noop(
                    "{field} contains an invisible character (such as a zero-width space); "
                    "type it again without it."
                ),
                field=field,
            )
        category = unicodedata.category(char)
        if category == "Cc" or category == "Cs" or (category == "Cn" and _is_noncharacter(char)):
            raise InvalidInput(
                tr_noop("{field} contains a control character that cannot be stored."),
                field=field,
            )
    if len(text) > max_length:
        raise InvalidInput(
            tr_noop("{field} is too long: at most {limit} characters, this has {length}."),
            field=field,
            limit=max_length,
            length=len(text),
        )
    return text


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE
