// Document operations (see document_ops.h).
//
// [SECTION] Settings and recent files
// [SECTION] Library
// [SECTION] New, open, save
// [SECTION] Autosave and recovery
// [SECTION] Prompts
#include "app/document_ops.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "app/assets_path.h"
#include "maps/atomic_file.h"
#include "maps/json_util.h"
#include "maps/map_format.h"

namespace bodymap::app {

namespace fs = std::filesystem;

namespace {

// [SECTION] Settings and recent files

constexpr std::size_t kMaxRecent = 10;

std::string settingsFile() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg == '/') return std::string(xdg) + "/bodymap/settings.json";
    const char* home = std::getenv("HOME");
    if (home && *home) return std::string(home) + "/.config/bodymap/settings.json";
    return {};
}

void loadSettings(AppState& s) {
    s.settingsPath = settingsFile();
    if (s.settingsPath.empty()) return;
    auto text = maps::readFileLimited(s.settingsPath, 1 << 20);
    if (!text) return;  // first run: no settings yet
    auto json = maps::parseJsonLimited(text.value(), s.settingsPath, 8);
    if (!json || !json->is_object()) return;  // a damaged settings file only loses the list
    if (auto it = json->find("recent"); it != json->end() && it->is_array()) {
        for (const auto& p : *it) {
            if (p.is_string() && s.recent.size() < kMaxRecent) s.recent.push_back(p.get<std::string>());
        }
    }
}

void saveSettings(AppState& s) {
    if (s.settingsPath.empty()) return;
    // The recent-files list names clients' visits: a private (0700) folder, a 0600 file.
    if (!maps::ensurePrivateFolder(fs::path(s.settingsPath).parent_path().string())) return;
    nlohmann::json j;
    j["recent"] = s.recent;
    (void)maps::writeFileAtomic(s.settingsPath, j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

void addRecent(AppState& s, const std::string& path) {
    std::error_code ec;
    const std::string abs = fs::absolute(path, ec).lexically_normal().string();
    s.recent.erase(std::remove(s.recent.begin(), s.recent.end(), abs), s.recent.end());
    s.recent.insert(s.recent.begin(), abs);
    if (s.recent.size() > kMaxRecent) s.recent.resize(kMaxRecent);
    saveSettings(s);
}

std::string displayName(const AppState& s) {
    if (!s.doc.path.empty()) return fs::path(s.doc.path).filename().string();
    if (!s.doc.map.info.clientName.empty()) return s.doc.map.info.clientName + "'s new visit";
    return "the new map";
}

// Shows the client of a visit in the Clients tab when the file lives in the library.
void selectClientOf(AppState& s, const std::string& clientId, const std::string& path) {
    std::error_code ec;
    if (clientId.empty() || path.empty()) return;
    const fs::path folder = fs::path(path).parent_path();
    if (fs::equivalent(folder, fs::path(maps::Library(s.library.root).clientFolder(clientId)), ec)) {
        s.library.selectedClient = clientId;
        s.library.stale = true;
    }
}

}  // namespace

// [SECTION] Library

void refreshLibrary(AppState& s) {
    LibraryState& lib = s.library;
    lib.stale = false;
    lib.error.clear();
    maps::Library library(lib.root);
    auto clients = library.listClients();
    if (!clients) {
        lib.error = clients.error();
        lib.clients.clear();
        lib.visits.clear();
        return;
    }
    lib.clients = std::move(clients.value());
    lib.visits.clear();
    if (!lib.selectedClient.empty()) {
        auto visits = library.listVisits(lib.selectedClient);
        if (visits) lib.visits = std::move(visits.value());
        else lib.error = visits.error();
    }
}

// [SECTION] New, open, save

void newVisit(AppState& s, bool fromPrevious) {
    maps::PainMap map = maps::PainMap::blankFor(s.templ());
    const LibraryState& lib = s.library;
    if (!lib.selectedClient.empty()) {
        map.info.clientId = lib.selectedClient;
        for (const auto& c : lib.clients) {
            if (c.id == lib.selectedClient) map.info.clientName = c.displayName;
        }
        if (fromPrevious && !lib.visits.empty()) {
            auto prev = maps::loadMap(lib.visits.front().path, s.templates);
            if (!prev) {
                s.errorDialog = "Could not start from the previous visit: " + prev.error();
                return;
            }
            if (prev->templateId() == s.templ().id && prev->width() == map.width() &&
                prev->height() == map.height()) {
                for (maps::ViewId v : maps::kViews) map.layer(v) = prev->layer(v);
            }
            map.info.therapist = prev->info.therapist;
        }
    }
    map.info.visitTime = maps::localTimeNow();
    map.info.appVersion = appVersion();
    replaceDocument(s, std::move(map), "");
    if (fromPrevious) s.doc.restored = true;  // a copy that is not saved anywhere yet
    s.post(fromPrevious ? "New visit, starting from the previous one" : "New visit");
}

void openMapFile(AppState& s, const std::string& path) {
    auto map = maps::loadMap(path, s.templates);
    if (!map) {
        s.errorDialog = "Could not open the map.\n\n" + map.error();
        s.post("Could not open " + path, true);
        return;
    }
    auto tmpl = s.templates.find(map->templateId());
    if (tmpl) s.tmpl = tmpl;
    const std::string clientId = map->info.clientId;
    replaceDocument(s, std::move(map.value()), path);
    addRecent(s, path);
    selectClientOf(s, clientId, path);
    s.post("Opened " + path);
}

bool saveDocumentAs(AppState& s, const std::string& path) {
    maps::PainMap copy = s.doc.map;
    copy.info.appVersion = appVersion();
    if (copy.info.visitTime.empty()) copy.info.visitTime = maps::localTimeNow();
    if (auto st = maps::saveMap(copy, path); !st) {
        s.errorDialog = "The map was not saved; your work is still open.\n\n" + st.error();
        s.post("Not saved", true);
        return false;
    }
    s.doc.map.info.appVersion = copy.info.appVersion;
    s.doc.map.info.visitTime = copy.info.visitTime;
    s.doc.path = path;
    s.doc.history.markSaved();
    s.doc.restored = false;
    (void)maps::discardRecovery(maps::recoveryPath(s.library.root, s.session));
    s.autosavedGeneration = s.doc.generation;
    addRecent(s, path);
    s.library.stale = true;
    s.post("Saved " + path);
    return true;
}

bool saveDocument(AppState& s) {
    if (!s.doc.path.empty()) return saveDocumentAs(s, s.doc.path);
    if (s.doc.map.info.clientId.empty()) {
        showSaveAs(s);
        s.post("Choose a client in the Clients tab to save into the library, or pick a file");
        return false;
    }
    maps::PainMap copy = s.doc.map;
    copy.info.appVersion = appVersion();
    if (copy.info.visitTime.empty()) copy.info.visitTime = maps::localTimeNow();
    auto path = maps::Library(s.library.root).saveNewVisit(copy);
    if (!path) {
        s.errorDialog = "The visit was not saved; your work is still open.\n\n" + path.error();
        s.post("Not saved", true);
        return false;
    }
    return saveDocumentAs(s, path.value());
}

void showSaveAs(AppState& s) {
    std::string folder = s.doc.path.empty() ? std::string() : fs::path(s.doc.path).parent_path().string();
    std::string name = s.doc.path.empty() ? maps::visitFileStem(s.doc.map.info.visitTime.empty()
                                                                    ? maps::localTimeNow()
                                                                    : s.doc.map.info.visitTime)
                                          : fs::path(s.doc.path).stem().string();
    showFileDialog(s, FileDialogState::Mode::Save, "Save map as", ".json", folder, name,
                   [](AppState& st, const std::string& path) { saveDocumentAs(st, path); });
}

void showOpen(AppState& s) {
    std::string folder = s.doc.path.empty() ? s.library.root : fs::path(s.doc.path).parent_path().string();
    showFileDialog(s, FileDialogState::Mode::Open, "Open map", ".json", folder, "",
                   [](AppState& st, const std::string& path) {
                       guardUnsaved(st, "opening another map",
                                    [path](AppState& s2) { openMapFile(s2, path); });
                   });
}

void guardUnsaved(AppState& s, const std::string& action, std::function<void(AppState&)> proceed) {
    // A never-saved map with nothing drawn or written in it is not worth a question.
    const bool emptyNewMap = s.doc.path.empty() && !s.doc.restored && s.doc.map.isBlank() &&
                             s.doc.map.tags.empty() && s.doc.map.info.notes.empty();
    if (!s.doc.modified() || emptyNewMap) {
        proceed(s);
        return;
    }
    s.unsaved.open = true;
    s.unsaved.action = action;
    s.unsaved.proceed = std::move(proceed);
}

// [SECTION] Autosave and recovery

void initDocuments(AppState& s, const std::string& libraryOption) {
    s.library.root = maps::resolveLibraryRoot(libraryOption);
    s.session = maps::newSessionId();
    loadSettings(s);
    if (auto st = maps::Library(s.library.root).ensureRoot(); !st) {
        s.library.error = st.error();
        s.post("The client library cannot be used: " + st.error(), true);
    }
    refreshLibrary(s);
    auto offers = maps::listRecovery(s.library.root);
    if (offers) s.recoveryOffer = std::move(offers.value());
}

void autosaveTick(AppState& s, double now, double intervalSeconds) {
    if (!s.doc.modified() || s.doc.generation == s.autosavedGeneration) return;
    if (now - s.lastAutosave < intervalSeconds) return;
    s.lastAutosave = now;
    if (auto st = maps::writeRecovery(s.library.root, s.session, s.doc.map, s.doc.path); !st) {
        s.post("Autosave failed: " + st.error(), true);
        return;
    }
    s.autosavedGeneration = s.doc.generation;
}

void endSession(AppState& s) {
    if (!s.doc.modified()) (void)maps::discardRecovery(maps::recoveryPath(s.library.root, s.session));
}

// [SECTION] Prompts

void drawDocumentPrompts(AppState& s, const UiContext& ui) {
    if (s.unsaved.open && !ImGui::IsPopupOpen("Unsaved changes")) ImGui::OpenPopup("Unsaved changes");
    ImGui::SetNextWindowSize(ImVec2(520 * ui.scale, 0));
    if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("Save the changes to %s before %s?", displayName(s).c_str(),
                           s.unsaved.action.c_str());
        ImGui::TextDisabled("If you don't save, the changes are lost.");
        ImGui::Spacing();
        const float bw = 130 * ui.scale;
        auto finish = [&](bool run) {
            auto proceed = std::move(s.unsaved.proceed);
            s.unsaved = {};
            ImGui::CloseCurrentPopup();
            if (run && proceed) s.deferred.push_back(proceed);
        };
        if (ImGui::Button("Save", ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_RETURN)) {
            const bool saved = saveDocument(s);
            finish(saved);
        }
        ImGui::SameLine();
        if (ImGui::Button("Don't save", ImVec2(bw, 0))) {
            (void)maps::discardRecovery(maps::recoveryPath(s.library.root, s.session));
            s.doc.history.markSaved();
            s.doc.restored = false;
            finish(true);
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel", ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
            finish(false);
        }
        ImGui::EndPopup();
    }

    if (!s.recoveryOffer.empty() && !s.unsaved.open && !ImGui::IsPopupOpen("Restore unsaved work?")) {
        ImGui::OpenPopup("Restore unsaved work?");
    }
    ImGui::SetNextWindowSize(ImVec2(600 * ui.scale, 0));
    if (ImGui::BeginPopupModal("Restore unsaved work?", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("BodyMap closed without saving this work last time. It was kept safe:");
        ImGui::Spacing();
        const maps::RecoveryEntry& e = s.recoveryOffer.front();
        if (!e.error.empty()) {
            ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "This recovery file is damaged: %s", e.error.c_str());
        } else {
            ImGui::BulletText("Client: %s", e.clientName.empty() ? "(none)" : e.clientName.c_str());
            ImGui::BulletText("Visit: %s", e.visitTime.c_str());
            ImGui::BulletText("Autosaved: %s", e.savedAt.c_str());
            if (!e.editingPath.empty()) ImGui::BulletText("File: %s", e.editingPath.c_str());
        }
        ImGui::Spacing();
        const float bw = 150 * ui.scale;
        const std::string path = e.path;
        bool answered = false;
        ImGui::BeginDisabled(!e.error.empty());
        if (ImGui::Button("Restore", ImVec2(bw, 0)) || (e.error.empty() && s.pressed(SDL_SCANCODE_RETURN))) {
            auto rec = maps::readRecovery(path, s.templates);
            if (!rec) {
                s.errorDialog = "Could not restore: " + rec.error();
            } else {
                auto tmpl = s.templates.find(rec->map.templateId());
                if (tmpl) s.tmpl = tmpl;
                const std::string clientId = rec->map.info.clientId;
                replaceDocument(s, std::move(rec->map), rec->editingPath);
                s.doc.restored = true;
                selectClientOf(s, clientId, s.doc.path);
                // Take the restored work over into this session's recovery file at once.
                if (maps::writeRecovery(s.library.root, s.session, s.doc.map, s.doc.path)) {
                    (void)maps::discardRecovery(path);
                }
                s.post("Restored unsaved work; save it to keep it");
            }
            answered = true;
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Discard", ImVec2(bw, 0))) {
            (void)maps::discardRecovery(path);
            answered = true;
        }
        ImGui::SameLine();
        if (ImGui::Button("Decide later", ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
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
