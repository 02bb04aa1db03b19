// The chart area: front and back views side by side with R/L marks, live pain, zoom and pan,
// painting with the mouse, pen or finger, region fill, hover names and the brush cursor.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include <imgui.h>

#include "app/gui/app_state.h"
#include "app/gui/chart_marks.h"
#include "app/gui/gl_texture.h"
#include "app/gui/pointer_input.h"
#include "app/gui/ui_context.h"
#include "maps/brush.h"

namespace bodymap::app {

// GPU textures and interaction state of the chart; no document data.
struct ChartPanelState {
    // Each view is one texture at display resolution: the silhouette layer, the pain and the
    // outline layer are composited on the CPU, only where something changed. (One textured
    // quad per view keeps software GL, e.g. under Xvfb, well within a 60 Hz frame.)
    struct ViewTextures {
        GlTexture texture;
        std::vector<std::uint8_t> under;     // background and silhouette fill (opaque)
        std::vector<std::uint8_t> overBase;  // guides, borders, outline (transparent)
        std::vector<std::uint8_t> over;      // overBase with the tagged bands drawn over it
        std::vector<std::uint8_t> composed;  // what the texture holds
        std::vector<std::uint8_t> fascia;    // fascial-line overlay (transparent), may be empty
        int width = 0, height = 0;           // pixel size of the layers
        bool bakedBorders = false;
        std::uint16_t bakedLines = 0;        // lines drawn into `fascia`
        std::vector<maps::FascialTag> bakedTags;  // tags drawn into `over` (none when hidden)
        std::vector<maps::Mark> bakedMarks;       // this view's marks drawn into `over` (none when hidden)
        bool bakedFindings = true;           // findings drawn into `composed`
        float bakedMarkRadius = 0;           // their marks' smallest radius, pixels
        bool oneToOne = true;                // texture pixels map 1:1 to screen pixels
    };
    std::array<ViewTextures, maps::kViewCount> views;
    // Views drawn 1:1 are copied to the window with a blit before ImGui draws (see gl_blit.h);
    // the panel fills this list each frame, the main loop performs it.
    struct Blit {
        const GlTexture* texture = nullptr;
        int sx = 0, sy = 0, w = 0, h = 0, dx = 0, dy = 0;
    };
    std::vector<Blit> blits;
    bool canBlit = false;                    // set by the main loop when blits are available
    std::optional<maps::Stroke> stroke;      // the stroke being painted
    MarkDrag markDrag;                       // the Mark tool's press-drag-release
    // Every pointer sample since the last frame, in order (filled by the main loop from the
    // SDL events, emptied every frame): a stroke can start, run and end within one frame.
    std::vector<PointerEvent> pointerEvents;
    bool strokeByFinger = false;             // the stroke is painted by finger `strokeFinger`
    SDL_FingerID strokeFinger = 0;
    // Fingers down that went down on the chart. One paints; two zoom and pan (never paint).
    // Zoom and pan come straight from the two fingers' positions, not from SDL_MULTIGESTURE:
    // SDL derives that from these same finger events (never for events pushed into the
    // queue, as --replay does), so using both would count a pinch twice.
    struct Touch {
        SDL_FingerID id = 0;
        ImVec2 pos{0, 0};
        ImVec2 downPos{0, 0};
    };
    std::vector<Touch> touches;
    bool pinching = false;                   // two fingers came down: no painting until all lift
    float pinchDistance = 0.0f;              // between the first two fingers, window pixels
    ImVec2 pinchCentre{0, 0};
    ImVec4 loggedGeometry{0, 0, 0, 0};       // last "chart-geometry" test-log line
    // Geometry of the last frame: where the views are on screen.
    ImVec2 origin{0, 0};                     // top-left of the front view's grid
    float scale = 1.0f;                      // screen pixels per cell
    float viewStride = 0.0f;                 // screen x from the front to the back view
    // Set by the caller before drawChartPanel: show only this view (portrait intake), centred
    // where both would be; nullopt: front and back side by side.
    std::optional<maps::ViewId> onlyView;
    bool showLegend = true;                  // the colour and symbol strip under the views
};

// Draws the chart in the rectangle [pos, pos+size) of the current window and handles input.
void drawChartPanel(AppState& s, ChartPanelState& c, const UiContext& ui, ImVec2 pos, ImVec2 size);
// Ends the stroke in progress, if any, recording it as one undo step.
void finishStroke(AppState& s, ChartPanelState& c);
// Removes the stroke in progress, if any, without a trace: it never reaches the undo history.
void cancelStroke(AppState& s, ChartPanelState& c);
// Drops the pointer samples the chart did not take this frame (it was not shown), keeping
// track of the fingers lifted meanwhile. Called by the main loop after every frame.
void dropPointerEvents(ChartPanelState& c);
// Re-colours and uploads the dirty pain rectangles.
void uploadDirtyPain(AppState& s, ChartPanelState& c);

}  // namespace bodymap::app
