# The ends of a client intake (issue 13, section 1): Done with nothing painted asks "No pain
# today?" ("Go back and draw" returns, "Yes" saves a blank visit noted as no pain); leaving
# without Done takes the PIN and keeps the unsaved drawing open in the therapist's GUI; --from-last
# starts with the last visit's pain. The PIN is set by writing its crypto_pwhash_str hash
# (of 2468, made once with libsodium) into the settings file.
source "$(dirname "$0")/lib.sh"
use_extra_cleanup
start_extra_xvfb
export DISPLAY="$NEW_DISPLAY"
GREEN=2e7d46
BODY=ece9e5
LIB="$WORK/lib"
mkdir -p "$LIB"
cp -r "$TESTS/../assets/examples/demo-anna" "$LIB/"
ANNA="$LIB/demo-anna"
source "$TESTS/app/intake_lib.sh"
write_test_pin
cd "$WORK"
LOG="$WORK/test.log"
PIN=2468

click_done() {
  xdotool mousemove --window "$WID" 5 500; sleep 0.3
  screenshot "$WORK/drawing.png"
  local b
  b=$("$PROBE" bbox "$WORK/drawing.png" $GREEN 6) || fail "no green Done button on screen"
  set -- $b
  xdotool mousemove --window "$WID" $(( ($1 + $3) / 2 )) $(( ($2 + $4) / 2 )); sleep 0.2; xdotool click 1; sleep 0.8
}

# --- Leaving without Done keeps the drawing open, unsaved ----------------------------------
start_app intake --client demo-anna --from-last
wait_log "$LOG" '^intake-start demo-anna$' 5 || fail "the intake did not start"
xdotool mousemove --window "$WID" 5 500; sleep 0.3
screenshot "$WORK/from-last.png"
# (compared with the blank chart below: the last visit's pain covers part of the body colour)
body_last=$("$PROBE" count "$WORK/from-last.png" $BODY 3 450 0 1600 1000)
n_before=$(ls "$ANNA" | wc -l)
click "Therapist"
wait_log "$LOG" '^dialog Therapist PIN$' 5 || fail "the Therapist button asked no PIN"
type_pin "$PIN"
wait_log "$LOG" '^intake-left demo-anna$' 5 || fail "the right PIN did not end the intake"
[ "$(ls "$ANNA" | wc -l)" = "$n_before" ] || fail "leaving without Done saved a visit"
sleep 0.5
xdotool key ctrl+q; sleep 1
wait_log "$LOG" '^dialog Unsaved changes$' 5 || fail "the intake's drawing was not kept open and unsaved"
alive || fail "quit without asking about the intake's drawing"
screenshot "$WORK/left.png"
stop_app
pass "the PIN leaves without Done; the drawing stays open, unsaved"

# --- Done with nothing painted ----------------------------------------------------------------
ls "$ANNA" >"$WORK/before"
start_app intake --client demo-anna
wait_log "$LOG" '^intake-start demo-anna$' 5 || fail "the intake did not start"
click_done
body_blank=$("$PROBE" count "$WORK/drawing.png" $BODY 3 450 0 1600 1000)
[ $((body_blank - body_last)) -gt 150 ] || fail "--from-last showed no pain of the last visit ($body_blank vs $body_last body pixels)"
pass "--from-last starts with the last visit's pain ($((body_blank - body_last)) pixels of it)"
wait_log "$LOG" '^intake-confirm-no-pain$' 5 || fail "Done on a blank chart did not ask"
grep -q '^intake-saved' "$LOG" && fail "a blank chart was saved without asking"
screenshot "$WORK/no-pain.png"
click "Go back and draw"
wait_log "$LOG" '^intake-back-to-drawing$' 5 || fail "Go back and draw did not return"
click_done
[ "$(grep -c '^intake-confirm-no-pain$' "$LOG")" = 2 ] || fail "the second Done did not ask again"
click "Yes, no pain today"
wait_log "$LOG" '^intake-saved no-pain /' 5 || fail "Yes, no pain today did not save"
saved=$(grep '^intake-saved ' "$LOG" | tail -1 | cut -d' ' -f3-)
[ "$(dirname "$saved")" = "$ANNA" ] || fail "saved outside the client's folder: $saved"
[ "$(stat -c %a "$saved")" = 600 ] || fail "the no-pain visit is not 0600"
"$BODYMAP" validate "$saved" >/dev/null || fail "the no-pain visit does not validate"
jq -er '.visit.notes' "$saved" | grep -q '^No pain today' || fail "the visit does not say no pain today"
[ "$(jq -r '.visit.drawnBy' "$saved")" = client ] || fail "the no-pain visit is not drawn by the client"
[ "$("$BODYMAP" stats "$saved" --json | jq '.maps[0].metrics.painted_cells')" = 0 ] || fail "the no-pain visit has paint"
screenshot "$WORK/thanks-no-pain.png"
click "Therapist: unlock"
type_pin "$PIN"
wait_log "$LOG" '^intake-left demo-anna$' 5 || fail "the PIN did not unlock"
stop_app
pass "Done on a blank chart asks 'No pain today?'; Go back returns; Yes saves a blank 0600 visit noted as no pain"


# --- A save that fails at Done: a calm page for the client, the drawing kept --------------
start_app intake --client demo-anna
wait_log "$LOG" '^intake-start demo-anna$' 5 || fail "the intake did not start"
xdotool mousemove --window "$WID" 5 500; sleep 0.3
screenshot "$WORK/blank.png"
read -r cx0 cy0 cw ch < <(grep "^rect panel-chart " "$LOG" | tail -1 | cut -d" " -f3-)
set -- $("$PROBE" bbox "$WORK/blank.png" $BODY 3 "$cx0" "$cy0" $((cx0 + cw)) $((cy0 + ch)))
fx=$(( $1 + ($3 - $1) / 4 )); fy=$(( $2 + ($4 - $2) * 3 / 10 ))
xdotool mousemove --window "$WID" $((fx - 40)) "$fy"; sleep 0.1; xdotool mousedown 1; sleep 0.1
for i in $(seq 1 10); do xdotool mousemove --window "$WID" $((fx - 40 + 8 * i)) "$fy"; sleep 0.03; done
sleep 0.1; xdotool mouseup 1; sleep 0.3
mv "$ANNA" "$WORK/anna-away"; echo "not a folder" >"$ANNA"   # the client's folder is gone
click_done
wait_log "$LOG" '^intake-save-failed$' 5 || fail "a failed save did not show the hand-back page"
own=$(grep '^autosaved ' "$LOG" | tail -1 | cut -d' ' -f2-)
[ -n "$own" ] && [ "$(jq -r '.intake' "$own")" = demo-anna ] || fail "the unsaved drawing is not in the intake's recovery file"
grep -q '^dialog' "$LOG" && fail "the failed save opened a dialog for the client"
xdotool mousemove --window "$WID" 5 500; sleep 0.3
screenshot "$WORK/save-failed.png"
click "Therapist: unlock"
type_pin "$PIN"
wait_log "$LOG" '^intake-left demo-anna$' 5 || fail "the PIN did not unlock the failed-save page"
wait_log "$LOG" '^dialog Problem$' 5 || fail "the therapist was not told why the save failed"
rm "$ANNA"; mv "$WORK/anna-away" "$ANNA"
stop_app
pass "a failed save at Done: the client is asked to hand the device back, the drawing is in the recovery file, the therapist is told"
