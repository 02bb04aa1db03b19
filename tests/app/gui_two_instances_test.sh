# Two (and more) real BodyMap windows on one library, each on its own Xvfb server so that input
# and focus never mix. 1) Both open the same visit; A paints and saves; B paints and saves: B is
# asked (conflict prompt) instead of overwriting A, picks "Save mine as a new visit": A's file has
# A's stroke, a new visit has B's, nothing is lost. 2) Recovery files belong to live sessions:
# with A and B autosaved and running, a third instance offers nothing; after kill -9 of B a new
# instance offers B's file only (never A's, which is still running) and restores it.
source "$(dirname "$0")/lib.sh"
use_extra_cleanup
export BODYMAP_AUTOSAVE_SECONDS=1
BODY=ece9e5
LIB="$WORK/lib"
mkdir -p "$LIB/demo-anna"
cp "$TESTS/../assets/examples/demo-anna/client.json" "$LIB/demo-anna/"
VISIT="$LIB/demo-anna/2026-11-16T10-00-00.json"
cp "$TESTS/../assets/examples/demo-anna/2026-11-16T10-00-00.json" "$VISIT"
cp "$VISIT" "$WORK/original.json"
cd "$WORK"

front_regions() { "$BODYMAP" stats "$1" --json | jq -r '.maps[0].regionsWithPain[].id' | grep '^front-' | sort; }
front_cells() { "$BODYMAP" stats "$1" --json | jq -r '.maps[0].views.front.paintedCells'; }
back_cells() { "$BODYMAP" stats "$1" --json | jq -r '.maps[0].views.back.paintedCells'; }
[ "$(front_cells "$VISIT")" -eq 0 ] || fail "test visit should have no front pain"

# --- 1. No lost update ------------------------------------------------------------------
start_instance A "$LIB" "$VISIT"
start_instance B "$LIB" "$VISIT"
wait_log "$WORK/A.log" "^opened $VISIT" 5 || fail "A did not open the visit"
wait_log "$WORK/B.log" "^opened $VISIT" 5 || fail "B did not open the visit"
shot A "$WORK/a-start.png"
read -r x0 y0 x1 y1 < <("$PROBE" bbox "$WORK/a-start.png" $BODY 3 290 40 775 940)
cx=$(( (x0 + x1) / 2 )); cy=$(( y0 + (y1 - y0) * 30 / 100 ))

drag A $((cx - 40)) "$cy" $((cx + 40)) "$cy"
on A key ctrl+s
wait_log "$WORK/A.log" "^saved $VISIT\$" 10 || fail "A did not save"
cp "$VISIT" "$WORK/a-saved.json"
pass "A painted and saved"

drag B $((cx - 40)) $((cy + 170)) $((cx + 40)) $((cy + 170))
on B key ctrl+s
wait_log "$WORK/B.log" '^dialog Visit changed on disk' 10 || fail "B saved over A's version without asking"
cmp -s "$VISIT" "$WORK/a-saved.json" || fail "B's save changed the file before the answer"
sleep 1
shot B "$WORK/b-conflict.png"
# The prompt is modal: the chart behind it is dimmed, so the body colour is gone.
[ "$("$PROBE" count "$WORK/b-conflict.png" $BODY 3 290 0 775 1000)" -lt 1000 ] || fail "no conflict prompt on B's screen"
pass "B's save was refused and B was asked"

click_button B "Save mine as a new visit"
wait_log "$WORK/B.log" "^saved $LIB/demo-anna/.*\\.json\$" 10 || fail "B's 'save mine as a new visit' did not save"
NEWV=$(grep '^saved ' "$WORK/B.log" | tail -1 | cut -d' ' -f2-)
[ "$NEWV" != "$VISIT" ] || fail "B's work went into A's file"
"$BODYMAP" validate "$VISIT" "$NEWV" >/dev/null || fail "a file does not validate after the conflict"
cmp -s "$VISIT" "$WORK/a-saved.json" || fail "A's file changed after B's answer"
ra=$(front_regions "$VISIT"); rb=$(front_regions "$NEWV")
[ -n "$ra" ] || fail "A's stroke is missing from A's file"
[ -n "$rb" ] || fail "B's stroke is missing from the new visit"
[ -z "$(comm -12 <(echo "$ra") <(echo "$rb"))" ] || fail "the files share strokes: A [$ra] B [$rb]"
[ "$(back_cells "$VISIT")" -eq "$(back_cells "$WORK/original.json")" ] || fail "A's file lost the old back pain"
[ "$(back_cells "$NEWV")" -eq "$(back_cells "$WORK/original.json")" ] || fail "B's visit lost the old back pain"
n=$(ls "$LIB/demo-anna"/*.json | grep -vc client.json)
[ "$n" -eq 2 ] || fail "expected 2 visit files, found $n"
pass "A's file has A's stroke ($(echo $ra)), the new visit $(basename "$NEWV") has B's ($(echo $rb))"

# A's visit list follows the disk: B's new visit shows up in A without a restart (A shows the
# client of the visit it opened), and so do a visit added and then deleted by another program.
wait_log "$WORK/A.log" '^listed 1 clients, 2 visits' 10 || fail "A's visit list did not pick up B's new visit"
cp "$WORK/original.json" "$LIB/demo-anna/2026-11-30T10-00-00.json"
wait_log "$WORK/A.log" '^listed 1 clients, 3 visits' 10 || fail "A's visit list did not pick up a copied-in visit"
rm "$LIB/demo-anna/2026-11-30T10-00-00.json"
last_listing() { grep '^listed' "$WORK/A.log" | tail -1; }
for i in $(seq 1 50); do last_listing | grep -q ', 2 visits' && break; sleep 0.2; done
last_listing | grep -q ', 2 visits' || fail "A's visit list did not drop a deleted visit: $(last_listing)"
pass "A's visit list follows visits added and deleted by another instance or program"

# Overwrite: A opens B's new visit, changes and saves it; B changes it too and overwrites:
# the file is B's, A's version is the backup.
on A key ctrl+o; sleep 0.8
on A type --delay 20 "$NEWV"; sleep 0.3
on A key Return
wait_log "$WORK/A.log" "^opened $NEWV\$" 10 || fail "A did not open B's visit"
sleep 0.5
drag A $((cx - 40)) $((cy - 40)) $((cx + 40)) $((cy - 40))
on A key ctrl+s
wait_log "$WORK/A.log" "^saved $NEWV\$" 10 || fail "A did not save B's visit"
cp "$NEWV" "$WORK/a-on-new.json"
nB=$(count_log "$WORK/B.log" '^dialog Visit changed')
drag B $((cx - 40)) $((cy + 220)) $((cx + 40)) $((cy + 220))
on B key ctrl+s
for i in $(seq 1 50); do [ "$(count_log "$WORK/B.log" '^dialog Visit changed')" -gt "$nB" ] && break; sleep 0.2; done
[ "$(count_log "$WORK/B.log" '^dialog Visit changed')" -gt "$nB" ] || fail "B was not asked before overwriting A's save"
sleep 1
click_button B "Overwrite"
for i in $(seq 1 50); do cmp -s "$NEWV" "$WORK/a-on-new.json" || break; sleep 0.2; done
cmp -s "$NEWV" "$WORK/a-on-new.json" && fail "Overwrite did not write B's version"
cmp -s "$NEWV.bak" "$WORK/a-on-new.json" || fail "Overwrite did not keep A's version as the backup"
"$BODYMAP" validate "$NEWV" "$NEWV.bak" >/dev/null || fail "files invalid after Overwrite"
pass "Overwrite: B's version in the file, A's kept in $(basename "$NEWV").bak"

# Esc: A changes it again and saves: asked (B overwrote); Esc saves nothing, the work stays.
cp "$NEWV" "$WORK/b-over.json"
nA=$(count_log "$WORK/A.log" '^dialog Visit changed')
drag A $((cx - 40)) $((cy + 20)) $((cx + 40)) $((cy + 20))
on A key ctrl+s
for i in $(seq 1 50); do [ "$(count_log "$WORK/A.log" '^dialog Visit changed')" -gt "$nA" ] && break; sleep 0.2; done
[ "$(count_log "$WORK/A.log" '^dialog Visit changed')" -gt "$nA" ] || fail "A was not asked before overwriting B's save"
sleep 1
on A key Escape; sleep 1
cmp -s "$NEWV" "$WORK/b-over.json" || fail "Esc in the conflict prompt saved something"
shot A "$WORK/a-after-esc.png"
[ "$("$PROBE" count "$WORK/a-after-esc.png" $BODY 3 290 0 775 1000)" -gt 1000 ] || fail "the conflict prompt stayed open after Esc"
pass "Esc in the conflict prompt: nothing saved, the prompt closed"

# Reload theirs: A saves again, is asked again, and reloads B's version (after a confirm).
on A key ctrl+s
for i in $(seq 1 50); do [ "$(count_log "$WORK/A.log" '^dialog Visit changed')" -gt $((nA + 1)) ] && break; sleep 0.2; done
[ "$(count_log "$WORK/A.log" '^dialog Visit changed')" -gt $((nA + 1)) ] || fail "A was not asked on the second save"
sleep 1
click_button A "Reload theirs"
sleep 0.5
nOpen=$(count_log "$WORK/A.log" "^opened $NEWV\$")
click_button A "Discard mine and reload"
for i in $(seq 1 50); do [ "$(count_log "$WORK/A.log" "^opened $NEWV\$")" -gt "$nOpen" ] && break; sleep 0.2; done
[ "$(count_log "$WORK/A.log" "^opened $NEWV\$")" -gt "$nOpen" ] || fail "Reload theirs did not load the file"
cmp -s "$NEWV" "$WORK/b-over.json" || fail "Reload theirs wrote the file"
pass "Reload theirs: A shows B's version, the file untouched"

# --- 2. Recovery files belong to their live session --------------------------------------
drag A $((cx - 40)) $((cy + 60)) $((cx + 40)) $((cy + 60))
drag B $((cx - 40)) $((cy + 100)) $((cx + 40)) $((cy + 100))
wait_log "$WORK/A.log" '^autosaved ' 10 || fail "A did not autosave"
wait_log "$WORK/B.log" '^autosaved ' 10 || fail "B did not autosave"
RA=$(grep '^autosaved ' "$WORK/A.log" | tail -1 | cut -d' ' -f2-)
RB=$(grep '^autosaved ' "$WORK/B.log" | tail -1 | cut -d' ' -f2-)
[ -s "$RA" ] && [ -s "$RB" ] || fail "recovery files missing: $RA $RB"

start_instance C "$LIB"
grep -q '^recovery-offer' "$WORK/C.log" && fail "C offered a live session's recovery file: $(grep '^recovery-offer' "$WORK/C.log")"
grep -q '^dialog Restore' "$WORK/C.log" && fail "C showed the restore prompt for live sessions"
kill -9 "$C_PID"
pass "with A and B running, a third instance offers neither recovery file"

kill -9 "$B_PID"; wait "$B_PID" 2>/dev/null || true
sleep 0.5
[ -s "$RB" ] || fail "B's recovery file went with B"
grep -q '^recovery-offer' "$WORK/A.log" && fail "A offered a recovery file while running"
start_instance D "$LIB"
wait_log "$WORK/D.log" "^recovery-offer $RB\$" 5 || fail "D did not offer the dead B's recovery file"
grep -q "^recovery-offer $RA\$" "$WORK/D.log" && fail "D offered A's recovery file while A runs"
wait_log "$WORK/D.log" '^dialog Restore unsaved work' 5 || fail "D showed no restore prompt"
sleep 1
shot D "$WORK/d-offer.png"
click_button D "Restore"
wait_log "$WORK/D.log" "^restored $RB" 5 || fail "D did not restore B's work"
[ -e "$RB" ] && fail "B's recovery file was kept after D took it over"
[ -s "$RA" ] || fail "A's recovery file was deleted while A runs"
kill -0 "$A_PID" 2>/dev/null || fail "A died"
pass "after kill -9 of B, a new instance offers and restores B's file only; A's stays"
