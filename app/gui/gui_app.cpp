// The GUI shell (see gui_app.h).
//
// [SECTION] Frame: layout of the main window and the intake
// [SECTION] Main loop
// (The look is set up in gui_style.cpp, --bench is bench_driver.cpp, screenshots window_capture.cpp.)
#include "app/gui/gui_app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <csignal>

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_freetype.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include "app/gui/app_state.h"
#include "app/gui/bench_driver.h"
#include "app/assets_path.h"
#include "app/gui/chart_marks.h"
#include "app/gui/chart_panel.h"
#include "app/gui/compare_workspace.h"
#include "app/gui/document_ops.h"
#include "app/gui/event_replay.h"
#include "app/gui/export_dialog.h"
#include "app/gui/gl_blit.h"
#include "app/gui/fascia_ui.h"
#include "app/gui/side_panels.h"
#include "app/gui/fonts.h"
#include "app/gui/gui_style.h"
#include "app/gui/intake/intake.h"
#include "app/gui/library_store.h"
#include "app/gui/intake/pin.h"
#include "app/gui/panels.h"
#include "app/gui/pointer_input.h"
#include "app/gui/ui_context.h"
#include "app/gui/user_text.h"
#include "app/gui/window_capture.h"
#include "app/gui/tr_text.h"
#include "app/gui/window_size.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "render/chart.h"

namespace bodymap::app {

namespace {

// Set by SIGUSR1 for --signal-screenshot; a signal handler can only reach a global flag.
volatile std::sig_atomic_t g_screenshotRequested = 0;
extern "C" void onScreenshotSignal(int) { g_screenshotRequested = 1; }

// [SECTION] Frame: layout of the main window and the intake

struct Gui {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    UiContext ui;
    AppState state;
    std::unique_ptr<ChartPanelState> chart = std::make_unique<ChartPanelState>();
    std::unique_ptr<SidePanelState> side = std::make_unique<SidePanelState>();
    std::unique_ptr<CompareWorkspaceState> compare = std::make_unique<CompareWorkspaceState>();
    std::unique_ptr<ExportState> exports = std::make_unique<ExportState>();
    std::unique_ptr<GlBlitter> blitter = std::make_unique<GlBlitter>();
    GuiOptions options;
    // The mouse as reported by SDL events (see pointer_input.h).
    MouseTracker mouse;
    KeyPresses keys;  // key presses of this frame
    ImVec4 chartRect{0, 0, 0, 0};  // x, y, w, h of the white chart area, window pixels
};

// Pointer samples for the chart (in order, every one), the mouse for ImGui, key presses.
void trackPointer(Gui& g, const SDL_Event& ev) {
    trackMouse(g.mouse, ev);
    int ww = 0, wh = 0;
    SDL_GetWindowSize(g.window, &ww, &wh);
    queuePointerEvent(g.chart->pointerEvents, ev, ww, wh);
    if (ev.type == SDL_KEYDOWN) g.keys.push_back(keyPressFrom(ev.key));
    if (ev.type == SDL_KEYDOWN || ev.type == SDL_KEYUP) {
        // The modifiers the event carries (the backend asks SDL's state, which events pushed
        // into the queue, e.g. by --replay, do not change; for real keys both agree).
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = (ev.key.keysym.mod & KMOD_CTRL) != 0;
        io.KeyShift = (ev.key.keysym.mod & KMOD_SHIFT) != 0;
        io.KeyAlt = (ev.key.keysym.mod & KMOD_ALT) != 0;
    }
}

void drawStatusBar(AppState& s, const UiContext& ui) {
    // TRANSLATORS: the status bar's zoom, e.g. "Zoom 125%".
    const std::string zoomText = i18n::format(tr("Zoom %.0f%%"), static_cast<double>(s.view.zoom) * 100);
    const char* zoom = zoomText.c_str();
    // Name and message shortened so that they never run into the zoom on the right (a narrow
    // window); the whole message is in a tooltip.
    const float end = ImGui::GetWindowWidth() - ImGui::CalcTextSize(zoom).x - 28 * ui.scale;
    // One line each: a newline or ESC in a path or message would break the bar.
    // TRANSLATORS: the status bar for a visit on the clinic server; %s is its date.
    const std::string name = s.doc.path.empty()         ? std::string(tr("Untitled map"))
                             : isServerKey(s, s.doc.path) ? i18n::format(tr("Visit of %s on the clinic server"),
                                                                       friendlyDate(s.doc.map.info.visitTime).c_str())
                                                        : maps::printableForMessage(s.doc.path);
    // TRANSLATORS: the status bar: %s is the map's file (or "Untitled map").
    const std::string title = s.doc.modified() ? i18n::format(tr("%s  (unsaved changes)"), name.c_str()) : name;
    const bool notice = !s.notices.empty() && ImGui::GetTime() - s.notices.back().time < 8.0;
    const float nameMax = notice ? std::max(120 * ui.scale, (end - ImGui::GetCursorPosX()) * 0.45f)
                                 : end - ImGui::GetCursorPosX();
    ellipsizedText(ImGui::GetColorU32(ImGuiCol_TextDisabled), title, nameMax, title);
    if (notice) {
        ImGui::SameLine(0, 24 * ui.scale);
        const Notice& n = s.notices.back();
        const std::string text = maps::printableForMessage(n.text);
        const float room = end - ImGui::GetCursorPosX();
        // Below the width of "..." nothing is drawn rather than dots running into the zoom.
        if (room >= ImGui::CalcTextSize("...").x) {
            ellipsizedText(n.error ? IM_COL32(179, 26, 26, 255) : ImGui::GetColorU32(ImGuiCol_Text), text,
                           room, n.text);
        } else {
            ImGui::Dummy(ImVec2(0, 0));
        }
    }
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(zoom).x - 16 * ui.scale);
    ImGui::TextDisabled("%s", zoom);
}

void drawFrame(Gui& g) {
    AppState& s = g.state;
    const UiContext& ui = g.ui;
    s.keys = std::move(g.keys);
    g.keys.clear();
    handleShortcuts(s, s.keys);
    // A client intake reaches nothing but its own screens (see app/gui/intake/).
    const bool intake = intakeActive(s.intake);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float top = vp->WorkPos.y;
    if (!intake) {
        drawMenuBar(s, ui);
        top = ImGui::GetFrameHeight();
    }
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, top));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, vp->Size.y - (top - vp->Pos.y)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float statusH = ImGui::GetFrameHeightWithSpacing() + 4 * ui.scale;
    const float bodyH = avail.y - statusH;
    if (intake) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (s.intake.phase == IntakePhase::Drawing) {
            g.chartRect = drawIntakeScreen(s, *g.chart, ui, p, avail);
        } else {
            g.chartRect = ImVec4(0, 0, 0, 0);
            drawIntakePages(s, ui, p, avail);
        }
    } else {
        // Three columns (tools, chart, side panel) on a large window. Smaller (below 1440 x 900:
        // 1366x768, 1280x800, 1024x600) the tools are the side panel's first tab; portrait
        // (800x1280) puts the side panel under the chart, across the whole width.
        g.chart->onlyView.reset();
        const bool portrait = bodyH > avail.x;
        const bool compact = portrait || avail.x < 1440 * ui.scale || bodyH < 900 * ui.scale;
        // The painting tools do nothing in the compare workspace: on a narrow window (below
        // 1500 px) they give their room to it.
        const bool toolsShown = !compact && (s.workspace != Workspace::Compare || avail.x >= 1500 * ui.scale);
        const float leftW = toolsShown ? 290 * ui.scale : 0.0f;
        const float rightW = portrait ? avail.x : compact ? std::clamp(avail.x * 0.3f, 340 * ui.scale, 380 * ui.scale)
                                                          : 340 * ui.scale;
        const float chartW = portrait ? avail.x : avail.x - leftW - rightW;
        const float chartH = portrait ? std::round(bodyH * 0.56f) : bodyH;
        const float sideH = portrait ? bodyH - chartH : bodyH;
        // Backgrounds come from glClear (panel colour, and white under the chart area with a
        // scissor): no full-size quads, which software GL would have to shade every frame.
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12 * ui.scale, 10 * ui.scale));
        if (toolsShown) {
            ImGui::BeginChild("##tools", ImVec2(leftW, bodyH), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
            drawToolsPanel(s, ui);
            ImGui::EndChild();
            logLastItem("panel-tools");
            ImGui::SameLine(0, 0);
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        g.chartRect = ImVec4(p.x, p.y, chartW, chartH);
        ImGui::BeginChild("##chart", ImVec2(chartW, chartH), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        if (s.workspace == Workspace::Compare) {
            drawCompareWorkspace(s, *g.compare, ui, p, ImVec2(chartW, chartH));
        } else {
            drawChartPanel(s, *g.chart, ui, p, ImVec2(chartW, chartH));
        }
        ImGui::EndChild();
        logLastItem("panel-chart");
        if (!portrait) ImGui::SameLine(0, 0);
        ImGui::BeginChild("##info", ImVec2(rightW, sideH), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
        // (The painting tools do nothing in the compare workspace: no Paint tab there.)
        drawSidePanel(s, *g.side, ui, compact && s.workspace != Workspace::Compare);
        ImGui::EndChild();
        logLastItem("panel-side");
        ImGui::PopStyleVar();
        ImGui::SetCursorPosX(12 * ui.scale);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4 * ui.scale);
        drawStatusBar(s, ui);
    }
    ImGui::End();
    if (intake) {
        // No help, file dialog, prompt (restore, unsaved, conflict), export or error dialog: they
        // name files and other clients. They wait until the therapist has unlocked.
        drawIntakeDialogs(s, ui);
        return;
    }
    drawHelpWindow(s, ui);
    drawFileDialog(s, ui);
    drawDocumentPrompts(s, ui);
    drawLibraryPrompts(s, ui);
    drawTagEditor(s, ui);
    drawMarkLabelPrompt(s, ui);
    drawPinSettingsDialog(s, ui);
    if (s.reportRequest) {
        openReportDialog(s, *g.exports, s.reportRequest == 2);
        s.reportRequest = 0;
    }
    drawExportDialogs(s, *g.exports, ui);
    // TRANSLATORS: the title of the error dialog.
    const std::string problemTitle = idLabel(tr("Problem"), "problem");
    if (s.errorDialog && !ImGui::IsPopupOpen(problemTitle.c_str())) {
        ImGui::OpenPopup(problemTitle.c_str());
        testLog("dialog Problem");
    }
    ImGui::SetNextWindowSize(ImVec2(520 * ui.scale, 0));
    if (ImGui::BeginPopupModal(problemTitle.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("%s", s.errorDialog ? s.errorDialog->c_str() : "");
        ImGui::TextDisabled("%s", tr("Your current work is unchanged."));
        if (ImGui::Button(tr("OK"), ImVec2(buttonWidthFor({tr("OK")}, 120 * ui.scale), 0)) || s.pressed(SDL_SCANCODE_RETURN) ||
            s.pressed(SDL_SCANCODE_ESCAPE)) {
            s.errorDialog.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace

// [SECTION] Main loop

int runGui(const GuiOptions& options) {
    // A replay script is read whole before anything starts: a bad line is a usage error.
    std::vector<ReplayItem> replayItems;
    if (!options.replay.empty()) {
        std::string problem;
        if (!parseReplayFile(options.replay, replayItems, problem)) {
            std::cerr << "bodymap: " << problem << "\n";
            return 2;
        }
    }
    const std::string templatePath = defaultTemplatePath();
    if (templatePath.empty()) {
        std::cerr << "bodymap: "
                  << tr("cannot find the body templates (set BODYMAP_ASSETS to the folder that contains templates/)")
                  << "\n";
        return 1;
    }
    auto registry = maps::TemplateRegistry::loadFolder(assetsDir() + "/templates");
    if (!registry) {
        std::cerr << registry.error() << "\n";
        return 1;
    }
    for (const auto& problem : registry->problems()) {
        std::cerr << "bodymap: " << i18n::format(tr("skipped %s"), problem.c_str()) << "\n";
    }
    auto tmpl = registry->find("adult-neutral");
    if (!tmpl) {
        std::cerr << "bodymap: "
                  << i18n::format(tr("the default template adult-neutral is not installed in %s/templates"),
                                  assetsDir().c_str())
                  << "\n";
        return 1;
    }

    // Touches also arrive as mouse events (which == SDL_TOUCH_MOUSEID), so that ImGui's buttons
    // work by touch; the chart ignores those and paints, zooms and pans from the finger events.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::cerr << "bodymap: " << i18n::format(tr("cannot start the display: %s"), SDL_GetError()) << "\n";
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    auto g = std::make_unique<Gui>();
    g->options = options;
    // Hidden until the settings are read: then sized to fit its display (fitAndShowWindow).
    g->window = SDL_CreateWindow("BodyMap", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 800, 600,
                                 SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                                     SDL_WINDOW_HIDDEN);
    if (!g->window) {
        std::cerr << "bodymap: " << i18n::format(tr("cannot open a window: %s"), SDL_GetError()) << "\n";
        SDL_Quit();
        return 1;
    }
    g->gl = SDL_GL_CreateContext(g->window);
    if (!g->gl) {
        std::cerr << "bodymap: " << i18n::format(tr("cannot create an OpenGL 3 context: %s"), SDL_GetError()) << "\n";
        SDL_DestroyWindow(g->window);
        SDL_Quit();
        return 1;
    }
    SDL_GL_MakeCurrent(g->window, g->gl);
    SDL_GL_SetSwapInterval(options.screenshot.empty() && !options.bench ? 1 : 0);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini in the user's folders
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    g->ui.scale = displayScale(g->window);
    applyStyle(g->ui.scale);
    loadFonts(g->ui);
    ImGui_ImplSDL2_InitForOpenGL(g->window, g->gl);
    ImGui_ImplOpenGL3_Init("#version 130");
    // Blits need window pixels to be drawable pixels (no high-DPI scaling of the framebuffer).
    {
        int ww = 0, wh = 0, dw = 0, dh = 0;
        SDL_GetWindowSize(g->window, &ww, &wh);
        SDL_GL_GetDrawableSize(g->window, &dw, &dh);
        g->chart->canBlit = ww == dw && wh == dh && g->blitter->init();
    }

    AppState& s = g->state;
    s.templates = std::move(registry.value());
    s.tmpl = tmpl;
    if (!initPinCrypto()) {
        std::cerr << "bodymap: " << tr("libsodium cannot be used; no therapist PIN can be set or checked") << "\n";
    }
    replaceDocument(s, maps::PainMap::blankFor(s.templ()), "");
    s.doc.map.info.visitTime = maps::localTimeNow();
    s.doc.map.info.appVersion = appVersion();
    const bool unattended = !options.screenshot.empty() || options.bench;
    // An intake offers no recovery files: it restores only its own client's (below).
    initDocuments(s, options.library, unattended || !options.intakeClient.empty(), options.password);
    // For `bodymap intake`, --lang is the intake's language: the therapist's UI (the PIN
    // dialog) keeps the setting's or the system's.
    startUiLanguage(s, options.intakeClient.empty() ? options.language : std::string());
    restorePinGate(s, ImGui::GetTime());  // wrong PINs of an earlier run still count
    if (!options.file.empty()) openMapFile(s, options.file);
    WindowSizeKeeper sizeKeeper;
    sizeKeeper.enabled = options.screenshot.empty() && !options.bench;
    fitAndShowWindow(g->window, s, options.width, options.height, sizeKeeper);
    int exitCode = 0;
    if (!options.intakeClient.empty()) {
        // A screenshot run ends by itself: it needs no PIN (tests of the layout).
        auto started = startIntakeFromCommandLine(s, options.intakeClient, options.intakeFromLast,
                                                  options.screenshot.empty(), options.language);
        if (!started) {
            std::cerr << "bodymap: " << i18n::format(tr("intake: %s"), started.error().c_str()) << "\n";
            exitCode = 1;
            s.quit = true;
        }
    }

    if (!options.signalShot.empty()) std::signal(SIGUSR1, onScreenshotSignal);
    const bool continuous = !options.screenshot.empty() || options.bench;
    int frame = 0;
    Uint32 lastInput = SDL_GetTicks();
    BenchDriver bench;
    // BODYMAP_AUTOSAVE_SECONDS shortens the 30 s autosave interval (used by the recovery test).
    double autosaveSeconds = 30.0;
    if (const char* env = std::getenv("BODYMAP_AUTOSAVE_SECONDS")) {
        autosaveSeconds = std::clamp(std::atof(env), 0.5, 3600.0);
    }
    double startupMs = -1;
    ReplayPlayer replay(std::move(replayItems));
    auto nowSeconds = [] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    };
    while (!s.quit) {
        const double frameStart = nowSeconds();
        auto handleEvent = [&](SDL_Event& ev) {
            lastInput = SDL_GetTicks();
            ImGui_ImplSDL2_ProcessEvent(&ev);
            userTextEvent(ev);
            trackPointer(*g, ev);
            const bool closeRequest =
                ev.type == SDL_QUIT ||
                (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_CLOSE &&
                 ev.window.windowID == SDL_GetWindowID(g->window));
            // During an intake the window closes only with the therapist's PIN.
            if (closeRequest && intakeActive(s.intake) && options.screenshot.empty()) {
                requestIntakeExit(s, PinPurpose::Quit);
            } else if (closeRequest) {
                s.quitRequested = true;
            }
            if ((ev.type == SDL_DROPFILE || ev.type == SDL_DROPTEXT) && intakeActive(s.intake)) {
                if (ev.drop.file) SDL_free(ev.drop.file);  // ignored, and nothing is said about it
                testLog("drop-ignored");
            } else if (ev.type == SDL_DROPFILE && ev.drop.file) {
                const std::string path = ev.drop.file;
                SDL_free(ev.drop.file);
                s.deferred.push_back([path](AppState& st) {
                    guardUnsaved(st, tr("Save the changes to %s before opening another map?"), [path](AppState& s2) { openMapFile(s2, path); });
                });
            }
        };
        std::string replayShot;
        replay.pushDue(SDL_GetTicks(), g->window, replayShot);
        SDL_Event ev;
        // Idle politely: when nothing happened for a second, sleep until an event (or 250 ms).
        // The event that ends the wait is handled first, in order: pushing it back into the queue
        // put it behind later events, so a quick key tap arrived as release-then-press and Dear
        // ImGui kept the key held down (a stuck Enter then ended every text field it reached).
        if (!continuous && !replay.active() && SDL_GetTicks() - lastInput > 1000 && !g_screenshotRequested) {
            if (SDL_WaitEventTimeout(&ev, 250)) handleEvent(ev);
        }
        while (SDL_PollEvent(&ev)) handleEvent(ev);
        userTextBetweenFrames();  // new glyphs into the atlas, before the frame uses it
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        feedImGuiMouse(g->mouse, io);
        const bool benchPainting = options.bench && bench.drive(g->state, *g->chart, io);
        ImGui::NewFrame();
        drawFrame(*g);
        userTextEndFrame();  // an input method's composition at the caret
        dropPointerEvents(*g->chart);  // samples of a frame without the chart are not kept
        ImGui::Render();
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(g->window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(kPanelColor.x, kPanelColor.y, kPanelColor.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        {
            // White under the chart area (a scissored clear costs next to nothing).
            int ww = 0, wh = 0;
            SDL_GetWindowSize(g->window, &ww, &wh);
            const float sx = ww > 0 ? static_cast<float>(w) / static_cast<float>(ww) : 1.0f;
            const float sy = wh > 0 ? static_cast<float>(h) / static_cast<float>(wh) : 1.0f;
            const ImVec4 r = g->chartRect;
            glEnable(GL_SCISSOR_TEST);
            // GL's window origin is the bottom-left corner.
            glScissor(static_cast<int>(r.x * sx), h - static_cast<int>((r.y + r.w) * sy),
                      static_cast<int>(r.z * sx), static_cast<int>(r.w * sy));
            glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            glDisable(GL_SCISSOR_TEST);
            // The chart views, copied 1:1 (window pixels equal drawable pixels when blitting).
            for (const auto& b : g->chart->blits) {
                g->blitter->blit(*b.texture, b.sx, b.sy, b.w, b.h, b.dx, b.dy, h);
            }
            g->chart->blits.clear();
        }
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (s.quitRequested) {
            s.quitRequested = false;
            if (!options.screenshot.empty() || options.bench) {
                s.quit = true;
            } else {
                s.deferred.push_back([](AppState& st) { requestQuit(st); });
            }
        }
        if (!options.bench && options.screenshot.empty()) {
            autosaveTick(s, ImGui::GetTime(), autosaveSeconds);
            // Visits added or deleted by another program (not during an intake: the list is
            // not shown, and a re-list happens when the therapist unlocks).
            if (!intakeActive(s.intake)) pollLibrary(s, ImGui::GetTime());
            windowSizeTick(g->window, s, sizeKeeper, ImGui::GetTime());
        }
        // Structural changes queued during the frame.
        if (!s.deferred.empty()) {
            finishStroke(s, *g->chart);
            auto work = std::move(s.deferred);
            s.deferred.clear();
            for (auto& fn : work) fn(s);
        }
        ++frame;
        if (frame == 1) replay.start(SDL_GetTicks());
        if (!replayShot.empty()) {
            if (saveScreenshot(g->window, replayShot)) testLog("replay-screenshot " + replayShot);
        }
        if (g_screenshotRequested && frame > 2) {
            g_screenshotRequested = 0;
            saveScreenshot(g->window, options.signalShot);
        }
        if (!options.screenshot.empty() && frame >= options.frames) {
            exitCode = saveScreenshot(g->window, options.screenshot) ? 0 : 1;
            s.quit = true;
        }
        SDL_GL_SwapWindow(g->window);
        if (startupMs < 0) startupMs = (nowSeconds() - options.startSeconds) * 1000.0;
        if (options.bench) {
            glFinish();
            const double ms = (nowSeconds() - frameStart) * 1000.0;
            if (bench.frame >= BenchDriver::kWarmup) bench.allMs.push_back(ms);
            if (benchPainting) bench.paintingMs.push_back(ms);
            ++bench.frame;
            if (bench.finished()) s.quit = true;
        }
    }
    finishStroke(s, *g->chart);
    windowSizeAtExit(g->window, s, sizeKeeper);
    if (options.bench) bench.report(startupMs);
    endSession(s);

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    g->chart.reset();  // GL textures go before the context
    g->side.reset();
    g->compare.reset();
    g->exports.reset();  // waits for a report still being written
    g->blitter.reset();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(g->gl);
    SDL_DestroyWindow(g->window);
    SDL_Quit();
    return exitCode;
}

}  // namespace bodymap::app
