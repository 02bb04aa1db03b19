# Typing through an input method, replayed: a composition (SDL_TEXTEDITING) into the Visit tab's
# notes is shown at the caret, underlined, and nothing is typed yet; the commit (SDL_TEXTINPUT,
# 日本語) goes into the notes, and a save writes it to the visit file. Also the replay script's
# `textediting` line: its usage errors.
source "$(dirname "$0")/lib.sh"
LOG="$WORK/test.log"

bad() {  # $1 script text, $2 words the message must contain
  printf '%s\n' "$1" >"$WORK/bad.replay"
  local rc=0
  DISPLAY= "$BODYMAP" --replay "$WORK/bad.replay" >"$WORK/out" 2>"$WORK/err" || rc=$?
  [ "$rc" -eq 2 ] || fail "exit $rc for: $1"
  grep -qF "$WORK/bad.replay:1: " "$WORK/err" && grep -qF "$2" "$WORK/err" || { cat "$WORK/err"; fail "no problem named for: $1"; }
}
bad '100 textediting' 'START LENGTH'
bad '100 textediting 日本 x 0' 'whole numbers'
bad '100 textediting 日本語日本語日本語日本語 0 0' 'longer than'
pass "malformed textediting lines are usage errors"

start_xvfb
cp -r "$TESTS/../assets/examples" "$WORK/lib"
VISIT="$WORK/lib/demo-anna/2026-11-16T10-00-00.json"  # the newest: first in the visit list
grep -q '日本語' "$VISIT" && fail "fixture: the notes hold 日本語 already"
run_app() {  # $1 script: runs the app until it ends (60 s at most)
  : >"$LOG"
  BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --library "$WORK/lib" --size 1600x1000 --replay "$1" >"$WORK/app.out" 2>&1 &
  APP_PID=$!
  local i
  for i in $(seq 1 600); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$APP_PID" 2>/dev/null && { cat "$LOG"; fail "the replay did not end"; }
  wait "$APP_PID" || { cat "$WORK/app.out"; fail "the app failed"; }
  APP_PID=""
}
# In a 1600x1000 window: the client (the library's only one), its newest visit (the first row
# under it), the Visit tab (as gui_visit_date_test.sh).
CLIENT="1300 140"; VISIT_ROW="1400 440"; VISIT_TAB="1362 48"
OPEN="300 mouse-move $CLIENT
400 mouse-down $CLIENT
500 mouse-up $CLIENT
1000 mouse-move $VISIT_ROW
1100 mouse-down $VISIT_ROW
1200 mouse-up $VISIT_ROW
1700 mouse-move $VISIT_TAB
1800 mouse-down $VISIT_TAB
1900 mouse-up $VISIT_TAB"
# Where the notes field is, once the Visit tab is shown.
printf '%s\n2500 quit-replay\n' "$OPEN" >"$WORK/probe.replay"
run_app "$WORK/probe.replay"
grep -qF "opened $VISIT" "$LOG" || { cat "$LOG"; fail "the visit was not opened from the list"; }
read -r nx ny nw nh < <(grep '^rect field-notes ' "$LOG" | tail -1 | awk '{print $3, $4, $5, $6}')
[ -n "${nh:-}" ] || { cat "$LOG"; fail "the notes field was not logged"; }
# Into the notes' first line, caret to the end of the notes, then the composition and commit.
fx=$((nx + nw / 2)); fy=$((ny + 12))
{
  echo "$OPEN"
  cat <<EOS
2400 mouse-move $fx $fy
2500 mouse-down $fx $fy
2600 mouse-up $fx $fy
2800 key ctrl+End
3000 textediting 日本 2 0
3300 screenshot $WORK/preedit.png
3400 textediting 日本語 3 0
3700 screenshot $WORK/preedit2.png
3800 text 日本語
4200 screenshot $WORK/committed.png
4300 mouse-move 700 990
4400 mouse-down 700 990
4500 mouse-up 700 990
4800 key ctrl+s
5800 quit-replay
EOS
} >"$WORK/ime.replay"
run_app "$WORK/ime.replay"
grep -q '^ime-preedit 2 日本$' "$LOG" || { cat "$LOG"; fail "the composition did not arrive"; }
grep -q '^ime-preedit-drawn [0-9]* [0-9]* 日本語$' "$LOG" || { cat "$LOG"; fail "the composition was not drawn at the caret"; }
read -r px py < <(grep '^ime-preedit-drawn .* 日本$' "$LOG" | tail -1 | awk '{print $2, $3}')
[ "$px" -ge "$nx" ] && [ "$px" -lt $((nx + nw)) ] && [ "$py" -ge "$ny" ] && [ "$py" -lt $((ny + nh)) ] ||
  fail "the composition was drawn at $px $py, outside the notes field ($nx $ny $nw $nh)"
grep -q '^glyphs-added [0-9]* font=.*' "$LOG" || { cat "$LOG"; fail "no font was merged for 日本語"; }
grep -q '^glyph-missing' "$LOG" && { grep '^glyph-missing' "$LOG"; fail "glyphs missing"; }
pass "the composition is drawn at the caret in the notes field ($px $py)"
# The composition's ink (dark text, underlined) where it was drawn; not in the file yet.
ink=$("$PROBE" count "$WORK/preedit.png" 141414 60 "$px" "$py" $((px + 60)) $((py + 22)))
[ "$ink" -gt 40 ] || fail "no ink where the composition is drawn ($ink dark pixels)"
ink3=$("$PROBE" count "$WORK/preedit2.png" 141414 60 "$px" "$py" $((px + 90)) $((py + 22)))
[ "$ink3" -gt "$ink" ] || fail "the longer composition has no more ink ($ink3 vs $ink)"
pass "composition visible: $ink then $ink3 dark pixels"
grep -q '^saved ' "$LOG" || { cat "$LOG"; fail "Ctrl+S did not save"; }
python3 - "$VISIT" <<'EOP' || fail "the saved notes do not end with 日本語"
import json, sys
notes = json.load(open(sys.argv[1], encoding="utf-8"))["visit"]["notes"]
sys.exit(0 if notes.endswith("日本語") and notes.count("日本語") == 1 else 1)
EOP
pass "the committed 日本語 is saved in the visit's notes"
