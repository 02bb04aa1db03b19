// Pixel checks for the render tests (linked into render_tests only: they need render/).
#pragma once

#include "render/chart.h"
#include "render/colormap.h"

namespace bodymap::test {

// Expects the pixel at (px, py) (truncated to whole pixels, inside the image) to be `c` within
// 2 per channel; `what` names the place in the failure message.
void expectColor(const render::RgbaImage& img, double px, double py, render::Rgba c,
                 const char* what);

// The number of pixels in rows [y0, y1) (clamped to the image) that are `c` within 2 per channel.
int countColor(const render::RgbaImage& img, int y0, int y1, render::Rgba c);

}  // namespace bodymap::test
