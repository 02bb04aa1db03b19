# The therapist's window at the five screen sizes (1024x600, 1280x800, 1366x768, 1920x1080,
# portrait 800x1280) with the example library and a visit open: the chart, the side panel and
# (on a large window) the tools panel are inside the window and do not overlap; the chart keeps
# a usable size; Undo and Redo are inside their panel, not cut off; the body is drawn. Below
# 1440x900 the tools are the side panel's first tab (all of them visible without scrolling), in
# portrait the panel is under the chart.
source "$(dirname "$0")/lib.sh"
start_xvfb 1920x1280
CHECK="$TESTS/app/layout_check.py"
BODY=ece9e5
LIB="$WORK/lib"
cp -r "$TESTS/../assets/examples" "$LIB"
VISIT="$LIB/demo-anna/2026-11-16T10-00-00.json"
for size in 1024x600 1280x800 1366x768 1920x1080 800x1280; do
  W=${size%x*}; H=${size#*x}
  LOG="$WORK/main-$size.log"
  BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --library "$LIB" "$VISIT" --size "$size" \
    --screenshot "$WORK/main-$size.png" --frames 6 >"$WORK/out.txt" 2>&1 \
    || { cat "$WORK/out.txt"; fail "$size: bodymap exited with an error"; }
  if grep -q "^rect panel-tools " "$LOG"; then
    [ "$W" -ge 1440 ] && [ "$H" -ge 950 ] || fail "$size: the tools panel is a column on a small window"
    keys=(panel-tools panel-chart panel-side "Undo<panel-tools" "Redo<panel-tools" "Numbness<panel-tools")
  else
    [ "$W" -lt 1440 ] || [ "$H" -lt 950 ] || fail "$size: no tools panel on a large window"
    # The Paint tab (the first) shows every painting control without scrolling.
    keys=(panel-chart panel-side "Undo<panel-side" "Redo<panel-side" "Aching<panel-side"
          "Numbness<panel-side")
  fi
  /usr/bin/python3 "$CHECK" "$LOG" "$W" "$H" 20 "${keys[@]}" >"$WORK/check.txt" \
    || { cat "$WORK/check.txt"; fail "$size: panels or buttons cut off or overlapping"; }
  read -r _ _ cw ch < <(grep "^rect panel-chart " "$LOG" | tail -1 | awk '{print $3, $4, $5, $6}')
  [ "$cw" -ge 500 ] && [ "$ch" -ge 400 ] || fail "$size: the chart is only ${cw}x${ch}"
  if [ "$H" -gt "$W" ]; then
    read -r _ sy _ _ < <(grep "^rect panel-side " "$LOG" | tail -1 | awk '{print $3, $4, $5, $6}')
    [ "$sy" -ge "$ch" ] || fail "$size: portrait's side panel is not under the chart"
  fi
  n=$("$PROBE" count "$WORK/main-$size.png" $BODY 3)
  [ "$n" -gt 20000 ] || fail "$size: the body is hardly drawn ($n pixels)"
  pass "$size: therapist layout inside the window, nothing overlapping"
done
