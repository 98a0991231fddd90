"""Agreeing in the app: read back as it prints, who is here, a signature drawn on the screen."""

from __future__ import annotations

import base64
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton

from caseplan.models import Account, ConsentScope, Participant, PlanStatus, Role
from caseplan.reports.printing import PlanOptions, plan_pdf
from caseplan.services.agreement import agreement
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Actor, Context
from caseplan.services.plans import plans
from caseplan.ui.main_window import MainWindow
from caseplan.ui.meeting import AgreementDialog, SignaturePad
from tests.reports.pdftools import pdf_text
from tests.support import spoken_name
from tests.ui.test_keyboard_flow import make_mari


@pytest.fixture
def mari(clinic_ws: OpenClinic) -> dict[str, uuid.UUID]:
    return make_mari(clinic_ws.ctx)


def draw(qtbot: Any, pad: SignaturePad) -> None:
    """A scribble with the mouse, as a person signs."""
    width, height = pad.width(), pad.height()
    points = [
        QPoint(int(width * x / 20), int(height * (0.3 + 0.4 * (x % 3) / 2))) for x in range(2, 19)
    ]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(pad, point)
        pad.extend_stroke(point.toPointF())  # offscreen mouse moves carry no button state
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def open_dialog(qtbot: Any, ctx: Context, person_id: uuid.UUID, saved: Path) -> AgreementDialog:
    dialog = AgreementDialog(ctx, person_id, choose_path=lambda _parent, _name: saved)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_read_back_shows_the_plan_exactly_as_it_prints(
    qtbot: Any, clinic_ws: OpenClinic, mari: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, clinic_ws.ctx, mari["person"], tmp_path / "x.pdf")
    printed = plan_pdf(clinic_ws.ctx, mari["person"], PlanOptions(), audited=False)
    path = tmp_path / "printed.pdf"
    path.write_bytes(printed)
    assert dialog.steps.currentIndex() == dialog.READ_BACK
    assert dialog.page_count == pdf_text(path).count("\f") >= 1
    assert "Jeg vil ha min egen leilighet." in pdf_text(path)
    names = [
        w for w in dialog.findChildren(QAbstractButton) if w.isVisible() and not spoken_name(w)
    ]
    assert names == []


def test_a_signature_drawn_on_the_screen_is_kept_and_printed_then_version_two(
    qtbot: Any, clinic_ws: OpenClinic, mari: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    saved = tmp_path / "copy.pdf"
    dialog = open_dialog(qtbot, clinic_ws.ctx, mari["person"], saved)
    dialog.go_present()
    row = {r.participant.name: r for r in dialog.rows}["Mari Solberg"]
    assert not row.pad.isVisible()
    row.on_screen.setChecked(True)
    assert row.pad.isVisible()
    qtbot.mouseClick(dialog.agree_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.message.text()
        == "Mari Solberg has not signed yet; sign on the screen or choose paper."
    )
    assert dialog.version is None
    draw(qtbot, row.pad)
    assert not row.pad.is_empty()
    png = row.pad.png()
    assert png.startswith(b"\x89PNG") and len(base64.b64encode(png)) < 20_000
    qtbot.mouseClick(dialog.agree_button, Qt.MouseButton.LeftButton)
    assert dialog.steps.currentIndex() == dialog.DONE
    assert dialog.version is not None and dialog.version.number == 1
    assert dialog.version.signatures == {str(mari["me"]): png}
    assert dialog.version.agreed_how == {str(mari["me"]): "signature"}
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.exists() and b"/Subtype /Image" in saved.read_bytes()
    assert f"Saved to {saved}." in dialog.done_label.text()

    again = open_dialog(qtbot, clinic_ws.ctx, mari["person"], saved)
    again.go_present()
    qtbot.mouseClick(again.agree_button, Qt.MouseButton.LeftButton)  # Mari here, on paper
    assert again.version is not None and again.version.number == 2
    versions = agreement.list_versions(clinic_ws.ctx, mari["plan"])
    assert [(v.number, v.agreed_by) for v in versions] == [
        (1, (str(mari["me"]),)),
        (2, (str(mari["me"]),)),
    ]
    assert plans.get_plan(clinic_ws.ctx, mari["plan"]).status == PlanStatus.AGREED


def test_clearing_a_signature_empties_the_pad(qtbot: Any) -> None:
    pad = SignaturePad("Mari Solberg")
    qtbot.addWidget(pad)
    pad.resize(300, 100)
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.png() == b""
    draw(qtbot, pad)
    assert pad.png()
    pad.clear()
    assert pad.is_empty() and pad.png() == b""
    assert pad.accessibleName() == "Signature of Mari Solberg"


def test_a_peer_worker_cannot_agree(
    qtbot: Any, clinic_ws: OpenClinic, mari: dict[str, uuid.UUID], settings: QSettings
) -> None:
    """Siri, Mari's peer (with consent), may open her plan and meeting mode, not agree it."""
    with clinic_ws.ctx.write() as session:
        account = Account(username="siri", display_name="Siri Lie", role=Role.PEER_WORKER)
        session.add(account)
        session.flush()
        account_id = account.id
        row = session.get(Participant, mari["siri"])
        assert row is not None
        row.account_id = account_id
        row.consent_scope = ConsentScope.FULL_PLAN
    peer_ctx = Context(
        clinic_ws.database.sessions, actor=Actor(account_id, "siri", Role.PEER_WORKER)
    )
    window = MainWindow(OpenClinic(clinic_ws.database, peer_ctx), settings)
    qtbot.addWidget(window)
    window.show()
    window.show_person(mari["person"])
    assert window.person_workspace is not None
    assert window.meeting_action.isEnabled()
    assert not window.agree_action.isEnabled()
    assert window.agree_action.toolTip() == "Only the person's practitioners can agree the plan."
    assert window.agree_plan() is None
    window.enter_meeting()
    assert window.meeting is not None and not window.meeting.agree_button.isEnabled()
    assert agreement.list_versions(clinic_ws.ctx, mari["plan"]) == []
