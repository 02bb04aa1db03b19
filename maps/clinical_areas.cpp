// Ids, names and the WPI-area to generalized-pain-region table (see clinical_areas.h).
#include "maps/clinical_areas.h"

#include "maps/i18n/i18n.h"

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
    {"jaw-left", trNoopC("WPI area", "Left jaw"), std::nullopt},
    {"jaw-right", trNoopC("WPI area", "Right jaw"), std::nullopt},
    {"shoulder-girdle-left", trNoopC("WPI area", "Left shoulder girdle"), GpRegion::LeftUpper},
    {"shoulder-girdle-right", trNoopC("WPI area", "Right shoulder girdle"), GpRegion::RightUpper},
    {"upper-arm-left", trNoopC("WPI area", "Left upper arm"), GpRegion::LeftUpper},
    {"upper-arm-right", trNoopC("WPI area", "Right upper arm"), GpRegion::RightUpper},
    {"lower-arm-left", trNoopC("WPI area", "Left lower arm"), GpRegion::LeftUpper},
    {"lower-arm-right", trNoopC("WPI area", "Right lower arm"), GpRegion::RightUpper},
    {"hip-left", trNoopC("WPI area", "Left hip (buttock, trochanter)"), GpRegion::LeftLower},
    {"hip-right", trNoopC("WPI area", "Right hip (buttock, trochanter)"), GpRegion::RightLower},
    {"upper-leg-left", trNoopC("WPI area", "Left upper leg"), GpRegion::LeftLower},
    {"upper-leg-right", trNoopC("WPI area", "Right upper leg"), GpRegion::RightLower},
    {"lower-leg-left", trNoopC("WPI area", "Left lower leg"), GpRegion::LeftLower},
    {"lower-leg-right", trNoopC("WPI area", "Right lower leg"), GpRegion::RightLower},
    {"neck", trNoopC("WPI area", "Neck"), GpRegion::Axial},
    {"upper-back", trNoopC("WPI area", "Upper back"), GpRegion::Axial},
    {"lower-back", trNoopC("WPI area", "Lower back"), GpRegion::Axial},
    {"chest", trNoopC("WPI area", "Chest"), std::nullopt},
    {"abdomen", trNoopC("WPI area", "Abdomen"), std::nullopt},
}};

struct GpInfo {
    std::string_view id;
    std::string_view name;
};
constexpr std::array<GpInfo, kGpRegionCount> kGp{{
    {"left-upper", trNoopC("pain region", "Left upper region")},
    {"right-upper", trNoopC("pain region", "Right upper region")},
    {"left-lower", trNoopC("pain region", "Left lower region")},
    {"right-lower", trNoopC("pain region", "Right lower region")},
    {"axial", trNoopC("pain region", "Axial region")},
}};
}  // namespace

std::string_view sideId(Side s) { return s == Side::Left ? "left" : "right"; }

std::optional<Side> parseSide(std::string_view id) {
    if (id == "left") return Side::Left;
    if (id == "right") return Side::Right;
    return std::nullopt;
}

std::string_view wpiAreaId(WpiArea a) { return kAreas[static_cast<std::size_t>(a)].id; }
// The names are literals: data() ends with a NUL.
std::string_view wpiAreaName(WpiArea a) { return trc("WPI area", kAreas[static_cast<std::size_t>(a)].name.data()); }

std::optional<WpiArea> parseWpiArea(std::string_view id) {
    for (std::size_t i = 0; i < kAreas.size(); ++i) {
        if (kAreas[i].id == id) return static_cast<WpiArea>(i);
    }
    return std::nullopt;
}

std::string_view gpRegionId(GpRegion r) { return kGp[static_cast<std::size_t>(r)].id; }
std::string_view gpRegionName(GpRegion r) { return trc("pain region", kGp[static_cast<std::size_t>(r)].name.data()); }

std::optional<GpRegion> parseGpRegion(std::string_view id) {
    for (std::size_t i = 0; i < kGp.size(); ++i) {
        if (kGp[i].id == id) return static_cast<GpRegion>(i);
    }
    return std::nullopt;
}

std::optional<GpRegion> gpRegionOf(WpiArea a) { return kAreas[static_cast<std::size_t>(a)].gp; }

}  // namespace bodymap::maps
