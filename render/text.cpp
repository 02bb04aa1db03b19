// Pango text on cairo (see text.h).
#include "render/text.h"

#include <pango/pangocairo.h>

namespace bodymap::render {

namespace {
PangoLayout* makeLayout(cairo_t* cr, const std::string& text, const TextStyle& style) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72.0);
    pango_layout_context_changed(layout);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, style.family.c_str());
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    if (style.wrapWidth > 0) {
        pango_layout_set_width(layout, static_cast<int>(style.wrapWidth * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout, style.align == Align::Center ? PANGO_ALIGN_CENTER
                                           : style.align == Align::Right ? PANGO_ALIGN_RIGHT
                                                                         : PANGO_ALIGN_LEFT);
    }
    pango_layout_set_text(layout, text.c_str(), -1);
    return layout;
}
}  // namespace

void measureText(cairo_t* cr, const std::string& text, const TextStyle& style, double& width,
                 double& height) {
    PangoLayout* layout = makeLayout(cr, text, style);
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    width = static_cast<double>(logical.width) / PANGO_SCALE;
    height = static_cast<double>(logical.height) / PANGO_SCALE;
    g_object_unref(layout);
}

double drawText(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style) {
    PangoLayout* layout = makeLayout(cr, text, style);
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    const double w = static_cast<double>(logical.width) / PANGO_SCALE;
    const double h = static_cast<double>(logical.height) / PANGO_SCALE;
    double left = x;
    if (style.wrapWidth <= 0) {
        if (style.align == Align::Center) left = x - w / 2;
        if (style.align == Align::Right) left = x - w;
    }
    cairo_save(cr);
    cairo_set_source_rgb(cr, style.r, style.g, style.b);
    cairo_move_to(cr, left, y);
    pango_cairo_show_layout(cr, layout);
    cairo_restore(cr);
    g_object_unref(layout);
    return h;
}

}  // namespace bodymap::render
