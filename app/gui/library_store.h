// The window's side of the store (maps/store): opens the library given with --library (a folder
// or the clinic server, asking for the server's password in a dialog when it wants one), lists
// it into LibraryState, follows changes live through the store's watch, re-tries a server that
// went away and loads visits by their key (a file path, or "visit:<id>" on the server).
#pragma once

#include <string>

#include "app/gui/app_state.h"
#include "app/gui/panels.h"
#include "maps/result.h"

namespace bodymap::app {

// Opens the library at `option` (resolved like --library: empty is BODYMAP_LIBRARY or the
// per-user default). On failure the Clients tab says why; a server that wants a password opens
// the password dialog. `password` is kept only in memory.
void openLibrary(AppState& s, const std::string& option, const std::string& password = {});

// Re-reads the client list (and the selected client's visits) from the store.
void refreshLibrary(AppState& s);
// Once a frame: re-lists when the watch saw a change (another window, the intake tablet); without
// a watch (or while the server is away) every few seconds. Reconnecting to the server starts the
// watch again and, when a save failed meanwhile, offers to save the work.
void pollLibrary(AppState& s, double now);

// True when `key` names a visit on the clinic server (not a file).
bool isServerKey(const AppState& s, const std::string& key);
// A visit of the library (or any map file) by its key.
maps::Result<maps::PainMap> loadLibraryMap(AppState& s, const std::string& key);
// The same visit in its compact form (the spans of its painted cells: a few KiB against 3 MiB),
// for the visits the compare workspace keeps.
maps::Result<maps::CompactMap> loadLibraryCompactMap(AppState& s, const std::string& key);
// The version of a listed visit ("" when it is not in the list).
std::string listedVersion(const AppState& s, const std::string& key);
// A visit's date and what the list knows of it, for messages: "12/02/2026, 3:45 PM" or the key.
std::string visitName(const AppState& s, const std::string& key);

// The clinic server's password dialog and the "server is back: save now?" prompt.
void drawLibraryPrompts(AppState& s, const UiContext& ui);

}  // namespace bodymap::app
