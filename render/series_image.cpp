// Frequency and mean-intensity maps of a series of visits (see series_image.h).
#include "render/series_image.h"

#include "maps/i18n/i18n.h"

#include <algorithm>
#include <cmath>

#include "render/cairo_util.h"
#include "render/text.h"

namespace bodymap::render {

using maps::BodyTemplate;
using maps::SeriesSummary;
using maps::ViewId;

namespace {

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

}  // namespace

Rgba frequencyColor(double share) {
    if (!(share > 0.0)) return {0, 0, 0, 0};
    // A rare cell starts past the palest classes so that it still shows on the body colour.
    return yellowGreenBlue(2.0 + std::min(share, 1.0) * 6.0);
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
    drawSilhouette(cr, t, view);

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

    drawOverlay(cr, t, view, true);
    drawSideMarks(cr, t, view);
    drawViewLabel(cr, t, view);
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
        drawText(cr, freq ? tr("Share of visits with pain here") : tr("Mean intensity over all visits (0-10)"),
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
        if (c.a < 255) c = mixColor(palette::kBody, Rgba{c.r, c.g, c.b, 255}, c.a / 255.0);
        cairo_rectangle(cr, x + width * i / steps, top, width / steps + 0.5, barH);
        setSource(cr, c);
        cairo_fill(cr);
    }
    cairo_rectangle(cr, x, top, width, barH);
    setSource(cr, palette::kOutline);
    cairo_set_line_width(cr, deviceWidth(cr, 1.0));
    cairo_stroke(cr);
    double labelH = 0;
    const double tickH = textSize * 0.3;
    for (int k = 0; k <= 4; ++k) {
        const double tx = x + width * k / 4.0;
        cairo_move_to(cr, tx, top + barH);
        cairo_line_to(cr, tx, top + barH + tickH);
        setSource(cr, palette::kOutline);
        cairo_stroke(cr);
        // The quarters of the scale as they are: 2.5 and 7.5 on the intensity scale, not 3 and 8.
        // TRANSLATORS: a tick of the frequency scale: a share of the visits in percent ("25 %").
        const std::string label = freq ? i18n::format(trc("frequency scale", "%d %%"), k * 25)
                                       : i18n::formatNumber(k * 2.5, k % 2 == 1 ? 1 : 0);
        text.align = k == 0 ? Align::Left : (k == 4 ? Align::Right : Align::Center);
        labelH = std::max(labelH, drawText(cr, label, tx, top + barH + tickH + textSize * 0.15, text));
    }
    return top + barH + tickH + textSize * 0.15 + labelH - y;
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

namespace {

// The sizes of the sheet in pixels, worked out before drawing (text measured on `cr`).
struct SheetLayout {
    double margin = 0, gap = 0, pad = 0, text = 0;
    double captionH = 0;
    double cardW = 0, cardH = 0, cardTop = 0;
    double titleH = 0, subtitleH = 0;
    double viewsW = 0, viewsH = 0, scale = 0, viewGap = 0;
    double legendW = 0, legendH = 0;
    int width = 0, height = 0;
};

constexpr SeriesMapKind kSheetKinds[2] = {SeriesMapKind::Frequency, SeriesMapKind::MeanIntensity};

const char* sheetTitle(SeriesMapKind kind) {
    // The same titles as the compare workspace's Frequency tab.
    return kind == SeriesMapKind::Frequency ? tr("How often it hurt") : tr("Mean intensity");
}
const char* sheetSubtitle(SeriesMapKind kind) {
    return kind == SeriesMapKind::Frequency ? tr("Share of the visits with pain at each spot")
                                            : tr("Over all visits; a visit without pain there counts as 0");
}

TextStyle inkText(double size, bool bold) {
    TextStyle text;
    text.size = size;
    text.bold = bold;
    text.r = palette::kInk.r / 255.0;
    text.g = palette::kInk.g / 255.0;
    text.b = palette::kInk.b / 255.0;
    return text;
}

SheetLayout sheetLayout(cairo_t* cr, const BodyTemplate& t, int widthPx, const std::string& caption) {
    SheetLayout L;
    L.width = widthPx;
    L.margin = std::max(8.0, widthPx * 0.02);
    L.gap = L.margin;
    L.cardW = (widthPx - 2 * L.margin - L.gap) / 2;
    L.pad = std::max(6.0, L.cardW * 0.03);
    L.text = std::clamp(L.cardW * 0.024, 10.0, 48.0);
    double w = 0, h = 0;
    if (!caption.empty()) {
        TextStyle style = inkText(L.text * 1.25, true);
        style.wrapWidth = widthPx - 2 * L.margin;
        measureText(cr, caption, style, w, h);
        L.captionH = h + L.text * 0.6;
    }
    L.cardTop = L.margin + L.captionH;
    // The taller title and subtitle of the two cards, so that both cards line up.
    for (SeriesMapKind kind : kSheetKinds) {
        TextStyle title = inkText(L.text * 1.1, true);
        title.wrapWidth = L.cardW - 2 * L.pad;
        measureText(cr, sheetTitle(kind), title, w, h);
        L.titleH = std::max(L.titleH, h);
        TextStyle sub = inkText(L.text * 0.9, false);
        sub.wrapWidth = L.cardW - 2 * L.pad;
        measureText(cr, sheetSubtitle(kind), sub, w, h);
        L.subtitleH = std::max(L.subtitleH, h);
    }
    L.viewsW = L.cardW - 2 * L.pad;
    L.viewGap = t.width * 0.06;
    L.scale = L.viewsW / (2.0 * t.width + L.viewGap);
    L.viewsH = panelHeightCells(t) * L.scale;
    L.legendW = std::min(L.viewsW, L.text * 30);
    for (SeriesMapKind kind : kSheetKinds) {
        L.legendH = std::max(L.legendH, drawSeriesLegend(cr, kind, 0, 0, L.legendW, L.text * 0.9));
    }
    L.cardH = L.pad + L.titleH + L.text * 0.2 + L.subtitleH + L.text * 0.6 + L.viewsH + L.text * 0.6 +
              L.legendH + L.pad;
    L.height = static_cast<int>(std::ceil(L.cardTop + L.cardH + L.margin));
    return L;
}

void drawSheetCard(cairo_t* cr, const BodyTemplate& t, const SeriesSummary& s, SeriesMapKind kind,
                   const SheetLayout& L, double x0) {
    const double y0 = L.cardTop;
    cairo_rectangle(cr, x0 + 0.5, y0 + 0.5, L.cardW - 1, L.cardH - 1);
    setSource(cr, Rgba{250, 249, 247, 255});
    cairo_fill_preserve(cr);
    setSource(cr, palette::kRegionBorder);
    cairo_set_line_width(cr, 1.0);
    cairo_stroke(cr);
    double y = y0 + L.pad;
    TextStyle title = inkText(L.text * 1.1, true);
    title.wrapWidth = L.cardW - 2 * L.pad;
    drawText(cr, sheetTitle(kind), x0 + L.pad, y, title);
    y += L.titleH + L.text * 0.2;
    TextStyle sub = inkText(L.text * 0.9, false);
    sub.wrapWidth = L.cardW - 2 * L.pad;
    sub.r = sub.g = sub.b = 0.40;
    drawText(cr, sheetSubtitle(kind), x0 + L.pad, y, sub);
    y += L.subtitleH + L.text * 0.6;
    cairo_save(cr);
    cairo_translate(cr, x0 + L.pad, y);
    cairo_scale(cr, L.scale, L.scale);
    drawSeriesView(cr, t, s, kind, ViewId::Front);
    cairo_translate(cr, t.width + L.viewGap, 0);
    drawSeriesView(cr, t, s, kind, ViewId::Back);
    cairo_restore(cr);
    y += L.viewsH + L.text * 0.6;
    drawSeriesLegend(cr, kind, x0 + L.pad + (L.viewsW - L.legendW) / 2, y, L.legendW, L.text * 0.9);
}

}  // namespace

RgbaImage renderSeriesSheet(const BodyTemplate& t, const SeriesSummary& s, int widthPx,
                            const std::string& caption) {
    widthPx = std::clamp(widthPx, 640, 4000);
    SheetLayout L;
    {
        cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
        cairo_t* cr = cairo_create(scratch);
        L = sheetLayout(cr, t, widthPx, caption);
        cairo_destroy(cr);
        cairo_surface_destroy(scratch);
    }
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, L.width, L.height);
    cairo_t* cr = cairo_create(surface);
    setSource(cr, palette::kBackground);
    cairo_paint(cr);
    if (!caption.empty()) {
        TextStyle style = inkText(L.text * 1.25, true);
        style.wrapWidth = widthPx - 2 * L.margin;
        drawText(cr, caption, L.margin, L.margin, style);
    }
    drawSheetCard(cr, t, s, SeriesMapKind::Frequency, L, L.margin);
    drawSheetCard(cr, t, s, SeriesMapKind::MeanIntensity, L, L.margin + L.cardW + L.gap);
    cairo_destroy(cr);
    RgbaImage img = imageFromSurface(surface);
    cairo_surface_destroy(surface);
    return img;
}

}  // namespace bodymap::render
