// The menu bar and the help window.
#include "app/assets_path.h"
#include <algorithm>

#include <SDL.h>

#include "app/gui/document_ops.h"
#include "app/gui/export_dialog.h"
#include "app/gui/fascia_ui.h"
#include "app/gui/intake/pin.h"
#include "app/gui/panels.h"

namespace bodymap::app {

void drawMenuBar(AppState& s, const UiContext& ui) {
    (void)ui;
    if (intakeActive(s.intake)) return;  // the client reaches no menu
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("New visit", "Ctrl+N")) {
            s.deferred.push_back([](AppState& st) {
                guardUnsaved(st, "starting a new visit", [](AppState& s2) { newVisit(s2, false); });
            });
        }
        if (ImGui::MenuItem("Open...", "Ctrl+O")) showOpen(s);
        if (ImGui::BeginMenu("Open recent", !s.recent.empty())) {
            for (const auto& path : s.recent) {
                if (ImGui::MenuItem(path.c_str())) {
                    s.deferred.push_back([path](AppState& st) {
                        guardUnsaved(st, "opening another map", [path](AppState& s2) { openMapFile(s2, path); });
                    });
                }
            }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Save", "Ctrl+S")) s.deferred.push_back([](AppState& st) { saveDocument(st); });
        if (ImGui::MenuItem("Save as...", "Ctrl+Shift+S")) showSaveAs(s);
        ImGui::Separator();
        if (ImGui::MenuItem("Export PNG...")) exportPng(s);
        if (ImGui::MenuItem("Export PDF report...", "Ctrl+E")) s.reportRequest = 1;
        if (ImGui::MenuItem("Print report...", "Ctrl+P")) s.reportRequest = 2;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) s.quitRequested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        // A long step name ("Fill Left upper abdomen") is shortened, with the whole of it in a
        // tooltip, and trailing spaces widen the label column: the label never runs into its
        // shortcut.
        const float maxW = 18 * ImGui::GetFontSize();
        const std::string uFull = "Undo " + s.doc.history.undoLabel();
        const std::string rFull = "Redo " + s.doc.history.redoLabel();
        const std::string uShort = ellipsize(uFull, maxW), rShort = ellipsize(rFull, maxW);
        if (ImGui::MenuItem((uShort + "     ").c_str(), "Ctrl+Z", false, s.doc.history.canUndo())) undo(s);
        if (uShort != uFull && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", uFull.c_str());
        if (ImGui::MenuItem((rShort + "     ").c_str(), "Ctrl+Shift+Z", false, s.doc.history.canRedo())) redo(s);
        if (rShort != rFull && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", rFull.c_str());
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        ImGui::MenuItem("Region borders", nullptr, &s.view.regionBorders);
        if (ImGui::MenuItem("Zoom in", "+")) s.view.zoom = std::min(8.0f, s.view.zoom * 1.25f);
        if (ImGui::MenuItem("Zoom out", "-")) s.view.zoom = std::max(1.0f, s.view.zoom / 1.25f);
        if (ImGui::MenuItem("Reset zoom", "Ctrl+0")) {
            s.view.zoom = 1.0f;
            s.view.panX = s.view.panY = 0;
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Chart", "F2", s.workspace == Workspace::Chart)) s.workspace = Workspace::Chart;
        if (ImGui::MenuItem("Compare visits", "F3", s.workspace == Workspace::Compare)) {
            s.workspace = Workspace::Compare;
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Settings")) {
        if (ImGui::MenuItem(s.settings.pinHash.empty() ? "Therapist PIN..." : "Change therapist PIN...")) {
            openPinSettings(s);
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("How to use BodyMap", "F1")) s.showHelp = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void drawHelpWindow(AppState& s, const UiContext& ui) {
    if (!s.showHelp || intakeActive(s.intake)) return;
    // Centred, and never taller than the window (a small screen): the text scrolls inside.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560 * ui.scale, vp->Size.x - 40),
                                    std::min(520 * ui.scale, vp->Size.y - 60)),
                             ImGuiCond_Appearing);
    if (ImGui::Begin("How to use BodyMap", &s.showHelp, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped(
            "Paint where it hurts on the front and back of the body. Left and right are always "
            "YOUR left and right: on the front view your right side is on the left of the "
            "screen, as when you face someone; on the back view it is on the right. The large R "
            "and L letters show the sides.");
        ImGui::Spacing();
        ImGui::TextWrapped(
            "Pick how strong the pain is (1 mild to 10 worst imaginable) and what it feels like, "
            "then paint with the mouse, a pen or a finger. Erase or undo mistakes at any time.");
        ImGui::Spacing();
        if (ui.bold) ImGui::PushFont(ui.bold);
        ImGui::TextUnformatted("Keys");
        if (ui.bold) ImGui::PopFont();
        wrappedBullet("1-9 intensity, 0 for 10;  [ and ] brush size");
        wrappedBullet("B paint, E erase, F fill a whole region, T tag a fascial band");
        wrappedBullet("Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo");
        wrappedBullet("Wheel or + / - zoom, middle or right drag pans, Ctrl+0 resets");
        wrappedBullet("Tab switches focus between the front and back view");
        ImGui::Spacing();
        fascialHelp(ui);
        ImGui::Spacing();
        ImGui::TextDisabled("BodyMap %s. Everything stays on this computer.", appVersion());
    }
    ImGui::End();
}

}  // namespace bodymap::app
