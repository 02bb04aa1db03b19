# Strokes are what the hand drew, checked cell by cell through --replay: (a) whole Vs (down,
# move, move, up) inside one frame, two of them in the same frame as two undo steps, and a
# burst of 500 Hz pen samples paint exactly the cells maps::Stroke paints from the same samples
# (tests/tools/stroke_cells); (b) a V drawn across frames equals the same V inside one frame.
source "$(dirname "$0")/lib.sh"
start_xvfb
CELLS="${BODYMAP_STROKE_CELLS:?set by tests/CMakeLists.txt}"
TEMPLATE="$TESTS/../assets/templates/adult_neutral.json"
LOG="$WORK/test.log"
SIZE=1600x1000
# A blank map to open and save with Ctrl+S (no client: nothing else in the library changes).
source "$TESTS/app/replay_lib.sh"
# The cells are computed from the one chart geometry logged: the chart must not have moved.
run_still() {
  run_replay "$1" "$2"
  [ "$(grep -c '^chart-geometry' "$LOG")" -eq 1 ] || fail "$2: the chart moved during the test"
}
# Checks map $1 against the strokes of replay $2; at least $3 painted cells.
check_cells() {
  local out
  out=$("$CELLS" "$TEMPLATE" "$LOG" "$2" $SIZE "$1") || { echo "$out"; fail "$1: cells differ from $2"; }
  [ "${out#same }" -ge "$3" ] || fail "$1: only ${out#same } cells painted"
  echo "$out"
}

# Two Vs on the front torso, each down, move, move, up at one time (one frame).
V1='300 mouse-down 500 260
300 mouse-move 560 400
300 mouse-move 620 260
300 mouse-up 620 260'
V2='300 mouse-down 500 470
300 mouse-move 560 560
300 mouse-move 620 470
300 mouse-up 620 470'
# 500 Hz pen samples (every 2 ms) on a curve over the lower legs, 400 ms long.
burst() {
  awk 'BEGIN { print "600 mouse-down 540 800";
    for (i = 1; i <= 200; ++i) { t = i / 200;
      printf "%d mouse-move %d %d\n", 600 + 2 * i, 540 + 60 * sin(t * 12), 800 - 160 * t }
    printf "%d mouse-up %d %d\n", 1000, 540 + 60 * sin(12), 640 }'
}
{ echo "$V1"; echo "$V2"; burst; echo "1300 screenshot $WORK/a1.png"; echo "1400 key ctrl+s"
  echo "1700 quit-replay"; } >"$WORK/a1.replay"
run_still "$WORK/a1.json" "$WORK/a1.replay"
grep -q '^stroke-committed history 1$' "$LOG" && grep -q '^stroke-committed history 2$' "$LOG" &&
  grep -q '^stroke-committed history 3$' "$LOG" || { cat "$LOG"; fail "(a) three strokes, three undo steps"; }
check_cells "$WORK/a1.json" "$WORK/a1.replay" 3000
[ "$("$PROBE" count "$WORK/a1.png" fb7d46 14)" -gt 3000 ] || fail "(a) the strokes are not on screen"
pass "(a) two Vs inside one frame and a 500 Hz burst paint exactly the cells of their samples"

# The two Vs of one frame are two undo steps: Ctrl+Z takes the second only.
{ echo "$V1"; echo "$V2"; echo "600 key ctrl+z"; echo "800 key ctrl+s"; echo "1100 quit-replay"; } >"$WORK/a2.replay"
run_still "$WORK/a2.json" "$WORK/a2.replay"
echo "$V1" >"$WORK/v1.replay"
check_cells "$WORK/a2.json" "$WORK/v1.replay" 500
pass "(a) Ctrl+Z undoes the second V of the frame only"

# (b) The first V across frames: 100 ms between its samples.
printf '%s\n' '300 mouse-down 500 260' '400 mouse-move 560 400' '500 mouse-move 620 260' \
  '600 mouse-up 620 260' "800 screenshot $WORK/b.png" '900 key ctrl+s' '1200 quit-replay' >"$WORK/b.replay"
run_still "$WORK/b.json" "$WORK/b.replay"
check_cells "$WORK/b.json" "$WORK/v1.replay" 500
[ "$(jq -c .views "$WORK/b.json")" = "$(jq -c .views "$WORK/a2.json")" ] || fail "(b) the V across frames differs"
pass "(b) a V drawn across frames equals the same V inside one frame"
