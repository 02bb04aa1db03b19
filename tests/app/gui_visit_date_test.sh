# The Visit tab's date and time control in the real window: it only produces real dates (31
# October -> September gives 30 September), by keyboard as well as by mouse; a typed minute is
# one undo step; the stored value keeps its ISO form.
source "$(dirname "$0")/lib.sh"
start_xvfb
cp -r "$TESTS/../assets/examples" "$WORK/lib"
VISIT="$WORK/lib/demo-anna/2026-10-05T10-00-00.json"
sed -i 's/"time": "2026-10-05T10:00:00"/"time": "2026-10-31T10:00:00"/' "$VISIT"
grep -q '"time": "2026-10-31T10:00:00"' "$VISIT" || fail "fixture: the visit's time was not set"
LOG="$WORK/test.log"
BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --library "$WORK/lib" "$VISIT" --signal-screenshot "$WORK/shot.png" --size 1600x1000 >"$WORK/app.log" 2>&1 &
APP_PID=$!
WID=$(xdotool search --sync --onlyvisible --name '^BodyMap' | head -1)
[ -n "$WID" ] || fail "window did not appear"
xdotool windowfocus --sync "$WID" 2>/dev/null || true
sleep 1.5

stored_time() { sed -n 's/.*"time": "\([^"]*\)".*/\1/p' "$VISIT"; }
# Ctrl+S, then wait (up to 20 s) for the app to log one more save of the visit.
saves() { grep -c "^saved " "$LOG" || true; }
save() {
  local n i
  n=$(saves)
  xdotool key ctrl+s
  for i in $(seq 1 200); do [ "$(saves)" -gt "$n" ] && return 0; sleep 0.1; done
  fail "Ctrl+S did not save the visit"
}
# The pointer first, then the click: after an idle second the app takes a move and a press
# that arrive together in one frame, and a tab does not take that press.
click_at() { xdotool mousemove "$1" "$2"; sleep 0.3; xdotool click 1; sleep 0.3; }
# A key held for a few frames: Dear ImGui 1.86 reads keys as held or not per frame, and misses a
# press and release that fall into one frame.
tap() { xdotool keydown "$1"; sleep 0.15; xdotool keyup "$1"; sleep 0.4; }
# Where the controls are in a 1600x1000 window (the right panel is 340 px wide).
VISIT_TAB="1362 48"; MONTH="1392 200"; YEAR_PLUS="1564 200"; MINUTE="1436 232"
click_at $VISIT_TAB; sleep 0.5
screenshot "$WORK/visit-tab.png"

# The month list by keyboard: it opens on October; Up is September, Space takes it.
click_at $MONTH
tap Up
tap space
screenshot "$WORK/september.png"
save
[ "$(stored_time)" = "2026-09-30T10:00:00" ] || fail "31 October -> September stored $(stored_time), not 2026-09-30T10:00:00"
pass "month picked by keyboard; 31 September became 30 September"

# A typed minute counts when the field is left (Tab), as one undo step.
click_at $MINUTE   # the click selects the field's text
xdotool type --delay 60 "45"; sleep 0.3
tap Tab
screenshot "$WORK/typed.png"
click_at 700 990   # out of the text fields (Tab went on to the next): Ctrl+S is not typed into one
save
[ "$(stored_time)" = "2026-09-30T10:45:00" ] || fail "typed minute stored $(stored_time), not 2026-09-30T10:45:00"
xdotool key ctrl+z; sleep 0.5
save
[ "$(stored_time)" = "2026-09-30T10:00:00" ] || fail "one undo after the typed minute stored $(stored_time)"
pass "typed minute taken when its field is left (Tab); one undo takes it back"

# The year's + button: one click, one year.
click_at $YEAR_PLUS
save
[ "$(stored_time)" = "2027-09-30T10:00:00" ] || fail "year + stored $(stored_time), not 2027-09-30T10:00:00"
"$BODYMAP" validate "$VISIT" >/dev/null || fail "the saved visit does not validate"
pass "year stepped; the saved visit validates"
