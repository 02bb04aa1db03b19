# The client library in the real window: pick the demo client, start a new visit (Ctrl+N), paint,
# save into the library (Ctrl+S), save again (backup kept), then autosave, a kill -9, and the
# restore offer at the next start, and the unsaved-changes prompt on quit.
source "$(dirname "$0")/lib.sh"
use_extra_cleanup
# -noreset (start_extra_xvfb): the app is killed and restarted below; a server that resets when
# its last client goes refused the restarted app's xdotool ("Can't open display") under load.
start_extra_xvfb
export DISPLAY="$NEW_DISPLAY"
cp -r "$TESTS/../assets/examples" "$WORK/lib"
export XDG_CONFIG_HOME="$WORK/config"
export BODYMAP_AUTOSAVE_SECONDS=1
BODY=ece9e5
PAINT5=fb7d46
CLIENT="$WORK/lib/demo-anna"
before=$(ls "$CLIENT"/*.json | grep -vc client.json)

LOG="$WORK/test.log"
start_app() {
  BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --library "$WORK/lib" --signal-screenshot "$WORK/shot.png" --size 1600x1000 >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  WID=$(xdotool search --sync --onlyvisible --name '^BodyMap' | head -1)
  [ -n "$WID" ] || fail "window did not appear"
  xdotool windowfocus --sync "$WID" 2>/dev/null || true
  sleep 1
}
drag() {
  xdotool mousemove "$1" "$2"; sleep 0.1; xdotool mousedown 1; sleep 0.1
  local i
  for i in $(seq 1 10); do
    xdotool mousemove $(( $1 + ($3 - $1) * i / 10 )) $(( $2 + ($4 - $2) * i / 10 )); sleep 0.03
  done
  sleep 0.1; xdotool mouseup 1; sleep 0.1; xdotool mousemove 1500 990; sleep 0.3
}
# count_log REGEX: lines of the test log that match. wait_more REGEX N WHAT: waits (up to 20 s)
# until more than N lines match, else fails with WHAT.
count_log() { grep -c -- "$1" "$LOG" || true; }
wait_more() {
  local i
  for i in $(seq 1 200); do [ "$(count_log "$1")" -gt "$2" ] && return 0; sleep 0.1; done
  fail "$3"
}

start_app
screenshot "$WORK/start.png"
read -r x0 y0 x1 y1 < <("$PROBE" bbox "$WORK/start.png" $BODY 3 290 40 775 940)
cx=$(( (x0 + x1) / 2 )); cy=$(( y0 + (y1 - y0) * 36 / 100 ))

# The right panel lists the demo client; click it. Its visits appear with thumbnails.
xdotool mousemove 1380 145 click 1; sleep 1.5
screenshot "$WORK/client.png"
[ "$("$PROBE" count "$WORK/client.png" $BODY 6 1262 300 1600 1000)" -gt 400 ] || fail "no visit thumbnails after picking the client"
pass "client picked, visits listed"

xdotool key ctrl+n; sleep 0.5
drag $((cx - 40)) "$cy" $((cx + 40)) "$cy"
n=$(count_log '^saved ')
xdotool key ctrl+s
wait_more '^saved ' "$n" "Ctrl+S did not save"
after=$(ls "$CLIENT"/*.json | grep -vc client.json)
[ "$after" -eq $((before + 1)) ] || fail "Ctrl+S did not add a visit file ($before -> $after)"
new=$(ls -t "$CLIENT"/*.json | grep -v client.json | head -1)
"$BODYMAP" validate "$new" >/dev/null || fail "saved file does not validate: $new"
grep -q '"clientId": *"demo-anna"' "$new" || fail "saved visit does not name the client"
pass "new visit saved into the library: $(basename "$new")"

drag $((cx - 40)) $((cy + 50)) $((cx + 40)) $((cy + 50))
n=$(count_log '^saved ')
xdotool key ctrl+s
wait_more '^saved ' "$n" "the second Ctrl+S did not save"
[ -f "$new.bak" ] || fail "no backup kept on re-save"
"$BODYMAP" validate "$new" "$new.bak" >/dev/null || fail "file or backup invalid after re-save"
pass "re-save keeps a backup"

# Unsaved stroke, autosave after ~1 s, then a crash.
n=$(count_log '^autosaved ')
drag $((cx - 40)) $((cy + 100)) $((cx + 40)) $((cy + 100))
wait_more '^autosaved ' "$n" "no autosave after the third stroke"
ls "$WORK/lib/.recovery/"*.json >/dev/null 2>&1 || fail "no recovery file after autosave"
screenshot "$WORK/before-crash.png"
painted_before=$("$PROBE" count "$WORK/before-crash.png" $PAINT5 14 290 0 775 1000)
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
pass "autosaved, then killed with SIGKILL"

start_app
screenshot "$WORK/offer.png"
# The restore prompt is modal: the chart behind it is dimmed, so the body colour is gone.
[ "$("$PROBE" count "$WORK/offer.png" $BODY 3 290 0 775 1000)" -lt 1000 ] || fail "no restore prompt after the crash"
xdotool keydown Return; sleep 0.15; xdotool keyup Return; sleep 0.8
screenshot "$WORK/restored.png"
painted_after=$("$PROBE" count "$WORK/restored.png" $PAINT5 14 290 0 775 1000)
[ "$painted_after" -gt $(( painted_before * 9 / 10 )) ] || fail "restored map lacks the strokes ($painted_after vs $painted_before)"
pass "restore prompt offered; all three strokes restored"

# Quitting with unsaved (restored) work asks first: the window stays open.
n=$(count_log '^dialog Unsaved changes')
xdotool key ctrl+q
wait_more '^dialog Unsaved changes' "$n" "quit did not ask about unsaved work"
sleep 0.5   # the prompt's first frames, for the screenshot below
kill -0 "$APP_PID" 2>/dev/null || fail "quit without asking about unsaved work"
screenshot "$WORK/quit.png"
[ "$("$PROBE" count "$WORK/quit.png" $BODY 3 290 0 775 1000)" -lt 1000 ] || fail "no unsaved-changes prompt on quit"
pass "quit asks about unsaved changes"
