# The therapist UI's language: --lang for one run, the "language" setting, --lang winning over the
# setting without replacing it, Settings > Language switching at once and saved; and a report
# exported through the dialog in the pseudo-locale has pseudo text in its PDF. (pseudo, not de:
# its strings are known without a catalog: "[", accents, "~" padding.)
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/intake_lib.sh"
start_xvfb
LIB="$WORK/lib"
LOG="$WORK/test.log"
cp -r "$TESTS/../assets/examples" "$LIB"
VISIT="$LIB/demo-anna/2026-10-05T10-00-00.json"
SETTINGS="$XDG_CONFIG_HOME/bodymap/settings.json"
PSEUDO_BUTTON='^button \[[^ ]*[áéíóúñçÁÉÍÓÚ]'

write_settings() {
  mkdir -p "$XDG_CONFIG_HOME/bodymap"
  printf '%s\n' "$1" >"$SETTINGS"
  chmod 600 "$SETTINGS"
}
settings_ui() {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("language", {}).get("ui", ""))' "$SETTINGS"
}

# (a) --lang pseudo: the logged language and the button labels are the pseudo strings.
start_app --lang pseudo "$VISIT"
wait_log "$LOG" '^language pseudo$' 5 || fail "(a) no 'language pseudo' logged"
wait_log "$LOG" "$PSEUDO_BUTTON" 10 || fail "(a) no pseudo button label logged"
grep -q '^button From last visit ' "$LOG" && fail "(a) an English button label with --lang pseudo"
stop_app
pass "(a) --lang pseudo translates the UI"

# (b) the setting alone gives the same.
write_settings '{"language": {"ui": "pseudo", "report": ""}}'
start_app "$VISIT"
wait_log "$LOG" '^language pseudo$' 5 || fail "(b) the ui setting was not used"
wait_log "$LOG" "$PSEUDO_BUTTON" 10 || fail "(b) no pseudo button label logged"
stop_app
pass "(b) the language setting translates the UI"

# (c) --lang en wins for the run; the setting still says pseudo afterwards.
start_app --lang en "$VISIT"
wait_log "$LOG" '^language en$' 5 || fail "(c) --lang en did not win over the setting"
wait_log "$LOG" '^button From last visit ' 10 || fail "(c) no English button label"
grep -Eq "$PSEUDO_BUTTON" "$LOG" && fail "(c) a pseudo label with --lang en"
stop_app
[ "$(settings_ui)" = pseudo ] || fail "(c) --lang replaced the saved setting: $(cat "$SETTINGS")"
pass "(c) --lang wins for the run and leaves the setting"

# (d) Settings > Language > English switches at once and is saved.
start_app "$VISIT"
wait_log "$LOG" '^language pseudo$' 5 || fail "(d) did not start in pseudo"
click menu-settings
wait_log "$LOG" '^button menu-language ' 5 || fail "(d) the Settings menu did not open"
pos=$(button_pos "$LOG" menu-language)
xdotool mousemove --window "$WID" $pos; sleep 0.8   # a submenu opens on hover
wait_log "$LOG" '^button lang-en ' 5 || fail "(d) the Language submenu did not open"
grep -q '^button lang-de ' "$LOG" || fail "(d) Deutsch is not listed"
click lang-en
wait_log "$LOG" '^language en$' 5 || fail "(d) choosing English did not switch the UI"
wait_log "$LOG" '^button From last visit ' 5 || fail "(d) the labels did not become English"
[ "$(settings_ui)" = en ] || fail "(d) the choice was not saved: $(cat "$SETTINGS")"
stop_app
pass "(d) Settings > Language switches the UI and saves it"

# (e) An export through the dialog in pseudo: the PDF's text is pseudo.
write_settings '{"language": {"ui": "pseudo", "report": ""}}'
start_app "$VISIT"
wait_log "$LOG" '^language pseudo$' 5 || fail "(e) did not start in pseudo"
xdotool key ctrl+e
wait_log "$LOG" '^dialog Referral report$' 5 || fail "(e) no report dialog"
wait_log "$LOG" '^report-paper ' 5 || fail "(e) no paper logged"
sleep 0.5
xdotool key Return; sleep 1.5           # Save PDF... (the dialog's default button)
xdotool key ctrl+a; sleep 0.3
xdotool type --delay 30 "$WORK/report"; sleep 0.5
xdotool keydown Return; sleep 0.15; xdotool keyup Return
for _ in $(seq 1 150); do [ -s "$WORK/report.pdf" ] && break; sleep 0.2; done
[ -s "$WORK/report.pdf" ] || { screenshot "$WORK/fail.png"; fail "(e) no report written"; }
sleep 0.5
pdftotext "$WORK/report.pdf" "$WORK/report.txt"
grep -q "Anna Beispiel" "$WORK/report.txt" || fail "(e) client name not in the PDF"
grep -Eq '\[[^]]*[áéíóúñç][^]]*\]' "$WORK/report.txt" || fail "(e) no pseudo text in the PDF"
stop_app
pass "(e) the report exported in pseudo has pseudo text"

# (f) The report's language in the dialog: Deutsch gives A4 (pseudo, like en, gives Letter) and
# is remembered in the settings.
write_settings '{"language": {"ui": "pseudo", "report": ""}}'
start_app "$VISIT"
xdotool key ctrl+e
wait_log "$LOG" '^dialog Referral report$' 5 || fail "(f) no report dialog"
wait_log "$LOG" '^report-paper letter$' 5 || fail "(f) pseudo (English conventions) did not give Letter"
sleep 0.5
click report-language
wait_log "$LOG" '^button report-lang-de ' 5 || fail "(f) the language list did not open"
click report-lang-de
wait_log "$LOG" '^report-language de$' 5 || fail "(f) Deutsch was not picked"
wait_log "$LOG" '^report-paper a4$' 5 || fail "(f) the paper did not follow the language"
python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["language"]["report"] != "de")' "$SETTINGS" ||
  fail "(f) the report language was not saved: $(cat "$SETTINGS")"
stop_app
pass "(f) the report language follows the pick, sets the paper and is saved"
