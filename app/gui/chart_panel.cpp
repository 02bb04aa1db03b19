// The chart area (see chart_panel.h).
//
// [SECTION] Layout and textures
// [SECTION] Input: paint, fill, pan, zoom
// [SECTION] Drawing
#include "app/gui/chart_panel.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <cstdio>

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "render/chart.h"
#include "render/colormap.h"
#include "render/fascial_colors.h"
#include "render/fascial_overlay.h"
#include "render/fascial_tags.h"
#include "render/therapist_layer.h"
#include "app/gui/fascia_ui.h"
#include "render/pain_image.h"

namespace bodymap::app {

using maps::ViewId;

namespace {
constexpr float kGapCells = 0.06f;     // gap between the views, in grid widths
constexpr float kLabelCells = 70.0f;   // band under each view for its label
constexpr float kMinZoom = 1.0f;
constexpr float kMaxZoom = 8.0f;

// [SECTION] Layout and textures

void computeLayout(AppState& s, ChartPanelState& c, ImVec2 pos, ImVec2 size) {
    const auto& t = s.templ();
    const float W = static_cast<float>(t.width);
    const float H = static_cast<float>(t.height);
    const float contentW = c.onlyView ? W : 2 * W + kGapCells * W;
    const float contentH = H + kLabelCells;
    const float fit = std::min(size.x / contentW, size.y / contentH) * 0.97f;
    c.scale = fit * s.view.zoom;
    c.viewStride = (W + kGapCells * W) * c.scale;
    if (s.view.centerOnFocus) {
        // Pan so that the focused view's centre sits in the middle of the chart area.
        s.view.centerOnFocus = false;
        const float viewCentre =
            (s.view.focus == ViewId::Back && !c.onlyView ? W + kGapCells * W : 0.0f) + W / 2;
        s.view.panX = (contentW / 2 - viewCentre) * c.scale;
        s.view.panY = 0;
    }
    c.origin = ImVec2(pos.x + (size.x - contentW * c.scale) / 2 + s.view.panX,
                      pos.y + (size.y - contentH * c.scale) / 2 + s.view.panY);
}

ImVec2 viewOrigin(const ChartPanelState& c, ViewId v) {
    return ImVec2(c.origin.x + (v == ViewId::Back && !c.onlyView ? c.viewStride : 0.0f), c.origin.y);
}

bool viewShown(const ChartPanelState& c, ViewId v) { return !c.onlyView || *c.onlyView == v; }

// Which view and which cell (fractional) a screen point is over; nullopt outside both grids.
std::optional<ViewId> viewAt(const AppState& s, const ChartPanelState& c, ImVec2 p, float& cx,
                             float& cy) {
    for (ViewId v : maps::kViews) {
        if (!viewShown(c, v)) continue;
        const ImVec2 o = viewOrigin(c, v);
        cx = (p.x - o.x) / c.scale;
        cy = (p.y - o.y) / c.scale;
        if (cx >= 0 && cy >= 0 && cx < static_cast<float>(s.templ().width) &&
            cy < static_cast<float>(s.templ().height)) {
            return v;
        }
    }
    return std::nullopt;
}

// Draws `layer` over `over` (straight alpha, "over" operator).
void composite(std::vector<std::uint8_t>& over, const render::RgbaImage& layer) {
    if (layer.pixels.size() != over.size()) return;
    std::vector<std::uint8_t>& o = over;
    for (std::size_t i = 0; i < o.size(); i += 4) {
        const float ta = static_cast<float>(layer.pixels[i + 3]) / 255.0f;
        if (ta <= 0) continue;
        const float ba = static_cast<float>(o[i + 3]) / 255.0f;
        const float oa = ta + ba * (1 - ta);
        for (std::size_t k = 0; k < 3; ++k) {
            const float c = (static_cast<float>(layer.pixels[i + k]) * ta +
                             static_cast<float>(o[i + k]) * ba * (1 - ta)) / oa;
            o[i + k] = static_cast<std::uint8_t>(std::min(255.0f, c + 0.5f));
        }
        o[i + 3] = static_cast<std::uint8_t>(std::min(255.0f, oa * 255.0f + 0.5f));
    }
}

// `over` = the tag layer of `tags`, then the marks of `marks` (this view's), over `overBase`.
void bakeTags(const maps::BodyTemplate& t, ViewId v, ChartPanelState::ViewTextures& vt,
              const std::vector<maps::FascialTag>& tags, const std::vector<maps::Mark>& marks, float markRadius) {
    vt.bakedTags = tags;
    vt.bakedMarks = marks;
    vt.bakedMarkRadius = markRadius;
    vt.over = vt.overBase;
    if (!tags.empty()) composite(vt.over, render::renderTagLayer(t, v, tags, vt.width, markRadius));
    if (!marks.empty()) composite(vt.over, render::renderMarkLayer(t, v, marks, vt.width, markRadius));
}

// The marks of view `v` when they are shown.
std::vector<maps::Mark> shownMarks(const AppState& s, ViewId v) {
    std::vector<maps::Mark> out;
    if (!s.view.showMarks) return out;
    for (const auto& m : s.doc.map.marks) {
        if (m.view == v) out.push_back(m);
    }
    return out;
}

// Redraws the silhouette and outline layers when the display size or options change, the
// fascial overlay when the shown lines change and the tag layer when the tags change (never
// every frame); the whole view is then recomposited.
void bakeLayers(AppState& s, ChartPanelState& c, float uiScale) {
    const auto& t = s.templ();
    const float markRadius = 9.0f * uiScale;
    const int want = std::clamp(static_cast<int>(std::lround(static_cast<float>(t.width) * c.scale)), 64, 2048);
    const std::vector<maps::FascialTag> noTags;
    const std::vector<maps::FascialTag>& tags = s.view.showTags ? s.doc.map.tags : noTags;
    for (ViewId v : maps::kViews) {
        auto& vt = c.views[static_cast<std::size_t>(v)];
        const std::vector<maps::Mark> marks = shownMarks(s, v);
        const bool sizeOk = vt.texture.valid() && std::abs(vt.width - want) <= 1 &&
                            vt.bakedBorders == s.view.regionBorders;
        const bool tagsOk = vt.bakedTags == tags && vt.bakedMarks == marks && vt.bakedMarkRadius == markRadius;
        const bool findingsOk = vt.bakedFindings == s.view.showFindings;
        if (sizeOk && vt.bakedLines == s.view.visibleLines && tagsOk && findingsOk) continue;
        vt.bakedFindings = s.view.showFindings;
        if (sizeOk) {  // only the fascial overlay, the tags, the marks or the findings changed
            if (vt.bakedLines != s.view.visibleLines) {
                const float k = static_cast<float>(vt.width) / static_cast<float>(t.width);
                render::fascialOverlayImage(t, v, s.view.visibleLines, vt.width, vt.height, k, vt.fascia);
                vt.bakedLines = s.view.visibleLines;
            }
            if (!tagsOk) bakeTags(t, v, vt, tags, marks, markRadius);
            s.painDirty[static_cast<std::size_t>(v)] = {0, 0, t.width, t.height};
            continue;
        }
        auto under = render::renderViewLayer(t, v, render::ViewLayerKind::Underlay, want);
        auto over = render::renderViewLayer(t, v, render::ViewLayerKind::Overlay, want,
                                            s.view.regionBorders);
        vt.width = under.width;
        vt.height = under.height;
        vt.under = std::move(under.pixels);
        vt.overBase = std::move(over.pixels);
        bakeTags(t, v, vt, tags, marks, markRadius);
        vt.composed.assign(vt.under.size(), 0);
        // Drawn 1:1 on whole pixels unless the zoom hit the size cap: nearest sampling is then
        // exact and cheaper for software GL.
        vt.oneToOne = std::abs(static_cast<float>(vt.width) - static_cast<float>(t.width) * c.scale) < 1.0f;
        vt.texture.create(vt.width, vt.height, nullptr, !vt.oneToOne);
        vt.bakedBorders = s.view.regionBorders;
        const float k = static_cast<float>(vt.width) / static_cast<float>(t.width);
        render::fascialOverlayImage(t, v, s.view.visibleLines, vt.width, vt.height, k, vt.fascia);
        vt.bakedLines = s.view.visibleLines;
        s.painDirty[static_cast<std::size_t>(v)] = {0, 0, t.width, t.height};
    }
}

// [SECTION] Input: paint, fill, pan, zoom

void zoomAround(AppState& s, ChartPanelState& c, ImVec2 pivot, float factor, ImVec2 pos, ImVec2 size) {
    const float old = s.view.zoom;
    s.view.zoom = std::clamp(old * factor, kMinZoom, kMaxZoom);
    if (s.view.zoom == old) return;
    // Keep the point under the pivot fixed on screen.
    const float k = s.view.zoom / old;
    const ImVec2 centre(pos.x + size.x / 2, pos.y + size.y / 2);
    s.view.panX = (s.view.panX - (pivot.x - centre.x)) * k + (pivot.x - centre.x);
    s.view.panY = (s.view.panY - (pivot.y - centre.y)) * k + (pivot.y - centre.y);
    if (s.view.zoom == kMinZoom) s.view.panX = s.view.panY = 0;
    computeLayout(s, c, pos, size);
}

// A press with the left button or one finger at `p`: focus, tag, fill or the start of a stroke.
// `tap`: a finger lifted where it went down (fill and tag act on taps, strokes on presses).
void pressAt(AppState& s, ChartPanelState& c, ImVec2 p, bool finger, SDL_FingerID id, bool tap) {
    float cx = 0, cy = 0;
    const auto over = viewAt(s, c, p, cx, cy);
    if (!over) return;
    const bool region = s.tools.tool == Tool::Tag || s.tools.tool == Tool::Fill;
    if (region != tap && finger) return;
    s.view.focus = *over;
    if (s.tools.tool == Tool::Mark) {
        // Picking reaches about a fingertip around a mark, whatever the zoom.
        const float reach = (finger ? 22.0f : 12.0f) * ImGui::GetFontSize() / 16.0f / c.scale;
        markPress(s, c.markDrag, *over, {cx, cy}, reach, finger, id);
    } else if (s.tools.tool == Tool::Tag) {
        tagAt(s, *over, static_cast<int>(cx), static_cast<int>(cy));
    } else if (s.tools.tool == Tool::Fill) {
        const maps::RegionIndex r = s.templ().regionAt(*over, static_cast<int>(cx), static_cast<int>(cy));
        if (r != maps::kNoRegion) {
            auto brush = s.tools.brush;
            brush.mode = maps::BrushMode::Paint;
            // TRANSLATORS: an edit in the undo history; %s is a body region ("Left hand").
            pushEdit(s, maps::fillRegion(s.doc.map, s.templ(), r, brush),
                     i18n::format(tr("Fill %s"), i18n::templateText(i18n::kRegionContext, s.templ().regions[r].name)));
        }
    } else {
        auto brush = s.tools.brush;
        brush.mode = s.tools.tool == Tool::Erase ? maps::BrushMode::Erase : maps::BrushMode::Paint;
        if (s.tools.tool == Tool::Findings) {
            brush.layer = maps::BrushLayer::Findings;
            brush.findings = s.tools.findings;
            brush.mode = s.tools.eraseFindings ? maps::BrushMode::Erase : maps::BrushMode::Paint;
        }
        c.stroke.emplace(s.doc.map, s.templ(), *over, brush);
        c.strokeByFinger = finger;
        c.strokeFinger = id;
        c.stroke->addSample({cx, cy});
        if (testLogEnabled()) {
            testLog(std::string("stroke-begin ") + (finger ? "finger " : "mouse ") +
                    std::to_string(static_cast<int>(p.x)) + " " + std::to_string(static_cast<int>(p.y)));
        }
    }
}

// Window pixels to cells of view `v` (not limited to the grid).
glm::vec2 cellsOf(const ChartPanelState& c, ViewId v, ImVec2 p) {
    const ImVec2 o = viewOrigin(c, v);
    return {(p.x - o.x) / c.scale, (p.y - o.y) / c.scale};
}

// A sample of the stroke in progress (window pixels, in the stroke's own view).
void strokeSample(ChartPanelState& c, ImVec2 p) {
    const ImVec2 o = viewOrigin(c, c.stroke->view());
    c.stroke->addSample({(p.x - o.x) / c.scale, (p.y - o.y) / c.scale});
}

// Two fingers: the distance between them zooms about their centre, the centre's motion pans.
void pinchBaseline(ChartPanelState& c) {
    if (c.touches.size() < 2) return;
    const ImVec2 a = c.touches[0].pos, b = c.touches[1].pos;
    c.pinchDistance = std::hypot(a.x - b.x, a.y - b.y);
    c.pinchCentre = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
}

void pinchMoved(AppState& s, ChartPanelState& c, ImVec2 pos, ImVec2 size) {
    const float before = c.pinchDistance;
    const ImVec2 centreBefore = c.pinchCentre;
    pinchBaseline(c);
    s.view.panX += c.pinchCentre.x - centreBefore.x;
    s.view.panY += c.pinchCentre.y - centreBefore.y;
    computeLayout(s, c, pos, size);
    if (before >= 1.0f && c.pinchDistance >= 1.0f) {
        zoomAround(s, c, c.pinchCentre, c.pinchDistance / before, pos, size);
    }
}

void fingerEvent(AppState& s, ChartPanelState& c, const PointerEvent& e, bool reaches, ImVec2 pos,
                 ImVec2 size) {
    auto it = std::find_if(c.touches.begin(), c.touches.end(),
                           [&](const ChartPanelState::Touch& t) { return t.id == e.id; });
    if (e.action == PointerAction::Down) {
        if (it != c.touches.end() || !reaches) return;
        c.touches.push_back({e.id, e.pos, e.pos});
        if (c.touches.size() == 1 && !c.pinching) {
            if (!c.stroke && !c.markDrag.active()) pressAt(s, c, e.pos, true, e.id, false);
        } else {
            // A second finger: the touch was a pinch all along. What the first finger painted
            // goes (nothing else is undone); no finger paints until all are lifted.
            if (c.stroke && c.strokeByFinger) cancelStroke(s, c);
            if (c.markDrag.active() && c.markDrag.byFinger) markCancel(s, c.markDrag);
            c.pinching = true;
            pinchBaseline(c);
        }
        return;
    }
    if (it == c.touches.end()) return;
    it->pos = e.pos;
    const bool painting = c.stroke && c.strokeByFinger && c.strokeFinger == e.id;
    if (painting) strokeSample(c, e.pos);
    const bool marking = c.markDrag.active() && c.markDrag.byFinger && c.markDrag.finger == e.id;
    if (marking) markDragTo(s, c.markDrag, cellsOf(c, c.markDrag.view, e.pos));
    const bool pair = it - c.touches.begin() < 2;
    if (e.action == PointerAction::Move) {
        if (c.pinching && pair && c.touches.size() >= 2) pinchMoved(s, c, pos, size);
        return;
    }
    const ImVec2 down = it->downPos;
    c.touches.erase(it);
    if (painting) finishStroke(s, c);
    if (marking) markRelease(s, c.markDrag);
    if (!c.pinching && std::hypot(e.pos.x - down.x, e.pos.y - down.y) < 12.0f) {
        pressAt(s, c, down, true, e.id, true);
    }
    if (c.touches.empty()) c.pinching = false;
    pinchBaseline(c);
}

// The pointer samples of this frame, in order: strokes start, run and end between frames or
// within one; a press counts only where it reaches the chart (no popup or window over it).
void handlePointerEvents(AppState& s, ChartPanelState& c, ImVec2 pos, ImVec2 size, bool spaceHeld) {
    for (const PointerEvent& e : c.pointerEvents) {
        const bool inChart = e.pos.x >= pos.x && e.pos.y >= pos.y && e.pos.x < pos.x + size.x &&
                             e.pos.y < pos.y + size.y;
        const bool reaches = e.action == PointerAction::Down && inChart && pressReachesCurrentWindow(e.pos);
        if (e.finger) {
            fingerEvent(s, c, e, reaches, pos, size);
            continue;
        }
        const bool mouseStroke = c.stroke && !c.strokeByFinger;
        const bool mouseMark = c.markDrag.active() && !c.markDrag.byFinger;
        if (e.action == PointerAction::Down) {
            if (e.button == SDL_BUTTON_LEFT && reaches && !spaceHeld && !c.stroke && !c.markDrag.active()) {
                pressAt(s, c, e.pos, false, 0, false);
            }
        } else if (mouseMark && (e.action == PointerAction::Move || e.button == SDL_BUTTON_LEFT)) {
            markDragTo(s, c.markDrag, cellsOf(c, c.markDrag.view, e.pos));
            if (e.action == PointerAction::Up) markRelease(s, c.markDrag);
        } else if (mouseStroke && (e.action == PointerAction::Move || e.button == SDL_BUTTON_LEFT)) {
            strokeSample(c, e.pos);
            if (e.action == PointerAction::Up) finishStroke(s, c);
        }
    }
    c.pointerEvents.clear();
    // A release the chart never saw (the window lost the pointer) still ends the stroke.
    if (c.stroke && !c.strokeByFinger && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) finishStroke(s, c);
    if (c.markDrag.active() && !c.markDrag.byFinger && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        markRelease(s, c.markDrag);
    }
}

void handleInput(AppState& s, ChartPanelState& c, ImVec2 pos, ImVec2 size) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("##chart", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle |
                               ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 mouse = io.MousePos;
    const bool spaceHeld = ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Space)) && !io.WantTextInput;

    if (hovered && io.MouseWheel != 0.0f) {
        zoomAround(s, c, mouse, std::pow(1.15f, io.MouseWheel), pos, size);
    }

    // Pan: middle or right drag, or space + left drag.
    if (ImGui::IsItemActive() && !c.stroke && !c.markDrag.active() &&
        (ImGui::IsMouseDown(ImGuiMouseButton_Middle) || ImGui::IsMouseDown(ImGuiMouseButton_Right) ||
         (spaceHeld && ImGui::IsMouseDown(ImGuiMouseButton_Left)))) {
        s.view.panX += io.MouseDelta.x;
        s.view.panY += io.MouseDelta.y;
        computeLayout(s, c, pos, size);
    }

    handlePointerEvents(s, c, pos, size, spaceHeld);
    if (c.stroke) {
        maps::CellRect d = c.stroke->takeDirty();
        // A findings cell's outline depends on its neighbours: redraw one cell around the change.
        if (!d.empty() && s.tools.tool == Tool::Findings) d = {d.x0 - 1, d.y0 - 1, d.x1 + 1, d.y1 + 1};
        if (!d.empty()) s.painDirty[static_cast<std::size_t>(c.stroke->view())].include(d);
    }
    float cx = 0, cy = 0;
    const auto over = viewAt(s, c, mouse, cx, cy);
    s.view.hoverRegion = -1;
    s.view.hoverBand = -1;
    s.view.hoverMark = -1;
    if (hovered && over && s.view.showMarks) {
        s.view.hoverMark = markAt(s, *over, {cx, cy}, 12.0f * ImGui::GetFontSize() / 16.0f / c.scale);
    }
    if (hovered && over) {
        const maps::RegionIndex r = s.templ().regionAt(*over, static_cast<int>(cx), static_cast<int>(cy));
        if (r != maps::kNoRegion) s.view.hoverRegion = r;
        if (s.view.visibleLines || s.tools.tool == Tool::Tag) {
            for (int b : s.templ().bandsAt(*over, static_cast<int>(cx), static_cast<int>(cy))) {
                const int line = s.templ().bands[static_cast<std::size_t>(b)].lineIndex;
                if (!s.view.visibleLines || ((s.view.visibleLines >> line) & 1u)) {
                    s.view.hoverBand = b;
                    break;
                }
            }
        }
    }
}

// For tests: where the views are, whenever that changes ("chart-geometry X Y SCALE STRIDE":
// the front grid's top-left in window pixels, pixels per cell, front-to-back offset), exact
// enough to map window pixels to the same cells as the chart does.
void logGeometry(ChartPanelState& c) {
    const ImVec4 g(c.origin.x, c.origin.y, c.scale, c.viewStride);
    if (!testLogEnabled() || (g.x == c.loggedGeometry.x && g.y == c.loggedGeometry.y &&
                              g.z == c.loggedGeometry.z && g.w == c.loggedGeometry.w)) {
        return;
    }
    c.loggedGeometry = g;
    char line[160];
    std::snprintf(line, sizeof line, "chart-geometry %.9g %.9g %.9g %.9g", static_cast<double>(g.x),
                  static_cast<double>(g.y), static_cast<double>(g.z), static_cast<double>(g.w));
    testLog(line);
}

// [SECTION] Drawing

// For layout tests: "rect LABEL X Y W H" when it changed.
void logChartRect(const char* label, ImVec2 p, ImVec2 size) {
    if (!testLogEnabled()) return;
    char rect[96];
    std::snprintf(rect, sizeof rect, " %d %d %d %d", static_cast<int>(p.x), static_cast<int>(p.y),
                  static_cast<int>(size.x), static_cast<int>(size.y));
    testLogChanged(std::string("chart-rect ") + label, std::string("rect ") + label + rect);
}

// True when `font` has its own glyph for every character of `text` (no fallback).
bool fontHasGlyphs(ImFont* font, const char* text) {
    for (const char* p = text; *p;) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, nullptr);
        if (n <= 0) return false;
        if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
        p += n;
    }
    return true;
}

void drawRingScreen(ImDrawList* dl, const maps::Ring& ring, ImVec2 o, float scale, ImU32 col,
                    float thickness) {
    std::vector<ImVec2> pts;
    pts.reserve(ring.size());
    for (const auto& p : ring) pts.emplace_back(o.x + p.x * scale, o.y + p.y * scale);
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, ImDrawFlags_Closed, thickness);
}

void drawTooltip(const AppState& s, ViewId v, float cx, float cy) {
    const auto& t = s.templ();
    const int x = static_cast<int>(cx), y = static_cast<int>(cy);
    const maps::RegionIndex r = t.regionAt(v, x, y);
    if (r == maps::kNoRegion && s.view.hoverMark < 0) return;
    ImGui::BeginTooltip();
    markTooltip(s, s.view.hoverMark);
    if (r == maps::kNoRegion) {
        ImGui::EndTooltip();
        return;
    }
    ImGui::TextUnformatted(i18n::templateText(i18n::kRegionContext, t.regions[r].name));
    if (s.view.visibleLines || s.tools.tool == Tool::Tag) {
        for (int b : t.bandsAt(v, x, y)) {
            const auto& band = t.bands[static_cast<std::size_t>(b)];
            if (s.view.visibleLines && !((s.view.visibleLines >> band.lineIndex) & 1u)) continue;
            const render::Rgba lc = render::kFascialLineColors[static_cast<std::size_t>(band.lineIndex)];
            colorChipText(IM_COL32(lc.r, lc.g, lc.b, 255), i18n::templateText(i18n::kBandContext, band.name));  // pale colours as text were unreadable
        }
    }
    const int k = s.doc.map.intensityAt(v, x, y);
    if (k > 0) {
        // TRANSLATORS: the chart's hover tooltip; %d is the pain intensity 1-10 at the pointer.
        textf(tr("Intensity %d / 10"), k);
        const std::uint8_t q = s.doc.map.qualitiesAt(v, x, y);
        std::string qs;
        for (maps::Quality quality : maps::kQualities) {
            if (q & maps::bit(quality)) {
                // TRANSLATORS: between the pain qualities in a list ("Aching, Burning").
                if (!qs.empty()) qs += trc("list separator", ", ");
                qs += std::string(maps::qualityName(quality));
            }
        }
        if (!qs.empty()) ImGui::TextUnformatted(qs.c_str());
    } else {
        ImGui::TextDisabled("%s", tr("No pain marked"));
    }
    const std::uint8_t f = s.view.showFindings ? s.doc.map.layer(v).findings[s.doc.map.index(x, y)] : 0;
    if (f) {
        std::string fs;
        for (maps::Finding finding : maps::kFindings) {
            if (!(f & maps::bit(finding))) continue;
            if (!fs.empty()) fs += trc("list separator", ", ");
            fs += std::string(maps::findingName(finding));
        }
        // TRANSLATORS: the chart's hover tooltip; %s lists the therapist's findings ("Tender, Swollen").
        textf(tr("Found: %s"), fs.c_str());
    }
    ImGui::EndTooltip();
}

}  // namespace

void finishStroke(AppState& s, ChartPanelState& c) {
    if (!c.stroke) return;
    const ViewId v = c.stroke->view();
    s.painDirty[static_cast<std::size_t>(v)].include(c.stroke->takeDirty());
    const bool erase = s.tools.tool == Tool::Erase;
    const bool findings = s.tools.tool == Tool::Findings;
    // TRANSLATORS: edits in the undo history ("Undo Paint stroke").
    const char* label = findings ? (s.tools.eraseFindings ? tr("Erase findings") : tr("Findings stroke"))
                                 : erase ? tr("Erase stroke") : tr("Paint stroke");
    pushEdit(s, c.stroke->finish(), label);
    c.stroke.reset();
    testLog("stroke-committed history " + std::to_string(s.doc.history.size()));
}

void cancelStroke(AppState& s, ChartPanelState& c) {
    if (!c.stroke) return;
    const ViewId v = c.stroke->view();
    const maps::RasterEdit edit = c.stroke->finish();
    edit.undo(s.doc.map);
    s.painDirty[static_cast<std::size_t>(v)].include(edit.bounds(s.doc.map));
    c.stroke.reset();
    testLog("stroke-cancelled history " + std::to_string(s.doc.history.size()));
}

void dropPointerEvents(ChartPanelState& c) {
    for (const PointerEvent& e : c.pointerEvents) {
        if (!e.finger || e.action != PointerAction::Up) continue;
        c.touches.erase(std::remove_if(c.touches.begin(), c.touches.end(),
                                       [&](const ChartPanelState::Touch& t) { return t.id == e.id; }),
                        c.touches.end());
    }
    if (c.touches.empty()) c.pinching = false;
    c.pointerEvents.clear();
}

void uploadDirtyPain(AppState& s, ChartPanelState& c) {
    const auto& map = s.doc.map;
    render::PainImageStyle style;
    style.alpha = 0.9f;
    for (ViewId v : maps::kViews) {
        auto& vt = c.views[static_cast<std::size_t>(v)];
        auto& dirty = s.painDirty[static_cast<std::size_t>(v)];
        if (!vt.texture.valid() || dirty.empty()) continue;
        const float k = static_cast<float>(vt.width) / static_cast<float>(map.width());
        const render::PixelRect r = render::pixelsOfCells(dirty, k, vt.width, vt.height);
        render::composeView(map, v, vt.under.data(), vt.over.data(), vt.composed.data(), vt.width,
                            vt.height, r, k, style, vt.bakedLines ? vt.fascia.data() : nullptr,
                            s.view.showFindings);
        vt.texture.update(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0, vt.composed.data());
        dirty = {};
    }
}

// The legend strip under the chart: the intensity colours 1-10 and the quality symbols. The
// pieces flow into as many centred rows as the width needs (a narrow window cut them off).
// TRANSLATORS: the label before the intensity colours 1 to 10 in the legend under the chart.
static const char* painScaleLabel() { return tr("Pain 1-10"); }

struct LegendLayout {
    float sw = 0, gap = 0, labelW = 0;
    // [0] the intensity scale, then one per quality, then the therapist's symbols on the chart
    std::vector<float> widths;
    std::vector<std::vector<int>> rows;  // indices into widths
    float height = 0;
    struct Symbol {
        void* texture = nullptr;
        float w = 0;                       // the icon's width
        std::string name;
    };
    std::vector<Symbol> symbols;           // widths[1 + kQualityCount + i]
};

// The findings and marks shown on the chart, each kind once (the client's arrows apart).
std::vector<LegendLayout::Symbol> chartSymbols(const AppState& s, int size) {
    std::vector<LegendLayout::Symbol> out;
    const maps::PainMap& map = s.doc.map;
    if (s.view.showFindings) {
        std::uint8_t bits = 0;
        for (maps::ViewId v : maps::kViews) {
            for (std::uint8_t f : map.layer(v).findings) bits = static_cast<std::uint8_t>(bits | f);
            if (bits == maps::kAllFindings) break;
        }
        for (maps::Finding f : maps::kFindings) {
            if (bits & maps::bit(f)) out.push_back({findingIconTexture(f, size), static_cast<float>(size) * 1.5f, std::string(maps::findingName(f))});
        }
    }
    if (s.view.showMarks) {
        for (maps::MarkKind k : maps::kMarkKinds) {
            for (maps::DrawnBy by : {maps::DrawnBy::Therapist, maps::DrawnBy::Client}) {
                const bool present = std::any_of(map.marks.begin(), map.marks.end(),
                                                 [&](const maps::Mark& m) { return m.kind == k && m.by == by; });
                if (!present) continue;
                std::string name(maps::markKindName(k));
                // TRANSLATORS: the legend under the chart: %s is a mark's kind, drawn by the client.
                if (by == maps::DrawnBy::Client) name = i18n::format(tr("%s (client)"), name.c_str());
                out.push_back({markIconTexture(k, by, size), static_cast<float>(size), name});
            }
        }
    }
    return out;
}

LegendLayout legendLayout(const AppState& s, const UiContext& ui, float width) {
    LegendLayout l;
    l.sw = 21.0f * ui.scale;
    l.gap = 2.0f * ui.scale;
    l.labelW = ImGui::CalcTextSize(painScaleLabel()).x + 8 * ui.scale;
    l.widths.push_back(l.labelW + 10 * (l.sw + l.gap));
    for (maps::Quality q : maps::kQualities) {
        l.widths.push_back(l.sw * 1.3f + 5 * ui.scale + ImGui::CalcTextSize(std::string(maps::qualityName(q)).c_str()).x);
    }
    l.symbols = chartSymbols(s, static_cast<int>(l.sw));
    for (const auto& sym : l.symbols) l.widths.push_back(sym.w + 5 * ui.scale + ImGui::CalcTextSize(sym.name.c_str()).x);
    const float sep = 16 * ui.scale, avail = width - 16 * ui.scale;
    const auto pack = [&](const std::vector<float>& widths) {
        std::vector<std::vector<int>> rows;
        float used = 0;
        for (int i = 0; i < static_cast<int>(widths.size()); ++i) {
            const float w = widths[static_cast<std::size_t>(i)];
            if (rows.empty() || used + sep + w > avail) {
                rows.emplace_back();
                used = w;
            } else {
                used += sep + w;
            }
            rows.back().push_back(i);
        }
        return rows;
    };
    l.rows = pack(l.widths);
    // The strip keeps one height while the therapist charts: it is as high as every finding and
    // mark would need, so that the chart does not shrink and jump under the pointer when the
    // first mark of a kind appears.
    std::size_t rows = l.rows.size();
    const bool therapist = s.tools.tool == Tool::Findings || s.tools.tool == Tool::Mark || !l.symbols.empty();
    if (therapist && !intakeActive(s.intake)) {
        std::vector<float> all(l.widths.begin(), l.widths.begin() + 1 + maps::kQualityCount);
        const float icon = static_cast<float>(static_cast<int>(l.sw));
        for (maps::Finding f : maps::kFindings) {
            all.push_back(icon * 1.5f + 5 * ui.scale + ImGui::CalcTextSize(std::string(maps::findingName(f)).c_str()).x);
        }
        for (maps::MarkKind k : maps::kMarkKinds) {
            all.push_back(icon + 5 * ui.scale + ImGui::CalcTextSize(std::string(maps::markKindName(k)).c_str()).x);
        }
        const std::string client = i18n::format(tr("%s (client)"), std::string(maps::markKindName(maps::MarkKind::Radiating)).c_str());
        all.push_back(icon + 5 * ui.scale + ImGui::CalcTextSize(client.c_str()).x);
        rows = std::max(rows, pack(all).size());
    }
    const float rowH = l.sw + 6 * ui.scale;
    l.height = std::max(44.0f * ui.scale, static_cast<float>(rows) * rowH + 16 * ui.scale);
    return l;
}

void drawLegendStrip(const UiContext& ui, const LegendLayout& l, ImVec2 pos, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sw = l.sw, gap = l.gap, sep = 16 * ui.scale;
    const float fs = ImGui::GetFontSize();
    const float rowH = sw + 6 * ui.scale;
    float y = pos.y + (size.y - static_cast<float>(l.rows.size()) * rowH + 6 * ui.scale) / 2;
    for (const auto& row : l.rows) {
        float total = -sep;
        for (int i : row) total += sep + l.widths[static_cast<std::size_t>(i)];
        float x = pos.x + std::max(8.0f, (size.x - total) / 2);
        for (int i : row) {
            if (i == 0) {
                dl->AddText(ImVec2(x, y + (sw - fs) / 2), IM_COL32(70, 70, 70, 255), painScaleLabel());
                float bx = x + l.labelW;
                for (int k = 1; k <= 10; ++k) {
                    const render::Rgba c = render::intensityColor(k);
                    dl->AddRectFilled(ImVec2(bx, y), ImVec2(bx + sw, y + sw), IM_COL32(c.r, c.g, c.b, 255), 3.0f);
                    char num[12];  // any int: GCC -O1 cannot see that the value is 0..10
                    std::snprintf(num, sizeof num, "%d", k);
                    const ImVec2 ts = ImGui::CalcTextSize(num);
                    const bool dark = 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 140;
                    dl->AddText(ImVec2(bx + (sw - ts.x) / 2, y + (sw - ts.y) / 2),
                                dark ? IM_COL32(255, 255, 255, 255) : IM_COL32(30, 30, 30, 255), num);
                    bx += sw + gap;
                }
            } else if (i > maps::kQualityCount) {
                const auto& sym = l.symbols[static_cast<std::size_t>(i - 1 - maps::kQualityCount)];
                if (sym.texture) dl->AddImage(sym.texture, ImVec2(x, y), ImVec2(x + sym.w, y + sw));
                dl->AddText(ImVec2(x + sym.w + 5 * ui.scale, y + (sw - fs) / 2), IM_COL32(70, 70, 70, 255), sym.name.c_str());
            } else {
                const maps::Quality q = maps::kQualities[static_cast<std::size_t>(i - 1)];
                qualityPatternSwatch(dl, ImVec2(x, y), ImVec2(x + sw * 1.3f, y + sw), maps::bit(q),
                                     IM_COL32(253, 190, 110, 255));
                dl->AddText(ImVec2(x + sw * 1.3f + 5 * ui.scale, y + (sw - fs) / 2), IM_COL32(70, 70, 70, 255),
                            std::string(maps::qualityName(q)).c_str());
            }
            x += l.widths[static_cast<std::size_t>(i)] + sep;
        }
        y += rowH;
    }
}

void drawChartPanel(AppState& s, ChartPanelState& c, const UiContext& ui, ImVec2 pos, ImVec2 size) {
    if (size.x < 50 || size.y < 50) return;
    if (c.showLegend) {
        const LegendLayout legend = legendLayout(s, ui, size.x);
        const float legendH = legend.height;
        drawLegendStrip(ui, legend, ImVec2(pos.x, pos.y + size.y - legendH), ImVec2(size.x, legendH));
        logChartRect("chart-legend", ImVec2(pos.x, pos.y + size.y - legendH), ImVec2(size.x, legendH));
        size.y -= legendH;
    }
    computeLayout(s, c, pos, size);
    handleInput(s, c, pos, size);
    logGeometry(c);
    bakeLayers(s, c, ui.scale);
    uploadDirtyPain(s, c);

    const auto& t = s.templ();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
    const float W = static_cast<float>(t.width) * c.scale;
    const float H = static_cast<float>(t.height) * c.scale;
    for (ViewId v : maps::kViews) {
        if (!viewShown(c, v)) continue;
        const auto& vt = c.views[static_cast<std::size_t>(v)];
        const ImVec2 o = viewOrigin(c, v);
        const ImVec2 e(o.x + W, o.y + H);
        if (vt.oneToOne && c.canBlit) {
            // Copy the part inside the chart area to the window before ImGui draws on top.
            const int px = static_cast<int>(std::floor(o.x + 0.5f));
            const int py = static_cast<int>(std::floor(o.y + 0.5f));
            const int cx0 = std::max(px, static_cast<int>(pos.x));
            const int cy0 = std::max(py, static_cast<int>(pos.y));
            const int cx1 = std::min(px + vt.width, static_cast<int>(pos.x + size.x));
            const int cy1 = std::min(py + vt.height, static_cast<int>(pos.y + size.y));
            if (cx1 > cx0 && cy1 > cy0) {
                c.blits.push_back({&vt.texture, cx0 - px, cy0 - py, cx1 - cx0, cy1 - cy0, cx0, cy0});
            }
        } else if (vt.oneToOne) {
            const ImVec2 p0(std::floor(o.x + 0.5f), std::floor(o.y + 0.5f));
            dl->AddImage(vt.texture.imguiId(), p0,
                         ImVec2(p0.x + static_cast<float>(vt.width), p0.y + static_cast<float>(vt.height)));
        } else {
            dl->AddImage(vt.texture.imguiId(), o, e);
        }
        for (int b : {s.view.hoverBand, s.view.highlightBand}) {
            if (b < 0 || t.bands[static_cast<std::size_t>(b)].view != v) continue;
            const render::Rgba lc = render::kFascialLineColors[static_cast<std::size_t>(t.bands[static_cast<std::size_t>(b)].lineIndex)];
            for (const auto& ring : t.bands[static_cast<std::size_t>(b)].polygons) {
                drawRingScreen(dl, ring, o, c.scale, IM_COL32(255, 255, 255, 200), 4.0f * ui.scale);
                drawRingScreen(dl, ring, o, c.scale, IM_COL32(lc.r, lc.g, lc.b, 255), 2.2f * ui.scale);
            }
        }
        if (s.view.hoverBand < 0 && s.view.hoverRegion >= 0 && !c.stroke &&
            t.regions[static_cast<std::size_t>(s.view.hoverRegion)].view == v) {
            for (const auto& ring : t.regions[static_cast<std::size_t>(s.view.hoverRegion)].polygons) {
                drawRingScreen(dl, ring, o, c.scale, IM_COL32(52, 86, 140, 220), 2.0f * ui.scale);
            }
        }
        drawMarkOverlay(s, c.markDrag, dl, v, o, c.scale, ui);
        // Large R / L from the patient's side: on the front view the patient's right is on the
        // viewer's left; on the back view it is on the viewer's right.
        const bool front = v == ViewId::Front;
        const float markSize = std::max(18.0f * ui.scale, static_cast<float>(t.width) * 0.115f * c.scale);
        ImFont* mf = ui.mark ? ui.mark : ImGui::GetFont();
        // TRANSLATORS: the large side marks on the chart, one letter each: the patient's right
        // and left side (German R/L, French D/G, Spanish D/I).
        const char* right = trc("side mark", "R");
        // TRANSLATORS: see "R": the mark of the patient's left side.
        const char* left = trc("side mark", "L");
        const char* leftMark = front ? right : left;
        const char* rightMark = front ? left : right;
        // The mark font holds only the glyphs of the marks it was built for: another language's
        // letters come from the bold font (scaled, a little softer) rather than as "?".
        if (!fontHasGlyphs(mf, leftMark) || !fontHasGlyphs(mf, rightMark)) mf = ui.bold ? ui.bold : ImGui::GetFont();
        const ImVec2 rs = mf->CalcTextSizeA(markSize, FLT_MAX, 0, rightMark);
        const float my = o.y + static_cast<float>(t.height) * 0.02f * c.scale;
        dl->AddText(mf, markSize, ImVec2(o.x + W * 0.05f, my), ui_colors::kSideMark, leftMark);
        dl->AddText(mf, markSize, ImVec2(o.x + W * 0.95f - rs.x, my), ui_colors::kSideMark, rightMark);
        const std::string label = i18n::templateText(i18n::kViewContext, t.view(v).label);
        const float labelSize = std::max(14.0f * ui.scale, static_cast<float>(t.width) * 0.06f * c.scale);
        ImFont* lf = ui.bold ? ui.bold : ImGui::GetFont();
        const ImVec2 ls = lf->CalcTextSizeA(labelSize, FLT_MAX, 0, label.c_str());
        const ImVec2 lp(o.x + (W - ls.x) / 2, o.y + H + kLabelCells * 0.12f * c.scale);
        dl->AddText(lf, labelSize, lp, ui_colors::kViewLabel, label.c_str());
        if (s.view.zoom == kMinZoom) logChartRect(front ? "view-label-front" : "view-label-back", lp, ls);
    }

    // Brush outline cursor and hover tooltip.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    float cx = 0, cy = 0;
    const auto over = viewAt(s, c, mouse, cx, cy);
    const bool inside = mouse.x >= pos.x && mouse.y >= pos.y && mouse.x < pos.x + size.x &&
                        mouse.y < pos.y + size.y;
    if (inside && (over || c.stroke) && s.tools.tool != Tool::Fill && s.tools.tool != Tool::Tag &&
        s.tools.tool != Tool::Mark &&
        ImGui::IsWindowHovered()) {
        const float r = s.tools.brush.radius * c.scale;
        dl->AddCircle(mouse, r + 1.0f, ui_colors::kBrushCursorHalo, 48, 1.5f);
        dl->AddCircle(mouse, r, ui_colors::kBrushCursor, 48, 1.2f);
    }
    dl->PopClipRect();
    if (inside && over && !c.stroke && !c.markDrag.active() && ImGui::IsWindowHovered() && !ImGui::IsMouseDown(ImGuiMouseButton_Middle)) {
        drawTooltip(s, *over, cx, cy);
    }
}

}  // namespace bodymap::app
