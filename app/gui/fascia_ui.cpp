// Fascial lines in the GUI (see fascia_ui.h).
#include "app/gui/fascia_ui.h"

#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/panels.h"
#include "app/gui/user_text.h"
#include "maps/fascial_lines.h"
#include "render/fascial_colors.h"

namespace bodymap::app {

namespace {
ImU32 lineColor(int l, int alpha = 255) {
    const render::Rgba c = render::kFascialLineColors[static_cast<std::size_t>(l)];
    return IM_COL32(c.r, c.g, c.b, alpha);
}

std::string kindsText(std::uint8_t kinds) {
    std::string out;
    for (maps::TagKind k : maps::kTagKinds) {
        if (!(kinds & static_cast<std::uint8_t>(k))) continue;
        if (!out.empty()) out += ", ";
        out += std::string(maps::tagKindName(k));
    }
    return out;
}

void openEditor(AppState& s, int band) {
    TagEditor& e = s.tagEditor;
    e.open = true;
    e.band = band;
    e.choices.clear();
    const int t = tagIndexOf(s, band);
    if (t >= 0) {
        e.kinds = s.doc.map.tags[static_cast<std::size_t>(t)].kinds;
        e.note = s.doc.map.tags[static_cast<std::size_t>(t)].note;
    } else {
        e.kinds = static_cast<std::uint8_t>(maps::TagKind::Tender);
        e.note.clear();
    }
    s.view.highlightBand = band;
}
}  // namespace

int tagIndexOf(const AppState& s, int band) {
    if (band < 0) return -1;
    const std::string& id = s.templ().bands[static_cast<std::size_t>(band)].id;
    for (std::size_t i = 0; i < s.doc.map.tags.size(); ++i) {
        if (s.doc.map.tags[i].bandId == id) return static_cast<int>(i);
    }
    return -1;
}

void drawFascialControls(AppState& s, const UiContext& ui) {
    const auto& lines = maps::fascialLines();
    bool all = s.view.visibleLines == (1u << maps::kFascialLineCount) - 1;
    if (ImGui::Checkbox("Show all lines", &all)) {
        s.view.visibleLines = all ? static_cast<std::uint16_t>((1u << maps::kFascialLineCount) - 1) : 0;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float colW = ImGui::GetContentRegionAvail().x / 2;
    for (int l = 0; l < maps::kFascialLineCount; ++l) {
        if (l % 2) ImGui::SameLine(colW);
        ImGui::PushID(l);
        bool on = (s.view.visibleLines >> l) & 1u;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::Checkbox("##line", &on)) {
            s.view.visibleLines = static_cast<std::uint16_t>(on ? s.view.visibleLines | (1u << l)
                                                                : s.view.visibleLines & ~(1u << l));
        }
        const auto& info = lines[static_cast<std::size_t>(l)];
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(info.name).c_str());
        ImGui::SameLine();
        const float h = ImGui::GetFontSize();
        const ImVec2 sw(ImGui::GetCursorScreenPos().x, p.y + (ImGui::GetFrameHeight() - h) / 2);
        dl->AddRectFilled(sw, ImVec2(sw.x + h * 1.4f, sw.y + h), lineColor(l), 3.0f);
        ImGui::Dummy(ImVec2(h * 1.4f, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(std::string(info.id).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(info.name).c_str());
        ImGui::PopID();
    }
    (void)ui;
}

void tagAt(AppState& s, maps::ViewId v, int x, int y) {
    std::vector<int> bands = s.templ().bandsAt(v, x, y);
    if (s.view.visibleLines) {
        std::vector<int> visible;
        for (int b : bands) {
            if ((s.view.visibleLines >> s.templ().bands[static_cast<std::size_t>(b)].lineIndex) & 1u) visible.push_back(b);
        }
        bands = std::move(visible);
    }
    if (bands.empty()) {
        s.post(s.view.visibleLines ? "No band of the shown lines here" : "No fascial band here");
        return;
    }
    if (bands.size() == 1) {
        openEditor(s, bands.front());
        return;
    }
    s.tagEditor = {};
    s.tagEditor.choices = std::move(bands);
}

void drawTagEditor(AppState& s, const UiContext& ui) {
    TagEditor& e = s.tagEditor;
    if (!e.choices.empty() && !ImGui::IsPopupOpen("Which band?")) ImGui::OpenPopup("Which band?");
    if (ImGui::BeginPopup("Which band?")) {
        ImGui::TextDisabled("Several lines run here. Tag which band?");
        for (int b : e.choices) {
            const auto& band = s.templ().bands[static_cast<std::size_t>(b)];
            ImGui::PushID(b);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetFontSize();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + h, p.y + 2 + h), lineColor(band.lineIndex), 3.0f);
            ImGui::Dummy(ImVec2(h, h));
            ImGui::SameLine();
            if (ImGui::Selectable(band.name.c_str())) {
                openEditor(s, b);
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopID();
        }
        ImGui::EndPopup();
    } else if (!e.choices.empty() && !e.open) {
        e.choices.clear();  // dismissed
    }

    if (e.open && !ImGui::IsPopupOpen("Fascial tag")) ImGui::OpenPopup("Fascial tag");
    ImGui::SetNextWindowSize(ImVec2(470 * ui.scale, 0));
    if (!ImGui::BeginPopupModal("Fascial tag", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const auto& band = s.templ().bands[static_cast<std::size_t>(e.band)];
    if (ui.bold) ImGui::PushFont(ui.bold);
    ImGui::TextWrapped("%s", band.name.c_str());
    if (ui.bold) ImGui::PopFont();
    ImGui::Spacing();
    for (maps::TagKind k : maps::kTagKinds) {
        bool on = e.kinds & static_cast<std::uint8_t>(k);
        if (ImGui::Checkbox(std::string(maps::tagKindName(k)).c_str(), &on)) {
            e.kinds = static_cast<std::uint8_t>(on ? e.kinds | static_cast<std::uint8_t>(k)
                                                   : e.kinds & ~static_cast<std::uint8_t>(k));
        }
    }
    ImGui::TextUnformatted("Note");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##note", &e.note, ImVec2(-1, 90 * ui.scale));
    userFieldPreview(e.note, "field-tag-note");
    const int existing = tagIndexOf(s, e.band);
    const float bw = 120 * ui.scale;
    ImGui::BeginDisabled(e.kinds == 0);
    bool ctrlEnter = false;
    for (const auto& k : s.keys) ctrlEnter |= k.ctrl && (k.scancode == SDL_SCANCODE_RETURN || k.scancode == SDL_SCANCODE_KP_ENTER);
    const bool ok = ImGui::Button(existing >= 0 ? "Update" : "Add tag", ImVec2(bw, 0)) ||
                    (ctrlEnter && e.kinds != 0);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Ctrl+Enter");
    if (e.kinds == 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("Pick at least one kind");
    }
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel", ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE);
    bool remove = false;
    if (existing >= 0) {
        ImGui::SameLine();
        remove = ImGui::Button("Remove tag", ImVec2(bw, 0));
    }
    if (ok || remove) {
        auto tags = s.doc.map.tags;
        if (remove) {
            tags.erase(tags.begin() + existing);
        } else if (existing >= 0) {
            tags[static_cast<std::size_t>(existing)].kinds = e.kinds;
            tags[static_cast<std::size_t>(existing)].note = e.note;
        } else {
            tags.push_back({band.id, e.kinds, e.note});
        }
        pushDocumentEdit(s, s.doc.map.info, std::move(tags),
                         (remove ? "Remove tag on " : "Tag ") + band.name);
    }
    if (ok || remove || cancel) {
        e.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void drawTagsTab(AppState& s, const UiContext& ui) {
    const auto& t = s.templ();
    if (s.doc.map.tags.empty()) {
        ImGui::TextWrapped("No fascial tags yet. Choose the Tag tool (T), show the lines you work "
                           "on, and click a band on the chart.");
        return;
    }
    ImGui::TextDisabled("%zu tag%s. Click one to show it on the chart.", s.doc.map.tags.size(),
                        s.doc.map.tags.size() == 1 ? "" : "s");
    int removeIndex = -1;
    for (std::size_t i = 0; i < s.doc.map.tags.size(); ++i) {
        const auto& tag = s.doc.map.tags[i];
        const int b = t.bandIndex(tag.bandId);
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetFontSize();
        if (b >= 0) {
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 3), ImVec2(p.x + 6 * ui.scale, p.y + 3 + h * 2.4f),
                                                      lineColor(t.bands[static_cast<std::size_t>(b)].lineIndex), 2.0f);
        }
        ImGui::SetCursorScreenPos(ImVec2(p.x + 12 * ui.scale, p.y));
        const std::string name = b >= 0 ? t.bands[static_cast<std::size_t>(b)].name : tag.bandId + " (not in this template)";
        // Long band names ("Lateral Line: obliques and intercostals (side of trunk), back
        // (left)") were cut at the panel's edge: shortened with "...", the whole on hover.
        const std::string shown = ellipsize(name, ImGui::GetContentRegionAvail().x);
        const bool clicked = ImGui::Selectable((shown + "##band").c_str(), s.view.highlightBand == b && b >= 0);
        if (shown != name && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
        if (clicked) {
            s.view.highlightBand = b;
            if (b >= 0) {
                s.view.focus = t.bands[static_cast<std::size_t>(b)].view;
                s.view.visibleLines = static_cast<std::uint16_t>(s.view.visibleLines | (1u << t.bands[static_cast<std::size_t>(b)].lineIndex));
            }
        }
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 12 * ui.scale);
        ImGui::TextDisabled("%s", kindsText(tag.kinds).c_str());
        if (!tag.note.empty()) {
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 12 * ui.scale);
            userTextWrapped(tag.note);
        }
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 12 * ui.scale);
        ImGui::BeginDisabled(b < 0);
        if (ImGui::SmallButton("Edit")) openEditor(s, b);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) removeIndex = static_cast<int>(i);
        ImGui::PopID();
    }
    if (removeIndex >= 0) {
        auto tags = s.doc.map.tags;
        const std::string id = tags[static_cast<std::size_t>(removeIndex)].bandId;
        tags.erase(tags.begin() + removeIndex);
        pushDocumentEdit(s, s.doc.map.info, std::move(tags), "Delete tag on " + id);
    }
}

void fascialHelp(const UiContext& ui) {
    if (ui.bold) ImGui::PushFont(ui.bold);
    ImGui::TextUnformatted("Fascial lines");
    if (ui.bold) ImGui::PopFont();
    ImGui::TextWrapped("The overlay shows twelve myofascial lines as bands between their stations, "
                       "each in its own colour; the Figures tab shows how much of the painted area "
                       "lies on each line. With the Tag tool (T) a therapist marks a band as "
                       "restricted, tender, tense, an adhesion or treated today, with a note.");
    ImGui::TextWrapped("%s", std::string(maps::fascialLinesCredit()).c_str());
    for (const auto& info : maps::fascialLines()) {
        const std::string line = std::string(info.name) + " (" + std::string(info.id) + "): " +
                                 std::string(info.description);
        wrappedBullet(line.c_str());
    }
}

}  // namespace bodymap::app
