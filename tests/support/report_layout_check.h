// Checks of a report's layout boxes shared by the report tests: every box inside the margins and
// on a page that exists, and no two boxes of one page overlapping.
#pragma once

#include <gtest/gtest.h>

#include "render/report.h"

namespace bodymap::test {

inline bool overlaps(const render::LayoutBox& a, const render::LayoutBox& b) {
    constexpr double e = 0.01;
    return a.page == b.page && a.x0 < b.x1 - e && b.x0 < a.x1 - e && a.y0 < b.y1 - e && b.y0 < a.y1 - e;
}

inline void expectCleanLayout(const render::ReportLayout& L) {
    for (const auto& b : L.boxes) {
        EXPECT_GE(b.x0, L.margin - 0.01) << b.what << " on page " << b.page;
        EXPECT_LE(b.x1, L.paper.width - L.margin + 0.01) << b.what << " on page " << b.page;
        EXPECT_GE(b.y0, L.margin - 0.01) << b.what << " on page " << b.page;
        EXPECT_LE(b.y1, L.paper.height - L.margin + 0.01) << b.what << " on page " << b.page;
        EXPECT_LE(b.y0, b.y1) << b.what;
        EXPECT_LT(b.page, L.pageCount);
    }
    for (std::size_t i = 0; i < L.boxes.size(); ++i)
        for (std::size_t j = i + 1; j < L.boxes.size(); ++j)
            EXPECT_FALSE(overlaps(L.boxes[i], L.boxes[j]))
                << L.boxes[i].what << " [" << L.boxes[i].x0 << "," << L.boxes[i].y0 << " " << L.boxes[i].x1
                << "," << L.boxes[i].y1 << "] overlaps " << L.boxes[j].what << " [" << L.boxes[j].x0 << ","
                << L.boxes[j].y0 << " " << L.boxes[j].x1 << "," << L.boxes[j].y1 << "] on page "
                << L.boxes[i].page;
}

}  // namespace bodymap::test
