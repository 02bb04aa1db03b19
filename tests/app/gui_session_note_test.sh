# The therapist's session note (issue 16): SOAP and the treatment typed in the Visit tab of a
# version 1 visit, saved (now format version 2, every field in the file, the version 1 file kept
# as the backup byte for byte), reopened with the note; the visit search finds it by its text;
# a version 1 visit opened and closed without a change stays byte for byte.
source "$(dirname "$0")/lib.sh"
use_extra_cleanup
cp -r "$TESTS/../assets/examples" "$WORK/lib"
chmod -R u+w "$WORK/lib"
V="$WORK/lib/demo-anna/2026-10-26T10-00-00.json"
U="$WORK/lib/demo-anna/2026-10-05T10-00-00.json"
orig=$(sha256sum <"$V"); origU=$(sha256sum <"$U")
grep -q '"version": 1,' "$V" || fail "the example is not a version 1 file"

field() {  # instance, logged name: clicks into it (it must be on screen)
  click_button "$1" "$2"
}
start_instance A "$WORK/lib" "$V"
wait_log "$WORK/A.log" "^opened $V" 5 || fail "A did not open $V"
# Ctrl+J: the Visit tab with its session note open and scrolled into view.
on A key ctrl+j
wait_log "$WORK/A.log" '^button session-note ' 5 || fail "Ctrl+J showed no session note section"
wait_log "$WORK/A.log" '^button soap-s ' 5 || fail "the session note did not open"
sleep 0.5
type_into() {  # logged name, text
  field A "$1"; on A type --delay 20 "$2"; sleep 0.2
}
type_into soap-s "Calf pain after long runs"
type_into soap-o "Active trigger point, gastrocnemius medial head"
type_into soap-a "Calf overload, improving"
type_into soap-p "Weekly, 3 more sessions"
type_into field-techniques "deep tissue, myofascial release"
type_into field-areas "right calf"
field A field-minutes; on A key ctrl+a; on A type "45"; sleep 0.2
on A mousemove 1500 990; sleep 0.3
shot A "$WORK/a-session.png"
# Ctrl+S while still typing in the field saves what was typed, the field's text included.
n=$(count_log "$WORK/A.log" '^saved ')
on A key ctrl+s
for i in $(seq 1 50); do [ "$(count_log "$WORK/A.log" '^saved ')" -gt "$n" ] && break; sleep 0.1; done
[ "$(count_log "$WORK/A.log" '^saved ')" -gt "$n" ] || fail "Ctrl+S did not save"
[ "$(jq -r .version "$V")" = 2 ] || fail "a visit with a session note is not format version 2"
got=$(jq -c '.session' "$V")
want='{"subjective":"Calf pain after long runs","objective":"Active trigger point, gastrocnemius medial head","assessment":"Calf overload, improving","plan":"Weekly, 3 more sessions","treatment":{"techniques":"deep tissue, myofascial release","areas":"right calf","minutes":45}}'
[ "$got" = "$want" ] || fail "the saved session note: $got"
[ "$(sha256sum <"$V.bak")" = "$orig" ] || fail "the version 1 file was not kept byte for byte as the backup"
"$BODYMAP" validate "$V" >"$WORK/validate.out" 2>&1 || fail "validate refused the saved file: $(cat "$WORK/validate.out")"
pass "SOAP and treatment typed, saved as format version 2, the version 1 file kept as the backup"

# The visit search finds it by the text of its note, and only it. (The panel scrolled down to
# the note: wheel it back up to its tabs first.)
on A mousemove 1450 600; for i in $(seq 1 15); do on A click 4; sleep 0.03; done; sleep 0.5
wait_log "$WORK/A.log" '^button tab-Clients [0-9]+ [0-9]+$' 5 || fail "the tabs did not scroll back"
tail_pos=$(grep '^button tab-Clients ' "$WORK/A.log" | tail -1)
case "$tail_pos" in *" -"*) fail "the tabs are still scrolled away: $tail_pos";; esac
click_button A tab-Clients
wait_log "$WORK/A.log" '^button visit-search ' 5 || fail "no visit search field"
click_button A visit-search
on A type --delay 20 "gastrocnemius"; sleep 0.8
wait_log "$WORK/A.log" '^visit-search 1 of [0-9]+$' 5 || fail "the search did not find exactly the one visit: $(grep '^visit-search' "$WORK/A.log" | tail -2)"
shot A "$WORK/a-search.png"
on A key ctrl+a; on A type --delay 20 "no such words"; sleep 0.8
wait_log "$WORK/A.log" '^visit-search 0 of [0-9]+$' 5 || fail "a search for text in no visit still matched"
pass "the visit search finds the visit by its session note"
kill -9 "$A_PID"

# Reopened, the note is there (the Visit tab opens the section of a visit that has one).
start_instance B "$WORK/lib" "$V"
wait_log "$WORK/B.log" "^opened $V" 5 || fail "B did not open $V"
on B key ctrl+j
wait_log "$WORK/B.log" '^button soap-s ' 5 || fail "B showed no session note"
sleep 0.5
shot B "$WORK/b-reopened.png"
kill -9 "$B_PID"

# A version 1 visit opened and closed without a change is not touched.
start_instance C "$WORK/lib" "$U"
wait_log "$WORK/C.log" "^opened $U" 5 || fail "C did not open $U"
on C key ctrl+j; sleep 0.5
on C key ctrl+q; sleep 1.5
[ "$(sha256sum <"$U")" = "$origU" ] || fail "a version 1 visit opened and closed changed on disk"
[ -e "$U.bak" ] && fail "a version 1 visit opened and closed got a backup"
pass "a version 1 visit opened and closed stays byte for byte"
for f in a-session a-search b-reopened; do [ -s "$WORK/$f.png" ] || fail "no $f.png"; done
pass "session note"
