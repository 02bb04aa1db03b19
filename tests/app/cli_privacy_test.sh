# Health data stays private on disk: under umask 022 and 077, every file that render -o,
# report -o, compare --png, print (its temp file) and a library save create is 0600 and every
# folder BodyMap creates is 0700; an output that is a symlink, a FIFO, a device or a folder is
# refused with exit 1 and a message, and is left exactly as it was (a FIFO never hangs us).
source "$(dirname "$0")/lib.sh"
DEMO="$TESTS/../assets/examples/demo-anna"
A="$DEMO/2026-10-26T10-00-00.json"
B="$DEMO/2026-11-16T10-00-00.json"
TEMPLATE="$TESTS/../assets/templates/adult_neutral.json"
LIBSAVE="${BODYMAP_LIBRARY_SAVE:-$(dirname "$PROBE")/library_save}"
[ -x "$LIBSAVE" ] || fail "library_save not built ($LIBSAVE)"

# Modes of everything under DIR (files must be FILEMODE, folders DIRMODE); DIR itself excluded.
check_modes() {
  local dir="$1" filemode="$2" dirmode="$3" what="$4" bad
  bad=$(find "$dir" -mindepth 1 -type f ! -perm "$filemode" -printf '%m %p\n')
  [ -z "$bad" ] || fail "$what: files not $filemode: $bad"
  bad=$(find "$dir" -mindepth 1 -type d ! -perm "$dirmode" -printf '%m %p\n')
  [ -z "$bad" ] || fail "$what: folders not $dirmode: $bad"
  bad=$(find "$dir" -mindepth 1 ! -type f ! -type d -printf '%y %p\n')
  [ -z "$bad" ] || fail "$what: unexpected entries: $bad"
}

# A fake lp that records the mode of the file it is given (and that it still exists then).
mkdir -p "$WORK/bin"
cat >"$WORK/bin/lp" <<'EOF'
#!/bin/sh
for f; do last="$f"; done
stat -c '%a %n' "$last" >>"$LP_LOG"
echo "request id is fake-1 (1 file(s))"
EOF
chmod +x "$WORK/bin/lp"

for mask in 022 077; do
  out="$WORK/out-$mask"
  mkdir -p "$out" "$WORK/tmp-$mask"
  (
    umask "$mask"
    "$BODYMAP" render "$B" -o "$out/chart.png" >/dev/null
    "$BODYMAP" render --blank -o "$out/blank.png" >/dev/null
    "$BODYMAP" report "$B" --previous "$A" -o "$out/report.pdf" >/dev/null
    "$BODYMAP" compare "$A" "$B" --png "$out/diff.png" >/dev/null
    # Replacing an existing, wider file (e.g. from an older BodyMap) gives 0600 too.
    : >"$out/old.png"; chmod 644 "$out/old.png"
    "$BODYMAP" render "$B" -o "$out/old.png" >/dev/null
    "$LIBSAVE" "$TEMPLATE" "$WORK/lib-$mask/share/bodymap" "$B" >"$WORK/visit-$mask.txt"
    LP_LOG="$WORK/lp-$mask.log" TMPDIR="$WORK/tmp-$mask" PATH="$WORK/bin:$PATH" \
      "$BODYMAP" print "$B" --printer fake >/dev/null
  ) || fail "a command failed under umask $mask"
  for f in chart.png blank.png report.pdf diff.png old.png; do
    [ -s "$out/$f" ] || fail "umask $mask: $f not written"
  done
  check_modes "$out" 600 700 "outputs under umask $mask"
  lib="$WORK/lib-$mask"
  visit=$(cat "$WORK/visit-$mask.txt")
  for f in "$visit" "$visit.bak" "$(dirname "$visit")/client.json"; do
    [ -f "$f" ] || fail "umask $mask: library save did not write $f"
  done
  [ -n "$(find "$lib" -path '*/.recovery/*.json')" ] || fail "umask $mask: no recovery file"
  [ -n "$(find "$lib" -path '*/.recovery/*.lock')" ] || fail "umask $mask: no recovery lock"
  # All of the library's folders (share/, bodymap/, the client, .recovery) are BodyMap's own.
  check_modes "$lib" 600 700 "library under umask $mask"
  read -r lpmode lpfile <"$WORK/lp-$mask.log" || fail "umask $mask: print did not call lp"
  [ "$lpmode" = 600 ] || fail "umask $mask: the print temp file was $lpmode, not 600"
  [ ! -e "$lpfile" ] || fail "umask $mask: the print temp file was not removed: $lpfile"
  [ -z "$(ls -A "$WORK/tmp-$mask")" ] || fail "umask $mask: print left files in TMPDIR"
  pass "umask $mask: outputs, print temp file and library files 0600, folders 0700"
done

# Outputs that are not regular files: refused, exit 1, a clear message, the target untouched.
t="$WORK/targets"
mkdir -p "$t"
echo "keep me" >"$t/victim.txt"
ln -s "$t/victim.txt" "$t/link.pdf"
ln -s "$t/victim.txt" "$t/link.png"
ln -s "$t/nowhere.pdf" "$t/dangling.pdf"
mkfifo "$t/fifo.pdf" "$t/fifo.png"
mkdir "$t/folder.pdf"

# expect_refused DESCRIPTION TARGET WHAT -- COMMAND...
expect_refused() {
  local desc="$1" target="$2" what="$3" rc=0
  shift 4
  timeout 60 "$@" >"$WORK/o.txt" 2>"$WORK/e.txt" || rc=$?
  [ "$rc" -eq 1 ] || { cat "$WORK/e.txt"; fail "$desc: exit $rc, expected 1"; }
  grep -qF "$target: $what; refusing to replace it" "$WORK/e.txt" \
    || { cat "$WORK/e.txt"; fail "$desc: message does not say '$target: $what; refusing to replace it'"; }
}

expect_refused "report -o symlink" "$t/link.pdf" "is a symbolic link" -- "$BODYMAP" report "$B" -o "$t/link.pdf"
expect_refused "report -o dangling symlink" "$t/dangling.pdf" "is a symbolic link" -- "$BODYMAP" report "$B" -o "$t/dangling.pdf"
expect_refused "report -o FIFO" "$t/fifo.pdf" "is a FIFO (named pipe)" -- "$BODYMAP" report "$B" -o "$t/fifo.pdf"
expect_refused "report -o /dev/null" "/dev/null" "is a device" -- "$BODYMAP" report "$B" -o /dev/null
expect_refused "report -o folder" "$t/folder.pdf" "is a folder" -- "$BODYMAP" report "$B" -o "$t/folder.pdf"
expect_refused "render -o symlink" "$t/link.png" "is a symbolic link" -- "$BODYMAP" render "$B" -o "$t/link.png"
expect_refused "render -o FIFO" "$t/fifo.png" "is a FIFO (named pipe)" -- "$BODYMAP" render "$B" -o "$t/fifo.png"
expect_refused "render -o /dev/null" "/dev/null" "is a device" -- "$BODYMAP" render "$B" -o /dev/null
expect_refused "compare --png symlink" "$t/link.png" "is a symbolic link" -- "$BODYMAP" compare "$A" "$B" --png "$t/link.png"
expect_refused "compare --png FIFO" "$t/fifo.png" "is a FIFO (named pipe)" -- "$BODYMAP" compare "$A" "$B" --png "$t/fifo.png"
expect_refused "compare --png /dev/null" "/dev/null" "is a device" -- "$BODYMAP" compare "$A" "$B" --png /dev/null

[ "$(cat "$t/victim.txt")" = "keep me" ] || fail "a symlink's target was written"
[ ! -e "$t/nowhere.pdf" ] || fail "a dangling symlink's target was created"
for l in link.pdf link.png dangling.pdf; do [ -L "$t/$l" ] || fail "$l was replaced"; done
for f in fifo.pdf fifo.png; do [ -p "$t/$f" ] || fail "$f was replaced"; done
[ -d "$t/folder.pdf" ] && [ -z "$(ls -A "$t/folder.pdf")" ] || fail "folder.pdf was changed"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
[ "$(ls -A "$t" | wc -l)" -eq 7 ] || { ls -la "$t"; fail "temp files or other files left beside the refused outputs"; }
pass "symlink, dangling symlink, FIFO, device and folder outputs refused, left as they were"
