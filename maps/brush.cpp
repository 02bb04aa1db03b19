// Dabs, strokes and region fill (rules in brush.h).
#include "maps/brush.h"

#include <algorithm>
#include <cmath>

namespace bodymap::maps {

int applyDab(PainMap& map, const BodyTemplate& t, ViewId view, glm::vec2 p,
             const BrushSettings& brush, EditRecorder& rec) {
    const float r = std::max(brush.radius, 0.5f);
    const float soft = std::clamp(brush.softness, 0.0f, 1.0f);
    const float hardR = r * (1.0f - soft);
    // w >= 0.5 exactly when d <= r * (1 - soft / 2): the core, decided without a square root.
    const float coreR = r * (1.0f - soft * 0.5f);
    const float core2 = coreR * coreR;
    const int x0 = std::max(0, static_cast<int>(std::floor(p.x - r)));
    const int y0 = std::max(0, static_cast<int>(std::floor(p.y - r)));
    const int x1 = std::min(map.width() - 1, static_cast<int>(std::ceil(p.x + r)));
    const int y1 = std::min(map.height() - 1, static_cast<int>(std::ceil(p.y + r)));
    ViewLayer& layer = map.layer(view);
    const auto& labels = t.view(view).labels;
    if (t.width != map.width() || t.height != map.height()) return 0;
    const float r2 = r * r;
    const bool erase = brush.mode == BrushMode::Erase;
    int written = 0;
    if (brush.layer == BrushLayer::Findings) {
        const std::uint8_t add = brush.findings & kAllFindings;
        if (!erase && add == 0) return 0;
        for (int y = y0; y <= y1; ++y) {
            const float dy = static_cast<float>(y) + 0.5f - p.y;
            for (int x = x0; x <= x1; ++x) {
                const float dx = static_cast<float>(x) + 0.5f - p.x;
                if (dx * dx + dy * dy > r2) continue;
                const std::size_t i = map.index(x, y);
                if (labels[i] == kNoRegion) continue;
                const std::uint8_t now = erase ? 0 : static_cast<std::uint8_t>(layer.findings[i] | add);
                if (now == layer.findings[i]) continue;
                rec.touch(x, y);
                layer.findings[i] = now;
                ++written;
            }
        }
        return written;
    }
    if (!erase && brush.intensity == 0) return 0;
    for (int y = y0; y <= y1; ++y) {
        const float dy = static_cast<float>(y) + 0.5f - p.y;
        const std::size_t row = map.index(0, y);
        for (int x = x0; x <= x1; ++x) {
            const float dx = static_cast<float>(x) + 0.5f - p.x;
            const float d2 = dx * dx + dy * dy;
            if (d2 > r2) continue;
            const std::size_t i = row + static_cast<std::size_t>(x);
            if (labels[i] == kNoRegion) continue;  // never paint off the body
            if (erase) {
                if (layer.intensity[i] == 0 && layer.qualities[i] == 0) continue;
                rec.touch(x, y);
                layer.intensity[i] = 0;
                layer.qualities[i] = 0;
                ++written;
            } else if (d2 <= core2) {
                if (layer.intensity[i] == brush.intensity && layer.qualities[i] == brush.qualities) {
                    continue;
                }
                rec.touch(x, y);
                layer.intensity[i] = brush.intensity;
                layer.qualities[i] = brush.qualities;
                ++written;
            } else {
                const float d = std::sqrt(d2);
                const float w = d <= hardR ? 1.0f : (r - d) / (r - hardR);
                if (w <= 0.0f) continue;
                const auto v = static_cast<std::uint8_t>(
                    std::lround(static_cast<float>(brush.intensity) * 2.0f * w));
                if (v > layer.intensity[i]) {
                    rec.touch(x, y);
                    layer.intensity[i] = v;
                    layer.qualities[i] = static_cast<std::uint8_t>(layer.qualities[i] | brush.qualities);
                    ++written;
                }
            }
        }
    }
    return written;
}

Stroke::Stroke(PainMap& map, const BodyTemplate& t, ViewId view, const BrushSettings& brush)
    : m_map(&map), m_template(&t), m_view(view), m_brush(brush), m_rec(map, view) {}

void Stroke::addSample(glm::vec2 p) {
    if (!m_hasLast) {
        applyDab(*m_map, *m_template, m_view, p, m_brush, m_rec);
        m_hasLast = true;
        m_last = p;
        return;
    }
    const glm::vec2 d = p - m_last;
    const float len = std::sqrt(d.x * d.x + d.y * d.y);
    const float spacing = std::max(0.5f, m_brush.radius * 0.25f);
    const int steps = std::max(1, static_cast<int>(std::ceil(len / spacing)));
    for (int s = 1; s <= steps; ++s) {
        const float f = static_cast<float>(s) / static_cast<float>(steps);
        applyDab(*m_map, *m_template, m_view, m_last + d * f, m_brush, m_rec);
    }
    m_last = p;
}

RasterEdit fillRegion(PainMap& map, const BodyTemplate& t, int regionIndex,
                      const BrushSettings& brush) {
    const Region& region = t.regions.at(static_cast<std::size_t>(regionIndex));
    EditRecorder rec(map, region.view);
    ViewLayer& layer = map.layer(region.view);
    const auto target = static_cast<RegionIndex>(regionIndex);
    const bool erase = brush.mode == BrushMode::Erase || brush.intensity == 0;
    const std::uint8_t value = erase ? 0 : brush.intensity;
    const std::uint8_t quals = erase ? 0 : brush.qualities;
    for (int y = 0; y < map.height(); ++y) {
        for (int x = 0; x < map.width(); ++x) {
            if (t.regionAt(region.view, x, y) != target) continue;
            const std::size_t i = map.index(x, y);
            if (layer.intensity[i] == value && layer.qualities[i] == quals) continue;
            rec.touch(x, y);
            layer.intensity[i] = value;
            layer.qualities[i] = quals;
        }
    }
    return rec.finish();
}

}  // namespace bodymap::maps
