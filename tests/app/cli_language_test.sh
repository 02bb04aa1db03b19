# Command-line --lang: the report is written in the language asked for (pseudo: every string
# bracketed and accented, decimal commas), its paper follows the language unless --paper is
# given (Letter for en, A4 for en_GB, de, es, fr), a language BodyMap does not ship is a usage
# error naming the accepted ones, and `render --lang` draws the PNG legend in that language.
source "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || fail "poppler-utils (pdftotext, pdfinfo) not installed"
DEMO="$TESTS/../assets/examples/demo-anna"
NOW="$DEMO/2026-11-16T10-00-00.json"
PREV="$DEMO/2026-10-26T10-00-00.json"

# Pseudo: the report's strings are the pseudo-locale's, the figures have decimal commas, and the
# command line's own message stays in its (the system's) language.
"$BODYMAP" report "$NOW" --previous "$PREV" --lang pseudo -o "$WORK/ps.pdf" >"$WORK/out.txt" 2>&1 \
  || { cat "$WORK/out.txt"; fail "report --lang pseudo failed"; }
grep -q "^wrote " "$WORK/out.txt" || fail "the command line's message is not in its own language: $(cat "$WORK/out.txt")"
pdftotext "$WORK/ps.pdf" - | tr '\n' ' ' | tr -s ' ' >"$WORK/ps.txt"
for s in "[Kéý fígúrés" "[Páíñ dráwíñg répórt" "[Págé 1 óf" "[Móst páíñfúl régíóñs"; do
  grep -qF "$s" "$WORK/ps.txt" || fail "pseudo report lacks '$s'"
done
grep -qE "[0-9],[0-9] %" "$WORK/ps.txt" || fail "pseudo report has no decimal comma in its figures"
grep -qE "[0-9]\.[0-9] %" "$WORK/ps.txt" && fail "pseudo report still has a decimal point in a percentage"
grep -qF "Key figures" "$WORK/ps.txt" && fail "pseudo report still has the English heading"
pass "report --lang pseudo: pseudo strings and decimal commas"

# The paper follows the language unless --paper is given.
paper() { pdfinfo "$1" | sed -n 's/^Page size: *//p'; }
"$BODYMAP" report "$NOW" --lang en -o "$WORK/en.pdf" >/dev/null || fail "report --lang en failed"
paper "$WORK/en.pdf" | grep -q "612 x 792 pts (letter)" || fail "--lang en without --paper is not Letter: $(paper "$WORK/en.pdf")"
for l in de en_GB es fr; do
  "$BODYMAP" report "$NOW" --lang $l -o "$WORK/$l.pdf" >/dev/null || fail "report --lang $l failed"
  paper "$WORK/$l.pdf" | grep -q "595.28 x 841.89 pts (A4)" || fail "--lang $l without --paper is not A4: $(paper "$WORK/$l.pdf")"
done
"$BODYMAP" report "$NOW" --lang de --paper letter -o "$WORK/de-letter.pdf" >/dev/null || fail "report --lang de --paper letter failed"
paper "$WORK/de-letter.pdf" | grep -q "612 x 792 pts (letter)" || fail "--paper letter does not win over --lang de"
"$BODYMAP" report "$NOW" --lang en --paper a4 -o "$WORK/en-a4.pdf" >/dev/null || fail "report --lang en --paper a4 failed"
paper "$WORK/en-a4.pdf" | grep -q "(A4)" || fail "--paper a4 does not win over --lang en"
pass "paper: Letter for en, A4 for en_GB/de/es/fr, --paper wins"

# A language BodyMap does not ship: exit 2, the message names the accepted ones; no file left.
for cmd in "report $NOW -o $WORK/bad.pdf" "print $NOW" "render $NOW -o $WORK/bad.png" "intake --client x" ""; do
  rc=0; "$BODYMAP" $cmd --lang klingon >/dev/null 2>"$WORK/err.txt" || rc=$?
  [ "$rc" = 2 ] || fail "'$cmd --lang klingon' exited $rc, not 2"
  grep -qF "en, en_GB, de, es, fr, pseudo" "$WORK/err.txt" || fail "'$cmd --lang klingon': message does not name the languages: $(cat "$WORK/err.txt")"
done
rc=0; "$BODYMAP" report "$NOW" -o "$WORK/bad.pdf" --lang 2>/dev/null || rc=$?; [ "$rc" = 2 ] || fail "--lang without a value should be a usage error"
[ ! -e "$WORK/bad.pdf" ] && [ ! -e "$WORK/bad.png" ] || fail "a bad --lang left a file"
pass "bad --lang: exit 2 naming en, en_GB, de, es, fr, pseudo"

# render --lang pseudo writes a PNG (its legend in pseudo; the pixels differ from English).
"$BODYMAP" render "$NOW" -o "$WORK/ps.png" --lang pseudo --width 600 >"$WORK/out.txt" 2>&1 \
  || { cat "$WORK/out.txt"; fail "render --lang pseudo failed"; }
"$BODYMAP" render "$NOW" -o "$WORK/en.png" --lang en --width 600 >/dev/null || fail "render --lang en failed"
[ "$(head -c 8 "$WORK/ps.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "render --lang pseudo did not write a PNG"
cmp -s "$WORK/ps.png" "$WORK/en.png" && fail "the pseudo legend looks the same as the English one"
pass "render --lang pseudo writes a PNG with another legend"
