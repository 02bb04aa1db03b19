# Names and notes in eight scripts in the real window: a library whose clients are named in
# Chinese, Japanese, Korean, Arabic, Hebrew, Devanagari, Thai and with an emoji. The client list
# shows every name (the atlas grows with the Chinese, Japanese and Korean glyphs; Arabic,
# Hebrew, Devanagari, Thai and the emoji are shaped by pango), none with a glyph no font has;
# the Visit tab shows the notes in those scripts, shaped, under the field.
source "$(dirname "$0")/lib.sh"
start_xvfb
python3 "$TESTS/app/scripts_lib.py" "$TESTS/../assets/examples" "$WORK/lib" || fail "fixture: the library"
LOG="$WORK/test.log"
BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --library "$WORK/lib" --signal-screenshot "$WORK/shot.png" --size 1600x1000 >"$WORK/app.log" 2>&1 &
APP_PID=$!
WID=$(xdotool search --sync --onlyvisible --name '^BodyMap' | head -1)
[ -n "$WID" ] || fail "window did not appear"
wait_log "$LOG" '^ready' 20 || fail "the app did not get ready"
sleep 1
click_at() { xdotool mousemove "$1" "$2"; sleep 0.3; xdotool click 1; sleep 0.5; }
OUT="${SCRIPTS_SHOTS:-$WORK}"  # SCRIPTS_SHOTS=DIR keeps the screenshots (to look at them)
mkdir -p "$OUT"
screenshot "$OUT/clients-top.png"

# Every name was placed in the list (user-text lines: x y w h text), in the list's rows.
# The list shows about five rows: the rest after scrolling it.
NAMES=("Ana 😀" "דוד כהן" "محمد العلي" "राहुल शर्मा" "สมชาย ใจดี" "山田花子" "王小明" "김민준")
# The list's box: from its first row (Ana, first by name) down 170 px (its height at scale 1).
read -r LIST_TOP < <(grep -F "user-text " "$LOG" | grep -F " Ana 😀" | head -1 | awk '{print $3 - 10}')
[ -n "${LIST_TOP:-}" ] || { grep user-text "$LOG"; fail "Ana was not placed in the list"; }
LIST_BOTTOM=$((LIST_TOP + 170))
check_name() {  # $1 name, $2 screenshot: 0 if it is in the list's box with ink there
  local line x y w h n
  line=$(grep -F "user-text " "$LOG" | grep -F " $1" | awk -v n="$1" '{ t=$0; sub(/^user-text [-0-9]+ [-0-9]+ [0-9]+ [0-9]+ /, "", t); if (t == n) print $2, $3, $4, $5 }' | tail -1)
  [ -n "$line" ] || return 1
  read -r x y w h <<<"$line"
  [ "$y" -ge "$LIST_TOP" ] && [ $((y + h)) -le "$LIST_BOTTOM" ] || return 1  # scrolled out
  [ "$w" -gt 10 ] || fail "\"$1\" is $w px wide"
  n=$("$PROBE" count "$2" 141414 90 "$x" "$y" $((x + w)) $((y + h)))
  [ "$n" -gt 15 ] || return 1
  echo "  $1: $x $y ${w}x$h, $n dark pixels in $(basename "$2")"
}
# Visible rows of the list now: their names have ink.
declare -A DRAWN=()
for name in "${NAMES[@]}"; do
  if check_name "$name" "$OUT/clients-top.png"; then DRAWN[$name]=1; fi
done
[ "${#DRAWN[@]}" -ge 3 ] || { grep user-text "$LOG"; fail "only ${#DRAWN[@]} names in the first rows of the list"; }
# Scroll the list to its end for the others.
read -r lx ly < <(grep -F "user-text " "$LOG" | grep -F " Ana 😀" | tail -1 | awk '{print $2 + 20, $3 + 10}')
xdotool mousemove "$lx" "$ly"; sleep 0.2
for i in 1 2 3 4 5 6; do xdotool click 5; sleep 0.1; done
sleep 0.8
screenshot "$OUT/clients-end.png"
for name in "${NAMES[@]}"; do
  [ -n "${DRAWN[$name]:-}" ] && continue
  check_name "$name" "$OUT/clients-end.png" || { grep user-text "$LOG"; fail "\"$name\" was not drawn with ink in the list"; }
done
pass "all eight names drawn in the client list"

# The atlas took the Chinese, Japanese and Korean glyphs from fonts fontconfig found; pango shaped
# the others; no character lacked a font.
grep -q '^glyphs-added [0-9]* font=.*\(CJK\|cjk\)' "$LOG" || { grep -E '^(glyph|atlas)' "$LOG"; fail "no CJK font merged into the atlas"; }
grep -q '^atlas-rebuilt ' "$LOG" || fail "the atlas was not rebuilt"
for name in "محمد العلي" "דוד כהן" "राहुल शर्मा" "สมชาย ใจดี" "Ana 😀"; do
  grep -qF "text-shaped " "$LOG" && grep -F "text-shaped " "$LOG" | grep -qF " $name" || fail "\"$name\" was not shaped"
done
if grep -q '^glyph-missing' "$LOG"; then grep '^glyph-missing' "$LOG"; fail "characters without a font"; fi
pass "atlas grown: $(grep -c '^glyphs-added ' "$LOG") fonts merged; $(grep '^atlas-rebuilt' "$LOG" | tail -1)"

# The Arabic client's visit: the Visit tab shows the name, the therapist and the notes.
# The list back to its top (Ana where it was first), then the client's row as it was then.
xdotool mousemove "$lx" "$ly"; sleep 0.2
for i in $(seq 1 10); do xdotool click 4; sleep 0.1; done
ana_y() { grep -F "user-text " "$LOG" | grep -F " Ana 😀" | awk '{print $3}' | "$1" -1; }
for i in $(seq 1 50); do [ "$(ana_y tail)" = "$(ana_y head)" ] && break; sleep 0.1; done
[ "$(ana_y tail)" = "$(ana_y head)" ] || fail "the list did not scroll back to its top"
read -r ax ay < <(grep -F "user-text " "$LOG" | grep -F " محمد العلي" | head -1 | awk '{print $2 + 10, $3 + 8}')
click_at "$ax" "$ay"; sleep 1
grep -F "user-text " "$LOG" | grep -qF "د. سارة" || { grep user-text "$LOG" | tail; fail "the visit list does not show the therapist"; }
# The visit row: under the client list (its therapist is drawn in it).
read -r vx vy < <(grep -F "user-text " "$LOG" | grep -F " د. سارة" | tail -1 | awk '{print $2, $3}')
click_at "$vx" "$vy"; sleep 1
click_at 1362 48; sleep 1  # the Visit tab (as gui_visit_date_test.sh)
screenshot "$OUT/visit.png"
grep -q '^rect field-notes ' "$LOG" || fail "the Visit tab was not shown"
read -r nx ny nw nh < <(grep '^rect field-notes ' "$LOG" | tail -1 | awk '{print $3, $4, $5, $6}')
# The shaped notes under the field: ink in the grey of disabled text.
n=$("$PROBE" count "$OUT/visit.png" 6b6b6b 60 "$nx" $((ny + nh)) $((nx + nw)) $((ny + nh + 160)))
[ "$n" -gt 300 ] || fail "no shaped notes under the notes field ($n grey pixels)"
grep -F "text-shaped " "$LOG" | grep -qF "يشعر بألم في الظهر" || fail "the notes were not shaped"
if grep -q '^glyph-missing' "$LOG"; then grep '^glyph-missing' "$LOG"; fail "characters without a font"; fi
pass "the visit's notes shown shaped under the field ($n grey pixels)"
