"""Person → New person… and Person → Edit details…: a person's own details in one dialog.

Adding a person also opens their first plan (the service does it). Someone with the same
name and date of birth is not refused — people share names — but the dialog says so first,
and only a second press adds them.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.models import ConsentGiven, Language
from caseplan.services.context import Context
from caseplan.services.people import checks, people
from caseplan.services.people.people import PersonDetails
from caseplan.services.printing import printing
from caseplan.services.security import access
from caseplan.ui.i18n import error_text
from caseplan.ui.widgets.dates import Direction, OptionalDateEdit, dates_ok
from caseplan.ui.widgets.keep_words import WordsDialog


class PersonDialog(WordsDialog):
    """New person (``person`` None) or Edit details (the person as read, with its version)."""

    def __init__(
        self, ctx: Context, person: PersonDetails | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person = person
        self.saved: PersonDetails | None = None
        self._twins_seen: tuple[str, date | None] | None = None
        adding = person is None
        self.setWindowTitle(self.tr("New person") if adding else self.tr("Edit details"))

        self.full_name = QLineEdit(self)
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.preferred_name = QLineEdit(self)
        self.preferred_name.setAccessibleName(self.tr("What we call them"))
        self.preferred_name.setPlaceholderText(self.tr("The name they like to be called"))
        self.born = OptionalDateEdit(
            self.tr("Date of birth"), self, way=Direction.PAST, today=ctx.today
        )
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("The language their plan is printed in"))
        self.language.addItem(self.tr("Norwegian (bokmål)"), Language.NB)
        self.language.addItem(self.tr("Norwegian (nynorsk)"), Language.NN)
        self.language.addItem(self.tr("Northern Sámi"), Language.SE)
        self.language.addItem(self.tr("English"), Language.EN)
        self.phone = QLineEdit(self)
        self.phone.setAccessibleName(self.tr("Phone"))
        self.address = QPlainTextEdit(self)
        self.address.setAccessibleName(self.tr("Address"))
        self.address.setAccessibleDescription(
            self.tr("Where letters reach them, such as a reminder of their review")
        )
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.consent_on = OptionalDateEdit(
            self.tr("Consented to the plan on"), self, way=Direction.PAST, today=ctx.today
        )
        self.consent_how = QComboBox(self)
        self.consent_how.setAccessibleName(self.tr("How they consented"))
        self.consent_how.addItem(self.tr("on the screen"), ConsentGiven.SCREEN)
        self.consent_how.addItem(self.tr("on paper"), ConsentGiven.PAPER)
        self.consent_how.setEnabled(False)
        self.consent_on.changed.connect(
            lambda: self.consent_how.setEnabled(self.consent_on.value() is not None)
        )

        self.practitioner = QComboBox(self)
        self.practitioner.setAccessibleName(self.tr("Their practitioner"))
        self.practitioner.addItem(self.tr("(choose later)"), None)
        with_practitioner = adding and access.can(ctx, access.Action.PRINT_DUE)
        if with_practitioner:  # a team lead: they may assign someone
            for who in printing.practitioners(ctx):
                self.practitioner.addItem(who.display_name or who.username, who.id)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_text = self.tr("Add person") if adding else self.tr("Save")
        self.ok_button.setText(self.ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.cancel)

        form = QFormLayout(self)
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&What we call them:"), self.preferred_name)
        form.addRow(self.tr("Date of &birth:"), self.born)
        form.addRow(self.tr("Plan &printed in:"), self.language)
        form.addRow(self.tr("P&hone:"), self.phone)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("&Consented to the plan:"), self.consent_on)
        form.addRow(self.tr("C&onsent given:"), self.consent_how)
        if with_practitioner:
            form.addRow(self.tr("P&ractitioner:"), self.practitioner)
        else:
            self.practitioner.hide()
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.full_name.textChanged.connect(self._details_changed)
        self.born.changed.connect(self._details_changed)
        if person is not None:
            self._fill(person)
        self.full_name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(max(520, self.sizeHint().width()), self.sizeHint().height())

    def _fill(self, person: PersonDetails) -> None:
        self.full_name.setText(person.full_name)
        self.preferred_name.setText(person.preferred_name)
        self.born.set_value(person.date_of_birth)
        self.language.setCurrentIndex(max(0, self.language.findData(person.preferred_language)))
        self.phone.setText(person.phone)
        self.address.setPlainText(person.address)
        self.consent_on.set_value(person.plan_consent_on)
        self.consent_how.setEnabled(person.plan_consent_on is not None)
        if person.plan_consent_how is not None:
            self.consent_how.setCurrentIndex(self.consent_how.findData(person.plan_consent_how))

    def values(self) -> dict[str, object]:
        consent_on = self.consent_on.value()
        return {
            "full_name": self.full_name.text().strip(),
            "preferred_name": self.preferred_name.text().strip(),
            "date_of_birth": self.born.value(),
            "preferred_language": Language(self.language.currentData()),
            "phone": self.phone.text().strip(),
            "address": self.address.toPlainText().strip(),
            "plan_consent_on": consent_on,
            "plan_consent_how": self.consent_how.currentData() if consent_on else None,
        }

    def _details_changed(self) -> None:
        if self._twins_seen is not None:
            self._twins_seen = None
            self.ok_button.setText(self.ok_text)
            self.message.clear()

    def _show(self, sentence: str) -> None:
        self.message.setText(sentence)

    def accept(self) -> None:
        if not dates_ok(self):
            return
        values = self.values()
        name, born = str(values["full_name"]), values["date_of_birth"]
        assert born is None or isinstance(born, date)
        try:
            unseen = self.person is None and self._twins_seen != (name, born) and name
            if unseen and checks.same_name_and_birth(self.ctx, name, born):
                self._twins_seen = (name, born)
                self._show(
                    self.tr(
                        "Someone with the same name and date of birth is already "
                        "registered. Check that this is not the same person; press "
                        "“Add anyway” to add them."
                    )
                )
                self.ok_button.setText(self.tr("Add anyway"))
                return
            self.saved = self._save(values)
        except CaseplanError as error:
            self._show(error_text(error))
            return
        super().accept()

    def _save(self, values: dict[str, object]) -> PersonDetails:
        if self.person is None:
            practitioner = self.practitioner.currentData()
            return people.create_person(
                self.ctx,
                str(values.pop("full_name")),
                practitioner_id=practitioner if isinstance(practitioner, uuid.UUID) else None,
                with_plan=True,
                **values,  # type: ignore[arg-type]
            )
        changes = {k: v for k, v in values.items() if getattr(self.person, k) != v}
        return people.update_person(
            self.ctx,
            self.person.id,
            self.person.version,
            **changes,  # type: ignore[arg-type]
        )
