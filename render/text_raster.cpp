// pango into an RGBA buffer (see text_raster.h).
#include "render/text_raster.h"

#include <algorithm>
#include <cmath>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace bodymap::render {

namespace {

PangoLayout* makeLayout(cairo_t* cr, const std::string& text, double sizePx, bool bold, double wrapWidth) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72.0);
    // Grey-scale antialiasing with hinting off, as the GUI's FreeType atlas draws.
    cairo_font_options_t* opts = cairo_font_options_create();
    cairo_font_options_set_antialias(opts, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_SLIGHT);
    pango_cairo_context_set_font_options(pango_layout_get_context(layout), opts);
    cairo_font_options_destroy(opts);
    pango_layout_context_changed(layout);
    PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, sizePx * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_auto_dir(layout, TRUE);
    if (wrapWidth > 0) {
        pango_layout_set_width(layout, static_cast<int>(wrapWidth * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    return layout;
}

}  // namespace

RasterText rasterizeText(const std::string& text, double sizePx, std::uint8_t r, std::uint8_t g,
                         std::uint8_t b, bool bold, double wrapWidth) {
    RasterText out;
    if (text.empty() || !(sizePx > 0)) return out;
    // Measure on a 1 x 1 surface, then draw on one of the text's size.
    cairo_surface_t* probe = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t* pcr = cairo_create(probe);
    PangoLayout* layout = makeLayout(pcr, text, sizePx, bold, wrapWidth);
    out.unknownGlyphs = pango_layout_get_unknown_glyphs_count(layout);
    PangoRectangle ink{}, logical{};
    pango_layout_get_pixel_extents(layout, &ink, &logical);
    const int baseline = PANGO_PIXELS(pango_layout_get_baseline(layout));
    g_object_unref(layout);
    cairo_destroy(pcr);
    cairo_surface_destroy(probe);
    // The logical box, grown to hold ink that leaves it (Thai marks above, a Devanagari
    // vowel sign's hook to the left).
    const int x0 = std::min(logical.x, ink.x), y0 = std::min(logical.y, ink.y);
    const int x1 = std::max(logical.x + logical.width, ink.x + ink.width);
    const int y1 = std::max(logical.y + logical.height, ink.y + ink.height);
    out.width = std::max(1, x1 - x0);
    out.height = std::max(1, y1 - y0);
    out.baseline = baseline - y0;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, out.width, out.height);
    cairo_t* cr = cairo_create(surface);
    layout = makeLayout(cr, text, sizePx, bold, wrapWidth);
    cairo_set_source_rgb(cr, r / 255.0, g / 255.0, b / 255.0);
    cairo_move_to(cr, -x0, -y0);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    // Cairo's ARGB32 is premultiplied, in native-endian 32-bit words.
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    out.rgba.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4);
    for (int y = 0; y < out.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < out.width; ++x) {
            const std::uint32_t p = row[x];
            const unsigned a = p >> 24;
            std::uint8_t* o = &out.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width) +
                                         static_cast<std::size_t>(x)) * 4];
            auto un = [a](unsigned c) {
                return static_cast<std::uint8_t>(a == 0 ? 0 : std::min(255u, (c * 255 + a / 2) / a));
            };
            o[0] = un((p >> 16) & 0xFF);
            o[1] = un((p >> 8) & 0xFF);
            o[2] = un(p & 0xFF);
            o[3] = static_cast<std::uint8_t>(a);
        }
    }
    cairo_surface_destroy(surface);
    return out;
}

}  // namespace bodymap::render
