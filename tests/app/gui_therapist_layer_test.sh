# The therapist's layer in the real window: findings painted over a client's drawing with the
# Findings tool (P) leave the client's intensity and qualities exactly as they were, show as the
# therapist's ink and hide with View > Show findings; the Mark tool (M) places a latent trigger
# point with a click and a radiating arrow with a drag, a mark drags to a new place, Delete
# removes it and Ctrl+Z brings it back; the saved file is format version 2 with the marks in
# template cells; the Figures tab reports the agreement.
source "$(dirname "$0")/lib.sh"
start_xvfb
LOG="$WORK/test.log"
cp "$TESTS/data/good/front_right_shin_7_burning.json" "$WORK/visit.json"
BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --library "$WORK/lib" --signal-screenshot "$WORK/shot.png" --size 1600x1000 \
  "$WORK/visit.json" >"$WORK/app.log" 2>&1 &
APP_PID=$!
WID=$(find_window "$DISPLAY")
[ -n "$WID" ] || fail "window did not appear"
xdotool windowfocus --sync "$WID" 2>/dev/null || true
wait_log "$LOG" '^chart-geometry ' 20 || fail "no chart geometry in the log"
sleep 0.5
# Where the chart is now (the legend under it grows when the therapist's tools are picked).
geom() { sleep 0.4; read -r _ OX OY SC ST < <(grep '^chart-geometry ' "$LOG" | tail -1); }
geom
# Window pixels of front-view cell ($1, $2) and back-view cell ($1, $2).
front() { python3 -c "print(round($OX + $1 * $SC), round($OY + $2 * $SC))"; }
click() {
  local pos
  pos=$(button_pos "$LOG" "$1")
  [ -n "$pos" ] || fail "no '$1' in the test log"
  xdotool mousemove --window "$WID" $pos; sleep 0.3; xdotool click 1; sleep 0.5
}
drag() {  # from cell ($1,$2) to cell ($3,$4) on the front, in steps
  local a b
  read -r a b < <(front "$1" "$2")
  xdotool mousemove --window "$WID" "$a" "$b"; sleep 0.2; xdotool mousedown 1; sleep 0.15
  for i in 1 2 3 4 5 6; do
    read -r a b < <(python3 -c "print(round($OX + ($1 + ($3 - $1) * $i / 6) * $SC), round($OY + ($2 + ($4 - $2) * $i / 6) * $SC))")
    xdotool mousemove --window "$WID" "$a" "$b"; sleep 0.08
  done
  xdotool mouseup 1; sleep 0.5
}
views() {  # the client's rasters of a map file, for comparing
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps({v: [d['views'][v]['intensity'], d['views'][v]['qualities']] for v in d['views']}))" "$1"
}
INK=1c34c4  # render::kTherapistInk

# 1. Findings over the client's shin (cells x 176-243, y 760-926 on the front are painted).
xdotool key p; sleep 0.3
wait_log "$LOG" '^button finding-swollen ' 10 || fail "the findings choices are not shown after P"
geom
click finding-swollen
click finding-tender   # tender was on: now only swollen
screenshot "$WORK/before.png"
read -r bx0 by0 < <(front 170 770)
read -r bx1 by1 < <(front 250 860)
ink_before=$("$PROBE" count "$WORK/before.png" $INK 40 $bx0 $by0 $bx1 $by1)
drag 200 780 215 850
grep -q '^stroke-committed' "$LOG" || fail "the findings stroke was not committed"
xdotool mousemove 1500 990; sleep 0.4
screenshot "$WORK/found.png"
ink_after=$("$PROBE" count "$WORK/found.png" $INK 40 $bx0 $by0 $bx1 $by1)
[ "$ink_after" -gt $((ink_before + 80)) ] || fail "no therapist's ink where findings were painted ($ink_before -> $ink_after)"
pass "findings show in the therapist's ink over the client's drawing ($ink_before -> $ink_after pixels)"
click menu-view
wait_log "$LOG" '^button menu-show-findings ' 5 || fail "the View menu did not open"
click menu-show-findings
xdotool mousemove 1500 990; sleep 0.4
screenshot "$WORK/hidden.png"
ink_hidden=$("$PROBE" count "$WORK/hidden.png" $INK 40 $bx0 $by0 $bx1 $by1)
[ "$ink_hidden" -lt $((ink_after / 3)) ] || fail "View > Show findings did not hide them ($ink_after -> $ink_hidden)"
click menu-view; sleep 0.2; click menu-show-findings
pass "View > Show findings hides and shows them ($ink_hidden pixels hidden)"

# 2. Marks: a latent trigger point by a click, an arrow by a drag.
xdotool key m; sleep 0.3
wait_log "$LOG" '^button mark-trigger-latent ' 10 || fail "the mark choices are not shown after M"
geom
n_geom=$(grep -c '^chart-geometry ' "$LOG")
click mark-trigger-latent
read -r a b < <(front 300 800)
xdotool mousemove --window "$WID" "$a" "$b" click 1; sleep 0.5
wait_log "$LOG" '^marks 1 ' 5 || fail "no mark placed by the click"
click mark-radiating
drag 205 790 215 915
wait_log "$LOG" '^marks 2 ' 5 || fail "no arrow placed by the drag"
# A drag too short to be an arrow places nothing.
drag 100 500 103 502
[ "$(grep -c '^marks ' "$LOG")" -eq 2 ] || fail "a slip placed an arrow"
pass "a click placed a latent trigger point, a drag an arrow, a slip nothing"
# A text label: a click asks its text, Enter places it; Escape in the dialog places nothing.
click mark-label
read -r a b < <(front 120 300)
xdotool mousemove --window "$WID" "$a" "$b" click 1; sleep 0.6
wait_log "$LOG" '^dialog marklabel' 5 || fail "a click with the Text label kind asked no text"
xdotool type --delay 40 "old scar"; sleep 0.3; xdotool key Return; sleep 0.6
wait_log "$LOG" '^marks 3 Place Text label' 5 || fail "Enter did not place the label"
xdotool mousemove --window "$WID" "$a" $((b + 60)) click 1; sleep 0.6
[ "$(grep -c '^dialog marklabel' "$LOG")" -eq 2 ] || fail "the second label asked no text"
xdotool key Escape; sleep 0.5
[ "$(grep -c '^marks ' "$LOG")" -eq 3 ] || fail "Escape placed a label"
xdotool key ctrl+z; sleep 0.4
wait_log "$LOG" '^marks 2 ' 5 || true
pass "a text label asks its text and is placed by Enter; Escape places nothing; Ctrl+Z takes it back"
click mark-radiating  # (any kind but the label for the moves below)
# Drag the trigger point from cell (300, 800) to (320, 700).
drag 300 800 320 700
wait_log "$LOG" '^marks 2 Move ' 5 || fail "the mark was not moved"
[ "$(grep -c '^chart-geometry ' "$LOG")" -eq "$n_geom" ] || fail "the chart moved while marks were placed"
pass "the trigger point dragged to a new place"

xdotool key ctrl+s
for _ in $(seq 1 100); do grep -q '"marks"' "$WORK/visit.json" && break; sleep 0.1; done
"$BODYMAP" validate "$WORK/visit.json" >/dev/null || fail "the saved map does not validate"
[ "$(views "$WORK/visit.json")" = "$(views "$TESTS/data/good/front_right_shin_7_burning.json")" ] ||
  fail "the client's intensity or qualities changed"
python3 - "$WORK/visit.json" <<'PY' || fail "the saved therapist's layer is not as drawn"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == 2, d["version"]
runs = d["views"]["front"]["findings"]
assert any(v == 8 for v, n in runs), runs[:10]          # swollen only
assert all(v in (0, 8) for v, n in runs), runs[:10]
assert d["views"]["back"]["findings"] == [[0, 512 * 1024]]
marks = d["marks"]
assert [m["kind"] for m in marks] == ["trigger-latent", "radiating"], marks
tp, arrow = marks
# Moved from (300, 800) to (320, 700): within a cell (the pointer lands on whole pixels).
assert abs(tp["at"][0] - 320) < 1.5 and abs(tp["at"][1] - 700) < 1.5, tp
assert abs(arrow["at"][0] - 205) < 1.5 and abs(arrow["at"][1] - 790) < 1.5, arrow
assert abs(arrow["to"][0] - 215) < 1.5 and abs(arrow["to"][1] - 915) < 1.5, arrow
assert tp["by"] == "therapist" and arrow["by"] == "therapist"
PY
pass "saved as format 2: the client's rasters unchanged, swollen findings, the marks where they were put"

# 3. Delete the picked mark (the trigger point, picked by the drag), then bring it back.
xdotool key Delete; sleep 0.4
wait_log "$LOG" '^marks 1 Delete ' 5 || fail "Delete did not remove the picked mark"
xdotool key ctrl+z; sleep 0.4
xdotool key ctrl+s
for _ in $(seq 1 100); do [ "$(grep -c '"kind"' "$WORK/visit.json")" -eq 2 ] && break; sleep 0.1; done
[ "$(grep -c '"kind": "trigger-latent"' "$WORK/visit.json")" -eq 1 ] || fail "Ctrl+Z did not bring the mark back"
pass "Delete removed the mark, Ctrl+Z brought it back"

# 4. The Figures tab: the agreement of the findings with the client's drawing.
click tab-Figures
wait_log "$LOG" '^agreement jaccard ' 10 || fail "the Figures tab shows no agreement"
read -r _ _ j _ client _ found _ both < <(grep '^agreement jaccard ' "$LOG" | tail -1)
[ "$both" -gt 0 ] && [ "$found" -ge "$both" ] && [ "$client" -ge "$both" ] || fail "odd agreement: $(grep '^agreement' "$LOG" | tail -1)"
python3 -c "import sys; j=float(sys.argv[1]); u=int(sys.argv[2])+int(sys.argv[3])-int(sys.argv[4]); assert abs(j - int(sys.argv[4])/u) < 1e-3" "$j" "$client" "$found" "$both" ||
  fail "the Jaccard shown is not both / union"
pass "the Figures tab shows the agreement: Jaccard $j ($both of $client client and $found finding cells)"
screenshot "$WORK/figures.png"
