// The 19 Widespread Pain Index areas and the 5 generalized-pain regions (ACR 2010/2016 criteria,
// Wolfe et al. 2016; see shared DOMAIN.md). Template regions refer to them by id.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace bodymap::maps {

enum class Side : unsigned char { Left, Right };

enum class WpiArea : unsigned char {
    JawLeft, JawRight,
    ShoulderGirdleLeft, ShoulderGirdleRight,
    UpperArmLeft, UpperArmRight,
    LowerArmLeft, LowerArmRight,
    HipLeft, HipRight,
    UpperLegLeft, UpperLegRight,
    LowerLegLeft, LowerLegRight,
    Neck, UpperBack, LowerBack, Chest, Abdomen,
};
constexpr int kWpiAreaCount = 19;

// The 2016 generalized-pain regions. Jaw, chest and abdomen belong to none of them.
enum class GpRegion : unsigned char { LeftUpper, RightUpper, LeftLower, RightLower, Axial };
constexpr int kGpRegionCount = 5;

std::string_view sideId(Side s);                       // "left" / "right"
std::optional<Side> parseSide(std::string_view id);

std::string_view wpiAreaId(WpiArea a);                 // e.g. "shoulder-girdle-left"
std::string_view wpiAreaName(WpiArea a);               // e.g. "Left shoulder girdle" (translated: display only)
std::optional<WpiArea> parseWpiArea(std::string_view id);

std::string_view gpRegionId(GpRegion r);               // e.g. "left-upper"
std::string_view gpRegionName(GpRegion r);             // e.g. "Left upper region" (translated: display only)
std::optional<GpRegion> parseGpRegion(std::string_view id);

// The generalized-pain region an area belongs to per the 2016 criteria; none for jaw, chest
// and abdomen, which count in the WPI but are excluded from generalized pain.
std::optional<GpRegion> gpRegionOf(WpiArea a);

}  // namespace bodymap::maps
