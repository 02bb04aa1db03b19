// AppState helpers: notices and the undoable edit operations (see app_state.h).
#include "app/app_state.h"

#include <imgui.h>

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

namespace {
void markCommandDirty(AppState& s, const maps::Command* cmd) {
    if (!cmd) return;
    maps::ViewId v = maps::ViewId::Front;
    const maps::CellRect r = cmd->rasterBounds(s.doc.map, v);
    if (!r.empty()) s.painDirty[static_cast<std::size_t>(v)].include(r);
}
}  // namespace

void undo(AppState& s) {
    if (const maps::Command* cmd = s.doc.history.undo(s.doc.map)) {
        ++s.doc.generation;
        markCommandDirty(s, cmd);
        s.post("Undid: " + cmd->label());
    }
}

void redo(AppState& s) {
    if (const maps::Command* cmd = s.doc.history.redo(s.doc.map)) {
        ++s.doc.generation;
        markCommandDirty(s, cmd);
        s.post("Redid: " + cmd->label());
    }
}

void replaceDocument(AppState& s, maps::PainMap map, std::string path) {
    s.doc.map = std::move(map);
    s.doc.path = std::move(path);
    s.doc.history.clear();
    s.doc.restored = false;
    ++s.doc.generation;
    s.autosavedGeneration = s.doc.generation;
    s.markAllDirty();
}

}  // namespace bodymap::app
