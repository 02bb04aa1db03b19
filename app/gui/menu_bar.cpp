// The menu bar and the help window.
#include "app/assets_path.h"
#include <algorithm>

#include <SDL.h>

#include "app/gui/document_ops.h"
#include "app/gui/export_dialog.h"
#include "app/gui/fascia_ui.h"
#include "app/gui/intake/pin.h"
#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "maps/i18n/i18n.h"

namespace bodymap::app {

void drawMenuBar(AppState& s, const UiContext& ui) {
    (void)ui;
    if (intakeActive(s.intake)) return;  // the client reaches no menu
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(idLabel(tr("File"), "file").c_str())) {
        if (ImGui::MenuItem(tr("New visit"), "Ctrl+N")) {
            s.deferred.push_back([](AppState& st) {
                guardUnsaved(st, tr("Save the changes to %s before starting a new visit?"),
                             [](AppState& s2) { newVisit(s2, false); });
            });
        }
        if (ImGui::MenuItem(tr("Open..."), "Ctrl+O")) showOpen(s);
        if (ImGui::BeginMenu(idLabel(tr("Open recent"), "recent").c_str(), !s.recent.empty())) {
            for (const auto& path : s.recent) {
                if (ImGui::MenuItem(path.c_str())) {
                    s.deferred.push_back([path](AppState& st) {
                        guardUnsaved(st, tr("Save the changes to %s before opening another map?"),
                                     [path](AppState& s2) { openMapFile(s2, path); });
                    });
                }
            }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Save"), "Ctrl+S")) s.deferred.push_back([](AppState& st) { saveDocument(st); });
        if (ImGui::MenuItem(tr("Save as..."), "Ctrl+Shift+S")) showSaveAs(s);
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Export PNG..."))) exportPng(s);
        if (ImGui::MenuItem(tr("Export PDF report..."), "Ctrl+E")) s.reportRequest = 1;
        if (ImGui::MenuItem(tr("Print report..."), "Ctrl+P")) s.reportRequest = 2;
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Quit"), "Ctrl+Q")) s.quitRequested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(idLabel(tr("Edit"), "edit").c_str())) {
        // A long step name ("Fill Left upper abdomen") is shortened, with the whole of it in a
        // tooltip, and trailing spaces widen the label column: the label never runs into its
        // shortcut.
        const float maxW = 18 * ImGui::GetFontSize();
        // TRANSLATORS: the Edit menu; %s is the step ("Fill Left upper abdomen"), may be empty.
        const std::string uFull = i18n::format(tr("Undo %s"), s.doc.history.undoLabel().c_str());
        // TRANSLATORS: the Edit menu; %s is the step, may be empty.
        const std::string rFull = i18n::format(tr("Redo %s"), s.doc.history.redoLabel().c_str());
        const std::string uShort = ellipsize(uFull, maxW), rShort = ellipsize(rFull, maxW);
        if (ImGui::MenuItem((uShort + "     ###undo").c_str(), "Ctrl+Z", false, s.doc.history.canUndo())) undo(s);
        if (uShort != uFull && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", uFull.c_str());
        if (ImGui::MenuItem((rShort + "     ###redo").c_str(), "Ctrl+Shift+Z", false, s.doc.history.canRedo())) redo(s);
        if (rShort != rFull && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", rFull.c_str());
        ImGui::Separator();
        // TRANSLATORS: the Edit menu: opens the session note (SOAP) in the Visit tab.
        if (ImGui::MenuItem(tr("Session note..."), "Ctrl+J")) s.showSessionNote = true;
        ImGui::EndMenu();
    }
    const bool viewOpen = ImGui::BeginMenu(idLabel(tr("View"), "view").c_str());
    if (!viewOpen) logLastItem("menu-view");
    if (viewOpen) {
        ImGui::MenuItem(tr("Region borders"), nullptr, &s.view.regionBorders);
        // TRANSLATORS: View menu and tools panel: draw the fascial tags (hatched bands with
        // numbered marks) on the chart.
        ImGui::MenuItem(tr("Show tags"), nullptr, &s.view.showTags);
        logLastItem("menu-show-tags");
        // TRANSLATORS: View menu and tools panel: the therapist's findings hatched over the chart.
        ImGui::MenuItem(tr("Show findings"), nullptr, &s.view.showFindings);
        logLastItem("menu-show-findings");
        // TRANSLATORS: View menu and tools panel: the trigger points, arrows and labels on the chart.
        ImGui::MenuItem(tr("Show marks"), nullptr, &s.view.showMarks);
        logLastItem("menu-show-marks");
        if (ImGui::MenuItem(tr("Zoom in"), "+")) s.view.zoom = std::min(8.0f, s.view.zoom * 1.25f);
        if (ImGui::MenuItem(tr("Zoom out"), "-")) s.view.zoom = std::max(1.0f, s.view.zoom / 1.25f);
        if (ImGui::MenuItem(tr("Reset zoom"), "Ctrl+0")) {
            s.view.zoom = 1.0f;
            s.view.panX = s.view.panY = 0;
        }
        ImGui::Separator();
        // TRANSLATORS: View menu: the painting workspace.
        if (ImGui::MenuItem(trc("workspace", "Chart"), "F2", s.workspace == Workspace::Chart)) s.workspace = Workspace::Chart;
        if (ImGui::MenuItem(tr("Compare visits"), "F3", s.workspace == Workspace::Compare)) {
            s.workspace = Workspace::Compare;
        }
        ImGui::EndMenu();
    }
    // (Menus log where they are only while closed: an open one's last item is its window.)
    const bool settingsOpen = ImGui::BeginMenu(idLabel(tr("Settings"), "settings").c_str());
    if (!settingsOpen) logLastItem("menu-settings");
    if (settingsOpen) {
        if (ImGui::MenuItem(s.settings.pinHash.empty() ? tr("Therapist PIN...") : tr("Change therapist PIN..."))) {
            openPinSettings(s);
        }
        // The therapist UI's language; each by its own name, so that anyone finds theirs.
        const bool languageOpen = ImGui::BeginMenu(idLabel(tr("Language"), "language").c_str());
        if (!languageOpen) logLastItem("menu-language");
        if (languageOpen) {
            const std::string current = i18n::currentLanguage();
            for (const auto& lang : i18n::shippedLanguages()) {
                const std::string label = lang.nativeName + "###lang-" + lang.tag;
                // en_GB (English with British conventions) is checked as English.
                const bool checked = current == lang.tag || current.rfind(lang.tag + "_", 0) == 0;
                if (ImGui::MenuItem(label.c_str(), nullptr, checked) && lang.tag != current) {
                    const std::string tag = lang.tag;
                    // Between frames: no half-translated frame.
                    s.deferred.push_back([tag](AppState& st) { chooseUiLanguage(st, tag); });
                }
                logLastItem(("lang-" + lang.tag).c_str());
            }
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(idLabel(tr("Help"), "help").c_str())) {
        if (ImGui::MenuItem(tr("How to use BodyMap"), "F1")) s.showHelp = true;
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
    if (ImGui::Begin(idLabel(tr("How to use BodyMap"), "help").c_str(), &s.showHelp, ImGuiWindowFlags_NoSavedSettings)) {
        // TRANSLATORS: the help window. R and L are the letters drawn beside the body views
        // (translate them as the chart shows them in your language).
        ImGui::TextWrapped("%s", tr(
            "Paint where it hurts on the front and back of the body. Left and right are always "
            "YOUR left and right: on the front view your right side is on the left of the "
            "screen, as when you face someone; on the back view it is on the right. The large R "
            "and L letters show the sides."));
        ImGui::Spacing();
        ImGui::TextWrapped("%s", tr(
            "Pick how strong the pain is (1 mild to 10 worst imaginable) and what it feels like, "
            "then paint with the mouse, a pen or a finger. Erase or undo mistakes at any time."));
        ImGui::Spacing();
        if (ui.bold) ImGui::PushFont(ui.bold);
        // TRANSLATORS: heading of the keyboard shortcuts in the help window.
        ImGui::TextUnformatted(tr("Keys"));
        if (ui.bold) ImGui::PopFont();
        // TRANSLATORS: key names (B, E, F, T, Ctrl, Tab...) stay as printed on the keyboard.
        wrappedBullet(tr("1-9 intensity, 0 for 10;  [ and ] brush size"));
        wrappedBullet(tr("B paint, E erase, F fill a whole region, T tag a fascial band"));
        wrappedBullet(tr("P paint the therapist's findings, M place marks; Delete removes the picked mark"));
        wrappedBullet(tr("Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo"));
        wrappedBullet(tr("Wheel or + / - zoom, middle or right drag pans, Ctrl+0 resets"));
        wrappedBullet(tr("Tab switches focus between the front and back view"));
        wrappedBullet(tr("Ctrl+J the session note (SOAP); Ctrl+S saves, also while typing in a field"));
        ImGui::Spacing();
        fascialHelp(ui);
        ImGui::Spacing();
        // TRANSLATORS: %s is the version number.
        textDisabledf(tr("BodyMap %s. Everything stays on this computer."), appVersion());
    }
    ImGui::End();
}

}  // namespace bodymap::app
