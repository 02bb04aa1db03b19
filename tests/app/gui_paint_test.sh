# End-to-end painting under Xvfb: drag the real mouse across the front torso with xdotool and
# check the painted colour in screenshots; then undo, redo, the eraser, and client mode.
source "$(dirname "$0")/lib.sh"
start_xvfb

BODY=ece9e5
# Intensity 5 (the default) at 90 % opacity over the body colour:
# YlOrRd at 4.44 -> (253,113,52); 0.9*(253,113,52) + 0.1*(236,233,229) = (251,125,70).
PAINT5=fb7d46
# Intensity 9: YlOrRd at 7.29 -> (178,0,38); mixed: (184,23,57).
PAINT9=b81739

"$BODYMAP" --signal-screenshot "$WORK/shot.png" --size 1600x1000 >"$WORK/app.log" 2>&1 &
APP_PID=$!
WID=$(xdotool search --sync --onlyvisible --name '^BodyMap' | head -1)
[ -n "$WID" ] || fail "window did not appear"
xdotool windowfocus --sync "$WID" 2>/dev/null || true
sleep 1

screenshot "$WORK/blank.png"
read -r x0 y0 x1 y1 < <("$PROBE" bbox "$WORK/blank.png" $BODY 3 290 40 775 960)
[ -n "$x1" ] || fail "front body not found in the first screenshot"
cx=$(( (x0 + x1) / 2 ))
cy=$(( y0 + (y1 - y0) * 36 / 100 ))   # the lower chest / upper abdomen
[ "$("$PROBE" count "$WORK/blank.png" $PAINT5 14)" -lt 50 ] || fail "paint colour present before painting"

drag() {  # drag from ($1,$2) to ($3,$4) in 12 steps with the left button
  xdotool mousemove "$1" "$2"; sleep 0.1
  xdotool mousedown 1; sleep 0.1
  local i
  for i in $(seq 1 12); do
    xdotool mousemove $(( $1 + ($3 - $1) * i / 12 )) $(( $2 + ($4 - $2) * i / 12 )); sleep 0.03
  done
  sleep 0.1; xdotool mouseup 1; sleep 0.1
  xdotool mousemove 1500 990; sleep 0.3   # away from the chart: no hover outline or tooltip
}

drag $((cx - 40)) "$cy" $((cx + 40)) "$cy"
screenshot "$WORK/painted.png"
n=$("$PROBE" count "$WORK/painted.png" $PAINT5 14 $((cx - 70)) $((cy - 30)) $((cx + 70)) $((cy + 30)))
[ "$n" -gt 600 ] || fail "stroke not visible: $n paint pixels around ($cx,$cy)"
# Continuous: every column along the drag is painted on the stroke's row.
for x in $(seq $((cx - 35)) 5 $((cx + 35))); do
  [ "$("$PROBE" count "$WORK/painted.png" $PAINT5 14 "$x" $((cy - 2)) $((x + 1)) $((cy + 3)))" -gt 0 ] \
    || fail "gap in the stroke at x=$x"
done
# Nothing leaked to the back view.
[ "$("$PROBE" count "$WORK/painted.png" $PAINT5 14 775 0 1260 1000)" -lt 20 ] || fail "paint leaked to the back view"
pass "stroke painted ($n pixels), continuous, front only"

xdotool key ctrl+z; sleep 0.4
screenshot "$WORK/undone.png"
[ "$("$PROBE" count "$WORK/undone.png" $PAINT5 14)" -lt 50 ] || fail "undo did not remove the stroke"
xdotool key ctrl+y; sleep 0.4
screenshot "$WORK/redone.png"
[ "$("$PROBE" count "$WORK/redone.png" $PAINT5 14)" -gt 600 ] || fail "redo did not restore the stroke"
pass "undo and redo"

# Intensity 9 from the keyboard, a second stroke lower down.
xdotool key 9; sleep 0.2
drag $((cx - 30)) $((cy + 60)) $((cx + 30)) $((cy + 60))
screenshot "$WORK/nine.png"
[ "$("$PROBE" count "$WORK/nine.png" $PAINT9 14)" -gt 300 ] || fail "intensity 9 stroke not visible"
pass "key 9 sets intensity 9"

# Eraser over the first stroke.
xdotool key e; sleep 0.2
drag $((cx - 60)) "$cy" $((cx + 60)) "$cy"
screenshot "$WORK/erased.png"
left=$("$PROBE" count "$WORK/erased.png" $PAINT5 14 $((cx - 70)) $((cy - 30)) $((cx + 70)) $((cy + 30)))
[ "$left" -lt 150 ] || fail "eraser left $left paint pixels"
[ "$("$PROBE" count "$WORK/erased.png" $PAINT9 14)" -gt 300 ] || fail "eraser removed the other stroke"
pass "eraser"

# The map has unsaved strokes, so a normal quit would ask first; end it hard instead.
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

# The client intake (a screenshot run needs no PIN): the large Done button (green 46,125,70) is
# on screen, the menu bar is not.
mkdir -p "$BODYMAP_LIBRARY/paint-client"
printf '{"format": "bodymap-client", "version": 1, "id": "paint-client", "name": "P"}\n' \
  >"$BODYMAP_LIBRARY/paint-client/client.json"
"$BODYMAP" intake --client paint-client --screenshot "$WORK/client.png" --frames 6 >"$WORK/client.log" 2>&1 \
  || { cat "$WORK/client.log"; fail "the intake did not start"; }
[ "$("$PROBE" count "$WORK/client.png" 2e7d46 6)" -gt 5000 ] || fail "no Done button in client mode"
[ "$("$PROBE" count "$WORK/client.png" $BODY 3)" -gt 80000 ] || fail "no body chart in client mode"
pass "client intake layout"
