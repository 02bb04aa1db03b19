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
# up on another's server. With -noreset: a test that stops the app and starts it again would
# otherwise meet the server resetting (its last client gone), and xdotool failed with "Can't
# open display" under load.
start_xvfb() {
  local n="" i size="${1:-1600x1000}"
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -noreset 3>"$WORK/xvfb-display" >/dev/null 2>&1 &
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

# Waits (up to 20 s) for a visible BodyMap window on display $1 and prints its id. Polled, not
# `xdotool search --sync`: a search that meets a window being destroyed meanwhile (SDL's hidden
# start-up window) dies with BadWindow, so it is simply tried again.
find_window() {
  local wid="" i
  for i in $(seq 1 200); do
    wid=$(DISPLAY="$1" xdotool search --onlyvisible --name '^BodyMap' 2>/dev/null | head -1) || true
    [ -n "$wid" ] && { echo "$wid"; return 0; }
    sleep 0.1
  done
  return 1
}

# --- Named instances, each on its own Xvfb server ------------------------------------------
# start_instance NAME LIBRARY [intake] [ARGS...]: bodymap (or `bodymap intake`) on a new Xvfb
# server with --library LIBRARY; sets <NAME>_PID, <NAME>_DISPLAY and <NAME>_WID, logs to
# $WORK/NAME.log (test log) and $WORK/NAME.out, and waits until it is ready.
start_instance() {
  local name="$1" where="$2"; shift 2
  start_extra_xvfb
  local first=()
  if [ "${1:-}" = intake ]; then first=(intake); shift; fi
  BODYMAP_TEST_LOG="$WORK/$name.log" DISPLAY="$NEW_DISPLAY" "$BODYMAP" "${first[@]}" --library "$where" \
    --signal-screenshot "$WORK/$name-shot.png" --size 1600x1000 "$@" >"$WORK/$name.out" 2>&1 &
  local pid=$!
  EXTRA_PIDS+=($pid)
  eval "${name}_PID=$pid; ${name}_DISPLAY=$NEW_DISPLAY"
  local wid
  wid=$(find_window "$NEW_DISPLAY") || fail "window $name did not appear: $(cat "$WORK/$name.out")"
  eval "${name}_WID=$wid"
  DISPLAY="$NEW_DISPLAY" xdotool windowfocus --sync "$wid" 2>/dev/null || true
  wait_log "$WORK/$name.log" '^ready$' 20 || fail "$name did not get ready"
  sleep 1
}
# on NAME XDOTOOL-ARGS...: xdotool on that instance's display.
on() { local d="${1}_DISPLAY"; shift; DISPLAY="${!d}" xdotool "$@"; }
# shot NAME FILE: a screenshot of that instance.
shot() {
  local pid="${1}_PID"
  rm -f "$WORK/$1-shot.png"
  kill -USR1 "${!pid}"
  wait_file "$WORK/$1-shot.png" 20 || fail "no screenshot of $1"
  sleep 0.2
  cp "$WORK/$1-shot.png" "$2"
}
# drag NAME X0 Y0 X1 Y1: a stroke in ten steps, then the mouse parked in a corner.
drag() {
  local w="$1"
  on "$w" mousemove "$2" "$3"; sleep 0.1; on "$w" mousedown 1; sleep 0.1
  local i
  for i in $(seq 1 10); do
    on "$w" mousemove $(( $2 + ($4 - $2) * i / 10 )) $(( $3 + ($5 - $3) * i / 10 )); sleep 0.03
  done
  sleep 0.1; on "$w" mouseup 1; sleep 0.1; on "$w" mousemove 1500 990; sleep 0.3
}
# click_button NAME LABEL: clicks the button where the instance last logged it.
click_button() {
  local pos
  pos=$(button_pos "$WORK/$1.log" "$2")
  [ -n "$pos" ] || fail "$1: no button \"$2\" on screen"
  on "$1" mousemove $pos; sleep 0.2; on "$1" click 1; sleep 0.5
}
# count_log FILE REGEX: how many lines match (0 when none; grep -c exits 1 then).
count_log() { grep -c -- "$2" "$1" || true; }
