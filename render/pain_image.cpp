// Intensity colours and quality patterns as pixels (see pain_image.h).
#include "render/pain_image.h"

#include <algorithm>
#include <cmath>

#include "render/colormap.h"
#include "render/therapist_layer.h"

namespace bodymap::render {

namespace {
constexpr float kPeriod = 9.0f;  // pattern lattice spacing, cells

float wrap(float a, float p) {
    float m = std::fmod(a, p);
    return m < 0 ? m + p : m;
}

// Local coordinates in a lattice cell centred on 0, with a per-quality offset so that several
// qualities in one cell do not draw on top of each other.
void local(float u, float v, float ox, float oy, float& lx, float& ly) {
    lx = wrap(u + ox, kPeriod) - kPeriod / 2;
    ly = wrap(v + oy, kPeriod) - kPeriod / 2;
}
}  // namespace

bool qualityInk(maps::Quality q, float u, float v, float hw) {
    float lx = 0, ly = 0;
    switch (q) {
        case maps::Quality::Aching: {  // ^ : apex up, arms down
            local(u, v, 0.0f, 0.0f, lx, ly);
            if (std::fabs(lx) > 2.6f || ly < -2.2f || ly > 1.6f) return false;
            return std::fabs(ly - (std::fabs(lx) - 1.6f)) * 0.7071f < hw;
        }
        case maps::Quality::Burning: {  // x
            local(u, v, 4.5f, 4.5f, lx, ly);
            if (std::fabs(lx) > 1.9f || std::fabs(ly) > 1.9f) return false;
            return std::fabs(lx - ly) * 0.7071f < hw || std::fabs(lx + ly) * 0.7071f < hw;
        }
        case maps::Quality::Stabbing: {  // / : continuous diagonal hatching
            const float m = wrap(u + v, kPeriod * 0.75f);
            const float d = std::min(m, kPeriod * 0.75f - m) * 0.7071f;
            return d < hw;
        }
        case maps::Quality::PinsAndNeedles: {  // o
            local(u, v, 4.5f, 0.0f, lx, ly);
            const float r = std::sqrt(lx * lx + ly * ly);
            return std::fabs(r - 1.5f) < hw;
        }
        case maps::Quality::Numbness: {  // = : pairs of horizontal dashes
            local(u, v, 0.0f, 4.5f, lx, ly);
            if (std::fabs(lx) > 2.4f) return false;
            return std::fabs(ly - 0.9f) < hw || std::fabs(ly + 0.9f) < hw;
        }
    }
    return false;
}

void colorizePain(const maps::PainMap& map, maps::ViewId view, const maps::CellRect& rect,
                  const PainImageStyle& style, std::uint8_t* pixels) {
    const int s = std::clamp(style.scale, 1, 8);
    const std::size_t stride = static_cast<std::size_t>(map.width()) * static_cast<std::size_t>(s) * 4;
    const auto& layer = map.layer(view);
    const auto alpha = static_cast<std::uint8_t>(std::lround(std::clamp(style.alpha, 0.0f, 1.0f) * 255));
    const Rgba ink = palette::kInk;
    // Symbols are tested in lattice units: cell coordinates divided by the pattern scale.
    const float ps = std::clamp(style.patternScale, 1.0f, 8.0f);
    const float halfWidth = (0.3f + 0.45f / static_cast<float>(s)) / std::sqrt(ps);  // lattice units
    const int x0 = std::max(rect.x0, 0), y0 = std::max(rect.y0, 0);
    const int x1 = std::min(rect.x1, map.width()), y1 = std::min(rect.y1, map.height());
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            const std::size_t i = map.index(x, y);
            const int k = layer.intensity[i];
            const std::uint8_t quals = style.patterns ? layer.qualities[i] : 0;
            const Rgba c = intensityColor(k);
            for (int sy = 0; sy < s; ++sy) {
                std::uint8_t* row = pixels + static_cast<std::size_t>(y * s + sy) * stride +
                                    static_cast<std::size_t>(x * s) * 4;
                for (int sx = 0; sx < s; ++sx) {
                    std::uint8_t* p = row + static_cast<std::size_t>(sx) * 4;
                    if (k == 0) {
                        p[0] = p[1] = p[2] = p[3] = 0;
                        continue;
                    }
                    bool inked = false;
                    if (quals) {
                        const float u = (static_cast<float>(x) + (static_cast<float>(sx) + 0.5f) / static_cast<float>(s)) / ps;
                        const float v = (static_cast<float>(y) + (static_cast<float>(sy) + 0.5f) / static_cast<float>(s)) / ps;
                        for (maps::Quality q : maps::kQualities) {
                            if ((quals & maps::bit(q)) && qualityInk(q, u, v, halfWidth)) {
                                inked = true;
                                break;
                            }
                        }
                    }
                    if (inked) {
                        p[0] = ink.r;
                        p[1] = ink.g;
                        p[2] = ink.b;
                        p[3] = 255;
                    } else {
                        p[0] = c.r;
                        p[1] = c.g;
                        p[2] = c.b;
                        p[3] = alpha;
                    }
                }
            }
        }
    }
}

PixelRect pixelsOfCells(const maps::CellRect& cells, float pxPerCell, int width, int height) {
    PixelRect r;
    r.x0 = std::clamp(static_cast<int>(std::floor(static_cast<float>(cells.x0) * pxPerCell)) - 1, 0, width);
    r.y0 = std::clamp(static_cast<int>(std::floor(static_cast<float>(cells.y0) * pxPerCell)) - 1, 0, height);
    r.x1 = std::clamp(static_cast<int>(std::ceil(static_cast<float>(cells.x1) * pxPerCell)) + 1, 0, width);
    r.y1 = std::clamp(static_cast<int>(std::ceil(static_cast<float>(cells.y1) * pxPerCell)) + 1, 0, height);
    return r;
}

void composeView(const maps::PainMap& map, maps::ViewId view, const std::uint8_t* under,
                 const std::uint8_t* over, std::uint8_t* out, int width, int height,
                 const PixelRect& rect, float pxPerCell, const PainImageStyle& style,
                 const std::uint8_t* middle, bool findings) {
    const auto& layer = map.layer(view);
    const FindingsStyle fstyle = findingsStyleFor(pxPerCell, style.patternScale);
    findings = findings && layer.findings.size() == map.cellCount();
    const float inv = 1.0f / pxPerCell;
    const float ps = std::clamp(style.patternScale, 1.0f, 8.0f);
    const float halfWidth = std::max(0.7f * inv, 0.12f) / std::sqrt(ps);  // ~1.4 px lines, lattice units
    const float a = std::clamp(style.alpha, 0.0f, 1.0f);
    const Rgba ink = palette::kInk;
    const int x0 = std::max(rect.x0, 0), y0 = std::max(rect.y0, 0);
    const int x1 = std::min(rect.x1, width), y1 = std::min(rect.y1, height);
    for (int py = y0; py < y1; ++py) {
        const float v = (static_cast<float>(py) + 0.5f) * inv;
        const int cy = std::min(static_cast<int>(v), map.height() - 1);
        for (int px = x0; px < x1; ++px) {
            const std::size_t o = (static_cast<std::size_t>(py) * static_cast<std::size_t>(width) +
                                   static_cast<std::size_t>(px)) * 4;
            float r = under[o], g = under[o + 1], b = under[o + 2];
            const float u = (static_cast<float>(px) + 0.5f) * inv;
            const int cx = std::min(static_cast<int>(u), map.width() - 1);
            const std::size_t ci = map.index(cx, cy);
            const int k = layer.intensity[ci];
            if (k > 0) {
                const Rgba c = intensityColor(k);
                r = r * (1 - a) + static_cast<float>(c.r) * a;
                g = g * (1 - a) + static_cast<float>(c.g) * a;
                b = b * (1 - a) + static_cast<float>(c.b) * a;
                const std::uint8_t quals = style.patterns ? layer.qualities[ci] : 0;
                if (quals) {
                    for (maps::Quality q : maps::kQualities) {
                        if ((quals & maps::bit(q)) && qualityInk(q, u / ps, v / ps, halfWidth)) {
                            r = ink.r;
                            g = ink.g;
                            b = ink.b;
                            break;
                        }
                    }
                }
            }
            if (middle && middle[o + 3]) {
                const float ma = static_cast<float>(middle[o + 3]) / 255.0f;
                r = r * (1 - ma) + static_cast<float>(middle[o]) * ma;
                g = g * (1 - ma) + static_cast<float>(middle[o + 1]) * ma;
                b = b * (1 - ma) + static_cast<float>(middle[o + 2]) * ma;
            }
            if (findings && layer.findings[ci]) {
                const Rgba f = findingsPixel(layer.findings, map.width(), map.height(), u, v, fstyle);
                const float fa = static_cast<float>(f.a) / 255.0f;
                r = r * (1 - fa) + static_cast<float>(f.r) * fa;
                g = g * (1 - fa) + static_cast<float>(f.g) * fa;
                b = b * (1 - fa) + static_cast<float>(f.b) * fa;
            }
            const float oa = static_cast<float>(over[o + 3]) / 255.0f;
            if (oa > 0) {
                r = r * (1 - oa) + static_cast<float>(over[o]) * oa;
                g = g * (1 - oa) + static_cast<float>(over[o + 1]) * oa;
                b = b * (1 - oa) + static_cast<float>(over[o + 2]) * oa;
            }
            out[o] = static_cast<std::uint8_t>(r + 0.5f);
            out[o + 1] = static_cast<std::uint8_t>(g + 0.5f);
            out[o + 2] = static_cast<std::uint8_t>(b + 0.5f);
            out[o + 3] = 255;
        }
    }
}

std::vector<std::uint8_t> painImage(const maps::PainMap& map, maps::ViewId view,
                                    const PainImageStyle& style) {
    const int s = std::clamp(style.scale, 1, 8);
    std::vector<std::uint8_t> px(static_cast<std::size_t>(map.width()) * static_cast<std::size_t>(s) *
                                 static_cast<std::size_t>(map.height()) * static_cast<std::size_t>(s) * 4);
    colorizePain(map, view, {0, 0, map.width(), map.height()}, style, px.data());
    return px;
}

}  // namespace bodymap::render
