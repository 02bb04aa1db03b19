// Tagged fascial bands on the chart (see fascial_tags.h).
#include "render/fascial_tags.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "maps/fascial_lines.h"
#include "render/cairo_util.h"
#include "render/fascial_colors.h"
#include "render/text.h"

namespace bodymap::render {

namespace {
constexpr Rgba kUnknownLine{120, 120, 120, 255};
constexpr double kPi = 3.14159265358979323846;

Rgba lineColor(int lineIndex) {
    if (lineIndex < 0 || lineIndex >= maps::kFascialLineCount) return kUnknownLine;
    return kFascialLineColors[static_cast<std::size_t>(lineIndex)];
}

// Area-weighted centroid of a ring and its absolute area (shoelace formula).
glm::dvec2 ringCentroid(const maps::Ring& ring, double& area) {
    double a = 0, cx = 0, cy = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const glm::dvec2 p(ring[i]), q(ring[(i + 1) % ring.size()]);
        const double cross = p.x * q.y - q.x * p.y;
        a += cross;
        cx += (p.x + q.x) * cross;
        cy += (p.y + q.y) * cross;
    }
    area = std::abs(a / 2);
    if (std::abs(a) < 1e-9) return {0, 0};
    return {cx / (3 * a), cy / (3 * a)};
}

// The colour of a line's hatch and outline strokes: pale lines (sand, cyan) a quarter darker,
// or their thin strokes vanish on the white halo and on light pain.
Rgba strokeColor(int lineIndex) {
    Rgba c = lineColor(lineIndex);
    if (0.299 * c.r + 0.587 * c.g + 0.114 * c.b > 170) {
        auto dark = [](std::uint8_t v) { return static_cast<std::uint8_t>(v * 3 / 4); };
        c = {dark(c.r), dark(c.g), dark(c.b), c.a};
    }
    return c;
}

// The hatch of one band clipped to its polygons, and its outline; each stroke over a narrow
// white halo so that it reads on any pain colour while the pain shows between the lines. Lines
// run top-left to bottom-right, across the "///" of the stabbing symbol, anchored to the grid so
// that they land alike in every output.
void hatchBand(cairo_t* cr, const maps::FascialBand& band, double px) {  // px: user units per device unit
    if (band.polygons.empty()) return;
    const Rgba c = strokeColor(band.lineIndex);
    const double spacing = std::max(7.0, 7.0 * px);
    const double lineW = std::max(1.2, 1.6 * px);
    const double haloW = lineW + std::max(1.2, 1.6 * px);
    double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = -x0, y1 = -x0;
    for (const auto& ring : band.polygons) {
        for (const auto& p : ring) {
            x0 = std::min(x0, static_cast<double>(p.x));
            y0 = std::min(y0, static_cast<double>(p.y));
            x1 = std::max(x1, static_cast<double>(p.x));
            y1 = std::max(y1, static_cast<double>(p.y));
        }
    }
    if (x1 < x0) return;
    cairo_save(cr);
    cairo_new_path(cr);
    addRingsPath(cr, band.polygons);
    cairo_clip(cr);
    // Lines x - y = k * spacing crossing the bounding box.
    const double kMin = std::floor((x0 - y1) / spacing), kMax = std::ceil((x1 - y0) / spacing);
    cairo_new_path(cr);
    for (double k = kMin; k <= kMax; k += 1) {
        const double d = k * spacing;
        cairo_move_to(cr, d + y0 - 1, y0 - 1);
        cairo_line_to(cr, d + y1 + 1, y1 + 1);
    }
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.55);
    cairo_set_line_width(cr, haloW);
    cairo_stroke_preserve(cr);
    setSource(cr, c);
    cairo_set_line_width(cr, lineW);
    cairo_stroke(cr);
    cairo_restore(cr);

    cairo_save(cr);
    cairo_new_path(cr);
    addRingsPath(cr, band.polygons);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.6);
    cairo_set_line_width(cr, std::max(2.6, 3.4 * px));
    cairo_stroke_preserve(cr);
    setSource(cr, c);
    cairo_set_line_width(cr, std::max(1.2, 1.6 * px));
    cairo_stroke(cr);
    cairo_restore(cr);
}
}  // namespace

glm::dvec2 tagMarkAnchor(const maps::BodyTemplate& t, int bandIndex, double clearance,
                         const std::vector<glm::dvec2>& avoid, double avoidDistance) {
    if (bandIndex < 0 || static_cast<std::size_t>(bandIndex) >= t.bands.size()) return {0, 0};
    const maps::FascialBand& band = t.bands[static_cast<std::size_t>(bandIndex)];
    if (band.cells.empty() || t.width <= 0) return {0, 0};
    const auto W = static_cast<std::uint32_t>(t.width);
    std::uint32_t bx0 = std::numeric_limits<std::uint32_t>::max(), by0 = bx0, bx1 = 0, by1 = 0;
    for (std::uint32_t i : band.cells) {
        bx0 = std::min(bx0, i % W), bx1 = std::max(bx1, i % W);
        by0 = std::min(by0, i / W), by1 = std::max(by1, i / W);
    }
    // Chamfer distance (1, sqrt 2) from each band cell to the nearest cell outside the band, on
    // the band's bounding box with a one-cell border of outside cells.
    const int gw = static_cast<int>(bx1 - bx0) + 3, gh = static_cast<int>(by1 - by0) + 3;
    std::vector<double> d(static_cast<std::size_t>(gw) * static_cast<std::size_t>(gh), 0.0);
    auto at = [&](int x, int y) -> double& {
        return d[static_cast<std::size_t>(y) * static_cast<std::size_t>(gw) + static_cast<std::size_t>(x)];
    };
    const double big = 1e9, diag = std::sqrt(2.0);
    for (std::uint32_t i : band.cells) at(static_cast<int>(i % W - bx0) + 1, static_cast<int>(i / W - by0) + 1) = big;
    for (int y = 1; y < gh - 1; ++y)
        for (int x = 1; x < gw - 1; ++x)
            if (at(x, y) > 0)
                at(x, y) = std::min({at(x, y), at(x - 1, y) + 1, at(x, y - 1) + 1, at(x - 1, y - 1) + diag,
                                     at(x + 1, y - 1) + diag});
    for (int y = gh - 2; y >= 1; --y)
        for (int x = gw - 2; x >= 1; --x)
            if (at(x, y) > 0)
                at(x, y) = std::min({at(x, y), at(x + 1, y) + 1, at(x, y + 1) + 1, at(x + 1, y + 1) + diag,
                                     at(x - 1, y + 1) + diag});
    // The centroid of the largest polygon (the mean of the cells for degenerate rings).
    glm::dvec2 centre(0, 0);
    double bestArea = 0;
    for (const auto& ring : band.polygons) {
        double area = 0;
        const glm::dvec2 c = ringCentroid(ring, area);
        if (area > bestArea) bestArea = area, centre = c;
    }
    if (bestArea <= 0) {
        for (std::uint32_t i : band.cells) centre += glm::dvec2(i % W + 0.5, i / W + 0.5);
        centre /= static_cast<double>(band.cells.size());
    }
    // A band narrower than the mark: as clear as the band allows (its middle, not its widest
    // point wherever that is).
    double deepest = 0;
    for (std::uint32_t i : band.cells)
        deepest = std::max(deepest, at(static_cast<int>(i % W - bx0) + 1, static_cast<int>(i / W - by0) + 1) - 0.5);
    clearance = std::min(clearance, deepest * 0.9);
    // Best cell per tier: 0 clear of the edge and of earlier marks, 1 clear of the edge, 2 the
    // deepest; within tiers 0 and 1 the one nearest the centre.
    glm::dvec2 best[3];
    double bestKey[3] = {big, big, big};
    for (std::uint32_t i : band.cells) {
        const glm::dvec2 p(i % W + 0.5, i / W + 0.5);
        const double depth = at(static_cast<int>(i % W - bx0) + 1, static_cast<int>(i / W - by0) + 1) - 0.5;
        const glm::dvec2 off = p - centre;
        const double near = off.x * off.x + off.y * off.y;
        const bool clear = depth >= clearance;
        bool apart = true;
        for (const auto& a : avoid) {
            const glm::dvec2 q = p - a;
            apart = apart && q.x * q.x + q.y * q.y >= avoidDistance * avoidDistance;
        }
        if (clear && apart && near < bestKey[0]) bestKey[0] = near, best[0] = p;
        if (clear && near < bestKey[1]) bestKey[1] = near, best[1] = p;
        const double deep = -depth * 1e6 + near;
        if (deep < bestKey[2]) bestKey[2] = deep, best[2] = p;
    }
    for (int k = 0; k < 3; ++k)
        if (bestKey[k] < big) return best[k];
    return centre;
}

std::string tagMarkLabel(std::size_t number) { return std::to_string(number); }

void drawTagMark(cairo_t* cr, double cx, double cy, double radius, int lineIndex,
                 std::size_t number) {
    const Rgba c = lineColor(lineIndex);
    const double px = deviceWidth(cr, 1.0);
    cairo_save(cr);
    cairo_new_path(cr);
    // A white rim with a faint dark edge: the disc stands out on pain, body and paper alike.
    cairo_arc(cr, cx, cy, radius + std::max(radius * 0.16, 1.6 * px), 0, 2 * kPi);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    cairo_set_source_rgba(cr, 0.2, 0.2, 0.2, 0.45);
    cairo_set_line_width(cr, std::max(radius * 0.05, 0.6 * px));
    cairo_stroke(cr);
    cairo_arc(cr, cx, cy, radius, 0, 2 * kPi);
    setSource(cr, c);
    cairo_fill(cr);
    const std::string label = tagMarkLabel(number);
    TextStyle s;
    s.bold = true;
    s.size = radius * 1.3;
    const bool light = 0.299 * c.r + 0.587 * c.g + 0.114 * c.b > 150;
    s.r = s.g = s.b = light ? 0.12 : 1.0;
    double w = 0, h = 0;
    measureText(cr, label, s, w, h);
    if (w > radius * 1.6) {
        s.size *= radius * 1.6 / w;
        measureText(cr, label, s, w, h);
    }
    s.align = Align::Center;
    // Pango's line box is taller than the digits: centre the box, nudged up a little so that
    // the digits (which sit low in it) look centred.
    drawText(cr, label, cx, cy - h / 2 - s.size * 0.02, s);
    cairo_restore(cr);
}

void drawFascialTags(cairo_t* cr, const maps::BodyTemplate& t, maps::ViewId view,
                     const std::vector<maps::FascialTag>& tags, double minMarkRadius,
                     double strokeScale) {
    struct Item {
        int band;
        std::size_t number;
    };
    std::vector<Item> items;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        const int b = t.bandIndex(tags[i].bandId);
        if (b >= 0 && t.bands[static_cast<std::size_t>(b)].view == view) items.push_back({b, i + 1});
    }
    if (items.empty()) return;
    const double px = deviceWidth(cr, 1.0);
    cairo_save(cr);
    cairo_new_path(cr);
    addRingsPath(cr, t.view(view).outline);
    cairo_clip(cr);
    for (const Item& it : items) hatchBand(cr, t.bands[static_cast<std::size_t>(it.band)], px * strokeScale);
    cairo_restore(cr);
    // Marks last, over every hatch; each placed apart from the ones before it when it can be.
    const double radius = std::max(kTagMarkRadiusCells, minMarkRadius * px);
    std::vector<glm::dvec2> placed;
    for (const Item& it : items) {
        const glm::dvec2 a = tagMarkAnchor(t, it.band, radius * 0.8, placed, radius * 2.3);
        placed.push_back(a);
        drawTagMark(cr, a.x, a.y, radius, t.bands[static_cast<std::size_t>(it.band)].lineIndex, it.number);
    }
}

RgbaImage renderTagLayer(const maps::BodyTemplate& t, maps::ViewId view,
                         const std::vector<maps::FascialTag>& tags, int widthPx,
                         double minMarkRadius) {
    const double s = static_cast<double>(widthPx) / t.width;
    const int heightPx = static_cast<int>(std::lround(t.height * s));
    cairo_surface_t* surface =
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, std::max(widthPx, 1), std::max(heightPx, 1));
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, s, s);
    drawFascialTags(cr, t, view, tags, minMarkRadius);
    cairo_destroy(cr);
    RgbaImage img = imageFromSurface(surface);
    cairo_surface_destroy(surface);
    return img;
}

}  // namespace bodymap::render
