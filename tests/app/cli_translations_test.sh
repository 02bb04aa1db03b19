# The shipped catalogs end to end: the report in German, Spanish and French (their words, long
# dates, decimal commas, A4), and the command line's own messages in the system's language
# (LC_ALL / LANG / LANGUAGE, as gettext reads them), with --json staying English.
source "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || fail "poppler-utils (pdftotext, pdfinfo) not installed"
DEMO="$TESTS/../assets/examples/demo-anna"
NOW="$DEMO/2026-11-16T10-00-00.json"
PREV="$DEMO/2026-10-26T10-00-00.json"

check_report() {  # LANG DATE WORD...
  local l="$1" date="$2"; shift 2
  "$BODYMAP" report "$NOW" --previous "$PREV" --lang "$l" -o "$WORK/$l.pdf" >/dev/null 2>&1 || fail "report --lang $l failed"
  pdfinfo "$WORK/$l.pdf" | grep -q "595.28 x 841.89" || fail "report --lang $l is not A4"
  pdftotext "$WORK/$l.pdf" - | tr '\n' ' ' | tr -s ' ' >"$WORK/$l.txt"
  grep -qF "$date" "$WORK/$l.txt" || fail "$l report lacks the date '$date'"
  for w in "$@"; do grep -qF "$w" "$WORK/$l.txt" || fail "$l report lacks '$w'"; done
  grep -qE "[0-9],[0-9]+ ?%" "$WORK/$l.txt" || fail "$l report has no decimal comma"
  # Nothing of the English report's headings is left.
  for e in "Key figures" "Pain extent" "Most painful regions" "Page 1 of"; do
    if grep -qF "$e" "$WORK/$l.txt"; then fail "$l report still has English '$e'"; fi
  done
}
check_report de "16. November 2026" "Schmerzausdehnung" "Vorderseite" "Rückseite"
check_report es "16 de noviembre de 2026" "Extensión del dolor" "Vista anterior"
check_report fr "16 novembre 2026" "Étendue de la douleur" "Face" "Dos"
pass "reports in de, es, fr"

# The command line follows the system's language; LANGUAGE is read unless the locale is C.
LC_ALL=de_DE.UTF-8 "$BODYMAP" stats "$NOW" >"$WORK/de-stats.txt" 2>&1 || fail "stats in German failed"
grep -q "Schmerzausdehnung" "$WORK/de-stats.txt" || fail "stats text is not German: $(head -3 "$WORK/de-stats.txt")"
grep -qE "[0-9],[0-9]{2}%" "$WORK/de-stats.txt" || fail "German stats text has no decimal comma"
LC_ALL= LANG=es_ES.UTF-8 LANGUAGE=fr:es "$BODYMAP" validate "$WORK/missing.json" >"$WORK/fr-err.txt" 2>&1 && fail "validate of a missing file succeeded"
grep -q "introuvable\|impossible" "$WORK/fr-err.txt" || fail "LANGUAGE=fr: the message is not French: $(cat "$WORK/fr-err.txt")"
LC_ALL=C "$BODYMAP" validate "$WORK/missing.json" >"$WORK/c-err.txt" 2>&1 && fail "validate of a missing file succeeded"
grep -qi "cannot\|not found\|no such" "$WORK/c-err.txt" || fail "C locale: the message is not English: $(cat "$WORK/c-err.txt")"
pass "command-line messages in the system's language"

# Programs' output stays English and keeps '.' decimals whatever the language.
LC_ALL=de_DE.UTF-8 "$BODYMAP" stats "$NOW" --json >"$WORK/de.json" || fail "stats --json failed"
LC_ALL=C "$BODYMAP" stats "$NOW" --json >"$WORK/c.json" || fail "stats --json failed"
cmp -s "$WORK/de.json" "$WORK/c.json" || fail "stats --json differs in German"
LC_ALL=fr_FR.UTF-8 "$BODYMAP" compare "$PREV" "$NOW" --json >"$WORK/fr-cmp.json" || fail "compare --json failed"
LC_ALL=C "$BODYMAP" compare "$PREV" "$NOW" --json >"$WORK/c-cmp.json" || fail "compare --json failed"
cmp -s "$WORK/fr-cmp.json" "$WORK/c-cmp.json" || fail "compare --json differs in French"
LC_ALL=es_ES.UTF-8 "$BODYMAP" stats "$NOW" --csv >"$WORK/es.csv" || fail "stats --csv failed"
LC_ALL=C "$BODYMAP" stats "$NOW" --csv >"$WORK/c.csv" || fail "stats --csv failed"
cmp -s "$WORK/es.csv" "$WORK/c.csv" || fail "stats --csv differs in Spanish"
pass "--json and --csv are the same in every language"
