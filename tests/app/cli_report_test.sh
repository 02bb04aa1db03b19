# Command-line report, print and render: the PDF opens with the right page count and paper, its
# text holds the client name, the figures and the page numbers; a long name and note still lay
# out without overlapping words; bad input exits 1 with a message naming the file and leaves no
# file; `print` says clearly when CUPS or a printer is missing; `render` adds the legend.
source "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || fail "poppler-utils (pdftotext, pdfinfo) not installed"
DEMO="$TESTS/../assets/examples/demo-anna"
NOW="$DEMO/2026-11-16T10-00-00.json"
PREV=("$DEMO/2026-09-07T09-30-00.json" "$DEMO/2026-09-21T09-30-00.json" "$DEMO/2026-10-05T10-00-00.json" "$DEMO/2026-10-26T10-00-00.json")

# Two pages with earlier visits; the text a physician reads is really text in the PDF.
"$BODYMAP" report "$NOW" --previous "${PREV[@]}" -o "$WORK/r.pdf" --paper a4 --to "Dr. Hélène Müller" >"$WORK/out.txt" 2>&1 \
  || { cat "$WORK/out.txt"; fail "report exited with an error"; }
pdfinfo "$WORK/r.pdf" >"$WORK/info.txt"
grep -q "^Pages: *2$" "$WORK/info.txt" || { cat "$WORK/info.txt"; fail "expected 2 pages"; }
grep -q "595.28 x 841.89 pts (A4)" "$WORK/info.txt" || fail "--paper a4 is not A4"
pdftotext -layout "$WORK/r.pdf" "$WORK/r.txt"
for s in "Anna Beispiel (demo)" "demo-anna" "November 16, 2026, 10:00 AM" "Sam Okafor (demo)" "Referral to" \
         "Dr. Hélène Müller" "Key figures" "Pain extent" "0.1 % of body" "Max intensity" "1 / 10" \
         "WPI" "1 / 19" "Generalized pain" "Most painful regions" "Visit notes" "discharged to home programme" \
         "Change since the previous visit" "Trends over the 5 visits given" "Change per region" \
         "Page 1 of 2" "Page 2 of 2" "BodyMap"; do
  grep -qF "$s" "$WORK/r.txt" || fail "report text lacks '$s'"
done
pdffonts "$WORK/r.pdf" | awk 'NR>2 && $(NF-4)!="yes" {bad=1} END {exit bad}' || fail "a font is not embedded"
pass "two-page report: page count, paper, text, embedded fonts"

# The WPI note says the painful-area rule is BodyMap's own filter, in whole sentences (issue 12).
pdftotext "$WORK/r.pdf" - | tr '\n' ' ' | tr -s ' ' >"$WORK/r.flat"
for s in "not a diagnosis. An area counts as painful" "BodyMap's own filter against specks" "WPI (0-19)" \
         "Generalized pain (0-5)" "Verdict = sign of the burden change"; do
  grep -qF "$s" "$WORK/r.flat" || fail "report text lacks '$s'"
done
pass "WPI note and region verdict rule in the report"

# --therapist-page (issue 16): the therapist's page after the client's, with the session note;
# without the option a visit with a note still prints none of it.
jq '.version = 2 | .session = {"subjective": "Calf pain after long runs", "objective": "Trigger point, gastrocnemius",
    "assessment": "", "plan": "Weekly", "treatment": {"techniques": "myofascial release", "areas": "right calf", "minutes": 45}}' \
  "$NOW" >"$WORK/soap.json"
"$BODYMAP" report "$WORK/soap.json" --previous "${PREV[@]}" --paper a4 --therapist-page -o "$WORK/t.pdf" >/dev/null || fail "--therapist-page failed"
pdfinfo "$WORK/t.pdf" | grep -q "^Pages: *3$" || fail "--therapist-page: expected 3 pages"
pdftotext -f 2 -l 2 "$WORK/t.pdf" - | tr '\n' ' ' | tr -s ' ' >"$WORK/t2.txt"
for s in "The therapist's chart, November 16, 2026" "Session note (SOAP)" "Subjective Calf pain after long runs" \
         "Assessment Not recorded." "Plan Weekly" "Treatment given" "myofascial release" "45 minutes" "Page 2 of 3"; do
  grep -qF "$s" "$WORK/t2.txt" || fail "the therapist's page lacks '$s': $(cat "$WORK/t2.txt")"
done
"$BODYMAP" report "$WORK/soap.json" --previous "${PREV[@]}" --paper a4 -o "$WORK/nt.pdf" >/dev/null || fail "report of a v2 visit failed"
pdfinfo "$WORK/nt.pdf" | grep -q "^Pages: *2$" || fail "without --therapist-page: expected 2 pages"
pdftotext "$WORK/nt.pdf" - | grep -qF "Calf pain after long runs" && fail "the session note was printed without --therapist-page"
pass "--therapist-page adds the therapist's page with the session note; without it none is printed"

# --since: the change since the first visit given as well as since the previous one (issue 12).
"$BODYMAP" report "$NOW" --previous "${PREV[@]}" --since both --paper a4 -o "$WORK/both.pdf" >/dev/null || fail "--since both failed"
pdfinfo "$WORK/both.pdf" | grep -q "^Pages: *3$" || fail "--since both: expected 3 pages"
pdftotext "$WORK/both.pdf" - | tr '\n' ' ' | tr -s ' ' >"$WORK/both.txt"
for s in "Change since the previous visit" "Change since the first visit given" "First visit given September 7, 2026, 9:30 AM" \
         "Key figures, first"; do
  grep -qF "$s" "$WORK/both.txt" || fail "--since both lacks '$s'"
done
"$BODYMAP" report "$NOW" --previous "${PREV[@]}" --since first --paper a4 -o "$WORK/first.pdf" >/dev/null || fail "--since first failed"
pdftotext "$WORK/first.pdf" - | tr '\n' ' ' >"$WORK/first.txt"
grep -qF "Change since the first visit given" "$WORK/first.txt" && ! grep -qF "Change since the previous visit" "$WORK/first.txt" \
  || fail "--since first should show only the change since the first visit"
rc=0; "$BODYMAP" report "$NOW" --since last -o "$WORK/x.pdf" 2>"$WORK/err.txt" || rc=$?
[ "$rc" = 2 ] && grep -qF -- "--since must be previous, first or both" "$WORK/err.txt" || fail "--since last: exit $rc, $(cat "$WORK/err.txt")"
grep -qF -- "[--since previous|first|both]" "$WORK/err.txt" || fail "usage text does not document --since"
pass "--since previous|first|both"

# Bounded work: the largest valid file (2000 tags with 4 KiB notes, 64 KiB of notes) gives a
# report of a few pages, in seconds, that says what it left out (issue 12).
BANDS=($(grep -o '"id": "[a-z]*-[a-z-]*"' "$TESTS/../assets/templates/adult_neutral.json" | sed 's/.*"\([^"]*\)"$/\1/' | grep -E '^(sbl|sfl|ll|spl|dfl|bfl|ffl|ipl|sbal|dbal|sfal|dfal)-' | head -20))
[ "${#BANDS[@]}" -ge 5 ] || fail "no fascial band ids found in the template"
TAGNOTE=$(for i in $(seq 1 100); do printf 'Tender along the band. '; done)   # 2,300 bytes
BIGNOTE=$(for i in $(seq 1 1200); do printf 'Pain after the long drive, eased by walking. '; done)  # 54,000 bytes
{
  for i in $(seq 0 1999); do
    [ "$i" -gt 0 ] && printf ','
    printf '{"band": "%s", "kinds": ["tender"], "note": "%s %d"}' "${BANDS[$((i % ${#BANDS[@]}))]}" "$TAGNOTE" "$i"
  done
} >"$WORK/tags.txt"
sed -e "s|\"notes\": \"[^\"]*\"|\"notes\": \"$BIGNOTE\"|" "$NOW" | awk -v f="$WORK/tags.txt" \
  '/"fascialTags": \[\]/ { getline t < f; sub(/\[\]/, "[" t "]") } { print }' >"$WORK/max.json"
"$BODYMAP" validate "$WORK/max.json" >/dev/null || fail "the maximal file is not valid: $("$BODYMAP" validate "$WORK/max.json" 2>&1 | head -3)"
start=$(date +%s)
"$BODYMAP" report "$WORK/max.json" --previous "${PREV[3]}" --paper a4 -o "$WORK/max.pdf" >/dev/null 2>"$WORK/err.txt" \
  || { cat "$WORK/err.txt"; fail "report of the maximal file failed"; }
secs=$(( $(date +%s) - start ))
pages=$(pdfinfo "$WORK/max.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -le 9 ] || fail "the maximal file gave $pages pages (at most 9: page 1, 3 of tags, 3 of notes, the change)"
pdftotext "$WORK/max.pdf" - | tr '\n' ' ' | tr -s ' ' >"$WORK/max.txt"
for s in "more tags are not shown (" " of 2,000 printed); see the map file." "tag notes are shortened" \
         "The visit notes continue for " "more characters that are not printed"; do
  grep -qF "$s" "$WORK/max.txt" || fail "the maximal report lacks '$s'"
done
pass "maximal file: $pages pages in ${secs}s, with the notices of what is left out"

# One page without earlier visits; Letter paper.
"$BODYMAP" report "$NOW" -o "$WORK/one.pdf" --paper letter >/dev/null || fail "one-page report failed"
pdfinfo "$WORK/one.pdf" | grep -q "^Pages: *1$" || fail "expected 1 page without earlier visits"
pdfinfo "$WORK/one.pdf" | grep -q "612 x 792 pts (letter)" || fail "--paper letter not applied"
pass "one-page report on Letter"

# A long name (Greek, Cyrillic, accents) and a very long note: more pages, no two words overlap.
LONGNAME="Αλεξάνδρα-Маргарита Ÿsolde Wolfeschlegelsteinhausenbergerdorff von Hohenzollern-Sigmaringen"
NOTE=$(for i in $(seq 1 120); do printf 'Deep ache in the right buttock after sitting, better with walking. '; done)
sed -e "s|\"clientName\": \"[^\"]*\"|\"clientName\": \"$LONGNAME\"|" \
    -e "s|\"notes\": \"[^\"]*\"|\"notes\": \"$NOTE ZZLASTWORD\"|" "$NOW" >"$WORK/long.json"
"$BODYMAP" report "$WORK/long.json" --previous "${PREV[3]}" --paper a4 -o "$WORK/long.pdf" >/dev/null 2>"$WORK/err.txt" \
  || { cat "$WORK/err.txt"; fail "long report failed"; }
pages=$(pdfinfo "$WORK/long.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 3 ] || fail "a very long note should continue on a further page ($pages pages)"
pdftotext "$WORK/long.pdf" - | tr -d '\n' | grep -qF "Αλεξάνδρα-Маргарита" || fail "Greek/Cyrillic name not in the PDF text"
pdftotext "$WORK/long.pdf" - | grep -qF "ZZLASTWORD" || fail "the end of the long note is missing"
pdftotext -bbox "$WORK/long.pdf" "$WORK/long.html"
awk -F'"' '/<page / {p++} /<word / {x0=$2; y0=$4; x1=$6; y1=$8;
      for (i = 0; i < n[p]; i++) { split(w[p, i], b, " ");
        if (x0 < b[3] - 0.5 && b[1] < x1 - 0.5 && y0 < b[4] - 0.5 && b[2] < y1 - 0.5) { print "page " p ": words overlap at " x0 "," y0; bad = 1; exit } }
      w[p, n[p]++] = x0 " " y0 " " x1 " " y1 }
     END { exit bad }' "$WORK/long.html" || fail "words overlap in the long report"
pass "long name and note: $pages pages, no overlapping words"

# Bad input: exit 1, the message names the file, no output file.
for bad in truncated.json intensity_value_11.json not_json_at_all.json; do
  rc=0; "$BODYMAP" report "$TESTS/data/bad/$bad" -o "$WORK/bad.pdf" 2>"$WORK/err.txt" || rc=$?
  [ "$rc" = 1 ] || fail "report of bad/$bad exited $rc, expected 1"
  grep -q "$bad" "$WORK/err.txt" || fail "message does not name $bad: $(cat "$WORK/err.txt")"
  [ ! -e "$WORK/bad.pdf" ] || fail "a PDF was written for bad/$bad"
done
rc=0; "$BODYMAP" report "$NOW" --previous "$TESTS/data/bad/truncated.json" -o "$WORK/bad.pdf" 2>/dev/null || rc=$?
[ "$rc" = 1 ] && [ ! -e "$WORK/bad.pdf" ] || fail "a bad earlier visit must exit 1 with no file"
rc=0; "$BODYMAP" report "$NOW" -o "$WORK/no/such/dir/r.pdf" 2>"$WORK/err.txt" || rc=$?
[ "$rc" = 1 ] && grep -q "no/such/dir/r.pdf" "$WORK/err.txt" || fail "unwritable output: exit $rc, $(cat "$WORK/err.txt")"
rc=0; "$BODYMAP" report "$NOW" 2>/dev/null || rc=$?; [ "$rc" = 2 ] || fail "missing -o should be a usage error"
rc=0; "$BODYMAP" report "$NOW" -o "$WORK/x.pdf" --paper a5 2>/dev/null || rc=$?; [ "$rc" = 2 ] || fail "--paper a5 should be a usage error"
[ ! -e "$WORK/x.pdf" ] || fail "usage error wrote a file"
pass "bad input exits 1 naming the file, usage errors exit 2, no partial files"

# print: no CUPS, no default printer, and a fake lp that receives the PDF.
mkdir -p "$WORK/nocups" "$WORK/noprinter" "$WORK/cups"
rc=0; PATH="$WORK/nocups" "$BODYMAP" print "$NOW" 2>"$WORK/err.txt" || rc=$?
[ "$rc" = 1 ] && grep -q "CUPS is not installed (lp not found)" "$WORK/err.txt" || fail "no-CUPS message: $(cat "$WORK/err.txt")"
printf '#!/bin/sh\nexit 0\n' >"$WORK/noprinter/lp"
printf '#!/bin/sh\necho "no system default destination"\nexit 1\n' >"$WORK/noprinter/lpstat"
printf '#!/bin/sh\nfor a; do f="$a"; done\n/bin/cp "$f" "%s/printed.pdf"\necho "request id is fake-1 (1 file(s))"\n' "$WORK" >"$WORK/cups/lp"
printf '#!/bin/sh\necho "system default destination: fake"\n' >"$WORK/cups/lpstat"
chmod +x "$WORK"/noprinter/* "$WORK"/cups/*
rc=0; PATH="$WORK/noprinter" "$BODYMAP" print "$NOW" 2>"$WORK/err.txt" || rc=$?
[ "$rc" = 1 ] && grep -q "no printer is set up (CUPS lpstat reports no default destination)" "$WORK/err.txt" \
  || fail "no-printer message: $(cat "$WORK/err.txt")"
PATH="$WORK/cups" "$BODYMAP" print "$NOW" --paper a4 --previous "${PREV[3]}" >"$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt"; fail "print with a fake lp failed"; }
pdfinfo "$WORK/printed.pdf" | grep -q "^Pages: *2$" || fail "lp did not receive the two-page report"
pass "print: clear messages without CUPS or printer; lp receives the PDF"

# render: the PNG carries the legend below the views (the darkest intensity colour, 10).
"$BODYMAP" render "$NOW" -o "$WORK/c.png" --width 800 >/dev/null || fail "render failed"
"$BODYMAP" render "$NOW" -o "$WORK/plain.png" --width 800 --no-legend >/dev/null || fail "render --no-legend failed"
read -r W H < <("$PROBE" size "$WORK/c.png")
read -r _ H0 < <("$PROBE" size "$WORK/plain.png")
[ "$W" = 800 ] && [ "$H" -gt $((H0 + 60)) ] || fail "legend band missing: ${W}x${H} vs plain height $H0"
[ "$("$PROBE" count "$WORK/c.png" 800026 6 0 "$H0" 800 "$H")" -gt 50 ] || fail "no intensity scale in the legend band"
pass "render PNG with legend"

# render --width has a documented maximum (3200, under 300 MB of memory; README).
rc=0; "$BODYMAP" render "$NOW" -o "$WORK/big.png" --width 3201 2>"$WORK/err.txt" || rc=$?
[ "$rc" = 2 ] && grep -qF "from 64 to 3200" "$WORK/err.txt" && [ ! -e "$WORK/big.png" ] \
  || fail "--width 3201: exit $rc, $(cat "$WORK/err.txt")"
grep -qF "render --width\` is 64 to 3200 pixels" "$TESTS/../README.md" || fail "README does not document the --width maximum"
pass "render --width maximum 3200"
