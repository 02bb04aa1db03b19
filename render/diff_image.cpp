// Drawing a difference map with cairo (see diff_image.h).
#include "render/diff_image.h"

#include <algorithm>
#include <cmath>

#include "render/cairo_util.h"
#include "render/chart.h"
#include "render/text.h"

namespace bodymap::render {

using maps::BodyTemplate;
using maps::CellChange;
using maps::ViewId;

namespace {

// One pixel per cell, premultiplied ARGB32 as cairo wants it.
cairo_surface_t* changeSurface(const BodyTemplate& t, const maps::DifferenceMap& d, ViewId v) {
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, t.width, t.height);
    cairo_surface_flush(img);
    unsigned char* data = cairo_image_surface_get_data(img);
    const int stride = cairo_image_surface_get_stride(img);
    const auto& layer = d.layer(v);
    const bool ok = d.width == t.width && d.height == t.height &&
                    layer.change.size() == static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height);
    for (int y = 0; y < t.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < t.width; ++x) {
            row[x] = 0;
            if (!ok) continue;
            const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(t.width) +
                                  static_cast<std::size_t>(x);
            const Rgba c = changeColor(layer.change[i], layer.delta[i]);
            if (c.a == 0) continue;
            row[x] = 0xFF000000u | (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
        }
    }
    cairo_surface_mark_dirty(img);
    return img;
}

void drawPanel(cairo_t* cr, const BodyTemplate& t, const maps::DifferenceMap& d, ViewId v) {
    const auto& tv = t.view(v);
    cairo_save(cr);
    drawSilhouette(cr, t, v);
    cairo_surface_t* img = changeSurface(t, d, v);
    cairo_save(cr);
    addRingsPath(cr, tv.outline);
    cairo_clip(cr);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
    drawOverlay(cr, t, v, true);
    drawSideMarks(cr, t, v);
    drawViewLabel(cr, t, v);
    cairo_restore(cr);
}

void drawLegend(cairo_t* cr, const BodyTemplate& t, const maps::DifferenceMap& d,
                const DiffLayout& L) {
    const double u = t.width / 100.0;  // legend unit: 1% of a panel's width
    const double top = L.legendTop + 2 * u;
    const double sw = std::min(L.totalWidth * 0.6 / 21.0, 8 * u);
    const double sh = 6 * u;
    const double x0 = (L.totalWidth - 21 * sw) / 2.0;
    for (int k = -10; k <= 10; ++k) {
        cairo_rectangle(cr, x0 + (k + 10) * sw, top, sw, sh);
        setSource(cr, differenceColor(k));
        cairo_fill(cr);
    }
    cairo_rectangle(cr, x0, top, 21 * sw, sh);
    setSource(cr, palette::kOutline);
    cairo_set_line_width(cr, deviceWidth(cr, 1.0));
    cairo_stroke(cr);

    TextStyle text;
    text.size = 4.2 * u;
    text.r = palette::kInk.r / 255.0;
    text.g = palette::kInk.g / 255.0;
    text.b = palette::kInk.b / 255.0;
    // The scale's ends and centre, under the bar.
    const double ty = top + sh + 0.8 * u;
    text.align = Align::Left;
    drawText(cr, "-10  better / resolved", x0, ty, text);
    text.align = Align::Right;
    drawText(cr, "worse / new  +10", x0 + 21 * sw, ty, text);
    text.align = Align::Center;
    drawText(cr, "0", x0 + 10.5 * sw, ty, text);

    // Unchanged pain swatch, then the cell counts on their own line.
    const double y2 = top + sh + 8 * u;
    const std::string swatchText = "unchanged pain   (colour = after - before)";
    double tw = 0, th = 0;
    measureText(cr, swatchText, text, tw, th);
    const double sx = (L.totalWidth - (sh + 1.5 * u + tw)) / 2.0;
    cairo_rectangle(cr, sx, y2, sh, sh);
    setSource(cr, kUnchangedPain);
    cairo_fill(cr);
    text.align = Align::Left;
    drawText(cr, swatchText, sx + sh + 1.5 * u, y2 + 0.5 * u, text);

    const auto n = [&d](CellChange c) { return std::to_string(d.counts[static_cast<std::size_t>(c)]); };
    const std::string counts = "cells: new " + n(CellChange::New) + ", resolved " +
                               n(CellChange::Resolved) + ", worse " + n(CellChange::Worse) +
                               ", better " + n(CellChange::Better) + ", unchanged " +
                               n(CellChange::Unchanged);
    text.align = Align::Center;
    drawText(cr, counts, L.totalWidth / 2.0, y2 + sh + 3 * u, text);
}

}  // namespace

Rgba changeColor(CellChange change, int delta) {
    switch (change) {
        case CellChange::None: return {0, 0, 0, 0};
        case CellChange::Unchanged: return kUnchangedPain;
        default: return differenceColor(delta);
    }
}

DiffLayout diffLayout(const BodyTemplate& t) {
    DiffLayout L;
    L.gap = t.width * 0.06;
    L.totalWidth = 2.0 * t.width + L.gap;
    L.legendTop = panelHeightCells(t);
    L.totalHeight = L.legendTop + t.width * 0.30;
    return L;
}

void drawDifferenceView(cairo_t* cr, const BodyTemplate& t, const maps::DifferenceMap& d,
                        ViewId view) {
    drawPanel(cr, t, d, view);
}

RgbaImage renderDifference(const BodyTemplate& t, const maps::DifferenceMap& d, int widthPx) {
    widthPx = std::clamp(widthPx, 64, 8000);
    const DiffLayout L = diffLayout(t);
    const double s = widthPx / L.totalWidth;
    const int heightPx = std::max(1, static_cast<int>(std::lround(L.totalHeight * s)));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, widthPx, heightPx);
    cairo_t* cr = cairo_create(surface);
    setSource(cr, palette::kBackground);
    cairo_paint(cr);
    cairo_scale(cr, s, s);
    drawPanel(cr, t, d, ViewId::Front);
    cairo_save(cr);
    cairo_translate(cr, t.width + L.gap, 0);
    drawPanel(cr, t, d, ViewId::Back);
    cairo_restore(cr);
    drawLegend(cr, t, d, L);
    cairo_destroy(cr);
    RgbaImage img = imageFromSurface(surface);
    cairo_surface_destroy(surface);
    return img;
}

}  // namespace bodymap::render
