# The window fits the screen it opens on and remembers its size: asked for 1600x1000 on a
# 1280x720 screen it opens at most 1280x720; resized to 1000x650 it saves that size (after the
# resize settles) and opens with it at the next start when no --size is given; --size still wins.
source "$(dirname "$0")/lib.sh"
start_xvfb 1280x720
SETTINGS="$XDG_CONFIG_HOME/bodymap/settings.json"

geometry() {  # "W H" of window $1
  xdotool getwindowgeometry "$1" | awk '/Geometry:/ {split($2, a, "x"); print a[1], a[2]}'
}
start_app() {  # start_app LOG [options]
  local log="$1"; shift
  BODYMAP_TEST_LOG="$log" "$BODYMAP" "$@" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  # Polled, not --sync: a search that meets a window being destroyed meanwhile (the last run's,
  # or SDL's hidden start-up window) dies with BadWindow, so it is simply tried again.
  WID=""
  for _ in $(seq 1 200); do
    WID=$(xdotool search --onlyvisible --name '^BodyMap' 2>/dev/null | head -1) || true
    [ -n "$WID" ] && break
    sleep 0.1
  done
  [ -n "$WID" ] || fail "window did not appear"
  wait_log "$log" "^ready" || fail "the app did not start"
}
stop_app() {
  kill -TERM "$APP_PID"
  for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  ! kill -0 "$APP_PID" 2>/dev/null || fail "the app did not quit"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

start_app "$WORK/1.log" --size 1600x1000
sleep 0.5
read -r w h < <(geometry "$WID")
[ "$w" -le 1280 ] && [ "$h" -le 720 ] && [ "$w" -ge 1200 ] && [ "$h" -ge 650 ] \
  || fail "asked for 1600x1000 on a 1280x720 screen, the window is ${w}x${h}"
grep -q "^window-size $w $h" "$WORK/1.log" || fail "the log does not give the size ${w}x${h}"
pass "the window is clamped to the screen (${w}x${h})"

xdotool windowsize "$WID" 1000 650
wait_log "$WORK/1.log" "^window-size-saved 1000 650" 10 || fail "the new size was not saved"
jq -e '.window.width == 1000 and .window.height == 650' "$SETTINGS" >/dev/null \
  || fail "settings do not hold 1000x650: $(cat "$SETTINGS")"
[ "$(stat -c %a "$SETTINGS")" = 600 ] || fail "the settings file is not private"
stop_app
pass "a resize is saved in the settings"

start_app "$WORK/2.log"
sleep 0.5
read -r w h < <(geometry "$WID")
[ "$w" = 1000 ] && [ "$h" = 650 ] || fail "the next start opened at ${w}x${h}, not the remembered 1000x650"
stop_app
pass "the next start opens at the remembered size"

start_app "$WORK/3.log" --size 900x600
sleep 0.5
read -r w h < <(geometry "$WID")
[ "$w" = 900 ] && [ "$h" = 600 ] || fail "--size 900x600 opened at ${w}x${h}"
stop_app
jq -e '.window.width == 1000 and .window.height == 650' "$SETTINGS" >/dev/null \
  || fail "a start with --size and no resize changed the remembered size: $(cat "$SETTINGS")"
pass "--size wins over the remembered size and does not replace it"
