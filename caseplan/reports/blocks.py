"""Small building blocks shared by the plan, the changes page and the crisis card."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

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
_PARSED: dict[tuple[str, int], tuple[object, object, list[object]]] = {}
_PARSED_LIMIT = 4096
_CACHE_TEXT_UP_TO = 160


class Para(Paragraph):  # type: ignore[misc]
    """A Paragraph that parses repeated markup once and remembers its line breaks per width.

    A batch of plans repeats the same headings and table labels thousands of times, and
    tables wrap every cell twice; both are worth skipping. Fragments are shared read-only.
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
            super().__init__(text, style)
            if len(text) <= _CACHE_TEXT_UP_TO:
                if len(_PARSED) >= _PARSED_LIMIT:
                    _PARSED.clear()
                parsed: dict[str, Any] = self.__dict__
                _PARSED[key] = (style, parsed["style"], list(parsed["frags"]))
            return
        self.caseSensitive = 1
        self.encoding = "utf8"
        _, parsed_style, frags = hit
        self.text = text
        self.frags = list(frags)
        self.style = parsed_style
        self.bulletText = getattr(style, "bulletText", None)
        self.debug = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_for == availWidth and "blPara" in self.__dict__:
            return self._wrapped
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_for, self._wrapped = availWidth, size
        return size
