// The intake screen (see intake.h): what a client with no training sees on a tablet or laptop.
// Landscape: what it feels like and the marker size on the left, the intensity above the chart,
// the actions (paint, erase, undo, redo, zoom, Done) in a column on the right. Portrait: one
// view at a time under a large Front / Back switch, every control below it. All targets are at
// least 48 px and all text at least 18 px, at every size down to 1024x600 and 800x1280.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/gui/intake/intake.h"
#include "app/gui/intake/intake_widgets.h"
#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "maps/i18n/i18n.h"

namespace bodymap::app {

namespace {
using namespace intake;

constexpr ImU32 kDoneColor = IM_COL32(46, 125, 70, 255);
// TRANSLATORS: the first line the client reads on the intake screen. "R" is the letter the chart
// draws on the body's right side (it is not translated there).
constexpr const char* kInstruction =
    trNoop("Touch and drag on the body where you feel pain. Your right side is marked R.");
// TRANSLATORS: the intake's first line while the Arrow button is on: the client draws an arrow
// for pain that spreads (radiates) from one place to another.
constexpr const char* kArrowInstruction =
    trNoop("Does the pain spread? Drag from where it starts to where it goes.");
// The action buttons: Paint, Erase, Arrow, Undo, Redo, +, -, Fit.
constexpr int kActionCount = 8;

const char* instruction(const AppState& s) { return s.tools.tool == Tool::Mark ? kArrowInstruction : kInstruction; }
constexpr ImU32 kActive = IM_COL32(52, 86, 140, 255);

// The actions, laid out in `cols` columns of buttons `size` (Done spans a whole row).
// Done goes at screen y `doneY`, or right under the others when it is negative.
void actionButtons(AppState& s, ImVec2 origin, ImVec2 size, float gap, int cols, float doneH,
                   float doneY, const UiContext& ui) {
    struct Action { const char* label; const char* log; };
    // TRANSLATORS: the intake's action buttons (about 110 px wide, a large font). "Fit" shows
    // the whole body again after zooming; "Arrow" draws an arrow for pain that spreads.
    const Action actions[] = {{trNoopC("intake", "Paint"), "Paint"}, {trNoopC("intake", "Erase"), "Erase"},
                              {trNoopC("intake", "Arrow"), "Arrow"},
                              {trNoopC("intake", "Undo"), "Undo"},   {trNoopC("intake", "Redo"), "Redo"},
                              {"+", "ZoomIn"}, {"-", "ZoomOut"}, {trNoopC("intake", "Fit"), "Fit"}};
    int i = 0;
    const int count = static_cast<int>(sizeof actions / sizeof actions[0]);
    const float rowW = static_cast<float>(cols) * size.x + static_cast<float>(cols - 1) * gap;
    for (const Action& a : actions) {
        const float x = origin.x + static_cast<float>(i % cols) * (size.x + gap);
        const float y = origin.y + static_cast<float>(i / cols) * (size.y + gap);
        // The last one alone in its row takes the whole row.
        const ImVec2 bs(i == count - 1 && i % cols == 0 ? rowW : size.x, size.y);
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const std::string log(a.log);
        const std::string text = log == "ZoomIn" || log == "ZoomOut" ? std::string(a.label) : std::string(trc("intake", a.label));
        const std::string labelId = idLabel(text.c_str(), a.log);
        const char* label = labelId.c_str();
        if (log == "Paint") {
            if (bigButton(label, s.tools.tool == Tool::Paint, bs, ui, kActive, a.log)) s.tools.tool = Tool::Paint;
        } else if (log == "Erase") {
            if (bigButton(label, s.tools.tool == Tool::Erase, bs, ui, kActive, a.log)) s.tools.tool = Tool::Erase;
        } else if (log == "Arrow") {
            if (bigButton(label, s.tools.tool == Tool::Mark, bs, ui, kActive, a.log)) s.tools.tool = Tool::Mark;
        } else if (log == "Undo") {
            ImGui::BeginDisabled(!s.doc.history.canUndo());
            if (bigButton(label, false, bs, ui, kActive, a.log)) undo(s);
            ImGui::EndDisabled();
        } else if (log == "Redo") {
            ImGui::BeginDisabled(!s.doc.history.canRedo());
            if (bigButton(label, false, bs, ui, kActive, a.log)) redo(s);
            ImGui::EndDisabled();
        } else if (log == "ZoomIn") {
            ImGui::BeginDisabled(s.view.zoom >= 8.0f);
            if (bigButton(label, false, bs, ui, 0, a.log)) zoomChart(s, 1.25f);
            ImGui::EndDisabled();
        } else if (log == "ZoomOut") {
            ImGui::BeginDisabled(s.view.zoom <= 1.0f);
            if (bigButton(label, false, bs, ui, 0, a.log)) zoomChart(s, 1.0f / 1.25f);
            ImGui::EndDisabled();
        } else {
            ImGui::BeginDisabled(s.view.zoom <= 1.0f && s.view.panX == 0 && s.view.panY == 0);
            if (bigButton(label, false, bs, ui, kActive, a.log)) fitChart(s);
            ImGui::EndDisabled();
        }
        ++i;
    }
    const int rows = (i + cols - 1) / cols;
    const float y = doneY >= 0 ? doneY : origin.y + static_cast<float>(rows) * (size.y + gap);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    // TRANSLATORS: the client's button that ends the intake and saves the drawing.
    if (bigButton(idLabel(trc("intake", "Done"), "done").c_str(), true, ImVec2(rowW, doneH), ui, kDoneColor, "Done")) {
        intakeDone(s);
    }
}

// The chart in [pos, pos+size), in its own child window; returns its white area.
ImVec4 drawChart(AppState& s, ChartPanelState& c, const UiContext& ui, ImVec2 pos, ImVec2 size) {
    ImGui::SetCursorScreenPos(pos);
    c.showLegend = false;  // the intensity and feelings are explained by the controls
    ImGui::BeginChild("##chartc", size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    // The body font for what the chart writes itself (the name of the region under a finger).
    if (ui.body) ImGui::PushFont(ui.body);
    drawChartPanel(s, c, ui, pos, size);
    if (ui.body) ImGui::PopFont();
    ImGui::EndChild();
    logLastItem("panel-chart");
    c.showLegend = true;
    return ImVec4(pos.x, pos.y, size.x, size.y);
}

float swatchFor(float width, float gap, float scale) {
    return std::clamp((width - 10 * gap) / 11.0f, kMinTarget * scale, 64.0f * scale);
}

// The client's language button: "Language: Deutsch", in the language's own name; opens the list.
float languageButtonHeight(const UiContext& ui) { return 52 * ui.scale; }
std::string languageButtonText(const AppState& s) {
    // TRANSLATORS: the intake's language button; %s is the current language's own name
    // ("Deutsch"). It opens the list of languages.
    return i18n::format(tr("Language: %s"), i18n::nativeName(s.intake.language).c_str());
}
float languageButtonWidth(const AppState& s, const UiContext& ui) {
    ImFont* f = ui.body ? ui.body : ImGui::GetFont();
    return std::max(kMinTarget * ui.scale, f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, languageButtonText(s).c_str()).x +
                                               2 * ImGui::GetStyle().FramePadding.x + 24 * ui.scale);
}
void languageButton(AppState& s, ImVec2 at, float maxW, const UiContext& ui) {
    const std::string text = languageButtonText(s);
    const float w = std::min(maxW, languageButtonWidth(s, ui));
    ImGui::SetCursorScreenPos(at);
    if (bigButton(idLabel(text.c_str(), "language").c_str(), false, ImVec2(w, languageButtonHeight(ui)), ui, kActive,
                  "Language")) {
        s.intake.languageList = true;
        testLog("intake-language-list");
    }
}

// The list of languages, by their own names, in large buttons; a choice switches at once.
void languageList(AppState& s, const UiContext& ui, ImVec2 pos, ImVec2 size) {
    const float k = ui.scale;
    ImGui::SetCursorScreenPos(pos);
    ImGui::BeginChild("##intake-languages", size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const auto& langs = i18n::shippedLanguages();
    const float gap = 12 * k;
    const float bw = std::min(480 * k, size.x - 48 * k);
    const float bh = std::clamp((size.y - 220 * k) / static_cast<float>(langs.size() + 1) - gap, 56 * k, 72 * k);
    const float x = pos.x + (size.x - bw) / 2;
    float y = pos.y + std::max(24 * k, (size.y - static_cast<float>(langs.size() + 1) * (bh + gap) - 100 * k) / 2);
    ImFont* tf = ui.title ? ui.title : ImGui::GetFont();
    // TRANSLATORS: the heading of the intake's list of languages.
    const char* title = tr("Choose your language");
    const float tw = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, 0, title).x;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + std::max(24 * k, (size.x - tw) / 2), y));
    ImGui::PushFont(tf);
    ImGui::PushTextWrapPos(size.x - 24 * k);
    ImGui::TextUnformatted(title);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    y = ImGui::GetItemRectMax().y + 2 * gap;
    for (const i18n::Language& l : langs) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const std::string log = "language-" + l.tag;
        // The language's own name, never translated: a client finds their own.
        if (bigButton(idLabel(l.nativeName.c_str(), log.c_str()).c_str(), l.tag == s.intake.language, ImVec2(bw, bh), ui,
                      kActive, log.c_str())) {
            s.deferred.push_back([tag = l.tag](AppState& st) {
                st.intake.language = tag;
                st.intake.languageList = false;
                testLog("intake-language " + tag);
            });
        }
        y += bh + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y + gap));
    // TRANSLATORS: leaves the intake's list of languages without changing the language.
    if (bigButton(idLabel(tr("Back to the drawing"), "language-back").c_str(), false, ImVec2(bw, bh), ui, kActive,
                  "language-back")) {
        s.intake.languageList = false;
        testLog("intake-language-list-closed");
    }
    ImGui::EndChild();
}

ImVec4 landscape(AppState& s, ChartPanelState& c, const UiContext& ui, ImVec2 pos, ImVec2 size) {
    const float k = ui.scale;
    const float pad = 14 * k, gap = 8 * k;
    const float leftW = std::clamp(size.x * 0.29f, 290 * k, 420 * k);
    // The action column: one button a row, or two side by side on a large window; their height
    // from the window's height.
    const float colW = std::clamp(size.x * 0.11f, 110 * k, 220 * k);
    const int cols = colW >= 2 * 96 * k + gap ? 2 : 1;
    const int rows = (kActionCount + cols - 1) / cols;
    const float btnW = (colW - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols);
    const float doneH = std::clamp(size.y * 0.12f, 56 * k, 88 * k);
    // Room above Done for the therapist's small way out.
    const float therapistH = kMinTarget * k;
    const float btnH = std::clamp((size.y - 2 * pad - doneH - therapistH - static_cast<float>(rows + 1) * gap) /
                                      static_cast<float>(rows),
                                  kMinTarget * k, 72 * k);
    c.onlyView.reset();

    // Left: what it feels like, the marker size (the instruction is above the chart).
    const float lx = pos.x + pad, lw = leftW - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(lx, pos.y + pad));
    ImGui::BeginGroup();
    headingText(tr("What does it feel like?"), ui, lx + lw);
    // The feelings take what the marker size and the next-mark line (two lines) leave.
    ImFont* hf = ui.heading ? ui.heading : ImGui::GetFont();
    const float bodyLine = (ui.body ? ui.body->FontSize : ImGui::GetFontSize());
    const float sp = ImGui::GetStyle().ItemSpacing.y;
    const float sizeHead = hf->CalcTextSizeA(hf->FontSize, FLT_MAX, lw, tr("Size of the marker")).y;
    const float below = 2 * bodyLine + sp + 4 * k + sp + sizeHead + sp + std::max(kMinTarget * k, 52 * k) + sp;
    const float room = pos.y + size.y - pad - ImGui::GetCursorScreenPos().y - below;
    const float qh = std::clamp(room / 5 - 2 * k - 2 * sp, kMinTarget * k, 64 * k);
    for (int i = 0; i < maps::kQualityCount; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(lx, ImGui::GetCursorScreenPos().y));
        qualityButton(s, i, ImVec2(lw, qh), ui);
        ImGui::Dummy(ImVec2(0, 2 * k));
    }
    ImGui::SetCursorScreenPos(ImVec2(lx, ImGui::GetCursorScreenPos().y));
    nextMarkLine(s, ui, lx + lw);
    ImGui::Dummy(ImVec2(0, 4 * k));
    ImGui::SetCursorScreenPos(ImVec2(lx, ImGui::GetCursorScreenPos().y));
    headingText(tr("Size of the marker"), ui, lx + lw);
    ImGui::SetCursorScreenPos(ImVec2(lx, ImGui::GetCursorScreenPos().y));
    markerSizeButtons(s, ImVec2((lw - 2 * gap) / 3, std::max(kMinTarget * k, 52 * k)), gap, ui);
    ImGui::EndGroup();

    // Right: the actions.
    const float ax = pos.x + size.x - colW - pad;
    actionButtons(s, ImVec2(ax, pos.y + pad), ImVec2(btnW, btnH), gap, cols, doneH,
                  pos.y + size.y - pad - doneH, ui);
    // The therapist's way out, small and grey, just above Done.
    const float tw = therapistButtonWidth(s);
    ImGui::SetCursorScreenPos(ImVec2(ax + (colW - tw) / 2, pos.y + size.y - pad - doneH - gap - therapistH));
    drawTherapistButton(s, ui);

    // Middle: the intensity row above the chart.
    const float mx = pos.x + leftW, mw = ax - pad - mx;
    const float sgap = 4 * k;
    const float sw = swatchFor(mw - 2 * pad, sgap, k);
    const float rowW = 11 * sw + 10 * sgap;
    // Above it, the instruction and, right of it, the client's language button.
    const float ix = mx + std::max(pad, (mw - rowW) / 2);
    const float langW = std::min(languageButtonWidth(s, ui), rowW / 2);
    ImGui::SetCursorScreenPos(ImVec2(ix, pos.y + pad));
    ImGui::BeginGroup();
    bodyText(tr(instruction(s)), ui, ix + rowW - langW - gap);
    ImGui::EndGroup();
    const float textBottom = ImGui::GetItemRectMax().y;
    languageButton(s, ImVec2(ix + rowW - langW, pos.y + pad), langW, ui);
    const float iy = std::max(textBottom, pos.y + pad + languageButtonHeight(ui)) + gap;
    ImGui::SetCursorScreenPos(ImVec2(ix, iy));
    ImGui::BeginGroup();
    intensityRow(s, sw, sgap, ui);
    ImGui::EndGroup();
    const float top = iy + intensityRowHeight(sw, ui) + gap;
    return drawChart(s, c, ui, ImVec2(mx, top), ImVec2(mw, pos.y + size.y - top));
}

ImVec4 portrait(AppState& s, ChartPanelState& c, const UiContext& ui, ImVec2 pos, ImVec2 size) {
    const float k = ui.scale;
    const float pad = 14 * k, gap = 8 * k;
    const float x = pos.x + pad, w = size.x - 2 * pad;
    c.onlyView = s.intake.portraitView;
    testLogChanged("intake-view", std::string("intake-view ") +
                                      (s.intake.portraitView == maps::ViewId::Front ? "front" : "back"));
    s.view.focus = s.intake.portraitView;

    // Top: the instruction, the client's language button right of it, the Front / Back switch.
    const float langW = std::min(languageButtonWidth(s, ui), w / 2);
    ImGui::SetCursorScreenPos(ImVec2(x, pos.y + pad));
    ImGui::BeginGroup();
    bodyText(tr(instruction(s)), ui, x + w - langW - gap);
    ImGui::EndGroup();
    const float textBottom = ImGui::GetItemRectMax().y;
    languageButton(s, ImVec2(x + w - langW, pos.y + pad), langW, ui);
    const float switchH = 64 * k, switchW = std::min(220 * k, (w - gap) / 2);
    const float sy = std::max(textBottom, pos.y + pad + languageButtonHeight(ui)) + gap;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + size.x / 2 - switchW - gap / 2, sy));
    const bool front = s.intake.portraitView == maps::ViewId::Front;
    if (bigButton(idLabel(trc(i18n::kViewContext, "Front"), "front").c_str(), front, ImVec2(switchW, switchH), ui,
                  kActive, "Front")) s.intake.portraitView = maps::ViewId::Front;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + size.x / 2 + gap / 2, sy));
    if (bigButton(idLabel(trc(i18n::kViewContext, "Back"), "back").c_str(), !front, ImVec2(switchW, switchH), ui,
                  kActive, "Back")) s.intake.portraitView = maps::ViewId::Back;
    // The therapist's way out, small and grey, right of the switch.
    const float tw = therapistButtonWidth(s);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + size.x - pad - tw, sy + (switchH - kMinTarget * k) / 2));
    drawTherapistButton(s, ui);
    const float chartTop = sy + switchH + gap;

    // Bottom, from the bottom edge up: actions, marker size, feelings, intensity.
    const float btnH = 60 * k, doneH = 64 * k;
    // One row of eight while every label fits (in the body font, bigButton's smaller one);
    // else two rows of four, so a longer translation ("Rückgängig") is never cut.
    ImFont* bf = ui.body ? ui.body : ImGui::GetFont();
    float widest = 0;
    for (const char* l : {"Paint", "Erase", "Arrow", "Undo", "Redo", "Fit"})
        widest = std::max(widest, bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, trc("intake", l)).x);
    const int cols = widest + 16 * k <= (w - 7 * gap) / 8 ? 8 : 4;
    const float btnW = std::max(kMinTarget * k, (w - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols));
    const int actionRows = (kActionCount + cols - 1) / cols;
    const float actionsY = pos.y + size.y - pad - doneH - gap - static_cast<float>(actionRows) * (btnH + gap) + gap;
    actionButtons(s, ImVec2(x, actionsY), ImVec2(btnW, btnH), gap, cols, doneH, -1, ui);

    const float sizeH = 56 * k;
    const float sizeY = actionsY - gap * 2 - sizeH;
    ImFont* hf = ui.heading ? ui.heading : ImGui::GetFont();
    const float labelW = hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, tr("Size of the marker")).x + 16 * k;
    ImGui::SetCursorScreenPos(ImVec2(x, sizeY + (sizeH - hf->FontSize) / 2));
    headingText(tr("Size of the marker"), ui);
    ImGui::SetCursorScreenPos(ImVec2(x + labelW, sizeY));
    markerSizeButtons(s, ImVec2((w - labelW - 2 * gap) / 3, sizeH), gap, ui);

    const float qh = 56 * k, qw = (w - gap) / 2;
    const float lineH = (ui.body ? ui.body->FontSize : ImGui::GetFontSize()) + 6 * k;
    const int qrows = (maps::kQualityCount + 1) / 2;
    const float qy = sizeY - gap * 2 - static_cast<float>(qrows) * (qh + gap) - lineH;
    const float headH = hf->FontSize + 6 * k;
    ImGui::SetCursorScreenPos(ImVec2(x, qy - headH));
    headingText(tr("What does it feel like?"), ui);
    for (int i = 0; i < maps::kQualityCount; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(x + static_cast<float>(i % 2) * (qw + gap),
                                         qy + static_cast<float>(i / 2) * (qh + gap)));
        // An odd last one takes the whole row.
        const bool alone = i == maps::kQualityCount - 1 && i % 2 == 0;
        qualityButton(s, i, ImVec2(alone ? w : qw, qh), ui);
    }
    ImGui::SetCursorScreenPos(ImVec2(x, qy + static_cast<float>(qrows) * (qh + gap) + 2 * k));
    nextMarkLine(s, ui, x + w);

    const float sw = swatchFor(w, 6 * k, k);
    const float rowH = intensityRowHeight(sw, ui);
    const float iy = qy - headH - gap * 2 - rowH;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + std::max(pad, (size.x - (11 * sw + 60 * k)) / 2), iy));
    ImGui::BeginGroup();
    intensityRow(s, sw, 6 * k, ui);
    ImGui::EndGroup();

    return drawChart(s, c, ui, ImVec2(pos.x, chartTop), ImVec2(size.x, std::max(0.0f, iy - gap - chartTop)));
}

}  // namespace

ImVec4 drawIntakeScreen(AppState& s, ChartPanelState& c, const UiContext& ui, ImVec2 pos, ImVec2 size) {
    if (s.tools.tool == Tool::Fill || s.tools.tool == Tool::Tag || s.tools.tool == Tool::Findings) s.tools.tool = Tool::Paint;
    if (testLogEnabled()) {
        const auto px = [&](const ImFont* f) { return std::to_string(f ? std::lround(f->FontSize / ui.scale) : 0); };
        testLogChanged("intake-fonts", "font intake-body " + px(ui.body) + " heading " + px(ui.heading));
    }
    s.intake.uiLanguage = i18n::currentLanguage();  // the therapist's, outside the client's scope
    // Everything the client reads in the intake's language (the Therapist button excepted).
    i18n::LanguageScope client(s.intake.language);
    testLogChanged("intake-instruction", std::string("label instruction ") + tr(instruction(s)));
    if (s.intake.languageList) {
        languageList(s, ui, pos, size);
        return ImVec4(0, 0, 0, 0);
    }
    const ImVec4 chart = size.y > size.x ? portrait(s, c, ui, pos, size) : landscape(s, c, ui, pos, size);
    return chart;
}

}  // namespace bodymap::app
