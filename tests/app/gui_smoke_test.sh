# GUI smoke test: the app starts under Xvfb, renders frames, the screenshot shows the front and
# back body with R/L marks, and the app exits cleanly.
source "$(dirname "$0")/lib.sh"
start_xvfb
"$BODYMAP" --screenshot "$WORK/s.png" --frames 8 --size 1600x1000 >"$WORK/out.txt" 2>&1 \
  || { cat "$WORK/out.txt"; fail "bodymap --screenshot exited with an error"; }
[ -s "$WORK/s.png" ] || fail "no screenshot written"
read -r W H < <("$PROBE" size "$WORK/s.png")
[ "$W" = 1600 ] && [ "$H" = 1000 ] || fail "screenshot is ${W}x${H}, expected 1600x1000"
# The silhouette colour (236,233,229) must fill a large area in each half of the chart.
BODY=ece9e5
left=$("$PROBE" count "$WORK/s.png" $BODY 3 290 0 775 1000)
right=$("$PROBE" count "$WORK/s.png" $BODY 3 775 0 1260 1000)
[ "$left" -gt 40000 ] || fail "front view body area too small: $left pixels"
[ "$right" -gt 40000 ] || fail "back view body area too small: $right pixels"
# The two silhouettes have about the same size.
ratio=$(( left * 100 / right ))
[ "$ratio" -gt 90 ] && [ "$ratio" -lt 110 ] || fail "front/back areas differ: $left vs $right"
# Body is taller than wide, like a standing person (arms included).
read -r x0 y0 x1 y1 < <("$PROBE" bbox "$WORK/s.png" $BODY 3 290 0 775 1000)
[ $(( (y1 - y0) * 10 / (x1 - x0) )) -ge 15 ] || fail "front body bbox ${x0},${y0}-${x1},${y1} not upright"
# Side marks: the blue of the R/L letters appears in both views.
MARK=34568c
[ "$("$PROBE" count "$WORK/s.png" $MARK 10 290 0 775 1000)" -gt 200 ] || fail "no R/L marks on the front view"
[ "$("$PROBE" count "$WORK/s.png" $MARK 10 775 0 1260 1000)" -gt 200 ] || fail "no R/L marks on the back view"
pass "GUI starts, shows both views with R/L marks, exits 0"
