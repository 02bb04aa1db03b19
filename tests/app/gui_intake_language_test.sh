# The intake's own language (issue 14): `bodymap intake --lang pseudo` draws what the client reads
# in the pseudo-locale while the therapist's PIN dialog keeps the UI language (English here); the
# client's language button lists the languages by their own names and switches at once; Done
# still saves the map, which does not depend on the language.
source "$(dirname "$0")/lib.sh"
use_extra_cleanup
start_extra_xvfb
export DISPLAY="$NEW_DISPLAY"
BODY=ece9e5
LIB="$WORK/lib"
mkdir -p "$LIB"
cp -r "$TESTS/../assets/examples/demo-anna" "$LIB/"
ANNA="$LIB/demo-anna"
source "$TESTS/app/intake_lib.sh"
write_test_pin
cd "$WORK"
LOG="$WORK/test.log"

drag() {
  xdotool mousemove --window "$WID" "$1" "$2"; sleep 0.1; xdotool mousedown 1; sleep 0.1
  local i
  for i in $(seq 1 10); do
    xdotool mousemove --window "$WID" $(( $1 + ($3 - $1) * i / 10 )) $(( $2 + ($4 - $2) * i / 10 )); sleep 0.03
  done
  sleep 0.1; xdotool mouseup 1; sleep 0.3
}

start_app intake --client demo-anna --lang pseudo
wait_log "$LOG" '^intake-start demo-anna$' 5 || fail "the intake did not start"
wait_log "$LOG" '^intake-language pseudo$' 5 || fail "--lang pseudo did not set the intake's language"
# The client's labels are pseudo ([...] and accents), their log ids unchanged.
grep -q '^label Done \[D' "$LOG" || fail "Done is not labelled in the pseudo-locale"
grep -q '^label instruction \[T' "$LOG" || fail "the instruction is not in the pseudo-locale"
grep -q '^label anchors \[' "$LOG" || fail "the intensity anchors are not in the pseudo-locale"
grep -q '^label quality \[' "$LOG" || fail "the feelings are not in the pseudo-locale"
grep -q '^label Language \[' "$LOG" || fail "the language button is not in the pseudo-locale"
pass "intake --lang pseudo: the client's screen in the pseudo-locale"

# The PIN dialog is the therapist's: in the UI language (English), not the client's.
click "Therapist"
wait_log "$LOG" '^dialog Therapist PIN$' 5 || fail "the Therapist button asked no PIN"
wait_log "$LOG" '^button Cancel##pin ' 5 || fail "the PIN dialog's Cancel is not in English"
grep -q '^button OK##pin ' "$LOG" || fail "the PIN dialog's OK is not in English"
if grep -E '^button \[' "$LOG" | grep -q '##pin'; then fail "a PIN dialog label is in the pseudo-locale"; fi
screenshot "$WORK/pin.png"
click "Cancel##pin"
wait_log "$LOG" '^pin-cancelled$' 5 || fail "Cancel did not close the PIN dialog"
pass "the PIN dialog stays in the therapist's language"

# The language button: the list by the languages' own names; English switches at once.
click "Language"
wait_log "$LOG" '^intake-language-list$' 5 || fail "the language button opened no list"
for tag in en de es fr; do
  wait_log "$LOG" "^button language-$tag " 5 || fail "the list has no $tag"
done
screenshot "$WORK/languages.png"
click "language-en"
wait_log "$LOG" '^intake-language en$' 5 || fail "choosing English did not switch the intake"
wait_log "$LOG" '^label instruction Touch and drag on the body' 5 || fail "the instruction did not switch to English"
wait_log "$LOG" '^label Language Language: English$' 5 || fail "the language button does not say English"
pass "the client's language button switches pseudo -> en and logs it"

# Done still saves the map (a stroke first), with nothing of the language in it.
sleep 0.5
xdotool mousemove --window "$WID" 5 5; sleep 0.3
screenshot "$WORK/drawing.png"
read -r cx0 cy0 cw ch < <(grep "^rect panel-chart " "$LOG" | tail -1 | cut -d" " -f3-)
set -- $("$PROBE" bbox "$WORK/drawing.png" $BODY 3 "$cx0" "$cy0" $((cx0 + cw)) $((cy0 + ch)))
fx=$(( $1 + ($3 - $1) / 4 )); fy=$(( $2 + ($4 - $2) * 3 / 10 ))
drag $((fx - 40)) "$fy" $((fx + 40)) "$fy"
n_before=$(ls "$ANNA" | wc -l)
click "Done"
wait_log "$LOG" '^intake-saved ' 10 || fail "Done did not save the visit"
saved=$(grep '^intake-saved ' "$LOG" | tail -1 | cut -d' ' -f2-)
[ -f "$saved" ] || fail "the saved visit $saved is not there"
[ "$(ls "$ANNA" | wc -l)" -gt "$n_before" ] || fail "no new visit in the client's folder"
if grep -q 'pseudo\|Páíñ\|\[Á' "$saved"; then fail "the saved map depends on the intake's language"; fi
stop_app
pass "Done saves the map after switching languages"
