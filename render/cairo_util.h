// Small cairo helpers shared by the drawing code of render/.
#pragma once

#include <cmath>

#include <cairo.h>

#include "render/colormap.h"

namespace bodymap::render {

inline void setSource(cairo_t* cr, Rgba c, double alpha = 1.0) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0 * alpha);
}

// Line width in user units for a width in device pixels (or points on a PDF), so strokes stay
// crisp whatever the scale.
inline double deviceWidth(cairo_t* cr, double px) {
    double dx = px, dy = 0;
    cairo_device_to_user_distance(cr, &dx, &dy);
    return std::hypot(dx, dy);
}

}  // namespace bodymap::render
