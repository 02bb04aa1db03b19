// The therapist's tools in the tools panel: what the findings brush paints (tender, tight,
// restricted, swollen, or erasing findings), which mark the Mark tool places, and the editor of
// the mark picked on the chart (its label and note, Delete). The symbols are the chart's own,
// drawn by render/therapist_layer into small textures.
#include <array>
#include <memory>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/chart_marks.h"
#include "app/gui/gl_texture.h"
#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "app/gui/user_text.h"
#include "maps/map_format.h"
#include "render/therapist_layer.h"

namespace bodymap::app {

namespace {

// The icons at one size, made on first use. Never freed: GL textures outlive no context, and
// the set is a few kilobytes for the life of the program.
struct Icons {
    int size = 0;
    std::array<GlTexture, maps::kMarkKindCount> marks;
    std::array<GlTexture, maps::kFindingCount> findings;
    GlTexture clientArrow;  // a radiating arrow in the client's ink
};

const Icons& icons(int size) {
    static Icons* cache = new Icons;
    if (cache->size != size) {
        cache->size = size;
        for (std::size_t k = 0; k < maps::kMarkKinds.size(); ++k) {
            const render::RgbaImage img = render::renderMarkIcon(maps::kMarkKinds[k], maps::DrawnBy::Therapist, size);
            cache->marks[k].create(img.width, img.height, img.pixels.data());
        }
        for (std::size_t f = 0; f < maps::kFindings.size(); ++f) {
            const render::RgbaImage img = render::renderFindingSwatch(maps::bit(maps::kFindings[f]), size * 3 / 2, size);
            cache->findings[f].create(img.width, img.height, img.pixels.data());
        }
        const render::RgbaImage arrow = render::renderMarkIcon(maps::MarkKind::Radiating, maps::DrawnBy::Client, size);
        cache->clientArrow.create(arrow.width, arrow.height, arrow.pixels.data());
    }
    return *cache;
}

// One row to pick: an icon, a name, the look of the quality toggles; true when clicked.
bool choiceRow(const char* id, const GlTexture& icon, float iconW, const std::string& name, bool on,
               const UiContext& ui) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = 30.0f * ui.scale;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(w, h));
    logLastItem(id + 2);  // "##mark-..." -> "mark-..."
    const bool hovered = ImGui::IsItemHovered();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h),
                      on ? IM_COL32(214, 226, 243, 255) : hovered ? IM_COL32(238, 238, 240, 255) : IM_COL32(248, 248, 248, 255),
                      5.0f);
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), on ? IM_COL32(52, 86, 140, 255) : IM_COL32(200, 196, 190, 255), 5.0f, 0,
                on ? 2.0f * ui.scale : 1.0f);
    const float pad = 4.0f * ui.scale;
    const float ih = h - 2 * pad;
    dl->AddImage(icon.imguiId(), ImVec2(p.x + pad, p.y + pad), ImVec2(p.x + pad + iconW, p.y + pad + ih));
    const float textX = p.x + 2 * pad + iconW + 4 * ui.scale;
    const std::string label = ellipsize(name, p.x + w - pad - textX);
    const ImVec4 clip(textX, p.y, p.x + w - pad, p.y + h);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(textX, p.y + (h - ImGui::GetFontSize()) / 2),
                IM_COL32(30, 30, 30, 255), label.c_str(), nullptr, 0, &clip);
    if (hovered && label != name) tooltipf("%s", name.c_str());
    ImGui::Dummy(ImVec2(0, 1 * ui.scale));
    return clicked;
}

// The editor of the picked mark: its kind, label and note (each change one undo step when the
// field is left), Delete.
void markEditor(AppState& s, const UiContext& ui) {
    auto& tool = s.tools.marks;
    const int sel = tool.selected;
    if (sel < 0 || sel >= static_cast<int>(s.doc.map.marks.size())) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", tr("Click to place the mark; drag for an arrow or an adhesion. Click a mark to pick it, "
                                     "drag it to move it, Delete removes it."));
        ImGui::PopTextWrapPos();
        return;
    }
    // The fields edit copies; what was typed goes into the map when the field is left (or Enter).
    static std::string label, note;
    static int loadedFor = -1;
    static bool editing = false;
    // Another mark was picked on the chart while a field was being typed in: what was typed
    // belongs to the mark it was typed for.
    if (editing && loadedFor != sel && loadedFor >= 0 && loadedFor < static_cast<int>(s.doc.map.marks.size())) {
        maps::Mark was = s.doc.map.marks[static_cast<std::size_t>(loadedFor)];
        maps::Mark typed = was;
        typed.label = utf8Prefix(label, maps::kMaxMarkLabelBytes);
        typed.note = utf8Prefix(note, maps::kMaxMarkNoteBytes);
        if (!(typed == was) && !(typed.kind == maps::MarkKind::Label && typed.label.empty())) {
            auto marks = s.doc.map.marks;
            marks[static_cast<std::size_t>(loadedFor)] = typed;
            pushMarksEdit(s, std::move(marks), tr("Edit mark"));
        }
        editing = false;
    }
    const maps::Mark& m = s.doc.map.marks[static_cast<std::size_t>(sel)];
    if (!editing || loadedFor != sel) {
        label = m.label;
        note = m.note;
        loadedFor = sel;
    }
    // TRANSLATORS: above the editor of the mark picked on the chart; %s is its kind.
    heading(i18n::format(tr("Picked: %s"), std::string(maps::markKindName(m.kind)).c_str()).c_str(), ui);
    bool commit = false;
    const char* labelHint = m.kind == maps::MarkKind::Label ? tr("The text on the chart") : tr("Short label (optional)");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##mark-label", labelHint, &label, ImGuiInputTextFlags_AutoSelectAll);
    logLastItem("mark-label-field");
    const bool labelActive = ImGui::IsItemActive();
    commit |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::InputTextMultiline("##mark-note", &note, ImVec2(-1, 64 * ui.scale));
    logLastItem("mark-note-field");
    const bool noteActive = ImGui::IsItemActive();
    commit |= ImGui::IsItemDeactivatedAfterEdit();
    editing = labelActive || noteActive;
    if (ImGui::IsItemHovered() && note.empty()) tooltipf("%s", tr("A note on this mark, shown on hover and in the report"));
    if (commit || (editing && s.saveFromField)) {
        maps::Mark changed = m;
        changed.label = utf8Prefix(label, maps::kMaxMarkLabelBytes);
        changed.note = utf8Prefix(note, maps::kMaxMarkNoteBytes);
        if (changed.kind == maps::MarkKind::Label && changed.label.empty()) {
            s.post(tr("A text label needs its text: type it, or delete the label"), true);
            label = m.label;
        } else if (!(changed == m)) {
            auto marks = s.doc.map.marks;
            marks[static_cast<std::size_t>(sel)] = changed;
            // TRANSLATORS: an edit in the undo history.
            pushMarksEdit(s, std::move(marks), tr("Edit mark"));
        }
    }
    if (loggedButton(idLabel(tr("Delete mark"), "delete-mark").c_str(), ImVec2(-1, 0))) deleteSelectedMark(s);
    if (ImGui::IsItemHovered()) tooltipf("%s", tr("Delete (Del); Ctrl+Z brings it back"));
}

}  // namespace

void* markIconTexture(maps::MarkKind kind, maps::DrawnBy by, int size) {
    const Icons& ic = icons(size);
    if (kind == maps::MarkKind::Radiating && by == maps::DrawnBy::Client) return ic.clientArrow.imguiId();
    return ic.marks[static_cast<std::size_t>(kind)].imguiId();
}

void* findingIconTexture(maps::Finding f, int size) {
    for (std::size_t i = 0; i < maps::kFindings.size(); ++i) {
        if (maps::kFindings[i] == f) return icons(size).findings[i].imguiId();
    }
    return nullptr;
}

void drawMarksList(AppState& s, const UiContext& ui) {
    // TRANSLATORS: a heading of the Tags tab: the trigger points, arrows and labels on the chart.
    heading(tr("Marks on the chart"), ui);
    const auto& marks = s.doc.map.marks;
    if (marks.empty()) {
        ImGui::TextWrapped("%s", tr("No marks yet. Choose the Mark tool (M) to place trigger points, tender points, "
                                    "adhesions, arrows and labels."));
        return;
    }
    const int size = static_cast<int>(ImGui::GetFontSize() * 1.2f);
    int remove = -1;
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const maps::Mark& m = marks[i];
        ImGui::PushID(static_cast<int>(i) + 100000);
        ImGui::Separator();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float icon = static_cast<float>(size);
        std::string name(maps::markKindName(m.kind));
        // TRANSLATORS: a mark in the Tags tab's list: its kind, then the view ("Front").
        name = i18n::format(trc("marks list", "%s, %s"), name.c_str(),
                            i18n::templateText(i18n::kViewContext, s.templ().view(m.view).label));
        const bool picked = s.tools.marks.selected == static_cast<int>(i);
        ImGui::SetCursorScreenPos(ImVec2(p.x + icon + 6 * ui.scale, p.y));
        if (ImGui::Selectable(("##m" + std::to_string(i)).c_str(), picked, 0, ImVec2(0, icon))) {
            s.tools.tool = Tool::Mark;
            s.view.showMarks = true;
            s.view.focus = m.view;
            s.tools.marks.selected = static_cast<int>(i);
        }
        ImGui::GetWindowDrawList()->AddImage(markIconTexture(m.kind, m.by, size), p, ImVec2(p.x + icon, p.y + icon));
        ImGui::SameLine(p.x - ImGui::GetWindowPos().x + icon + 6 * ui.scale);
        ImGui::TextUnformatted(name.c_str());
        ImGui::Indent(icon + 6 * ui.scale);
        if (!m.label.empty()) userText(m.label);
        if (!m.note.empty()) userTextWrapped(m.note);
        if (m.by == maps::DrawnBy::Client) {
            ImGui::TextDisabled("%s", tr("Drawn by the client"));
        } else if (ImGui::SmallButton(tr("Delete"))) {
            remove = static_cast<int>(i);
        }
        ImGui::Unindent(icon + 6 * ui.scale);
        ImGui::PopID();
    }
    if (remove >= 0) {
        s.tools.marks.selected = remove;
        deleteSelectedMark(s);
    }
}

void drawFindingsControls(AppState& s, const UiContext& ui) {
    const int size = static_cast<int>(22.0f * ui.scale);
    const Icons& ic = icons(size);
    for (std::size_t f = 0; f < maps::kFindings.size(); ++f) {
        const maps::Finding finding = maps::kFindings[f];
        const bool on = !s.tools.eraseFindings && (s.tools.findings & maps::bit(finding));
        const std::string id = "##finding-" + std::string(maps::findingId(finding));
        if (choiceRow(id.c_str(), ic.findings[f], static_cast<float>(size) * 1.5f, std::string(maps::findingName(finding)), on, ui)) {
            if (s.tools.eraseFindings) {
                s.tools.eraseFindings = false;
                s.tools.findings = maps::bit(finding);
            } else {
                s.tools.findings = static_cast<std::uint8_t>(s.tools.findings ^ maps::bit(finding));
                if (s.tools.findings == 0) s.tools.findings = maps::bit(finding);  // never nothing to paint
            }
        }
    }
    ImGui::Checkbox(idLabel(tr("Erase findings"), "erase-findings").c_str(), &s.tools.eraseFindings);
    logLastItem("erase-findings");
    if (ImGui::IsItemHovered()) tooltipf("%s", tr("Rub out findings; the client's drawing stays as it is"));
}

void drawMarkControls(AppState& s, const UiContext& ui) {
    const int size = static_cast<int>(22.0f * ui.scale);
    const Icons& ic = icons(size);
    for (std::size_t k = 0; k < maps::kMarkKinds.size(); ++k) {
        const maps::MarkKind kind = maps::kMarkKinds[k];
        const std::string id = "##mark-" + std::string(maps::markKindId(kind));
        if (choiceRow(id.c_str(), ic.marks[k], static_cast<float>(size), std::string(maps::markKindName(kind)),
                      s.tools.marks.kind == kind, ui)) {
            s.tools.marks.kind = kind;
        }
    }
    markEditor(s, ui);
}

}  // namespace bodymap::app
