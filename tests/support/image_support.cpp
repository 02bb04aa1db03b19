// Pixel checks for the render tests (see image_support.h).
#include "tests/support/image_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

namespace bodymap::test {

void expectColor(const render::RgbaImage& img, double px, double py, render::Rgba c,
                 const char* what) {
    const int x = static_cast<int>(px), y = static_cast<int>(py);
    ASSERT_TRUE(x >= 0 && y >= 0 && x < img.width && y < img.height) << what;
    const auto* p = img.at(x, y);
    EXPECT_NEAR(p[0], c.r, 2) << what << " at " << x << "," << y;
    EXPECT_NEAR(p[1], c.g, 2) << what << " at " << x << "," << y;
    EXPECT_NEAR(p[2], c.b, 2) << what << " at " << x << "," << y;
}

int countColor(const render::RgbaImage& img, int y0, int y1, render::Rgba c) {
    int n = 0;
    for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
        for (int x = 0; x < img.width; ++x) {
            const auto* p = img.at(x, y);
            if (std::abs(p[0] - c.r) <= 2 && std::abs(p[1] - c.g) <= 2 && std::abs(p[2] - c.b) <= 2) ++n;
        }
    return n;
}

}  // namespace bodymap::test
