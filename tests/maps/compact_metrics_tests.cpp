// Metrics and agreement from a compact map (its spans intersected with the template's runs) give
// the dense path's figures bit for bit: every field compared with EXPECT_EQ, exact doubles
// included, over seeded random maps on the adult template, the edge maps and the example visits.
// Also the compact form itself: dense -> spans -> dense round trips, and how spans merge.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "maps/agreement.h"
#include "maps/compact_map.h"
#include "maps/map_format.h"
#include "maps/metrics.h"
#include "maps/span_overlap.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
using bodymap::test::defaultRegistry;
using bodymap::test::defaultTemplate;
using bodymap::test::tinyTemplate;

namespace {

// --- Comparing every field ----------------------------------------------------------------

void expectSame(const CellStats& d, const CellStats& c, const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_EQ(d.bodyCells, c.bodyCells);
    EXPECT_EQ(d.paintedCells, c.paintedCells);
    EXPECT_EQ(d.intensitySum, c.intensitySum);
    EXPECT_EQ(d.maxIntensity, c.maxIntensity);
    EXPECT_EQ(d.qualities, c.qualities);
    EXPECT_EQ(d.extentPct(), c.extentPct());
    EXPECT_EQ(d.meanIntensity(), c.meanIntensity());
    EXPECT_EQ(d.burden(), c.burden());
}

void expectSame(const ViewMetrics& d, const ViewMetrics& c, const std::string& what) {
    expectSame(d.cells, c.cells, what);
    EXPECT_EQ(d.qualityCells, c.qualityCells) << what;
    for (int q = 0; q < kQualityCount; ++q)
        EXPECT_EQ(d.qualityExtentPct(q), c.qualityExtentPct(q)) << what;
}

void expectSame(const MapMetrics& d, const MapMetrics& c, const BodyTemplate& t) {
    for (ViewId v : kViews) {
        const auto i = static_cast<std::size_t>(viewIndex(v));
        expectSame(d.views[i], c.views[i], "view " + std::string(viewId(v)));
    }
    expectSame(d.overall, c.overall, "overall");
    ASSERT_EQ(d.regions.size(), t.regions.size());
    ASSERT_EQ(c.regions.size(), t.regions.size());
    for (std::size_t r = 0; r < t.regions.size(); ++r)
        expectSame(d.regions[r], c.regions[r], t.regions[r].id);
    for (std::size_t a = 0; a < kWpiAreaCount; ++a) {
        expectSame(d.wpiAreas[a].cells, c.wpiAreas[a].cells, "WPI area " + std::to_string(a));
        EXPECT_EQ(d.wpiAreas[a].painful, c.wpiAreas[a].painful) << "WPI area " << a;
    }
    EXPECT_EQ(d.wpi, c.wpi);
    EXPECT_EQ(d.gpRegions, c.gpRegions);
    EXPECT_EQ(d.generalizedPain, c.generalizedPain);
    EXPECT_EQ(d.rule.minCells, c.rule.minCells);
    EXPECT_EQ(d.rule.minShare, c.rule.minShare);
    expectSame(d.symmetry.left, c.symmetry.left, "left side");
    expectSame(d.symmetry.right, c.symmetry.right, "right side");
    EXPECT_EQ(d.symmetry.extentIndex, c.symmetry.extentIndex);
    EXPECT_EQ(d.symmetry.intensityIndex, c.symmetry.intensityIndex);
    EXPECT_EQ(d.fascial.tags, c.fascial.tags);
    EXPECT_EQ(d.fascial.tagsByKind, c.fascial.tagsByKind);
    ASSERT_EQ(d.fascial.lines.size(), c.fascial.lines.size());
    for (std::size_t l = 0; l < d.fascial.lines.size(); ++l) {
        const FascialLineMetrics& dl = d.fascial.lines[l];
        const FascialLineMetrics& cl = c.fascial.lines[l];
        SCOPED_TRACE("line " + dl.line);
        EXPECT_EQ(dl.line, cl.line);
        EXPECT_EQ(dl.name, cl.name);
        EXPECT_EQ(dl.bandCells, cl.bandCells);
        EXPECT_EQ(dl.paintedCells, cl.paintedCells);
        EXPECT_EQ(dl.intensitySum, cl.intensitySum);
        EXPECT_EQ(dl.sharePct, cl.sharePct);
        EXPECT_EQ(dl.tags, cl.tags);
        EXPECT_EQ(dl.meanIntensity(), cl.meanIntensity());
        EXPECT_EQ(dl.coveragePct(), cl.coveragePct());
    }
    // The table every output is written from, as a last net over the derived figures.
    const auto dr = scalarMetrics(d), cr = scalarMetrics(c);
    ASSERT_EQ(dr.size(), cr.size());
    for (std::size_t k = 0; k < dr.size(); ++k) {
        EXPECT_EQ(dr[k].key, cr[k].key);
        EXPECT_EQ(dr[k].value, cr[k].value) << dr[k].key;
    }
}

void expectSame(const LayerOverlap& d, const LayerOverlap& c, const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_EQ(d.client, c.client);
    EXPECT_EQ(d.findings, c.findings);
    EXPECT_EQ(d.both, c.both);
    EXPECT_EQ(d.unionCells(), c.unionCells());
    EXPECT_EQ(d.jaccard(), c.jaccard());
    EXPECT_EQ(d.foundShare(), c.foundShare());
    EXPECT_EQ(d.drawnShare(), c.drawnShare());
}

void expectSame(const Agreement& d, const Agreement& c, const BodyTemplate& t) {
    expectSame(d.total, c.total, "agreement, total");
    for (ViewId v : kViews) {
        const auto i = static_cast<std::size_t>(viewIndex(v));
        expectSame(d.views[i], c.views[i], "agreement, view " + std::string(viewId(v)));
    }
    ASSERT_EQ(d.regions.size(), c.regions.size());
    for (std::size_t k = 0; k < d.regions.size(); ++k) {
        EXPECT_EQ(d.regions[k].region, c.regions[k].region);
        expectSame(d.regions[k].cells, c.regions[k].cells,
                   "agreement, " + t.regions[static_cast<std::size_t>(d.regions[k].region)].id);
    }
    EXPECT_EQ(d.findingCells, c.findingCells);
}

// Both paths on one map: its compact form round trips, and metrics (default rule and `rule`)
// and agreement are the same from either form. Returns the dense metrics for further checks.
MapMetrics expectBothPathsAgree(const PainMap& dense, const BodyTemplate& t,
                                const std::string& what, const PainfulAreaRule& rule = {40, 0.02}) {
    SCOPED_TRACE(what);
    const CompactMap compact = compactFrom(dense);
    EXPECT_TRUE(denseFrom(compact) == dense) << "the compact form does not round trip";
    const auto d = computeMetrics(dense, t);
    const auto c = computeMetrics(compact, t);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error());
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error());
    if (!d.ok() || !c.ok()) return {};
    expectSame(d.value(), c.value(), t);
    const auto dr = computeMetrics(dense, t, rule), cr = computeMetrics(compact, t, rule);
    if (dr.ok() && cr.ok())
        expectSame(dr.value(), cr.value(), t);
    else
        ADD_FAILURE() << "metrics with another rule failed";
    expectSame(computeAgreement(dense, t), computeAgreement(compact, t), t);
    return d.value();
}

// --- Random maps ----------------------------------------------------------------------------

// What a random map may hold beyond what BodyMap writes.
struct Hostility {
    bool qualitiesOffPaint = false;  // quality bytes (any of the 8 bits) on unpainted cells
    bool highIntensity = false;      // intensity bytes 11..255 (only a hand-edited file has them)
};

int uniform(std::mt19937& rng, int lo, int hi) {  // lo..hi inclusive
    return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1));
}

// Paints `value` (0 erases) with qualities `q` on cell i, keeping qualities on painted cells only.
void paint(ViewLayer& l, std::size_t i, std::uint8_t value, std::uint8_t q) {
    l.intensity[i] = value;
    l.qualities[i] = value != 0 ? q : 0;
}

// Seeded shapes on both views, anywhere on the grid (background included): discs, rectangles,
// row-major runs that cross row ends, cell-by-cell noise, some erasing; findings shapes of their
// own, anywhere; tags on random bands (and one that is not in the template).
PainMap randomMap(const BodyTemplate& t, unsigned seed, Hostility h = {}) {
    PainMap m = PainMap::blankFor(t);
    std::mt19937 rng(seed);
    const int w = t.width, ht = t.height;
    const std::size_t cells = m.cellCount();
    for (ViewId v : kViews) {
        ViewLayer& l = m.layer(v);
        const int shapes = uniform(rng, 0, 24);
        for (int k = 0; k < shapes; ++k) {
            const bool erase = rng() % 8 == 0;
            const auto value =
                static_cast<std::uint8_t>(erase ? 0 : uniform(rng, 1, kMaxIntensity));
            const auto q = static_cast<std::uint8_t>(rng() % 3 == 0 ? 0 : rng() % 32);
            switch (rng() % 5) {
                case 0: {  // disc
                    const int cx = uniform(rng, 0, w - 1), cy = uniform(rng, 0, ht - 1),
                              r = uniform(rng, 1, w / 6);
                    for (int y = std::max(0, cy - r); y <= std::min(ht - 1, cy + r); ++y)
                        for (int x = std::max(0, cx - r); x <= std::min(w - 1, cx + r); ++x)
                            if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r)
                                paint(l, m.index(x, y), value, q);
                    break;
                }
                case 1: {  // rectangle
                    const int x0 = uniform(rng, 0, w - 1), y0 = uniform(rng, 0, ht - 1);
                    const int x1 = std::min(w, x0 + uniform(rng, 1, w / 2)),
                              y1 = std::min(ht, y0 + uniform(rng, 1, ht / 4));
                    for (int y = y0; y < y1; ++y)
                        for (int x = x0; x < x1; ++x) paint(l, m.index(x, y), value, q);
                    break;
                }
                case 2: {  // a row-major run: across row ends, over background and body alike
                    const auto start = static_cast<std::size_t>(rng() % cells);
                    const auto len = static_cast<std::size_t>(uniform(rng, 1, 3 * w));
                    for (std::size_t i = start; i < std::min(cells, start + len); ++i)
                        paint(l, i, value, q);
                    break;
                }
                case 3: {  // noise: most cells a value of their own, so one-cell spans
                    const int x0 = uniform(rng, 0, w - 1), y0 = uniform(rng, 0, ht - 1);
                    for (int y = y0; y < std::min(ht, y0 + uniform(rng, 1, 40)); ++y)
                        for (int x = x0; x < std::min(w, x0 + 60); ++x) {
                            if (rng() % 4 == 0) continue;
                            paint(l, m.index(x, y),
                                  static_cast<std::uint8_t>(rng() % (kMaxIntensity + 1)),
                                  static_cast<std::uint8_t>(rng() % 32));
                        }
                    break;
                }
                default: {  // whole rows at one value: spans longer than a row
                    const int y0 = uniform(rng, 0, ht - 1), rows = uniform(rng, 1, 6);
                    for (std::size_t i = m.index(0, y0); i < std::min(cells, m.index(0, y0 + rows));
                         ++i)
                        paint(l, i, value, q);
                    break;
                }
            }
        }
        const int findingShapes = uniform(rng, 0, 6);
        for (int k = 0; k < findingShapes; ++k) {
            const auto f =
                static_cast<std::uint8_t>(rng() % 6 == 0 ? 0 : uniform(rng, 1, kAllFindings));
            const int x0 = uniform(rng, 0, w - 1), y0 = uniform(rng, 0, ht - 1);
            const int x1 = std::min(w, x0 + uniform(rng, 1, w / 3)),
                      y1 = std::min(ht, y0 + uniform(rng, 1, ht / 5));
            for (int y = y0; y < y1; ++y)
                for (int x = x0; x < x1; ++x) l.findings[m.index(x, y)] = f;
        }
        if (h.qualitiesOffPaint || h.highIntensity) {
            for (std::size_t i = 0; i < cells; ++i) {
                if (h.qualitiesOffPaint && rng() % 97 == 0)
                    l.qualities[i] = static_cast<std::uint8_t>(rng() % 256);
                if (h.highIntensity && rng() % 997 == 0)
                    l.intensity[i] = static_cast<std::uint8_t>(uniform(rng, 11, 255));
            }
        }
    }
    const int tags = uniform(rng, 0, 5);
    for (int k = 0; k < tags; ++k) {
        const auto kinds = static_cast<std::uint8_t>(uniform(rng, 1, 31));
        if (t.bands.empty() || rng() % 6 == 0) {
            m.tags.push_back({"no-such-band", kinds, ""});
        } else {
            m.tags.push_back({t.bands[rng() % t.bands.size()].id, kinds, "note"});
        }
    }
    return m;
}

// Every grid cell of both views painted (background included), each cell's value and qualities
// differing from its neighbour's, findings everywhere.
PainMap everyCellPainted(const BodyTemplate& t) {
    PainMap m = PainMap::blankFor(t);
    for (ViewId v : kViews) {
        ViewLayer& l = m.layer(v);
        for (std::size_t i = 0; i < l.intensity.size(); ++i) {
            l.intensity[i] = static_cast<std::uint8_t>(1 + i % kMaxIntensity);
            l.qualities[i] = static_cast<std::uint8_t>(i % 32);
            l.findings[i] = static_cast<std::uint8_t>(1 + i % kAllFindings);
        }
    }
    return m;
}

}  // namespace

// --- The property: both paths, every field -------------------------------------------------------

TEST(CompactMetrics, RandomMapsOnTheAdultTemplateMatchTheDensePath) {
    const BodyTemplate& t = defaultTemplate();
    // What the maps held, so that the property cannot pass on maps that test little.
    int painted = 0, withQualities = 0, withWpi = 0, onLines = 0, overlapping = 0, tagged = 0;
    for (unsigned seed = 1; seed <= 200; ++seed) {
        const PainMap map = randomMap(t, seed);
        const MapMetrics m = expectBothPathsAgree(map, t, "seed " + std::to_string(seed));
        if (HasFailure()) return;  // one map's diff is enough to read
        painted += m.overall.cells.paintedCells > 0;
        withQualities += m.overall.qualityCells[0] > 0;
        withWpi += m.wpi > 0;
        onLines += std::any_of(m.fascial.lines.begin(), m.fascial.lines.end(),
                               [](const FascialLineMetrics& l) { return l.paintedCells > 0; });
        overlapping += computeAgreement(map, t).total.both > 0;
        tagged += m.fascial.tags > 0;
    }
    // Of 200: 200 painted, 198 with aching, 197 with WPI > 0, 200 on lines, 139 with overlap,
    // 161 tagged (as generated today; the margins allow a change of the generator).
    EXPECT_GE(painted, 190);
    EXPECT_GE(withQualities, 150);
    EXPECT_GE(withWpi, 150);
    EXPECT_GE(onLines, 150);
    EXPECT_GE(overlapping, 100);
    EXPECT_GE(tagged, 120);
}

// A hand-edited file may hold what BodyMap never writes: qualities on unpainted cells (ignored
// by both paths) and intensities above 10 (counted as they are by both).
TEST(CompactMetrics, RandomMapsWithBytesBodyMapNeverWritesMatchTheDensePath) {
    const BodyTemplate& t = defaultTemplate();
    for (unsigned seed = 1000; seed < 1012; ++seed) {
        expectBothPathsAgree(randomMap(t, seed, Hostility{true, seed % 2 == 0}), t,
                             "seed " + std::to_string(seed));
        if (HasFailure()) return;
    }
}

TEST(CompactMetrics, RandomMapsOnTheTinyTemplateMatchTheDensePath) {
    const BodyTemplate& t = tinyTemplate();
    for (unsigned seed = 1; seed <= 200; ++seed) {
        expectBothPathsAgree(randomMap(t, seed, Hostility{seed % 3 == 0, seed % 5 == 0}), t,
                             "seed " + std::to_string(seed), PainfulAreaRule{3, 0.1});
        if (HasFailure()) return;
    }
}

TEST(CompactMetrics, BlankMap) {
    const BodyTemplate& t = defaultTemplate();
    const MapMetrics m = expectBothPathsAgree(PainMap::blankFor(t), t, "blank");
    EXPECT_EQ(m.overall.cells.paintedCells, 0);
    EXPECT_FALSE(m.symmetry.extentIndex.has_value());
}

TEST(CompactMetrics, EveryCellPainted) {
    const BodyTemplate& t = defaultTemplate();
    const MapMetrics m =
        expectBothPathsAgree(everyCellPainted(t), t, "every cell, each its own span");
    EXPECT_EQ(m.overall.cells.paintedCells, m.overall.cells.bodyCells);
    EXPECT_EQ(m.wpi, kWpiAreaCount);
    // One span per view covering the whole grid, so every label run and band run lies in one span.
    PainMap flat = PainMap::blankFor(t);
    for (ViewId v : kViews) {
        std::fill(flat.layer(v).intensity.begin(), flat.layer(v).intensity.end(), std::uint8_t{7});
        std::fill(flat.layer(v).qualities.begin(), flat.layer(v).qualities.end(), std::uint8_t{5});
        std::fill(flat.layer(v).findings.begin(), flat.layer(v).findings.end(), std::uint8_t{2});
    }
    ASSERT_EQ(compactFrom(flat).layer(ViewId::Front).intensity.size(), 1u);
    const MapMetrics f = expectBothPathsAgree(flat, t, "every cell, one span");
    EXPECT_EQ(f.overall.cells.intensitySum,
              7 * static_cast<std::int64_t>(f.overall.cells.bodyCells));
}

// Only the last cell of the grid, and only the first: the ends of the walks.
TEST(CompactMetrics, FirstAndLastCellOfTheGrid) {
    const BodyTemplate& t = tinyTemplate();
    for (std::size_t i : {std::size_t{0}, std::size_t{255}}) {
        PainMap m = PainMap::blankFor(t);
        for (ViewId v : kViews) {
            m.layer(v).intensity[i] = 9;
            m.layer(v).qualities[i] = 3;
            m.layer(v).findings[i] = 1;
        }
        expectBothPathsAgree(m, t, "cell " + std::to_string(i));
    }
}

// A body that fills the grid to its last cell (the tiny template's outline made the whole grid,
// the front split at x = 11): the last label run ends where the last span does.
TEST(CompactMetrics, BodyFillingTheGridMatchesTheDensePath) {
    std::string json = bodymap::test::tinyTemplateJson();
    auto replace = [&json](const std::string& from, const std::string& to) {
        const auto at = json.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        json.replace(at, from.size(), to);
    };
    const std::string tinyOutline = "[[2,2],[14,2],[14,14],[2,14]]",
                      fullOutline = "[[0,0],[16,0],[16,16],[0,16]]";
    replace(tinyOutline, fullOutline);
    replace(tinyOutline, fullOutline);
    replace("[[[0,0],[8,0],[8,16],[0,16]]]", "[[[0,0],[11,0],[11,16],[0,16]]]");
    replace("[[[8,0],[16,0],[16,16],[8,16]]]", "[[[11,0],[16,0],[16,16],[11,16]]]");
    auto parsed = parseTemplate(json, "full.json");
    ASSERT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error());
    const BodyTemplate& t = parsed.value();
    ASSERT_EQ(t.view(ViewId::Front).bodyCells, 256);
    ASSERT_EQ(runEnd(t.view(ViewId::Front).labelRuns.back()), 256u);
    for (unsigned seed = 1; seed <= 100; ++seed) {
        expectBothPathsAgree(randomMap(t, seed, Hostility{seed % 3 == 0, seed % 4 == 0}), t,
                             "seed " + std::to_string(seed), PainfulAreaRule{3, 0.1});
        if (HasFailure()) return;
    }
    expectBothPathsAgree(everyCellPainted(t), t, "every cell");
}

// Fascial lines outside the catalogue (a template may bring its own) come after the catalogued
// ones, by name, with their bands' cells and tags; the tiny template's back view gets one SBL band
// and three bands of two lines "ZZ" and "AA". Body cells are x, y in 2..13.
TEST(CompactMetrics, LinesOutsideTheCatalogueComeAfterItByName) {
    std::string json = bodymap::test::tinyTemplateJson();
    auto band = [](const std::string& id, const std::string& line, int x0, int y0, int x1, int y1) {
        const std::string a = std::to_string(x0), b = std::to_string(y0), c = std::to_string(x1),
                          d = std::to_string(y1);
        return "{\"id\":\"" + id + "\",\"line\":\"" + line + "\",\"name\":\"" + id +
               "\",\"side\":\"left\",\"polygons\":[[[" + a + "," + b + "],[" + c + "," + b + "],[" +
               c + "," + d + "],[" + a + "," + d + "]]]}";
    };
    const std::string bands = band("sbl-left-upper", "SBL", 2, 2, 8, 8) + "," +  // 6 x 6 = 36 cells
                              band("zz-low", "ZZ", 2, 8, 14, 14) + "," +         // 12 x 6 = 72
                              band("aa-strip", "AA", 4, 2, 6, 14) + "," +        // 2 x 12 = 24
                              band("zz-top", "ZZ", 8, 2, 14, 4);                 // 6 x 2 = 12
    const auto end = json.rfind("]}]}");  // the back view's regions, the view, the views, the file
    ASSERT_NE(end, std::string::npos);
    json.replace(end, 4, "],\"fascialBands\":[" + bands + "]}]}");
    auto parsed = parseTemplate(json, "tiny_with_bands.json");
    ASSERT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error());
    const BodyTemplate& t = parsed.value();
    PainMap m = PainMap::blankFor(t);
    std::fill(m.layer(ViewId::Back).intensity.begin(), m.layer(ViewId::Back).intensity.end(),
              std::uint8_t{3});
    m.tags = {{"aa-strip", 1, ""}, {"zz-top", 2, ""}, {"zz-top", 4, ""}, {"sbl-left-upper", 1, ""}};
    const MapMetrics metrics = expectBothPathsAgree(m, t, "bands of uncatalogued lines");
    const MapMetrics c = computeMetrics(compactFrom(m), t).value();
    for (const MapMetrics* x : {&metrics, &c}) {
        ASSERT_EQ(x->fascial.lines.size(), 3u);
        const auto& l = x->fascial.lines;
        EXPECT_EQ(l[0].line, "SBL");
        EXPECT_EQ(l[0].name, "Superficial Back Line");
        EXPECT_EQ(l[1].line, "AA");
        EXPECT_EQ(l[1].name, "AA");
        EXPECT_EQ(l[2].line, "ZZ");
        EXPECT_EQ(l[0].bandCells, 36);
        EXPECT_EQ(l[1].bandCells, 24);
        EXPECT_EQ(l[2].bandCells, 72 + 12);
        EXPECT_EQ(l[2].paintedCells, 84);  // the whole back body is painted at 3
        EXPECT_EQ(l[2].intensitySum, 3 * 84);
        EXPECT_EQ(l[1].sharePct, 100.0 * 24 / 144);
        EXPECT_EQ(l[0].tags, 1);
        EXPECT_EQ(l[1].tags, 1);
        EXPECT_EQ(l[2].tags, 2);
    }
}

TEST(CompactMetrics, ExampleVisitsAndGoodFilesMatchTheDensePath) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const auto& dir :
         {bodymap::test::assetsPath("examples/demo-anna"), bodymap::test::testDataPath("good")}) {
        for (const auto& e : fs::directory_iterator(dir)) {
            if (e.path().extension() == ".json" && e.path().filename() != "client.json")
                files.push_back(e.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 8u);
    const BodyTemplate& t = defaultTemplate();
    bool sawFindings = false, sawPaint = false;
    for (const std::string& f : files) {
        auto dense = loadMap(f, defaultRegistry());
        ASSERT_TRUE(dense.ok()) << dense.error();
        const MapMetrics m = expectBothPathsAgree(dense.value(), t, f);
        sawPaint = sawPaint || m.overall.cells.paintedCells > 0;
        sawFindings = sawFindings || dense->hasFindings();
        // The compact reader's map gives the same figures as the dense map it was read beside.
        auto compact = loadCompactMap(f, defaultRegistry());
        ASSERT_TRUE(compact.ok()) << compact.error();
        const auto c = computeMetrics(compact.value(), t);
        ASSERT_TRUE(c.ok()) << c.error();
        expectSame(m, c.value(), t);
    }
    EXPECT_TRUE(sawPaint);
    EXPECT_TRUE(sawFindings);
}

// --- Refusals ---------------------------------------------------------------------------------

TEST(CompactMetrics, WrongTemplateOrGridIsTheSameError) {
    const BodyTemplate& t = tinyTemplate();
    for (const PainMap& m : {PainMap("adult-neutral", 1, 16, 16), PainMap("tiny", 1, 8, 8)}) {
        const auto d = computeMetrics(m, t);
        const auto c = computeMetrics(compactFrom(m), t);
        ASSERT_FALSE(d.ok());
        ASSERT_FALSE(c.ok());
        EXPECT_EQ(d.error(), c.error());
    }
}

// Spans out of order or past the grid would be counted wrong by the walks, so they are refused
// like a raster of the wrong size; agreement, which has no error, leaves such a view out.
TEST(CompactMetrics, SpansOutOfOrderOrPastTheGridAreRefused) {
    const BodyTemplate& t = tinyTemplate();
    const std::string sizeError = "map raster size does not match its grid";
    CompactMap past("tiny", 1, 16, 16);
    past.layer(ViewId::Front).intensity = {{250, 7, 3}};  // cells 250..256: one past the 256 cells
    auto r = computeMetrics(past, t);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), sizeError);
    CompactMap unordered("tiny", 1, 16, 16);
    unordered.layer(ViewId::Back).qualities = {{40, 4, 1}, {20, 4, 1}};
    r = computeMetrics(unordered, t);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), sizeError);
    CompactMap overlapping("tiny", 1, 16, 16);
    overlapping.layer(ViewId::Front).intensity = {{40, 4, 1}, {42, 4, 2}};
    EXPECT_FALSE(computeMetrics(overlapping, t).ok());
    // Within the grid, in order: fine, and the very last cell is inside.
    CompactMap last("tiny", 1, 16, 16);
    last.layer(ViewId::Front).intensity = {{2 * 16 + 2, 3, 5}, {255, 1, 4}};
    EXPECT_TRUE(computeMetrics(last, t).ok());

    CompactMap findingsPast("tiny", 1, 16, 16);
    findingsPast.layer(ViewId::Front).intensity = {{2 * 16 + 2, 3, 5}};
    findingsPast.layer(ViewId::Front).findings = {{2 * 16 + 2, 300, 1}};
    findingsPast.layer(ViewId::Back).findings = {{2 * 16 + 2, 3, 1}};
    const Agreement a = computeAgreement(findingsPast, t);
    EXPECT_EQ(a.views[static_cast<std::size_t>(ViewId::Front)].unionCells(), 0);
    EXPECT_EQ(a.views[static_cast<std::size_t>(ViewId::Back)].findings, 3);
}

// --- The compact form ------------------------------------------------------------------------

TEST(CompactForm, DenseToSpansToDenseRoundTrips) {
    const BodyTemplate& t = defaultTemplate();
    for (unsigned seed = 1; seed <= 10; ++seed) {
        PainMap m = randomMap(t, seed, Hostility{true, true});
        m.info.clientId = "round-trip";
        m.info.notes = "seed " + std::to_string(seed);
        m.marks.push_back({MarkKind::Radiating,
                           ViewId::Back,
                           {10.5f, 20.0f},
                           {30.0f, 40.0f},
                           "",
                           "",
                           DrawnBy::Client});
        const CompactMap c = compactFrom(m);
        EXPECT_TRUE(denseFrom(c) == m) << seed;
        EXPECT_TRUE(compactFrom(denseFrom(c)) == c) << seed;
        EXPECT_EQ(c.info, m.info);
        EXPECT_EQ(c.tags, m.tags);
        EXPECT_EQ(c.marks, m.marks);
        EXPECT_EQ(c.isBlank(), m.isBlank());
        EXPECT_EQ(c.hasFindings(), m.hasFindings());
        for (ViewId v : kViews) {
            EXPECT_TRUE(runsInOrder(c.layer(v).intensity, c.cellCount()));
            EXPECT_TRUE(runsInOrder(c.layer(v).qualities, c.cellCount()));
            EXPECT_TRUE(runsInOrder(c.layer(v).findings, c.cellCount()));
        }
    }
    const CompactMap blank = compactFrom(PainMap::blankFor(t));
    EXPECT_TRUE(blank.isBlank());
    for (ViewId v : kViews) EXPECT_TRUE(blank.layer(v).intensity.empty());
}

TEST(CompactForm, SpansOfARaster) {
    // cells:  0 0 3 3 5 0 5 5 5 0 | one span per maximal run of one non-zero value
    const std::vector<std::uint8_t> cells{0, 0, 3, 3, 5, 0, 5, 5, 5, 0};
    const SpanList spans = spansOf(cells);
    EXPECT_EQ(spans, (SpanList{{2, 2, 3}, {4, 1, 5}, {6, 3, 5}}));
    std::vector<std::uint8_t> back(cells.size(), 0);
    fillFromSpans(spans, back);
    EXPECT_EQ(back, cells);
    EXPECT_TRUE(spansOf(std::vector<std::uint8_t>(7, 0)).empty());
    EXPECT_EQ(spansOf(std::vector<std::uint8_t>(7, 9)), (SpanList{{0, 7, 9}}));  // to the last cell
    // A raster shorter than the spans gets what fits.
    std::vector<std::uint8_t> shorter(5, 0);
    fillFromSpans(spans, shorter);
    EXPECT_EQ(shorter, (std::vector<std::uint8_t>{0, 0, 3, 3, 5}));
}

TEST(CompactForm, AppendSpanMergesOnlyTouchingSpansOfOneValue) {
    SpanList s;
    appendSpan(s, 4, 3, 2);
    appendSpan(s, 7, 2, 2);  // touches, same value: merged into 4..8
    EXPECT_EQ(s, (SpanList{{4, 5, 2}}));
    appendSpan(s, 9, 1, 3);   // touches, another value: a new span
    appendSpan(s, 11, 2, 3);  // same value, a gap of one cell: a new span
    EXPECT_EQ(s, (SpanList{{4, 5, 2}, {9, 1, 3}, {11, 2, 3}}));
    appendSpan(s, 13, 0, 3);  // nothing
    appendSpan(s, 13, 4, 0);  // nothing: 0 is no paint
    EXPECT_EQ(s.size(), 3u);
    appendSpan(s, 13, 4, 3);  // merges after the no-ops
    EXPECT_EQ(s.back(), (CellSpan{11, 6, 3}));
    // Appending cell by cell gives what spansOf gives.
    const std::vector<std::uint8_t> cells{1, 1, 0, 2, 2, 2, 1, 0, 0, 4};
    SpanList byCell;
    for (std::size_t i = 0; i < cells.size(); ++i)
        appendSpan(byCell, static_cast<std::uint32_t>(i), 1, cells[i]);
    EXPECT_EQ(byCell, spansOf(cells));
}

// --- The walk itself ---------------------------------------------------------------------------

// forEachOverlap against cells marked one by one: random lists of runs on 2,000 cells, dense or
// sparse on either side, so that both lists skip ahead of the other.
TEST(SpanOverlap, VisitsExactlyTheCellsBothListsCoverInOrder) {
    std::mt19937 rng(17);
    auto draw = [&rng](std::uint32_t n) {
        return static_cast<std::uint32_t>(rng() % n);
    };  // 0..n-1
    constexpr std::uint32_t kCells = 2000;
    auto randomRuns = [&draw](std::uint32_t maxGap, std::uint32_t maxLen) {
        std::vector<CellRun> runs;
        std::uint32_t at = draw(maxGap);
        while (true) {
            const std::uint32_t len = 1 + draw(maxLen);
            if (at + len > kCells) break;
            runs.push_back({at, len});
            at += len + draw(maxGap);
        }
        return runs;
    };
    for (int round = 0; round < 300; ++round) {
        const auto a = randomRuns(1 + draw(400), 1 + draw(50));
        const auto b = randomRuns(1 + draw(400), 1 + draw(50));
        ASSERT_TRUE(runsInOrder(a, kCells));
        ASSERT_TRUE(runsInOrder(b, kCells));
        std::vector<int> ownerA(kCells, -1), ownerB(kCells, -1);
        for (std::size_t i = 0; i < a.size(); ++i)
            for (std::uint32_t c = a[i].start; c < runEnd(a[i]); ++c)
                ownerA[c] = static_cast<int>(i);
        for (std::size_t j = 0; j < b.size(); ++j)
            for (std::uint32_t c = b[j].start; c < runEnd(b[j]); ++c)
                ownerB[c] = static_cast<int>(j);
        std::vector<int> seen(kCells, 0);
        std::uint32_t last = 0;
        forEachOverlap(a, b, [&](std::size_t i, std::size_t j, std::uint32_t lo, std::uint32_t hi) {
            EXPECT_LT(lo, hi);
            EXPECT_GE(lo, last);  // in cell order
            last = hi;
            for (std::uint32_t c = lo; c < hi; ++c) {
                ++seen[c];
                EXPECT_EQ(ownerA[c], static_cast<int>(i));
                EXPECT_EQ(ownerB[c], static_cast<int>(j));
            }
        });
        for (std::uint32_t c = 0; c < kCells; ++c) {
            ASSERT_EQ(seen[c], ownerA[c] >= 0 && ownerB[c] >= 0 ? 1 : 0)
                << "round " << round << ", cell " << c;
        }
        // skipTo and advanceTo: the first run ending after a cell, from any start.
        for (int probe = 0; probe < 20 && !a.empty(); ++probe) {
            const std::size_t from = draw(static_cast<std::uint32_t>(a.size()));
            const std::uint32_t cell = draw(kCells);
            std::size_t expected = from;
            while (expected < a.size() && runEnd(a[expected]) <= cell) ++expected;
            ASSERT_EQ(skipTo(a, from, cell), expected) << "from " << from << ", cell " << cell;
            ASSERT_EQ(advanceTo(a, from, cell), expected) << "from " << from << ", cell " << cell;
        }
    }
}
