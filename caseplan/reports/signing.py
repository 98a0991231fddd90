"""The plan's last section: who agreed it, with their signatures drawn on the screen or lines
to sign on paper."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, TableStyle

from caseplan.reports.blocks import Para, Table, Words, gap
from caseplan.reports.document import PlanView
from caseplan.reports.fonts import REGULAR
from caseplan.reports.plan_sections import role_text, section
from caseplan.reports.styles import ACCENT_LINE, INK, Styles, detail, user_text


def _signature(data: bytes | None, styles: Styles) -> Flowable | None:
    if not data:
        return None
    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # a damaged drawing prints as a line to sign on paper
        return None
    box_w, box_h = 70 * mm, (22 if styles.easy_read else 16) * mm
    scale = min(box_w / width, box_h / height) if width and height else 0
    if scale <= 0:
        return None
    return Image(io.BytesIO(data), width=width * scale, height=height * scale, hAlign="LEFT")


def agreement(
    view: PlanView, words: Words, styles: Styles, signatures: Mapping[str, bytes], printed: date
) -> list[Flowable]:
    keys = list(dict.fromkeys([*view.present, *signatures]))
    present = [p for p in (view.participant(k) for k in keys) if p is not None]
    if not present:
        present = [p for p in view.participants if p.role == "person" or p.key == view.coordinator]
    rows: list[list[object]] = [
        [Para(words.stacked(k), styles.cell_head) for k in ("present", "signature", "date")]
    ]
    signed_rows = []
    for index, p in enumerate(present, start=1):
        role = words.say("role_person") if p.role == "person" else role_text(words, p.role)
        small = styles.small.fontSize
        person = Para(f"<b>{user_text(p.name)}</b><br/>{detail(role, small)}", styles.cell)
        image = _signature(signatures.get(p.key), styles)
        if image is not None:
            signed_rows.append(index)
            rows.append([person, image, Para(user_text(words.date(printed)), styles.cell)])
        else:
            rows.append([person, "", ""])
    if len(rows) == 1:
        rows += [["", "", ""], ["", "", ""]]
    height = (26 if styles.easy_read else 20) * mm
    signing = Table(
        rows,
        colWidths=[58 * mm, 80 * mm, 36 * mm],
        rowHeights=[None] + [height] * (len(rows) - 1),
        hAlign="LEFT",
    )
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, 0), "TOP"),
        ("VALIGN", (0, 1), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT_LINE),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
    ]
    for row in range(1, len(rows)):
        if row not in signed_rows:
            commands.append(("LINEBELOW", (1, row), (1, row), 0.8, INK))
            commands.append(("LINEBELOW", (2, row), (2, row), 0.8, INK))
    signing.setStyle(TableStyle(commands))
    intro = Para(words.say("agreement_text"), styles.body)
    whole = section("agreement", words, styles, [intro, gap(styles), signing])
    return [whole[0], KeepTogether(whole[1:])]
