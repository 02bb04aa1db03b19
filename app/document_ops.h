// Document operations behind the menus, the Clients tab and drag and drop: new visit, open,
// save, save as, recent files, the unsaved-changes guard, autosave and crash recovery.
// Errors are shown to the user and never touch the work in progress.
#pragma once

#include <functional>
#include <string>

#include "app/app_state.h"

namespace bodymap::app {

// Sets up the library, session and recent files; offers recovery files from a crashed run.
void initDocuments(AppState& s, const std::string& libraryOption);

// Runs `proceed` now when there are no unsaved changes, else asks first (Save / Don't save /
// Cancel). `action` completes "Save changes before ...?", e.g. "opening another map".
void guardUnsaved(AppState& s, const std::string& action, std::function<void(AppState&)> proceed);

// A new visit for the selected client (or an anonymous map when none is selected); when
// fromPrevious, it starts with the pain of the client's newest visit.
void newVisit(AppState& s, bool fromPrevious);
// Opens a map file; on failure shows the error and keeps the current document.
void openMapFile(AppState& s, const std::string& path);
// Saves to the document's file, or as a new visit in the library. Returns false (and tells the
// user why) when it could not be saved; the work stays open and unsaved.
bool saveDocument(AppState& s);
// Saves to `path` and makes it the document's file.
bool saveDocumentAs(AppState& s, const std::string& path);
// Opens the Save As dialog.
void showSaveAs(AppState& s);
// Opens the Open dialog.
void showOpen(AppState& s);

// Writes the recovery file when there are unsaved changes not yet autosaved and 30 s passed.
void autosaveTick(AppState& s, double now, double intervalSeconds = 30.0);
// Called on a clean exit: the recovery file of this session is no longer needed.
void endSession(AppState& s);

// Re-reads the client list (and the selected client's visits) from disk.
void refreshLibrary(AppState& s);

// Draws the prompts owned by this module (unsaved changes, recovery offer).
void drawDocumentPrompts(AppState& s, const UiContext& ui);

}  // namespace bodymap::app
