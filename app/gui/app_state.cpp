// AppState helpers: notices and the undoable edit operations (see app_state.h).
#include "app/gui/app_state.h"

#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <map>

#include <imgui.h>

#include "maps/i18n/i18n.h"

namespace bodymap::app {

void AppState::post(std::string text, bool error) {
    notices.push_back({std::move(text), error, ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0});
    if (notices.size() > 20) notices.erase(notices.begin());
}

void AppState::markAllDirty() {
    for (auto& r : painDirty) r = {0, 0, doc.map.width(), doc.map.height()};
}

void pushEdit(AppState& s, maps::RasterEdit edit, const std::string& label) {
    if (edit.empty()) return;
    s.painDirty[static_cast<std::size_t>(edit.view())].include(edit.bounds(s.doc.map));
    s.doc.history.push(std::make_unique<maps::RasterCommand>(std::move(edit), label));
    ++s.doc.generation;
}

void pushDocumentEdit(AppState& s, maps::VisitInfo info, std::vector<maps::FascialTag> tags,
                      const std::string& label) {
    if (info == s.doc.map.info && tags == s.doc.map.tags) return;
    auto cmd = std::make_unique<maps::DocumentCommand>(s.doc.map.tags, s.doc.map.info,
                                                       std::move(tags), std::move(info), label);
    cmd->redo(s.doc.map);
    s.doc.history.push(std::move(cmd));
    ++s.doc.generation;
}

void pushMarksEdit(AppState& s, std::vector<maps::Mark> marks, const std::string& label) {
    if (marks == s.doc.map.marks) return;
    auto cmd = std::make_unique<maps::MarksCommand>(s.doc.map.marks, std::move(marks), label);
    cmd->redo(s.doc.map);
    s.doc.history.push(std::move(cmd));
    ++s.doc.generation;
    testLog("marks " + std::to_string(s.doc.map.marks.size()) + " " + label);
}

namespace {
void markCommandDirty(AppState& s, const maps::Command* cmd) {
    if (!cmd) return;
    // An undone placement takes its mark away: never keep a selection past the list's end.
    if (s.tools.marks.selected >= static_cast<int>(s.doc.map.marks.size())) s.tools.marks.selected = -1;
    maps::ViewId v = maps::ViewId::Front;
    const maps::CellRect r = cmd->rasterBounds(s.doc.map, v);
    // One cell more each side: a findings cell's outline depends on its neighbours.
    if (!r.empty()) s.painDirty[static_cast<std::size_t>(v)].include({r.x0 - 1, r.y0 - 1, r.x1 + 1, r.y1 + 1});
}
}  // namespace

void undo(AppState& s) {
    if (const maps::Command* cmd = s.doc.history.undo(s.doc.map)) {
        ++s.doc.generation;
        markCommandDirty(s, cmd);
        // TRANSLATORS: status bar after Undo; %s is the step undone ("Fill Left upper abdomen").
        s.post(i18n::format(tr("Undid: %s"), cmd->label().c_str()));
    }
}

void redo(AppState& s) {
    if (const maps::Command* cmd = s.doc.history.redo(s.doc.map)) {
        ++s.doc.generation;
        markCommandDirty(s, cmd);
        // TRANSLATORS: status bar after Redo; %s is the step redone.
        s.post(i18n::format(tr("Redid: %s"), cmd->label().c_str()));
    }
}

void replaceDocument(AppState& s, maps::PainMap map, std::string path, maps::FileStamp stamp) {
    s.doc.map = std::move(map);
    s.doc.path = std::move(path);
    s.tools.marks.selected = -1;
    s.doc.stamp = stamp;
    s.doc.version = {};
    s.doc.history.clear();
    s.doc.restored = false;
    if (s.recovery) (void)s.recovery->discard();
    ++s.doc.generation;
    s.autosavedGeneration = s.doc.generation;
    s.markAllDirty();
}

namespace {
std::FILE* testLogFile() {
    static std::FILE* f = [] {
        const char* name = std::getenv("BODYMAP_TEST_LOG");
        return name && *name ? std::fopen(name, "a") : nullptr;
    }();
    return f;
}
}  // namespace

bool testLogEnabled() { return testLogFile() != nullptr; }

void testLog(const std::string& line) {
    if (std::FILE* f = testLogFile()) {
        std::fprintf(f, "%s\n", line.c_str());
        std::fflush(f);
    }
}

namespace {
// The last line logged per key by testLogChanged and logLastItem (tests only).
std::map<std::string, std::string>& loggedLines() {
    static std::map<std::string, std::string> logged;
    return logged;
}
}  // namespace

void testLogChanged(const std::string& key, const std::string& line) {
    if (!testLogEnabled()) return;
    std::string& last = loggedLines()[key];
    if (last != line) {
        last = line;
        testLog(line);
    }
}

void logLastItem(const char* label) {
    if (!testLogEnabled()) return;
    auto& logged = loggedLines();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    char where[64], rect[96];
    std::snprintf(where, sizeof where, "%d %d", static_cast<int>((a.x + b.x) / 2),
                  static_cast<int>((a.y + b.y) / 2));
    std::snprintf(rect, sizeof rect, "%d %d %d %d", static_cast<int>(a.x), static_cast<int>(a.y),
                  static_cast<int>(b.x - a.x), static_cast<int>(b.y - a.y));
    std::string& last = logged[std::string("item ") + label];
    const std::string now = std::string(where) + " " + rect;
    if (last != now) {
        last = now;
        testLog(std::string("button ") + label + " " + where);
        testLog(std::string("rect ") + label + " " + rect);
    }
}

float buttonWidthFor(std::initializer_list<const char*> labels, float minWidth) {
    float w = minWidth;
    for (const char* l : labels) {
        w = std::max(w, ImGui::CalcTextSize(l, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x);
    }
    return w;
}

void openPopupLogged(const std::string& name) {
    ImGui::OpenPopup(name.c_str());
    const auto id = name.find("###");
    testLog("dialog " + (id == std::string::npos ? name : name.substr(id + 3)));
}

bool loggedButton(const char* label, ImVec2 size) {
    const bool clicked = ImGui::Button(label, size);
    logLastItem(label);
    return clicked;
}

}  // namespace bodymap::app
