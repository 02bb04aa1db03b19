// Legends for the chart and the report (see legend.h).
#include "render/legend.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "maps/i18n/i18n.h"
#include "maps/pain_map.h"
#include "render/cairo_util.h"
#include "render/colormap.h"
#include "render/diff_image.h"
#include "render/pain_image.h"
#include "render/text.h"

namespace bodymap::render {

namespace {

constexpr int kSwatchCells = 27;       // three lattice periods: room to centre any symbol
constexpr int kSwatchScale = 8;        // pixels per cell: sharp when printed
constexpr float kSwatchWindow = 11.0f; // cells shown: one symbol, ~half the swatch wide
constexpr int kSwatchIntensity = 3;    // a light fill so that the symbol ink stands out

// Where one whole symbol of each quality sits in the swatch map (cells; see qualityInk's
// per-quality lattice offsets), so that the swatch shows it centred and large.
void symbolCentre(maps::Quality q, float& cx, float& cy) {
    switch (q) {
        case maps::Quality::Aching: cx = 13.5f, cy = 13.2f; return;
        case maps::Quality::Burning: cx = 9.0f, cy = 9.0f; return;
        case maps::Quality::Stabbing: cx = 13.5f, cy = 13.5f; return;
        case maps::Quality::PinsAndNeedles: cx = 9.0f, cy = 13.5f; return;
        case maps::Quality::Numbness: cx = 13.5f, cy = 9.0f; return;
    }
    cx = cy = 13.5f;
}

TextStyle inkStyle(double size) {
    TextStyle s;
    s.size = size;
    s.r = palette::kInk.r / 255.0;
    s.g = palette::kInk.g / 255.0;
    s.b = palette::kInk.b / 255.0;
    return s;
}

void strokeBox(cairo_t* cr, double x, double y, double w, double h, double lineWidth) {
    cairo_rectangle(cr, x, y, w, h);
    setSource(cr, palette::kOutline);
    cairo_set_line_width(cr, lineWidth);
    cairo_stroke(cr);
}

// A square swatch of one of `q`'s symbols, enlarged, over a light intensity colour: drawn from
// the same pixels as the chart's pain layer, so that it reads on paper (a ~6 mm swatch at the
// report's 7.5 pt text holds a ~2-3 mm symbol).
void qualitySwatch(cairo_t* cr, maps::Quality q, double x, double y, double side) {
    maps::PainMap m("legend", 1, kSwatchCells, kSwatchCells);
    auto& layer = m.layer(maps::ViewId::Front);
    std::fill(layer.intensity.begin(), layer.intensity.end(), std::uint8_t{kSwatchIntensity});
    std::fill(layer.qualities.begin(), layer.qualities.end(), maps::bit(q));
    PainImageStyle style;
    style.scale = kSwatchScale;
    style.alpha = 1.0f;
    const std::vector<std::uint8_t> rgba = painImage(m, maps::ViewId::Front, style);
    const int n = kSwatchCells * style.scale;
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, n, n);
    cairo_surface_flush(img);
    unsigned char* data = cairo_image_surface_get_data(img);
    const int stride = cairo_image_surface_get_stride(img);
    for (int py = 0; py < n; ++py) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(py) * stride);
        for (int px = 0; px < n; ++px) {
            const std::uint8_t* p = rgba.data() + (static_cast<std::size_t>(py) * static_cast<std::size_t>(n) +
                                                   static_cast<std::size_t>(px)) * 4;
            row[px] = 0xFF000000u | (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
        }
    }
    cairo_surface_mark_dirty(img);
    cairo_save(cr);
    cairo_rectangle(cr, x, y, side, side);
    cairo_clip(cr);
    float cx = 0, cy = 0;
    symbolCentre(q, cx, cy);
    const double k = side / (kSwatchWindow * kSwatchScale);  // user units per image pixel
    cairo_translate(cr, x + side / 2, y + side / 2);
    cairo_scale(cr, k, k);
    cairo_set_source_surface(cr, img, -cx * kSwatchScale, -cy * kSwatchScale);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
    strokeBox(cr, x, y, side, side, side * 0.03);
}

// Lays out (and draws when `draw`) the quality legend; returns its height.
double qualityLegend(cairo_t* cr, double x, double y, double width, double textSize, bool draw) {
    const TextStyle title = [&] { TextStyle s = inkStyle(textSize); s.bold = true; return s; }();
    TextStyle wrapped = title;
    wrapped.wrapWidth = width;
    // TRANSLATORS: title of the legend of the sensation symbols (PNG and report).
    const char* heading = tr("Sensation (symbols over the colour)");
    double tw = 0, th = 0;
    measureText(cr, heading, wrapped, tw, th);
    if (draw) drawText(cr, heading, x, y, wrapped);
    const TextStyle label = inkStyle(textSize);
    const double side = textSize * 2.4;
    const double gap = textSize * 0.5, itemGap = textSize * 1.2;
    double cx = x, cy = y + th + textSize * 0.35;
    for (maps::Quality q : maps::kQualities) {
        // TRANSLATORS: a sensation's legend entry: its name and its symbol ("Burning  ^").
        const std::string text = i18n::format(tr("%s  %s"), std::string(maps::qualityName(q)).c_str(),
                                              std::string(maps::qualitySymbol(q)).c_str());
        double w = 0, h = 0;
        measureText(cr, text, label, w, h);
        const double itemW = side + gap + w;
        if (cx > x && cx + itemW > x + width) {
            cx = x;
            cy += side + textSize * 0.4;
        }
        if (draw) {
            qualitySwatch(cr, q, cx, cy, side);
            drawText(cr, text, cx + side + gap, cy + (side - h) / 2, label);
        }
        cx += itemW + itemGap;
    }
    return cy + side - y;
}

const char* intensityTitle() {
    // TRANSLATORS: title of the intensity colour scale (PNG legend and report).
    return tr("Intensity (0 no pain, 10 worst imaginable)");
}

}  // namespace

double drawIntensityLegend(cairo_t* cr, double x, double y, double width, double textSize) {
    TextStyle title = inkStyle(textSize);
    title.bold = true;
    title.wrapWidth = width;
    const double th = drawText(cr, intensityTitle(), x, y, title);
    const double sw = std::min(width / 10.0, textSize * 3.2);
    const double sh = textSize * 1.4;
    const double top = y + th + textSize * 0.35;
    for (int k = 1; k <= 10; ++k) {
        cairo_rectangle(cr, x + (k - 1) * sw, top, sw, sh);
        setSource(cr, intensityColor(k));
        cairo_fill(cr);
    }
    strokeBox(cr, x, top, 10 * sw, sh, textSize * 0.06);
    TextStyle num = inkStyle(textSize * 0.9);
    num.align = Align::Center;
    double nh = 0;
    for (int k = 1; k <= 10; ++k) {
        // Dark swatches (7..10) take white numbers; light ones the ink colour.
        num.r = num.g = num.b = k >= 7 ? 1.0 : palette::kInk.r / 255.0;
        if (k < 7) {
            num.g = palette::kInk.g / 255.0;
            num.b = palette::kInk.b / 255.0;
        }
        double w = 0;
        measureText(cr, std::to_string(k), num, w, nh);
        drawText(cr, std::to_string(k), x + (k - 0.5) * sw, top + (sh - nh) / 2, num);
    }
    return top + sh - y;
}

double drawQualityLegend(cairo_t* cr, double x, double y, double width, double textSize) {
    return qualityLegend(cr, x, y, width, textSize, true);
}

double legendHeight(cairo_t* cr, double width, double textSize) {
    double tw = 0, th = 0;
    TextStyle title = inkStyle(textSize);
    title.bold = true;
    title.wrapWidth = width;
    measureText(cr, intensityTitle(), title, tw, th);
    const double intensity = th + textSize * 0.35 + textSize * 1.4;
    return intensity + textSize * 1.2 + qualityLegend(cr, 0, 0, width, textSize, false);
}

double drawDifferenceLegend(cairo_t* cr, double x, double y, double width, double textSize,
                            const std::string& earlier) {
    const TextStyle label = inkStyle(textSize);
    double lw = 0, lh = 0, rw = 0, rh = 0;
    // TRANSLATORS: the two ends of the difference colour scale (blue end, red end).
    const std::string left = tr("better / resolved"), right = tr("worse / new");
    measureText(cr, left, label, lw, lh);
    measureText(cr, right, label, rw, rh);
    const double sh = textSize * 1.3;
    const double barW = std::max(width - lw - rw - 2 * textSize * 0.6, width * 0.3);
    const double sw = barW / 21.0;
    const double bx = x + lw + textSize * 0.6;
    drawText(cr, left, x, y + (sh - lh) / 2, label);
    for (int k = -10; k <= 10; ++k) {
        cairo_rectangle(cr, bx + (k + 10) * sw, y, sw + 0.01, sh);
        setSource(cr, differenceColor(k));
        cairo_fill(cr);
    }
    strokeBox(cr, bx, y, 21 * sw, sh, textSize * 0.06);
    drawText(cr, right, bx + 21 * sw + textSize * 0.6, y + (sh - rh) / 2, label);
    TextStyle small = inkStyle(textSize * 0.85);
    small.align = Align::Center;
    double row2 = y + sh + textSize * 0.25;
    double h2 = drawText(cr, "-10", bx + 0.5 * sw, row2, small);
    drawText(cr, "0", bx + 10.5 * sw, row2, small);
    drawText(cr, "+10", bx + 20.5 * sw, row2, small);
    row2 += h2 + textSize * 0.4;
    cairo_rectangle(cr, x, row2, sh, sh);
    setSource(cr, kUnchangedPain);
    cairo_fill(cr);
    double uh = 0, uw = 0;
    // TRANSLATORS: the last line of the difference legend, next to the grey swatch.
    const std::string u = earlier == "first" ? tr("unchanged pain;  colour = change of intensity (this visit \u2212 first)")
                                             : tr("unchanged pain;  colour = change of intensity (this visit \u2212 previous)");
    TextStyle uStyle = label;
    uStyle.wrapWidth = std::max(width - sh - textSize * 0.6, width * 0.5);
    measureText(cr, u, uStyle, uw, uh);
    drawText(cr, u, x + sh + textSize * 0.6, row2 + std::max(0.0, (sh - uh) / 2), uStyle);
    return row2 + std::max(sh, uh) - y;
}

}  // namespace bodymap::render
