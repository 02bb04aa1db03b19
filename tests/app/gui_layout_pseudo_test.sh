# Layouts survive translation: the therapist's window and the compare workspace (Difference,
# Trends, Frequency) in the pseudo-locale (--lang pseudo: every string in [ ], accented, 40 %
# longer) at 1600x1000, 1366x768 and 1024x600, with the example library and a visit open.
# Every rectangle the window logs is inside the window and inside the panel it belongs to, and
# nothing overlaps (layout_check.py); the strings really are the pseudo-locale's. The
# screenshots are kept in $WORK (KEEP_WORK=1) for looking at them.
source "$(dirname "$0")/lib.sh"
start_xvfb 1600x1000
CHECK="$TESTS/app/layout_check.py"
LIB="$WORK/lib"
cp -r "$TESTS/../assets/examples" "$LIB"
VISIT="$LIB/demo-anna/2026-11-16T10-00-00.json"
BODY=ece9e5

# The labels of the rects in log $1 (their last position) for layout_check: each panel-* on its
# own, every other non-empty rect as LABEL<PANEL of the panel that holds it. The side panels
# scroll: what runs past a panel's bottom edge (and only that; not its sides) is reached by
# scrolling and is left out (named on stderr).
panel_keys() {
  /usr/bin/python3 - "$1" <<'EOF'
import sys
rects = {}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    p = line.split()
    if len(p) >= 6 and p[0] == "rect":
        rects[" ".join(p[1:-4])] = tuple(int(v) for v in p[-4:])
panels = {k: r for k, r in rects.items() if k.startswith("panel-") and r[2] > 0 and r[3] > 0}
for k in panels:
    print(k)
for k, (x, y, w, h) in rects.items():
    if k in panels or w <= 0 or h <= 0:
        continue
    cx = x + w / 2
    home = [p for p, (px, py, pw, ph) in panels.items() if px <= cx < px + pw and py <= y < py + ph]
    if home and y + h > panels[home[0]][1] + panels[home[0]][3] and home[0] != "panel-chart":
        print(f"scrolled out of {home[0]}: {k}", file=sys.stderr)
        continue
    if not home:
        below = [p for p, (px, py, pw, ph) in panels.items()
                 if p != "panel-chart" and px <= cx < px + pw and y >= py + ph]
        if below:
            print(f"scrolled out of {below[0]}: {k}", file=sys.stderr)
            continue
    print(f"{k}<{home[0]}" if home else k)
EOF
}

for size in 1600x1000 1366x768 1024x600; do
  W=${size%x*}; H=${size#*x}
  # The main window.
  LOG="$WORK/main-$size.log"
  BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --lang pseudo --library "$LIB" "$VISIT" --size "$size" \
    --screenshot "$WORK/main-$size.png" --frames 6 >"$WORK/out.txt" 2>&1 \
    || { cat "$WORK/out.txt"; fail "$size: bodymap exited with an error"; }
  grep -q '^rect \[.*\] ' "$LOG" || fail "$size: no pseudo-locale label logged (is --lang pseudo applied?)"
  grep -q '^rect Undo ' "$LOG" && fail "$size: Undo is still in English under --lang pseudo"
  mapfile -t keys < <(panel_keys "$LOG" 2>"$WORK/scrolled-$size.txt")
  [ "${#keys[@]}" -ge 8 ] || fail "$size: only ${#keys[@]} rects logged"
  /usr/bin/python3 "$CHECK" "$LOG" "$W" "$H" 4 "${keys[@]}" >"$WORK/check.txt" \
    || { cat "$WORK/check.txt"; fail "$size: main window cut off or overlapping in the pseudo-locale"; }
  n=$("$PROBE" count "$WORK/main-$size.png" $BODY 3)
  [ "$n" -gt 20000 ] || fail "$size: the body is hardly drawn ($n pixels)"
  pass "$size: main window in the pseudo-locale inside the window, nothing overlapping (${#keys[@]} rects)"

  # The compare workspace, tab by tab.
  LOG="$WORK/compare-$size.log"
  : >"$LOG"
  BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --lang pseudo --library "$LIB" "$VISIT" --size "$size" \
    --signal-screenshot "$WORK/shot.png" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  WID=$(xdotool search --sync --onlyvisible --name '^BodyMap' | head -1)
  [ -n "$WID" ] || fail "$size: window did not appear"
  xdotool windowfocus --sync "$WID" 2>/dev/null || true
  wait_log "$LOG" '^rect panel-chart ' 20 || fail "$size: the window logged nothing"
  xdotool key F3
  wait_log "$LOG" '^rect diff-card-2 ' 20 || { cat "$WORK/app.log"; fail "$size: no difference cards"; }
  xdotool mousemove --window "$WID" $((W - 5)) $((H - 5)); sleep 1
  screenshot "$WORK/difference-$size.png"
  top=(compare-client compare-visits compare-before-label compare-before compare-after-label
       compare-after compare-swap compare-tab-difference compare-tab-trends compare-tab-frequency
       panel-side)
  diff=(diff-card-0 diff-card-1 diff-card-2 "diff-title-0<diff-card-0" "diff-title-1<diff-card-1"
        "diff-title-2<diff-card-2" "diff-subtitle-0<diff-card-0" "diff-subtitle-1<diff-card-1"
        "diff-subtitle-2<diff-card-2" "diff-summary-0<diff-card-0" "diff-summary-1<diff-card-1"
        "diff-legend<diff-card-2")
  if grep -q '^rect diff-tables ' "$LOG"; then diff+=(diff-tables); else diff+=(diff-keyfigures diff-regions); fi
  /usr/bin/python3 "$CHECK" "$LOG" "$W" "$H" 4 "${top[@]}" "${diff[@]}" >"$WORK/check.txt" \
    || { cat "$WORK/check.txt"; fail "$size: difference tab cut off or overlapping in the pseudo-locale"; }
  pass "$size: compare, Difference tab in the pseudo-locale"

  read -r x y < <(button_pos "$LOG" compare-tab-trends)
  xdotool mousemove --window "$WID" "$x" "$y" click 1; sleep 0.3
  xdotool mousemove --window "$WID" $((W - 5)) $((H - 5))
  wait_log "$LOG" '^rect trend-chart-5 ' 20 || fail "$size: no trend charts"
  sleep 0.5
  screenshot "$WORK/trends-$size.png"
  trends=(trend-period trend-chart-0 trend-chart-1 trend-chart-2 trend-chart-3 trend-chart-4 trend-chart-5)
  /usr/bin/python3 "$CHECK" "$LOG" "$W" "$H" 4 "${top[@]}" "${trends[@]}" >"$WORK/check.txt" \
    || { cat "$WORK/check.txt"; fail "$size: trends tab cut off or overlapping in the pseudo-locale"; }
  pass "$size: compare, Trends tab in the pseudo-locale"

  read -r x y < <(button_pos "$LOG" compare-tab-frequency)
  xdotool mousemove --window "$WID" "$x" "$y" click 1; sleep 0.3
  xdotool mousemove --window "$WID" $((W - 5)) $((H - 5))
  wait_log "$LOG" '^rect freq-card-1 ' 20 || fail "$size: no frequency maps"
  sleep 1
  screenshot "$WORK/frequency-$size.png"
  freq=(freq-period freq-card-0 freq-card-1 "freq-title-0<freq-card-0" "freq-title-1<freq-card-1"
        "freq-subtitle-0<freq-card-0" "freq-subtitle-1<freq-card-1")
  /usr/bin/python3 "$CHECK" "$LOG" "$W" "$H" 4 "${top[@]}" "${freq[@]}" >"$WORK/check.txt" \
    || { cat "$WORK/check.txt"; fail "$size: frequency tab cut off or overlapping in the pseudo-locale"; }
  pass "$size: compare, Frequency tab in the pseudo-locale"
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
done
