# Shared helpers for the shell-driven tests. Sourced, not run. Arguments of every test script:
#   $1 bodymap binary, $2 png_probe binary, $3 tests/ folder.
set -euo pipefail
BODYMAP="$1"
PROBE="$2"
TESTS="$3"
WORK="$(mktemp -d)"
# Never touch the user's own files: home, library, settings.
export HOME="$WORK/home"
mkdir -p "$HOME"
export BODYMAP_LIBRARY="$WORK/library"
export XDG_CONFIG_HOME="$WORK/config"
export XDG_DATA_HOME="$WORK/data"
# The tests read English messages: the command line and the GUI follow the system's language
# (tests that need another one pass --lang).
export LC_ALL=C.UTF-8
unset LANGUAGE LC_MESSAGES LANG
XVFB_PID=""
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill -9 "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -n "${KEEP_WORK:-}" ] && trap "kill \$APP_PID \$XVFB_PID 2>/dev/null; echo kept \$WORK" EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# Starts a private Xvfb server (1600x1000x24, or the screen size $1 as WxH) and exports DISPLAY.
# The server picks a free display number itself and reports it (-displayfd): choosing one by
# looking for lock files raced with other test runs on the same machine, and a test could end
# up on another's server.
start_xvfb() {
  local n="" i size="${1:-1600x1000}"
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$WORK/xvfb-display" >/dev/null 2>&1 &
  XVFB_PID=$!
  for i in $(seq 1 100); do
    n=$(head -n 1 "$WORK/xvfb-display" 2>/dev/null || true)
    [ -n "$n" ] && break
    kill -0 "$XVFB_PID" 2>/dev/null || fail "Xvfb did not start"
    sleep 0.05
  done
  [ -n "$n" ] || fail "Xvfb reported no display number"
  export DISPLAY=":$n"
  for i in $(seq 1 50); do
    if xdotool getmouselocation >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  fail "Xvfb did not answer on :$n"
}

# Waits until a file exists and is non-empty (up to $2 seconds, default 20).
wait_file() {
  local f="$1" limit="${2:-20}" i
  for i in $(seq 1 $((limit * 10))); do
    [ -s "$f" ] && return 0
    sleep 0.1
  done
  return 1
}

# Asks the running app (APP_PID, started with --signal-screenshot $WORK/shot.png) for a
# screenshot and waits for it.
screenshot() {
  rm -f "$WORK/shot.png"
  kill -USR1 "$APP_PID"
  wait_file "$WORK/shot.png" 20 || fail "no screenshot"
  sleep 0.2
  cp "$WORK/shot.png" "$1"
}

# --- Several windows at once (gui_two_instances_test.sh) and the test log ------------------
# Extra processes (Xvfb servers, app instances) started by the helpers below; a test that uses
# them calls use_extra_cleanup after sourcing this file.
EXTRA_PIDS=()
use_extra_cleanup() {
  if [ -n "${KEEP_WORK:-}" ]; then trap 'kill_extra; echo kept $WORK' EXIT; else trap 'kill_extra; cleanup' EXIT; fi
}
kill_extra() {
  local p
  for p in "${EXTRA_PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
}

# Starts one more private Xvfb server (1600x1000x24); sets NEW_DISPLAY to it (":N"). With
# -noreset: by default the server resets when its last client goes (an app killed between two
# steps), and an xdotool call during the reset fails with "Can't open display".
start_extra_xvfb() {
  local n="" i f="$WORK/xvfb-extra-$RANDOM"
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -noreset 3>"$f" >/dev/null 2>&1 &
  EXTRA_PIDS+=($!)
  disown $!  # no "Killed" job report when it is stopped at the end
  for i in $(seq 1 100); do
    n=$(head -n 1 "$f" 2>/dev/null || true)
    [ -n "$n" ] && break
    sleep 0.05
  done
  [ -n "$n" ] || fail "extra Xvfb reported no display number"
  NEW_DISPLAY=":$n"
  for i in $(seq 1 50); do
    if DISPLAY="$NEW_DISPLAY" xdotool getmouselocation >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  fail "extra Xvfb did not answer on $NEW_DISPLAY"
}

# Waits until file $1 has a line matching the extended regex $2 (up to $3 seconds, default 20).
wait_log() {
  local f="$1" re="$2" limit="${3:-20}" i
  for i in $(seq 1 $((limit * 10))); do
    grep -Eq -- "$re" "$f" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# The centre "x y" of a prompt button as last logged by the app (BODYMAP_TEST_LOG file $1,
# lines "button <label> <x> <y>").
button_pos() {
  grep -F "button $2 " "$1" | tail -1 | awk '{print $(NF-1), $NF}'
}
