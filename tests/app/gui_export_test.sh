# Export from the real window: open a visit of the demo client, Ctrl+E opens the report dialog
# with the earlier visits ticked, Enter and a file name write a two-page PDF; progress and the
# result message are shown; File > Export PNG writes the chart with its legend.
source "$(dirname "$0")/lib.sh"
start_xvfb
cp -r "$TESTS/../assets/examples" "$WORK/lib"
VISIT="$WORK/lib/demo-anna/2026-10-05T10-00-00.json"
"$BODYMAP" --library "$WORK/lib" "$VISIT" --signal-screenshot "$WORK/shot.png" --size 1600x1000 >"$WORK/app.log" 2>&1 &
APP_PID=$!
WID=$(xdotool search --sync --onlyvisible --name '^BodyMap' | head -1)
[ -n "$WID" ] || fail "window did not appear"
xdotool windowfocus --sync "$WID" 2>/dev/null || true
sleep 1.5

BODY=ece9e5
# Waits (up to 20 s) until a modal dialog dims the chart: the body colour is gone.
wait_dialog() {
  local i
  for i in $(seq 1 40); do
    screenshot "$WORK/$1.png"
    [ "$("$PROBE" count "$WORK/$1.png" $BODY 3 290 0 1262 1000)" -lt 1000 ] && return 0
    sleep 0.5
  done
  fail "no $1 dialog"
}
xdotool key ctrl+e
wait_dialog report-dialog
xdotool key Return; sleep 1.5           # Save PDF... (the dialog's default button)
wait_dialog file-dialog
sleep 1
xdotool key ctrl+a; sleep 0.3
xdotool type --delay 30 "$WORK/report"; sleep 0.5
xdotool keydown Return; sleep 0.15; xdotool keyup Return
for _ in $(seq 1 150); do [ -s "$WORK/report.pdf" ] && break; sleep 0.2; done
[ -s "$WORK/report.pdf" ] || { screenshot "$WORK/fail.png"; fail "no report written"; }
sleep 0.5
pages=$(pdfinfo "$WORK/report.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 2 ] || fail "report has $pages page(s); the earlier visits should add page 2"
pdftotext "$WORK/report.pdf" "$WORK/report.txt"
grep -q "Anna Beispiel" "$WORK/report.txt" || fail "client name not in the PDF"
ls "$WORK"/.report.pdf.tmp* >/dev/null 2>&1 && fail "temporary file left behind"
screenshot "$WORK/done.png"
pass "report with $pages pages written from the GUI"
