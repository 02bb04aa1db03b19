// The intake session (see intake.h): start, Done, the "no pain today?" and hand-back pages,
// leaving with the therapist's PIN.
#include "app/gui/intake/intake.h"

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <optional>

#include "app/assets_path.h"
#include "app/gui/document_ops.h"
#include "app/gui/library_store.h"
#include "app/gui/intake/intake_widgets.h"
#include "app/gui/intake/pin.h"
#include "app/gui/tr_text.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/map_format.h"

namespace bodymap::app {

namespace {

// Saved in the map, which does not depend on the intake's language: English.
constexpr const char* kNoPainNote = "No pain today (confirmed by the client at intake).";
constexpr const char* kPinPopup = "##intake-pin";

// The state of a fresh session for the client (the PIN gate of this process is kept).
void enterIntake(AppState& s, const std::string& clientId, const std::string& clientName,
                 const std::string& language) {
    const PinGate gate = s.intake.gate;
    s.intake = {};
    s.intake.gate = gate;
    s.intake.phase = IntakePhase::Drawing;
    s.intake.clientId = clientId;
    s.intake.clientName = clientName;
    s.intake.language = intakeLanguageFor(language);
    // Nothing of the therapist's GUI stays open or pending behind the kiosk. Recovery files of
    // other work stay on disk and are offered at the next start of the therapist GUI.
    s.recoveryOffer.clear();
    s.showHelp = false;
    s.workspace = Workspace::Chart;
    s.fileDialog.open = false;
    s.unsaved = {};
    s.conflict = {};
    s.tagEditor = {};
    s.reportRequest = 0;
    // The client's tools, not the therapist's last ones: paint at 5 ("moderate"), hard edge, no
    // feeling chosen yet, the Medium marker (shown as chosen).
    s.tools.tool = Tool::Paint;
    s.tools.brush = maps::BrushSettings{};
    s.tools.brush.radius = intake::kMarkerSizes[1];
    s.view.zoom = 1.0f;
    s.view.panX = s.view.panY = 0;
    s.view.visibleLines = 0;
    testLog("intake-start " + clientId);
    testLog("intake-language " + s.intake.language);
}

const maps::ClientEntry* findClient(const AppState& s, const std::string& clientId) {
    for (const auto& c : s.library.clients) {
        if (c.id == clientId) return &c;
    }
    return nullptr;
}

// Lists the library with the client selected; the client's entry, or why there is none.
maps::Result<maps::ClientEntry> listClient(AppState& s, const std::string& clientId) {
    s.library.selectedClient = clientId;
    refreshLibrary(s);
    if (!s.library.error.empty()) {
        return maps::Error{i18n::format(tr("the client library cannot be read: %s"), s.library.error.c_str())};
    }
    const maps::ClientEntry* c = findClient(s, clientId);
    if (!c) {
        // TRANSLATORS: the first %s is the client's id, the second the library's folder.
        return maps::Error{i18n::format(tr("no client \"%s\" in the library %s"),
                                        maps::printableForMessage(clientId, 80).c_str(),
                                        maps::printableForMessage(s.library.root).c_str())};
    }
    return *c;
}

// Back to the therapist's GUI on the client's page; what the intake drew stays the open document.
void leaveIntake(AppState& s) {
    const IntakePhase was = s.intake.phase;
    const std::string clientId = s.intake.clientId, error = s.intake.saveError;
    const PinGate gate = s.intake.gate;
    s.intake = {};
    s.intake.gate = gate;
    s.library.selectedClient = clientId;
    s.library.stale = true;
    s.library.reveal = true;
    if (was == IntakePhase::SaveFailed) {
        // TRANSLATORS: shown to the therapist after unlocking; %s is why the save failed.
        s.errorDialog = i18n::format(tr("The client's drawing could not be saved at Done:\n\n%s\n\n"
                                        "It is open and kept in the recovery file: save it with File > Save (Ctrl+S)."),
                                     error.c_str());
    } else if (was == IntakePhase::ThankYou) {
        s.post(tr("The client's new visit is open, ready to review"));
    } else {
        s.post(tr("Intake ended without Done; the client's drawing is open and not saved yet"));
    }
    testLog("intake-left " + clientId);
}

// Done (or "Yes, no pain today"): the visit into the client's folder, atomically.
void saveIntake(AppState& s, bool noPain) {
    if (s.intake.phase != IntakePhase::Drawing && s.intake.phase != IntakePhase::ConfirmNoPain) return;
    if (noPain) s.doc.map.info.notes = kNoPainNote;  // the map itself is blank
    s.doc.map.info.drawnBy = maps::DrawnBy::Client;
    std::string error;
    if (saveIntakeVisit(s, error)) {
        s.intake.phase = IntakePhase::ThankYou;
        s.intake.savedPath = s.doc.path;
        testLog(std::string("intake-saved") + (noPain ? " no-pain " : " ") + s.doc.path);
    } else {
        s.intake.phase = IntakePhase::SaveFailed;
        s.intake.saveError = error;
        // The drawing stays open and goes into this session's recovery file now.
        autosaveTick(s, 1e18, 0.0);
        testLog("intake-save-failed");
    }
}

// Big centred text in the current window: `font` at `scale` times its size.
// `text` in `font`, each line centred in `width` from the cursor, wrapped to
// `wrap` (at most `width`) so that long sentences keep a margin on a narrow screen.
void centredText(const char* text, ImFont* font, float width, ImU32 color, float wrap = 0) {
    if (font) ImGui::PushFont(font);
    ImFont* f = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float room = wrap > 0 ? std::min(wrap, width) : width;
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    const char* end = text + std::strlen(text);
    const float x0 = ImGui::GetCursorPosX();
    for (const char* line = text; line < end;) {
        const char* cut = f->CalcWordWrapPositionA(1.0f, line, end, room);
        if (cut == line) cut = line + 1;  // a word wider than the room: at least one byte
        const float lw = f->CalcTextSizeA(size, FLT_MAX, 0, line, cut).x;
        ImGui::SetCursorPosX(x0 + std::max(0.0f, (width - lw) / 2));
        ImGui::TextUnformatted(line, cut);
        line = cut;
        while (line < end && *line == ' ') ++line;
    }
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

// The therapist's small way out, grey and out of the way.
bool therapistButton(const char* label, const UiContext& ui) {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(105, 105, 105, 255));
    const bool clicked = loggedButton(label, ImVec2(0, 48 * ui.scale));
    ImGui::PopStyleColor(2);
    return clicked;
}

void drawPinPrompt(AppState& s, const UiContext& ui) {
    IntakeState& in = s.intake;
    if (in.pinPrompt != PinPurpose::None && !ImGui::IsPopupOpen(kPinPopup)) {
        ImGui::OpenPopup(kPinPopup);
        testLog("dialog Therapist PIN");
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24 * ui.scale, 20 * ui.scale));
    const bool open = ImGui::BeginPopupModal(kPinPopup, nullptr,
                                             ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings |
                                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar();
    if (!open) return;
    const float width = ImGui::GetContentRegionAvail().x;
    centredText(tr("Therapist PIN"), ui.heading, std::max(width, 1.0f), ImGui::GetColorU32(ImGuiCol_Text));
    textDisabledf("%s", in.pinPrompt == PinPurpose::Quit ? tr("Enter the PIN to close BodyMap.")
                                                         : tr("Enter the PIN to end the client's intake."));
    ImGui::Spacing();
    const PinPadAction a = drawPinPad(s, in.pin, ui, true);
    if (a == PinPadAction::Cancel) {
        in.pinPrompt = PinPurpose::None;
        in.pin = {};
        ImGui::CloseCurrentPopup();
        testLog("pin-cancelled");
    } else if (a == PinPadAction::Submit) {
        const std::string pin = in.pin.digits;
        in.pin = {};
        if (checkPinGated(s, pin, ImGui::GetTime())) {
            const PinPurpose why = in.pinPrompt;
            ImGui::CloseCurrentPopup();
            leaveIntake(s);
            if (why == PinPurpose::Quit) s.deferred.push_back([](AppState& st) { requestQuit(st); });
        } else {
            in.pin = {"", s.settings.pinHash.empty() ? tr("No therapist PIN is set") : tr("Wrong PIN"), true};
        }
    }
    ImGui::EndPopup();
}

}  // namespace

maps::Status startIntake(AppState& s, const std::string& clientId, bool fromLastVisit, bool requirePin,
                         const std::string& language) {
    if (requirePin && s.settings.pinHash.empty()) {
        return maps::Error{tr("Set the therapist PIN in Settings first (Settings > Therapist PIN...).")};
    }
    auto client = listClient(s, clientId);
    if (!client) return maps::Error{client.error()};
    std::optional<maps::PainMap> prev;
    if (fromLastVisit) {
        // The newest visit that can be read (the list is newest first).
        const auto& visits = s.library.visits;
        const auto it = std::find_if(visits.begin(), visits.end(), [](const maps::VisitEntry& v) { return v.error.empty(); });
        if (it != visits.end()) {
            auto loaded = loadLibraryMap(s, it->path);
            if (!loaded) {
                return maps::Error{i18n::format(tr("could not start from the last visit: %s"), loaded.error().c_str())};
            }
            if (auto t = s.templates.find(loaded->templateId())) s.tmpl = t;
            prev = std::move(loaded.value());
        }
    }
    maps::PainMap map = startVisit(s.templ(), client->id, client->displayName, prev ? &*prev : nullptr,
                                   maps::localTimeNow());
    map.info.drawnBy = maps::DrawnBy::Client;
    map.info.appVersion = appVersion();
    replaceDocument(s, std::move(map), "");
    if (prev) s.doc.restored = true;  // a copy that is not saved anywhere yet
    enterIntake(s, client->id, client->displayName, language);
    return maps::Ok{};
}

maps::Status startIntakeFromCommandLine(AppState& s, const std::string& clientId, bool fromLastVisit,
                                        bool requirePin, const std::string& language) {
    if (requirePin && s.settings.pinHash.empty()) {
        return maps::Error{tr("Set the therapist PIN in Settings first (Settings > Therapist PIN...).")};
    }
    auto client = listClient(s, clientId);
    if (!client) return maps::Error{client.error()};
    if (restoreIntakeRecovery(s, client->id)) {
        enterIntake(s, client->id, client->displayName, language);
        testLog("intake-restored " + client->id);
        return maps::Ok{};
    }
    return startIntake(s, clientId, fromLastVisit, requirePin, language);
}

void intakeDone(AppState& s) {
    if (s.intake.phase != IntakePhase::Drawing || s.intake.pinPrompt != PinPurpose::None) return;
    // After the frame: a stroke in progress is finished first.
    s.deferred.push_back([](AppState& st) {
        if (st.intake.phase != IntakePhase::Drawing) return;
        // An arrow alone says the pain spreads: that is pain, not "no pain today".
        if (st.doc.map.isBlank() && st.doc.map.marks.empty()) {
            st.intake.phase = IntakePhase::ConfirmNoPain;
            testLog("intake-confirm-no-pain");
        } else {
            saveIntake(st, false);
        }
    });
}

void requestIntakeExit(AppState& s, PinPurpose why) {
    if (!intakeActive(s.intake)) return;
    if (s.intake.pinPrompt == PinPurpose::None || why == PinPurpose::Quit) s.intake.pinPrompt = why;
    testLog(why == PinPurpose::Quit ? "intake-close-needs-pin" : "intake-pin-asked");
}

void drawIntakePages(AppState& s, const UiContext& ui, ImVec2 pos, ImVec2 size) {
    const IntakePhase phase = s.intake.phase;
    if (phase == IntakePhase::Off || phase == IntakePhase::Drawing) return;
    s.intake.uiLanguage = i18n::currentLanguage();  // the therapist's, outside the client's scope
    ImGui::SetCursorScreenPos(pos);
    ImGui::BeginChild("##intake-page", size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const float w = size.x;
    const float colW = std::min(w - 48 * ui.scale, 720 * ui.scale);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 quiet = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    ImGui::SetCursorPosY(std::max(24 * ui.scale, size.y * 0.22f));
    {
        // What the client reads, in the intake's language.
        i18n::LanguageScope client(s.intake.language);
        if (phase == IntakePhase::ConfirmNoPain) {
            centredText(tr("No pain today?"), ui.title, w, text, colW);
            ImGui::Spacing();
            centredText(tr("You have not marked any pain on the body."), ui.heading, w, quiet, colW);
            ImGui::Dummy(ImVec2(0, 36 * ui.scale));
            const float gap = 24 * ui.scale;
            const float bw = std::min(340 * ui.scale, (colW - gap) / 2);
            const float bh = 72 * ui.scale;
            ImGui::SetCursorPosX((w - 2 * bw - gap) / 2);
            if (intake::bigButton(idLabel(tr("Yes, no pain today"), "yes-no-pain").c_str(), true, ImVec2(bw, bh), ui,
                                  IM_COL32(46, 125, 70, 255), "Yes, no pain today")) {
                s.deferred.push_back([](AppState& st) { saveIntake(st, true); });
            }
            ImGui::SameLine(0, gap);
            if (intake::bigButton(idLabel(tr("Go back and draw"), "back-to-drawing").c_str(), false, ImVec2(bw, bh),
                                  ui, IM_COL32(52, 86, 140, 255), "Go back and draw")) {
                s.intake.phase = IntakePhase::Drawing;
                testLog("intake-back-to-drawing");
            }
        } else {
            const bool saved = phase == IntakePhase::ThankYou;
            // Short lines for a large font: a title, then what to do, then what happened.
            centredText(saved ? tr("Thank you!") : tr("Please hand the device to your therapist"), ui.title, w, text,
                        colW);
            ImGui::Dummy(ImVec2(0, 12 * ui.scale));
            if (saved) centredText(tr("Please hand the device back to your therapist."), ui.heading, w, text, colW);
            ImGui::Spacing();
            centredText(saved ? tr("Your drawing is saved for your therapist.")
                              : tr("Your drawing could not be saved just now, but it is kept safe."),
                        ui.heading, w, quiet, colW);
        }
    }
    // The therapist's way back, small, at the bottom, in the therapist's language.
    const char* unlock = phase == IntakePhase::ConfirmNoPain ? tr("Therapist") : tr("Therapist: unlock");
    const float uw = ImGui::CalcTextSize(unlock).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SetCursorPos(ImVec2((w - uw) / 2, size.y - 60 * ui.scale));
    if (therapistButton(unlock, ui)) requestIntakeExit(s, PinPurpose::Leave);
    ImGui::EndChild();
}

void drawTherapistButton(AppState& s, const UiContext& ui) {
    i18n::LanguageScope therapist(s.intake.uiLanguage);
    if (therapistButton(tr("Therapist"), ui)) requestIntakeExit(s, PinPurpose::Leave);
    logLastItem("Therapist");
}

float therapistButtonWidth(const AppState& s) {
    i18n::LanguageScope therapist(s.intake.uiLanguage);
    return ImGui::CalcTextSize(tr("Therapist")).x + 2 * ImGui::GetStyle().FramePadding.x;
}

std::string intakeLanguageFor(const std::string& requested) {
    std::string tag = i18n::normalizeLanguage(requested);
    if (tag.empty()) tag = i18n::normalizeLanguage(i18n::currentLanguage());
    return tag.empty() ? std::string("en") : tag;
}

bool intakeLanguageCombo(const UiContext& ui, std::string& tag) {
    if (tag.empty()) tag = intakeLanguageFor("");
    const auto& langs = i18n::shippedLanguages();
    // The entry of `tag` ("en_GB" is English's).
    std::size_t current = 0;
    for (std::size_t i = 0; i < langs.size(); ++i) {
        if (langs[i].tag == tag || (tag.size() > 2 && tag.compare(0, langs[i].tag.size() + 1, langs[i].tag + "_") == 0)) {
            current = i;
        }
    }
    const std::string shown = tag == i18n::kPseudoLanguage ? tag : langs.empty() ? tag : langs[current].nativeName;
    bool changed = false;
    // TRANSLATORS: in the Hand to client dialog: the language the client's intake starts in.
    ImGui::TextUnformatted(tr("Client's language:"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(220 * ui.scale);
    if (ImGui::BeginCombo("##intake-language", shown.c_str())) {
        for (std::size_t i = 0; i < langs.size(); ++i) {
            if (ImGui::Selectable(langs[i].nativeName.c_str(), i == current && tag != i18n::kPseudoLanguage)) {
                changed = tag != langs[i].tag;
                tag = langs[i].tag;
            }
        }
        ImGui::EndCombo();
    }
    logLastItem("intake-language");
    return changed;
}

void drawIntakeDialogs(AppState& s, const UiContext& ui) {
    if (!intakeActive(s.intake)) return;
    drawPinPrompt(s, ui);
}

}  // namespace bodymap::app
