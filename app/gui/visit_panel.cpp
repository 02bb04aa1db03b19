// The Visit tab: client, date, who drew the map, therapist, notes and the therapist's session
// note (SOAP and the treatment given). Each field edit is one
// undoable step; the date and time control only ever produces a real date.
#include <algorithm>
#include <cstdio>
#include <utility>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/library_store.h"
#include "app/gui/side_panels.h"
#include "app/gui/tr_text.h"
#include "maps/i18n/i18n.h"
#include "app/gui/user_text.h"
#include "maps/client_library.h"
#include "maps/map_format.h"
#include "maps/visit_time.h"

namespace bodymap::app {

namespace {
void label(const char* text, const UiContext& ui) {
    ImGui::Spacing();
    if (ui.bold) ImGui::PushFont(ui.bold);
    ImGui::TextUnformatted(text);
    if (ui.bold) ImGui::PopFont();
}

// Commits the working copy when the field just lost focus after a change.
// `step` is the undo step's name ("Edit notes"), translated.
void commitIfEdited(AppState& s, SidePanelState& p, const char* step) {
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        pushDocumentEdit(s, p.editInfo, s.doc.map.tags, step);
    }
}

// Puts the date control's fields into the document as one undoable step.
void commitTime(AppState& s, SidePanelState& p, const maps::CivilTime& t) {
    p.editTime = maps::clampCivilTime(t);
    p.editInfo.visitTime = maps::formatCivilTime(p.editTime);
    // TRANSLATORS: an undo step (Edit > Undo Edit date).
    pushDocumentEdit(s, p.editInfo, s.doc.map.tags, tr("Edit date"));
}

enum class Step { None, Down, Up };

// A number with - and + buttons either side: each click is one step. A typed number is kept in
// `value` while its field is active (`typing`); `edited` says the text changed this frame.
// `earlier` and `later` are the buttons' tooltips.
Step stepper(const char* id, int& value, const char* format, float fieldWidth, const char* earlier,
             const char* later, bool& typing, bool& edited) {
    Step step = Step::None;
    const float b = ImGui::GetFrameHeight();
    const float inner = ImGui::GetStyle().ItemInnerSpacing.x;
    ImGui::PushID(id);
    ImGui::BeginGroup();
    if (ImGui::Button("-", ImVec2(b, b))) step = Step::Down;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", earlier);
    ImGui::SameLine(0, inner);
    ImGui::SetNextItemWidth(fieldWidth);
    if (ImGui::InputScalar("##v", ImGuiDataType_S32, &value, nullptr, nullptr, format,
                           ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll)) {
        edited = true;
    }
    if (ImGui::IsItemActive()) typing = true;
    ImGui::SameLine(0, inner);
    if (ImGui::Button("+", ImVec2(b, b))) step = Step::Up;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", later);
    ImGui::EndGroup();
    ImGui::PopID();
    return step;
}

// Day, month and year, then hour and minute: every choice is a real date (the day follows the
// month's length), stored as the same ISO value with its seconds and zone kept. Each change is
// one undo step: a list choice or a - / + click at once, a typed number when its field is left
// (Enter, Tab, a click elsewhere; not on Dear ImGui's deactivation signal, which a Tab to the
// next field can miss). Keyboard: Tab moves between the typed fields (year, hour, minute), the
// arrow keys reach every control, Space opens the day and month lists and picks from them.
void dateTimeControl(AppState& s, SidePanelState& p) {
    maps::CivilTime t = p.editTime;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float digitW = ImGui::CalcTextSize("0").x;
    const float numW = 2 * digitW + 2 * st.FramePadding.x + 2;
    bool typing = false, edited = false;

    char day[16];
    std::snprintf(day, sizeof day, "%d", t.day);
    ImGui::SetNextItemWidth(numW + ImGui::GetFrameHeight());
    if (ImGui::BeginCombo("##day", day)) {
        for (int d = 1; d <= maps::monthLength(t.year, t.month); ++d) {
            std::snprintf(day, sizeof day, "%d", d);
            if (ImGui::Selectable(day, d == t.day)) {
                t.day = d;
                commitTime(s, p, t);
            }
            if (d == t.day) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Day"));
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    float monthW = 0;  // the longest month name of the language
    for (int m = 1; m <= 12; ++m) monthW = std::max(monthW, ImGui::CalcTextSize(i18n::monthName(m)).x);
    ImGui::SetNextItemWidth(monthW + 2 * st.FramePadding.x + ImGui::GetFrameHeight());
    if (ImGui::BeginCombo("##month", i18n::monthName(t.month))) {
        for (int m = 1; m <= 12; ++m) {
            ImGui::PushID(m);
            const bool picked = ImGui::Selectable(i18n::monthName(m), m == t.month);
            ImGui::PopID();
            if (picked) {
                t.month = m;  // 31 March -> April gives 30 April (clamped on commit)
                commitTime(s, p, t);
            }
            if (m == t.month) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    t = p.editTime;
    int year = t.year;
    // The year goes under the day and month when a long month name leaves no room for it.
    const float yearFieldW = 4 * digitW + 2 * st.FramePadding.x + 2;
    if (ImGui::GetContentRegionAvail().x < yearFieldW + 2 * ImGui::GetFrameHeight() + 2 * st.ItemInnerSpacing.x) {
        ImGui::NewLine();
    }
    const Step ys = stepper("year", year, "%d", yearFieldW, tr("One year earlier"),
                            tr("One year later"), typing, edited);
    if (ys != Step::None) {
        t.year = year + (ys == Step::Up ? 1 : -1);
        commitTime(s, p, t);
    } else {
        p.editTime.year = year;  // while typing: shown, taken when the field is left
    }

    t = p.editTime;
    int hour = t.hour, minute = t.minute;
    // The time goes to a line of its own when the date leaves no room for it.
    const float timeW = 6 * ImGui::GetFrameHeight() + 2 * numW + ImGui::CalcTextSize(":").x + 6 * st.ItemInnerSpacing.x;
    if (ImGui::GetContentRegionAvail().x < timeW) ImGui::NewLine();
    const Step hs = stepper("hour", hour, "%02d", numW, tr("One hour earlier"), tr("One hour later"), typing, edited);
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    ImGui::TextUnformatted(":");
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    const Step ms = stepper("minute", minute, "%02d", numW, tr("One minute earlier"), tr("One minute later"), typing,
                            edited);
    if (hs != Step::None) {
        commitTime(s, p, maps::addMinutes(t, hs == Step::Up ? 60 : -60));
    } else if (ms != Step::None) {
        commitTime(s, p, maps::addMinutes(t, ms == Step::Up ? 1 : -1));
    } else {
        p.editTime.hour = hour;
        p.editTime.minute = minute;
    }
    if (edited) p.timeTyped = true;
    if (p.timeTyped && !typing) {  // the typed field was left: one undo step
        p.timeTyped = false;
        commitTime(s, p, p.editTime);
    }
    // TRANSLATORS: a button that sets the visit's date and time to the present moment.
    const char* nowLabel = trc("time", "Now");
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < buttonWidthFor({nowLabel}, 0)) ImGui::NewLine();
    if (ImGui::Button(nowLabel, ImVec2(-1, 0))) {
        // Local time without a zone, as a new visit gets it.
        if (auto now = maps::parseCivilTime(maps::localTimeNow())) commitTime(s, p, *now);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Set the date and time to now"));
}
// A multi-line field of the session note with its heading, hint and wrapped text on hover.
void noteField(AppState& s, SidePanelState& p, const UiContext& ui, const char* heading, const char* hint,
               std::string& text, const char* id, const char* step) {
    label(heading, ui);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", hint);
    ImGui::PopStyleColor();
    ImGui::InputTextMultiline(id, &text, ImVec2(-1, 88 * ui.scale));
    commitIfEdited(s, p, step);
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive() && !text.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        userTextWrapped(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    userFieldPreview(text, id + 2);
}

// The therapist's session note in SOAP form and the treatment given (format version 2), under
// a header that starts open once the visit has one. Each field is one undo step when left.
void drawSessionNote(AppState& s, SidePanelState& p, const UiContext& ui) {
    maps::SessionNote& n = p.editInfo.session;
    ImGui::Spacing();
    // Ctrl+J: open and scrolled into view (the tab bar selected the Visit tab for it).
    const bool asked = std::exchange(s.showSessionNote, false);
    if (asked) ImGui::SetNextItemOpen(true);
    else ImGui::SetNextItemOpen(!s.doc.map.info.session.empty(), ImGuiCond_Once);
    // TRANSLATORS: a section of the Visit tab: the therapist's session note in SOAP form
    // (Subjective, Objective, Assessment, Plan: the usual form of massage and therapy records).
    if (!ImGui::CollapsingHeader(idLabel(tr("Session note (SOAP)"), "session-note").c_str())) return;
    logLastItem("session-note");
    if (asked) ImGui::SetScrollHereY(0.0f);
    // TRANSLATORS: the S of a SOAP note, with what goes in it under the heading.
    noteField(s, p, ui, tr("Subjective"), tr("What the client reports: pain, history, goals"), n.subjective,
              "##soap-s", tr("Edit subjective"));
    // TRANSLATORS: the O of a SOAP note.
    noteField(s, p, ui, tr("Objective"), tr("What you found: posture, palpation, range of motion, tests"),
              n.objective, "##soap-o", tr("Edit objective"));
    // TRANSLATORS: the A of a SOAP note.
    noteField(s, p, ui, tr("Assessment"), tr("Your reading of it, and progress since last time"), n.assessment,
              "##soap-a", tr("Edit assessment"));
    // TRANSLATORS: the P of a SOAP note.
    noteField(s, p, ui, tr("Plan"), tr("Next sessions, home care, referral"), n.plan, "##soap-p", tr("Edit plan"));

    // TRANSLATORS: a heading of the Visit tab over the techniques, areas and duration of today's treatment.
    label(tr("Treatment given"), ui);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##tx-techniques", tr("Techniques, e.g. deep tissue, myofascial release"), &n.techniques);
    commitIfEdited(s, p, tr("Edit techniques"));
    userFieldPreview(n.techniques, "field-techniques");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##tx-areas", tr("Areas, e.g. right calf, lower back"), &n.areas);
    commitIfEdited(s, p, tr("Edit treated areas"));
    userFieldPreview(n.areas, "field-areas");
    ImGui::SetNextItemWidth(70 * ui.scale);
    int minutes = n.minutes;
    if (ImGui::InputInt("##tx-minutes", &minutes, 0, 0, ImGuiInputTextFlags_AutoSelectAll)) {
        n.minutes = std::clamp(minutes, 0, maps::kMaxSessionMinutes);
    }
    logLastItem("field-minutes");
    // One undo step when the typed number is left.
    if (n.minutes != s.doc.map.info.session.minutes && !ImGui::IsAnyItemActive()) {
        pushDocumentEdit(s, p.editInfo, s.doc.map.tags, tr("Edit duration"));
    }
    ImGui::SameLine();
    // TRANSLATORS: after the duration field of the treatment: minutes (0: not recorded).
    ImGui::TextUnformatted(tr("minutes"));
}

}  // namespace

void drawVisitTab(AppState& s, SidePanelState& p, const UiContext& ui) {
    // While no field is being edited the working copy follows the document (undo, open, ...).
    // The frame a field is left in may already have no active item (a click outside the window):
    // wait one more frame so that the field's last edit is committed, not overwritten.
    if (!ImGui::IsAnyItemActive() && !p.editing) {
        p.editInfo = s.doc.map.info;
        if (auto t = maps::parseCivilTime(s.doc.map.info.visitTime)) p.editTime = *t;
        else if (auto now = maps::parseCivilTime(maps::localTimeNow())) p.editTime = *now;
    }
    const bool saved = !s.doc.path.empty();

    // TRANSLATORS: the Visit tab's heading over the client's name and id.
    label(trc("visit", "Client"), ui);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##cname", tr("Client's name"), &p.editInfo.clientName);
    // TRANSLATORS: undo steps (Edit > Undo Edit client name).
    commitIfEdited(s, p, tr("Edit client name"));
    userFieldPreview(p.editInfo.clientName, "field-client-name");
    ImGui::SetNextItemWidth(-1);
    ImGui::BeginDisabled(saved);
    ImGui::InputTextWithHint("##cid", tr("Client id (for the library)"), &p.editInfo.clientId);
    commitIfEdited(s, p, tr("Edit client id"));
    ImGui::EndDisabled();
    if (saved && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s", tr("The id of a saved visit is fixed: it decides the client's folder"));
    }

    label(tr("Date and time"), ui);
    dateTimeControl(s, p);

    label(tr("Drawn by"), ui);
    int who = p.editInfo.drawnBy == maps::DrawnBy::Client ? 0 : 1;
    // TRANSLATORS: "Drawn by": the client (the patient) or the therapist.
    if (ImGui::RadioButton(trc("drawn by", "Client"), who == 0)) who = 0;
    ImGui::SameLine();
    if (ImGui::RadioButton(trc("drawn by", "Therapist"), who == 1)) who = 1;
    const auto drawnBy = who == 0 ? maps::DrawnBy::Client : maps::DrawnBy::Therapist;
    if (drawnBy != s.doc.map.info.drawnBy) {
        p.editInfo.drawnBy = drawnBy;
        pushDocumentEdit(s, p.editInfo, s.doc.map.tags, tr("Change who drew the map"));
    }

    // TRANSLATORS: the Visit tab's heading over the therapist's name.
    label(trc("visit", "Therapist"), ui);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##ther", tr("Therapist's name"), &p.editInfo.therapist);
    commitIfEdited(s, p, tr("Edit therapist"));
    userFieldPreview(p.editInfo.therapist, "field-therapist");

    label(tr("Notes"), ui);
    ImGui::InputTextMultiline("##notes", &p.editInfo.notes, ImVec2(-1, 180 * ui.scale));
    commitIfEdited(s, p, tr("Edit notes"));
    // Dear ImGui 1.86 cannot wrap a text field: the whole notes, wrapped, on hover.
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive() && !p.editInfo.notes.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        userTextWrapped(p.editInfo.notes);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    userFieldPreview(p.editInfo.notes, "field-notes");

    drawSessionNote(s, p, ui);

    ImGui::Spacing();
    // TRANSLATORS: %s is the body template's name, %d its version number.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    textWrappedf(tr("Template: %s, version %d"), i18n::templateText(i18n::kTemplateContext, s.templ().name),
                 s.templ().version);
    ImGui::PopStyleColor();
    if (!s.doc.path.empty()) {  // wrapped: a library path is wider than the panel
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        if (isServerKey(s, s.doc.path)) {
            // TRANSLATORS: %s is the clinic server, e.g. postgresql://anna@clinic-db:5432/clinic.
            textWrappedf(tr("On the clinic server %s"), s.library.location.c_str());
        } else {
            textWrappedf(tr("File: %s"), s.doc.path.c_str());
        }
        ImGui::PopStyleColor();
    }
    // Ctrl+S while typing in a field: what was typed so far becomes one step, then the save.
    if (s.saveFromField && !(p.editInfo == s.doc.map.info)) {
        // TRANSLATORS: an undo step: the text typed in the Visit tab, committed by Ctrl+S.
        pushDocumentEdit(s, p.editInfo, s.doc.map.tags, tr("Edit visit"));
    }
    p.editing = ImGui::IsAnyItemActive();
}

}  // namespace bodymap::app
