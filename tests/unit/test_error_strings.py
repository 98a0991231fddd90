"""Every sentence a person can be shown from below the UI reaches the translators.

The sentences are found by Babel's extractor (``tools/error_messages.py``, keyword
``tr_noop``) and must be in the Qt catalogue in the context the UI translates them in.
"""

from __future__ import annotations

import ast
import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "caseplan" / "resources" / "translations" / "caseplan_nb.ts"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "error_messages", ROOT / "tools" / "error_messages.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_sentence_below_the_ui_is_in_the_catalogue() -> None:
    tool = _tool()
    sentences = tool.sentences()
    in_catalogue = {
        message.findtext("source")
        for context in ET.parse(CATALOGUE).getroot().iter("context")
        if context.findtext("name") == tool.CONTEXT
        for message in context.iter("message")
    }
    missing = [s for s in sentences if s not in in_catalogue]
    assert missing == [], "run tools/update_translations.sh, then translate the new sentences"


def test_the_extractor_finds_sentences_of_every_layer_and_only_tr_noop(tmp_path: Path) -> None:
    tool = _tool()
    sentences = tool.sentences()
    for sentence in (
        "{field} is missing.",  # services/exchange
        "{field} contains a hidden direction-changing character.",  # models/text.py
        "There is no database at {path}.",  # storage
        "Only a team lead or an administrator can add fictional people.",  # demo
        "This person has no open plan to print.",  # reports
    ):
        assert sentence in sentences
    assert "Caseplan {version}" not in sentences  # a UI string (self.tr), not below the UI
    assert sentences == sorted(set(sentences))


def test_lupdate_is_given_every_sentence_in_the_errors_context(tmp_path: Path) -> None:
    tool = _tool()
    target = tmp_path / "error_messages.py"
    assert tool.main(["--for-lupdate", str(target)]) == 0
    calls = [
        node
        for node in ast.walk(ast.parse(target.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
    ]
    assert all(getattr(call.func, "id", "") == "QT_TRANSLATE_NOOP" for call in calls)
    given = [ast.literal_eval(call.args[1]) for call in calls]
    assert {ast.literal_eval(call.args[0]) for call in calls} == {"errors"}
    assert given == tool.sentences()
