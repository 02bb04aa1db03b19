// Text with pango on a cairo context, in the context's user units (resolution fixed at 72 so
// that a size of 12 means 12 user units, e.g. 12 pt on a PDF page). Fonts come from fontconfig.
#pragma once

#include <string>

#include <cairo.h>

namespace bodymap::render {

enum class Align { Left, Center, Right };

struct TextStyle {
    double size = 10.0;             // user units
    bool bold = false;
    std::string family = "DejaVu Sans";
    double r = 0.18, g = 0.14, b = 0.12;  // colour
    Align align = Align::Left;
    double wrapWidth = -1;          // wrap at this width (user units); -1 for one line
};

// Draws UTF-8 text with its top at y; x is the left edge, centre or right edge per align.
// Returns the height of the drawn text block.
double drawText(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style);
// Width and height of the text block as drawText would draw it.
void measureText(cairo_t* cr, const std::string& text, const TextStyle& style, double& width,
                 double& height);

}  // namespace bodymap::render
