// The compare workspace (see compare_workspace.h).
#include "app/compare_workspace.h"

namespace bodymap::app {

void drawCompareWorkspace(AppState& s, CompareWorkspaceState& c, const UiContext& ui, ImVec2 pos,
                          ImVec2 size) {
    (void)s;
    (void)c;
    (void)ui;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 20, pos.y + 20));
    ImGui::TextDisabled("Compare visits: being built (%0.f x %0.f)", size.x, size.y);
}

}  // namespace bodymap::app
