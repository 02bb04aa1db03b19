// Window screenshots (see window_capture.h).
#include "app/gui/window_capture.h"

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <vector>

#include <SDL_opengl.h>

#include "render/chart.h"

namespace bodymap::app {

bool saveScreenshot(SDL_Window* window, const std::string& path) {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window, &w, &h);
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    render::RgbaImage img;
    img.width = w;
    img.height = h;
    img.pixels.resize(px.size());
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    for (int y = 0; y < h; ++y) {
        std::copy_n(px.data() + static_cast<std::size_t>(h - 1 - y) * row, row,
                    img.pixels.data() + static_cast<std::size_t>(y) * row);
    }
    for (std::size_t i = 3; i < img.pixels.size(); i += 4) img.pixels[i] = 255;
    auto st = render::writePng(img, path);
    if (!st) {
        std::cerr << st.error() << "\n";
        return false;
    }
    return true;
}

}  // namespace bodymap::app
