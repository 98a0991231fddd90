"""Small building blocks shared by the plan, the changes page and the crisis card."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab import platypus
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from caseplan.reports.i18n import format_date, format_short_date, other_language, t, tn
from caseplan.reports.styles import MUTED_HEX, Styles, user_text


@dataclass(frozen=True)
class Words:
    """The catalogue in one language, optionally with every heading in the other one too."""

    language: str
    bilingual: bool = False

    def plain(self, key: str, **params: object) -> str:
        return t(key, self.language, **params)

    def plural(self, key: str, count: int, **params: object) -> str:
        """Plain catalogue text in the plural form for ``count``."""
        return tn(key, self.language, count, **params)

    def say(self, key: str, **params: str) -> str:
        """Catalogue text as Paragraph markup; ``params`` are user text and get escaped."""
        return user_text(t(key, self.language, **params))

    def heading(self, key: str, **params: str) -> str:
        """Markup for a heading; in two-language mode the second language follows, quieter."""
        main = self.say(key, **params)
        if not self.bilingual:
            return main
        second = user_text(t(key, other_language(self.language), **params))
        return f'{main}<font color="{MUTED_HEX}"> / {second}</font>'

    def stacked(self, key: str) -> str:
        """A table header: both languages on two lines, or one."""
        main = self.say(key)
        if not self.bilingual:
            return main
        return f"{main}<br/>{user_text(t(key, other_language(self.language)))}"

    def date(self, value: date | None) -> str:
        return format_date(value, self.language) if value is not None else ""

    def short_date(self, value: datetime.date) -> str:
        return format_short_date(value, self.language)


def paragraphs(value: str, style: object, styles: Styles) -> list[Flowable]:
    """User text as one Paragraph per line, so long texts split between pages cleanly."""
    lines = [line for line in value.split("\n")]
    out: list[Flowable] = []
    chunk: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            chunk.append(line)
            if not styles.easy_read:
                continue
        if chunk:
            out.append(Para(user_text("\n".join(chunk)), style))
            chunk = []
    return out


def labelled(words: Words, key: str, value: str, styles: Styles) -> list[Flowable]:
    """A label in the heading colour followed by the person's words (or a quiet placeholder)."""
    out: list[Flowable] = [keep_room(styles, 3), Para(words.heading(key), styles.label)]
    if value.strip():
        out.extend(paragraphs(value, styles.body, styles))
    else:
        out.append(Para(f"<i>{words.say('not_written')}</i>", styles.small))
    return out


def gap(styles: Styles, factor: float = 1.0) -> Spacer:
    return Spacer(1, styles.gap * factor)


def keep_room(styles: Styles, lines: float) -> CondPageBreak:
    """Start a new page unless about ``lines`` lines of body text still fit on this one."""
    return CondPageBreak(styles.body.leading * lines)


#: Parsed markup of short, often repeated texts (headings, labels, names, dates), keyed by
#: the text and the style object; holding the style keeps its id from being reused.
_PARSED: dict[tuple[str, int], tuple[object, object, list[object], str]] = {}
_PARSED_LIMIT = 4096
_CACHE_TEXT_UP_TO = 160

#: Parsed *shapes* of markup: the tags and entities of a text with each run of plain text
#: replaced by a marker, keyed by that shape and the style. Most markup is a few fixed tags
#: around the person's words; the words change, the shape repeats.
_SHAPES: dict[tuple[str, int], tuple[object, object, list[tuple[Any, int]]]] = {}
_SHAPES_LIMIT = 1024
#: Tags whose parse does not depend on the text around them (no counters, links or images).
_PLAIN_TAGS = frozenset(("b", "i", "font", "br"))
_TOKEN = re.compile(
    r"<(/?)([a-zA-Z]+)(?:\s[^<>]*)?/?>|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);|[^<&]+"
)
_MARK = "\ue000{}\ue001"


def _shape(text: str) -> tuple[str, list[str]] | None:
    """``text`` with each run of plain text replaced by a numbered marker, and the runs;
    None for markup that is not only plain tags, entities and text."""
    parts: list[str] = []
    runs: list[str] = []
    end = 0
    for match in _TOKEN.finditer(text):
        if match.start() != end:
            return None
        end = match.end()
        token = match.group()
        if token[0] == "<":
            if match.group(2) not in _PLAIN_TAGS:
                return None
            parts.append(token)
        elif token[0] == "&":
            parts.append(token)
        else:
            parts.append(_MARK.format(len(runs)))
            runs.append(token)
    if end != len(text) or "\ue000" in text or "\ue001" in text:
        return None
    return "".join(parts), runs


def _parse_shape(shape: str, style: ParagraphStyle) -> tuple[object, list[tuple[Any, int]]] | None:
    """The parsed fragments of a shape; each marker fragment paired with its run's number."""
    parser = ParaParser()
    parser.caseSensitive = 1
    parsed_style, frags, bullets = parser.parse(shape, style)
    if frags is None or bullets:
        return None
    out: list[tuple[Any, int]] = []
    for frag in frags:
        found = getattr(frag, "text", "")
        number = -1
        if found.startswith("\ue000"):
            if not found.endswith("\ue001"):
                return None
            number = int(found[1:-1])
        elif "\ue000" in found or "\ue001" in found:
            return None
        out.append((frag, number))
    return parsed_style, out


def _fast_frags(text: str, style: ParagraphStyle) -> tuple[str, object, list[Any]] | None:
    """``text`` cleaned as Paragraph cleans it, and its fragments from its parsed shape; or
    None when it is not made of plain tags, entities and text only."""
    cleaned = cleanBlockQuotedText(text)
    shaped = _shape(cleaned)
    if shaped is None:
        return None
    shape, runs = shaped
    key = (shape, id(style))
    hit = _SHAPES.get(key)
    if hit is None:
        parsed = _parse_shape(shape, style)
        if parsed is None:
            return None
        if len(_SHAPES) >= _SHAPES_LIMIT:
            _SHAPES.clear()
        hit = _SHAPES[key] = (style, *parsed)
    _, parsed_style, pieces = hit
    frags = [frag if number < 0 else frag.clone(text=runs[number]) for frag, number in pieces]
    textTransformFrags(frags, parsed_style)
    return cleaned, parsed_style, frags


class Para(Paragraph):  # type: ignore[misc]
    """A Paragraph that parses repeated markup once and remembers its line breaks per width.

    A batch of plans repeats the same headings and table labels thousands of times, and
    tables wrap every cell twice; both are worth skipping. Longer texts (the person's own
    words) are parsed by shape: the few tags around them once, the words put in after.
    Fragments are shared read-only.
    """

    _wrapped_for: float | None = None
    _wrapped: tuple[float, float] = (0.0, 0.0)

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        bulletText: Any = None,
        frags: Any = None,
        caseSensitive: int = 1,
        encoding: str = "utf8",
    ) -> None:
        if frags is not None or bulletText is not None or not caseSensitive:
            super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
            return
        key = (text, id(style))
        hit = _PARSED.get(key)
        if hit is None:
            fast = None if getattr(style, "bulletText", None) else _fast_frags(text, style)
            if fast is None:
                super().__init__(text, style)
            else:
                self._take(fast[0], style, fast[1], fast[2])
            if len(text) <= _CACHE_TEXT_UP_TO:
                if len(_PARSED) >= _PARSED_LIMIT:
                    _PARSED.clear()
                parsed: dict[str, Any] = self.__dict__
                _PARSED[key] = (style, parsed["style"], list(parsed["frags"]), parsed["text"])
            return
        _, parsed_style, frags, cleaned = hit
        self._take(cleaned, style, parsed_style, list(frags))

    def _take(self, text: str, style: ParagraphStyle, parsed_style: object, frags: Any) -> None:
        self.caseSensitive = 1
        self.encoding = "utf8"
        self.text = text
        self.frags = frags
        self.style = parsed_style
        self.bulletText = getattr(style, "bulletText", None)
        self.debug = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_for == availWidth and "blPara" in self.__dict__:
            return self._wrapped
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_for, self._wrapped = availWidth, size
        return size


class Table(platypus.Table):  # type: ignore[misc]
    """A Table that is not laid out again for the same width when all of it fit last time.

    ReportLab measures every cell afresh at each wrap, and a plan's tables are wrapped two or
    three times as pages fill (kept together, then placed). A layout that took in every row
    is what a new one would give at that width with at least as much height.
    """

    _fitted: tuple[float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        fitted = self._fitted
        if fitted is not None and fitted[0] == availWidth and availHeight >= fitted[1]:
            self.availWidth = availWidth
            return (self._width, self._height)
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        whole = self._hmax == len(self._argH)
        self._fitted = (availWidth, self._height) if whole else None
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._fitted = None
        parts: list[Flowable] = super().split(availWidth, availHeight)
        return parts
