# The document flow in the real window (defects from the walkthrough of issue 12):
# (a) a failed open after "Don't save" keeps the work and its unsaved flag: Ctrl+Q still asks;
# (b) Quit, then "Save" on an untitled map quits once the save succeeded (through the Save As
#     dialog when the map has no client; not when that dialog is cancelled), and on an untitled
#     visit of a client (saved as a new visit);
# (c) "From last visit" takes only the pain: drawn by the client, no therapist, a fresh time.
source "$(dirname "$0")/lib.sh"
use_extra_cleanup
start_extra_xvfb  # (-noreset: the app is killed and restarted between the steps)
export DISPLAY="$NEW_DISPLAY"
BODY=ece9e5
LIB="$WORK/lib"
cp -r "$TESTS/../assets/examples" "$LIB"
CLIENT="$LIB/demo-anna"
LAST="$CLIENT/2026-11-16T10-00-00.json"
# The last visit was drawn by the therapist: a new visit from it must not say so.
jq '.visit.drawnBy = "therapist" | .visit.notes = "old notes"' "$LAST" >"$WORK/last.json"
mv "$WORK/last.json" "$LAST"
"$BODYMAP" validate "$LAST" >/dev/null || fail "test setup: edited visit does not validate"
printf '{"format": "bodymap", "version": 1, "template": ' >"$WORK/bad.json"
cd "$WORK"
LOG="$WORK/test.log"

start_app() {
  : >"$LOG"
  BODYMAP_TEST_LOG="$LOG" "$BODYMAP" --library "$LIB" --signal-screenshot "$WORK/shot.png" \
    --size 1600x1000 "$@" >>"$WORK/app.out" 2>&1 &
  APP_PID=$!
  WID=$(xdotool search --sync --onlyvisible --name '^BodyMap' | head -1)
  [ -n "$WID" ] || fail "window did not appear"
  xdotool windowfocus --sync "$WID" 2>/dev/null || true
  wait_log "$LOG" '^ready$' 20 || fail "the app did not get ready"
  sleep 1
}
drag() {
  xdotool mousemove "$1" "$2"; sleep 0.1; xdotool mousedown 1; sleep 0.1
  local i
  for i in $(seq 1 10); do
    xdotool mousemove $(( $1 + ($3 - $1) * i / 10 )) $(( $2 + ($4 - $2) * i / 10 )); sleep 0.03
  done
  sleep 0.1; xdotool mouseup 1; sleep 0.1; xdotool mousemove 1500 990; sleep 0.3
}
click_button() {
  local pos
  pos=$(button_pos "$LOG" "$1")
  [ -n "$pos" ] || fail "no button \"$1\" on screen"
  xdotool mousemove $pos; sleep 0.2; xdotool click 1; sleep 0.5
}
prompts() { grep -c '^dialog Unsaved changes' "$LOG" || true; }
wait_exit() {
  local i
  for i in $(seq 1 100); do
    kill -0 "$APP_PID" 2>/dev/null || { wait "$APP_PID" 2>/dev/null || true; APP_PID=""; return 0; }
    sleep 0.1
  done
  return 1
}
paint() { drag $((cx - 40)) "$1" $((cx + 40)) "$1"; }

# --- (a) failed open after "Don't save" -------------------------------------------------
start_app "$CLIENT/2026-10-05T10-00-00.json"
screenshot "$WORK/start.png"
read -r x0 y0 x1 y1 < <("$PROBE" bbox "$WORK/start.png" $BODY 3 290 40 775 940)
cx=$(( (x0 + x1) / 2 )); cy=$(( y0 + (y1 - y0) * 36 / 100 ))
paint "$cy"
xdotool key ctrl+o; sleep 0.8
xdotool type --delay 20 "$WORK/bad.json"; sleep 0.3
xdotool key Return
wait_log "$LOG" '^dialog Unsaved changes' 5 || fail "(a) no unsaved-changes prompt before opening"
sleep 0.8
click_button "Don't save"
wait_log "$LOG" "^open-failed $WORK/bad.json" 5 || fail "(a) the bad file was not refused"
wait_log "$LOG" '^dialog Problem' 5 || fail "(a) no error shown for the bad file"
sleep 0.5
xdotool key Return; sleep 0.5
xdotool key ctrl+q; sleep 1.2
kill -0 "$APP_PID" 2>/dev/null || fail "(a) quit without asking after a failed open"
[ "$(prompts)" -eq 2 ] || fail "(a) Ctrl+Q did not ask about the unsaved work ($(prompts) prompts)"
screenshot "$WORK/a-quit.png"
[ "$("$PROBE" count "$WORK/a-quit.png" $BODY 3 290 0 775 1000)" -lt 1000 ] || fail "(a) no prompt on screen"
click_button "Cancel"
grep -q '^opened ' <(grep -v "2026-10-05" "$LOG") && fail "(a) something else was opened"
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
pass "(a) a failed open after \"Don't save\" keeps the work unsaved: Ctrl+Q still asks"

# --- (c) From last visit -----------------------------------------------------------------
start_app "$CLIENT/2026-10-05T10-00-00.json"
wait_log "$LOG" '^button From last visit ' 5 || fail "(c) no From last visit button"
sleep 0.5
click_button "From last visit"
sleep 0.5
xdotool key ctrl+s
wait_log "$LOG" "^saved $CLIENT/" 5 || fail "(c) the new visit was not saved"
fresh=$(grep '^saved ' "$LOG" | tail -1 | cut -d' ' -f2-)
newest=$(ls "$CLIENT"/*.json | grep -v client.json | grep -v "$(basename "$fresh")" | sort | tail -1)
[ "$(jq -r '.visit.drawnBy' "$fresh")" = client ] || fail "(c) drawn by copied from the last visit: $(jq -r '.visit.drawnBy' "$fresh")"
[ -z "$(jq -r '.visit.therapist // empty' "$fresh")" ] || fail "(c) therapist copied from the last visit"
[ -z "$(jq -r '.visit.notes // empty' "$fresh")" ] || fail "(c) notes copied from the last visit"
[ "$(jq -r '.visit.time' "$fresh")" != "$(jq -r '.visit.time' "$newest")" ] || fail "(c) the visit time was copied"
pa=$("$BODYMAP" stats "$fresh" --json | jq -c '.maps[0].views | [.front.paintedCells, .back.paintedCells]')
pb=$("$BODYMAP" stats "$newest" --json | jq -c '.maps[0].views | [.front.paintedCells, .back.paintedCells]')
[ "$pa" = "$pb" ] && [ "$pa" != "[0,0]" ] || fail "(c) the pain was not taken from the last visit ($pa vs $pb of $(basename "$newest"))"
pass "(c) From last visit: the pain of $(basename "$newest"), drawn by the client, no therapist, a fresh time"
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

# --- (b) Quit, Save on an untitled map without a client: Save As, cancelled, then done ----
start_app
paint "$cy"
xdotool key ctrl+q
wait_log "$LOG" '^dialog Unsaved changes' 5 || fail "(b) no prompt on quit"
sleep 0.8
click_button "Save"
sleep 1
xdotool key Escape; sleep 1   # cancels the Save As dialog
kill -0 "$APP_PID" 2>/dev/null || fail "(b) quit although the Save As dialog was cancelled"
grep -q '^saved ' "$LOG" && fail "(b) saved although the dialog was cancelled"
pass "(b) Save As cancelled: nothing saved, still running"
xdotool key ctrl+q
wait_log "$LOG" '^dialog Unsaved changes.*' 5 || true
sleep 1
[ "$(prompts)" -eq 2 ] || fail "(b) the second Ctrl+Q did not ask ($(prompts) prompts)"
click_button "Save"
sleep 1
xdotool key Return   # accepts the suggested name in the current folder
wait_log "$LOG" "^saved $WORK/.*\\.json\$" 5 || fail "(b) the Save As dialog did not save"
saved=$(grep '^saved ' "$LOG" | tail -1 | cut -d' ' -f2-)
wait_exit || fail "(b) saved but did not quit"
"$BODYMAP" validate "$saved" >/dev/null || fail "(b) saved file does not validate"
[ "$("$BODYMAP" stats "$saved" --json | jq '.maps[0].views.front.paintedCells')" -gt 0 ] || fail "(b) the stroke was not saved"
pass "(b) Quit > Save > Save As: saved $(basename "$saved") and quit"

# --- (b') Quit, Save on an untitled visit of a client: a new visit, then quit -------------
before=$(ls "$CLIENT"/*.json | grep -vc client.json)
BODYMAP_AUTOSAVE_SECONDS=1 start_app "$CLIENT/2026-10-05T10-00-00.json"
xdotool key ctrl+n; sleep 0.5
paint "$cy"
wait_log "$LOG" '^autosaved ' 10 || fail "(b') no autosave"
session=$(grep '^autosaved ' "$LOG" | tail -1 | cut -d' ' -f2-)
[ -s "$session" ] || fail "(b') no recovery file after the autosave"
xdotool key ctrl+q
wait_log "$LOG" '^dialog Unsaved changes' 5 || fail "(b') no prompt on quit"
sleep 0.8
click_button "Save"
wait_log "$LOG" "^saved $CLIENT/" 5 || fail "(b') not saved as a new visit"
wait_exit || fail "(b') saved but did not quit"
after=$(ls "$CLIENT"/*.json | grep -vc client.json)
[ "$after" -eq $((before + 1)) ] || fail "(b') expected one new visit ($before -> $after)"
[ ! -e "$session" ] || fail "(b') the session's recovery file was left after a clean quit"
pass "(b') Quit > Save on a client's new visit: saved into the library and quit"

# --- (d) a recovery file whose `editing` path is not a visit of the library ---------------
# (a planted file, or one naming a file outside): restored, but saved as a new visit of its
# client; the named file is never written.
echo "my own notes, not a map" >"$WORK/notes.txt"
cp "$WORK/notes.txt" "$WORK/notes.orig"
export BODYMAP_AUTOSAVE_SECONDS=1
start_app "$CLIENT/2026-10-05T10-00-00.json"
paint "$cy"
wait_log "$LOG" '^autosaved ' 10 || fail "(d) no autosave"
rec=$(grep '^autosaved ' "$LOG" | tail -1 | cut -d' ' -f2-)
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
jq --arg p "$WORK/notes.txt" '.editing = $p' "$rec" >"$WORK/rec.json" && mv "$WORK/rec.json" "$rec"
before=$(ls "$CLIENT"/*.json | grep -vc client.json)
start_app
wait_log "$LOG" "^recovery-offer $rec\$" 5 || fail "(d) the orphaned recovery file was not offered"
wait_log "$LOG" '^dialog Restore unsaved work' 5 || fail "(d) no restore prompt"
sleep 0.8
click_button "Restore"
wait_log "$LOG" "^restored $rec outside" 5 || fail "(d) the editing path outside the library was honoured"
wait_log "$LOG" '^dialog Problem' 5 || fail "(d) the user was not told"
sleep 0.5
screenshot "$WORK/d-told.png"
xdotool key Return; sleep 0.5
xdotool key ctrl+s
wait_log "$LOG" "^saved $CLIENT/" 5 || fail "(d) the restored work was not saved as a new visit"
cmp -s "$WORK/notes.txt" "$WORK/notes.orig" || fail "(d) the file named by the recovery file was written"
after=$(ls "$CLIENT"/*.json | grep -vc client.json)
[ "$after" -eq $((before + 1)) ] || fail "(d) expected one new visit ($before -> $after)"
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
pass "(d) a recovery file naming a file outside the library is saved as a new visit; the file is untouched"

# --- (e) symlinked client folders and visit files are listed as problems, never opened ------
mkdir -p "$WORK/outside/evil"
cp "$CLIENT/client.json" "$WORK/outside/evil/"
cp "$CLIENT/2026-10-05T10-00-00.json" "$WORK/outside/visit.json"
cp "$WORK/outside/visit.json" "$WORK/outside/visit.orig"
ln -s "$WORK/outside/evil" "$LIB/evil-client"
ln -s "$WORK/outside/visit.json" "$CLIENT/2026-12-31T10-00-00.json"
start_app "$CLIENT/2026-10-05T10-00-00.json"
wait_log "$LOG" '^listed 1 clients, .* 2 problems$' 5 || fail "(e) the symlinks were not listed as problems: $(grep '^listed' "$LOG" | tail -1)"
screenshot "$WORK/e-problems.png"
# The warning line (orange-brown text) is in the Clients panel.
[ "$("$PROBE" count "$WORK/e-problems.png" 995900 60 1262 250 1600 450)" -gt 100 ] || fail "(e) no warning list in the Clients panel"
cmp -s "$WORK/outside/visit.json" "$WORK/outside/visit.orig" || fail "(e) a file outside the library changed"
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
pass "(e) a symlinked client folder and visit file are shown as problems, not as clients or visits"
