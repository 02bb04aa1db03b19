# A hostile corpus (tests/tools/make_hostile_corpus.py: more than 100 bad files, and valid files
# with hostile text and names) through every command: validate, stats (text, --json, --csv),
# compare (text, --json), series (text, --json --png), render -o and report -o. For each run: no crash or timeout (exit code
# never >= 124 under `timeout 10`), under a few seconds, exit 1 for a bad file and 0 for a good
# one, short stderr lines free of raw control characters (and stdout too), JSON output that
# parses, CSV cells that no spreadsheet runs as a formula, and no output file for a bad input.
source "$(dirname "$0")/lib.sh"
CORPUS="$WORK/corpus"
python3 "$TESTS/tools/make_hostile_corpus.py" "$CORPUS" >"$WORK/count.txt" || fail "corpus generator failed"
read -r _ NBAD _ NGOOD <"$WORK/count.txt"
[ "$NBAD" -ge 100 ] || fail "only $NBAD bad files"
BASE="$CORPUS/good/base.json"
OUTS="$WORK/outputs"   # stdout of the --json and --csv runs, checked together at the end
mkdir -p "$OUTS"
# Under the sanitizers (scripts/test sets these) every run is several times slower: a sample of
# the files (every STRIDE-th) with a longer bound keeps the stage short and still checks memory.
MAX_MS="${BODYMAP_HOSTILE_MAX_MS:-5000}"
STRIDE="${BODYMAP_HOSTILE_STRIDE:-1}"
RUNS=0
SLOWEST=0
SLOWEST_RUN=""

# Fails when the file has a byte a terminal could act on (other than the line ends): C0
# controls, DEL, C1 controls (UTF-8 C2 80..C2 9F) - or a line of 300 bytes or more.
check_text() {
  local what="$1" file="$2"
  if LC_ALL=C grep -naP '[\x00-\x09\x0B-\x1F\x7F]|\xC2[\x80-\x9F]' "$file" >/dev/null; then
    fail "$what: raw control characters: $(LC_ALL=C od -c "$file" | head -5)"
  fi
  if [ "$3" = short ] && LC_ALL=C awk 'length($0) >= 300 {bad=1} END {exit !bad}' "$file"; then
    fail "$what: a line of 300 characters or more: $(head -c 400 "$file" | od -c | head -3)"
  fi
}

# run EXPECTED_EXIT LABEL COMMAND...: runs under `timeout 10`, checks exit code, time, output.
run() {
  local expect="$1" label="$2" rc start ms
  shift 2
  start=$(date +%s%N)
  set +e
  timeout 10 "$@" </dev/null >"$WORK/stdout" 2>"$WORK/stderr"
  rc=$?
  set -e
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  RUNS=$((RUNS + 1))
  if [ "$ms" -gt "$SLOWEST" ]; then SLOWEST=$ms; SLOWEST_RUN="$label"; fi
  [ "$rc" -lt 124 ] || fail "$label: exit $rc (crash, signal or timeout) after $ms ms; stderr: $(head -c 300 "$WORK/stderr")"
  [ "$rc" -eq "$expect" ] || fail "$label: exit $rc, expected $expect; stderr: $(head -c 300 "$WORK/stderr")"
  [ "$ms" -le "$MAX_MS" ] || fail "$label: took $ms ms"
  check_text "$label (stderr)" "$WORK/stderr" short
  check_text "$label (stdout)" "$WORK/stdout" long
  if [ "$expect" -ne 0 ]; then
    [ -s "$WORK/stderr" ] || fail "$label: exit $rc without a message"
  fi
}

# One label per file that is safe to print: the name with its bytes escaped.
label_of() { printf '%s' "$1" | od -An -c | tr -s ' \n' ' ' | head -c 120; }

# check_file EXPECT KIND N LABEL FILE: every command on one corpus file. EXPECT is the exit
# code of each run (1 for a bad file, 0 for a good one); KIND (bad, good) and N name the
# stdout kept for the checks at the end. compare gets the file once on each side: a bad file
# first in the text run and second in the --json run, a good file the other way round. A bad
# file leaves no output file behind; a good one writes a PNG and a PDF (the report of
# long_notes.json runs last, below, after every other check).
check_file() {
  local expect="$1" kind="$2" n="$3" l="$4" f="$5" a b
  run "$expect" "validate $l" "$BODYMAP" validate -- "$f"
  run "$expect" "stats $l" "$BODYMAP" stats -- "$f"
  run "$expect" "stats --json $l" "$BODYMAP" stats --json -- "$f"
  cp "$WORK/stdout" "$OUTS/$kind-$n.json"
  run "$expect" "stats --csv $l" "$BODYMAP" stats --csv -- "$f"
  cp "$WORK/stdout" "$OUTS/$kind-$n.csv"
  if [ "$kind" = bad ]; then a="$f"; b="$BASE"; else a="$BASE"; b="$f"; fi
  run "$expect" "compare $l" "$BODYMAP" compare -- "$a" "$b"
  run "$expect" "compare --json $l" "$BODYMAP" compare --json -- "$b" "$a"
  # A good file's comparison must be JSON; a bad one's may be empty (checked when it is not).
  if [ "$kind" = good ] || [ -s "$WORK/stdout" ]; then cp "$WORK/stdout" "$OUTS/${kind}cmp-$n.json"; fi
  # series: the file as a series of one visit (text; JSON with a PNG, none for a bad file).
  rm -f "$WORK/out.png" "$WORK/out.pdf"
  run "$expect" "series $l" "$BODYMAP" series -- "$f"
  run "$expect" "series --json --png $l" "$BODYMAP" series --json --png "$WORK/out.png" -- "$f"
  if [ "$kind" = bad ]; then
    [ ! -e "$WORK/out.png" ] || fail "series --png $l: left an output file for a bad input"
  else
    [ -s "$WORK/out.png" ] || fail "series --png $l: no PNG"
    cp "$WORK/stdout" "$OUTS/${kind}series-$n.json"
  fi
  rm -f "$WORK/out.png"
  run "$expect" "render $l" "$BODYMAP" render "$f" -o "$WORK/out.png"
  if [ "$kind" = bad ]; then
    [ ! -e "$WORK/out.png" ] || fail "render $l: left an output file for a bad input"
  else
    [ -s "$WORK/out.png" ] || fail "render $l: no PNG"
    [ "$(basename "$f")" = long_notes.json ] && return 0
  fi
  run "$expect" "report $l" "$BODYMAP" report "$f" -o "$WORK/out.pdf"
  if [ "$kind" = bad ]; then
    [ ! -e "$WORK/out.pdf" ] || fail "report $l: left an output file for a bad input"
  else
    [ -s "$WORK/out.pdf" ] || fail "report $l: no PDF"
  fi
}

n=0
for f in "$CORPUS"/bad/* ; do
  n=$((n + 1))
  [ $((n % STRIDE)) -eq 0 ] || continue
  name="$(basename "$f")"
  l="bad $(label_of "$name")"
  check_file 1 bad "$n" "$l" "$f"
  # A plain file name is named in the message (other names appear escaped).
  if printf '%s' "$name" | LC_ALL=C grep -qaP '^[A-Za-z0-9_.-]+$'; then
    grep -qF -- "$name" "$WORK/stderr" || fail "report $l: the message does not name the file: $(head -c 300 "$WORK/stderr")"
  fi
  ls "$WORK" | grep -q '\.tmp' && fail "$l: a temporary file was left in $WORK"
done
pass "$n bad files: exit 1 from every command, short escaped messages, no output files"

n=0
for f in "$CORPUS"/good/* ; do
  n=$((n + 1))
  case "$(basename "$f")" in long_notes.json|therapist_*) ;; *) [ $((n % STRIDE)) -eq 0 ] || continue ;; esac
  check_file 0 good "$n" "good $(label_of "$(basename "$f")")" "$f"
done
pass "$n good files with hostile text and names: exit 0, output escaped"

# Output file names with an escape sequence and a newline are escaped where they are echoed.
ODD=$'out\e]0;owned\a\nname'
run 0 "render -o odd name" "$BODYMAP" render "$BASE" -o "$WORK/$ODD.png"
[ -s "$WORK/$ODD.png" ] || fail "render -o odd name: no PNG"
run 0 "compare --png odd name" "$BODYMAP" compare "$BASE" "$BASE" --png "$WORK/$ODD-diff.png"
run 0 "compare --json --png odd name" "$BODYMAP" compare --json "$BASE" "$BASE" --png "$WORK/$ODD-diff.png"
cp "$WORK/stdout" "$OUTS/odd-png.json"
run 0 "series --png odd name" "$BODYMAP" series "$BASE" --png "$WORK/$ODD-series.png"
[ -s "$WORK/$ODD-series.png" ] || fail "series --png odd name: no PNG"
pass "output file names are escaped where they are echoed (render, compare, series)"

# All good files in one stats run: one JSON document and one CSV table.
run 0 "stats --json all good" "$BODYMAP" stats --json -- "$CORPUS"/good/*
cp "$WORK/stdout" "$OUTS/all-good.json"
run 0 "stats --csv all good" "$BODYMAP" stats --csv -- "$CORPUS"/good/*
cp "$WORK/stdout" "$OUTS/all-good.csv"

python3 - "$OUTS" "$NGOOD" <<'EOF' || fail "JSON or CSV output check failed"
import csv, glob, io, json, os, sys
outs, ngood = sys.argv[1], int(sys.argv[2])
for path in sorted(glob.glob(os.path.join(outs, "*.json"))):
    with open(path, "rb") as f:
        data = f.read()
    try:
        doc = json.loads(data.decode("utf-8"))
    except Exception as e:
        sys.exit("%s: not valid JSON (%s): %r" % (os.path.basename(path), e, data[:200]))
    if "maps" in doc:  # stats --json
        assert "not part of the ACR" in doc["painfulAreaRule"]["origin"], path
        for m in doc["maps"]:
            gp = m["generalizedPain"]
            assert isinstance(gp["met"], bool) and gp["met"] == (gp["regions"] >= 4), (path, gp)
            assert "at least 4 of the 5 regions" in gp["criterion"], (path, gp)
    if "seriesMaps" in doc:  # series --json of one visit
        assert len(doc["visits"]) == 1 and doc["clients"] == 1 and doc["seriesMaps"]["visits"] == 1, path
        assert all(len(v) == 1 for v in doc["trends"].values()), path
all_doc = json.load(open(os.path.join(outs, "all-good.json"), encoding="utf-8"))
assert len(all_doc["maps"]) == ngood, (len(all_doc["maps"]), ngood)
for path in sorted(glob.glob(os.path.join(outs, "*.csv"))):
    text = open(path, "rb").read().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows and rows[0][0] == "file", path
    width = len(rows[0])
    for row in rows[1:]:
        assert len(row) == width, (path, len(row), width, row[:5])
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                try:
                    float(cell)  # a genuine number written by BodyMap
                except ValueError:
                    sys.exit("%s: a cell a spreadsheet would run as a formula: %r" % (path, cell))
    if path.endswith("all-good.csv"):
        assert len(rows) == ngood + 1, (len(rows), ngood)
        ids = [r[rows[0].index("client_id")] for r in rows[1:]]
        assert "'=HYPERLINK(\"http://x\",\"y\")" in ids, ids
        assert "'@SUM(1+1)*cmd|' /C calc'!A0" in ids, ids
print("checked JSON and CSV outputs")
EOF
pass "JSON outputs parse, stats --json says whether generalized pain is met, CSV cells are safe"

# Last, the report checks (render/report*.cpp and app/cli/report.cpp): the file name given
# with -o is escaped, and 64 KB of notes that are one unbreakable word still lay out in time.
run 0 "report -o odd name" "$BODYMAP" report "$BASE" -o "$WORK/$ODD.pdf"
[ -s "$WORK/$ODD.pdf" ] || fail "report -o odd name: no PDF"
run 0 "report long notes" "$BODYMAP" report "$CORPUS/good/long_notes.json" -o "$WORK/out.pdf"
[ -s "$WORK/out.pdf" ] || fail "report long notes: no PDF"
pass "report: odd output name escaped, 64 KB of notes in time"
echo "runs: $RUNS, slowest: $SLOWEST ms ($SLOWEST_RUN)"
