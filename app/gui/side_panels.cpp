// The right-hand panel's tabs (see side_panels.h).
#include "app/gui/side_panels.h"

#include "app/gui/fascia_ui.h"

namespace bodymap::app {

void drawSidePanel(AppState& s, SidePanelState& p, const UiContext& ui) {
    if (!ImGui::BeginTabBar("##side")) return;
    if (ImGui::BeginTabItem("Clients")) {
        drawLibraryPanel(s, p.library, ui);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Visit")) {
        drawVisitTab(s, p, ui);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Tags")) {
        drawTagsTab(s, ui);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Figures")) {
        drawFiguresTab(s, p, ui);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace bodymap::app
