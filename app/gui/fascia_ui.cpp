// Fascial lines in the GUI (see fascia_ui.h).
#include "app/gui/fascia_ui.h"

#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "maps/i18n/i18n.h"
#include "app/gui/user_text.h"
#include "maps/fascial_lines.h"
#include "render/fascial_colors.h"
#include "render/fascial_tags.h"

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
        // TRANSLATORS: between the items of a list ("Tender, Restricted").
        if (!out.empty()) out += trc("list separator", ", ");
        out += std::string(maps::tagKindName(k));
    }
    return out;
}

// The numbered mark a tag carries on the chart (as render::drawTagMark draws it there).
void tagMark(ImDrawList* dl, ImFont* font, ImVec2 c, float r, int line, std::size_t number) {
    const render::Rgba lc = render::kFascialLineColors[static_cast<std::size_t>(line)];
    dl->AddCircleFilled(c, r + std::max(1.5f, r * 0.16f), IM_COL32(255, 255, 255, 255), 24);
    dl->AddCircle(c, r + std::max(1.5f, r * 0.16f), IM_COL32(50, 50, 50, 110), 24, 1.0f);
    dl->AddCircleFilled(c, r, lineColor(line), 24);
    const std::string label = render::tagMarkLabel(number);
    const bool light = 0.299 * lc.r + 0.587 * lc.g + 0.114 * lc.b > 150;
    float size = r * 1.3f;
    ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, label.c_str());
    if (ts.x > r * 1.6f) {
        size *= r * 1.6f / ts.x;
        ts = font->CalcTextSizeA(size, FLT_MAX, 0, label.c_str());
    }
    dl->AddText(font, size, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2),
                light ? IM_COL32(30, 30, 30, 255) : IM_COL32(255, 255, 255, 255), label.c_str());
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
    if (ImGui::Checkbox(idLabel(tr("Show all lines"), "alllines").c_str(), &all)) {
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
        const char* lineName = trc(i18n::kLineContext, std::string(info.name).c_str());
        if (ImGui::IsItemHovered()) tooltipf("%s", lineName);
        ImGui::SameLine();
        const float h = ImGui::GetFontSize();
        const ImVec2 sw(ImGui::GetCursorScreenPos().x, p.y + (ImGui::GetFrameHeight() - h) / 2);
        dl->AddRectFilled(sw, ImVec2(sw.x + h * 1.4f, sw.y + h), lineColor(l), 3.0f);
        ImGui::Dummy(ImVec2(h * 1.4f, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(std::string(info.id).c_str());
        if (ImGui::IsItemHovered()) tooltipf("%s", lineName);
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
        s.post(s.view.visibleLines ? tr("No band of the shown lines here") : tr("No fascial band here"));
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
    if (!e.choices.empty() && !ImGui::IsPopupOpen("###whichband")) ImGui::OpenPopup("###whichband");
    if (ImGui::BeginPopup("###whichband")) {
        ImGui::TextDisabled("%s", tr("Several lines run here. Tag which band?"));
        for (int b : e.choices) {
            const auto& band = s.templ().bands[static_cast<std::size_t>(b)];
            ImGui::PushID(b);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetFontSize();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + h, p.y + 2 + h), lineColor(band.lineIndex), 3.0f);
            ImGui::Dummy(ImVec2(h, h));
            ImGui::SameLine();
            if (ImGui::Selectable(i18n::templateText(i18n::kBandContext, band.name))) {
                openEditor(s, b);
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopID();
        }
        ImGui::EndPopup();
    } else if (!e.choices.empty() && !e.open) {
        e.choices.clear();  // dismissed
    }

    const std::string modalId = idLabel(tr("Fascial tag"), "fascialtag");
    if (e.open && !ImGui::IsPopupOpen(modalId.c_str())) ImGui::OpenPopup(modalId.c_str());
    // Wide enough for the buttons in one row (longer in some languages).
    const ImGuiStyle& st = ImGui::GetStyle();
    const char* okLabel = tagIndexOf(s, e.band) >= 0 ? tr("Update") : tr("Add tag");
    float bw = 120 * ui.scale;
    for (const char* l : {okLabel, tr("Cancel"), tr("Remove tag")}) {
        bw = std::max(bw, ImGui::CalcTextSize(l).x + 2 * st.FramePadding.x);
    }
    ImGui::SetNextWindowSize(ImVec2(std::max(470 * ui.scale, 3 * bw + 2 * st.ItemSpacing.x + 2 * st.WindowPadding.x), 0));
    if (!ImGui::BeginPopupModal(modalId.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const auto& band = s.templ().bands[static_cast<std::size_t>(e.band)];
    if (ui.bold) ImGui::PushFont(ui.bold);
    ImGui::TextWrapped("%s", i18n::templateText(i18n::kBandContext, band.name));
    if (ui.bold) ImGui::PopFont();
    ImGui::Spacing();
    for (maps::TagKind k : maps::kTagKinds) {
        bool on = e.kinds & static_cast<std::uint8_t>(k);
        if (ImGui::Checkbox(std::string(maps::tagKindName(k)).c_str(), &on)) {
            e.kinds = static_cast<std::uint8_t>(on ? e.kinds | static_cast<std::uint8_t>(k)
                                                   : e.kinds & ~static_cast<std::uint8_t>(k));
        }
    }
    ImGui::TextUnformatted(tr("Note"));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##note", &e.note, ImVec2(-1, 90 * ui.scale));
    userFieldPreview(e.note, "field-tag-note");
    const int existing = tagIndexOf(s, e.band);
    ImGui::BeginDisabled(e.kinds == 0);
    bool ctrlEnter = false;
    for (const auto& k : s.keys) ctrlEnter |= k.ctrl && (k.scancode == SDL_SCANCODE_RETURN || k.scancode == SDL_SCANCODE_KP_ENTER);
    const bool ok = ImGui::Button(idLabel(okLabel, "ok").c_str(), ImVec2(bw, 0)) ||
                    (ctrlEnter && e.kinds != 0);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) tooltipf("%s", tr("Ctrl+Enter"));
    ImGui::SameLine();
    const bool cancel = ImGui::Button(tr("Cancel"), ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE);
    bool remove = false;
    if (existing >= 0) {
        ImGui::SameLine();
        remove = ImGui::Button(tr("Remove tag"), ImVec2(bw, 0));
    }
    // On its own line: beside the buttons a longer translation ran out of the popup.
    if (e.kinds == 0) ImGui::TextDisabled("%s", tr("Pick at least one kind"));
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
        const char* bandName = i18n::templateText(i18n::kBandContext, band.name);
        // TRANSLATORS: edits in the undo history; %s is a fascial band's name.
        pushDocumentEdit(s, s.doc.map.info, std::move(tags),
                         remove ? i18n::format(tr("Remove tag on %s"), bandName) : i18n::format(tr("Tag %s"), bandName));
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
        ImGui::TextWrapped("%s", tr("No fascial tags yet. Choose the Tag tool (T), show the lines you work "
                                    "on, and click a band on the chart."));
        return;
    }
    textDisabledf(trn("%zu tag. Click it to show it on the chart.", "%zu tags. Click one to show it on the chart.",
                      s.doc.map.tags.size()),
                  s.doc.map.tags.size());
    int removeIndex = -1;
    for (std::size_t i = 0; i < s.doc.map.tags.size(); ++i) {
        const auto& tag = s.doc.map.tags[i];
        const int b = t.bandIndex(tag.bandId);
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetFontSize();
        const int line = b >= 0 ? t.bands[static_cast<std::size_t>(b)].lineIndex : -1;
        // TRANSLATORS: a tag on a band this template does not have; %s is the band's id.
        const std::string name = b >= 0 ? std::string(i18n::templateText(i18n::kBandContext, t.bands[static_cast<std::size_t>(b)].name))
                                        : i18n::format(tr("%s (not in this template)"), tag.bandId.c_str());
        // The whole name with its side, wrapped (long names such as "Lateral Line: obliques and
        // intercostals (side of trunk), back (left)" lost their side when cut at the edge),
        // after the numbered mark the band carries on the chart.
        const float markR = h * 0.62f;
        const float textX = p.x + 12 * ui.scale + 2 * markR + 6 * ui.scale;
        const float wrapW = std::max(40.0f * ui.scale, p.x + ImGui::GetContentRegionAvail().x - textX);
        const ImVec2 ts = ImGui::CalcTextSize(name.c_str(), nullptr, false, wrapW);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 12 * ui.scale, p.y));
        const bool clicked = ImGui::Selectable("##band", s.view.highlightBand == b && b >= 0, 0,
                                               ImVec2(0, std::max(ts.y, 2 * markR)));
        if (b >= 0) tagMark(dl, ui.bold ? ui.bold : ImGui::GetFont(), ImVec2(p.x + 12 * ui.scale + markR, p.y + h / 2), markR, line, i + 1);
        dl->AddText(ImGui::GetFont(), h, ImVec2(textX, p.y), ImGui::GetColorU32(ImGuiCol_Text), name.c_str(),
                    nullptr, wrapW);
        if (clicked) {
            s.view.highlightBand = b;
            if (b >= 0) {
                s.view.focus = t.bands[static_cast<std::size_t>(b)].view;
                s.view.visibleLines = static_cast<std::uint16_t>(s.view.visibleLines | (1u << t.bands[static_cast<std::size_t>(b)].lineIndex));
            }
        }
        // Kinds, note and buttons under the name, clear of the mark.
        const float indent = textX - p.x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", kindsText(tag.kinds).c_str());
        ImGui::PopStyleColor();
        if (!tag.note.empty()) {
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
            userTextWrapped(tag.note);
        }
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
        ImGui::BeginDisabled(b < 0);
        if (ImGui::SmallButton(tr("Edit"))) openEditor(s, b);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Delete"))) removeIndex = static_cast<int>(i);
        // The line's colour down the whole row.
        if (line >= 0) {
            dl->AddRectFilled(ImVec2(p.x, p.y + 3), ImVec2(p.x + 6 * ui.scale, ImGui::GetCursorScreenPos().y - 3),
                              lineColor(line), 2.0f);
        }
        ImGui::PopID();
    }
    if (removeIndex >= 0) {
        auto tags = s.doc.map.tags;
        const std::string& bandId = tags[static_cast<std::size_t>(removeIndex)].bandId;
        const int b = t.bandIndex(bandId);
        // TRANSLATORS: an edit in the undo history; %s is a fascial band's name.
        const std::string label = i18n::format(tr("Delete tag on %s"),
                                               b >= 0 ? i18n::templateText(i18n::kBandContext, t.bands[static_cast<std::size_t>(b)].name)
                                                      : bandId.c_str());
        tags.erase(tags.begin() + removeIndex);
        pushDocumentEdit(s, s.doc.map.info, std::move(tags), label);
    }
}

void fascialHelp(const UiContext& ui) {
    if (ui.bold) ImGui::PushFont(ui.bold);
    ImGui::TextUnformatted(tr("Fascial lines"));
    if (ui.bold) ImGui::PopFont();
    ImGui::TextWrapped("%s", tr("The overlay shows twelve myofascial lines as bands between their stations, "
                                "each in its own colour; the Figures tab shows how much of the painted area "
                                "lies on each line. With the Tag tool (T) a therapist marks a band as "
                                "restricted, tender, tense, an adhesion or treated today, with a note."));
    ImGui::TextWrapped("%s", trc(i18n::kLineContext, std::string(maps::fascialLinesCredit()).c_str()));
    for (const auto& info : maps::fascialLines()) {
        // TRANSLATORS: a fascial line in the help: its name, its short id ("SBL") and
        // its description (reorder with %1$s %2$s %3$s).
        const std::string line = i18n::format(trc("fascial line help", "%s (%s): %s"), trc(i18n::kLineContext, std::string(info.name).c_str()),
                                              std::string(info.id).c_str(), trc(i18n::kLineContext, std::string(info.description).c_str()));
        wrappedBullet(line.c_str());
    }
}

}  // namespace bodymap::app
