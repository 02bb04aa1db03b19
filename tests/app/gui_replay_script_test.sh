# The --replay script itself: (e) a malformed script is a usage error (exit 2) naming the file,
# the line and the problem, before any window opens; replayed mouse clicks press ImGui buttons
# (a release in the next frame, and a press and release inside one frame); `close` asks about
# unsaved changes as the window's close button does.
source "$(dirname "$0")/lib.sh"
LOG="$WORK/test.log"

# --- (e) malformed scripts -------------------------------------------------------------
bad() {  # $1 script text, $2 line number, $3 words the message must contain
  printf '%s\n' "$1" >"$WORK/bad.replay"
  local rc=0
  DISPLAY= "$BODYMAP" --replay "$WORK/bad.replay" >"$WORK/out" 2>"$WORK/err" || rc=$?
  [ "$rc" -eq 2 ] || fail "(e) exit $rc for: $1"
  grep -qF "$WORK/bad.replay:$2: " "$WORK/err" || { cat "$WORK/err"; fail "(e) no file:line $2 for: $1"; }
  grep -qF "$3" "$WORK/err" || { cat "$WORK/err"; fail "(e) the problem is not named ($3) for: $1"; }
}
bad '# comment

100 mouse-jump 3 4' 3 'unknown event "mouse-jump"'
bad '100 mouse-down 10 abc' 1 'not two whole numbers'
bad '100 mouse-down 10 20 sideways' 1 'left, right or middle'
bad '100 mouse-move 10' 1 'takes 2'
bad 'soon mouse-move 10 20' 1 'milliseconds'
bad '200 key o
100 key o' 2 'before the line above'
bad '100 key ctrl+NoSuchKey' 1 'unknown key name'
bad '100 key hyper+o' 1 'unknown modifier'
bad '100 finger-down x 10 20' 1 'finger ID'
bad '100 wheel 0' 1 'wheel'
bad '100 screenshot' 1 'needs a file name'
bad '100 quit-replay
200 key o' 2 'nothing can follow quit-replay'
bad '100' 1 'event name'
rc=0
DISPLAY= "$BODYMAP" --replay "$WORK/missing.replay" 2>"$WORK/err" || rc=$?
[ "$rc" -eq 2 ] && grep -qF "$WORK/missing.replay" "$WORK/err" || fail "(e) a missing script: exit $rc"
pass "(e) malformed scripts are exit 2 with file:line and the problem, before any window"

# --- Replayed clicks on ImGui buttons ----------------------------------------------------
start_xvfb
run_app() {  # $1 script; waits until the app ends or $2 seconds passed
  : >"$LOG"
  BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --size 1600x1000 --replay "$1" >"$WORK/app.out" 2>&1 &
  APP_PID=$!
}
V='300 mouse-down 500 260
300 mouse-move 560 400
300 mouse-move 620 260
300 mouse-up 620 260'
# First where the prompt's buttons are (they are logged once drawn).
printf '%s\n600 close\n' "$V" >"$WORK/probe.replay"
run_app "$WORK/probe.replay"
wait_log "$LOG" '^button Don.t save ' 20 || { cat "$LOG"; fail "closing with unsaved changes did not ask"; }
wait_log "$LOG" '^button Cancel ' 5 || fail "no Cancel button"
# The prompt's first frame lays it out before it is centred: take its place from a later frame.
for i in $(seq 1 100); do
  [ "$(grep -c "^button Don't save " "$LOG")" -ge 2 ] && break
  sleep 0.1
done
dont=$(button_pos "$LOG" "Don't save")
cancel=$(button_pos "$LOG" "Cancel")
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
# Cancel with a press and a release 100 ms apart: the prompt goes, the app stays. Close again
# and "Don't save" with a press and release inside one frame: the app quits.
{
  echo "$V"
  # The gaps after each close are long enough for the prompt to be drawn even when a loaded CI
  # machine takes several hundred milliseconds for a frame (a replay cannot wait for the log).
  echo '600 close'
  echo "2000 mouse-move $cancel"
  echo "2100 mouse-down $cancel"
  echo "2200 mouse-up $cancel"
  echo "2500 screenshot $WORK/after-cancel.png"
  echo '2600 close'
  echo "4000 mouse-move $dont"
  echo "4000 mouse-down $dont"
  echo "4000 mouse-up $dont"
} >"$WORK/click.replay"
run_app "$WORK/click.replay"
for i in $(seq 1 300); do
  kill -0 "$APP_PID" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$APP_PID" 2>/dev/null && { cat "$LOG"; fail "the replayed click on Don't save did not quit"; }
wait "$APP_PID" || fail "the app failed"
APP_PID=""
[ "$(grep -c '^dialog Unsaved changes' "$LOG")" -eq 2 ] || { cat "$LOG"; fail "Cancel did not close the first prompt"; }
grep -qx quit "$LOG" || fail "no quit logged"
# After Cancel: the chart with the V, no prompt over it.
[ "$("$PROBE" count "$WORK/after-cancel.png" fb7d46 14)" -gt 1500 ] || fail "the V is not on screen after Cancel"
[ "$("$PROBE" count "$WORK/after-cancel.png" ece9e5 3 290 40 1260 940)" -gt 150000 ] || fail "a prompt still covers the chart"
pass "replayed clicks press buttons (across frames and inside one frame); close asks first"

# Keys with modifiers, typed text and a dropped file reach the app: Ctrl+O, the path typed into
# the file dialog, Return; then a second map dropped on the window.
cp "$TESTS/../assets/examples/demo-anna/2026-10-05T10-00-00.json" "$WORK/typed.json"
cp "$TESTS/../assets/examples/demo-anna/2026-11-16T10-00-00.json" "$WORK/dropped.json"
printf '%s\n' '300 key ctrl+o' "800 text $WORK/typed.json" '1100 key Return' \
  "1800 drop $WORK/dropped.json" "2400 screenshot $WORK/dropped.png" '2500 quit-replay' >"$WORK/keys.replay"
run_app "$WORK/keys.replay"
for i in $(seq 1 300); do
  kill -0 "$APP_PID" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$APP_PID" 2>/dev/null && { cat "$LOG"; fail "quit-replay did not end the app"; }
wait "$APP_PID" || fail "the app failed"
APP_PID=""
grep -qx "opened $WORK/typed.json" "$LOG" || { cat "$LOG"; fail "Ctrl+O, the typed path and Return did not open it"; }
grep -qx "opened $WORK/dropped.json" "$LOG" || { cat "$LOG"; fail "the dropped file was not opened"; }
grep -qx quit "$LOG" || fail "quit-replay did not quit"
pass "replayed Ctrl+O, typed text, Return and a dropped file; quit-replay quits"
