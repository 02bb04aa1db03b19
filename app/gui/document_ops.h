// Document operations behind the menus, the Clients tab and drag and drop: new visit, open,
// save, save as, recent files, the unsaved-changes guard, autosave and crash recovery.
// Errors are shown to the user and never touch the work in progress.
#pragma once

#include <functional>
#include <string>

#include "app/gui/app_state.h"

namespace bodymap::app {

// Sets up the library and recent files; offers the recovery files of crashed runs (never those
// of running instances). The recovery session starts with the first autosave. `unattended`
// (--screenshot, --bench): no offer.
// Writes the settings (recent files, PIN hash, window size) atomically, 0600. False on failure.
bool saveSettings(AppState& s);

// `password`: the clinic server's, when `bodymap intake` asked for it on the terminal.
void initDocuments(AppState& s, const std::string& libraryOption, bool unattended = false,
                   const std::string& password = {});
// The therapist UI's language at start: `option` (--lang, for this run only: the setting is not
// replaced), else the setting, else the system's. Logs "language TAG" for tests.
void startUiLanguage(AppState& s, const std::string& option);
// Settings > Language: switches the UI to `tag` at once and keeps it in the settings.
void chooseUiLanguage(AppState& s, const std::string& tag);
// The therapist PIN's hash as kept in the settings file (empty when none is set or the file
// cannot be read), for `bodymap intake` to refuse before opening a window.
std::string storedPinHash();

// What waits for a save to succeed (e.g. quitting after "Save" in the unsaved-changes prompt).
using AfterSave = std::function<void(AppState&)>;

// Runs `proceed` now when there are no unsaved changes, else asks first (Save / Don't save /
// Cancel). `question` is the whole translated question, e.g. tr("Save the changes to %s before
// opening another map?") with one %s for the document's name. "Save"
// runs `proceed` only once the save succeeded (also when it needed the Save As dialog or the
// conflict prompt first); "Don't save" leaves the document as it is and runs `proceed`, which
// replaces it (or quits) when it succeeds.
void guardUnsaved(AppState& s, const std::string& question, std::function<void(AppState&)> proceed);
// Quit, asking about unsaved changes first; the session's recovery file goes once answered.
void requestQuit(AppState& s);

// A new visit for the selected client (or an anonymous map when none is selected); when
// fromPrevious, it starts with the pain of the client's newest visit.
void newVisit(AppState& s, bool fromPrevious);
// The map a new visit starts with: a blank chart of `templ` for the client, with a fresh visit
// time; from `previous` (the client's last visit) only the pain is taken (intensities and
// qualities, when the grids match), never who drew it, the therapist, the notes or the tags.
maps::PainMap startVisit(const maps::BodyTemplate& templ, const std::string& clientId,
                         const std::string& clientName, const maps::PainMap* previous,
                         const std::string& visitTime);
// Opens a map file; on failure shows the error and keeps the current document (and its
// unsaved-changes flag) exactly as it was.
void openMapFile(AppState& s, const std::string& path);
// Saves to the document's file, or as a new visit in the library. Returns true when it was
// saved now; false when it failed (the user is told why; the work stays open and unsaved) or
// waits for the user (Save As dialog, or the conflict prompt when another window or program
// changed the file since it was opened). `then` runs after the save succeeded, now or later.
bool saveDocument(AppState& s, AfterSave then = {});
// Saves to `path` and makes it the document's file (same contract as saveDocument).
bool saveDocumentAs(AppState& s, const std::string& path, AfterSave then = {});
// Opens the Save As dialog; `then` runs once the map was saved from it.
void showSaveAs(AppState& s, AfterSave then = {});
// Opens the Open dialog.
void showOpen(AppState& s);

// Done in intake: saves the document as a new visit of its client (atomically, fsynced, never
// replacing a file) and makes it the document's file. False with `error` set on failure (no
// dialog: the client is told calmly; the work stays open and unsaved).
bool saveIntakeVisit(AppState& s, std::string& error);
// Restores the newest orphaned recovery file of an intake of `clientId` (whose map is that
// client's) into the document, claiming it; other recovery files are neither shown nor touched.
// True when one was restored.
bool restoreIntakeRecovery(AppState& s, const std::string& clientId);

// Writes the recovery file when there are unsaved changes not yet autosaved and 30 s passed.
// During an intake the file records the intake's client.
void autosaveTick(AppState& s, double now, double intervalSeconds = 30.0);
// Called on a clean exit: the recovery file of this session is no longer needed.
void endSession(AppState& s);

// Draws the prompts owned by this module (unsaved changes, save conflict, recovery offer).
void drawDocumentPrompts(AppState& s, const UiContext& ui);

}  // namespace bodymap::app
