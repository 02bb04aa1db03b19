// Document operations (see document_ops.h).
//
// [SECTION] Settings and recent files
// [SECTION] New, open, save
// [SECTION] Save conflicts
// [SECTION] Autosave and recovery
// [SECTION] Prompts
#include "app/gui/document_ops.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <filesystem>
#include <fstream>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/assets_path.h"
#include "app/gui/library_panel.h"
#include "app/gui/library_store.h"
#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "maps/atomic_file.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/map_format.h"

namespace bodymap::app {

namespace fs = std::filesystem;

namespace {

bool ensureSession(AppState& s);

// [SECTION] Settings and recent files

constexpr std::size_t kMaxRecent = 10;

std::string settingsFile() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg == '/') return std::string(xdg) + "/bodymap/settings.json";
    const char* home = std::getenv("HOME");
    if (home && *home) return std::string(home) + "/.config/bodymap/settings.json";
    return {};
}

// Reads the settings file (a missing or damaged file leaves the defaults).
void readSettingsFile(const std::string& path, std::vector<std::string>& recent, Settings& settings) {
    if (path.empty()) return;
    auto text = maps::readFileLimited(path, 1 << 20);
    if (!text) return;  // first run: no settings yet
    auto json = maps::parseJsonLimited(text.value(), path, 8);
    if (!json || !json->is_object()) return;  // a damaged settings file only loses the list
    if (auto it = json->find("recent"); it != json->end() && it->is_array()) {
        for (const auto& p : *it) {
            if (p.is_string() && recent.size() < kMaxRecent) recent.push_back(p.get<std::string>());
        }
    }
    if (auto it = json->find("pinHash"); it != json->end() && it->is_string()) {
        settings.pinHash = it->get<std::string>();
    }
    if (auto it = json->find("pinFailures"); it != json->end() && it->is_object()) {
        const auto w = it->find("wrong"), u = it->find("lockedUntil");
        if (w != it->end() && w->is_number_integer()) settings.pinWrong = std::clamp(w->get<int>(), 0, 1000);
        if (u != it->end() && u->is_number_integer()) settings.pinLockedUntil = std::max<std::int64_t>(0, u->get<std::int64_t>());
    }
    if (auto it = json->find("language"); it != json->end() && it->is_object()) {
        const auto ui = it->find("ui"), report = it->find("report");
        if (ui != it->end() && ui->is_string()) settings.uiLanguage = i18n::normalizeLanguage(ui->get<std::string>());
        if (report != it->end() && report->is_string())
            settings.reportLanguage = i18n::normalizeLanguage(report->get<std::string>());
    }
    if (auto it = json->find("window"); it != json->end() && it->is_object()) {
        const auto w = it->find("width"), h = it->find("height");
        if (w != it->end() && h != it->end() && w->is_number_integer() && h->is_number_integer()) {
            settings.windowWidth = std::clamp(w->get<int>(), 0, 16384);
            settings.windowHeight = std::clamp(h->get<int>(), 0, 16384);
        }
    }
}

void loadSettings(AppState& s) {
    s.settingsPath = settingsFile();
    readSettingsFile(s.settingsPath, s.recent, s.settings);
}

}  // namespace

std::string storedPinHash() {
    std::vector<std::string> recent;
    Settings settings;
    readSettingsFile(settingsFile(), recent, settings);
    return settings.pinHash;
}

bool saveSettings(AppState& s) {
    if (s.settingsPath.empty()) return false;
    // The recent-files list names clients' visits: a private (0700) folder, a 0600 file.
    if (!maps::ensurePrivateFolder(fs::path(s.settingsPath).parent_path().string())) return false;
    nlohmann::json j;
    j["recent"] = s.recent;
    if (!s.settings.pinHash.empty()) j["pinHash"] = s.settings.pinHash;
    if (s.settings.pinWrong > 0 || s.settings.pinLockedUntil > 0) {
        j["pinFailures"] = {{"wrong", s.settings.pinWrong}, {"lockedUntil", s.settings.pinLockedUntil}};
    }
    if (!s.settings.uiLanguage.empty() || !s.settings.reportLanguage.empty()) {
        j["language"] = {{"ui", s.settings.uiLanguage}, {"report", s.settings.reportLanguage}};
    }
    if (s.settings.windowWidth > 0 && s.settings.windowHeight > 0) {
        j["window"] = {{"width", s.settings.windowWidth}, {"height", s.settings.windowHeight}};
    }
    return static_cast<bool>(maps::writeFileAtomic(
        s.settingsPath, j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"));
}

namespace {

void addRecent(AppState& s, const std::string& path) {
    if (isServerKey(s, path)) return;  // the recent-files list holds files
    std::error_code ec;
    const std::string abs = fs::absolute(path, ec).lexically_normal().string();
    s.recent.erase(std::remove(s.recent.begin(), s.recent.end(), abs), s.recent.end());
    s.recent.insert(s.recent.begin(), abs);
    if (s.recent.size() > kMaxRecent) s.recent.resize(kMaxRecent);
    saveSettings(s);
}

std::string displayName(const AppState& s) {
    if (isServerKey(s, s.doc.path)) {
        // TRANSLATORS: the document's name in "Save the changes to %s before ...?": a visit on the
        // clinic server; %s is its date.
        return i18n::format(tr("the visit of %s"), friendlyDate(s.doc.map.info.visitTime).c_str());
    }
    if (!s.doc.path.empty()) return fs::path(s.doc.path).filename().string();
    // TRANSLATORS: the document's name in "Save the changes to %s before ...?"; %s is the client.
    if (!s.doc.map.info.clientName.empty()) return i18n::format(tr("%s's new visit"), s.doc.map.info.clientName.c_str());
    // TRANSLATORS: the document's name in "Save the changes to %s before ...?".
    return tr("the new map");
}

// Shows the client of a visit in the Clients tab when the file lives in the library.
void selectClientOf(AppState& s, const std::string& clientId, const std::string& path) {
    std::error_code ec;
    if (clientId.empty() || path.empty()) return;
    if (isServerKey(s, path)) {
        s.library.selectedClient = clientId;
        s.library.stale = true;
        return;
    }
    const fs::path folder = fs::path(path).parent_path();
    if (fs::equivalent(folder, fs::path(maps::Library(s.library.root).clientFolder(clientId)), ec)) {
        s.library.selectedClient = clientId;
        s.library.stale = true;
    }
}

}  // namespace

// [SECTION] New, open, save

maps::PainMap startVisit(const maps::BodyTemplate& templ, const std::string& clientId,
                         const std::string& clientName, const maps::PainMap* previous,
                         const std::string& visitTime) {
    maps::PainMap map = maps::PainMap::blankFor(templ);
    map.info.clientId = clientId;
    map.info.clientName = clientName;
    map.info.visitTime = visitTime;
    if (previous && previous->templateId() == templ.id && previous->width() == map.width() &&
        previous->height() == map.height()) {
        // The client's drawing is the starting point; the therapist's findings (and marks) are
        // today's to find again, so they do not carry over.
        for (maps::ViewId v : maps::kViews) {
            map.layer(v).intensity = previous->layer(v).intensity;
            map.layer(v).qualities = previous->layer(v).qualities;
        }
    }
    return map;
}

void newVisit(AppState& s, bool fromPrevious) {
    const LibraryState& lib = s.library;
    std::string clientId, clientName;
    std::optional<maps::PainMap> prev;
    if (!lib.selectedClient.empty()) {
        clientId = lib.selectedClient;
        for (const auto& c : lib.clients) {
            if (c.id == lib.selectedClient) clientName = c.displayName;
        }
        if (fromPrevious && !lib.visits.empty()) {
            auto loaded = loadLibraryMap(s, lib.visits.front().path);
            if (!loaded) {
                s.errorDialog = i18n::format(tr("Could not start from the previous visit: %s"), loaded.error().c_str());
                return;
            }
            prev = std::move(loaded.value());
        }
    }
    maps::PainMap map = startVisit(s.templ(), clientId, clientName, prev ? &*prev : nullptr,
                                   maps::localTimeNow());
    map.info.appVersion = appVersion();
    replaceDocument(s, std::move(map), "");
    if (fromPrevious) s.doc.restored = true;  // a copy that is not saved anywhere yet
    s.post(fromPrevious ? tr("New visit, starting from the previous one") : tr("New visit"));
}

void openMapFile(AppState& s, const std::string& path) {
    if (s.library.server && !s.store && path.rfind("visit:", 0) == 0) {
        s.library.openAfterConnect = path;  // waits for the password dialog
        return;
    }
    if (isServerKey(s, path)) {
        auto v = s.store->load(path);
        if (!v) {
            // TRANSLATORS: %s is what the clinic server said (the visit and what is wrong).
            s.errorDialog = i18n::format(tr("Could not open the visit.\n\n%s"), v.error().c_str());
            s.post(tr("Could not open the visit from the clinic server"), true);
            testLog("open-failed " + path);
            return;
        }
        if (auto tmpl = s.templates.find(v->map.templateId())) s.tmpl = tmpl;
        const std::string clientId = v->map.info.clientId;
        const store::Version version = v->version;
        replaceDocument(s, std::move(v->map), path);
        s.doc.version = version;
        selectClientOf(s, clientId, path);
        // TRANSLATORS: %s is the visit's date.
        s.post(i18n::format(tr("Opened the visit of %s"), friendlyDate(s.doc.map.info.visitTime).c_str()));
        testLog("opened " + path + " version " + version.token);
        return;
    }
    // The stamp is taken before reading: if the file changes in between, the next save asks
    // (a needless question at worst) instead of overwriting a version never seen.
    const maps::FileStamp stamp = maps::stampFile(path);
    auto map = maps::loadMap(path, s.templates);
    if (!map) {
        // TRANSLATORS: %s is what the loader said (the file and what is wrong in it).
        s.errorDialog = i18n::format(tr("Could not open the map.\n\n%s"), map.error().c_str());
        s.post(i18n::format(tr("Could not open %s"), path.c_str()), true);
        testLog("open-failed " + path);
        return;
    }
    auto tmpl = s.templates.find(map->templateId());
    if (tmpl) s.tmpl = tmpl;
    const std::string clientId = map->info.clientId;
    replaceDocument(s, std::move(map.value()), path, stamp);
    addRecent(s, path);
    selectClientOf(s, clientId, path);
    s.post(i18n::format(tr("Opened %s"), path.c_str()));
    testLog("opened " + path);
}

namespace {

// The map as it is written: this version of BodyMap, and a visit time.
maps::PainMap mapToWrite(const AppState& s) {
    maps::PainMap copy = s.doc.map;
    copy.info.appVersion = appVersion();
    if (copy.info.visitTime.empty()) copy.info.visitTime = maps::localTimeNow();
    return copy;
}

void markSaved(AppState& s, const maps::PainMap& written, const std::string& path,
               const maps::FileStamp& stamp, const AfterSave& then) {
    s.doc.map.info.appVersion = written.info.appVersion;
    s.doc.map.info.visitTime = written.info.visitTime;
    s.doc.path = path;
    s.doc.stamp = stamp;
    s.doc.history.markSaved();
    s.doc.restored = false;
    if (s.recovery) (void)s.recovery->discard();
    s.autosavedGeneration = s.doc.generation;
    addRecent(s, path);
    s.library.stale = true;
    if (isServerKey(s, path)) {
        // TRANSLATORS: %s is the clinic server, e.g. postgresql://anna@clinic-db:5432/clinic.
        s.post(i18n::format(tr("Saved on the clinic server %s"), s.library.location.c_str()));
        testLog("saved " + path + " version " + s.doc.version.token);
    } else {
        s.post(i18n::format(tr("Saved %s"), path.c_str()));
        testLog("saved " + path);
    }
    if (then) s.deferred.push_back(then);
}

// Writes to `path` unless the file on disk differs from `basedOn` (then asks the user).
bool writeDocument(AppState& s, const std::string& path, const maps::FileStamp* basedOn,
                   AfterSave then) {
    const maps::PainMap copy = mapToWrite(s);
    const maps::WriteOutcome out = maps::saveMapChecked(copy, path, basedOn);
    switch (out.status) {
        case maps::WriteStatus::Written:
            markSaved(s, copy, path, out.stamp, then);
            return true;
        case maps::WriteStatus::Conflict:
            s.conflict = {};
            s.conflict.open = true;
            s.conflict.path = path;
            s.conflict.detail = out.message;
            s.conflict.then = std::move(then);
            s.post(tr("Not saved yet: the file changed on disk"), true);
            testLog("conflict " + path);
            return false;
        case maps::WriteStatus::Failed:
            break;
    }
    s.errorDialog = i18n::format(tr("The map was not saved; your work is still open.\n\n%s"), out.message.c_str());
    s.post(tr("Not saved"), true);
    return false;
}

// A save the clinic server did not take because it could not be reached: the work stays open,
// goes into the recovery file on this computer at once, and reconnecting offers to save it.
void keepOffline(AppState& s, const std::string& message) {
    s.library.pendingSave = true;
    if (!s.library.disconnected) {
        s.library.disconnected = true;
        s.watch.reset();
    }
    const std::string intakeClient = intakeActive(s.intake) ? s.intake.clientId : std::string();
    const bool kept = ensureSession(s) && s.recovery->write(s.doc.map, s.doc.path, intakeClient);
    if (kept) {
        s.autosavedGeneration = s.doc.generation;
        // TRANSLATORS: %1$s is what went wrong, %2$s the recovery file on this computer.
        s.errorDialog = i18n::format(tr("%s\n\nYour work stays open and is kept on this computer in the recovery file\n%s\n\n"
                                        "When the server is back, BodyMap offers to save it."),
                                     message.c_str(), s.recovery->path().c_str());
    } else {
        // TRANSLATORS: %s is what went wrong.
        s.errorDialog = i18n::format(tr("%s\n\nYour work stays open, but no recovery file could be written: "
                                        "keep the window open, or save a copy with File > Save As."),
                                     message.c_str());
    }
    s.post(tr("Not saved: the clinic server cannot be reached"), true);
    testLog(std::string("save-disconnected") + (kept ? " kept " + s.recovery->path() : " not-kept"));
}

// Saves to the clinic server: a new visit of the map's client when `key` is empty, else a new
// version of that visit, refused as a conflict when it is not `basedOn` any more (null:
// overwrite knowingly; the version replaced is still kept on the server). Saved: the document
// is marked saved as the outcome's key.
store::SaveOutcome storeSave(AppState& s, const std::string& key, const store::Version* basedOn, AfterSave then) {
    store::SaveOutcome out;
    if (!s.store) {
        out.status = store::SaveStatus::Disconnected;
        // TRANSLATORS: %s is the clinic server.
        out.message = i18n::format(tr("The clinic server %s is not connected; the visit was not saved."),
                                   s.library.location.c_str());
        return out;
    }
    const maps::PainMap copy = mapToWrite(s);
    out = s.store->save(copy, key, basedOn);
    if (out.ok()) {
        s.doc.version = out.version;
        markSaved(s, copy, out.key, {}, std::move(then));
    }
    return out;
}

// storeSave, and what the window does about each outcome.
bool saveToServer(AppState& s, const std::string& key, const store::Version* basedOn, AfterSave then) {
    const store::SaveOutcome out = storeSave(s, key, basedOn, then);
    switch (out.status) {
        case store::SaveStatus::Saved:
            return true;
        case store::SaveStatus::Conflict:
            s.conflict = {};
            s.conflict.open = true;
            s.conflict.path = key;
            s.conflict.detail = out.message;
            s.conflict.then = std::move(then);
            s.post(tr("Not saved yet: someone else saved this visit meanwhile"), true);
            testLog("conflict " + key);
            return false;
        case store::SaveStatus::Disconnected:
            keepOffline(s, out.message);
            return false;
        case store::SaveStatus::Failed:
            break;
    }
    s.errorDialog = i18n::format(tr("The visit was not saved; your work is still open.\n\n%s"), out.message.c_str());
    s.post(tr("Not saved"), true);
    return false;
}

// Saves as a new visit file of the map's client (never replacing a file).
bool saveAsNewVisit(AppState& s, AfterSave then) {
    if (s.library.server) return saveToServer(s, "", nullptr, std::move(then));
    const maps::PainMap copy = mapToWrite(s);
    maps::FileStamp stamp;
    auto path = maps::Library(s.library.root).saveNewVisit(copy, &stamp);
    if (!path) {
        s.errorDialog = i18n::format(tr("The visit was not saved; your work is still open.\n\n%s"), path.error().c_str());
        s.post(tr("Not saved"), true);
        return false;
    }
    markSaved(s, copy, path.value(), stamp, then);
    return true;
}

}  // namespace

bool saveIntakeVisit(AppState& s, std::string& error) {
    if (s.library.server) {
        const store::SaveOutcome out = storeSave(s, "", nullptr, {});
        if (out.ok()) return true;
        error = out.message;
        if (out.status == store::SaveStatus::Disconnected) s.library.pendingSave = true;
        testLog("save-failed");
        return false;
    }
    const maps::PainMap copy = mapToWrite(s);
    maps::FileStamp stamp;
    auto path = maps::Library(s.library.root).saveNewVisit(copy, &stamp);
    if (!path) {
        error = path.error();
        testLog("save-failed");
        return false;
    }
    markSaved(s, copy, path.value(), stamp, {});
    return true;
}

namespace {

bool sameFile(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return false;
    if (a == b) return true;
    std::error_code ec;
    return fs::equivalent(a, b, ec) ||
           fs::absolute(a, ec).lexically_normal() == fs::absolute(b, ec).lexically_normal();
}

}  // namespace

bool saveDocumentAs(AppState& s, const std::string& path, AfterSave then) {
    if (isServerKey(s, path)) {
        const store::Version* basedOn = path == s.doc.path ? &s.doc.version : nullptr;
        return saveToServer(s, path, basedOn, std::move(then));
    }
    if (sameFile(path, s.doc.path)) return writeDocument(s, s.doc.path, &s.doc.stamp, std::move(then));
    // Another file: the one the dialog confirmed replacing (or none). Anything that changes it
    // from now until the rename is a conflict.
    const maps::FileStamp seen = maps::stampFile(path);
    return writeDocument(s, path, &seen, std::move(then));
}

bool saveDocument(AppState& s, AfterSave then) {
    if (!s.doc.path.empty()) return saveDocumentAs(s, s.doc.path, std::move(then));
    if (s.doc.map.info.clientId.empty()) {
        showSaveAs(s, std::move(then));
        s.post(tr("Choose a client in the Clients tab to save into the library, or pick a file"));
        return false;
    }
    return saveAsNewVisit(s, std::move(then));
}

void showSaveAs(AppState& s, AfterSave then) {
    const bool file = !s.doc.path.empty() && !isServerKey(s, s.doc.path);
    std::string folder = !file ? std::string() : fs::path(s.doc.path).parent_path().string();
    std::string name = !file ? maps::visitFileStem(s.doc.map.info.visitTime.empty()
                                                                    ? maps::localTimeNow()
                                                                    : s.doc.map.info.visitTime)
                                          : fs::path(s.doc.path).stem().string();
    showFileDialog(s, FileDialogState::Mode::Save, tr("Save map as"), ".json", folder, name,
                   [then](AppState& st, const std::string& path) { saveDocumentAs(st, path, then); });
}

void showOpen(AppState& s) {
    const bool file = !s.doc.path.empty() && !isServerKey(s, s.doc.path);
    std::string folder = !file ? (s.library.server ? std::string() : s.library.root)
                               : fs::path(s.doc.path).parent_path().string();
    showFileDialog(s, FileDialogState::Mode::Open, tr("Open map"), ".json", folder, "",
                   [](AppState& st, const std::string& path) {
                       guardUnsaved(st, tr("Save the changes to %s before opening another map?"),
                                    [path](AppState& s2) { openMapFile(s2, path); });
                   });
}

void guardUnsaved(AppState& s, const std::string& question, std::function<void(AppState&)> proceed) {
    // A never-saved map with nothing drawn or written in it is not worth a question.
    const maps::PainMap& m = s.doc.map;
    const bool emptyNewMap = s.doc.path.empty() && !s.doc.restored && m.isBlank() && m.tags.empty() &&
                             m.info.notes.empty() && m.marks.empty() && !m.hasFindings() && m.info.session.empty();
    if (!s.doc.modified() || emptyNewMap) {
        proceed(s);
        return;
    }
    // A save waiting for its conflict answer comes first: the user answers that prompt.
    if (s.conflict.open || s.unsaved.open) return;
    s.unsaved.open = true;
    s.unsaved.question = question;
    s.unsaved.proceed = std::move(proceed);
}

void requestQuit(AppState& s) {
    guardUnsaved(s, tr("Save the changes to %s before quitting?"), [](AppState& st) {
        st.quit = true;
        st.discardRecoveryOnExit = true;  // saved, or the user chose not to save
        testLog("quit");
    });
}

// [SECTION] Autosave and recovery

void initDocuments(AppState& s, const std::string& libraryOption, bool unattended, const std::string& password) {
    loadSettings(s);
    openLibrary(s, libraryOption, password);
    refreshLibrary(s);
    if (!unattended) {
        // Only files whose session is gone: those of running instances are theirs.
        auto offers = maps::listOrphanedRecovery(s.library.root);
        if (offers) s.recoveryOffer = std::move(offers.value());
        for (const auto& e : s.recoveryOffer) testLog("recovery-offer " + e.path);
    }
    testLog("ready");
}

void startUiLanguage(AppState& s, const std::string& option) {
    std::string tag = i18n::normalizeLanguage(option);
    if (tag.empty()) tag = s.settings.uiLanguage;
    if (tag.empty()) tag = i18n::systemLanguage();
    i18n::setDefaultLanguage(tag);
    testLog("language " + i18n::currentLanguage());
}

void chooseUiLanguage(AppState& s, const std::string& tag) {
    i18n::setDefaultLanguage(tag);
    s.settings.uiLanguage = i18n::currentLanguage();
    saveSettings(s);
    testLog("language " + s.settings.uiLanguage);
}

namespace {
// The recovery session starts with the first autosave (or restore) and then lasts as long as
// the process: looking at the library without changing anything writes nothing into it.
bool ensureSession(AppState& s) {
    if (s.recovery) return true;
    if (s.recoveryFailed) return false;
    auto session = maps::RecoverySession::start(s.library.root);
    if (!session) {
        s.recoveryFailed = true;
        s.post(i18n::format(tr("Autosave is off: %s"), session.error().c_str()), true);
        return false;
    }
    s.recovery.emplace(std::move(session.value()));
    testLog("session " + s.recovery->path());
    return true;
}
}  // namespace

void autosaveTick(AppState& s, double now, double intervalSeconds) {
    if (!s.doc.modified() || s.doc.generation == s.autosavedGeneration) return;
    if (now - s.lastAutosave < intervalSeconds) return;
    s.lastAutosave = now;
    if (!ensureSession(s)) return;
    const std::string intakeClient = intakeActive(s.intake) ? s.intake.clientId : std::string();
    if (auto st = s.recovery->write(s.doc.map, s.doc.path, intakeClient); !st) {
        s.post(i18n::format(tr("Autosave failed: %s"), st.error().c_str()), true);
        return;
    }
    s.autosavedGeneration = s.doc.generation;
    testLog("autosaved " + s.recovery->path());
}

void endSession(AppState& s) {
    if (s.recovery && (!s.doc.modified() || s.discardRecoveryOnExit)) (void)s.recovery->discard();
}

namespace {

// Restores an orphaned recovery file: claims it first (so that two starting instances cannot
// both take it), honours its `editing` path only for a map file inside the library, copies it
// into this session's own recovery file and then deletes it.
void restoreRecovery(AppState& s, const maps::RecoveryEntry& e) {
    auto rec = maps::claimRecovery(e.path, s.templates);
    if (!rec) {
        s.errorDialog = i18n::format(tr("Could not restore: %s"), rec.error().c_str());
        return;
    }
    std::error_code ec;
    const auto recoveryTime = fs::last_write_time(e.path, ec);
    std::string path;
    maps::FileStamp stamp;
    bool outside = false;
    if (!rec->editingPath.empty()) {
        if (isServerKey(s, rec->editingPath)) {
            // Which version the work was based on is not known: the first save asks (the visit
            // always has a version) instead of overwriting.
            path = rec->editingPath;
        } else if (maps::isMapFileInLibrary(s.library.root, rec->editingPath)) {
            path = rec->editingPath;
            stamp = maps::stampFile(path);
            std::error_code ec2;
            const auto fileTime = fs::last_write_time(path, ec2);
            // Saved after the autosave (by another window or program): what the work was based
            // on is not on disk any more, so the first save asks instead of overwriting.
            if (!ec && !ec2 && fileTime > recoveryTime) stamp.contentHash = ~stamp.contentHash;
        } else {
            outside = true;
        }
    }
    auto tmpl = s.templates.find(rec->map.templateId());
    if (tmpl) s.tmpl = tmpl;
    const std::string clientId = rec->map.info.clientId;
    const std::string clientName = rec->map.info.clientName;
    const std::string named = rec->editingPath;
    replaceDocument(s, std::move(rec->map), path, stamp);
    s.doc.restored = true;
    selectClientOf(s, clientId, s.doc.path);
    if (outside) {
        for (const auto& c : s.library.clients) {
            if (c.id == clientId) {
                s.library.selectedClient = clientId;  // where its new visit will go
                s.library.stale = true;
            }
        }
    }
    // The work is in this session's own recovery file before the claimed one goes.
    if (ensureSession(s) && s.recovery->write(s.doc.map, s.doc.path)) {
        (void)maps::discardClaimed(rec.value());
    }
    testLog("restored " + e.path + (outside ? " outside" : ""));
    if (outside) {
        std::error_code ec3;
        const bool gone = !fs::exists(fs::symlink_status(named, ec3));
        const std::string who = clientName.empty() ? clientId : clientName;
        if (gone && clientId.empty()) {
            // TRANSLATORS: %s is a file path.
            s.errorDialog = i18n::format(tr("The visit file this work was editing is gone:\n%s\n\nSave it with File > Save As."), named.c_str());
        } else if (gone) {
            // TRANSLATORS: the first %s is a file path, the second the client's name.
            s.errorDialog = i18n::format(tr("The visit file this work was editing is gone:\n%s\n\nSaving (Ctrl+S) stores it as a new visit of %s."), named.c_str(), who.c_str());
        } else if (clientId.empty()) {
            // TRANSLATORS: %s is a file path.
            s.errorDialog = i18n::format(tr("The restored work named a file that is not a visit in the library:\n%s\n\nBodyMap will not write there. Save it with File > Save As."), named.c_str());
        } else {
            // TRANSLATORS: the first %s is a file path, the second the client's name.
            s.errorDialog = i18n::format(tr("The restored work named a file that is not a visit in the library:\n%s\n\nBodyMap will not write there. Saving (Ctrl+S) stores it as a new visit of %s."), named.c_str(), who.c_str());
        }
        s.post(tr("Restored unsaved work; it will be saved as a new visit"));
    } else {
        s.post(tr("Restored unsaved work; save it to keep it"));
    }
}

}  // namespace

bool restoreIntakeRecovery(AppState& s, const std::string& clientId) {
    auto entries = maps::listOrphanedRecovery(s.library.root);
    if (!entries) return false;
    for (const auto& e : entries.value()) {  // newest first
        if (!e.error.empty() || e.intakeClient.empty() || e.intakeClient != clientId) continue;
        auto rec = maps::claimRecovery(e.path, s.templates);
        if (!rec || rec->intakeClient != clientId || rec->map.info.clientId != clientId) continue;
        if (auto tmpl = s.templates.find(rec->map.templateId())) s.tmpl = tmpl;
        // A new visit: an intake never edits a file.
        replaceDocument(s, std::move(rec->map), "");
        s.doc.restored = true;
        if (ensureSession(s) && s.recovery->write(s.doc.map, "", clientId)) {
            (void)maps::discardClaimed(rec.value());
        }
        testLog("restored " + e.path + " intake");
        return true;
    }
    return false;
}

namespace {

// Deletes an orphaned recovery file the user declined (claiming it first; a damaged file cannot
// be claimed, and discardRecovery refuses one that a live session owns).
void declineRecovery(AppState& s, const maps::RecoveryEntry& e) {
    if (!e.error.empty()) {
        (void)maps::discardRecovery(e.path);
        return;
    }
    auto rec = maps::claimRecovery(e.path, s.templates);
    if (!rec) {
        s.post(i18n::format(tr("Recovery file kept: %s"), rec.error().c_str()), true);
        return;
    }
    (void)maps::discardClaimed(rec.value());
}

}  // namespace

// [SECTION] Save conflicts

namespace {

void drawConflictPrompt(AppState& s, const UiContext& ui) {
    ConflictPrompt& c = s.conflict;
    const bool server = isServerKey(s, c.path);
    const std::string title = idLabel(server ? tr("Visit changed on the server") : tr("Visit changed on disk"),
                                      "Visit changed on disk");
    if (c.open && !ImGui::IsPopupOpen(title.c_str())) openPopupLogged(title);
    ImGui::SetNextWindowSize(ImVec2(640 * ui.scale, 0));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const std::string name = fs::path(c.path).filename().string();
    auto close = [&] {
        s.conflict = {};
        ImGui::CloseCurrentPopup();
    };
    if (!c.confirmReload) {
        ImGui::TextWrapped("%s", server ? tr("Someone else saved this visit on the clinic server since you opened it.")
                                        : tr("This visit was changed by another window or program since you opened it."));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", c.detail.empty() ? c.path.c_str() : c.detail.c_str());
        ImGui::PopStyleColor();
        ImGui::Spacing();
        ImGui::TextWrapped("%s", tr("Your changes are not saved yet. What should happen to them?"));
        ImGui::Spacing();
        const bool inLibrary = !s.doc.map.info.clientId.empty();
        const char* saveMine = inLibrary ? tr("Save mine as a new visit") : tr("Save mine as...");
        const float bw = buttonWidthFor({saveMine, tr("Reload theirs"), tr("Overwrite"), tr("Cancel")}, 230 * ui.scale);
        auto explain = [&](const std::string& text) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", text.c_str());
            ImGui::PopStyleColor();
        };
        if (loggedButton(saveMine, ImVec2(bw, 0))) {
            AfterSave then = std::move(c.then);
            close();
            if (inLibrary) {
                s.deferred.push_back([then](AppState& st) { saveAsNewVisit(st, then); });
            } else {
                s.deferred.push_back([then](AppState& st) { showSaveAs(st, then); });
            }
            ImGui::EndPopup();
            return;
        }
        explain(server      ? tr("Keeps both: theirs stays in this visit, yours becomes another visit.")
                : inLibrary ? tr("Keeps both: theirs stays in this file, yours becomes another visit.")
                            : tr("Keeps both: theirs stays in this file, yours goes to a file you pick."));
        if (loggedButton(tr("Reload theirs"), ImVec2(bw, 0))) c.confirmReload = true;
        explain(server ? tr("Discards your changes and opens the visit as it is on the server now.")
                       : tr("Discards your changes and opens the file as it is now."));
        if (loggedButton(tr("Overwrite"), ImVec2(bw, 0))) {
            AfterSave then = std::move(c.then);
            const std::string path = c.path;
            close();
            s.deferred.push_back([path, then](AppState& st) {
                if (isServerKey(st, path)) saveToServer(st, path, nullptr, then);
                else writeDocument(st, path, nullptr, then);
            });
            ImGui::EndPopup();
            return;
        }
        if (server) {
            explain(tr("Saves yours as the newest version; theirs stays in the visit's history on the server."));
        } else {
            // TRANSLATORS: %s is the file's name; the copy of theirs is that name with ".bak" added.
            explain(i18n::format(tr("Replaces the file with yours; theirs is kept as %s.bak."), name.c_str()));
        }
        ImGui::Spacing();
        if (loggedButton(tr("Cancel"), ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
            close();
            s.post(tr("Not saved; your work is still open"));
            ImGui::EndPopup();
            return;
        }
        explain(tr("Saves nothing; your work stays open (Esc)."));
    } else {
        if (server) ImGui::TextWrapped("%s", tr("Discard your changes and open the visit as it is on the server now?"));
        else textWrappedf(tr("Discard your changes and open %s as it is on disk now?"), name.c_str());
        ImGui::TextDisabled("%s", tr("Your changes cannot be brought back."));
        ImGui::Spacing();
        const float bw = buttonWidthFor({tr("Discard mine and reload")}, 230 * ui.scale);
        if (loggedButton(tr("Discard mine and reload"), ImVec2(bw, 0))) {
            AfterSave then = std::move(c.then);
            const std::string path = c.path;
            close();
            s.deferred.push_back([path, then](AppState& st) {
                openMapFile(st, path);
                if (then && !st.doc.modified() && sameFile(st.doc.path, path)) st.deferred.push_back(then);
            });
        } else {
            ImGui::SameLine();
            // TRANSLATORS: a button: back to the choices of the save conflict.
            const char* back = trc("button", "Back");
            if (loggedButton(back, ImVec2(buttonWidthFor({back}, 120 * ui.scale), 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
                c.confirmReload = false;
            }
        }
    }
    ImGui::EndPopup();
}

}  // namespace

// [SECTION] Prompts

void drawDocumentPrompts(AppState& s, const UiContext& ui) {
    const std::string unsavedTitle = idLabel(tr("Unsaved changes"), "Unsaved changes");
    if (s.unsaved.open && !ImGui::IsPopupOpen(unsavedTitle.c_str())) openPopupLogged(unsavedTitle);
    ImGui::SetNextWindowSize(ImVec2(520 * ui.scale, 0));
    if (ImGui::BeginPopupModal(unsavedTitle.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        // The question is a whole translated sentence with one %s for the document's name.
        ImGui::TextWrapped("%s", i18n::format(s.unsaved.question.c_str(), displayName(s).c_str()).c_str());
        ImGui::TextDisabled("%s", tr("If you don't save, the changes are lost."));
        ImGui::Spacing();
        const float bw = buttonWidthFor({tr("Save"), tr("Don't save"), tr("Cancel")}, 130 * ui.scale);
        auto take = [&] {
            auto proceed = std::move(s.unsaved.proceed);
            s.unsaved = {};
            ImGui::CloseCurrentPopup();
            return proceed;
        };
        if (loggedButton(tr("Save"), ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_RETURN)) {
            // The action waits for the save: it runs only once the map is on disk (after a Save
            // As dialog or a conflict answer if one is needed), never after a failed or
            // cancelled save.
            AfterSave proceed = take();
            s.deferred.push_back([proceed](AppState& st) { saveDocument(st, proceed); });
        }
        ImGui::SameLine();
        if (loggedButton(tr("Don't save"), ImVec2(bw, 0))) {
            // The document is not touched here: the action replaces it when it succeeds, and a
            // failed open leaves the work and its unsaved flag as they were.
            AfterSave proceed = take();
            if (proceed) s.deferred.push_back(proceed);
        }
        ImGui::SameLine();
        if (loggedButton(tr("Cancel"), ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
            (void)take();
        }
        ImGui::EndPopup();
    }

    drawConflictPrompt(s, ui);

    const bool otherPrompt = s.unsaved.open || s.conflict.open;
    const std::string restoreTitle = idLabel(tr("Restore unsaved work?"), "Restore unsaved work?");
    if (!s.recoveryOffer.empty() && !otherPrompt && !ImGui::IsPopupOpen(restoreTitle.c_str())) {
        openPopupLogged(restoreTitle);
    }
    ImGui::SetNextWindowSize(ImVec2(600 * ui.scale, 0));
    if (ImGui::BeginPopupModal(restoreTitle.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("%s", tr("BodyMap closed without saving this work last time. It was kept safe:"));
        ImGui::Spacing();
        const maps::RecoveryEntry e = s.recoveryOffer.front();
        if (!e.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.1f, 1));
            textWrappedf(tr("This recovery file is damaged: %s"), e.error.c_str());
            ImGui::PopStyleColor();
        } else {
            // Name and path come from the recovery file (which anyone could plant): escaped
            // to printable text, the name shortened to its line (the whole on hover).
            // TRANSLATORS: %s is the client's name, or "(none)".
            const std::string client = i18n::format(tr("Client: %s"), e.clientName.empty() ? tr("(none)")
                                                                          : maps::printableForMessage(e.clientName).c_str());
            ImGui::Bullet();
            ellipsizedText(ImGui::GetColorU32(ImGuiCol_Text), client, ImGui::GetContentRegionAvail().x, client);
            ImGui::Bullet();
            textf(tr("Visit: %s"), friendlyDate(e.visitTime).c_str());
            ImGui::Bullet();
            textf(tr("Autosaved: %s"), friendlyDate(e.savedAt).c_str());
            if (!e.editingPath.empty()) {
                ImGui::Bullet();
                textWrappedf(tr("File: %s"), maps::printableForMessage(e.editingPath).c_str());  // paths can be long
            }
        }
        ImGui::Spacing();
        const float bw = buttonWidthFor({tr("Restore"), tr("Discard"), tr("Decide later")}, 150 * ui.scale);
        bool answered = false;
        ImGui::BeginDisabled(!e.error.empty());
        if (loggedButton(tr("Restore"), ImVec2(bw, 0)) || (e.error.empty() && s.pressed(SDL_SCANCODE_RETURN))) {
            restoreRecovery(s, e);
            answered = true;
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (loggedButton(tr("Discard"), ImVec2(bw, 0))) {
            declineRecovery(s, e);
            answered = true;
        }
        ImGui::SameLine();
        if (loggedButton(tr("Decide later"), ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
            answered = true;  // the file stays on disk and is offered again next time
        }
        if (answered) {
            s.recoveryOffer.erase(s.recoveryOffer.begin());
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace bodymap::app
