// Frequency and mean-intensity maps of a series of visits (see series_image.h).
#include "render/series_image.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "render/text.h"

namespace bodymap::render {

using maps::BodyTemplate;
using maps::SeriesSummary;
using maps::ViewId;

namespace {

// ColorBrewer YlGnBu, 9 classes (Cynthia Brewer, colorbrewer2.org; marked colour-blind safe).
constexpr std::array<Rgba, 9> kYlGnBu{{{255, 255, 217, 255},
                                       {237, 248, 177, 255},
                                       {199, 233, 180, 255},
                                       {127, 205, 187, 255},
                                       {65, 182, 196, 255},
                                       {29, 145, 192, 255},
                                       {34, 94, 168, 255},
                                       {37, 52, 148, 255},
                                       {8, 29, 88, 255}}};

std::uint8_t mix(std::uint8_t a, std::uint8_t b, double f) {
    return static_cast<std::uint8_t>(std::lround(a + (b - a) * f));
}

Rgba mixColor(Rgba a, Rgba b, double f) {
    return {mix(a.r, b.r, f), mix(a.g, b.g, f), mix(a.b, b.b, f), mix(a.a, b.a, f)};
}

void setSource(cairo_t* cr, Rgba c) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

double deviceWidth(cairo_t* cr, double px) {
    double dx = px, dy = 0;
    cairo_device_to_user_distance(cr, &dx, &dy);
    return std::hypot(dx, dy);
}

bool onGrid(const BodyTemplate& t, const SeriesSummary& s, SeriesMapKind kind) {
    const std::size_t cells = static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height);
    if (s.width != t.width || s.height != t.height) return false;
    for (ViewId v : maps::kViews) {
        if (seriesValues(s, kind, v).size() != cells) return false;
    }
    return true;
}

// One pixel per cell, premultiplied ARGB32 as cairo wants it.
cairo_surface_t* cellSurface(const RgbaImage& img) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height);
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < img.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < img.width; ++x) {
            const std::uint8_t* p = img.at(x, y);
            const std::uint32_t a = p[3];
            const std::uint32_t r = p[0] * a / 255, g = p[1] * a / 255, b = p[2] * a / 255;
            row[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
    cairo_surface_mark_dirty(surface);
    return surface;
}

void drawSideMarksAndLabel(cairo_t* cr, const BodyTemplate& t, ViewId v) {
    // Patient's right is on the viewer's left on the front view, on the right on the back.
    const bool front = v == ViewId::Front;
    TextStyle mark;
    mark.size = t.width * 0.115;
    mark.bold = true;
    mark.r = palette::kSideMark.r / 255.0;
    mark.g = palette::kSideMark.g / 255.0;
    mark.b = palette::kSideMark.b / 255.0;
    drawText(cr, front ? "R" : "L", t.width * 0.05, t.height * 0.02, mark);
    mark.align = Align::Right;
    drawText(cr, front ? "L" : "R", t.width * 0.95, t.height * 0.02, mark);

    TextStyle label;
    label.size = t.width * 0.065;
    label.bold = true;
    label.align = Align::Center;
    label.r = label.g = label.b = 0.30;
    drawText(cr, t.view(v).label, t.width / 2.0, t.height + (panelHeightCells(t) - t.height) * 0.12,
             label);
}

}  // namespace

Rgba frequencyColor(double share) {
    if (!(share > 0.0)) return {0, 0, 0, 0};
    // A rare cell starts past the palest classes so that it still shows on the body colour.
    const double pos = 2.0 + std::min(share, 1.0) * 6.0;
    const auto i = static_cast<std::size_t>(std::floor(pos));
    const std::size_t j = std::min<std::size_t>(i + 1, kYlGnBu.size() - 1);
    return mixColor(kYlGnBu[i], kYlGnBu[j], pos - static_cast<double>(i));
}

Rgba meanIntensityColor(double mean) {
    if (!(mean > 0.0)) return {0, 0, 0, 0};
    if (mean < 1.0) {
        Rgba c = intensityColor(1);
        c.a = static_cast<std::uint8_t>(std::lround(255.0 * std::max(mean, 0.2)));
        return c;
    }
    mean = std::min(mean, 10.0);
    const int lo = static_cast<int>(std::floor(mean));
    const int hi = std::min(lo + 1, 10);
    return mixColor(intensityColor(lo), intensityColor(hi), mean - lo);
}

Rgba seriesColor(SeriesMapKind kind, double value) {
    return kind == SeriesMapKind::Frequency ? frequencyColor(value) : meanIntensityColor(value);
}

const std::vector<float>& seriesValues(const SeriesSummary& s, SeriesMapKind kind, ViewId view) {
    const auto v = static_cast<std::size_t>(view);
    return kind == SeriesMapKind::Frequency ? s.frequency[v] : s.meanIntensity[v];
}

RgbaImage seriesCellImage(const BodyTemplate& t, const SeriesSummary& s, SeriesMapKind kind,
                          ViewId view) {
    RgbaImage img;
    if (!onGrid(t, s, kind)) return img;
    img.width = t.width;
    img.height = t.height;
    img.pixels.assign(static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height) * 4, 0);
    const auto& values = seriesValues(s, kind, view);
    const auto& labels = t.view(view).labels;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (labels[i] == maps::kNoRegion) continue;
        const Rgba c = seriesColor(kind, values[i]);
        std::uint8_t* p = img.pixels.data() + i * 4;
        p[0] = c.r;
        p[1] = c.g;
        p[2] = c.b;
        p[3] = c.a;
    }
    return img;
}

void drawSeriesView(cairo_t* cr, const BodyTemplate& t, const SeriesSummary& s, SeriesMapKind kind,
                    ViewId view) {
    const auto& tv = t.view(view);
    cairo_save(cr);
    addRingsPath(cr, tv.outline);
    setSource(cr, palette::kBody);
    cairo_fill(cr);

    const RgbaImage cells = seriesCellImage(t, s, kind, view);
    if (cells.width > 0) {
        cairo_surface_t* img = cellSurface(cells);
        cairo_save(cr);
        addRingsPath(cr, tv.outline);
        cairo_clip(cr);
        cairo_set_source_surface(cr, img, 0, 0);
        // Blocky cells when enlarged (exact colours), smooth when reduced (no aliasing).
        double dx = 1, dy = 0;
        cairo_user_to_device_distance(cr, &dx, &dy);
        cairo_pattern_set_filter(cairo_get_source(cr),
                                 std::hypot(dx, dy) >= 1.0 ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_GOOD);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_surface_destroy(img);
    }

    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    setSource(cr, palette::kGuide);
    cairo_set_line_width(cr, deviceWidth(cr, 1.1));
    for (const auto& g : tv.guides) {
        if (g.points.empty()) continue;
        cairo_move_to(cr, g.points[0].x, g.points[0].y);
        for (std::size_t i = 1; i < g.points.size(); ++i) cairo_line_to(cr, g.points[i].x, g.points[i].y);
        if (g.closed) cairo_close_path(cr);
        cairo_stroke(cr);
    }
    addRingsPath(cr, tv.outline);
    setSource(cr, palette::kOutline);
    cairo_set_line_width(cr, deviceWidth(cr, 1.6));
    cairo_stroke(cr);
    drawSideMarksAndLabel(cr, t, view);
    cairo_restore(cr);
}

double drawSeriesLegend(cairo_t* cr, SeriesMapKind kind, double x, double y, double width,
                        double textSize) {
    const bool freq = kind == SeriesMapKind::Frequency;
    TextStyle text;
    text.size = textSize;
    text.r = palette::kInk.r / 255.0;
    text.g = palette::kInk.g / 255.0;
    text.b = palette::kInk.b / 255.0;
    text.bold = true;
    const double titleH =
        drawText(cr, freq ? "Share of visits with pain here" : "Mean intensity over all visits (0-10)",
                 x, y, text);
    text.bold = false;
    const double top = y + titleH + textSize * 0.4;
    const double barH = textSize * 1.2;
    const int steps = 100;
    const double maxValue = freq ? 1.0 : 10.0;
    // Zero is the body colour (no pain in any visit), then the scale itself.
    for (int i = 0; i < steps; ++i) {
        const double v = maxValue * (i + 0.5) / steps;
        Rgba c = seriesColor(kind, v);
        if (c.a < 255) c = {mix(palette::kBody.r, c.r, c.a / 255.0), mix(palette::kBody.g, c.g, c.a / 255.0),
                            mix(palette::kBody.b, c.b, c.a / 255.0), 255};
        cairo_rectangle(cr, x + width * i / steps, top, width / steps + 0.5, barH);
        setSource(cr, c);
        cairo_fill(cr);
    }
    cairo_rectangle(cr, x, top, width, barH);
    setSource(cr, palette::kOutline);
    cairo_set_line_width(cr, deviceWidth(cr, 1.0));
    cairo_stroke(cr);
    double labelH = 0;
    for (int k = 0; k <= 4; ++k) {
        char buf[16];
        if (freq) std::snprintf(buf, sizeof buf, "%d%%", k * 25);
        else std::snprintf(buf, sizeof buf, "%d", static_cast<int>(std::lround(k * 2.5)));
        text.align = k == 0 ? Align::Left : (k == 4 ? Align::Right : Align::Center);
        labelH = std::max(labelH, drawText(cr, buf, x + width * k / 4.0, top + barH + textSize * 0.3, text));
    }
    return top + barH + textSize * 0.3 + labelH - y;
}

RgbaImage renderSeriesMap(const BodyTemplate& t, const SeriesSummary& s, SeriesMapKind kind,
                          int widthPx, bool legend) {
    widthPx = std::clamp(widthPx, 64, 8000);
    const double gap = t.width * 0.06;
    const double totalW = 2.0 * t.width + gap;
    const double scale = widthPx / totalW;
    const int chartPx = std::max(1, static_cast<int>(std::lround(panelHeightCells(t) * scale)));
    const double textPx = std::clamp(widthPx * 0.025, 9.0, 40.0);
    const int legendPx = legend ? static_cast<int>(std::ceil(textPx * 5.2)) : 0;
    cairo_surface_t* surface =
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, widthPx, chartPx + legendPx);
    cairo_t* cr = cairo_create(surface);
    setSource(cr, palette::kBackground);
    cairo_paint(cr);
    if (legend) {
        const double margin = textPx * 1.2;
        drawSeriesLegend(cr, kind, margin, chartPx + textPx * 0.5, widthPx - 2 * margin, textPx);
    }
    cairo_scale(cr, scale, scale);
    drawSeriesView(cr, t, s, kind, ViewId::Front);
    cairo_translate(cr, t.width + gap, 0);
    drawSeriesView(cr, t, s, kind, ViewId::Back);
    cairo_destroy(cr);
    RgbaImage img = imageFromSurface(surface);
    cairo_surface_destroy(surface);
    return img;
}

}  // namespace bodymap::render
