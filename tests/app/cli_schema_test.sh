#!/usr/bin/env bash
# The JSON Schema beside FORMAT.md agrees with BodyMap: every good file (versions 1 and 2, the
# examples) passes both the schema and `bodymap validate`; bad files whose fault is structural
# (a version 2 key in a version 1 file, an unknown mark kind, an arrow without its end, a
# findings value over 15) are refused by both.
set -euo pipefail
BODYMAP="$1"
TESTS="$3"
ROOT="$(cd "$TESTS/.." && pwd)"
SCHEMA="$ROOT/maps/bodymap.schema.json"
CHECK="$TESTS/tools/schema_check.py"
# Debian's python3, where scripts/setup installs python3-jsonschema (a PATH python may lack it).
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

good=("$TESTS"/data/good/*.json "$ROOT"/assets/examples/*/2*.json)
bad=()
for n in marks_in_version1 findings_in_version1 findings_value_16 mark_kind_unknown mark_arrow_without_end \
         unknown_top_level_field view_extra_field version_newer tag_kind_unknown visit_drawn_by_nurse; do
  bad+=("$TESTS/data/bad/$n.json")
done

"$PY" "$CHECK" "$SCHEMA" accept "${good[@]}"
"$BODYMAP" validate "${good[@]}" > /dev/null
"$PY" "$CHECK" "$SCHEMA" reject "${bad[@]}"
for f in "${bad[@]}"; do
  if "$BODYMAP" validate "$f" > /dev/null 2>&1; then
    echo "FAIL: bodymap validate accepts $f"
    exit 1
  fi
done
# A version 2 file must carry what makes it version 2 to be worth the check: findings and marks.
grep -q '"findings"' "$TESTS/data/good/therapist_layer_v2.json"
grep -q '"kind": "radiating"' "$TESTS/data/good/therapist_layer_v2.json"
echo "PASS"
