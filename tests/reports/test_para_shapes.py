"""Markup parsed by its shape (the tags once, the person's words put in after) gives exactly
the fragments ReportLab's own parser gives: same words, fonts, sizes, colours, line breaks."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from caseplan.reports.blocks import Para
from caseplan.reports.styles import detail, make_styles, phone_text, user_text

WORDS = st.lists(
    st.sampled_from([*"aå ÅæøŋŧđžčšÁ&<>\"'\n\t\u00a0;#é1", "&amp;", "<b>", "</font>"]),
    max_size=40,
).map("".join)
SHAPES = [
    "{0}",
    "<b>{0}</b>",
    "<b>{0}</b><br/>{1}",
    "<i>{0}</i>",
    "{0}<br/>{1}",
    "<b>{0}</b>{1}",
    '<font color="#8A2E0C"><b>● {0}</b></font>',
]


def _plain(paragraph: Any) -> list[dict[str, Any]]:
    # ReportLab notes a fragment's kind on it while breaking lines; not part of the parse
    return [{k: v for k, v in f.__dict__.items() if k != "_fkind"} for f in paragraph.frags]


@settings(max_examples=150, deadline=None)
@given(
    shape=st.sampled_from(SHAPES),
    first=WORDS,
    second=WORDS,
    small=st.booleans(),
    easy=st.booleans(),
)
def test_shape_parse_equals_full_parse(
    shape: str, first: str, second: str, small: bool, easy: bool
) -> None:
    styles = make_styles(easy)
    second_markup = detail(phone_text(second)) if small else user_text(second)
    markup = shape.format(user_text(first), second_markup)
    for style in (styles.body, styles.cell, styles.own_words):
        mine, theirs = Para(markup, style), Paragraph(markup, style)
        assert _plain(mine) == _plain(theirs)
        assert mine.text == theirs.text
        assert mine.getPlainText() == theirs.getPlainText()
        assert mine.wrap(300, 1000) == theirs.wrap(300, 1000)


def test_unusual_markup_is_parsed_the_ordinary_way() -> None:
    """Markup outside the plain tags (a link, an image) still prints as ReportLab parses it."""
    style = make_styles(False).body
    for markup in ('<a href="x">Ola</a> Nordmann', "x<super>2</super>", "&nbsp;Ása &lt;"):
        assert _plain(Para(markup, style)) == _plain(Paragraph(markup, style))
