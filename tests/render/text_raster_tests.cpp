// Text drawn by pango into RGBA pixels for the GUI: Arabic right to left, emoji in colour,
// width with the text, characters no font has counted.
#include <gtest/gtest.h>

#include <string>

#include "render/text_raster.h"

using bodymap::render::RasterText;
using bodymap::render::rasterizeText;

namespace {

std::uint8_t alphaAt(const RasterText& t, int x, int y) {
    return t.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(t.width) + static_cast<std::size_t>(x)) * 4 + 3];
}

// The mean x of the ink in rows [y0, y1).
double inkCentreX(const RasterText& t, int y0, int y1) {
    double sum = 0, n = 0;
    for (int y = y0; y < y1; ++y) {
        for (int x = 0; x < t.width; ++x) {
            const double a = alphaAt(t, x, y);
            sum += a * x;
            n += a;
        }
    }
    return n > 0 ? sum / n : -1;
}

}  // namespace

TEST(TextRaster, EmptyTextIsNothing) {
    const RasterText t = rasterizeText("", 16, 0, 0, 0);
    EXPECT_EQ(t.width, 0);
    EXPECT_TRUE(t.rgba.empty());
}

TEST(TextRaster, WidthGrowsWithTheText) {
    const RasterText a = rasterizeText("Ana", 16, 0, 0, 0);
    const RasterText b = rasterizeText("Ana Maria", 16, 0, 0, 0);
    ASSERT_GT(a.width, 0);
    EXPECT_GT(b.width, a.width + 20);
    EXPECT_EQ(a.rgba.size(), static_cast<std::size_t>(a.width * a.height * 4));
    EXPECT_GT(a.baseline, a.height / 2);
    EXPECT_LE(a.baseline, a.height);
}

TEST(TextRaster, ArabicReadsFromTheRight) {
    // Lam (tall) then ten tatweels (a flat joining stroke): the first letter in logical order is
    // the only ink well above the baseline, and right to left it is at the right end.
    const std::string lamThenTatweels = "\u0644\u0640\u0640\u0640\u0640\u0640\u0640\u0640\u0640\u0640\u0640";
    const RasterText t = rasterizeText(lamThenTatweels, 24, 0, 0, 0);
    ASSERT_GT(t.width, 40);
    EXPECT_EQ(t.unknownGlyphs, 0);
    const double tall = inkCentreX(t, 0, t.baseline / 2);
    ASSERT_GE(tall, 0) << "no ink above the baseline";
    EXPECT_GT(tall, t.width * 0.75) << "the lam should be at the right end, ink centre " << tall << " of " << t.width;
    // The same in Latin (l then underscores) starts on the left: the test can fail.
    const RasterText latin = rasterizeText("l__________", 24, 0, 0, 0);
    EXPECT_LT(inkCentreX(latin, 0, latin.baseline / 2), latin.width * 0.25);
}

TEST(TextRaster, JoinedArabicIsNarrowerThanItsLettersApart) {
    // Shaping joins the letters of محمد; with spaces between them each stands alone.
    const RasterText joined = rasterizeText("\u0645\u062D\u0645\u062F", 24, 0, 0, 0);
    const RasterText apart = rasterizeText("\u0645 \u062D \u0645 \u062F", 24, 0, 0, 0);
    EXPECT_LT(joined.width, apart.width * 0.8);
}

TEST(TextRaster, EmojiKeepTheirColours) {
    // Asked for black text: a colour emoji font still gives coloured pixels (the grinning face
    // is yellow).
    const RasterText t = rasterizeText("\U0001F600", 32, 0, 0, 0);
    ASSERT_GT(t.width, 10);
    EXPECT_EQ(t.unknownGlyphs, 0);
    int coloured = 0;
    for (std::size_t i = 0; i + 3 < t.rgba.size(); i += 4) {
        const int r = t.rgba[i], g = t.rgba[i + 1], b = t.rgba[i + 2], a = t.rgba[i + 3];
        if (a > 200 && r > 180 && g > 120 && b < 100) ++coloured;
    }
    EXPECT_GT(coloured, 20);
}

TEST(TextRaster, TextTakesTheColourAskedFor) {
    const RasterText t = rasterizeText("W", 32, 200, 10, 10);
    bool found = false;
    for (std::size_t i = 0; i + 3 < t.rgba.size() && !found; i += 4) {
        if (t.rgba[i + 3] == 255) {
            EXPECT_EQ(t.rgba[i], 200);
            EXPECT_EQ(t.rgba[i + 1], 10);
            found = true;
        }
    }
    EXPECT_TRUE(found);
}

TEST(TextRaster, ScriptsOfTheClientListHaveFonts) {
    for (const char* s : {"\u0645\u062D\u0645\u062F \u0627\u0644\u0639\u0644\u064A", "\u05D3\u05D5\u05D3 \u05DB\u05D4\u05DF",
                          "\u0930\u093E\u0939\u0941\u0932 \u0936\u0930\u094D\u092E\u093E",
                          "\u0E2A\u0E21\u0E0A\u0E32\u0E22 \u0E43\u0E08\u0E14\u0E35", "Ana \U0001F600"}) {
        const RasterText t = rasterizeText(s, 16, 0, 0, 0);
        EXPECT_GT(t.width, 10) << s;
        EXPECT_EQ(t.unknownGlyphs, 0) << s;
    }
}

TEST(TextRaster, WrapsAtTheWidthGiven) {
    const std::string text = "one two three four five six seven eight nine ten";
    const RasterText line = rasterizeText(text, 16, 0, 0, 0);
    const RasterText wrapped = rasterizeText(text, 16, 0, 0, 0, false, 120);
    EXPECT_LE(wrapped.width, 125);
    EXPECT_GT(wrapped.height, line.height * 2);
}
