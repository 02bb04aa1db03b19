// The right-hand panel's tabs (see side_panels.h).
#include "app/gui/side_panels.h"

#include <utility>

#include "app/gui/document_ops.h"
#include "app/gui/fascia_ui.h"
#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "maps/i18n/i18n.h"

namespace bodymap::app {

void drawSidePanel(AppState& s, SidePanelState& p, const UiContext& ui, bool withTools) {
    if (!ImGui::BeginTabBar("##side")) return;
    // TRANSLATORS: tabs of the side panel (short: four or five share its width).
    if (withTools && ImGui::BeginTabItem(idLabel(trc("tab", "Paint"), "Paint").c_str())) {
        logLastItem("tab-Paint");
        drawToolsCompact(s, ui);
        ImGui::EndTabItem();
    }
    // After an intake the therapist lands on the client's page.
    const ImGuiTabItemFlags clients = s.library.reveal ? ImGuiTabItemFlags_SetSelected : 0;
    s.library.reveal = false;
    // Each tab's place is logged for tests, shown or not.
    const bool clientsOpen = ImGui::BeginTabItem(idLabel(tr("Clients"), "Clients").c_str(), nullptr, clients);
    logLastItem("tab-Clients");
    if (clientsOpen) {
        drawLibraryPanel(s, p.library, ui);
        ImGui::EndTabItem();
    }
    const bool visitOpen = ImGui::BeginTabItem(idLabel(trc("tab", "Visit"), "Visit").c_str(), nullptr,
                                               s.showSessionNote ? ImGuiTabItemFlags_SetSelected : 0);
    logLastItem("tab-Visit");
    if (visitOpen) {
        drawVisitTab(s, p, ui);
        ImGui::EndTabItem();
    }
    const bool tagsOpen = ImGui::BeginTabItem(idLabel(trc("tab", "Tags"), "Tags").c_str());
    logLastItem("tab-Tags");
    if (tagsOpen) {
        if (withTools) {
            drawLinesAndView(s, ui);
            heading(trc("tab", "Tags"), ui);
        }
        drawTagsTab(s, ui);
        drawMarksList(s, ui);
        ImGui::EndTabItem();
    }
    const bool figuresOpen = ImGui::BeginTabItem(idLabel(trc("tab", "Figures"), "Figures").c_str());
    logLastItem("tab-Figures");
    if (figuresOpen) {
        drawFiguresTab(s, p, ui);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
    // Ctrl+S while typing (shortcuts.cpp), after the Visit tab committed what was typed.
    if (std::exchange(s.saveFromField, false)) s.deferred.push_back([](AppState& st) { saveDocument(st); });
}

}  // namespace bodymap::app
