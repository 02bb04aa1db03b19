# Shared by the gui_replay_*_test.sh scripts (sourced after lib.sh, with LOG, SIZE and WORK set):
# a blank map without a client, and running the GUI on a copy of it under a replay script.
jq '.visit.clientId = "" | .visit.clientName = "" | .visit.therapist = "" | .visit.notes = ""
    | .views.front.intensity = [[0,524288]] | .views.front.qualities = [[0,524288]]
    | .views.back.intensity = [[0,524288]] | .views.back.qualities = [[0,524288]]' \
  "$TESTS/../assets/examples/demo-anna/2026-11-16T10-00-00.json" >"$WORK/blank.json"
"$BODYMAP" validate "$WORK/blank.json" >/dev/null || fail "test setup: blank map does not validate"

# Runs the GUI on a copy of the blank map ($1) with replay script $2 until the script quits it.
run_replay() {
  cp "$WORK/blank.json" "$1"
  : >"$LOG"
  BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --size $SIZE --replay "$2" "$1" >"$WORK/app.out" 2>&1 &
  APP_PID=$!
  local i
  for i in $(seq 1 600); do
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$APP_PID" 2>/dev/null && { cat "$WORK/app.out" "$LOG"; fail "$2 did not end the app"; }
  wait "$APP_PID" || { cat "$WORK/app.out"; fail "$2: the app failed"; }
  APP_PID=""
  grep -qx "saved $1" "$LOG" || { cat "$LOG"; fail "$2: the map was not saved"; }
}
