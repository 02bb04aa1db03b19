// The legend of the therapist's layer for printed charts: only the findings and mark kinds a map
// has, each with the chart's own symbol (see therapist_layer.h, drawTherapistLegend).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "maps/i18n/i18n.h"
#include "render/cairo_util.h"
#include "render/text.h"
#include "render/therapist_layer.h"

namespace bodymap::render {

using maps::DrawnBy;
using maps::MarkKind;

namespace {

struct Entry {
    int finding = -1;  // index into kFindings, or -1 for a mark
    MarkKind kind = MarkKind::ActiveTriggerPoint;
    DrawnBy by = DrawnBy::Therapist;
    std::string name;
};

std::vector<Entry> entriesOf(const maps::PainMap& map, MarkFilter which, bool findings, bool marks) {
    std::vector<Entry> out;
    if (findings && which == MarkFilter::All) {
        std::uint8_t bits = 0;
        for (maps::ViewId v : {maps::ViewId::Front, maps::ViewId::Back})
            for (std::uint8_t b : map.layer(v).findings) bits |= b;
        for (int i = 0; i < maps::kFindingCount; ++i)
            if (bits & maps::bit(maps::kFindings[static_cast<std::size_t>(i)]))
                out.push_back({i, MarkKind::ActiveTriggerPoint, DrawnBy::Therapist,
                               std::string(maps::findingName(maps::kFindings[static_cast<std::size_t>(i)]))});
    }
    for (DrawnBy by : {DrawnBy::Therapist, DrawnBy::Client}) {
        if (!marks) break;
        if (by == DrawnBy::Therapist && which == MarkFilter::ClientOnly) continue;
        for (MarkKind k : maps::kMarkKinds) {
            const bool present = std::any_of(map.marks.begin(), map.marks.end(),
                                             [&](const maps::Mark& m) { return m.kind == k && m.by == by; });
            if (!present) continue;
            std::string name;
            if (by == DrawnBy::Therapist) {
                name = maps::markKindName(k);
            } else if (k == MarkKind::Radiating) {
                // TRANSLATORS: legend entry of the arrows the client drew at intake.
                name = trc("chart legend", "Pain spreads, drawn by the client");
            } else {
                // TRANSLATORS: legend entry of another mark the client drew; %s is its kind
                // ("Active trigger point").
                name = i18n::format(trc("chart legend", "%s, drawn by the client"),
                                    std::string(maps::markKindName(k)).c_str());
            }
            out.push_back({-1, k, by, name});
        }
    }
    return out;
}

void drawSwatch(cairo_t* cr, int finding, double x, double y, double side) {
    const double devicePerUser = 1.0 / std::max(deviceWidth(cr, 1.0), 1e-6);
    const int n = std::clamp(static_cast<int>(std::ceil(side * devicePerUser * 3)), 16, 256);
    const RgbaImage img = renderFindingSwatch(maps::bit(maps::kFindings[static_cast<std::size_t>(finding)]), n, n);
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, n, n);
    cairo_surface_flush(s);
    unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    for (int py = 0; py < n; ++py) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(py) * stride);
        for (int px = 0; px < n; ++px) {
            const std::uint8_t* p = img.at(px, py);
            const std::uint32_t a = p[3];
            row[px] = (a << 24) | ((p[0] * a / 255) << 16) | ((p[1] * a / 255) << 8) | (p[2] * a / 255);
        }
    }
    cairo_surface_mark_dirty(s);
    cairo_save(cr);
    // On the body colour, as on the chart.
    cairo_rectangle(cr, x, y, side, side);
    setSource(cr, palette::kBody);
    cairo_fill(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, side / n, side / n);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(s);
}

void drawEntrySymbol(cairo_t* cr, const Entry& e, double x, double y, double side) {
    if (e.finding >= 0) {
        drawSwatch(cr, e.finding, x, y, side);
        return;
    }
    const double r = side * 0.3;
    if (maps::isLineMark(e.kind)) {
        drawMarkSymbol(cr, e.kind, e.by, {x + side * 0.08, y + side * 0.8}, {x + side * 0.92, y + side * 0.2}, r);
    } else if (e.kind == MarkKind::Label) {
        drawMarkSymbol(cr, e.kind, e.by, {x + side * 0.14, y + side * 0.5}, {}, side * 0.2);  // the box fits the square
    } else {
        drawMarkSymbol(cr, e.kind, e.by, {x + side * 0.5, y + side * 0.52}, {}, side * 0.36);
    }
}

}  // namespace

std::vector<std::string> therapistLegendNames(const maps::PainMap& map, MarkFilter which, bool findings,
                                              bool marks) {
    std::vector<std::string> out;
    for (const Entry& e : entriesOf(map, which, findings, marks)) out.push_back(e.name);
    return out;
}

double drawTherapistLegend(cairo_t* cr, double x, double y, double width, double textSize,
                           const maps::PainMap& map, MarkFilter which, bool findings, bool marks,
                           bool draw) {
    const std::vector<Entry> entries = entriesOf(map, which, findings, marks);
    if (entries.empty()) return 0;
    TextStyle title;
    title.size = textSize;
    title.bold = true;
    title.wrapWidth = width;
    title.r = palette::kInk.r / 255.0, title.g = palette::kInk.g / 255.0, title.b = palette::kInk.b / 255.0;
    // TRANSLATORS: title of the legend of the therapist's findings and marks (PNG and report);
    // lists the client's own arrows too when there are some.
    const char* heading = which == MarkFilter::ClientOnly ? trc("chart legend", "Marks drawn by the client")
                                                          : trc("chart legend", "Findings and marks");
    double tw = 0, th = 0;
    measureText(cr, heading, title, tw, th);
    if (draw) drawText(cr, heading, x, y, title);
    TextStyle label = title;
    label.bold = false;
    label.wrapWidth = -1;
    const double side = textSize * 2.2;
    const double gap = textSize * 0.5, itemGap = textSize * 1.2;
    double cx = x, cy = y + th + textSize * 0.35;
    for (const Entry& e : entries) {
        double w = 0, h = 0;
        measureText(cr, e.name, label, w, h);
        const double itemW = side + gap + w;
        if (cx > x && cx + itemW > x + width) {
            cx = x;
            cy += side + textSize * 0.4;
        }
        if (draw) {
            drawEntrySymbol(cr, e, cx, cy, side);
            drawText(cr, e.name, cx + side + gap, cy + (side - h) / 2, label);
        }
        cx += itemW + itemGap;
    }
    return cy + side - y;
}

}  // namespace bodymap::render
