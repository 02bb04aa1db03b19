# The clinic server from the window (issue 15): two therapists' windows and an intake tablet on
# one PostgreSQL database, each window on its own Xvfb server. This test starts a throwaway
# cluster of its own (tests/support/pg_server), since it kills it on purpose.
#  1. A therapist without a ~/.pgpass entry is asked for the password in a dialog.
#  2. A and B open the same visit; A saves (version 2); B's save is a conflict, not a loss: B keeps
#     both with "Save mine as a new visit".
#  3. The intake login can add a visit and read nothing (tried with psql); the tablet's Done shows
#     up live in A's visit list.
#  4. The server killed under A: A's save keeps the work in the recovery file and says so; the
#     server back, A offers to save it, and it is saved as the visit's next version.
#  5. A server that takes connections and never answers: the command line gives up with a
#     message, the window stays responsive while it asks again.
source "$(dirname "$0")/lib.sh"
source "$TESTS/app/intake_lib.sh"
use_extra_cleanup
BODY=ece9e5
GREEN=2e7d46
SUPPORT="$TESTS/support"
eval "$("$SUPPORT/pg_server" start)"
PGDIR="$BODYMAP_TEST_PG_DIR"
kill_extra_and_server() { kill_extra; "$SUPPORT/pg_server" stop "$PGDIR"; }
if [ -n "${KEEP_WORK:-}" ]; then trap 'kill_extra_and_server; echo kept $WORK' EXIT; else trap 'kill_extra_and_server; cleanup' EXIT; fi
ADMIN="$BODYMAP_TEST_PG"
db=clinic
psql "$ADMIN" -qAtc "create database $db" || fail "create database"
ADMIN_DB="${ADMIN/dbname=postgres/dbname=$db}"
"$BODYMAP" server init "$ADMIN_DB" >"$WORK/init.out" 2>&1 || fail "server init: $(cat "$WORK/init.out")"
psql "$ADMIN_DB" -qAt >/dev/null <<SQL || fail "logins"
CREATE ROLE anna LOGIN PASSWORD 'anna-pw-1'; GRANT ${db}_therapist TO anna;
CREATE ROLE ben LOGIN PASSWORD 'ben-pw-2'; GRANT ${db}_therapist TO ben;
CREATE ROLE tablet LOGIN PASSWORD 'tablet-pw-3'; GRANT ${db}_intake TO tablet;
SQL
# Passwords of anna and the tablet in the passfile; ben types his.
PASS="$HOME/.pgpass"
host=$(sed -E 's/.*host=([^ ]+).*/\1/' <<<"$ADMIN"); port=$(sed -E 's/.*port=([0-9]+).*/\1/' <<<"$ADMIN")
printf '%s:%s:%s:anna:anna-pw-1\n%s:%s:%s:tablet:tablet-pw-3\n' "$host" "$port" "$db" "$host" "$port" "$db" >"$PASS"
chmod 600 "$PASS"
URL_A="host=$host port=$port dbname=$db user=anna"
URL_B="host=$host port=$port dbname=$db user=ben"
URL_T="host=$host port=$port dbname=$db user=tablet"
"$BODYMAP" library copy "$TESTS/../assets/examples" "$ADMIN_DB" >"$WORK/copy.out" 2>&1 || fail "copy in: $(cat "$WORK/copy.out")"
sql() { psql "$ADMIN_DB" -qAtc "$1"; }
VISIT="visit:$(sql "select id from bodymap.visits where client_id = 'demo-anna' and name = '2026-11-16T10-00-00'")"
[ "$VISIT" != "visit:" ] || fail "the copied visit is not on the server"
ID=${VISIT#visit:}
write_test_pin
cd "$WORK"

front_regions_of() {  # visit id, version: the front regions painted in that saved version
  sql "select map from bodymap.visit_versions where visit_id = $1 and version = $2" >"$WORK/v.json"
  "$BODYMAP" stats "$WORK/v.json" --json | jq -r '.maps[0].regionsWithPain[].id' | grep '^front-' | sort || true
}

# --- 1. The password dialog --------------------------------------------------------------
start_instance A "$URL_A" "$VISIT"
wait_log "$WORK/A.log" "^connected postgresql://anna@.*/$db\$" 5 || fail "A did not connect: $(cat "$WORK/A.out")"
wait_log "$WORK/A.log" "^opened $VISIT version 1\$" 5 || fail "A did not open $VISIT"
start_instance B "$URL_B" "$VISIT"
wait_log "$WORK/B.log" '^dialog Clinic server password$' 5 || fail "B was not asked for the password"
grep -q "^opened $VISIT" "$WORK/B.log" && fail "B opened the visit without a connection"
shot B "$WORK/b-password.png"
on B windowfocus --sync "$B_WID"; sleep 0.5
on B type --delay 40 "wrong-pw"; sleep 0.3; click_button B Connect
wait_log "$WORK/B.log" '^library-error .*password authentication failed' 5 || fail "B's wrong password was not tried: $(grep -v '^button\|^rect' "$WORK/B.log")"
for i in $(seq 1 50); do [ "$(count_log "$WORK/B.log" '^dialog Clinic server password$')" -ge 2 ] && break; sleep 0.1; done
[ "$(count_log "$WORK/B.log" '^dialog Clinic server password$')" -ge 2 ] || fail "the dialog did not come back after a wrong password"
sleep 0.5
on B type --delay 40 "ben-pw-2"; sleep 0.3; on B key Return  # Enter answers the dialog too
wait_log "$WORK/B.log" "^connected postgresql://ben@" 5 || fail "B did not connect with the typed password"
wait_log "$WORK/B.log" "^opened $VISIT version 1\$" 5 || fail "B did not open $VISIT once connected"
grep -rq "ben-pw-2" "$WORK/B.log" "$WORK/B.out" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" 2>/dev/null && fail "the password was written somewhere"
pass "a login without a ~/.pgpass entry is asked for its password in a dialog; a wrong one asks again"

# --- 2. Two therapists save the same visit -----------------------------------------------------
shot A "$WORK/a-start.png"
read -r x0 y0 x1 y1 < <("$PROBE" bbox "$WORK/a-start.png" $BODY 3 290 40 775 940)
cx=$(( (x0 + x1) / 2 )); cy=$(( y0 + (y1 - y0) * 30 / 100 ))
drag A $((cx - 40)) "$cy" $((cx + 40)) "$cy"
on A key ctrl+s
wait_log "$WORK/A.log" "^saved $VISIT version 2\$" 10 || fail "A did not save version 2"
drag B $((cx - 40)) $((cy + 170)) $((cx + 40)) $((cy + 170))
on B key ctrl+s
wait_log "$WORK/B.log" '^dialog Visit changed on disk' 10 || fail "B saved over A's version without asking"
[ "$(sql "select current_version from bodymap.visits where id = $ID")" = 2 ] || fail "B's save changed the visit before the answer"
sleep 1
shot B "$WORK/b-conflict.png"
click_button B "Save mine as a new visit"
wait_log "$WORK/B.log" '^saved visit:[0-9]+ version 1$' 10 || fail "B's 'save mine as a new visit' did not save"
NEWV=$(grep '^saved visit:' "$WORK/B.log" | tail -1 | cut -d' ' -f2)
[ "$NEWV" != "$VISIT" ] || fail "B's work went into A's visit"
ra=$(front_regions_of "$ID" 2); rb=$(front_regions_of "${NEWV#visit:}" 1)
[ -n "$ra" ] || fail "A's stroke is missing from version 2"
[ -n "$rb" ] || fail "B's stroke is missing from the new visit"
[ -z "$(comm -12 <(echo "$ra") <(echo "$rb"))" ] || fail "the saves share strokes: A [$ra] B [$rb]"
[ -z "$(front_regions_of "$ID" 1)" ] || fail "version 1 changed"
pass "A saved version 2; B's save was a conflict, kept as the new visit $NEWV; version 1 kept"
wait_log "$WORK/A.log" '^listed 1 clients, 6 visits' 5 || fail "A's list did not pick up B's new visit"

# --- 3. The intake login, with psql and from the tablet ---------------------------------------
tablet_sql() { PGPASSFILE="$PASS" psql "$URL_T" -qAtc "$1" 2>&1 || true; }
for q in "select count(*) from bodymap.visits" "select map from bodymap.visit_versions limit 1" \
         "select * from bodymap.visit_summary" "select display_name from bodymap.clients" \
         "update bodymap.visits set visit_time = 'x'" "delete from bodymap.visit_versions"; do
  tablet_sql "$q" | grep -q "permission denied" || fail "the intake login was not refused: $q: $(tablet_sql "$q")"
done
name=$(tablet_sql "select bodymap.intake_client_name('demo-anna')")
[ "$name" = "$(sql "select display_name from bodymap.clients where id = 'demo-anna'")" ] || fail "intake_client_name: $name"
pass "psql as the intake login: every read and change of other data refused by the server"

before=$(sql "select count(*) from bodymap.visits where client_id = 'demo-anna'")
start_instance T "$URL_T" intake --client demo-anna
wait_log "$WORK/T.log" '^connected .* add-only$' 5 || fail "the tablet did not connect as add-only"
wait_log "$WORK/T.log" '^intake-start demo-anna$' 5 || fail "the intake did not start: $(cat "$WORK/T.out")"
on T mousemove --window "$T_WID" 5 500; sleep 0.3
shot T "$WORK/t-blank.png"
read -r tx0 ty0 tw th < <(grep "^rect panel-chart " "$WORK/T.log" | tail -1 | cut -d" " -f3-)
set -- $("$PROBE" bbox "$WORK/t-blank.png" $BODY 3 "$tx0" "$ty0" $((tx0 + tw)) $((ty0 + th)))
fx=$(( $1 + ($3 - $1) / 4 )); fy=$(( $2 + ($4 - $2) * 3 / 10 ))
drag T $((fx - 40)) "$fy" $((fx + 40)) "$fy"
shot T "$WORK/t-drawing.png"
set -- $("$PROBE" bbox "$WORK/t-drawing.png" $GREEN 6) || fail "no Done button on the tablet"
nA=$(count_log "$WORK/A.log" '^listed ')
on T mousemove $(( ($1 + $3) / 2 )) $(( ($2 + $4) / 2 )); sleep 0.2; on T click 1
wait_log "$WORK/T.log" '^intake-saved visit:[0-9]+$' 5 || fail "the tablet's Done did not save: $(tail -3 "$WORK/T.log")"
t0=$(date +%s%N)
for i in $(seq 1 100); do grep '^listed ' "$WORK/A.log" | tail -1 | grep -q ', 7 visits' && break; sleep 0.02; done
t1=$(date +%s%N)
grep '^listed ' "$WORK/A.log" | tail -1 | grep -q ', 7 visits' || fail "the tablet's visit did not appear in A's list"
ms=$(( (t1 - t0) / 1000000 ))
[ "$ms" -lt 1000 ] || fail "the tablet's visit took $ms ms to reach A's list"
[ "$(sql "select count(*) from bodymap.visits where client_id = 'demo-anna'")" = $((before + 1)) ] || fail "the intake did not add exactly one visit"
shot A "$WORK/a-live.png"
# The stored figures beside each visit in the list, as the server has them.
want=$(sql "select 'visit-figures visit:' || visit_id || ' max ' || max_intensity || ', WPI ' || wpi from bodymap.visit_summary where visit_id = $ID")
grep -qxF "$want" "$WORK/A.log" || fail "A's visit list does not show the stored figures \"$want\": $(grep '^visit-figures' "$WORK/A.log" | head -3)"
pass "the tablet's Done reached A's visit list in $ms ms (LISTEN/NOTIFY)"
kill -9 "$T_PID"

# --- 4. The server killed under A -------------------------------------------------------------
drag A $((cx - 40)) $((cy + 60)) $((cx + 40)) $((cy + 60))
"$SUPPORT/pg_server" kill "$PGDIR"
on A key ctrl+s
wait_log "$WORK/A.log" '^save-disconnected kept ' 10 || fail "A's save with the server down did not keep the work"
REC=$(grep '^save-disconnected kept ' "$WORK/A.log" | tail -1 | cut -d' ' -f3-)
[ -s "$REC" ] || fail "no recovery file at $REC"
[ "$(stat -c %a "$REC")" = 600 ] || fail "the recovery file is not 0600"
[ "$(jq -r '.editing' "$REC")" = "$VISIT" ] || fail "the recovery file does not name $VISIT: $(jq -c '.editing' "$REC")"
sleep 1
shot A "$WORK/a-offline.png"
on A key Return; sleep 0.5   # the error dialog
(cd / && "$SUPPORT/pg_server" start-again "$PGDIR")
wait_log "$WORK/A.log" '^reconnected$' 15 || fail "A did not reconnect"
wait_log "$WORK/A.log" '^dialog The clinic server is back$' 5 || fail "A did not offer to save on reconnecting"
sleep 0.5
shot A "$WORK/a-back.png"
click_button A "Save now"
wait_log "$WORK/A.log" "^saved $VISIT version 3\$" 10 || fail "A's work was not saved after reconnecting"
[ "$(sql "select count(*) from bodymap.visit_versions where visit_id = $ID")" = 3 ] || fail "expected 3 versions"
[ -e "$REC" ] && fail "the recovery file stayed after the save"
[ -n "$(front_regions_of "$ID" 3)" ] || fail "version 3 has no front pain"
pass "the server killed: the work stayed in the recovery file ($REC); back, A offered to save it as version 3"

# --- 5. A server that has gone silent ---------------------------------------------------------
# A TCP port that takes connections and never answers (a host whose database hangs): libpq would
# wait forever without a connect timeout. The command line gives up with a message; the window
# opens, says so, and keeps answering while it asks again on a worker.
python3 -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(64); print(s.getsockname()[1], flush=True)
held = []
while True: held.append(s.accept()[0])
' >"$WORK/silent.port" &
EXTRA_PIDS+=($!)
disown $!
wait_file "$WORK/silent.port" 10 || fail "the silent server did not start"
SILENT="host=127.0.0.1 port=$(cat "$WORK/silent.port") dbname=$db user=anna"
timeout 60 "$BODYMAP" library copy "$TESTS/../assets/examples" "$SILENT" >"$WORK/silent.out" 2>&1 && fail "a copy to a silent server succeeded"
[ $? -ne 124 ] || fail "a copy to a silent server hung"
grep -q "postgresql://anna@127.0.0.1:.*timeout" "$WORK/silent.out" || fail "the copy's message does not name the server and the timeout: $(cat "$WORK/silent.out")"
start_instance S "$SILENT"
wait_log "$WORK/S.log" '^library-error .*timeout' 5 || fail "S did not say the server does not answer: $(grep -v '^button\|^rect' "$WORK/S.log")"
wait_log "$WORK/S.log" '^server-silent$' 20 || fail "S did not ask the silent server again"
# While it asks (5 s per try, every 3 s) the window keeps drawing: each screenshot is taken by
# the frame loop, so one that comes late means a frozen frame.
for i in 1 2 3 4 5 6; do
  rm -f "$WORK/S-shot.png"; kill -USR1 "$S_PID"
  wait_file "$WORK/S-shot.png" 2 || fail "S froze while asking the silent server again (screenshot $i)"
  sleep 1.5
done
cp "$WORK/S-shot.png" "$WORK/s-silent.png"
kill -9 "$S_PID"
pass "a silent server: the copy gives up with a message, the window stays responsive and keeps asking"

# Screenshots for people to look at (KEEP_WORK=1 keeps them).
for f in b-password b-conflict a-live a-offline a-back s-silent; do [ -s "$WORK/$f.png" ] || fail "no $f.png"; done
pass "clinic server from the window"
