// The therapist's intake PIN: 4 to 12 digits, kept only as a libsodium crypto_pwhash_str hash
// (Argon2id, salted, interactive limits) in the settings; the digit pad shared by the dialogs
// that ask for it; the Settings > Therapist PIN... dialog.
#pragma once

#include <optional>
#include <string>

#include "app/gui/app_state.h"
#include "app/gui/ui_context.h"

namespace bodymap::app {

constexpr std::size_t kPinMinDigits = 4;
constexpr std::size_t kPinMaxDigits = 12;
constexpr int kPinFreeTries = 2;           // wrong tries before the delay starts (the 3rd waits)
constexpr double kPinFirstDelay = 30.0;    // seconds after the 3rd wrong try; doubles after each
constexpr double kPinMaxDelay = 15 * 60.0;

// libsodium's sodium_init; false when the library cannot be used (no PIN can be set or checked).
bool initPinCrypto();
// 4 to 12 ASCII digits.
bool pinFormatOk(const std::string& pin);
// crypto_pwhash_str of the PIN (OPSLIMIT/MEMLIMIT_INTERACTIVE); nullopt when out of memory.
std::optional<std::string> hashPin(const std::string& pin);
// crypto_pwhash_str_verify: true only for the PIN the hash was made from.
bool verifyPin(const std::string& hash, const std::string& pin);
// The delay after `wrong` wrong tries: 0 for the first kPinFreeTries, then 30 s, 60 s, ...
double pinDelaySeconds(int wrong);

// Sets the gate from the settings at start-up (`now` in ImGui time): the wrong tries of an
// earlier run still count, and a delay they started still runs.
void restorePinGate(AppState& s, double now);
// Checks a PIN against the stored hash through the gate: refused without checking while the
// delay runs; a wrong PIN counts (and may start a delay), a right one resets the count.
bool checkPinGated(AppState& s, const std::string& pin, double now);

enum class PinPadAction { None, Submit, Cancel };
// Masked dots, a message line and a large digit pad (buttons of 48 px and more), with keyboard
// entry (digits, Backspace, Enter, Escape) from this frame's key presses. `enabled` false (a
// delay runs): nothing can be typed.
PinPadAction drawPinPad(AppState& s, PinEntry& e, const UiContext& ui, bool enabled);

// Opens Settings > Therapist PIN... (asks for the current PIN first when one is set).
void openPinSettings(AppState& s);
void drawPinSettingsDialog(AppState& s, const UiContext& ui);

}  // namespace bodymap::app
