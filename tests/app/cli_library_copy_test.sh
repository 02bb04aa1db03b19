#!/usr/bin/env bash
# `bodymap library copy FROM TO`: a folder library copied byte for byte, again (resumable: all
# already there), a different visit of the same name reported and never replaced, bad places
# refused; and, with the throwaway server of scripts/test, folder -> server -> folder byte for byte.
source "$(dirname "$0")/lib.sh"


EX="$TESTS/../assets/examples"
"$BODYMAP" library copy "$EX" "$WORK/a" >"$WORK/out1" 2>"$WORK/err1" || fail "copy failed: $(cat "$WORK/err1")"
grep -q "visits: 5 (5 new, 0 already there); verified by checksum: 5" "$WORK/out1" || fail "summary: $(cat "$WORK/out1")"
diff -r "$EX" "$WORK/a" || fail "the copy differs from the examples"
[ "$(stat -c %a "$WORK/a")" = 700 ] || fail "library folder not 0700"
[ "$(stat -c %a "$WORK/a/demo-anna/2026-09-07T09-30-00.json")" = 600 ] || fail "visit file not 0600"
"$BODYMAP" library copy "$EX" "$WORK/a" >"$WORK/out2" 2>&1 || fail "second copy failed: $(cat "$WORK/out2")"
grep -q "(0 new, 5 already there)" "$WORK/out2" || fail "second copy not resumable: $(cat "$WORK/out2")"

# A visit of the same name with other bytes: reported, exit 1, nothing replaced.
cp -r "$EX" "$WORK/changed"
sed -i 's/"notes": *"/"notes": "changed /' "$WORK/changed/demo-anna/2026-11-16T10-00-00.json"
cmp -s "$EX/demo-anna/2026-11-16T10-00-00.json" "$WORK/changed/demo-anna/2026-11-16T10-00-00.json" && fail "fixture unchanged"
set +e
"$BODYMAP" library copy "$WORK/changed" "$WORK/a" >"$WORK/out3" 2>"$WORK/err3"; rc=$?
set -e
[ $rc = 1 ] || fail "a differing visit gave exit $rc"
grep -q "2026-11-16T10-00-00.json: a different visit of that name is already there" "$WORK/err3" || fail "message: $(cat "$WORK/err3")"
diff -r "$EX" "$WORK/a" || fail "a differing visit replaced the copy"

set +e
"$BODYMAP" library copy "$WORK/missing" "$WORK/b" 2>"$WORK/err4"; rc=$?
set -e
[ $rc = 1 ] && grep -q "$WORK/missing: no such library folder" "$WORK/err4" || fail "missing FROM: rc $rc, $(cat "$WORK/err4")"
[ ! -e "$WORK/b" ] || fail "a failed copy created TO"
set +e
"$BODYMAP" library copy "$WORK/a" 2>/dev/null; rc=$?
set -e
[ $rc = 2 ] || fail "one place gave exit $rc"

# A larger library on 4 threads: 12 clients of 10 visits each, copied byte for byte, reported in
# one order whatever the threads do, and again with --jobs 1 (all already there).
BIG="$WORK/big"
for c in $(seq -w 1 12); do
  mkdir -p "$BIG/client-$c"
  printf '{\n  "format": "bodymap-client",\n  "version": 1,\n  "id": "client-%s",\n  "name": "Client %s"\n}\n' "$c" "$c" > "$BIG/client-$c/client.json"
  n=0
  for v in $(seq -w 1 10); do
    src=$(ls "$EX"/demo-anna/20*.json | sed -n "$(( (n % 5) + 1 ))p")
    sed -e "s/\"clientId\": \"demo-anna\"/\"clientId\": \"client-$c\"/" \
        -e "s/\"time\": \"[^\"]*\"/\"time\": \"2026-01-${v}T10:00:00\"/" "$src" > "$BIG/client-$c/2026-01-${v}T10-00-00.json"
    n=$((n + 1))
  done
done
"$BODYMAP" library copy --jobs 4 "$BIG" "$WORK/big4" >"$WORK/out8" 2>"$WORK/err8" || fail "4 threads: $(cat "$WORK/err8")"
grep -q "Clients: 12; visits: 120 (120 new, 0 already there); verified by checksum: 120" "$WORK/out8" || fail "4 threads: $(cat "$WORK/out8")"
diff -r "$BIG" "$WORK/big4" || fail "the copy on 4 threads differs"
"$BODYMAP" library copy --jobs 1 "$BIG" "$WORK/big4" >"$WORK/out9" 2>&1 || fail "again on 1 thread: $(cat "$WORK/out9")"
grep -q "(0 new, 120 already there)" "$WORK/out9" || fail "1 thread, again: $(cat "$WORK/out9")"
for bad in "--jobs 0" "--jobs x" "--jobs"; do
  set +e
  "$BODYMAP" library copy "$BIG" "$WORK/big5" $bad >/dev/null 2>&1; rc=$?
  set -e
  [ $rc = 2 ] || fail "library copy $bad gave exit $rc"
done
[ ! -e "$WORK/big5" ] || fail "a usage error created TO"
pass "120 visits on 4 threads, byte for byte"

# The window and the intake do not open a server yet: a server location is refused, never taken
# for a folder name.
# A server that is not there: the intake refuses before any window, naming the server, and no
# folder is made of the location.
for where in "postgresql://therapist@%2Fnonexistent-socket/bodymap" "service=clinic"; do
  set +e
  (cd "$WORK" && BODYMAP_LIBRARY="$where" "$BODYMAP" intake --client demo-anna >/dev/null 2>"$WORK/err5" </dev/null); rc=$?
  set -e
  [ $rc = 1 ] || fail "$where: exit $rc"
  grep -q "postgresql://therapist@\|service" "$WORK/err5" || fail "$where: the error does not name the server: $(cat "$WORK/err5")"
  ls -d "$WORK"/postgresql* "$WORK"/service* 2>/dev/null && fail "$where became a folder"
done

if [ -n "${BODYMAP_TEST_PG:-}" ]; then
  db="bm_copy_$$"
  psql "$BODYMAP_TEST_PG" -qAtc "create database $db" || fail "create database"
  trap 'psql "$BODYMAP_TEST_PG" -qAtc "drop database if exists $db with (force)" >/dev/null 2>&1; cleanup' EXIT
  url="${BODYMAP_TEST_PG/dbname=postgres/dbname=$db}"
  "$BODYMAP" server init "$url" >"$WORK/init" 2>&1 || fail "server init: $(cat "$WORK/init")"
  "$BODYMAP" library copy "$EX" "$url" >"$WORK/out5" 2>&1 || fail "folder -> server: $(cat "$WORK/out5")"
  grep -q "(5 new, 0 already there); verified by checksum: 5" "$WORK/out5" || fail "to server: $(cat "$WORK/out5")"
  "$BODYMAP" library copy "$EX" "$url" >"$WORK/out6" 2>&1 || fail "folder -> server again: $(cat "$WORK/out6")"
  grep -q "(0 new, 5 already there)" "$WORK/out6" || fail "server copy not resumable: $(cat "$WORK/out6")"
  n=$(psql "$url" -qAtc "select count(*) from bodymap.visits")
  [ "$n" = 5 ] || fail "server has $n visits"
  "$BODYMAP" library copy "$url" "$WORK/back" >"$WORK/out7" 2>&1 || fail "server -> folder: $(cat "$WORK/out7")"
  diff -r "$EX" "$WORK/back" || fail "folder -> server -> folder is not byte for byte"
  # The larger library through the server on 4 connections and back.
  "$BODYMAP" library copy --jobs 4 "$BIG" "$url" >"$WORK/out10" 2>&1 || fail "120 visits -> server: $(cat "$WORK/out10")"
  grep -q "(120 new, 0 already there); verified by checksum: 120" "$WORK/out10" || fail "to server: $(cat "$WORK/out10")"
  "$BODYMAP" library copy --jobs 4 "$url" "$WORK/bigback" >"$WORK/out11" 2>&1 || fail "server -> folder: $(cat "$WORK/out11")"
  for c in $(seq -w 1 12); do
    diff -r "$BIG/client-$c" "$WORK/bigback/client-$c" || fail "client-$c: folder -> server -> folder on 4 threads differs"
  done
  echo "server round trip ok"
else
  echo "BODYMAP_TEST_PG not set: the server round trip needs scripts/test's server" >&2
  [ "${CI:-}" != "true" ] || fail "in CI the server must be running"
fi
pass "library copy"
