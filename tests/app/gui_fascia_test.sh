# Fascial lines in the real window: T shows the overlay in the line colours, a click on the
# back of the calf tags a Superficial Back Line band, the tagged band is hatched on the chart
# (View > Show tags hides it), the note is saved in the map file, and the tag can be undone.
source "$(dirname "$0")/lib.sh"
start_xvfb
BODY=ece9e5
LOG="$WORK/test.log"
BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --signal-screenshot "$WORK/shot.png" --size 1600x1000 >"$WORK/app.log" 2>&1 &
APP_PID=$!
WID=$(xdotool search --sync --onlyvisible --name '^BodyMap' | head -1)
[ -n "$WID" ] || fail "window did not appear"
xdotool windowfocus --sync "$WID" 2>/dev/null || true
sleep 1
screenshot "$WORK/blank.png"
read -r x0 y0 x1 y1 < <("$PROBE" bbox "$WORK/blank.png" $BODY 3 775 40 1262 940)
[ -n "$x1" ] || fail "back view not found"

xdotool key t; sleep 0.6
screenshot "$WORK/overlay.png"
# SBL is drawn in muted rose (204,102,119) blended over the body: its hue is on the back view.
sbl=$("$PROBE" count "$WORK/overlay.png" d9a4aa 22 775 40 1262 940)
[ "$sbl" -gt 2000 ] || fail "no Superficial Back Line colour on the back view ($sbl pixels)"
pass "overlay shows the lines in their colours"

# The back of the patient's left calf: back view, viewer's left leg, ~75 % down the body.
lx=$(( x0 + (x1 - x0) * 40 / 100 )); ly=$(( y0 + (y1 - y0) * 76 / 100 ))
# Find the SBL band near there (rose pixels) and click its centre.
read -r bx0 by0 bx1 by1 < <("$PROBE" bbox "$WORK/overlay.png" d9a4aa 22 $((lx - 40)) $((ly - 10)) $((lx + 40)) $((ly + 10)))
[ -n "$bx1" ] && [ "$bx0" != none ] || fail "SBL band not found near the calf"
xdotool mousemove $(( (bx0 + bx1) / 2 )) "$ly" click 1; sleep 0.6
screenshot "$WORK/popup.png"
# Either the editor opened directly or a band chooser: choose the first entry with the keyboard.
xdotool type --delay 30 "tight after running"; sleep 0.3
xdotool key ctrl+Return; sleep 0.6
xdotool mousemove 1500 990; sleep 0.4

# The tagged band is hatched in the line's full colour with a numbered mark: inside the band
# (clear of the picked band's outline) pure SBL rose, which the overlay's paler blend lacks.
click() {
  local pos
  pos=$(button_pos "$LOG" "$1")
  [ -n "$pos" ] || fail "no '$1' in the test log"
  xdotool mousemove --window "$WID" $pos; sleep 0.3; xdotool click 1; sleep 0.6
}
screenshot "$WORK/tagged.png"
box="$((bx0 + 4)) $((ly - 80)) $((bx1 - 3)) $((ly + 80))"
rose_on=$("$PROBE" count "$WORK/tagged.png" cc6677 12 $box)
click menu-view
wait_log "$LOG" '^button menu-show-tags ' 5 || fail "the View menu did not open"
click menu-show-tags
xdotool mousemove 1500 990; sleep 0.4
screenshot "$WORK/hidden.png"
rose_off=$("$PROBE" count "$WORK/hidden.png" cc6677 12 $box)
[ "$rose_on" -gt $((rose_off * 3 + 80)) ] ||
  fail "the tagged band is not hatched in its line's colour ($rose_on rose pixels with tags shown, $rose_off hidden)"
pass "the tagged band is hatched in its line's colour; View > Show tags hides it ($rose_on / $rose_off)"
xdotool key ctrl+shift+s; sleep 0.6
xdotool type --delay 20 "$WORK/tagged"; sleep 0.2
xdotool keydown Return; sleep 0.15; xdotool keyup Return
wait_file "$WORK/tagged.json" 20 || { screenshot "$WORK/fail.png"; fail "map with the tag not saved"; }
"$BODYMAP" validate "$WORK/tagged.json" >/dev/null || fail "tagged map does not validate"
grep -q '"band": *"sbl-left' "$WORK/tagged.json" || fail "no SBL left band tag in the file: $(grep -o '"fascialTags".*' "$WORK/tagged.json" | head -c 300)"
grep -q 'tight after running' "$WORK/tagged.json" || fail "tag note not saved"
pass "tagged an SBL band with a note; saved and valid"

xdotool key ctrl+z; sleep 0.4
xdotool key ctrl+s
# Wait (up to 20 s) for the save without the tag; then the check below.
for _ in $(seq 1 200); do grep -q 'tight after running' "$WORK/tagged.json" || break; sleep 0.1; done
grep -q 'tight after running' "$WORK/tagged.json" && fail "undo did not remove the tag"
pass "tag undone"
