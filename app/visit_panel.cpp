// The Visit tab: client, date, who drew the map, therapist and notes. Each field edit is one
// undoable step; the date is checked before it is taken.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/side_panels.h"
#include "maps/map_format.h"

namespace bodymap::app {

namespace {
void label(const char* text, const UiContext& ui) {
    ImGui::Spacing();
    if (ui.bold) ImGui::PushFont(ui.bold);
    ImGui::TextUnformatted(text);
    if (ui.bold) ImGui::PopFont();
}

// Commits the working copy when the field just lost focus after a change.
void commitIfEdited(AppState& s, SidePanelState& p, const char* what) {
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        pushDocumentEdit(s, p.editInfo, s.doc.map.tags, std::string("Edit ") + what);
    }
}
}  // namespace

void drawVisitTab(AppState& s, SidePanelState& p, const UiContext& ui) {
    // While no field is being edited the working copy follows the document (undo, open, ...).
    if (!ImGui::IsAnyItemActive()) p.editInfo = s.doc.map.info;
    const bool saved = !s.doc.path.empty();

    label("Client", ui);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##cname", "Client's name", &p.editInfo.clientName);
    commitIfEdited(s, p, "client name");
    ImGui::SetNextItemWidth(-1);
    ImGui::BeginDisabled(saved);
    ImGui::InputTextWithHint("##cid", "Client id (for the library)", &p.editInfo.clientId);
    commitIfEdited(s, p, "client id");
    ImGui::EndDisabled();
    if (saved && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("The id of a saved visit is fixed: it decides the client's folder");
    }

    label("Date and time", ui);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##when", "YYYY-MM-DDTHH:MM:SS", &p.editInfo.visitTime);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        if (maps::isIsoDateTime(p.editInfo.visitTime)) {
            pushDocumentEdit(s, p.editInfo, s.doc.map.tags, "Edit date");
        } else {
            s.post("Not a date: use the form 2026-11-24T14:30:00", true);
            p.editInfo.visitTime = s.doc.map.info.visitTime;
        }
    }

    label("Drawn by", ui);
    int who = p.editInfo.drawnBy == maps::DrawnBy::Client ? 0 : 1;
    if (ImGui::RadioButton("Client", who == 0)) who = 0;
    ImGui::SameLine();
    if (ImGui::RadioButton("Therapist", who == 1)) who = 1;
    const auto drawnBy = who == 0 ? maps::DrawnBy::Client : maps::DrawnBy::Therapist;
    if (drawnBy != s.doc.map.info.drawnBy) {
        p.editInfo.drawnBy = drawnBy;
        pushDocumentEdit(s, p.editInfo, s.doc.map.tags, "Change who drew the map");
    }

    label("Therapist", ui);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##ther", "Therapist's name", &p.editInfo.therapist);
    commitIfEdited(s, p, "therapist");

    label("Notes", ui);
    ImGui::InputTextMultiline("##notes", &p.editInfo.notes, ImVec2(-1, 180 * ui.scale));
    commitIfEdited(s, p, "notes");

    ImGui::Spacing();
    ImGui::TextDisabled("Template: %s, version %d", s.templ().name.c_str(), s.templ().version);
    if (!s.doc.path.empty()) ImGui::TextDisabled("File: %s", s.doc.path.c_str());
}

}  // namespace bodymap::app
