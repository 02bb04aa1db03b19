# The client's arrow at intake: the Arrow button turns the first line into "Does the pain
# spread?", a drag from where the pain starts to where it goes draws an arrow in the client's
# ink, Done saves it (an arrow alone is pain, not "No pain today?") as a radiating mark drawn by
# the client, in template cells; back in the therapist's window the arrow cannot be moved.
source "$(dirname "$0")/lib.sh"
use_extra_cleanup
start_extra_xvfb
export DISPLAY="$NEW_DISPLAY"
LIB="$WORK/lib"
mkdir -p "$LIB"
cp -r "$TESTS/../assets/examples/demo-anna" "$LIB/"
ANNA="$LIB/demo-anna"
source "$TESTS/app/intake_lib.sh"
write_test_pin
cd "$WORK"
LOG="$WORK/test.log"
CLIENT_INK=262626  # render::kClientInk

start_app intake --client demo-anna
wait_log "$LOG" '^intake-start demo-anna$' 5 || fail "the intake did not start"
click Arrow
wait_log "$LOG" '^label instruction Does the pain spread' 5 || fail "the first line does not ask about spreading pain"
read -r _ OX OY SC _ < <(grep '^chart-geometry ' "$LOG" | tail -1)
px() { python3 -c "print(round($OX + $1 * $SC), round($OY + $2 * $SC))"; }
# From the front of the right thigh (cell 200, 560) down to the shin (cell 205, 800).
read -r a b < <(px 200 560)
xdotool mousemove --window "$WID" "$a" "$b"; sleep 0.2; xdotool mousedown 1; sleep 0.1
for i in 1 2 3 4 5 6 7 8; do
  read -r a b < <(python3 -c "print(round($OX + (200 + 5 * $i / 8) * $SC), round($OY + (560 + 240 * $i / 8) * $SC))")
  xdotool mousemove --window "$WID" "$a" "$b"; sleep 0.05
done
xdotool mouseup 1; sleep 0.5
wait_log "$LOG" '^marks 1 ' 5 || fail "the drag drew no arrow"
xdotool mousemove --window "$WID" 5 500; sleep 0.3
screenshot "$WORK/arrow.png"
read -r x0 y0 < <(px 190 600)
read -r x1 y1 < <(px 215 780)
ink=$("$PROBE" count "$WORK/arrow.png" $CLIENT_INK 30 $x0 $y0 $x1 $y1)
[ "$ink" -gt 30 ] || fail "no arrow in the client's ink on the chart ($ink pixels)"
pass "Arrow: the first line asks about spreading pain; a drag drew the arrow ($ink pixels of the client's ink)"

click_done() {
  local pos
  pos=$(button_pos "$LOG" Done)
  [ -n "$pos" ] || fail "no Done button in the log"
  xdotool mousemove --window "$WID" $pos; sleep 0.2; xdotool click 1; sleep 0.8
}
click_done
grep -q '^intake-confirm-no-pain' "$LOG" && fail "an arrow alone was taken for no pain"
wait_log "$LOG" '^intake-saved /' 10 || fail "Done did not save the visit"
saved=$(grep '^intake-saved ' "$LOG" | tail -1 | cut -d' ' -f2-)
"$BODYMAP" validate "$saved" >/dev/null || fail "the saved visit does not validate"
python3 - "$saved" <<'PY' || fail "the arrow is not saved as the client's radiating mark"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == 2
(m,) = d["marks"]
assert m["kind"] == "radiating" and m["by"] == "client" and m["view"] == "front", m
assert abs(m["at"][0] - 200) < 1.5 and abs(m["at"][1] - 560) < 1.5, m
assert abs(m["to"][0] - 205) < 1.5 and abs(m["to"][1] - 800) < 1.5, m
assert d["views"]["front"]["findings"] == [[0, 512 * 1024]]
PY
pass "Done saved the arrow as the client's radiating mark, from (200, 560) to (205, 800)"

# The therapist unlocks: the new visit is open; the client's arrow is theirs and stays put.
click "Therapist: unlock"
type_pin 2468
wait_log "$LOG" '^intake-left demo-anna$' 5 || fail "the PIN did not unlock"
xdotool key m; sleep 0.5
read -r _ OX OY SC _ < <(grep '^chart-geometry ' "$LOG" | tail -1)
read -r a b < <(px 200 560)
xdotool mousemove --window "$WID" "$a" "$b"; sleep 0.2; xdotool mousedown 1; sleep 0.1
read -r a b < <(px 260 560)
xdotool mousemove --window "$WID" "$a" "$b"; sleep 0.2; xdotool mouseup 1; sleep 0.5
grep -q '^mark-selected ' "$LOG" && fail "the therapist picked the client's arrow"
grep -q '^marks 1 Move' "$LOG" && fail "the therapist moved the client's arrow"
pass "the therapist cannot move the client's arrow"
stop_app
