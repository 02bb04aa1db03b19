# Touch through --replay (SDL finger events, with the mouse events SDL makes from the first
# finger): (c) two fingers pinch to zoom about their centre and drag to pan, and paint nothing;
# (d) one finger paints; when a second finger comes down on a finger's stroke, that stroke goes
# and never reaches the undo history, while the strokes before it stay.
source "$(dirname "$0")/lib.sh"
start_xvfb
CELLS="${BODYMAP_STROKE_CELLS:?set by tests/CMakeLists.txt}"
TEMPLATE="$TESTS/../assets/templates/adult_neutral.json"
LOG="$WORK/test.log"
SIZE=1600x1000
PAINT5=fb7d46
source "$TESTS/app/replay_lib.sh"
# Checks map $1 against the strokes of replay $2 (cell by cell); prints the painted cell count.
check_cells() {
  local out
  out=$("$CELLS" "$TEMPLATE" "$LOG" "$2" $SIZE "$1") || { echo "$out" >&2; fail "$1: cells differ from $2"; }
  echo "${out#same }"
}

# --- (c) pinch and two-finger pan --------------------------------------------------------
# Fingers 120 px apart around (560,400) on the front torso spread to 240 px (zoom x2 about the
# centre), then both move by (+40,+30) (pan), in 10 frames each.
{
  echo '300 finger-down 1 500 400'
  echo '300 finger-down 2 620 400'
  for i in $(seq 1 10); do
    echo "$((300 + 40 * i)) finger-move 1 $((500 - 6 * i)) 400"
    echo "$((300 + 40 * i)) finger-move 2 $((620 + 6 * i)) 400"
  done
  for i in $(seq 1 10); do
    echo "$((700 + 40 * i)) finger-move 1 $((440 + 4 * i)) $((400 + 3 * i))"
    echo "$((700 + 40 * i)) finger-move 2 $((680 + 4 * i)) $((400 + 3 * i))"
  done
  echo '1200 finger-up 1 480 430'
  echo '1200 finger-up 2 720 430'
  echo "1400 screenshot $WORK/c.png"
  echo '1500 key ctrl+s'
  echo '1800 quit-replay'
} >"$WORK/c.replay"
run_replay "$WORK/c.json" "$WORK/c.replay"
first=$(grep '^chart-geometry' "$LOG" | head -1)
last=$(grep '^chart-geometry' "$LOG" | tail -1)
[ "$first" != "$last" ] || fail "(c) the pinch did not move the chart"
# Zoom 2 (+-1 %), and the body point under the starting centre (560,400) is under the final
# centre (600,430) (+-0.5 cell).
echo "$first $last" | awk '{ s = $9 / $4; cx0 = (560 - $2) / $4; cy0 = (400 - $3) / $4;
    cx1 = (600 - $7) / $9; cy1 = (430 - $8) / $9;
    ok = s > 1.98 && s < 2.02 && (cx0 - cx1) ^ 2 + (cy0 - cy1) ^ 2 < 0.25;
    printf "zoom x%.3f, centre cell (%.1f,%.1f) -> (%.1f,%.1f)\n", s, cx0, cy0, cx1, cy1; exit !ok }' \
  || fail "(c) not a zoom x2 about the pinch centre with the pan: $first / $last"
: >"$WORK/none.replay"
[ "$(check_cells "$WORK/c.json" "$WORK/none.replay")" -eq 0 ] || fail "(c) the pinch painted"
grep -q '^stroke-committed' "$LOG" && fail "(c) a stroke was committed during the pinch"
[ "$("$PROBE" count "$WORK/c.png" $PAINT5 14)" -lt 20 ] || fail "(c) paint on screen after the pinch"
pass "(c) two fingers zoom x2 about their centre and pan; nothing painted"

# --- (d) one finger paints; a second finger takes back only that finger's stroke ----------
A='300 mouse-down 500 260
300 mouse-move 560 400
300 mouse-move 620 260
300 mouse-up 620 260'
F='600 finger-down 1 500 700
650 finger-move 1 540 740
700 finger-move 1 580 700
750 finger-up 1 580 700'
{
  echo "$A"; echo "$F"
  # Finger stroke B over the belly, then a second finger: B goes, A and F stay; finger 1 then
  # paints nothing more until it is lifted.
  echo '1000 finger-down 1 500 520'
  echo '1050 finger-move 1 530 560'
  echo '1100 finger-move 1 560 520'
  echo '1150 finger-move 1 600 560'
  echo "1200 screenshot $WORK/d-before.png"
  # (No motion while both are down: that would zoom, and the expected cells need one geometry.)
  echo '1300 finger-down 2 640 600'
  echo '1400 finger-up 2 640 600'
  echo '1450 finger-move 1 560 560'
  echo '1500 finger-up 1 560 560'
  echo "1600 screenshot $WORK/d-after.png"
} >"$WORK/d-strokes.replay"
printf '%s\n%s\n' "$A" "$F" >"$WORK/af.replay"
echo "$A" >"$WORK/a.replay"
{ cat "$WORK/d-strokes.replay"; echo '1700 key ctrl+s'; echo '2000 quit-replay'; } >"$WORK/d1.replay"
run_replay "$WORK/d1.json" "$WORK/d1.replay"
[ "$(grep -c '^chart-geometry' "$LOG")" -eq 1 ] || fail "(d) the chart moved"
grep -qx 'stroke-committed history 2' "$LOG" || fail "(d) the finger stroke was not committed"
grep -qx 'stroke-cancelled history 2' "$LOG" || { cat "$LOG"; fail "(d) the second finger did not take back the stroke"; }
[ "$(grep -c '^stroke-committed' "$LOG")" -eq 2 ] || fail "(d) more than the two strokes were committed"
n=$(check_cells "$WORK/d1.json" "$WORK/af.replay")
[ "$n" -gt 1000 ] || fail "(d) only $n cells painted by the mouse and the finger"
# Stroke B was on screen before the second finger came, and is gone after it.
before=$("$PROBE" count "$WORK/d-before.png" $PAINT5 14 470 500 630 590)
after=$("$PROBE" count "$WORK/d-after.png" $PAINT5 14 470 500 630 590)
[ "$before" -gt 1000 ] || fail "(d) the finger stroke was not painted while it ran ($before pixels)"
[ "$after" -lt 20 ] || fail "(d) the finger stroke is still on screen ($after pixels)"
pass "(d) one finger paints; the second finger removes only that finger's stroke ($before pixels)"

# The undo history has nothing of B: one Ctrl+Z takes F, a second one A.
{ cat "$WORK/d-strokes.replay"; echo '1700 key ctrl+z'; echo '1800 key ctrl+s'; echo '2100 quit-replay'; } >"$WORK/d2.replay"
run_replay "$WORK/d2.json" "$WORK/d2.replay"
n=$(check_cells "$WORK/d2.json" "$WORK/a.replay")
[ "$n" -gt 500 ] || fail "(d) the mouse V has only $n cells"
pass "(d) Ctrl+Z after the taken-back stroke undoes the finger's earlier stroke: nothing of it in the history"

# --- (e) the Mark tool by finger: a tap places a trigger point, a drag moves it -----------
# M picks the Mark tool (its first kind is the active trigger point). The finger goes down and
# up at (560,400); then down on the mark, 60 px right and 40 px down in 6 moves, and up.
{
  echo '300 key m'
  echo '500 finger-down 1 560 400'
  echo '560 finger-up 1 560 400'
  echo '800 finger-down 1 560 400'
  for i in 1 2 3 4 5 6; do echo "$((800 + 40 * i)) finger-move 1 $((560 + 10 * i)) $((400 + 7 * i))"; done
  echo '1100 finger-move 1 620 440'
  echo '1150 finger-up 1 620 440'
  echo '1400 key ctrl+s'
  echo '1700 quit-replay'
} >"$WORK/e.replay"
run_replay "$WORK/e.json" "$WORK/e.replay"
grep -q '^marks 1 Place Active trigger point' "$LOG" || { cat "$LOG" | tail -20; fail "(e) the tap placed no trigger point"; }
grep -q '^marks 1 Move' "$LOG" || fail "(e) the finger's drag did not move the mark"
[ "$(grep -c '^marks ' "$LOG")" -eq 2 ] || fail "(e) the tap or the drag made more than one step each: $(grep '^marks ' "$LOG")"
read -r _ ox oy sc _ < <(grep '^chart-geometry ' "$LOG" | tail -1)
python3 - "$WORK/e.json" "$ox" "$oy" "$sc" <<'PY' || fail "(e) the mark is not where the finger left it"
import json, sys
d = json.load(open(sys.argv[1]))
ox, oy, sc = map(float, sys.argv[2:5])
(m,) = d["marks"]
want = ((620 - ox) / sc, (440 - oy) / sc)
assert m["kind"] == "trigger-active" and m["view"] == "front", m
assert abs(m["at"][0] - want[0]) < 0.6 and abs(m["at"][1] - want[1]) < 0.6, (m, want)
assert d["views"]["front"]["intensity"] == [[0, 524288]], "the finger painted"
PY
grep -q '^stroke-committed' "$LOG" && fail "(e) the Mark tool painted a stroke"
pass "(e) by finger: a tap places a trigger point, a drag moves it to where the finger lifts"
