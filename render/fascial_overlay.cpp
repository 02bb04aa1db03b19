// Fascial-line overlay pixels (see fascial_overlay.h).
#include "render/fascial_overlay.h"

#include <algorithm>

#include "maps/fascial_lines.h"
#include "render/fascial_colors.h"

namespace bodymap::render {

void fascialOverlayImage(const maps::BodyTemplate& t, maps::ViewId v, std::uint16_t visibleLines,
                         int width, int height, float pxPerCell, std::vector<std::uint8_t>& out) {
    out.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4, 0);
    const auto& bits = t.view(v).lineBits;
    if (visibleLines == 0 || bits.empty()) return;
    const float inv = 1.0f / pxPerCell;
    auto cellBits = [&](float u, float w) -> std::uint16_t {
        const int cx = std::clamp(static_cast<int>(u), 0, t.width - 1);
        const int cy = std::clamp(static_cast<int>(w), 0, t.height - 1);
        return static_cast<std::uint16_t>(
            bits[static_cast<std::size_t>(cy) * static_cast<std::size_t>(t.width) + static_cast<std::size_t>(cx)] &
            visibleLines);
    };
    for (int py = 0; py < height; ++py) {
        const float w = (static_cast<float>(py) + 0.5f) * inv;
        for (int px = 0; px < width; ++px) {
            const float u = (static_cast<float>(px) + 0.5f) * inv;
            const std::uint16_t b = cellBits(u, w);
            if (!b) continue;
            int r = 0, g = 0, bl = 0, n = 0;
            for (int l = 0; l < maps::kFascialLineCount; ++l) {
                if (!(b & (1u << l))) continue;
                const Rgba c = kFascialLineColors[static_cast<std::size_t>(l)];
                r += c.r;
                g += c.g;
                bl += c.b;
                ++n;
            }
            // An edge where a neighbouring pixel's cell lacks one of these lines.
            const float d = std::max(inv * 1.5f, 0.0f);
            const bool edge = (cellBits(u - d, w) & b) != b || (cellBits(u + d, w) & b) != b ||
                              (cellBits(u, w - d) & b) != b || (cellBits(u, w + d) & b) != b;
            std::uint8_t* p = out.data() + (static_cast<std::size_t>(py) * static_cast<std::size_t>(width) +
                                            static_cast<std::size_t>(px)) * 4;
            p[0] = static_cast<std::uint8_t>(r / n);
            p[1] = static_cast<std::uint8_t>(g / n);
            p[2] = static_cast<std::uint8_t>(bl / n);
            p[3] = edge ? 210 : 105;
        }
    }
}

}  // namespace bodymap::render
