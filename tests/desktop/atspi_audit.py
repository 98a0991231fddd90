"""Walk the real Caseplan through AT-SPI, as a screen reader or voice control sees it.

Run by ``tests/desktop/test_screen_reader.py`` with the system's Python (Debian's
``python3-pyatspi`` is not installable into a venv) inside a private D-Bus session and an
Xvfb display: ``python3 atspi_audit.py CASEPLAN_COMMAND… --db DEMO.db``. It starts the app,
drives it through sign-in (a wrong password first), the caseload, every section of a
person's workspace, meeting mode and the agreement dialog, and prints one JSON object:
per screen, the interactive controls checked, those without a name, those whose name does
not contain their visible label, and the sentences a person sees that no label exposes.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import time
from typing import Any

import pyatspi

PATIENCE_S = 120.0
MARKER = "atspi-audit-json: "  #: the line of the output that holds the figures
#: What a person can operate: these need a name, and a name that contains their label.
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "spin button",
    "slider",
    "page tab",
    "table",
    "tree table",
    "tree",
    "list",
    "link",
    "date editor",
}


def plain(label: str) -> str:
    """A visible label as a person would say it: no mnemonic, no colon, no ellipsis."""
    text = label.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return re.sub(r"[:：…]+$|\.\.\.$", "", text.strip()).strip().casefold()


def state(acc: Any, which: Any) -> bool:
    try:
        return bool(acc.getState().contains(which))
    except Exception:
        return False


def descendants(acc: Any) -> list[Any]:
    found: list[Any] = []
    stack = [acc]
    while stack:
        node = stack.pop()
        try:
            count = node.childCount
        except Exception:
            continue
        found.append(node)
        for i in range(count - 1, -1, -1):
            try:
                child = node.getChildAtIndex(i)
            except Exception:
                continue
            if child is not None:
                stack.append(child)
    return found


def labels_of(acc: Any) -> list[str]:
    names = []
    try:
        relations = acc.getRelationSet()
    except Exception:
        return names
    for relation in relations:
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(relation.getNTargets()):
                target = relation.getTarget(i)
                if target is not None and target.name:
                    names.append(target.name)
    return names


def audit(windows: list[Any], screen: str, must_hear: list[str]) -> dict[str, Any]:
    checked = 0
    unnamed: list[str] = []
    mismatched: list[str] = []
    label_names: list[str] = []
    texts: list[str] = []
    by_value = 0  # combo boxes: Qt names them by their value; their label comes by relation
    for window in windows:
        for acc in descendants(window):
            try:
                role, name = acc.getRoleName(), (acc.name or "").strip()
            except Exception:
                continue
            if not state(acc, pyatspi.STATE_SHOWING):
                continue
            if role == "label":
                label_names.append(name)
            if role == "text":
                with contextlib.suppress(Exception):
                    texts.append(acc.queryText().getText(0, -1))
            if role not in INTERACTIVE:
                continue
            checked += 1
            if not name:
                unnamed.append(f"{role} in {window.name!r}")
                continue
            if role == "combo box":
                by_value += bool(labels_of(acc))
                continue
            for label in labels_of(acc):
                if plain(label) and plain(label) not in name.casefold():
                    mismatched.append(f"{role} {name!r} labelled {label!r}")
    heard = " \n".join(label_names + texts + [w.name for w in windows])
    unheard = [text for text in must_hear if text not in heard]
    return {
        "screen": screen,
        "checked": checked,
        "unnamed": unnamed,
        "mismatched": mismatched,
        "labels": len(label_names),
        "combo_boxes_labelled_by_relation": by_value,
        "unheard": unheard,
    }


class App:
    def __init__(self, command: list[str]) -> None:
        env = {**os.environ, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
        self.process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.app = self._wait(self._find_app, "the app on the accessibility bus")

    def _wait(self, probe: Any, what: str) -> Any:
        deadline = time.monotonic() + PATIENCE_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"Caseplan ended ({self.process.returncode}) waiting for {what}")
            found = probe()
            if found:
                return found
            time.sleep(0.3)
        raise SystemExit(f"gave up waiting for {what}")

    def _find_app(self) -> Any:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == "Caseplan":
                return app
        return None

    def windows(self) -> list[Any]:
        found = []
        for i in range(self.app.childCount):
            window = self.app.getChildAtIndex(i)
            if window is not None and state(window, pyatspi.STATE_SHOWING):
                found.append(window)
        return found

    def window(self, pattern: str) -> Any:
        def probe() -> Any:
            for window in self.windows():
                if re.search(pattern, window.name or ""):
                    return window
            return None

        return self._wait(probe, f"a window {pattern!r}")

    def find(self, root: Any, role: str, name: str = "", showing: bool = True) -> Any:
        def probe() -> Any:
            for acc in descendants(root):
                try:
                    matches = acc.getRoleName() == role and (not name or re.search(name, acc.name))
                    if matches and (not showing or state(acc, pyatspi.STATE_SHOWING)):
                        return acc
                except Exception:
                    continue
            return None

        return self._wait(probe, f"a {role} {name!r}")

    def type_into(self, field: Any, text: str) -> None:
        field.queryEditableText().setTextContents(text)

    def press(self, button: Any) -> None:
        """Press through AT-SPI; a reply that is late (the app is busy opening what the press
        asked for) is not a failure: what matters is the window that follows."""
        action = button.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        index = next((i for i, n in enumerate(names) if n in ("Press", "press", "click")), 0)
        try:
            action.doAction(index)
        except Exception as error:
            progress(f"press {button.name!r}: {error}")

    def keys(self, window: Any, *keys: str) -> None:
        """Real key presses (XTEST) into ``window``: the pointer over it gives it the focus."""
        x, y = window.queryComponent().getPosition(pyatspi.DESKTOP_COORDS)
        width, height = window.queryComponent().getSize()
        subprocess.run(
            ["xdotool", "mousemove", str(x + width // 2), str(y + min(height // 2, 60))],
            check=True,
        )
        for key in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)
            time.sleep(0.4)

    def settle(self, seconds: float = 1.0) -> None:
        time.sleep(seconds)


def progress(step: str) -> None:
    sys.stderr.write(f"atspi_audit: {step}\n")
    sys.stderr.flush()


def main(argv: list[str]) -> int:
    app = App(argv)
    screens: list[dict[str, Any]] = []
    try:
        walk(app, argv, screens)
    finally:
        print(MARKER + json.dumps(screens, ensure_ascii=False))
        if app.process.poll() is None:
            app.process.kill()
    return 0


def walk(app: App, argv: list[str], screens: list[dict[str, Any]]) -> None:

    sign_in = app.window(r"^Sign in to Caseplan$")
    database = argv[argv.index("--db") + 1]
    screens.append(audit([sign_in], "sign-in", [database]))
    app.type_into(app.find(sign_in, "text", "Account"), "lead")
    app.type_into(app.find(sign_in, "password text", "Password"), "not the password")
    app.press(app.find(sign_in, "push button", "^Sign in"))
    time.sleep(1.5)  # sign-in is slowed down after a wrong password, on purpose
    app.settle(2.0)
    wrong = audit([sign_in], "sign-in after a wrong password", ["password"])
    screens.append(wrong)
    app.type_into(app.find(sign_in, "password text", "Password"), "demo")
    app.press(app.find(sign_in, "push button", "^Sign in"))

    main_window = app.window(r"^Caseplan — lead")
    app.settle(1.5)
    # a team lead starts on the overview; People (Alt+Left) goes to the caseload
    screens.append(audit([main_window], "overview", ["Reviews per coordinator:"]))
    app.press(app.find(main_window, "push button", "^People"))
    app.settle(1.5)
    screens.append(audit([main_window], "caseload", ["People: "]))

    table = app.find(main_window, "table")
    table.queryComponent().grabFocus()
    app.keys(main_window, "Down", "Return")
    main_window = app.window(r"— Caseplan — lead")
    person = main_window.name.split(" — ")[0]
    app.settle(1.5)
    for number in range(1, 8):
        app.keys(main_window, f"ctrl+{number}")
        app.settle(0.8)
        screens.append(audit([main_window], f"workspace, section {number}", [person]))

    progress("meeting mode")
    app.keys(main_window, "F11")
    app.settle(2.0)
    screens.append(audit(app.windows(), "meeting mode", []))
    app.keys(main_window, "F11")
    app.settle(1.5)

    progress("agreement")
    main_window = app.window(r"— Caseplan — lead")
    app.press(app.find(main_window, "push button", "^Agree the plan"))
    agreement = app.window(r"[Aa]gree")
    app.settle(2.5)
    tab = app.find(agreement, "page tab", "^As text$")
    tabs = tab.parent
    tabs.querySelection().selectChild(tab.getIndexInParent())
    app.settle(1.5)
    screens.append(audit([agreement], "agreement (the plan as text)", [person, "Page 1 of"]))
    app.keys(agreement, "Escape")
    app.settle(1.0)
    app.keys(main_window, "ctrl+q")
    try:
        app.process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        app.process.kill()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
