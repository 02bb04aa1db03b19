// The right-hand panel's tabs (see side_panels.h).
#include "app/gui/side_panels.h"

#include "app/gui/fascia_ui.h"
#include "app/gui/panels.h"

namespace bodymap::app {

void drawSidePanel(AppState& s, SidePanelState& p, const UiContext& ui, bool withTools) {
    if (!ImGui::BeginTabBar("##side")) return;
    if (withTools && ImGui::BeginTabItem("Paint")) {
        logLastItem("tab-Paint");
        drawToolsCompact(s, ui);
        ImGui::EndTabItem();
    }
    // After an intake the therapist lands on the client's page.
    const ImGuiTabItemFlags clients = s.library.reveal ? ImGuiTabItemFlags_SetSelected : 0;
    s.library.reveal = false;
    if (ImGui::BeginTabItem("Clients", nullptr, clients)) {
        drawLibraryPanel(s, p.library, ui);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Visit")) {
        drawVisitTab(s, p, ui);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Tags")) {
        if (withTools) {
            drawLinesAndView(s, ui);
            heading("Tags", ui);
        }
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
