// Colour scales (see colormap.h).
#include "render/colormap.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace bodymap::render {

namespace {
// ColorBrewer YlOrRd, 9 classes (Cynthia Brewer, colorbrewer2.org; marked colour-blind safe).
constexpr std::array<Rgba, 9> kYlOrRd{{{255, 255, 204, 255},
                                       {255, 237, 160, 255},
                                       {254, 217, 118, 255},
                                       {254, 178, 76, 255},
                                       {253, 141, 60, 255},
                                       {252, 78, 42, 255},
                                       {227, 26, 28, 255},
                                       {189, 0, 38, 255},
                                       {128, 0, 38, 255}}};

// ColorBrewer RdBu, 11 classes, reversed so that negative (better) is blue.
constexpr std::array<Rgba, 11> kBuRd{{{5, 48, 97, 255},
                                      {33, 102, 172, 255},
                                      {67, 147, 195, 255},
                                      {146, 197, 222, 255},
                                      {209, 229, 240, 255},
                                      {247, 247, 247, 255},
                                      {253, 219, 199, 255},
                                      {244, 165, 130, 255},
                                      {214, 96, 77, 255},
                                      {178, 24, 43, 255},
                                      {103, 0, 31, 255}}};

// ColorBrewer YlGnBu, 9 classes (Cynthia Brewer, colorbrewer2.org; marked colour-blind safe).
constexpr std::array<Rgba, 9> kYlGnBu{{{255, 255, 217, 255},
                                       {237, 248, 177, 255},
                                       {199, 233, 180, 255},
                                       {127, 205, 187, 255},
                                       {65, 182, 196, 255},
                                       {29, 145, 192, 255},
                                       {34, 94, 168, 255},
                                       {37, 52, 148, 255},
                                       {8, 29, 88, 255}}};

// The scale's colour at pos in [0, N-1], mixed linearly between neighbouring classes.
template <std::size_t N>
Rgba sample(const std::array<Rgba, N>& scale, double pos) {
    pos = std::clamp(pos, 0.0, static_cast<double>(N - 1));
    const auto i = static_cast<std::size_t>(std::floor(pos));
    const std::size_t j = std::min(i + 1, N - 1);
    return mixColor(scale[i], scale[j], pos - static_cast<double>(i));
}
}  // namespace

Rgba mixColor(Rgba a, Rgba b, double f) {
    auto mix = [f](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(std::lround(x + (y - x) * f));
    };
    return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), mix(a.a, b.a)};
}

Rgba yellowGreenBlue(double pos) { return sample(kYlGnBu, pos); }

Rgba intensityColor(int intensity) {
    if (intensity < 1 || intensity > 10) return {0, 0, 0, 0};
    // 1 starts past the palest classes so that it still shows on the light body colour.
    return sample(kYlOrRd, 1.6 + (intensity - 1) * (8.0 - 1.6) / 9.0);
}

Rgba differenceColor(int delta) {
    delta = std::clamp(delta, -10, 10);
    if (delta == 0) return kBuRd[5];
    // |d| 1 maps just off the neutral centre, |d| 10 to the darkest end.
    const double mag = 0.8 + (std::abs(delta) - 1) * (5.0 - 0.8) / 9.0;
    return sample(kBuRd, delta < 0 ? 5.0 - mag : 5.0 + mag);
}

}  // namespace bodymap::render
