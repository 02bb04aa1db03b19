// Translated ImGui text helpers (see tr_text.h).
#include "app/gui/tr_text.h"

#include <cstdarg>

namespace bodymap::app {

namespace {
std::string vf(const char* fmt, va_list ap) { return i18n::vformat(fmt, ap); }
}  // namespace

void textf(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const std::string s = vf(fmt, ap);
    va_end(ap);
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
}

void textWrappedf(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const std::string s = vf(fmt, ap);
    va_end(ap);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    ImGui::PopTextWrapPos();
}

void textDisabledf(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const std::string s = vf(fmt, ap);
    va_end(ap);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    ImGui::PopStyleColor();
}

void tooltipf(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const std::string s = vf(fmt, ap);
    va_end(ap);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    ImGui::EndTooltip();
}

std::string idLabel(const char* label, const char* id) {
    std::string s(label);
    s += "###";
    s += id;
    return s;
}

}  // namespace bodymap::app
