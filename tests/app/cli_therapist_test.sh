#!/usr/bin/env bash
# The therapist's layer from the command line: `stats --json` gives the findings, the marks and
# the agreement with the client's drawing (checked here against the file's own runs, decoded
# independently); `stats` says it in words; `render` draws the findings and marks in the
# therapist's ink; `report --therapist-page` prints the legend, the agreement and the marks'
# notes, and without it the report has none of the therapist's layer.
set -euo pipefail
BODYMAP="$1"
PROBE="$2"
TESTS="$3"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
MAP="$TESTS/data/good/therapist_layer_v2.json"

"$BODYMAP" stats --json "$MAP" > "$WORK/stats.json"
python3 - "$MAP" "$WORK/stats.json" <<'PY' || fail "stats --json: the therapist's figures disagree with the file"
import json, sys
m = json.load(open(sys.argv[1]))
t = json.load(open(sys.argv[2]))["maps"][0]["therapist"]
def cells(runs):
    out = []
    for v, n in runs:
        out.extend([v] * n)
    return out
client = findings = both = 0
for view in ("front", "back"):
    inten = cells(m["views"][view]["intensity"])
    found = cells(m["views"][view]["findings"])
    for i, f in zip(inten, found):
        # Every painted and found cell of this file is on the body (it was painted there).
        client += i >= 1
        findings += f != 0
        both += i >= 1 and f != 0
a = t["agreement"]
assert (a["clientCells"], a["findingCells"], a["bothCells"]) == (client, findings, both), (a, client, findings, both)
assert abs(a["jaccard"] - both / (client + findings - both)) < 1e-4, a
assert abs(a["foundShare"] - both / client) < 1e-4 and abs(a["drawnShare"] - both / findings) < 1e-4, a
assert t["findingCells"]["tender"] == findings and t["findingCells"]["swollen"] == 0
assert t["marks"] == {"trigger-active": 1, "trigger-latent": 1, "tender-point": 1, "adhesion": 1, "radiating": 1, "label": 1}, t["marks"]
assert [r["id"] for r in a["regions"]] == ["front-right-shin"], a["regions"]
PY
echo "ok: stats --json: findings, marks and the agreement as the file's own cells give them"

"$BODYMAP" stats "$MAP" > "$WORK/stats.txt"
grep -q "Agreement with the client's drawing: overlap (Jaccard) 57%" "$WORK/stats.txt" || fail "stats text: $(cat "$WORK/stats.txt")"
grep -q "Marks on the chart: 6" "$WORK/stats.txt" || fail "stats text has no marks"
"$BODYMAP" stats "$TESTS/data/good/front_right_shin_7_burning.json" > "$WORK/plain.txt"
grep -q "Agreement\|Marks on the chart" "$WORK/plain.txt" && fail "stats speaks of a therapist's layer a map does not have"
echo "ok: stats says the agreement and the marks in words, and only when there are some"

"$BODYMAP" render "$MAP" -o "$WORK/chart.png" --view front --width 600 > /dev/null
"$BODYMAP" render "$TESTS/data/good/front_right_shin_7_burning.json" -o "$WORK/plain.png" --view front --width 600 > /dev/null
with=$("$PROBE" count "$WORK/chart.png" 1c34c4 40)
without=$("$PROBE" count "$WORK/plain.png" 1c34c4 40)
[ "$with" -gt $((without + 200)) ] || fail "render: no therapist's ink ($without without, $with with the layer)"
echo "ok: render draws the findings and marks ($with ink pixels, $without without them)"

"$BODYMAP" report "$MAP" --therapist-page -o "$WORK/t.pdf" > /dev/null
pdftotext -layout "$WORK/t.pdf" "$WORK/t.txt"
for s in "Findings and marks" "Agreement with the client's drawing" "Marks on the chart" "refers down the shin" "2019 fracture"; do
  grep -qF "$s" "$WORK/t.txt" || fail "report --therapist-page lacks '$s'"
done
"$BODYMAP" report "$MAP" -o "$WORK/c.pdf" > /dev/null
pdftotext -layout "$WORK/c.pdf" "$WORK/c.txt"
for s in "Agreement with the client's drawing" "Marks on the chart" "refers down the shin" "Active trigger point"; do
  grep -qF "$s" "$WORK/c.txt" && fail "the client's report shows the therapist's '$s'"
done
grep -qF "Pain spreads, drawn by the client" "$WORK/c.txt" || fail "the client's report lacks the client's own arrow in its legend"
echo "ok: the therapist's page prints the legend, agreement and notes; the client's report only the client's arrow"
echo PASS
