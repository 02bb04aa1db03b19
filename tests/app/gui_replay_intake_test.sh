# The locked intake driven through --replay at each screen size of issue 13 (1024x600, 1280x800,
# 1366x768, 1920x1080, portrait 800x1280), as a curious client would: another client's visit
# dropped on the window is ignored (nothing opens, no name shown), shortcuts that leave or open
# anything are inert, the close button asks for the PIN and Escape goes back to drawing; then a
# V painted inside one frame with the Large marker and Done save exactly those cells into the
# client's folder (0600), compared cell by cell with maps::Stroke (tests/tools/stroke_cells),
# and the hand-back page shows no other client. The other client never appears in the log.
# Last, a PIN delay kept in the settings from an earlier run still refuses the right PIN.
source "$(dirname "$0")/lib.sh"
start_xvfb 1920x1280
CELLS="${BODYMAP_STROKE_CELLS:?set by tests/CMakeLists.txt}"
TEMPLATE="$TESTS/../assets/templates/adult_neutral.json"
GREEN=2e7d46
source "$TESTS/app/intake_lib.sh"
write_test_pin

# Field N of the last log line starting with $2 in log $1.
logged() { grep "^$2" "$1" | tail -1 | cut -d' ' -f"$3"; }

for size in 1024x600 1280x800 1366x768 1920x1080 800x1280; do
  LIB="$WORK/lib-$size"
  mkdir -p "$LIB"
  cp -r "$TESTS/../assets/examples/demo-anna" "$LIB/"
  BOB="$LIB/other-bob"
  mkdir -p "$BOB"
  printf '{"format": "bodymap-client", "version": 1, "id": "other-bob", "name": "Bobby Otherclient"}\n' \
    >"$BOB/client.json"
  jq '.visit.clientId = "other-bob" | .visit.clientName = "Bobby Otherclient"' \
    "$LIB/demo-anna/2026-11-16T10-00-00.json" >"$BOB/2026-11-20T09-00-00.json"
  before=$(ls "$LIB/demo-anna" | wc -l)

  # Where the chart and the buttons are at this size: a screenshot run logs them.
  PROBE_LOG="$WORK/probe-$size.log"
  BODYMAP_TEST_LOG="$PROBE_LOG" "$BODYMAP" intake --library "$LIB" --client demo-anna --size "$size" \
    --screenshot "$WORK/probe-$size.png" --frames 6 >"$WORK/out.txt" 2>&1 \
    || { cat "$WORK/out.txt"; fail "$size: the intake did not start"; }
  read -r ox oy sc _ < <(grep '^chart-geometry ' "$PROBE_LOG" | tail -1 | cut -d' ' -f2-)
  [ -n "${sc:-}" ] || fail "$size: no chart geometry logged"
  read -r lx ly < <(button_pos "$PROBE_LOG" Large)
  read -r dx dy < <(button_pos "$PROBE_LOG" Done)
  [ -n "${dy:-}" ] || fail "$size: no Done button logged"
  # A V on the chest of the front view (cells 220..290 x 300..380), window pixels.
  px() { awk -v o="$ox" -v s="$sc" -v c="$1" 'BEGIN { printf "%d", o + c * s }'; }
  py() { awk -v o="$oy" -v s="$sc" -v c="$1" 'BEGIN { printf "%d", o + c * s }'; }
  ax=$(px 220); ay=$(py 300); bx=$(px 255); by=$(py 380); cx=$(px 290)

  R="$WORK/$size.replay"
  cat >"$R" <<EOF
100 drop $BOB/2026-11-20T09-00-00.json
200 key ctrl+o
300 key ctrl+shift+s
400 key F1
500 key F3
600 key ctrl+e
700 key ctrl+n
800 close
1000 screenshot $WORK/pin-$size.png
1100 key Escape
1300 mouse-move $lx $ly
1350 mouse-down $lx $ly
1400 mouse-up $lx $ly
1600 mouse-down $ax $ay
1600 mouse-move $bx $by
1600 mouse-move $cx $ay
1600 mouse-up $cx $ay
1800 screenshot $WORK/drawn-$size.png
1900 mouse-move $dx $dy
1950 mouse-down $dx $dy
2000 mouse-up $dx $dy
2600 screenshot $WORK/thanks-$size.png
EOF
  LOG="$WORK/$size.log"
  BODYMAP_TEST_LOG="$LOG" "$BODYMAP" intake --library "$LIB" --client demo-anna --size "$size" \
    --replay "$R" >"$WORK/app.out" 2>&1 &
  APP_PID=$!
  wait_log "$LOG" "^replay-screenshot $WORK/thanks-$size.png" 30 || { cat "$LOG"; fail "$size: the replay did not finish"; }
  kill -0 "$APP_PID" 2>/dev/null || fail "$size: the intake process ended"
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

  grep -q '^drop-ignored$' "$LOG" || fail "$size: the drop did not reach the intake"
  if grep -Eq '^(opened|open-failed|dialog (Open|Save|Export|Print|Help))' "$LOG"; then
    grep -E '^(opened|open-failed|dialog)' "$LOG"; fail "$size: a drop or shortcut opened something"
  fi
  grep -q '^intake-close-needs-pin$' "$LOG" || fail "$size: the close button did not ask for the PIN"
  grep -q '^dialog Therapist PIN$' "$LOG" || fail "$size: no PIN dialog on close"
  grep -q '^pin-cancelled$' "$LOG" || fail "$size: Escape did not cancel the PIN dialog"
  if grep -Eiq 'bob|otherclient' "$LOG" "$PROBE_LOG"; then fail "$size: the other client appeared in the log"; fi
  saved=$(logged "$LOG" "intake-saved " 2-)
  [ -n "$saved" ] || { cat "$LOG"; fail "$size: Done did not save"; }
  case "$saved" in "$LIB/demo-anna/"*) ;; *) fail "$size: saved outside the client's folder: $saved" ;; esac
  [ "$(stat -c %a "$saved")" = 600 ] || fail "$size: the visit is not 0600"
  [ "$(ls "$LIB/demo-anna" | wc -l)" = $((before + 1)) ] || fail "$size: not exactly one new visit"
  [ "$(ls "$BOB" | wc -l)" = 2 ] || fail "$size: the other client's folder changed"
  # Exactly the V's cells, with the Large marker (24 cells) at the default intensity 5.
  "$CELLS" "$TEMPLATE" "$LOG" "$R" "$size" "$saved" --radius 24 >"$WORK/cells.txt" \
    || { cat "$WORK/cells.txt"; fail "$size: the saved cells differ from the V that was sent"; }
  n=$(sed 's/^same //' "$WORK/cells.txt")
  [ "$n" -gt 2000 ] || fail "$size: only $n cells painted"
  [ "$(jq -r '.visit.drawnBy' "$saved")" = client ] || fail "$size: the visit is not marked as drawn by the client"
  # The hand-back page: no green Done, no chart.
  [ "$("$PROBE" count "$WORK/thanks-$size.png" $GREEN 6)" -lt 100 ] || fail "$size: Done is still shown after saving"
  [ "$("$PROBE" count "$WORK/drawn-$size.png" fb7d46 14)" -gt 1000 ] || fail "$size: the V is not on screen"
  pass "$size: drop and shortcuts inert, close needs the PIN, a one-frame V saved cell for cell ($n cells)"
done

# A delay started by wrong PINs survives a restart: with 3 wrong tries and a delay that ends in
# 10 minutes in the settings, the right PIN is refused and the window stays in intake.
LIB="$WORK/lib-1280x800"
jq --argjson until $(( $(date +%s) + 600 )) '.pinFailures = {wrong: 3, lockedUntil: $until}' \
  "$XDG_CONFIG_HOME/bodymap/settings.json" >"$WORK/settings.tmp"
cat "$WORK/settings.tmp" >"$XDG_CONFIG_HOME/bodymap/settings.json"
printf '%s\n' '200 close' '600 key 2' '650 key 4' '700 key 6' '750 key 8' '800 key Return' "1200 screenshot $WORK/locked.png" >"$WORK/locked.replay"
LOG="$WORK/locked.log"
BODYMAP_TEST_LOG="$LOG" "$BODYMAP" intake --library "$LIB" --client demo-anna --size 1280x800 \
  --replay "$WORK/locked.replay" >"$WORK/app.out" 2>&1 &
APP_PID=$!
wait_log "$LOG" "^replay-screenshot $WORK/locked.png" 30 || { cat "$LOG"; fail "the locked replay did not finish"; }
grep -q '^pin-gate 3 locked$' "$LOG" || fail "the delay of the settings was not restored"
grep -q '^dialog Therapist PIN$' "$LOG" || fail "no PIN dialog on close"
grep -q '^pin-ok$' "$LOG" && fail "the right PIN was taken during a delay kept from an earlier run"
kill -0 "$APP_PID" 2>/dev/null || fail "the intake ended during the delay"
pass "a PIN delay kept in the settings still runs after a restart"
