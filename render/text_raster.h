// One line of text drawn by pango (HarfBuzz shaping, FriBidi ordering, fontconfig fallback,
// colour emoji) into an RGBA pixel buffer, for the GUI to show scripts its glyph atlas cannot
// (Arabic, Hebrew, Devanagari, Thai, emoji). Pure CPU: no SDL, GL or ImGui.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bodymap::render {

struct RasterText {
    int width = 0, height = 0;         // pixels (0 x 0 for empty text)
    int baseline = 0;                  // pixels from the top to the first line's baseline
    std::vector<std::uint8_t> rgba;    // width * height * 4, straight (not premultiplied) alpha
    int unknownGlyphs = 0;             // characters no installed font has (drawn as boxes)
};

// Draws `text` (UTF-8; a newline starts a paragraph) in DejaVu Sans at `sizePx`
// pixels to the em, with fontconfig's fallback for what DejaVu lacks, in colour r, g, b (0-255;
// colour glyphs keep their own colours). The paragraph direction follows the text's first
// strong character, so an Arabic name reads from the right. With `wrapWidth` > 0 (pixels)
// lines are wrapped at it, and right-to-left paragraphs are aligned to its right edge.
RasterText rasterizeText(const std::string& text, double sizePx, std::uint8_t r, std::uint8_t g,
                         std::uint8_t b, bool bold = false, double wrapWidth = -1);

}  // namespace bodymap::render
