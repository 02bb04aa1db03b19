// Ids, names and the WPI-area to generalized-pain-region table (see clinical_areas.h).
#include "maps/clinical_areas.h"

namespace bodymap::maps {

namespace {
struct AreaInfo {
    std::string_view id;
    std::string_view name;
    std::optional<GpRegion> gp;
};
// Order matches WpiArea. Region assignment per Wolfe et al. 2016, Table 1: region 1 left upper,
// 2 right upper, 3 left lower, 4 right lower, 5 axial; jaw/chest/abdomen excluded.
constexpr std::array<AreaInfo, kWpiAreaCount> kAreas{{
    {"jaw-left", "Left jaw", std::nullopt},
    {"jaw-right", "Right jaw", std::nullopt},
    {"shoulder-girdle-left", "Left shoulder girdle", GpRegion::LeftUpper},
    {"shoulder-girdle-right", "Right shoulder girdle", GpRegion::RightUpper},
    {"upper-arm-left", "Left upper arm", GpRegion::LeftUpper},
    {"upper-arm-right", "Right upper arm", GpRegion::RightUpper},
    {"lower-arm-left", "Left lower arm", GpRegion::LeftUpper},
    {"lower-arm-right", "Right lower arm", GpRegion::RightUpper},
    {"hip-left", "Left hip (buttock, trochanter)", GpRegion::LeftLower},
    {"hip-right", "Right hip (buttock, trochanter)", GpRegion::RightLower},
    {"upper-leg-left", "Left upper leg", GpRegion::LeftLower},
    {"upper-leg-right", "Right upper leg", GpRegion::RightLower},
    {"lower-leg-left", "Left lower leg", GpRegion::LeftLower},
    {"lower-leg-right", "Right lower leg", GpRegion::RightLower},
    {"neck", "Neck", GpRegion::Axial},
    {"upper-back", "Upper back", GpRegion::Axial},
    {"lower-back", "Lower back", GpRegion::Axial},
    {"chest", "Chest", std::nullopt},
    {"abdomen", "Abdomen", std::nullopt},
}};

struct GpInfo {
    std::string_view id;
    std::string_view name;
};
constexpr std::array<GpInfo, kGpRegionCount> kGp{{
    {"left-upper", "Left upper region"},
    {"right-upper", "Right upper region"},
    {"left-lower", "Left lower region"},
    {"right-lower", "Right lower region"},
    {"axial", "Axial region"},
}};
}  // namespace

std::string_view sideId(Side s) { return s == Side::Left ? "left" : "right"; }

std::optional<Side> parseSide(std::string_view id) {
    if (id == "left") return Side::Left;
    if (id == "right") return Side::Right;
    return std::nullopt;
}

std::string_view wpiAreaId(WpiArea a) { return kAreas[static_cast<std::size_t>(a)].id; }
std::string_view wpiAreaName(WpiArea a) { return kAreas[static_cast<std::size_t>(a)].name; }

std::optional<WpiArea> parseWpiArea(std::string_view id) {
    for (std::size_t i = 0; i < kAreas.size(); ++i) {
        if (kAreas[i].id == id) return static_cast<WpiArea>(i);
    }
    return std::nullopt;
}

std::string_view gpRegionId(GpRegion r) { return kGp[static_cast<std::size_t>(r)].id; }
std::string_view gpRegionName(GpRegion r) { return kGp[static_cast<std::size_t>(r)].name; }

std::optional<GpRegion> parseGpRegion(std::string_view id) {
    for (std::size_t i = 0; i < kGp.size(); ++i) {
        if (kGp[i].id == id) return static_cast<GpRegion>(i);
    }
    return std::nullopt;
}

std::optional<GpRegion> gpRegionOf(WpiArea a) { return kAreas[static_cast<std::size_t>(a)].gp; }

}  // namespace bodymap::maps
