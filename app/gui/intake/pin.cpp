// The therapist's intake PIN (see pin.h).
#include "app/gui/intake/pin.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <cstdio>

#include <imgui.h>
#include <sodium.h>

#include "app/gui/document_ops.h"
#include "app/gui/tr_text.h"

namespace bodymap::app {

bool initPinCrypto() { return sodium_init() >= 0; }

bool pinFormatOk(const std::string& pin) {
    return pin.size() >= kPinMinDigits && pin.size() <= kPinMaxDigits &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> hashPin(const std::string& pin) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return std::nullopt;  // out of memory
    }
    return std::string(out);
}

bool verifyPin(const std::string& hash, const std::string& pin) {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    char stored[crypto_pwhash_STRBYTES] = {};
    std::copy(hash.begin(), hash.end(), stored);  // the API reads a NUL-terminated buffer
    return crypto_pwhash_str_verify(stored, pin.data(), pin.size()) == 0;
}

double pinDelaySeconds(int wrong) {
    if (wrong <= kPinFreeTries) return 0;
    return std::min(kPinMaxDelay, kPinFirstDelay * std::pow(2.0, wrong - kPinFreeTries - 1));
}

namespace {
// The gate as the settings keep it: a restart (or a killed process) does not reset the count.
void keepGate(AppState& s, double delay) {
    s.settings.pinWrong = s.intake.gate.wrong;
    s.settings.pinLockedUntil = delay > 0 ? static_cast<std::int64_t>(std::time(nullptr)) +
                                                static_cast<std::int64_t>(std::ceil(delay))
                                          : 0;
    saveSettings(s);
}
}  // namespace

void restorePinGate(AppState& s, double now) {
    s.intake.gate.wrong = s.settings.pinWrong;
    const auto left = s.settings.pinLockedUntil - static_cast<std::int64_t>(std::time(nullptr));
    // At most the longest delay: a clock set back cannot lock the therapist out for longer.
    if (left > 0) s.intake.gate.lockedUntil = now + std::min(static_cast<double>(left), kPinMaxDelay);
    if (s.settings.pinWrong > 0) {
        testLog("pin-gate " + std::to_string(s.settings.pinWrong) + (left > 0 ? " locked" : ""));
    }
}

bool checkPinGated(AppState& s, const std::string& pin, double now) {
    PinGate& g = s.intake.gate;
    if (now < g.lockedUntil) return false;
    if (verifyPin(s.settings.pinHash, pin)) {
        const bool hadFailures = g.wrong > 0;
        g = {};
        if (hadFailures) keepGate(s, 0);
        testLog("pin-ok");
        return true;
    }
    ++g.wrong;
    const double delay = pinDelaySeconds(g.wrong);
    if (delay > 0) g.lockedUntil = now + delay;
    keepGate(s, delay);
    testLog("pin-wrong " + std::to_string(g.wrong) +
            (delay > 0 ? " delay " + std::to_string(static_cast<int>(delay)) : std::string()));
    return false;
}

namespace {

constexpr const char* kKeys[] = {"1##pin", "2##pin", "3##pin", "4##pin", "5##pin",
                                 "6##pin", "7##pin", "8##pin", "9##pin"};
constexpr const char* kSteps[] = {trNoop("Enter the current PIN"), trNoop("Choose a new PIN (4 to 12 digits)"),
                                  trNoop("Enter the new PIN again")};

// The seconds left of the delay, 0 when none runs.
int secondsLocked(const AppState& s) {
    const double left = s.intake.gate.lockedUntil - ImGui::GetTime();
    return left > 0 ? static_cast<int>(std::ceil(left)) : 0;
}

bool padKey(const char* label, ImVec2 size, const UiContext& ui) {
    if (ui.heading) ImGui::PushFont(ui.heading);
    const bool clicked = loggedButton(label, size);
    if (ui.heading) ImGui::PopFont();
    return clicked;
}

}  // namespace

PinPadAction drawPinPad(AppState& s, PinEntry& e, const UiContext& ui, bool gated) {
    const float keyW = 96 * ui.scale, keyH = 64 * ui.scale, gap = 10 * ui.scale;
    const float width = 3 * keyW + 2 * gap;
    const int locked = gated ? secondsLocked(s) : 0;
    const bool enabled = locked == 0;
    if (!enabled) e.digits.clear();

    // The digits as dots: filled for each typed one, at least four places.
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float r = 9 * ui.scale, step = 28 * ui.scale, h = 36 * ui.scale;
        const std::size_t places = std::max(kPinMinDigits, e.digits.size());
        const float x0 = p.x + (width - static_cast<float>(places - 1) * step) / 2;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (std::size_t i = 0; i < places; ++i) {
            const ImVec2 c(x0 + static_cast<float>(i) * step, p.y + h / 2);
            if (i < e.digits.size()) dl->AddCircleFilled(c, r, IM_COL32(40, 40, 40, 255));
            else dl->AddCircle(c, r, IM_COL32(120, 120, 120, 255), 0, 2.0f * ui.scale);
        }
        ImGui::Dummy(ImVec2(width, h));
    }
    // One line under the dots: the countdown, or what went wrong, or room for it.
    {
        std::string line;
        const char* text = e.message.c_str();
        if (locked > 0) {
            line = i18n::format(trn("Too many wrong tries. Try again in %d second.",
                                    "Too many wrong tries. Try again in %d seconds.",
                                    static_cast<unsigned long>(locked)),
                                locked);
            text = line.c_str();
        }
        const float tw = ImGui::CalcTextSize(text).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - tw) / 2));
        if (locked > 0 || e.error) ImGui::TextColored(ImVec4(0.70f, 0.12f, 0.10f, 1), "%s", text);
        else ImGui::TextUnformatted(*text ? text : " ");
    }
    ImGui::Spacing();

    PinPadAction action = PinPadAction::None;
    auto type = [&](char digit) {
        if (enabled && e.digits.size() < kPinMaxDigits) e.digits.push_back(digit);
    };
    for (const KeyPress& k : s.keys) {
        if (k.ctrl || k.alt) continue;
        const SDL_Scancode c = k.scancode;
        if (c >= SDL_SCANCODE_1 && c <= SDL_SCANCODE_9) type(static_cast<char>('1' + (c - SDL_SCANCODE_1)));
        else if (c >= SDL_SCANCODE_KP_1 && c <= SDL_SCANCODE_KP_9) type(static_cast<char>('1' + (c - SDL_SCANCODE_KP_1)));
        else if (c == SDL_SCANCODE_0 || c == SDL_SCANCODE_KP_0) type('0');
        else if (c == SDL_SCANCODE_BACKSPACE && !e.digits.empty()) e.digits.pop_back();
        else if ((c == SDL_SCANCODE_RETURN || c == SDL_SCANCODE_KP_ENTER) && enabled && !k.repeat) action = PinPadAction::Submit;
        else if (c == SDL_SCANCODE_ESCAPE && !k.repeat) action = PinPadAction::Cancel;
    }

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    ImGui::BeginDisabled(!enabled);
    for (int i = 0; i < 9; ++i) {
        if (i % 3) ImGui::SameLine();
        if (padKey(kKeys[i], ImVec2(keyW, keyH), ui)) type(static_cast<char>('1' + i));
    }
    // TRANSLATORS: a key of the PIN pad (96 px wide): removes the last digit typed.
    const std::string del = std::string(tr("Delete")) + "##pin";
    if (padKey(del.c_str(), ImVec2(keyW, keyH), ui) && !e.digits.empty()) e.digits.pop_back();
    ImGui::SameLine();
    if (padKey("0##pin", ImVec2(keyW, keyH), ui)) type('0');
    ImGui::SameLine();
    const std::string ok = std::string(tr("OK")) + "##pin";
    if (padKey(ok.c_str(), ImVec2(keyW, keyH), ui)) action = PinPadAction::Submit;
    ImGui::EndDisabled();
    const std::string cancel = std::string(tr("Cancel")) + "##pin";
    if (loggedButton(cancel.c_str(), ImVec2(width, 52 * ui.scale))) action = PinPadAction::Cancel;
    ImGui::PopStyleVar();
    return action;
}

// [Settings > Therapist PIN...]

void openPinSettings(AppState& s) {
    PinSettingsDialog& d = s.intake.settingsPin;
    d = {};
    d.open = true;
    d.step = s.settings.pinHash.empty() ? 1 : 0;
}

void drawPinSettingsDialog(AppState& s, const UiContext& ui) {
    PinSettingsDialog& d = s.intake.settingsPin;
    const std::string title = idLabel(tr("Therapist PIN"), "therapist-pin");
    const char* kTitle = title.c_str();
    if (d.open && !ImGui::IsPopupOpen(kTitle)) {
        ImGui::OpenPopup(kTitle);
        testLog("dialog Therapist PIN");
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings |
                                                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
        return;
    }
    if (ui.bold) ImGui::PushFont(ui.bold);
    ImGui::TextUnformatted(tr(kSteps[d.step]));
    if (ui.bold) ImGui::PopFont();
    textDisabledf("%s", tr("It unlocks the client intake (Hand to client)."));
    ImGui::Spacing();
    const PinPadAction a = drawPinPad(s, d.entry, ui, d.step == 0);
    auto close = [&] {
        d = {};
        ImGui::CloseCurrentPopup();
    };
    if (a == PinPadAction::Cancel) {
        close();
    } else if (a == PinPadAction::Submit) {
        const std::string pin = d.entry.digits;
        d.entry = {};
        if (d.step == 0) {
            if (checkPinGated(s, pin, ImGui::GetTime())) {
                d.step = 1;
            } else {
                d.entry = {"", tr("Wrong PIN"), true};
            }
        } else if (d.step == 1) {
            if (pinFormatOk(pin)) {
                d.first = pin;
                d.step = 2;
            } else {
                d.entry = {"", tr("A PIN has 4 to 12 digits"), true};
            }
        } else if (pin != d.first) {
            d.step = 1;
            d.first.clear();
            d.entry = {"", tr("The two PINs differ; choose the new PIN again"), true};
        } else if (auto hash = hashPin(pin); !hash) {
            d.entry = {"", tr("Could not make the PIN's hash (out of memory)"), true};
        } else {
            const std::string old = s.settings.pinHash;
            s.settings.pinHash = *hash;
            if (!saveSettings(s)) {
                s.settings.pinHash = old;
                d.step = old.empty() ? 1 : 0;
                d.entry = {"", tr("Could not write the settings; the PIN is unchanged"), true};
            } else {
                close();
                s.post(tr("Therapist PIN saved"));
                testLog("pin-set");
            }
        }
    }
    ImGui::EndPopup();
}

}  // namespace bodymap::app
