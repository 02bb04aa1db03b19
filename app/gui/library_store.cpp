// The window's side of the store (see library_store.h).
#include "app/gui/library_store.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/document_ops.h"
#include "app/gui/library_panel.h"
#include "app/gui/tr_text.h"
#include "maps/atomic_file.h"
#include "maps/client_library.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/map_format.h"
#include "maps/store/postgres_store.h"

namespace bodymap::app {

namespace {

constexpr double kRelistSeconds = 5.0;     // without a watch
constexpr double kReconnectSeconds = 3.0;  // while the server is away

void startWatch(AppState& s) {
    s.watch.reset();
    // The intake login reads nothing, not even which visits changed.
    if (!s.store || s.store->addOnly()) return;
    std::string why;
    s.watch = s.store->watch(why);
    if (!s.watch) {
        // TRANSLATORS: %s says why; the list is then re-read every few seconds instead.
        s.post(i18n::format(tr("Live updates of the client list are off: %s"), why.c_str()), true);
        testLog("watch-off " + why);
    }
}

void lostServer(AppState& s) {
    LibraryState& lib = s.library;
    if (!lib.server || lib.disconnected) return;
    lib.disconnected = true;
    s.watch.reset();
    s.post(tr("The clinic server cannot be reached; trying again every few seconds"), true);
    testLog("disconnected");
}

void backOnServer(AppState& s) {
    LibraryState& lib = s.library;
    lib.disconnected = false;
    startWatch(s);
    s.post(tr("Connected to the clinic server again"));
    testLog("reconnected");
    if (lib.pendingSave && s.doc.modified()) lib.offerSave = true;
    lib.pendingSave = false;
}

maps::ClientEntry entryOf(const store::ClientInfo& c) {
    maps::ClientEntry e;
    e.id = c.id;
    e.displayName = c.displayName;
    e.visitCount = c.visitCount;
    e.lastVisit = c.lastVisit;
    return e;
}

maps::VisitEntry entryOf(const store::VisitSummary& v) {
    maps::VisitEntry e;
    e.path = v.key;
    e.visitTime = v.visitTime;
    e.drawnBy = v.drawnBy;
    e.therapist = v.therapist;
    e.clientName = v.clientName;
    e.error = v.error;
    return e;
}

void clearLists(LibraryState& lib) {
    lib.clients.clear();
    lib.visits.clear();
    lib.summaries.clear();
}

}  // namespace

void openLibrary(AppState& s, const std::string& option, const std::string& password) {
    LibraryState& lib = s.library;
    const std::string where = maps::resolveLibraryRoot(option);
    lib.server = store::isServerLocation(where);
    lib.location = lib.server ? store::redactedLocation(where) : where;
    lib.root = lib.server ? store::serverLocalFolder(where) : where;
    lib.connectLocation = where;
    s.watch.reset();
    s.store.reset();
    store::OpenOptions o;
    o.password = password;
    auto opened = store::openStore(where, s.templates, o);
    if (!opened.store) {
        clearLists(lib);
        lib.error = opened.error;
        if (opened.needsPassword) {
            s.passwordPrompt.open = true;
            s.passwordPrompt.shown = lib.location;
            s.passwordPrompt.error = password.empty() ? std::string() : opened.error;
            s.passwordPrompt.password.clear();
            testLog("password-asked");
        } else {
            // Said once; a server is re-tried every few seconds (pollLibrary).
            if (!lib.disconnected) s.post(i18n::format(tr("The client library cannot be used: %s"), opened.error.c_str()), true);
            if (lib.server) lib.disconnected = true;
        }
        testLog("library-error " + opened.error);
        return;
    }
    s.store = std::move(opened.store);
    s.passwordPrompt = {};
    lib.location = s.store->location();
    lib.addOnly = s.store->addOnly();
    lib.disconnected = false;
    lib.error.clear();
    if (lib.server) {
        // Recovery files of server visits stay on this computer, private.
        if (auto st = maps::ensurePrivateFolder(lib.root); !st) {
            s.post(i18n::format(tr("Autosave is off: %s"), st.error().c_str()), true);
        }
        testLog("connected " + lib.location + (lib.addOnly ? " add-only" : ""));
    }
    // Remembered for a reconnect that has to open the store anew.
    lib.connectPassword = password;
    startWatch(s);
    lib.stale = true;
}

void refreshLibrary(AppState& s) {
    LibraryState& lib = s.library;
    lib.stale = false;
    ++lib.listing;
    lib.problems.clear();
    if (!s.store) {
        // Not open (a server that is away at start, or waiting for its password): the error
        // stays shown; a server is re-tried by pollLibrary.
        clearLists(lib);
        return;
    }
    lib.error.clear();
    if (lib.addOnly) {
        // The intake login: only the client it was handed, through the server's function.
        clearLists(lib);
        if (!lib.selectedClient.empty()) {
            auto c = s.store->findClient(lib.selectedClient);
            if (c) lib.clients.push_back(entryOf(c.value()));
            else lib.error = c.error();
        }
        testLog("listed " + std::to_string(lib.clients.size()) + " clients, 0 visits, 0 problems");
        return;
    }
    auto clients = s.store->listClients();
    if (!clients) {
        lib.error = clients.error();
        // A server that went away: the last lists stay shown (the note above them says so).
        if (!lib.server) clearLists(lib);
        lostServer(s);
        testLog("list-failed " + lib.error);
        return;
    }
    lib.clients.clear();
    for (const auto& c : clients->clients) lib.clients.push_back(entryOf(c));
    for (auto& p : clients->problems) lib.problems.push_back({std::move(p.where), std::move(p.message)});
    lib.visits.clear();
    lib.summaries.clear();
    if (!lib.selectedClient.empty()) {
        const auto started = std::chrono::steady_clock::now();
        auto visits = s.store->listVisits(lib.selectedClient);
        if (testLogEnabled()) {
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            testLog("visit-list " + std::to_string(visits ? visits->visits.size() : 0) + " visits in " +
                    std::to_string(static_cast<int>(ms + 0.5)) + " ms");
        }
        if (visits) {
            for (const auto& v : visits->visits) lib.visits.push_back(entryOf(v));
            lib.summaries = std::move(visits->visits);
            for (auto& p : visits->problems) {
                // The client listing may already name it (it looks into the folders too).
                const bool known = std::any_of(lib.problems.begin(), lib.problems.end(),
                                               [&](const maps::LibraryProblem& q) { return q.path == p.where; });
                if (!known) lib.problems.push_back({std::move(p.where), std::move(p.message)});
            }
        } else {
            lib.error = visits.error();
            lostServer(s);
        }
    }
    if (lib.disconnected && lib.error.empty()) backOnServer(s);
    testLog("listed " + std::to_string(lib.clients.size()) + " clients, " +
            std::to_string(lib.visits.size()) + " visits, " + std::to_string(lib.problems.size()) +
            " problems");
}

void pollLibrary(AppState& s, double now) {
    LibraryState& lib = s.library;
    if (!lib.stale) {
        if (s.watch) {
            if (s.watch->changed()) {
                lib.stale = true;
                if (!s.watch->error().empty()) {
                    testLog("watch-lost " + s.watch->error());
                    lostServer(s);
                }
            }
        } else if (lib.probe) {
            // Reconnecting only once the server answers: a connection or a listing to a server
            // that has gone silent would hold this frame for the connect timeout.
            if (const int answer = lib.probe->load(); answer >= 0) {
                lib.probe.reset();
                lib.lastPoll = now;
                if (answer == 1) {
                    if (!s.store) {
                        // Away at start: open it anew (with the password given, if any).
                        openLibrary(s, lib.connectLocation, lib.connectPassword);
                        if (s.store) backOnServer(s);
                    }
                    lib.stale = true;
                } else {
                    testLogChanged("probe", "server-silent");
                }
            }
        } else if (!s.passwordPrompt.open && now - lib.lastPoll >= (lib.disconnected ? kReconnectSeconds : kRelistSeconds)) {
            lib.lastPoll = now;
            if (lib.server && (lib.disconnected || !s.store)) {
                lib.probe = std::make_shared<std::atomic<int>>(-1);
                std::thread([probe = lib.probe, where = lib.connectLocation] {
                    probe->store(store::serverAnswers(where) ? 1 : 0);
                }).detach();
            } else {
                lib.stale = true;
            }
        }
    }
    // Between frames, so that a list is never stale for long whichever tab is shown.
    if (lib.stale) refreshLibrary(s);
}

bool isServerKey(const AppState& s, const std::string& key) {
    return s.store && s.store->kind() == store::StoreKind::Server && s.store->ownsKey(key);
}

maps::Result<maps::PainMap> loadLibraryMap(AppState& s, const std::string& key) {
    if (isServerKey(s, key)) {
        auto v = s.store->load(key);
        if (!v) return maps::Error{v.error()};
        return std::move(v->map);
    }
    return maps::loadMap(key, s.templates);
}

maps::Result<maps::CompactMap> loadLibraryCompactMap(AppState& s, const std::string& key) {
    if (isServerKey(s, key)) {
        auto raw = s.store->readRaw(key);
        if (!raw) return maps::Error{raw.error()};
        return maps::parseCompactMap(raw->bytes, key, s.templates);
    }
    return maps::loadCompactMap(key, s.templates);
}

std::string listedVersion(const AppState& s, const std::string& key) {
    for (const auto& v : s.library.summaries) {
        if (v.key == key) return v.version.token;
    }
    return {};
}

std::string visitName(const AppState& s, const std::string& key) {
    for (const auto& v : s.library.summaries) {
        if (v.key == key) return friendlyDate(v.visitTime);
    }
    return key;
}

void drawLibraryPrompts(AppState& s, const UiContext& ui) {
    PasswordPrompt& pw = s.passwordPrompt;
    const std::string pwTitle = idLabel(tr("Clinic server password"), "Clinic server password");
    if (pw.open && !ImGui::IsPopupOpen(pwTitle.c_str()) && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) {
        openPopupLogged(pwTitle);
        pw.openedFrame = ImGui::GetFrameCount();
    }
    ImGui::SetNextWindowSize(ImVec2(560 * ui.scale, 0));
    if (ImGui::BeginPopupModal(pwTitle.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        // TRANSLATORS: %s is the clinic server, e.g. postgresql://anna@clinic-db:5432/clinic.
        textWrappedf(tr("The clinic server %s asks for your password."), pw.shown.c_str());
        ImGui::TextDisabled("%s", tr("It is kept only while BodyMap runs (~/.pgpass can hold it instead)."));
        ImGui::Spacing();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::InputText("##password", &pw.password, ImGuiInputTextFlags_Password);
        // Enter from this frame's SDL presses (ImGui 1.86 misses a quick tap), and not in the
        // frame the dialog appeared in (the Enter that started the action is not the answer).
        const bool enter = ImGui::GetFrameCount() > pw.openedFrame &&
                           (s.pressed(SDL_SCANCODE_RETURN) || s.pressed(SDL_SCANCODE_KP_ENTER));
        if (!pw.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.1f, 1));
            ImGui::TextWrapped("%s", pw.error.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Spacing();
        const float bw = buttonWidthFor({tr("Connect"), tr("Work offline")}, 140 * ui.scale);
        if (loggedButton(tr("Connect"), ImVec2(bw, 0)) || enter) {
            const std::string location = s.library.connectLocation, password = pw.password;
            ImGui::CloseCurrentPopup();
            pw.open = false;
            s.deferred.push_back([location, password](AppState& st) {
                openLibrary(st, location, password);
                if (!st.store) return;
                refreshLibrary(st);
                if (!st.library.openAfterConnect.empty()) {
                    const std::string key = std::exchange(st.library.openAfterConnect, {});
                    openMapFile(st, key);
                }
            });
        }
        ImGui::SameLine();
        if (loggedButton(tr("Work offline"), ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
            pw.open = false;
            pw.password.clear();
            ImGui::CloseCurrentPopup();
            s.post(tr("Not connected to the clinic server; maps can still be opened and saved as files"), true);
        }
        ImGui::EndPopup();
    }

    LibraryState& lib = s.library;
    const std::string backTitle = idLabel(tr("The clinic server is back"), "The clinic server is back");
    if (lib.offerSave && !ImGui::IsPopupOpen(backTitle.c_str()) && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) {
        openPopupLogged(backTitle);
    }
    ImGui::SetNextWindowSize(ImVec2(560 * ui.scale, 0));
    if (ImGui::BeginPopupModal(backTitle.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("%s", tr("The connection to the clinic server is back. Your unsaved work was kept in the "
                                    "recovery file on this computer meanwhile."));
        ImGui::Spacing();
        const float bw = buttonWidthFor({tr("Save now"), tr("Later")}, 140 * ui.scale);
        if (loggedButton(tr("Save now"), ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_RETURN)) {
            lib.offerSave = false;
            ImGui::CloseCurrentPopup();
            s.deferred.push_back([](AppState& st) { saveDocument(st); });
        }
        ImGui::SameLine();
        if (loggedButton(tr("Later"), ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
            lib.offerSave = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace bodymap::app
