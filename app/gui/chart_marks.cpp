// The Mark tool on the chart (see chart_marks.h).
#include "app/gui/chart_marks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "app/gui/user_text.h"
#include "maps/map_format.h"

#include <imgui_stdlib.h>

namespace bodymap::app {

namespace {

float distanceToSegment(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
    const glm::vec2 ab = b - a;
    const float len2 = ab.x * ab.x + ab.y * ab.y;
    float t = len2 > 0 ? ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / len2 : 0.0f;
    t = std::clamp(t, 0.0f, 1.0f);
    const glm::vec2 q = a + ab * t;
    return std::hypot(p.x - q.x, p.y - q.y);
}

float distance(glm::vec2 a, glm::vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }


glm::vec2 clampToGrid(const AppState& s, glm::vec2 p) {
    return {std::clamp(p.x, 0.0f, static_cast<float>(s.templ().width)),
            std::clamp(p.y, 0.0f, static_cast<float>(s.templ().height))};
}

bool mayEdit(const AppState& s, const maps::Mark& m) {
    return editsAsClient(s) ? m.by == maps::DrawnBy::Client : m.by == maps::DrawnBy::Therapist;
}

// A line shorter than this (cells) is a slip, not an arrow: about 1.5 cm on the adult chart.
constexpr float kMinLineCells = 12.0f;

std::string markLabel(maps::MarkKind k) {
    // TRANSLATORS: an edit in the undo history; %s is a kind of chart mark ("Active trigger point").
    return i18n::format(tr("Place %s"), std::string(maps::markKindName(k)).c_str());
}

}  // namespace

bool editsAsClient(const AppState& s) { return intakeActive(s.intake); }

// At most `bytes` bytes of `text`, never cutting a UTF-8 character (a cut one would be written as
// U+FFFD, three bytes, and could push the label over the file's limit).
std::string utf8Prefix(const std::string& text, std::size_t bytes) {
    if (text.size() <= bytes) return text;
    std::size_t n = bytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return text.substr(0, n);
}

int markAt(const AppState& s, maps::ViewId v, glm::vec2 cell, float radius, int* part, bool editableOnly) {
    const auto& marks = s.doc.map.marks;
    int best = -1, bestPart = 0;
    float bestD = radius;
    for (int i = static_cast<int>(marks.size()) - 1; i >= 0; --i) {
        const maps::Mark& m = marks[static_cast<std::size_t>(i)];
        if (m.view != v || (editableOnly && !mayEdit(s, m))) continue;
        if (maps::isLineMark(m.kind)) {
            // The ends first: a press near an end moves that end, elsewhere on the line all of it.
            const float ds = distance(cell, m.at), de = distance(cell, m.to);
            if (ds <= bestD && ds <= de) {
                best = i, bestPart = 1, bestD = ds;
            } else if (de <= bestD) {
                best = i, bestPart = 2, bestD = de;
            } else if (distanceToSegment(cell, m.at, m.to) <= bestD * 0.75f) {
                best = i, bestPart = 0, bestD = distanceToSegment(cell, m.at, m.to);
            }
        } else {
            const float d = distance(cell, m.at);
            if (d <= bestD) best = i, bestPart = 0, bestD = d;
        }
        if (best == i && bestD < radius * 0.5f) break;  // clearly this one: the topmost wins
    }
    if (part) *part = bestPart;
    return best;
}

void markPress(AppState& s, MarkDrag& d, maps::ViewId v, glm::vec2 cell, float hitRadius, bool finger,
               SDL_FingerID id) {
    cell = clampToGrid(s, cell);
    d = MarkDrag{};
    d.view = v;
    d.from = d.to = cell;
    d.byFinger = finger;
    d.finger = id;
    d.before = s.doc.map.marks;
    int part = 0;
    const int hit = markAt(s, v, cell, hitRadius, &part, true);
    auto& tool = s.tools.marks;
    if (hit >= 0) {
        tool.selected = hit;
        d.kind = part == 1 ? MarkDrag::Kind::MoveStart : part == 2 ? MarkDrag::Kind::MoveEnd : MarkDrag::Kind::Move;
        testLog("mark-selected " + std::to_string(hit) + " " +
                std::string(maps::markKindId(s.doc.map.marks[static_cast<std::size_t>(hit)].kind)));
        return;
    }
    tool.selected = -1;
    const maps::MarkKind kind = editsAsClient(s) ? maps::MarkKind::Radiating : tool.kind;
    if (maps::isLineMark(kind)) {
        d.kind = MarkDrag::Kind::Place;  // the line is placed on release
        return;
    }
    maps::Mark m;
    m.kind = kind;
    m.view = v;
    m.at = {maps::roundToTenth(cell.x), maps::roundToTenth(cell.y)};
    m.by = editsAsClient(s) ? maps::DrawnBy::Client : maps::DrawnBy::Therapist;
    if (kind == maps::MarkKind::Label) {
        // The text first: a label without text is nothing (drawMarkLabelPrompt places it).
        tool.labelPrompt = true;
        tool.labelView = v;
        tool.labelAt = m.at;
        tool.labelText.clear();
        tool.labelOpenedFrame = ImGui::GetFrameCount();
        return;
    }
    auto marks = s.doc.map.marks;
    marks.push_back(m);
    pushMarksEdit(s, std::move(marks), markLabel(kind));
    tool.selected = static_cast<int>(s.doc.map.marks.size()) - 1;
}

void markDragTo(AppState& s, MarkDrag& d, glm::vec2 cell) {
    if (!d.active()) return;
    d.to = clampToGrid(s, cell);
    if (d.kind == MarkDrag::Kind::Place) return;
    const int sel = s.tools.marks.selected;
    if (sel < 0 || sel >= static_cast<int>(d.before.size())) return;
    // Live: the map's marks follow the pointer; the undo step is recorded on release.
    const maps::Mark& was = d.before[static_cast<std::size_t>(sel)];
    maps::Mark& m = s.doc.map.marks[static_cast<std::size_t>(sel)];
    const glm::vec2 delta = d.to - d.from;
    if (d.kind == MarkDrag::Kind::MoveStart) {
        m.at = clampToGrid(s, was.at + delta);
    } else if (d.kind == MarkDrag::Kind::MoveEnd) {
        m.to = clampToGrid(s, was.to + delta);
    } else {
        // The whole mark moves by as much as it can without leaving the grid.
        glm::vec2 dd = delta;
        for (glm::vec2 p : {was.at, maps::isLineMark(was.kind) ? was.to : was.at}) {
            const glm::vec2 q = clampToGrid(s, p + dd);
            dd = q - p;
        }
        m.at = was.at + dd;
        if (maps::isLineMark(was.kind)) m.to = was.to + dd;
    }
    m.at = {maps::roundToTenth(m.at.x), maps::roundToTenth(m.at.y)};
    if (maps::isLineMark(m.kind)) m.to = {maps::roundToTenth(m.to.x), maps::roundToTenth(m.to.y)};
    ++s.doc.generation;
}

void markRelease(AppState& s, MarkDrag& d) {
    if (!d.active()) return;
    if (testLogEnabled()) {
        char line[96];
        std::snprintf(line, sizeof line, "mark-release %.1f %.1f to %.1f %.1f", static_cast<double>(d.from.x),
                      static_cast<double>(d.from.y), static_cast<double>(d.to.x), static_cast<double>(d.to.y));
        testLog(line);
    }
    if (d.kind == MarkDrag::Kind::Place) {
        const maps::MarkKind kind = editsAsClient(s) ? maps::MarkKind::Radiating : s.tools.marks.kind;
        if (distance(d.from, d.to) < kMinLineCells) {
            s.post(kind == maps::MarkKind::Radiating
                       ? tr("Drag from where the pain starts to where it spreads to draw an arrow")
                       : tr("Drag along the adhesion to draw it"));
            d = MarkDrag{};
            return;
        }
        maps::Mark m;
        m.kind = kind;
        m.view = d.view;
        m.at = {maps::roundToTenth(d.from.x), maps::roundToTenth(d.from.y)};
        m.to = {maps::roundToTenth(d.to.x), maps::roundToTenth(d.to.y)};
        m.by = editsAsClient(s) ? maps::DrawnBy::Client : maps::DrawnBy::Therapist;
        auto marks = s.doc.map.marks;
        marks.push_back(m);
        pushMarksEdit(s, std::move(marks), markLabel(kind));
        s.tools.marks.selected = static_cast<int>(s.doc.map.marks.size()) - 1;
        d = MarkDrag{};
        return;
    }
    // A move: put the marks back as they were and record the change as one step.
    std::vector<maps::Mark> after = s.doc.map.marks;
    s.doc.map.marks = d.before;
    const int sel = s.tools.marks.selected;
    const std::string kind = sel >= 0 && sel < static_cast<int>(after.size())
                                 ? std::string(maps::markKindName(after[static_cast<std::size_t>(sel)].kind))
                                 : std::string();
    // TRANSLATORS: an edit in the undo history; %s is a kind of chart mark ("Tender point").
    pushMarksEdit(s, std::move(after), i18n::format(tr("Move %s"), kind.c_str()));
    d = MarkDrag{};
}

void markCancel(AppState& s, MarkDrag& d) {
    if (!d.active()) return;
    if (d.kind != MarkDrag::Kind::Place) {
        s.doc.map.marks = d.before;
        ++s.doc.generation;
    }
    d = MarkDrag{};
}

bool deleteSelectedMark(AppState& s) {
    const int sel = s.tools.marks.selected;
    if (sel < 0 || sel >= static_cast<int>(s.doc.map.marks.size())) return false;
    if (!mayEdit(s, s.doc.map.marks[static_cast<std::size_t>(sel)])) return false;
    auto marks = s.doc.map.marks;
    const std::string kind(maps::markKindName(marks[static_cast<std::size_t>(sel)].kind));
    marks.erase(marks.begin() + sel);
    s.tools.marks.selected = -1;
    // TRANSLATORS: an edit in the undo history; %s is a kind of chart mark ("Adhesion").
    pushMarksEdit(s, std::move(marks), i18n::format(tr("Delete %s"), kind.c_str()));
    return true;
}

void drawMarkOverlay(const AppState& s, const MarkDrag& d, ImDrawList* dl, maps::ViewId v, ImVec2 o,
                     float scale, const UiContext& ui) {
    const auto screen = [&](glm::vec2 p) { return ImVec2(o.x + p.x * scale, o.y + p.y * scale); };
    const ImU32 ring = IM_COL32(255, 255, 255, 230), ink = IM_COL32(40, 60, 150, 255);
    const float r = 15.0f * ui.scale;
    const int sel = s.tools.marks.selected;
    if (sel >= 0 && sel < static_cast<int>(s.doc.map.marks.size())) {
        const maps::Mark& m = s.doc.map.marks[static_cast<std::size_t>(sel)];
        if (m.view == v) {
            for (glm::vec2 p : {m.at, maps::isLineMark(m.kind) ? m.to : m.at}) {
                dl->AddCircle(screen(p), r + 2, ring, 32, 4.0f * ui.scale);
                dl->AddCircle(screen(p), r, ink, 32, 2.0f * ui.scale);
            }
        }
    }
    if (d.kind == MarkDrag::Kind::Place && d.view == v) {
        const ImVec2 a = screen(d.from), b = screen(d.to);
        dl->AddLine(a, b, ring, 5.0f * ui.scale);
        dl->AddLine(a, b, ink, 2.5f * ui.scale);
        const float len = std::hypot(b.x - a.x, b.y - a.y);
        if (len > 1) {
            const ImVec2 u((b.x - a.x) / len, (b.y - a.y) / len);
            const float h = 12.0f * ui.scale;
            dl->AddTriangleFilled(b, ImVec2(b.x - u.x * h - u.y * h * 0.5f, b.y - u.y * h + u.x * h * 0.5f),
                                  ImVec2(b.x - u.x * h + u.y * h * 0.5f, b.y - u.y * h - u.x * h * 0.5f), ink);
        }
        dl->AddCircleFilled(a, 4.0f * ui.scale, ink);
    }
}

void drawMarkLabelPrompt(AppState& s, const UiContext& ui) {
    auto& tool = s.tools.marks;
    const std::string id = idLabel(tr("Text label"), "marklabel");
    if (tool.labelPrompt && !ImGui::IsPopupOpen(id.c_str())) openPopupLogged(id);
    ImGui::SetNextWindowSize(ImVec2(420 * ui.scale, 0));
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextUnformatted(tr("The text on the chart, a few words:"));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##label-text", &tool.labelText);
    userFieldPreview(tool.labelText, "field-mark-label");
    const bool later = ImGui::GetFrameCount() > tool.labelOpenedFrame + 1;
    const bool enter = later && (s.pressed(SDL_SCANCODE_RETURN) || s.pressed(SDL_SCANCODE_KP_ENTER));
    const float bw = buttonWidthFor({tr("Place label"), tr("Cancel")}, 110 * ui.scale);
    const bool empty = tool.labelText.empty();
    ImGui::BeginDisabled(empty);
    const bool ok = loggedButton(idLabel(tr("Place label"), "place-label").c_str(), ImVec2(bw, 0)) || (enter && !empty);
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = loggedButton(tr("Cancel"), ImVec2(bw, 0)) || (later && s.pressed(SDL_SCANCODE_ESCAPE));
    if (ok) {
        maps::Mark m;
        m.kind = maps::MarkKind::Label;
        m.view = tool.labelView;
        m.at = tool.labelAt;
        m.label = utf8Prefix(tool.labelText, maps::kMaxMarkLabelBytes);
        m.by = editsAsClient(s) ? maps::DrawnBy::Client : maps::DrawnBy::Therapist;
        auto marks = s.doc.map.marks;
        marks.push_back(m);
        pushMarksEdit(s, std::move(marks), markLabel(maps::MarkKind::Label));
        tool.selected = static_cast<int>(s.doc.map.marks.size()) - 1;
    }
    if (ok || cancel) {
        tool.labelPrompt = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void markTooltip(const AppState& s, int i) {
    if (i < 0 || i >= static_cast<int>(s.doc.map.marks.size())) return;
    const maps::Mark& m = s.doc.map.marks[static_cast<std::size_t>(i)];
    ImGui::TextUnformatted(std::string(maps::markKindName(m.kind)).c_str());
    // The label and note are the therapist's words, in any script: shaped like every user text.
    if (!m.label.empty()) userText(m.label);
    if (!m.note.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
        userTextWrapped(m.note);
        ImGui::PopTextWrapPos();
    }
    if (m.by == maps::DrawnBy::Client) ImGui::TextDisabled("%s", tr("Drawn by the client"));
    ImGui::Separator();
}

}  // namespace bodymap::app
