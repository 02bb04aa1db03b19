# The Open dialog in the real window: a double click on a folder enters it and does nothing
# else. The second click of the double click lands on the row that appears under the pointer
# (here the client's first visit): it must not open that visit. Then a double click on a file
# does open it.
source "$(dirname "$0")/lib.sh"
start_xvfb
cp -r "$TESTS/../assets/examples" "$WORK/lib"
"$BODYMAP" --library "$WORK/lib" --signal-screenshot "$WORK/shot.png" --size 1600x1000 >"$WORK/app.log" 2>&1 &
APP_PID=$!
WID=$(xdotool search --sync --onlyvisible --name '^BodyMap' | head -1)
[ -n "$WID" ] || fail "window did not appear"
xdotool windowfocus --sync "$WID" 2>/dev/null || true
sleep 1.5

BODY=ece9e5    # the body on the chart (dimmed away while a modal dialog is open)
PAINTED=fb7d46 # intensity 5: the demo visits have some
HOVER=b8cff0   # the row under the pointer in the dialog's list (ImGuiCol_HeaderHovered)
# A double click with every press and release in a frame of its own (xdotool's own double click
# can put a release and the next press into one frame, which Dear ImGui then sees as one long
# press), well inside Dear ImGui's 0.3 s double-click time.
double_click() {
  xdotool mousedown 1; sleep 0.07; xdotool mouseup 1; sleep 0.07
  xdotool mousedown 1; sleep 0.07; xdotool mouseup 1
}
chart_dimmed() { [ "$("$PROBE" count "$1" $BODY 3 290 0 1262 1000)" -lt 1000 ]; }

xdotool key ctrl+o; sleep 1
screenshot "$WORK/dialog.png"
chart_dimmed "$WORK/dialog.png" || fail "Ctrl+O showed no dialog"
# The library holds one folder, demo-anna: the first row of the list. Point at it and find the
# row from its hover highlight.
ROW_X=700; ROW_Y=348
xdotool mousemove $ROW_X $ROW_Y; sleep 0.5
screenshot "$WORK/hover.png"
read -r _ hy0 _ hy1 < <("$PROBE" bbox "$WORK/hover.png" $HOVER 20 480 260 1120 740) || fail "no row under the pointer"
[ "$hy0" -le $ROW_Y ] && [ "$hy1" -ge $ROW_Y ] || fail "the folder row is not at y=$ROW_Y (highlight $hy0..$hy1)"

# Double click the folder: it is entered, and the visit now under the pointer is not opened.
double_click; sleep 1.5
screenshot "$WORK/entered.png"
chart_dimmed "$WORK/entered.png" || fail "the dialog closed: the double click on the folder opened a visit"
pass "double click on a folder entered it and opened nothing"

# A fresh double click on the (first) visit row opens it: the list still takes clicks. (On a
# loaded machine a slow frame can merge two clicks into one long press: then try again.)
for attempt in 1 2 3; do
  sleep 0.8
  double_click; sleep 1.5
  screenshot "$WORK/opened.png"
  chart_dimmed "$WORK/opened.png" || break
done
chart_dimmed "$WORK/opened.png" && fail "a double click on a visit did not open it"
[ "$("$PROBE" count "$WORK/opened.png" $PAINTED 40 290 0 1262 1000)" -gt 1000 ] ||
  fail "the visit's pain is not on the chart after opening it"
pass "double click on a visit in the entered folder opens it"
