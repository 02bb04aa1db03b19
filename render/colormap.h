// Colour scales: the 1-10 pain intensity scale (sequential, colour-blind safe, after ColorBrewer
// YlOrRd), the diverging scale for differences, a blue scale for shares, and the chart's neutral
// palette.
#pragma once

#include <cstdint>

namespace bodymap::render {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

// Colour of intensity 1..10 (0 and out of range give transparent). Lightness falls steadily
// from 1 (light yellow) to 10 (dark red), so the order reads without hue perception.
Rgba intensityColor(int intensity);

// Diverging scale for a change d in [-10, 10]: blue for better (negative), red-brown for
// worse (positive), near-white for 0 (ColorBrewer RdBu-like, colour-blind safe).
Rgba differenceColor(int delta);

// Sequential blue scale for shares (ColorBrewer YlGnBu, 9 classes, colour-blind safe), sampled
// at pos in [0, 8] between its classes: 0 palest yellow, 8 darkest blue.
Rgba yellowGreenBlue(double pos);

// a + (b - a) x f per channel, alpha included (f in [0, 1]).
Rgba mixColor(Rgba a, Rgba b, double f);

// The chart's neutral palette.
namespace palette {
constexpr Rgba kBody{236, 233, 229, 255};
constexpr Rgba kOutline{74, 69, 64, 255};
constexpr Rgba kGuide{160, 152, 145, 255};
constexpr Rgba kRegionBorder{196, 189, 182, 255};
constexpr Rgba kBackground{255, 255, 255, 255};
constexpr Rgba kInk{45, 34, 30, 255};       // quality symbols and text
constexpr Rgba kSideMark{52, 86, 140, 255};  // the large R / L letters
}  // namespace palette

}  // namespace bodymap::render
