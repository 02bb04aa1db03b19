// Global keyboard shortcuts (see panels.h). Not active while a text field has focus. During a
// client intake only the drawing keys work (undo/redo, zoom, intensity, brush, eraser): nothing
// that opens, saves, quits or switches to anything else.
#include <algorithm>

#include "app/gui/chart_marks.h"
#include "app/gui/document_ops.h"
#include "app/gui/panels.h"
#include "maps/i18n/i18n.h"

namespace bodymap::app {

namespace {
void setIntensity(AppState& s, int k) {
    s.tools.brush.intensity = static_cast<std::uint8_t>(k);
    if (s.tools.tool == Tool::Erase) s.tools.tool = Tool::Paint;
}

void zoomBy(AppState& s, float factor) {
    s.view.zoom = std::clamp(s.view.zoom * factor, 1.0f, 8.0f);
    if (s.view.zoom == 1.0f) s.view.panX = s.view.panY = 0;
    s.view.centerOnFocus = s.view.zoom > 1.0f;
}

// Shortcuts with Ctrl. Returns true when the key was used.
bool ctrlShortcut(AppState& s, const KeyPress& k) {
    switch (k.scancode) {
        case SDL_SCANCODE_Z:
            if (k.shift) redo(s);
            else undo(s);
            return true;
        case SDL_SCANCODE_Y:
            redo(s);
            return true;
        case SDL_SCANCODE_0:
            s.view.zoom = 1.0f;
            s.view.panX = s.view.panY = 0;
            return true;
        case SDL_SCANCODE_Q:
            s.quitRequested = true;
            return true;
        case SDL_SCANCODE_S:
            if (k.repeat) return true;
            if (k.shift) showSaveAs(s);
            else s.deferred.push_back([](AppState& st) { saveDocument(st); });
            return true;
        case SDL_SCANCODE_E:
            if (!k.repeat) s.reportRequest = 1;
            return true;
        case SDL_SCANCODE_P:
            if (!k.repeat) s.reportRequest = 2;
            return true;
        case SDL_SCANCODE_O:
            if (!k.repeat) showOpen(s);
            return true;
        case SDL_SCANCODE_J:  // the session note ("journal")
            if (!k.repeat) s.showSessionNote = true;
            return true;
        case SDL_SCANCODE_N:
            if (!k.repeat) {
                s.deferred.push_back([](AppState& st) {
                    guardUnsaved(st, tr("Save the changes to %s before starting a new visit?"), [](AppState& s2) { newVisit(s2, false); });
                });
            }
            return true;
        default:
            return false;
    }
}
// The Ctrl keys an intake keeps: undo, redo and reset zoom.
bool intakeCtrlKey(const KeyPress& k) {
    return k.scancode == SDL_SCANCODE_Z || k.scancode == SDL_SCANCODE_Y || k.scancode == SDL_SCANCODE_0;
}

// The plain keys an intake ignores: fill, tag, findings, marks, help, the compare workspace.
bool intakeBlocked(SDL_Scancode c) {
    return c == SDL_SCANCODE_F || c == SDL_SCANCODE_T || c == SDL_SCANCODE_P || c == SDL_SCANCODE_M ||
           c == SDL_SCANCODE_F1 || c == SDL_SCANCODE_F2 || c == SDL_SCANCODE_F3;
}
}  // namespace

void handleShortcuts(AppState& s, const KeyPresses& keys) {
    const bool intake = intakeActive(s.intake);
    // The intake's pages (no pain?, thank you) and its PIN dialog take no shortcut at all.
    if (intake && (s.intake.phase != IntakePhase::Drawing || s.intake.pinPrompt != PinPurpose::None)) return;
    // Not under a dialog: it owns the keyboard.
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    // While typing only Ctrl+S and Ctrl+J (a field's own keys, Ctrl+Z in it included, stay the
    // field's). Ctrl+S saves the text typed so far: the Visit tab commits its fields first.
    if (ImGui::GetIO().WantTextInput) {
        if (intake) return;
        for (const KeyPress& k : keys) {
            if (!k.ctrl || k.repeat || k.alt) continue;
            if (k.scancode == SDL_SCANCODE_S && !k.shift) s.saveFromField = true;
            if (k.scancode == SDL_SCANCODE_J) s.showSessionNote = true;
        }
        return;
    }
    for (const KeyPress& k : keys) {
        if (k.ctrl) {
            if (!intake || intakeCtrlKey(k)) ctrlShortcut(s, k);
            continue;
        }
        if (k.alt) continue;
        const SDL_Scancode c = k.scancode;
        if (intake && intakeBlocked(c)) continue;
        if (c >= SDL_SCANCODE_1 && c <= SDL_SCANCODE_9 && !k.repeat) {
            setIntensity(s, 1 + (c - SDL_SCANCODE_1));
        } else if (c >= SDL_SCANCODE_KP_1 && c <= SDL_SCANCODE_KP_9 && !k.repeat) {
            setIntensity(s, 1 + (c - SDL_SCANCODE_KP_1));
        } else if ((c == SDL_SCANCODE_0 || c == SDL_SCANCODE_KP_0) && !k.repeat) {
            setIntensity(s, 10);
        } else if (c == SDL_SCANCODE_LEFTBRACKET) {
            s.tools.brush.radius = std::max(2.0f, s.tools.brush.radius / 1.15f);
        } else if (c == SDL_SCANCODE_RIGHTBRACKET) {
            s.tools.brush.radius = std::min(60.0f, s.tools.brush.radius * 1.15f);
        } else if (c == SDL_SCANCODE_E) {
            s.tools.tool = Tool::Erase;
        } else if (c == SDL_SCANCODE_B) {
            s.tools.tool = Tool::Paint;
        } else if (c == SDL_SCANCODE_F) {
            s.tools.tool = Tool::Fill;
        } else if (c == SDL_SCANCODE_T) {
            s.tools.tool = Tool::Tag;
            if (!s.view.visibleLines) s.view.visibleLines = (1u << 12) - 1;
        } else if (c == SDL_SCANCODE_P) {
            s.tools.tool = Tool::Findings;
            s.view.showFindings = true;
        } else if (c == SDL_SCANCODE_M) {
            s.tools.tool = Tool::Mark;
            s.view.showMarks = true;
        } else if ((c == SDL_SCANCODE_DELETE || c == SDL_SCANCODE_BACKSPACE) && !k.repeat) {
            if (deleteSelectedMark(s)) testLog("mark-deleted");
        } else if (c == SDL_SCANCODE_ESCAPE && !k.repeat) {
            s.tools.marks.selected = -1;
        } else if (c == SDL_SCANCODE_TAB && !k.repeat) {
            s.view.focus = s.view.focus == maps::ViewId::Front ? maps::ViewId::Back : maps::ViewId::Front;
            if (s.view.zoom > 1.0f) s.view.centerOnFocus = true;
            if (!intake) s.post(s.view.focus == maps::ViewId::Front ? tr("Focus: front view") : tr("Focus: back view"));
        } else if (c == SDL_SCANCODE_EQUALS || c == SDL_SCANCODE_KP_PLUS) {
            zoomBy(s, 1.25f);
        } else if (c == SDL_SCANCODE_MINUS || c == SDL_SCANCODE_KP_MINUS) {
            zoomBy(s, 1.0f / 1.25f);
        } else if (c == SDL_SCANCODE_F2 && !k.repeat) {
            s.workspace = Workspace::Chart;
        } else if (c == SDL_SCANCODE_F3 && !k.repeat) {
            s.workspace = Workspace::Compare;
        } else if (c == SDL_SCANCODE_F1 && !k.repeat) {
            s.showHelp = !s.showHelp;
        }
    }
}

}  // namespace bodymap::app
