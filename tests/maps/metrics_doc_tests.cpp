// maps/METRICS.md against the real adult template: every cell count the text states (grid, body
// height, the jaws and the smallest and largest WPI areas, label and band runs, brush footprints)
// is computed here and must appear in the text as written, so that the document cannot drift.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "maps/brush.h"
#include "maps/metrics.h"
#include "maps/raster_edit.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
using bodymap::test::defaultTemplate;

namespace {

std::string metricsDoc() {
    std::ifstream in(bodymap::test::assetsPath("../maps/METRICS.md"));
    std::ostringstream s;
    s << in.rdbuf();
    // Lines are wrapped anywhere: compare with runs of spaces and newlines as one space.
    std::string text;
    for (char c : s.str()) {
        const bool space = c == ' ' || c == '\n';
        if (space && !text.empty() && text.back() == ' ') continue;
        text += space ? ' ' : c;
    }
    return text;
}

// 6747 -> "6,747", as the document writes counts.
std::string grouped(long long n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

// Cells one hard dab of radius r paints, centred on a cell well inside the front body.
int dabCells(const BodyTemplate& t, float r) {
    const int k = static_cast<int>(r) + 2;
    for (int y = k; y < t.height - k; y += 4)
        for (int x = k; x < t.width - k; x += 4) {
            bool inside = true;
            for (int dy = -k; dy <= k && inside; ++dy)
                for (int dx = -k; dx <= k && inside; ++dx) inside = t.inBody(ViewId::Front, x + dx, y + dy);
            if (!inside) continue;
            PainMap m = PainMap::blankFor(t);
            BrushSettings b;
            b.radius = r;
            EditRecorder rec(m, ViewId::Front);
            applyDab(m, t, ViewId::Front, {static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f}, b, rec);
            const auto& in = m.layer(ViewId::Front).intensity;
            return static_cast<int>(std::count_if(in.begin(), in.end(), [](std::uint8_t v) { return v > 0; }));
        }
    return -1;
}

}  // namespace

TEST(MetricsDoc, CellCountsMatchTheTemplate) {
    const BodyTemplate& t = defaultTemplate();
    const std::string doc = metricsDoc();
    ASSERT_FALSE(doc.empty()) << "maps/METRICS.md not found";
    auto expectInDoc = [&](const std::string& s) { EXPECT_NE(doc.find(s), std::string::npos) << "METRICS.md lacks \"" << s << "\""; };

    expectInDoc(std::to_string(t.width) + " x " + std::to_string(t.height) + " grid");

    // Body height: rows from the top of the head to the soles, the taller view.
    int tall = 0;
    for (const TemplateView& v : t.views) {
        int top = t.height, bottom = -1;
        for (int y = 0; y < t.height; ++y)
            for (int x = 0; x < t.width; ++x)
                if (v.labels[static_cast<std::size_t>(y) * static_cast<std::size_t>(t.width) + static_cast<std::size_t>(x)] != kNoRegion) {
                    top = std::min(top, y);
                    bottom = std::max(bottom, y);
                }
        tall = std::max(tall, bottom - top + 1);
    }
    expectInDoc("body " + std::to_string(tall) + " cells tall");

    const PainMap blank = PainMap::blankFor(t);
    auto m = computeMetrics(blank, t);
    ASSERT_TRUE(m.ok()) << m.error();
    const int jawL = m->wpiAreas[static_cast<std::size_t>(WpiArea::JawLeft)].cells.bodyCells;
    const int jawR = m->wpiAreas[static_cast<std::size_t>(WpiArea::JawRight)].cells.bodyCells;
    expectInDoc("left jaw " + grouped(jawL) + " cells, the right " + grouped(jawR));
    // The relative part on the jaw: 5 % of its cells, rounded up (the smaller jaw).
    const PainfulAreaRule rule;
    const int jawMin = std::min(jawL, jawR);
    const int fivePct = static_cast<int>(std::ceil(rule.minShare * jawMin - 1e-9));
    expectInDoc("5 % (" + std::to_string(fivePct) + " cells on the left jaw)");
    // The smallest and largest areas.
    int smallest = std::numeric_limits<int>::max(), largest = 0, largestArea = 0;
    for (int a = 0; a < kWpiAreaCount; ++a) {
        const int n = m->wpiAreas[static_cast<std::size_t>(a)].cells.bodyCells;
        smallest = std::min(smallest, n);
        if (n > largest) largest = n, largestArea = a;
    }
    EXPECT_EQ(smallest, jawMin) << "the jaws are no longer the smallest WPI areas";
    std::string name(wpiAreaName(static_cast<WpiArea>(largestArea)));
    name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    expectInDoc("the largest, the " + name + ", has " + grouped(largest) + " cells");
    // Above minCells / minShare cells the absolute part decides.
    expectInDoc("areas above " + grouped(static_cast<long long>(rule.minCells / rule.minShare)) + " cells");

    std::size_t labelRuns = 0, bandRuns = 0;
    for (const TemplateView& v : t.views) labelRuns += v.labelRuns.size();
    for (const FascialBand& b : t.bands) bandRuns += b.runs.size();
    expectInDoc("(" + grouped(static_cast<long long>(labelRuns)) + " runs on the adult template)");
    expectInDoc("(" + grouped(static_cast<long long>(bandRuns)) + " runs)");

    expectInDoc("radius 2) leaves " + std::to_string(dabCells(t, 2)) + " cells");
    expectInDoc("radius 4 leaves " + std::to_string(dabCells(t, 4)));
    expectInDoc("(radius 10) covers " + std::to_string(dabCells(t, 10)) + " cells");
}
