// The panel on the right: the visit, the legend and what is under the pointer.
#include <string>

#include "app/panels.h"

namespace bodymap::app {

namespace {
void heading(const char* text, const UiContext& ui) {
    ImGui::Spacing();
    if (ui.bold) ImGui::PushFont(ui.bold);
    ImGui::TextUnformatted(text);
    if (ui.bold) ImGui::PopFont();
    ImGui::Separator();
}
}  // namespace

void drawInfoPanel(AppState& s, const UiContext& ui) {
    heading("Visit", ui);
    const auto& info = s.doc.map.info;
    ImGui::TextDisabled("Client");
    ImGui::SameLine(90 * ui.scale);
    ImGui::TextUnformatted(info.clientName.empty() ? "(none chosen)" : info.clientName.c_str());
    ImGui::TextDisabled("Date");
    ImGui::SameLine(90 * ui.scale);
    ImGui::TextUnformatted(info.visitTime.empty() ? "(not saved yet)" : info.visitTime.c_str());
    ImGui::TextDisabled("Template");
    ImGui::SameLine(90 * ui.scale);
    ImGui::Text("%s v%d", s.templ().name.c_str(), s.templ().version);

    heading("Legend", ui);
    legend(ui);

    heading("Under the pointer", ui);
    if (s.view.hoverRegion >= 0) {
        const auto& r = s.templ().regions[static_cast<std::size_t>(s.view.hoverRegion)];
        ImGui::TextWrapped("%s", r.name.c_str());
        if (r.wpi) {
            ImGui::TextDisabled("WPI area: %s", std::string(maps::wpiAreaName(*r.wpi)).c_str());
        } else {
            ImGui::TextDisabled("Not a WPI area");
        }
    } else {
        ImGui::TextDisabled("Point at the body to see the region's name.");
    }
}

}  // namespace bodymap::app
