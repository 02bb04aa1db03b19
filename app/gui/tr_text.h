// Translated text in ImGui: printf-style helpers that format through i18n::format (the
// language's decimal separator, %n$ positions), and labels whose ImGui ID stays the same in
// every language. Use these instead of ImGui::Text/SetTooltip with a translated format.
#pragma once

#include <string>

#include <imgui.h>

#include "maps/i18n/i18n.h"

namespace bodymap::app {

// ImGui::TextUnformatted of i18n::format(fmt, ...).
void textf(const char* fmt, ...) BODYMAP_PRINTF_FORMAT(1, 2);
// ImGui::TextWrapped of i18n::format(fmt, ...) (no printf limit on length).
void textWrappedf(const char* fmt, ...) BODYMAP_PRINTF_FORMAT(1, 2);
// ImGui::TextDisabled of i18n::format(fmt, ...).
void textDisabledf(const char* fmt, ...) BODYMAP_PRINTF_FORMAT(1, 2);
// ImGui::SetTooltip of i18n::format(fmt, ...), with '%' in the result kept as text.
void tooltipf(const char* fmt, ...) BODYMAP_PRINTF_FORMAT(1, 2);
// "label###id": the label in the current language, the ID the same in every language. For
// windows, popups, tabs and any control whose state must survive a change of language, or
// whose translated labels could collide ("Back" the view and "Back" the button).
std::string idLabel(const char* label, const char* id);

}  // namespace bodymap::app
