// The Mark tool on the chart: placing point marks with a press and line marks (a radiating
// arrow, an adhesion) with a drag, picking a mark, dragging it or one end of it, deleting it;
// the selection ring, the preview of a line being drawn and the hover text. Every change is one
// undoable step (pushMarksEdit). A client's mark (an arrow drawn at intake) is the client's
// drawing: the therapist sees it but cannot move or delete it.
#pragma once

#include <string>
#include <vector>

#include <SDL.h>
#include <glm/vec2.hpp>
#include <imgui.h>

#include "app/gui/app_state.h"
#include "app/gui/ui_context.h"

namespace bodymap::app {

// A press-drag-release of the Mark tool in progress.
struct MarkDrag {
    enum class Kind { None, Place, Move, MoveStart, MoveEnd };
    Kind kind = Kind::None;
    maps::ViewId view = maps::ViewId::Front;
    glm::vec2 from{0.0f};            // Place: where the line starts; Move: where the mark was grabbed
    glm::vec2 to{0.0f};              // the pointer now, cells
    std::vector<maps::Mark> before;  // the marks when the drag began (Move: restored on cancel)
    bool byFinger = false;
    SDL_FingerID finger = 0;
    bool active() const { return kind != Kind::None; }
};

// Whether this window edits marks as the client (intake: only the client's own arrows).
bool editsAsClient(const AppState& s);
// The mark under `cell` on view `v` within `radius` cells (-1: none), and which part was hit
// (0: the mark or a line's body, 1: a line's start, 2: its end). Later marks win (drawn on top).
// With `editableOnly`, marks this window may not change (the client's, for the therapist) are
// passed over, so that a trigger point under the client's arrow can still be picked.
int markAt(const AppState& s, maps::ViewId v, glm::vec2 cell, float radius, int* part = nullptr,
           bool editableOnly = false);
// A press of the Mark tool at `cell` on `v`.
void markPress(AppState& s, MarkDrag& d, maps::ViewId v, glm::vec2 cell, float hitRadius, bool finger,
               SDL_FingerID id);
// The pointer moved during a drag (cells of the drag's view, clamped to the grid).
void markDragTo(AppState& s, MarkDrag& d, glm::vec2 cell);
// The press ended: a line is placed, a move becomes one undo step.
void markRelease(AppState& s, MarkDrag& d);
// Abandons the drag: a moved mark goes back, nothing is recorded.
void markCancel(AppState& s, MarkDrag& d);
// Deletes the selected mark (one undo step); false when none is selected or it is not ours.
bool deleteSelectedMark(AppState& s);
// Over the chart of view `v` (grid top-left `o`, `scale` pixels per cell): the ring around the
// selected mark and the line being drawn.
void drawMarkOverlay(const AppState& s, const MarkDrag& d, ImDrawList* dl, maps::ViewId v, ImVec2 o,
                     float scale, const UiContext& ui);
// The dialog that asks a new text label's text (opened by a press of the Mark tool with the
// Label kind); OK places the label, one undo step.
void drawMarkLabelPrompt(AppState& s, const UiContext& ui);
// At most `bytes` bytes of `text`, cut at a character boundary.
std::string utf8Prefix(const std::string& text, std::size_t bytes);
// The hover text of mark `m`: its kind, label, note and who drew it.
void markTooltip(const AppState& s, int m);

}  // namespace bodymap::app
