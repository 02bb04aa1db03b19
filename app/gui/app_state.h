// Everything the GUI edits or shows, owned by runGui() and handed to each panel. Panels never
// edit the document directly: they call the functions here, which record undoable commands.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <imgui.h>

#include "app/gui/file_dialog.h"
#include "app/gui/intake/intake_state.h"
#include "app/gui/key_input.h"
#include "maps/atomic_file.h"
#include "maps/body_template.h"
#include "maps/brush.h"
#include "maps/client_library.h"
#include "maps/recovery.h"
#include "maps/template_registry.h"
#include "maps/edit_history.h"
#include "maps/pain_map.h"
#include "maps/store/store.h"

namespace bodymap::app {

// Paint/Erase/Fill edit the client's drawing; Tag, Findings and Mark are the therapist's layer
// (Mark is also the client's radiating-pain arrow at intake).
enum class Tool { Paint, Erase, Fill, Tag, Findings, Mark };

// What the middle of the main window shows.
enum class Workspace { Chart, Compare };

// The Mark tool: the kind placed next and the mark picked on the chart.
struct MarkToolState {
    maps::MarkKind kind = maps::MarkKind::ActiveTriggerPoint;
    int selected = -1;             // index into the map's marks, -1: none
    // A text label being placed: its text is asked in a small dialog first (a label needs one).
    bool labelPrompt = false;
    maps::ViewId labelView = maps::ViewId::Front;
    glm::vec2 labelAt{0.0f};
    std::string labelText;
    int labelOpenedFrame = 0;      // Enter counts only in later frames
};

struct ToolState {
    Tool tool = Tool::Paint;
    maps::BrushSettings brush;     // radius in cells, softness, intensity, qualities
    std::uint8_t findings = 1;     // maps::Finding bits the findings brush paints (Tender)
    bool eraseFindings = false;    // the findings brush erases findings instead
    MarkToolState marks;
};

struct ViewState {
    float zoom = 1.0f;             // 1 = both views fit the chart area
    float panX = 0.0f, panY = 0.0f; // screen pixels
    maps::ViewId focus = maps::ViewId::Front;  // Tab switches; zoom keys centre on it
    bool regionBorders = false;
    bool guides = true;
    int hoverRegion = -1;          // region under the mouse, for highlighting
    bool centerOnFocus = false;    // one-shot: pan so that the focused view is centred
    std::uint16_t visibleLines = 0; // fascial lines shown in the overlay (bit = maps::FascialLine)
    int hoverBand = -1;            // fascial band under the pointer (visible lines only)
    int highlightBand = -1;        // band picked in the Tags tab
    bool showTags = true;          // tagged bands hatched on the chart with numbered marks
    bool showFindings = true;      // the therapist's findings hatched over the pain
    bool showMarks = true;         // the point and line marks
    int hoverMark = -1;            // mark under the pointer (index into the map's marks)
};

struct Document {
    maps::PainMap map;
    std::string path;              // file it was loaded from / saved to; empty when new
    maps::EditHistory history;
    std::uint64_t generation = 0;  // bumped by every change, for autosave
    bool restored = false;         // restored from a recovery file: unsaved whatever the history
    // What `path` held when it was opened or last saved: a save refuses (and asks) when the file
    // on disk no longer matches, i.e. another window or program changed it in between.
    maps::FileStamp stamp;
    // A visit on the clinic server: `path` is its key ("visit:<id>"), `version` the version it
    // was opened or last saved as (a save based on an older one is a conflict).
    store::Version version;
    bool modified() const { return restored || history.isModified(); }
};

struct AppState;

// The tag editor: one tag per band, with kinds and a note.
struct TagEditor {
    bool open = false;
    int band = -1;                 // index into BodyTemplate::bands
    std::uint8_t kinds = 0;        // maps::TagKind bits
    std::string note;
    std::vector<int> choices;      // several bands under the click: pick one first
};

// The client library as shown in the Clients tab: a folder, or the clinic server (then the
// visits' `path`s are the server's keys, "visit:<id>").
struct LibraryState {
    std::string root;                       // folder of the library; for a server, the local
                                            // folder of its recovery files
    std::string location;                   // where it is, for people (folder or server, no password)
    bool server = false;                    // the clinic server
    bool addOnly = false;                   // the server's intake login: adds visits, reads nothing
    std::string search;
    std::string selectedClient;             // client id
    std::string visitSearch;                // filters the selected client's visits
    std::vector<maps::ClientEntry> clients;
    std::vector<maps::VisitEntry> visits;   // of the selected client, newest first
    std::vector<store::VisitSummary> summaries;  // the same visits' versions and figures
    std::vector<maps::LibraryProblem> problems;  // entries not followed (symlinks), never opened
    bool stale = true;                      // re-list on the next frame
    std::string error;                      // why the library could not be read
    std::string intakeLanguage;             // the Hand to client dialog's pick; "": the UI's
    // Live changes: the store's watch (inotify on the folder, LISTEN/NOTIFY on the server)
    // makes the list stale; without a watch the list is re-read every few seconds.
    double lastPoll = 0;                    // seconds (ImGui time)
    // The server could not be reached: re-tried every few seconds; `pendingSave` when a save
    // failed meanwhile (the work is in the recovery file), so that reconnecting offers to save.
    bool disconnected = false;
    // While disconnected: whether the server answers, asked on a worker (serverAnswers) so that
    // a silent server never freezes a frame; the store is tried again only once it does.
    // -1 while asking, then 0 or 1; null when not asking. Shared with a detached thread, so that
    // quitting never waits for it.
    std::shared_ptr<std::atomic<int>> probe;
    bool pendingSave = false;
    bool offerSave = false;                 // "The clinic server is back" prompt is up
    std::string openAfterConnect;           // a visit named on the command line, opened once connected
    // What --library said and the password that opened it, kept in memory only, so that a
    // server away at start can be opened anew; never written anywhere.
    std::string connectLocation;
    std::string connectPassword;
    std::uint64_t listing = 0;              // bumped by every re-list (panels drop caches)
    bool reveal = false;                    // one-shot: show the Clients tab (after an intake)
};

// "Save changes before ...?" while an action waits for the answer.
struct UnsavedPrompt {
    bool open = false;
    std::string question;  // translated, with %s for the document: "Save the changes to %s before quitting?"
    std::function<void(AppState&)> proceed;
};

// "This visit was changed by another window or program since you opened it" while a save waits
// for the answer: save mine as a new visit, reload theirs or overwrite (theirs kept in .bak).
struct ConflictPrompt {
    bool open = false;
    std::string path;                       // the file that changed on disk
    std::string detail;                     // what the storage layer said
    bool confirmReload = false;             // second step of "Reload theirs"
    std::function<void(AppState&)> then;    // what waited for the save (e.g. quitting)
};

// Kept in the settings file beside `recent` (see saveSettings in document_ops.h).
struct Settings {
    std::string pinHash;           // the therapist's intake PIN, crypto_pwhash_str; empty: not set
    // Wrong PINs in a row and the end of the delay they started (Unix seconds; 0: none), kept
    // so that restarting BodyMap does not reset them.
    int pinWrong = 0;
    std::int64_t pinLockedUntil = 0;
    int windowWidth = 0, windowHeight = 0;  // the window's last size; 0: not known
    // Languages (maps/i18n tags: "en", "en_GB", "de", "es", "fr"). The UI's: "" follows the
    // system locale. The report's: the last one picked in the export dialog; "" is the UI's.
    std::string uiLanguage;
    std::string reportLanguage;
};

// A message for the status bar or an error dialog.
struct Notice {
    std::string text;
    bool error = false;
    double time = 0;               // when it was posted (ImGui time)
};

// The clinic server asked for a password at start (none in ~/.pgpass): asked in a dialog, kept
// only in memory.
struct PasswordPrompt {
    bool open = false;
    std::string shown;                      // where, for people (no password)
    std::string password;                   // as typed
    std::string error;                      // the last attempt's
    int openedFrame = 0;                    // Enter counts only in later frames
};

struct AppState {
    std::shared_ptr<const maps::BodyTemplate> tmpl;
    maps::TemplateRegistry templates;
    // Where visits are listed, opened and saved (folder library or clinic server); null until
    // opened (a server waiting for its password, or one that cannot be reached at start).
    std::unique_ptr<store::Store> store;
    std::unique_ptr<store::Watch> watch;
    PasswordPrompt passwordPrompt;
    Document doc;
    ToolState tools;
    ViewState view;
    Workspace workspace = Workspace::Chart;
    bool showHelp = false;
    bool quit = false;
    bool quitRequested = false;
    bool showSessionNote = false; // one-shot (Ctrl+J): the Visit tab, its session note open and in view
    bool saveFromField = false;   // one-shot: Ctrl+S while typing; the Visit tab commits its fields, then save
    int reportRequest = 0;        // 1: open the report dialog to save a PDF, 2: to print   // window closed or Ctrl+Q: ask about unsaved changes first
    std::vector<Notice> notices;
    KeyPresses keys;                          // key presses of the current frame (from SDL)
    std::optional<std::string> errorDialog;   // shown as a modal until dismissed
    FileDialogState fileDialog;
    LibraryState library;
    TagEditor tagEditor;
    UnsavedPrompt unsaved;
    ConflictPrompt conflict;
    // This run's recovery session: owns (locks) its recovery file for the life of the process, so
    // that no other instance offers, restores or deletes it. Started by the first autosave.
    std::optional<maps::RecoverySession> recovery;
    bool recoveryFailed = false;              // could not start (autosave is off; said once)
    bool discardRecoveryOnExit = false;       // the user answered "quit" (saved or don't save)
    std::vector<maps::RecoveryEntry> recoveryOffer;  // orphaned files, shown at start until answered
    std::uint64_t autosavedGeneration = 0;
    double lastAutosave = 0;                  // seconds (ImGui time)
    std::vector<std::string> recent;          // recently opened or saved maps, newest first
    std::string settingsPath;                 // where `recent` and `settings` are kept
    Settings settings;
    IntakeState intake;                       // the locked client kiosk (app/gui/intake/)
    // Pain rectangles to re-colour and upload, per view.
    std::array<maps::CellRect, maps::kViewCount> painDirty;
    // Structural changes queued during a frame and applied after it (so that no panel sees the
    // document change under it mid-frame).
    std::vector<std::function<void(AppState&)>> deferred;

    const maps::BodyTemplate& templ() const { return *tmpl; }
    // Whether a key (without Ctrl or Alt) was pressed during this frame.
    bool pressed(SDL_Scancode k) const {
        for (const auto& p : keys) {
            if (p.scancode == k && !p.ctrl && !p.alt) return true;
        }
        return false;
    }
    void post(std::string text, bool error = false);
    void markAllDirty();
};

// Edit operations: each is one undoable step.
void pushEdit(AppState& s, maps::RasterEdit edit, const std::string& label);
// Replaces the visit information and tags as one undoable step (no-op when nothing changes).
void pushDocumentEdit(AppState& s, maps::VisitInfo info, std::vector<maps::FascialTag> tags,
                      const std::string& label);
// Replaces the marks as one undoable step (no-op when nothing changes).
void pushMarksEdit(AppState& s, std::vector<maps::Mark> marks, const std::string& label);
void undo(AppState& s);
void redo(AppState& s);
// Replaces the document (new or opened); clears the undo history. The replaced work was given up
// (its guard was answered), so this session's recovery file is discarded. `stamp` is what `path`
// held when the map was read from it.
void replaceDocument(AppState& s, maps::PainMap map, std::string path, maps::FileStamp stamp = {});

// For tests: appends a line to the file named by BODYMAP_TEST_LOG (dialogs opened, button
// positions, saves). Does nothing when the variable is not set.
void testLog(const std::string& line);
bool testLogEnabled();
// testLog(line) when `line` differs from the last one logged for `key` (state that is drawn
// every frame, logged once per change).
void testLogChanged(const std::string& key, const std::string& line);
// ImGui::Button that, when the test log is on, logs where it is whenever that changes:
// "button <label> <x> <y>" (its centre in window pixels), for tests to click it, and
// "rect <label> <x0> <y0> <w> <h>" (its rectangle), for layout tests.
bool loggedButton(const char* label, ImVec2 size = ImVec2(0, 0));
// ImGui::OpenPopup that logs "dialog <id>" (`name` is an idLabel: the popup's English id).
void openPopupLogged(const std::string& name);
// The same two lines for the last item drawn (an invisible button, a slider, a tab).
void logLastItem(const char* label);
// The width of a row of buttons that share one width: the widest (translated) label with the
// frame padding, and at least `minWidth` (pixels).
float buttonWidthFor(std::initializer_list<const char*> labels, float minWidth);

}  // namespace bodymap::app
