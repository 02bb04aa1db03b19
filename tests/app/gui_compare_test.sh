# The compare workspace end to end under Xvfb: F3 with no client shows the hint; picking the demo
# client shows the two newest visits, the difference map in the diverging colours with its legend;
# the Trends and Frequency tabs draw their charts. Works on a temporary copy of the examples.
source "$(dirname "$0")/lib.sh"
start_xvfb

LIB="$WORK/library"
mkdir -p "$LIB" "$WORK/config"
cp -r "$TESTS/../assets/examples/." "$LIB/"
export XDG_CONFIG_HOME="$WORK/config"
touch "$WORK/copied"  # the copies are not newer than this; anything the app writes later is

# Colours (render/colormap.cpp): the darkest ends of the diverging scale in the legend bar,
# differenceColor(-4) of a "resolved" cell of the demo (the 26 Oct paint at 2-5 gone or lower),
# the frequency scale's dark end (YlGnBu) and the trend line.
BLUE_END=053061
RED_END=67001f
BODY=ece9e5
FREQ_DARK=081d58
LINE=34568c

"$BODYMAP" --library "$LIB" --signal-screenshot "$WORK/shot.png" --size 1600x1000 >"$WORK/app.log" 2>&1 &
APP_PID=$!
WID=$(xdotool search --sync --onlyvisible --name '^BodyMap' | head -1)
[ -n "$WID" ] || fail "window did not appear"
xdotool windowfocus --sync "$WID" 2>/dev/null || true
sleep 1

xdotool key F3; sleep 0.5
screenshot "$WORK/noclient.png"
# No client: the chart is gone from the middle (no body colour there), only the hint.
[ "$("$PROBE" count "$WORK/noclient.png" $BODY 1 290 40 1260 960)" -lt 2000 ] \
  || fail "the chart is still shown in the compare workspace"
pass "F3 without a client shows the hint"

# The demo client is the first entry of the Clients list (right panel).
xdotool mousemove 1400 145 click 1; sleep 0.3
xdotool mousemove 1500 990; sleep 1.5
screenshot "$WORK/difference.png"
# Three body charts side by side in the middle.
[ "$("$PROBE" count "$WORK/difference.png" $BODY 1 290 130 1260 560)" -gt 30000 ] \
  || fail "no before/after/difference charts"
# The legend's two ends of the diverging scale under the difference map (right third).
[ "$("$PROBE" count "$WORK/difference.png" $BLUE_END 6 940 480 1260 560)" -gt 40 ] \
  || fail "no 'better' end of the diverging scale in the legend"
[ "$("$PROBE" count "$WORK/difference.png" $RED_END 6 940 480 1260 560)" -gt 40 ] \
  || fail "no 'worse' end of the diverging scale in the legend"
# The demo's pain went down: blue difference cells on the back view of the difference map.
blue=0
for c in 2166ac 4393c3 92c5de 6aaed0 a8d0e4 d1e5f0 b9d9ea 7eb9d7 5ca3ca 3f8fc1 2e7ab8; do
  n=$("$PROBE" count "$WORK/difference.png" $c 8 1060 180 1260 480)
  blue=$((blue + n))
done
[ "$blue" -gt 20 ] || fail "no 'better' cells on the difference map ($blue)"
pass "difference map with diverging colours and legend ($blue better pixels)"

# Trends tab: lines and points in the trend colour.
xdotool mousemove 432 118 click 1; sleep 0.3
xdotool mousemove 1500 990; sleep 1.0
screenshot "$WORK/trends.png"
[ "$("$PROBE" count "$WORK/trends.png" $LINE 12 290 160 1260 960)" -gt 800 ] || fail "no trend charts"
pass "trend charts"

# Frequency tab: the frequency map with its dark end (cells painted in every visit) and legend.
xdotool mousemove 515 118 click 1; sleep 0.3
xdotool mousemove 1500 990; sleep 1.5
screenshot "$WORK/frequency.png"
[ "$("$PROBE" count "$WORK/frequency.png" $FREQ_DARK 10 290 130 1260 960)" -gt 30 ] \
  || fail "no frequency map"
[ "$("$PROBE" count "$WORK/frequency.png" $BODY 1 290 130 1260 960)" -gt 40000 ] \
  || fail "no body charts on the frequency tab"
pass "frequency map"

# F3 again: back to the chart; nothing was written into the library copy.
xdotool key F3; sleep 0.5
screenshot "$WORK/back.png"
[ "$(find "$LIB" -newer "$WORK/copied" -type f | wc -l)" -eq 0 ] || fail "files written into the library"
pass "nothing written"
