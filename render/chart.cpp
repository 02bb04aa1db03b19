// Body chart drawing with cairo (see chart.h).
#include "render/chart.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "maps/atomic_file.h"
#include "render/cairo_util.h"
#include "maps/i18n/i18n.h"
#include "render/colormap.h"
#include "render/fascial_tags.h"
#include "render/legend.h"
#include "render/pain_image.h"
#include "render/text.h"
#include "render/therapist_layer.h"

namespace bodymap::render {

using maps::BodyTemplate;
using maps::ViewId;

namespace {
constexpr double kLabelBandCells = 70.0;

void addPolyline(cairo_t* cr, const maps::Ring& pts, bool closed) {
    if (pts.empty()) return;
    cairo_move_to(cr, pts[0].x, pts[0].y);
    for (std::size_t i = 1; i < pts.size(); ++i) cairo_line_to(cr, pts[i].x, pts[i].y);
    if (closed) cairo_close_path(cr);
}

void drawPain(cairo_t* cr, const BodyTemplate& t, ViewId view, const ChartOptions& o) {
    if (!o.map || o.map->width() != t.width || o.map->height() != t.height) return;
    PainImageStyle style;
    style.scale = std::clamp(o.painScale, 1, 8);
    style.patternScale = o.patternScale;
    const std::vector<std::uint8_t> rgba = painImage(*o.map, view, style);
    const int w = t.width * style.scale;
    const int h = t.height * style.scale;
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_surface_flush(img);
    unsigned char* data = cairo_image_surface_get_data(img);
    const int stride = cairo_image_surface_get_stride(img);
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < w; ++x) {
            const std::uint8_t* p = rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 4;
            const std::uint32_t a = p[3];
            const std::uint32_t r = p[0] * a / 255, g = p[1] * a / 255, b = p[2] * a / 255;
            row[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
    cairo_surface_mark_dirty(img);
    cairo_save(cr);
    addRingsPath(cr, t.view(view).outline);
    cairo_clip(cr);
    cairo_scale(cr, 1.0 / style.scale, 1.0 / style.scale);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
}

cairo_surface_t* makeSurface(int w, int h) {
    return cairo_image_surface_create(CAIRO_FORMAT_ARGB32, std::max(w, 1), std::max(h, 1));
}
}  // namespace

void addRingsPath(cairo_t* cr, const std::vector<maps::Ring>& rings) {
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    for (const auto& ring : rings) addPolyline(cr, ring, true);
}

void drawSilhouette(cairo_t* cr, const BodyTemplate& t, ViewId view) {
    addRingsPath(cr, t.view(view).outline);
    setSource(cr, palette::kBody);
    cairo_fill(cr);
}

void drawOverlay(cairo_t* cr, const BodyTemplate& t, ViewId view, bool guides, bool borders,
                 int highlight) {
    const auto& tv = t.view(view);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    if (borders) {
        cairo_save(cr);
        addRingsPath(cr, tv.outline);
        cairo_clip(cr);
        setSource(cr, palette::kRegionBorder);
        cairo_set_line_width(cr, deviceWidth(cr, 0.9));
        for (int r : tv.regions) {
            addRingsPath(cr, t.regions[static_cast<std::size_t>(r)].polygons);
            cairo_stroke(cr);
        }
        cairo_restore(cr);
    }
    if (guides) {
        setSource(cr, palette::kGuide);
        cairo_set_line_width(cr, deviceWidth(cr, 1.1));
        for (const auto& g : tv.guides) {
            addPolyline(cr, g.points, g.closed);
            cairo_stroke(cr);
        }
    }
    if (highlight >= 0 && static_cast<std::size_t>(highlight) < t.regions.size() &&
        t.regions[static_cast<std::size_t>(highlight)].view == view) {
        cairo_save(cr);
        addRingsPath(cr, tv.outline);
        cairo_clip(cr);
        addRingsPath(cr, t.regions[static_cast<std::size_t>(highlight)].polygons);
        cairo_set_source_rgba(cr, 0.20, 0.34, 0.55, 0.10);
        cairo_fill_preserve(cr);
        cairo_set_source_rgba(cr, 0.20, 0.34, 0.55, 0.9);
        cairo_set_line_width(cr, deviceWidth(cr, 2.0));
        cairo_stroke(cr);
        cairo_restore(cr);
    }
    addRingsPath(cr, tv.outline);
    setSource(cr, palette::kOutline);
    cairo_set_line_width(cr, deviceWidth(cr, 1.6));
    cairo_stroke(cr);
}

void drawSideMarks(cairo_t* cr, const BodyTemplate& t, ViewId view) {
    // Patient's right is on the viewer's left on the front view, on the right on the back.
    const bool front = view == ViewId::Front;
    TextStyle mark;
    mark.size = t.width * 0.115;
    mark.bold = true;
    const Rgba c = palette::kSideMark;
    mark.r = c.r / 255.0;
    mark.g = c.g / 255.0;
    mark.b = c.b / 255.0;
    const double y = t.height * 0.02;
    // TRANSLATORS: the one-letter marks of the patient's right and left side in the chart's top
    // corners (keep them one or two letters).
    const char* rightMark = trc("patient's side", "R");
    // TRANSLATORS: see "R": the patient's left side.
    const char* leftMark = trc("patient's side", "L");
    mark.align = Align::Left;
    drawText(cr, front ? rightMark : leftMark, t.width * 0.05, y, mark);
    mark.align = Align::Right;
    drawText(cr, front ? leftMark : rightMark, t.width * 0.95, y, mark);
}

void drawViewLabel(cairo_t* cr, const BodyTemplate& t, ViewId view) {
    TextStyle label;
    label.size = t.width * 0.065;
    label.bold = true;
    label.align = Align::Center;
    label.r = label.g = label.b = 0.30;
    drawText(cr, i18n::templateText(i18n::kViewContext, t.view(view).label), t.width / 2.0, t.height + kLabelBandCells * 0.12, label);
}

double panelHeightCells(const BodyTemplate& t) { return t.height + kLabelBandCells; }

void drawViewPanel(cairo_t* cr, const BodyTemplate& t, ViewId view, const ChartOptions& o) {
    cairo_save(cr);
    drawSilhouette(cr, t, view);
    drawPain(cr, t, view, o);
    if (o.findings && o.map) drawFindings(cr, t, *o.map, view, o.patternScale, std::clamp(o.painScale, 2, 8));
    drawOverlay(cr, t, view, o.guides, o.regionBorders, o.highlightRegion);
    if (o.tags && o.map) drawFascialTags(cr, t, view, o.map->tags, o.tagMarkMinRadius,
                                         o.tagStrokeScale);
    if (o.marks && o.map)
        drawMarks(cr, t, view, o.map->marks, o.markMinRadius, o.markScale,
                  o.clientMarksOnly ? MarkFilter::ClientOnly : MarkFilter::All, o.markKeys);
    if (o.sideMarks) drawSideMarks(cr, t, view);
    if (o.viewLabel) drawViewLabel(cr, t, view);
    cairo_restore(cr);
}

RgbaImage imageFromSurface(cairo_surface_t* surface) {
    cairo_surface_flush(surface);
    RgbaImage img;
    img.width = cairo_image_surface_get_width(surface);
    img.height = cairo_image_surface_get_height(surface);
    img.pixels.resize(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < img.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < img.width; ++x) {
            const std::uint32_t v = row[x];
            const std::uint32_t a = v >> 24;
            std::uint8_t* p = img.pixels.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x)) * 4;
            auto un = [a](std::uint32_t c) {
                return static_cast<std::uint8_t>(a == 0 ? 0 : std::min<std::uint32_t>(255, (c * 255 + a / 2) / a));
            };
            p[0] = un((v >> 16) & 0xFF);
            p[1] = un((v >> 8) & 0xFF);
            p[2] = un(v & 0xFF);
            p[3] = static_cast<std::uint8_t>(a);
        }
    }
    return img;
}

RgbaImage renderViewLayer(const BodyTemplate& t, ViewId view, ViewLayerKind kind, int widthPx,
                          bool regionBorders, int highlightRegion) {
    const double s = static_cast<double>(widthPx) / t.width;
    const int heightPx = static_cast<int>(std::lround(t.height * s));
    cairo_surface_t* surface = makeSurface(widthPx, heightPx);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, s, s);
    if (kind == ViewLayerKind::Underlay) {
        setSource(cr, palette::kBackground);
        cairo_paint(cr);
        drawSilhouette(cr, t, view);
    } else {
        drawOverlay(cr, t, view, true, regionBorders, highlightRegion);
    }
    cairo_destroy(cr);
    RgbaImage img = imageFromSurface(surface);
    cairo_surface_destroy(surface);
    return img;
}

RgbaImage renderChart(const BodyTemplate& t, ViewSelection which, int widthPx,
                      const ChartOptions& options) {
    const int panels = which == ViewSelection::Both ? 2 : 1;
    const double gap = which == ViewSelection::Both ? t.width * 0.06 : 0.0;
    const double totalW = panels * t.width + gap;
    const double s = widthPx / totalW;
    const int chartPx = static_cast<int>(std::lround(panelHeightCells(t) * s));
    // Legend band in pixels: text scales with the image, readable at small widths too.
    const double textPx = std::clamp(widthPx * 0.02, 9.0, 40.0);
    const double marginPx = textPx * 1.2;
    double legendPx = 0, therapistPx = 0;
    const MarkFilter filter = options.clientMarksOnly ? MarkFilter::ClientOnly : MarkFilter::All;
    const bool therapistLegend = options.legend && options.map && (options.findings || options.marks);
    auto drawTherapist = [&](cairo_t* c, double y, bool draw) {
        if (!therapistLegend) return 0.0;
        return drawTherapistLegend(c, marginPx, y, widthPx - 2 * marginPx, textPx, *options.map, filter,
                                   options.findings, options.marks, draw);
    };
    if (options.legend) {
        cairo_surface_t* probe = makeSurface(1, 1);
        cairo_t* pcr = cairo_create(probe);
        legendPx = legendHeight(pcr, widthPx - 2 * marginPx, textPx) + marginPx;
        therapistPx = drawTherapist(pcr, 0, false);
        if (therapistPx > 0) therapistPx += textPx * 1.2;
        cairo_destroy(pcr);
        cairo_surface_destroy(probe);
    }
    const int heightPx = chartPx + static_cast<int>(std::ceil(legendPx + therapistPx));
    cairo_surface_t* surface = makeSurface(widthPx, heightPx);
    cairo_t* cr = cairo_create(surface);
    setSource(cr, palette::kBackground);
    cairo_paint(cr);
    if (options.legend) {
        const double y = chartPx;
        const double h = drawIntensityLegend(cr, marginPx, y, widthPx - 2 * marginPx, textPx);
        const double q = drawQualityLegend(cr, marginPx, y + h + textPx * 1.2, widthPx - 2 * marginPx, textPx);
        drawTherapist(cr, y + h + textPx * 1.2 + q + textPx * 1.2, true);
    }
    cairo_scale(cr, s, s);
    auto painScale = options;
    painScale.painScale = std::clamp(static_cast<int>(std::ceil(s * 2)), 1, 6);
    if (which != ViewSelection::Back) drawViewPanel(cr, t, ViewId::Front, painScale);
    if (which == ViewSelection::Both) cairo_translate(cr, t.width + gap, 0);
    if (which != ViewSelection::Front) drawViewPanel(cr, t, ViewId::Back, painScale);
    cairo_destroy(cr);
    RgbaImage img = imageFromSurface(surface);
    cairo_surface_destroy(surface);
    return img;
}

namespace {
cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}
}  // namespace

maps::Status writePng(const RgbaImage& image, const std::string& path) {
    cairo_surface_t* surface = makeSurface(image.width, image.height);
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < image.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.at(x, y);
            const std::uint32_t a = p[3];
            row[x] = (a << 24) | ((p[0] * a / 255) << 16) | ((p[1] * a / 255) << 8) | (p[2] * a / 255);
        }
    }
    cairo_surface_mark_dirty(surface);
    std::string bytes;
    const cairo_status_t st = cairo_surface_write_to_png_stream(surface, appendToString, &bytes);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) {
        return maps::Error{path + ": cannot encode PNG: " + cairo_status_to_string(st)};
    }
    return maps::writeFileAtomic(path, bytes);
}

maps::Result<RgbaImage> readPng(const std::string& path) {
    cairo_surface_t* surface = cairo_image_surface_create_from_png(path.c_str());
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        std::string msg = path + ": cannot read PNG: " + cairo_status_to_string(cairo_surface_status(surface));
        cairo_surface_destroy(surface);
        return maps::Error{msg};
    }
    RgbaImage img = imageFromSurface(surface);
    cairo_surface_destroy(surface);
    return img;
}

}  // namespace bodymap::render
