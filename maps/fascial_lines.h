// The catalogue of the twelve fascial lines (myofascial meridians after Thomas Myers): short id,
// full name, the views each runs on, and a short description for the help text. Line paths and
// bands are template data (assets/templates); names and identities live here.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "maps/body_template.h"

namespace bodymap::maps {

enum class FascialLine : unsigned char { SBL, SFL, LL, SPL, DFAL, SFAL, DBAL, SBAL, BFL, FFL, IFL, DFL };
constexpr int kFascialLineCount = 12;

struct FascialLineInfo {
    FascialLine line;
    std::string_view id;            // short name as used in templates: "SBL"
    std::string_view name;          // "Superficial Back Line"
    bool front;                     // runs on the front view
    bool back;                      // runs on the back view
    bool paired;                    // a left and a right line
    bool crosses;                   // continues on the opposite side after the midline
    std::string_view description;   // one or two sentences for the help text
};

// All twelve lines in catalogue order (the order of DOMAIN.md and of FascialLine).
const std::array<FascialLineInfo, kFascialLineCount>& fascialLines();
// Catalogue entry of a line. O(1).
const FascialLineInfo& fascialLineInfo(FascialLine line);
// Line of a short name ("SBL"), case-sensitive; none when unknown.
std::optional<FascialLine> parseFascialLine(std::string_view id);
// True when the line has bands on view v (per the catalogue).
bool runsOn(FascialLine line, ViewId v);
// Credit line for help text and reports (names the concept's author, not a trademark).
std::string_view fascialLinesCredit();

}  // namespace bodymap::maps
