# Shared by the gui_intake_*_test.sh scripts (sourced after lib.sh, with LIB, LOG and WORK set):
# the therapist PIN, starting the GUI on the test library, and clicking logged buttons and typing a
# PIN with xdotool.

# Writes settings whose therapist PIN is 2468 (its crypto_pwhash_str hash, made once with
# libsodium), 0600.
write_test_pin() {
  mkdir -p "$XDG_CONFIG_HOME/bodymap"
  # shellcheck disable=SC2016
  printf '{"pinHash": "%s"}\n' \
    '$argon2id$v=19$m=65536,t=2,p=1$kteaDdeK+uIJmw8FrykVTw$MVDkuZFZWks1vu/w9vN37xryPMbNTE6fZCHLs0BLgao' \
    >"$XDG_CONFIG_HOME/bodymap/settings.json"
  chmod 600 "$XDG_CONFIG_HOME/bodymap/settings.json"
}
start_app() {
  : >"$LOG"
  BODYMAP_TEST_LOG="$LOG" "$BODYMAP" "$@" --library "$LIB" --signal-screenshot "$WORK/shot.png" \
    --size 1600x1000 >>"$WORK/app.out" 2>&1 &
  APP_PID=$!
  WID=$(xdotool search --sync --onlyvisible --name '^BodyMap' | head -1)
  [ -n "$WID" ] || fail "window did not appear"
  xdotool windowfocus --sync "$WID" 2>/dev/null || true
  wait_log "$LOG" '^ready$' 20 || fail "the app did not get ready"
  sleep 1
}
alive() { kill -0 "$APP_PID" 2>/dev/null; }
stop_app() { kill -9 "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
click() {  # click the logged button $1
  local pos
  pos=$(button_pos "$LOG" "$1")
  [ -n "$pos" ] || fail "no button '$1' in the log"
  xdotool mousemove --window "$WID" $pos; sleep 0.2; xdotool click 1; sleep 0.6
}
type_pin() { xdotool type --delay 40 "$1"; sleep 0.2; xdotool key Return; sleep 0.8; }
