#!/usr/bin/env bash
# `bodymap series`: the example client's five visits given out of order come out in time order,
# with the figures `bodymap stats` gives for each visit and the frequency figures counted here
# from the files' own runs; --json carries the same, summarised (no cell values); --png writes one
# real PNG with both maps (0600); a bad file, mixed templates or mixed clients give exit 1 naming
# the file and write nothing; usage errors exit 2; many visits read on every core give what one
# thread gives, names come from --files-from too, and memory does not grow with the visits.
set -euo pipefail
BODYMAP="$1"
PROBE="$2"
TESTS="$3"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export LC_ALL=C.UTF-8
unset LANGUAGE LC_MESSAGES LANG
umask 022
EX="$TESTS/../assets/examples/demo-anna"
V1="$EX/2026-09-07T09-30-00.json" V2="$EX/2026-09-21T09-30-00.json" V3="$EX/2026-10-05T10-00-00.json"
V4="$EX/2026-10-26T10-00-00.json" V5="$EX/2026-11-16T10-00-00.json"

# The figures of the series counted from the files' runs (python, independent of BodyMap): cells
# painted in >= 1, >= half, all visits, and the highest mean intensity. Every painted cell of the
# examples is on the body (checked below against stats' painted cells).
python3 - "$V1" "$V2" "$V3" "$V4" "$V5" > "$WORK/expected.json" <<'PY'
import json, sys
files = sys.argv[1:]
hits, sums, painted = {}, {}, []
for f in files:
    m = json.load(open(f))
    n_painted = 0
    for view in ("front", "back"):
        i = 0
        for value, n in m["views"][view]["intensity"]:
            if value > 0:
                n_painted += n
                for c in range(i, i + n):
                    hits[(view, c)] = hits.get((view, c), 0) + 1
                    sums[(view, c)] = sums.get((view, c), 0) + value
            i += n
    painted.append(n_painted)
n = len(files)
print(json.dumps({
    "ever": len(hits),
    "half": sum(1 for k in hits.values() if 2 * k >= n),
    "every": sum(1 for k in hits.values() if k == n),
    "backEver": sum(1 for (v, _) in hits if v == "back"),
    "maxMean": max(s / n for s in sums.values()),
    "painted": painted,
}))
PY
"$BODYMAP" stats --json "$V1" "$V2" "$V3" "$V4" "$V5" > "$WORK/stats.json"

# --- text ---------------------------------------------------------------------------------------
"$BODYMAP" series "$V4" "$V1" "$V5" "$V3" "$V2" > "$WORK/text.txt" 2> "$WORK/text.err" || fail "series exited $?: $(cat "$WORK/text.err")"
[ -s "$WORK/text.err" ] && fail "series said on stderr: $(cat "$WORK/text.err")"
head -n 1 "$WORK/text.txt" | grep -qF 'Series of 5 visits of client "demo-anna", 2026-09-07 to 2026-11-16 (template adult-neutral v1)' \
  || fail "text header: $(head -n 1 "$WORK/text.txt")"
python3 - "$WORK/text.txt" "$WORK/stats.json" "$WORK/expected.json" <<'PY' || fail "series text disagrees with stats or the files"
import json, re, sys
text = open(sys.argv[1]).read()
stats = json.load(open(sys.argv[2]))["maps"]
exp = json.load(open(sys.argv[3]))
rows = [l.split() for l in text.splitlines() if re.match(r"^\s+[1-5]\s+2026-", l)]
assert len(rows) == 5, rows
# In time order, whatever the order given; each row the figures stats gives for that file.
by_file = {m["file"]: m for m in stats}
for k, row in enumerate(rows):
    num, when, extent, mean, mx, burden, wpi, gp, f = row
    m = by_file[f]
    assert int(num) == k + 1 and when == m["visitTime"], row
    assert extent == "%.2f" % m["metrics"]["extent_pct"], (row, m["metrics"]["extent_pct"])
    assert mean == "%.2f" % m["metrics"]["mean_intensity"], row
    assert int(mx) == m["metrics"]["max_intensity"] and int(wpi) == m["wpi"]["score"], row
    assert burden == "%.2f" % (100 * m["metrics"]["pain_burden"]), row
    assert int(gp) == m["generalizedPain"]["regions"], row
    assert m["overall"]["paintedCells"] == exp["painted"][k], (m["overall"], exp["painted"][k])
assert [r[1] for r in rows] == sorted(r[1] for r in rows)
body = stats[0]["overall"]["bodyCells"]
def pct(cells): return "%.2f%%" % (100.0 * cells / body)
# First -> last of the extent: 1.84 -> 0.14 (-1.70), lowest 0.14 (the last), highest 4.82 (the second).
assert re.search(r"Pain extent \(% of body\)\s+1\.84 -> 0\.14 \(-1\.70\); lowest 0\.14, highest 4\.82", text), text
assert re.search(r"WPI \(0-19\)\s+2 -> 1 \(-1\); lowest 1, highest 3", text), text
assert "Painted in at least one visit:    %s of the body" % pct(exp["ever"]) in text, (pct(exp["ever"]), text)
assert "Painted in at least half of them: %s of the body" % pct(exp["half"]) in text, (pct(exp["half"]), text)
assert "Painted in every visit:           %s of the body" % pct(exp["every"]) in text, text
assert "highest %.2f (Right lower back)" % exp["maxMean"] in text, text
assert re.search(r"Right lower back\s+59\.4%\s+72\.9%\s+4\.6", text), text
assert "Wrote" not in text
PY
echo "ok: text: five visits in time order with stats' figures, trends and the frequency figures of the files' runs"

# --- JSON ---------------------------------------------------------------------------------------
"$BODYMAP" series --json "$V4" "$V1" "$V5" "$V3" "$V2" > "$WORK/series.json"
python3 - "$WORK/series.json" "$WORK/stats.json" "$WORK/expected.json" <<'PY' || fail "series --json"
import json, os, sys
j = json.load(open(sys.argv[1]))
stats = json.load(open(sys.argv[2]))["maps"]
exp = json.load(open(sys.argv[3]))
assert os.path.getsize(sys.argv[1]) < 50000, "the JSON should summarise the maps, not list cells"
assert j["clientId"] == "demo-anna" and j["clients"] == 1, j["clientId"]
assert j["template"] == {"id": "adult-neutral", "version": 1}
assert [v["file"] for v in j["visits"]] == [m["file"] for m in stats], j["visits"]
assert [v["visitTime"] for v in j["visits"]] == [m["visitTime"] for m in stats]
# Every scalar metric of stats, as a trend in visit order.
assert set(j["trends"]) == set(stats[0]["metrics"]), set(j["trends"]) ^ set(stats[0]["metrics"])
for key, values in j["trends"].items():
    assert values == [m["metrics"][key] for m in stats], (key, values)
o = j["seriesMaps"]["overall"]
assert j["seriesMaps"]["visits"] == 5
assert (o["everPaintedCells"], o["halfOrMoreCells"], o["everyVisitCells"]) == (exp["ever"], exp["half"], exp["every"]), (o, exp)
assert o["bodyCells"] == stats[0]["overall"]["bodyCells"]
assert abs(o["halfOrMorePct"] - 100.0 * exp["half"] / o["bodyCells"]) < 1e-3, o
assert abs(o["maxMeanIntensity"] - exp["maxMean"]) < 1e-4 and o["maxShare"] == 1.0, o
# The series' mean burden is the mean of the visits' burdens.
assert abs(o["meanBurden"] - sum(m["metrics"]["pain_burden"] for m in stats) / 5) < 1e-5, o
v = j["seriesMaps"]["views"]
assert v["front"]["everPaintedCells"] == 0 and v["back"]["everPaintedCells"] == exp["backEver"], v
regions = {r["id"]: r for r in j["seriesMaps"]["regionsEverPainted"]}
assert "back-right-lower-back" in regions, regions.keys()
r = regions["back-right-lower-back"]
assert r["halfOrMoreCells"] <= r["everPaintedCells"] <= r["bodyCells"] and r["everyVisitCells"] == exp["every"], r
assert sum(r["everPaintedCells"] for r in regions.values()) == exp["ever"]
assert j["painfulAreaRule"]["minCells"] == 150 and "png" not in j
PY
echo "ok: --json: visits in order, every metric's trend as stats gives it, the maps summarised per view and region"

# --- PNG ----------------------------------------------------------------------------------------
"$BODYMAP" series "$V1" "$V2" "$V3" "$V4" "$V5" --png "$WORK/series.png" > "$WORK/png.txt"
grep -qF "Wrote $WORK/series.png" "$WORK/png.txt" || fail "no 'Wrote' line: $(tail -n 2 "$WORK/png.txt")"
[ "$(head -c 8 "$WORK/series.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "not a PNG"
[ "$(stat -c %a "$WORK/series.png")" = 600 ] || fail "PNG mode $(stat -c %a "$WORK/series.png"), not 600"
read -r w h < <("$PROBE" size "$WORK/series.png")
[ "$w" = 1600 ] && [ "$h" -ge 900 ] && [ "$h" -le 1150 ] || fail "PNG is ${w}x${h}, expected 1600 x ~1000"
# The frequency map (left card) holds the darkest share (the cells painted in every visit, and the
# end of its legend); the mean-intensity card (right) none of it.
left=$("$PROBE" count "$WORK/series.png" 081d58 6 0 0 800 "$h")
right=$("$PROBE" count "$WORK/series.png" 081d58 6 800 0 1600 "$h")
[ "$left" -gt 100 ] && [ "$right" -eq 0 ] || fail "darkest frequency colour: $left left, $right right"
# Painted in every visit: the back's lower right; the mean-intensity legend's dark red end on the right.
red=$("$PROBE" count "$WORK/series.png" 840026 10 800 0 1600 "$h")
[ "$red" -gt 50 ] || fail "no dark red end of the mean-intensity legend on the right ($red)"
"$BODYMAP" series --json "$V1" "$V2" --png "$WORK/small.png" --width 800 > "$WORK/small.json"
read -r w h < <("$PROBE" size "$WORK/small.png")
[ "$w" = 800 ] || fail "--width 800 gave $w"
python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['png'] == sys.argv[2]" "$WORK/small.json" "$WORK/small.png" \
  || fail "--json does not name the PNG"
echo "ok: --png: one 1600 px PNG (0600) with the frequency map left and the mean intensity right; --width"

# --- bad input: exit 1, the file named, nothing written ----------------------------------------
BAD="$TESTS/data/bad/truncated.json"
set +e
"$BODYMAP" series "$V1" "$BAD" "$V2" --png "$WORK/bad.png" > "$WORK/bad.out" 2> "$WORK/bad.err"
rc=$?
set -e
[ "$rc" = 1 ] || fail "bad file: exit $rc"
grep -qF "$BAD" "$WORK/bad.err" || fail "bad file: message does not name it: $(cat "$WORK/bad.err")"
[ -e "$WORK/bad.png" ] && fail "bad file: a PNG was written"
[ -s "$WORK/bad.out" ] && fail "bad file: output on stdout: $(cat "$WORK/bad.out")"
set +e
"$BODYMAP" series "$V1" "$WORK/missing.json" --json > "$WORK/bad.out" 2> "$WORK/bad.err"
rc=$?
set -e
[ "$rc" = 1 ] && grep -qF "$WORK/missing.json" "$WORK/bad.err" && [ ! -s "$WORK/bad.out" ] || fail "missing file: exit $rc, $(cat "$WORK/bad.err")"
mkdir "$WORK/folder.png"
set +e
"$BODYMAP" series "$V1" --png "$WORK/folder.png" > /dev/null 2> "$WORK/bad.err"
rc=$?
set -e
[ "$rc" = 1 ] && grep -qF "$WORK/folder.png" "$WORK/bad.err" || fail "PNG onto a folder: exit $rc, $(cat "$WORK/bad.err")"
echo "ok: a bad or missing file, or a PNG path that is a folder: exit 1 naming it, nothing written"

# --- mixed templates and clients ------------------------------------------------------------------
mkdir "$WORK/templates"
cp "$TESTS/../assets/templates/adult_neutral.json" "$WORK/templates/"
python3 - "$TESTS/../assets/templates/adult_neutral.json" "$WORK/templates/adult_copy.json" "$V2" "$WORK/other_template.json" "$WORK/other_client.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1])); t["id"] = "adult-copy"; json.dump(t, open(sys.argv[2], "w"))
m = json.load(open(sys.argv[3])); m["template"]["id"] = "adult-copy"; json.dump(m, open(sys.argv[4], "w"))
m = json.load(open(sys.argv[3])); m["visit"]["clientId"] = "someone-else"; json.dump(m, open(sys.argv[5], "w"))
PY
set +e
"$BODYMAP" series --templates "$WORK/templates" "$V1" "$WORK/other_template.json" --png "$WORK/mixed.png" > "$WORK/mixed.out" 2> "$WORK/mixed.err"
rc=$?
set -e
[ "$rc" = 1 ] || fail "mixed templates: exit $rc ($(cat "$WORK/mixed.err"))"
grep -qF "$WORK/other_template.json: drawn on template \"adult-copy\", but $V1 on \"adult-neutral\"; the visits of a series must be on one template" "$WORK/mixed.err" \
  || fail "mixed templates: $(cat "$WORK/mixed.err")"
[ -e "$WORK/mixed.png" ] || [ -s "$WORK/mixed.out" ] && fail "mixed templates: something was written"
set +e
"$BODYMAP" series "$V1" "$WORK/other_client.json" "$V3" --png "$WORK/mixed.png" > "$WORK/mixed.out" 2> "$WORK/mixed.err"
rc=$?
set -e
[ "$rc" = 1 ] || fail "mixed clients: exit $rc"
grep -qF "$WORK/other_client.json: a visit of client \"someone-else\", but $V1 is of client \"demo-anna\"; a series is one client's visits (add --mixed-clients" "$WORK/mixed.err" \
  || fail "mixed clients: $(cat "$WORK/mixed.err")"
[ -e "$WORK/mixed.png" ] || [ -s "$WORK/mixed.out" ] && fail "mixed clients: something was written"
"$BODYMAP" series --mixed-clients "$V1" "$WORK/other_client.json" "$V3" > "$WORK/pooled.txt"
head -n 1 "$WORK/pooled.txt" | grep -qF "Series of 3 visits of 2 clients (pooled), 2026-09-07 to 2026-10-05" || fail "pooled: $(head -n 1 "$WORK/pooled.txt")"
"$BODYMAP" series --mixed-clients --json "$V1" "$WORK/other_client.json" > "$WORK/pooled.json"
python3 -c "
import json, sys
j = json.load(open(sys.argv[1]))
assert j['clientId'] is None and j['clients'] == 2 and [v['clientId'] for v in j['visits']] == ['demo-anna', 'someone-else'], j['visits']
" "$WORK/pooled.json" || fail "pooled --json"
echo "ok: mixed templates refused, mixed clients refused unless --mixed-clients pools them"

# The same visit twice counts twice: said on stderr, and the series still shown.
"$BODYMAP" series "$V1" "$V2" "$V1" > "$WORK/twice.txt" 2> "$WORK/twice.err"
grep -qF "warning: $V1 and $V1 have the same visit time 2026-09-07T09:30:00" "$WORK/twice.err" || fail "no warning: $(cat "$WORK/twice.err")"
grep -qF "Series of 3 visits" "$WORK/twice.txt" || fail "twice: $(head -n 1 "$WORK/twice.txt")"
"$BODYMAP" series --mixed-clients "$V2" "$WORK/other_client.json" > /dev/null 2> "$WORK/twice.err"
[ -s "$WORK/twice.err" ] && fail "two clients seen at the same time were warned about: $(cat "$WORK/twice.err")"
"$BODYMAP" series "$V1" "$V1" "$V1" "$V1" "$V1" "$V1" "$V1" "$V1" "$V1" "$V1" "$V1" "$V1" "$V1" > /dev/null 2> "$WORK/twice.err"
[ "$(grep -c "have the same visit time" "$WORK/twice.err")" = 10 ] && grep -qF "warning: and 2 more visits with the time of another visit of their client" "$WORK/twice.err" \
  || fail "warnings not capped at 10: $(wc -l < "$WORK/twice.err") lines"
echo "ok: a visit given twice is warned about (not two clients at one time; at most 10 warnings)"

# --- usage errors: exit 2 -------------------------------------------------------------------------
for args in "" "--json" "--png" "$V1 --png" "$V1 --width" "$V1 --width 100" "$V1 --width 5000" "$V1 --width wide" \
            "$V1 --templates" "$V1 --frobnicate" "$V1 --jobs 0" "$V1 --jobs x" "$V1 --jobs" "$V1 --files-from"; do
  set +e
  # shellcheck disable=SC2086
  "$BODYMAP" series $args > "$WORK/usage.out" 2> "$WORK/usage.err"
  rc=$?
  set -e
  [ "$rc" = 2 ] || fail "'series $args': exit $rc, not 2"
  grep -q "^bodymap series: " "$WORK/usage.err" && grep -qF "Usage: bodymap series" "$WORK/usage.err" \
    || fail "'series $args': $(cat "$WORK/usage.err")"
  [ -s "$WORK/usage.out" ] && fail "'series $args' printed on stdout"
done
"$BODYMAP" --help > "$WORK/help.txt"
grep -qF "bodymap series FILE... [--json] [--png OUT.png]" "$WORK/help.txt" || fail "--help does not list series"
echo "ok: usage errors exit 2 with the usage line; --help lists the command"

# --- many visits: every core, the same output as one thread; --files-from; flat memory ----------
mkdir "$WORK/many"
python3 - "$V1" "$V2" "$V3" "$V4" "$V5" "$WORK/many" <<'PY'
import json, sys
srcs, out = sys.argv[1:6], sys.argv[6]
for i in range(120):
    m = json.load(open(srcs[i % 5]))
    m["visit"]["time"] = "2026-%02d-%02dT10:00:00" % (1 + i // 28, 1 + i % 28)
    json.dump(m, open("%s/v%03d.json" % (out, i), "w"))
PY
ls "$WORK"/many/v*.json > "$WORK/list.txt"
cp "$WORK/many/v050.json" "$WORK/v050.keep"
echo '{"format": "bodymap",' > "$WORK/many/v050.json"   # a bad file among them
for fmt in "" --json; do
  rc1=0; rc2=0
  "$BODYMAP" series $fmt --jobs 1 "$WORK"/many/v*.json > "$WORK/one.out" 2> "$WORK/one.err" || rc1=$?
  "$BODYMAP" series $fmt --jobs 4 "$WORK"/many/v*.json > "$WORK/four.out" 2> "$WORK/four.err" || rc2=$?
  [ "$rc1" = 1 ] && [ "$rc2" = 1 ] || fail "series $fmt with a bad file: exit $rc1 / $rc2"
  [ ! -s "$WORK/four.out" ] && cmp -s "$WORK/one.err" "$WORK/four.err" && grep -qF "$WORK/many/v050.json" "$WORK/four.err" \
    || fail "series $fmt: 4 threads said other than 1: $(cat "$WORK/four.err")"
done
cp "$WORK/v050.keep" "$WORK/many/v050.json"
for fmt in "" --json; do
  "$BODYMAP" series $fmt --jobs 1 "$WORK"/many/v*.json > "$WORK/one.out" 2> /dev/null
  "$BODYMAP" series $fmt --jobs 4 "$WORK"/many/v*.json > "$WORK/four.out" 2> /dev/null
  cmp -s "$WORK/one.out" "$WORK/four.out" || fail "series $fmt: 4 threads wrote other output than 1"
  "$BODYMAP" series $fmt --files-from "$WORK/list.txt" > "$WORK/list.out" 2> /dev/null
  cmp -s "$WORK/one.out" "$WORK/list.out" || fail "series $fmt --files-from gave other output"
  "$BODYMAP" series $fmt --files-from - < "$WORK/list.txt" > "$WORK/stdin.out" 2> /dev/null
  cmp -s "$WORK/one.out" "$WORK/stdin.out" || fail "series $fmt --files-from - gave other output"
done
python3 -c "import json,sys; assert len(json.load(open(sys.argv[1]))['visits']) == 120" "$WORK/stdin.out" || fail "--files-from -: not 120 visits"
rc=0
"$BODYMAP" series --files-from "$WORK/no-such-list" > /dev/null 2> "$WORK/list.err" || rc=$?
[ "$rc" = 1 ] && grep -qF "no-such-list" "$WORK/list.err" || fail "a missing list: exit $rc, $(cat "$WORK/list.err")"
echo "ok: 1 and 4 threads, --files-from FILE and - give the same output and messages"
# On a terminal (stderr a tty, stdout a file) a progress bar is drawn on stderr; never in the output.
if command -v script > /dev/null; then
  script -qec "\"$BODYMAP\" series --json --files-from \"$WORK/list.txt\" > \"$WORK/tty.json\"" "$WORK/typescript" > /dev/null || true
  grep -q "120 / 120 files" "$WORK/typescript" || fail "no progress bar on the terminal: $(head -c 300 "$WORK/typescript")"
  cmp -s "$WORK/tty.json" "$WORK/list.out" || fail "the progress bar got into the output"
  echo "ok: a progress bar on a terminal only"
fi

# Peak resident memory (KiB) of one run, from the kernel's accounting of the finished child.
rss() {
  python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$BODYMAP" series --jobs 1 "$@"
}
few=$(rss "$WORK"/many/v00[0-4].json)
many=$(rss "$WORK"/many/v*.json)
[ $((many - few)) -lt 16384 ] || fail "memory grows with the visits: ${few} KiB for 5, ${many} KiB for 120"
echo "ok: memory flat: ${few} KiB for 5 visits, ${many} KiB for 120"
echo PASS
