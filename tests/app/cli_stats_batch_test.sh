#!/usr/bin/env bash
# `bodymap stats` as a batch: every core, and the output exactly as one thread writes it, in input
# order (text, --json, --csv), with each bad file's message in its place on stderr; the figures
# the same as the document reader gives (checked against the files' own runs in Python); names
# from --files-from (a file or -) the same as on the command line; a progress bar on a terminal
# only, never in the output.
source "$(dirname "$0")/lib.sh"

EX="$TESTS/../assets/examples/demo-anna"
mkdir -p "$WORK/maps"
i=0
for n in $(seq 1 60); do
  for f in "$EX"/20*.json; do
    i=$((i + 1))
    cp "$f" "$WORK/maps/visit-$(printf %04d $i).json"
  done
done
# Two bad files among them: one that is not JSON, one with an intensity out of range.
echo '{"format": "bodymap",' > "$WORK/maps/visit-0007.json"
sed 's/\[\[0,/[[11,/' "$EX/2026-09-07T09-30-00.json" > "$WORK/maps/visit-0150.json"
ls "$WORK"/maps/*.json > "$WORK/list.txt"
COUNT=$(wc -l < "$WORK/list.txt")
[ "$COUNT" -eq 300 ] || fail "expected 300 files, made $COUNT"

for fmt in "" --json --csv; do
  rc1=0; rcn=0
  "$BODYMAP" stats $fmt --jobs 1 $(cat "$WORK/list.txt") > "$WORK/one.out" 2> "$WORK/one.err" || rc1=$?
  "$BODYMAP" stats $fmt --jobs 4 $(cat "$WORK/list.txt") > "$WORK/many.out" 2> "$WORK/many.err" || rcn=$?
  [ "$rc1" -eq 1 ] && [ "$rcn" -eq 1 ] || fail "stats $fmt: exit $rc1 / $rcn with two bad files, expected 1"
  cmp -s "$WORK/one.out" "$WORK/many.out" || fail "stats $fmt: 4 threads wrote other output than 1"
  cmp -s "$WORK/one.err" "$WORK/many.err" || fail "stats $fmt: 4 threads wrote other messages than 1"
  [ "$(wc -l < "$WORK/many.err")" -eq 2 ] || fail "stats $fmt: expected two messages: $(cat "$WORK/many.err")"
  head -1 "$WORK/many.err" | grep -q "visit-0007.json" || fail "stats $fmt: the first message is not the first bad file's"
  tail -1 "$WORK/many.err" | grep -q "visit-0150.json.*out of range" || fail "stats $fmt: $(tail -1 "$WORK/many.err")"
  "$BODYMAP" stats $fmt --files-from "$WORK/list.txt" > "$WORK/list.out" 2>/dev/null || true
  cmp -s "$WORK/one.out" "$WORK/list.out" || fail "stats $fmt --files-from gave other output"
  "$BODYMAP" stats $fmt --files-from - < "$WORK/list.txt" > "$WORK/stdin.out" 2>/dev/null || true
  cmp -s "$WORK/one.out" "$WORK/stdin.out" || fail "stats $fmt --files-from - gave other output"
done
pass "1 and 4 threads and --files-from give the same output and messages, in input order"

# The figures of every map in input order, checked against the files' own runs.
"$BODYMAP" stats --json --files-from "$WORK/list.txt" > "$WORK/all.json" 2>/dev/null || true
python3 - "$WORK/list.txt" "$WORK/all.json" <<'PY' || fail "stats --json figures or order disagree with the files"
import json, sys
files = [l.strip() for l in open(sys.argv[1]) if l.strip()]
good = [f for f in files if not f.endswith(("visit-0007.json", "visit-0150.json"))]
doc = json.load(open(sys.argv[2]))
maps = doc["maps"]
assert [m["file"] for m in maps] == good, "order"
for f, m in zip(good, maps):
    src = json.load(open(f))
    painted = total = 0
    for view in ("front", "back"):
        for v, n in src["views"][view]["intensity"]:
            if v >= 1:
                painted += n  # every example's paint lies on the body
                total += v * n
    o = m["overall"]
    assert o["paintedCells"] == painted, (f, o["paintedCells"], painted)
    assert abs(o["meanIntensity"] - (total / painted if painted else 0)) < 1e-4, (f, o)
PY
pass "298 maps in input order, painted cells and mean intensity as in the files"

# Usage errors.
for bad in "--jobs 0" "--jobs x" "--jobs" "--files-from"; do
  rc=0
  "$BODYMAP" stats "$EX/2026-09-07T09-30-00.json" $bad > /dev/null 2> "$WORK/usage.err" || rc=$?
  [ "$rc" -eq 2 ] || fail "stats $bad: exit $rc, expected 2"
done
rc=0
"$BODYMAP" stats --files-from "$WORK/no-such-list" > /dev/null 2> "$WORK/list.err" || rc=$?
[ "$rc" -eq 1 ] && grep -q "no-such-list" "$WORK/list.err" || fail "a missing list: exit $rc, $(cat "$WORK/list.err")"
pass "usage errors and a missing list"

# On a terminal (stderr a tty, stdout a file) a progress bar is drawn on stderr and wiped; the
# output file holds only the CSV.
script -qec "\"$BODYMAP\" stats --csv --files-from \"$WORK/list.txt\" > \"$WORK/tty.csv\"" "$WORK/typescript" > /dev/null || true
grep -q "files" "$WORK/typescript" || fail "no progress bar on the terminal: $(head -c 300 "$WORK/typescript")"
grep -q "300 / 300 files" "$WORK/typescript" || fail "the progress bar did not reach 300 / 300"
cmp -s "$WORK/tty.csv" "$WORK/list.out" || fail "the progress bar got into the CSV"
"$BODYMAP" stats --csv --files-from "$WORK/list.txt" > "$WORK/plain.csv" 2> "$WORK/plain.err" || true
grep -q "/ 300 files" "$WORK/plain.err" && fail "a progress bar without a terminal"
pass "progress bar on a terminal only"
