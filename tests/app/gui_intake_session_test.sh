# The locked client intake (issue 13, section 1), driven in a real window as a curious client:
# the therapist PIN set through Settings' dialog (reached from "Hand to client"), `bodymap intake`
# refusals, every shortcut inert, no other client's name anywhere, closing the window asks for
# the PIN, wrong PINs lead to a delay, kill -9 and a restart restore only this client's drawing,
# Done saves a 0600 visit of the client and shows the thank-you page, and the PIN unlocks onto it.
source "$(dirname "$0")/lib.sh"
use_extra_cleanup
start_extra_xvfb  # (-noreset: the app is killed and restarted between the steps)
export DISPLAY="$NEW_DISPLAY"
export BODYMAP_AUTOSAVE_SECONDS=0.5
BODY=ece9e5
GREEN=2e7d46
LIB="$WORK/lib"
mkdir -p "$LIB"
cp -r "$TESTS/../assets/examples/demo-anna" "$LIB/"
ANNA="$LIB/demo-anna"
# The other client: his name must never appear during Anna's intake.
BOB="$LIB/other-bob"
mkdir -p "$BOB"
printf '{"format": "bodymap-client", "version": 1, "id": "other-bob", "name": "Bobby Otherclient"}\n' >"$BOB/client.json"
jq '.visit.clientId = "other-bob" | .visit.clientName = "Bobby Otherclient"' \
  "$ANNA/2026-11-16T10-00-00.json" >"$BOB/2026-11-20T09-00-00.json"
cd "$WORK"
LOG="$WORK/test.log"
PIN=2468

source "$TESTS/app/intake_lib.sh"
drag() {
  xdotool mousemove --window "$WID" "$1" "$2"; sleep 0.1; xdotool mousedown 1; sleep 0.1
  local i
  for i in $(seq 1 10); do
    xdotool mousemove --window "$WID" $(( $1 + ($3 - $1) * i / 10 )) $(( $2 + ($4 - $2) * i / 10 )); sleep 0.03
  done
  sleep 0.1; xdotool mouseup 1; sleep 0.3
}
# Centre "x y" of the pixels of colour $2 in screenshot $1 (the green Done button).
centre_of() {
  local b
  b=$("$PROBE" bbox "$1" "$2" 6) || return 1
  set -- $b
  echo $(( ($1 + $3) / 2 )) $(( ($2 + $4) / 2 ))
}
no_bob() {  # nothing of the other client in the test log
  if grep -Eiq 'bob|otherclient' "$LOG"; then grep -Ei 'bob|otherclient' "$LOG" >&2; fail "$1: the other client appeared"; fi
}

# --- Usage and refusals ---------------------------------------------------------------------
set +e
"$BODYMAP" intake >/dev/null 2>"$WORK/err"; rc=$?
set -e
[ "$rc" = 2 ] || fail "intake without --client exited $rc, not 2"
set +e
"$BODYMAP" intake --client demo-anna --library "$LIB" --frobnicate >/dev/null 2>"$WORK/err"; rc=$?
set -e
[ "$rc" = 2 ] || fail "intake with an unknown option exited $rc, not 2"
set +e
"$BODYMAP" intake --client nobody-here --library "$LIB" >/dev/null 2>"$WORK/err"; rc=$?
set -e
[ "$rc" = 1 ] && grep -q 'no client "nobody-here" in the library' "$WORK/err" || fail "unknown client: rc $rc: $(cat "$WORK/err")"
set +e
"$BODYMAP" intake --client demo-anna --library "$WORK/no-such-library" >/dev/null 2>"$WORK/err"; rc=$?
set -e
[ "$rc" = 1 ] && grep -q 'cannot be read' "$WORK/err" || fail "missing library: rc $rc: $(cat "$WORK/err")"
set +e
"$BODYMAP" intake --client demo-anna --library "$LIB" >/dev/null 2>"$WORK/err"; rc=$?
set -e
[ "$rc" = 1 ] && grep -q 'Set the therapist PIN in Settings first' "$WORK/err" || fail "no PIN: rc $rc: $(cat "$WORK/err")"
pass "intake refuses: usage (2), unknown client, unreadable library, no PIN (1)"

# --- The PIN, set once through the dialog ----------------------------------------------------
start_app "$ANNA/2026-11-16T10-00-00.json"   # opens Anna's last visit: her page in Clients
click "Hand to client..."
wait_log "$LOG" '^dialog Hand to client$' 5 || fail "no Hand to client dialog"
click "Set PIN..."
wait_log "$LOG" '^dialog Therapist PIN$' 5 || fail "no PIN dialog"
type_pin 12          # too short
type_pin "$PIN"
type_pin 9999        # differs: asked again
type_pin "$PIN"
type_pin "$PIN"
wait_log "$LOG" '^pin-set$' 10 || fail "the PIN was not saved"
SETTINGS="$XDG_CONFIG_HOME/bodymap/settings.json"
jq -er '.pinHash' "$SETTINGS" | grep -q '^\$argon2id\$' || fail "the settings hold no Argon2id PIN hash"
grep -q "\"$PIN\"" "$SETTINGS" && fail "the PIN itself is in the settings"
[ "$(stat -c %a "$SETTINGS")" = 600 ] || fail "settings file not 0600"
pass "PIN set through the dialog (4-12 digits, twice), kept as a crypto_pwhash_str hash, 0600"

# Changing it (Settings > Change therapist PIN...) needs the current one.
old_hash=$(jq -r '.pinHash' "$SETTINGS")
xdotool mousemove --window "$WID" 178 12; sleep 0.3; xdotool click 1; sleep 0.6
xdotool mousemove --window "$WID" 230 38; sleep 0.3; xdotool click 1; sleep 0.6
[ "$(grep -c '^dialog Therapist PIN$' "$LOG")" = 2 ] || fail "Settings > Change therapist PIN... did not open the dialog"
type_pin 1111
wait_log "$LOG" '^pin-wrong 1$' 10 || fail "a wrong current PIN was not refused"
[ "$(grep -c '^pin-set$' "$LOG")" = 1 ] || fail "the PIN changed without the current one"
type_pin "$PIN"      # the current PIN: now the new one, twice
type_pin 1357; type_pin 1357
for i in $(seq 1 100); do [ "$(grep -c '^pin-set$' "$LOG")" = 2 ] && break; sleep 0.1; done
[ "$(grep -c '^pin-set$' "$LOG")" = 2 ] || fail "the PIN was not changed after the current one"
[ "$(jq -r '.pinHash' "$SETTINGS")" != "$old_hash" ] || fail "the stored hash did not change"
PIN=1357
pass "changing the PIN needs the current one"

# Hand to client from the therapist GUI, then closing asks the PIN; with it BodyMap quits.
click "Hand to client..."
click "Start blank"
wait_log "$LOG" '^intake-start demo-anna$' 5 || fail "Hand to client did not start the intake"
kill -TERM "$APP_PID"; sleep 1   # SDL turns it into the window's close request (SDL_QUIT)
alive || fail "the intake quit on a close request without the PIN"
wait_log "$LOG" '^intake-close-needs-pin$' 5 || fail "closing did not ask for the PIN"
type_pin "$PIN"
wait_log "$LOG" '^pin-ok$' 5 || fail "the right PIN was not accepted"
for i in $(seq 1 50); do alive || break; sleep 0.1; done
alive && fail "the right PIN after a close request did not quit"
wait "$APP_PID" 2>/dev/null || true; APP_PID=""
pass "Hand to client starts the intake; closing needs the PIN, then quits"

# --- Orphaned recovery files of the other client and of the therapist's work ----------------
mkdir -p "$LIB/.recovery"; chmod 700 "$LIB/.recovery"
recovery() {  # $1 session, $2 intake client (or ""), $3 map file
  jq -n --slurpfile m "$3" --arg intake "$2" \
    '{format: "bodymap-recovery", version: 1, savedAt: "2026-11-30T09:00:00", editing: ""}
     + (if $intake == "" then {} else {intake: $intake} end) + {map: $m[0]}' >"$LIB/.recovery/$1.json"
}
recovery 20261130-090000-1 other-bob "$BOB/2026-11-20T09-00-00.json"
recovery 20261130-090000-2 "" "$BOB/2026-11-20T09-00-00.json"
# An intake file that claims Anna but holds another client's map is not restored either.
recovery 20261130-090000-3 demo-anna "$BOB/2026-11-20T09-00-00.json"
cp "$LIB/.recovery/"*.json "$WORK/"
ls "$LIB/.recovery" >"$WORK/recovery-before"

# --- The intake: every shortcut is inert ------------------------------------------------------
start_app intake --client demo-anna
wait_log "$LOG" '^intake-start demo-anna$' 5 || fail "the intake did not start"
grep -q '^recovery-offer' "$LOG" && fail "the intake offered recovery files"
grep -q '^restored' "$LOG" && fail "the intake restored a file that is not its own"
xdotool mousemove --window "$WID" 100 20; sleep 0.5
screenshot "$WORK/before-keys.png"
for key in ctrl+o ctrl+s ctrl+shift+s ctrl+e ctrl+p ctrl+n ctrl+m ctrl+q ctrl+w F1 F2 F3 \
           Tab Tab Escape alt+f alt+e alt+v alt+F4 ctrl+comma F10 alt; do
  xdotool key "$key"; sleep 0.3
  alive || fail "$key ended the intake process"
done
sleep 0.5
screenshot "$WORK/after-keys.png"
if grep -E '^(dialog|opened|saved|open-failed|quit|autosaved)' "$LOG"; then fail "a shortcut opened or saved something"; fi
cmp -s "$WORK/before-keys.png" "$WORK/after-keys.png" || fail "a shortcut changed the intake screen (after-keys.png)"
no_bob "shortcuts"
pass "Ctrl+O/S/Shift+S/E/P/N/M/Q/W, F1-F3, F10, Tab, Escape, Alt+F/E/V/F4: nothing opens, the screen is unchanged"

# A stroke on the front view, autosaved into the recovery file marked as Anna's intake.
# (the body figures: the body colour right of the controls column)
read -r cx0 cy0 cw ch < <(grep "^rect panel-chart " "$LOG" | tail -1 | cut -d" " -f3-)
set -- $("$PROBE" bbox "$WORK/after-keys.png" $BODY 3 "$cx0" "$cy0" $((cx0 + cw)) $((cy0 + ch)))
fx=$(( $1 + ($3 - $1) / 4 )); fy=$(( $2 + ($4 - $2) * 3 / 10 ))
drag $((fx - 40)) "$fy" $((fx + 40)) "$fy"
wait_log "$LOG" '^autosaved ' 10 || fail "the intake's drawing was not autosaved"
own=$(grep '^autosaved ' "$LOG" | tail -1 | cut -d' ' -f2-)
[ "$(jq -r '.intake' "$own")" = demo-anna ] || fail "the recovery file does not record the intake's client"
pass "the intake's recovery file records client demo-anna"

# Closing the window asks for the PIN; wrong three times starts a delay, in which even the
# right PIN is refused; the dialog can be cancelled and the counter stays.
kill -TERM "$APP_PID"; sleep 1
alive || fail "the intake quit on a close request"
wait_log "$LOG" '^dialog Therapist PIN$' 5 || fail "no PIN dialog on close"
type_pin 1111; type_pin 9753
wait_log "$LOG" '^pin-wrong 2$' 10 || fail "wrong PINs not counted"
xdotool key Escape
wait_log "$LOG" '^pin-cancelled$' 10 || fail "Escape did not cancel the PIN dialog"
click "Therapist"
type_pin 0000
wait_log "$LOG" '^pin-wrong 3 delay 30$' 5 || fail "no 30 s delay after the third wrong PIN (closing the dialog reset the count?)"
type_pin "$PIN"
grep -q '^pin-ok$' "$LOG" && fail "the right PIN was taken during the delay"
screenshot "$WORK/pin-delay.png"
alive || fail "the intake ended during the delay"
no_bob "PIN dialog"
pass "close needs the PIN; 3 wrong PINs give a 30 s delay that the right PIN does not skip"

# --- Killed mid-intake: the restart restores only Anna's drawing ------------------------------
stop_app
# The wrong tries and the delay they started outlive the process (the settings keep them).
[ "$(jq -r '.pinFailures.wrong' "$SETTINGS")" = 3 ] || fail "the wrong PINs are not kept in the settings"
[ "$(jq -r '.pinFailures.lockedUntil' "$SETTINGS")" -ge $(( $(date +%s) + 15 )) ] \
  || fail "the PIN delay is not kept in the settings"
# (The therapist waits the delay out: its end moved into the past; the count stays.)
jq '.pinFailures.lockedUntil = 0' "$SETTINGS" >"$WORK/settings.tmp" && cat "$WORK/settings.tmp" >"$SETTINGS"
start_app intake --client demo-anna
wait_log "$LOG" '^intake-restored demo-anna$' 5 || fail "the intake's drawing was not restored"
grep -q '^pin-gate 3$' "$LOG" || fail "the restarted intake forgot the wrong PINs"
grep -q '^recovery-offer' "$LOG" && fail "the restarted intake offered recovery files"
[ "$(grep -c '^restored ' "$LOG")" = 1 ] || fail "more than one file restored"
grep -q "^restored $own intake\$" "$LOG" || fail "restored another file than the intake's own: $(grep '^restored' "$LOG")"
for f in 20261130-090000-1 20261130-090000-2 20261130-090000-3; do
  cmp -s "$LIB/.recovery/$f.json" "$WORK/$f.json" || fail "the recovery file $f of other work was touched"
done
xdotool mousemove --window "$WID" 100 20; sleep 0.3
screenshot "$WORK/restored.png"
[ "$("$PROBE" count "$WORK/restored.png" fb7d46 14)" -gt 300 ] || fail "the restored stroke is not on the chart"
no_bob "restore"
pass "kill -9, restart: only this client's intake drawing is restored, nothing offered"

# --- Done: saved 0600 into Anna's folder, the thank-you page, the unlock --------------------
ls "$ANNA" >"$WORK/anna-before"
done_at=$(centre_of "$WORK/restored.png" $GREEN) || fail "no green Done button on screen"
xdotool mousemove --window "$WID" $done_at; sleep 0.2; xdotool click 1
wait_log "$LOG" '^intake-saved /' 5 || fail "Done did not save"
saved=$(grep '^intake-saved ' "$LOG" | tail -1 | cut -d' ' -f2-)
[ "$(dirname "$saved")" = "$ANNA" ] || fail "saved outside the client's folder: $saved"
[ "$(stat -c %a "$saved")" = 600 ] || fail "the saved visit is not 0600"
"$BODYMAP" validate "$saved" >/dev/null || fail "the saved visit does not validate"
[ "$(jq -r '.visit.clientId + " " + .visit.drawnBy' "$saved")" = "demo-anna client" ] || fail "wrong client or drawnBy in $saved"
[ ! -e "$own" ] || fail "the recovery file stayed after Done"
xdotool mousemove --window "$WID" 100 20; sleep 0.5
screenshot "$WORK/thanks.png"
grep -q '^dialog' "$LOG" && fail "a dialog opened at Done"
no_bob "thank-you page"
click "Therapist: unlock"
type_pin "$PIN"
wait_log "$LOG" '^intake-left demo-anna$' 5 || fail "the PIN did not unlock the thank-you page"
sleep 1
screenshot "$WORK/unlocked.png"
alive || fail "the app ended at the unlock"
pass "Done saves a 0600 visit drawn by the client into its folder; thank-you page; the PIN unlocks"
stop_app

# Each page (at 1600x1000: the intake layout at 1280x800 is issue 13 section 2) is kept for a
# look by eye with KEEP_WORK=1: before-keys, pin-delay, restored, thanks, unlocked.

# A plain start of the therapist GUI offers the other work's recovery files as before.
start_app
wait_log "$LOG" "^recovery-offer $LIB/.recovery/20261130-090000-1.json\$" 5 || fail "the therapist GUI did not offer the other client's intake recovery"
stop_app
pass "the therapist GUI still offers the recovery files of other work"
