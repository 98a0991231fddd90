#!/usr/bin/env bash
# Collect the UI's strings into the Qt Linguist sources (.ts) and compile them (.qm).
#   tools/update_translations.sh          update caseplan_*.ts from caseplan/ui, then compile
#   tools/update_translations.sh --release  only compile the .ts files as they are
# Translate new strings with pyside6-linguist (or by editing the .ts), then run this again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.venv/bin"
for tool in pyside6-lupdate pyside6-lrelease; do
  if [ ! -x "$bin/$tool" ]; then
    echo "update_translations: $bin/$tool is missing (pip install PySide6-Essentials)" >&2
    exit 1
  fi
done
folder="$root/caseplan/resources/translations"
languages=(nb)
cd "$root"
if [ "${1:-}" != "--release" ]; then
  # The sentences from below the UI (tr_noop), found by Babel's extractor, go in as context
  # "errors" through a throw-away file that only lupdate reads.
  errors=$(mktemp -d)
  trap 'rm -rf "$errors"' EXIT
  "$bin/python" tools/error_messages.py --for-lupdate "$errors/error_messages.py"
  mapfile -t sources < <(find caseplan/ui -name '*.py' -not -path '*/__pycache__/*' | sort)
  for lang in "${languages[@]}"; do
    "$bin/pyside6-lupdate" -no-obsolete -locations none "${sources[@]}" "$errors/error_messages.py" \
      -ts "$folder/caseplan_$lang.ts"
  done
fi
for lang in "${languages[@]}"; do
  "$bin/pyside6-lrelease" "$folder/caseplan_$lang.ts" -qm "$folder/caseplan_$lang.qm"
  # Qt's own strings (standard buttons, dialogs) for languages Qt ships no catalogue for.
  if [ -f "$folder/qt_$lang.ts" ]; then
    "$bin/pyside6-lrelease" "$folder/qt_$lang.ts" -qm "$folder/qt_$lang.qm"
  fi
done
