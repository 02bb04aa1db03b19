// Brush engine: dab area, stroke continuity, clipping to the body and to the stroke's view,
// the paint-over rule, eraser, region fill, and exact undo/redo.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "maps/brush.h"
#include "maps/edit_history.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;

namespace {
// A square template of `size` cells whose body is all cells (one region per view), so that
// clipping does not interfere with geometric checks.
BodyTemplate openTemplate(int size) {
    const std::string s = std::to_string(size);
    const std::string ring = "[[0,0],[" + s + ",0],[" + s + "," + s + "],[0," + s + "]]";
    const std::string json =
        "{\"format\":\"bodymap-template\",\"formatVersion\":1,\"id\":\"open\",\"version\":1,"
        "\"name\":\"Open\",\"grid\":{\"width\":" + s + ",\"height\":" + s + "},\"views\":["
        "{\"id\":\"front\",\"label\":\"Front\",\"outline\":[" + ring + "],\"regions\":[{\"id\":\"f\","
        "\"name\":\"Left all\",\"side\":\"left\",\"wpi\":null,\"gp\":null,\"polygons\":[" + ring + "]}]},"
        "{\"id\":\"back\",\"label\":\"Back\",\"outline\":[" + ring + "],\"regions\":[{\"id\":\"b\","
        "\"name\":\"Left all\",\"side\":\"left\",\"wpi\":null,\"gp\":null,\"polygons\":[" + ring + "]}]}]}";
    auto r = parseTemplate(json, "open.json");
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error());
    return r.value();
}

int painted(const PainMap& m, ViewId v) {
    int n = 0;
    for (auto x : m.layer(v).intensity) n += x > 0 ? 1 : 0;
    return n;
}
}  // namespace

TEST(Dab, AreaIsCloseToPiRSquared) {
    const BodyTemplate t = openTemplate(200);
    for (float r : {5.0f, 12.0f, 20.0f, 40.0f}) {
        PainMap m = PainMap::blankFor(t);
        BrushSettings b;
        b.radius = r;
        EditRecorder rec(m, ViewId::Front);
        applyDab(m, t, ViewId::Front, {100.0f, 100.0f}, b, rec);
        const double expected = M_PI * r * r;
        EXPECT_NEAR(painted(m, ViewId::Front), expected, expected * 0.03) << "radius " << r;
    }
}

TEST(Dab, SoftEdgeKeepsCoreAndFadesOutward) {
    const BodyTemplate t = openTemplate(100);
    PainMap m = PainMap::blankFor(t);
    BrushSettings b;
    b.radius = 20;
    b.softness = 1.0f;  // w = 1 - d/r: core (w >= 0.5) is d <= 10
    b.intensity = 8;
    EditRecorder rec(m, ViewId::Front);
    applyDab(m, t, ViewId::Front, {50.0f, 50.0f}, b, rec);
    EXPECT_EQ(m.intensityAt(ViewId::Front, 50, 50), 8);
    EXPECT_EQ(m.intensityAt(ViewId::Front, 58, 50), 8);   // d = 8.5 -> core
    // d = 14.5 -> w = 0.275 -> round(8 * 0.55) = 4
    EXPECT_EQ(m.intensityAt(ViewId::Front, 64, 50), 4);
    EXPECT_EQ(m.intensityAt(ViewId::Front, 71, 50), 0);   // d = 21.5 > r
}

TEST(PaintRule, CoreReplacesFringeKeepsMaximum) {
    const BodyTemplate t = openTemplate(100);
    PainMap m = PainMap::blankFor(t);
    BrushSettings b;
    b.radius = 20;
    b.softness = 1.0f;
    b.intensity = 8;
    b.qualities = bit(Quality::Burning);
    {
        EditRecorder rec(m, ViewId::Front);
        applyDab(m, t, ViewId::Front, {50.0f, 50.0f}, b, rec);
    }
    // Paint 3 with aching over the same spot: the core is replaced (8 -> 3, burning -> aching)...
    b.intensity = 3;
    b.qualities = bit(Quality::Aching);
    EditRecorder rec(m, ViewId::Front);
    applyDab(m, t, ViewId::Front, {50.0f, 50.0f}, b, rec);
    EXPECT_EQ(m.intensityAt(ViewId::Front, 50, 50), 3);
    EXPECT_EQ(m.qualitiesAt(ViewId::Front, 50, 50), bit(Quality::Aching));
    // ...while the fringe keeps the stronger earlier value 4 (new fringe value round(3*0.55)=2).
    EXPECT_EQ(m.intensityAt(ViewId::Front, 64, 50), 4);
    EXPECT_EQ(m.qualitiesAt(ViewId::Front, 64, 50), bit(Quality::Burning));
}

TEST(Stroke, FastDragLeavesNoGaps) {
    const BodyTemplate t = openTemplate(300);
    PainMap m = PainMap::blankFor(t);
    BrushSettings b;
    b.radius = 4;
    Stroke s(m, t, ViewId::Front, b);
    s.addSample({10.0f, 150.0f});
    s.addSample({290.0f, 150.0f});  // one jump of 280 cells, as from a very fast drag
    s.finish();
    for (int x = 10; x < 290; ++x) {
        ASSERT_GT(m.intensityAt(ViewId::Front, x, 150), 0) << "gap at x=" << x;
        ASSERT_GT(m.intensityAt(ViewId::Front, x, 147), 0) << "gap at x=" << x;
    }
    EXPECT_EQ(m.intensityAt(ViewId::Front, 150, 155), 0);
}

TEST(Stroke, NeverPaintsOffTheBodyOrOnTheOtherView) {
    const BodyTemplate& t = bodymap::test::tinyTemplate();  // body is [2,14)^2
    PainMap m = PainMap::blankFor(t);
    BrushSettings b;
    b.radius = 6;
    Stroke s(m, t, ViewId::Front, b);
    s.addSample({0.0f, 0.0f});
    s.addSample({16.0f, 16.0f});
    s.addSample({30.0f, 8.0f});  // far past the grid edge, towards the other view on screen
    s.finish();
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x) {
            if (!t.inBody(ViewId::Front, x, y)) {
                EXPECT_EQ(m.intensityAt(ViewId::Front, x, y), 0);
            }
            EXPECT_EQ(m.intensityAt(ViewId::Back, x, y), 0);
        }
    EXPECT_GT(painted(m, ViewId::Front), 50);
}

TEST(Eraser, ClearsIntensityAndQualitiesWithinRadius) {
    const BodyTemplate t = openTemplate(100);
    PainMap m = PainMap::blankFor(t);
    BrushSettings b;
    b.radius = 30;
    b.qualities = bit(Quality::Numbness);
    EditRecorder rec(m, ViewId::Front);
    applyDab(m, t, ViewId::Front, {50.0f, 50.0f}, b, rec);
    b.mode = BrushMode::Erase;
    b.radius = 10;
    applyDab(m, t, ViewId::Front, {50.0f, 50.0f}, b, rec);
    EXPECT_EQ(m.intensityAt(ViewId::Front, 50, 50), 0);
    EXPECT_EQ(m.qualitiesAt(ViewId::Front, 50, 50), 0);
    EXPECT_EQ(m.intensityAt(ViewId::Front, 50, 62), 5);  // d = 12.5 > 10: kept
}

TEST(Fill, SetsExactlyTheRegion) {
    const BodyTemplate& t = bodymap::test::tinyTemplate();
    PainMap m = PainMap::blankFor(t);
    BrushSettings b;
    b.intensity = 7;
    b.qualities = bit(Quality::Stabbing);
    const int r = t.regionIndex("back-right-low");  // x >= 8, y >= 8 within body [2,14)
    RasterEdit e = fillRegion(m, t, r, b);
    EXPECT_FALSE(e.empty());
    EXPECT_EQ(painted(m, ViewId::Back), 36);  // 6 x 6 cells
    EXPECT_EQ(m.intensityAt(ViewId::Back, 8, 8), 7);
    EXPECT_EQ(m.qualitiesAt(ViewId::Back, 13, 13), bit(Quality::Stabbing));
    EXPECT_EQ(m.intensityAt(ViewId::Back, 7, 8), 0);
    EXPECT_EQ(painted(m, ViewId::Front), 0);
    // Filling again with the same values changes nothing.
    EXPECT_TRUE(fillRegion(m, t, r, b).empty());
}

TEST(Undo, RestoresExactBytesOverManySteps) {
    const BodyTemplate t = openTemplate(256);
    PainMap m = PainMap::blankFor(t);
    EditHistory h(150);
    std::mt19937 rng(42);
    std::uniform_real_distribution<float> pos(0.0f, 256.0f);
    std::vector<PainMap> states{m};
    for (int i = 0; i < 120; ++i) {
        BrushSettings b;
        b.radius = 3.0f + static_cast<float>(i % 7);
        b.softness = static_cast<float>(i % 3) * 0.4f;
        b.intensity = static_cast<std::uint8_t>(1 + i % 10);
        b.qualities = static_cast<std::uint8_t>(i % 32);
        b.mode = i % 9 == 8 ? BrushMode::Erase : BrushMode::Paint;
        const ViewId v = i % 2 ? ViewId::Back : ViewId::Front;
        Stroke s(m, t, v, b);
        // A short local stroke, as a person paints: 5 samples within ~40 cells of a start.
        const glm::vec2 start(pos(rng), pos(rng));
        for (int k = 0; k < 5; ++k) {
            s.addSample(start + glm::vec2(pos(rng), pos(rng)) * (40.0f / 256.0f));
        }
        RasterEdit e = s.finish();
        if (e.empty()) continue;
        h.push(std::make_unique<RasterCommand>(std::move(e), "stroke"));
        states.push_back(m);
    }
    ASSERT_GE(h.size(), 100u);
    // Memory is bounded by the tiles touched: well under a tenth of what whole-map copies
    // (before + after, 2 planes of 256 x 256 bytes per step) would take.
    const std::size_t wholeMapCopies = h.size() * 2 * 2 * 256 * 256;
    EXPECT_LT(h.bytes(), wholeMapCopies / 10);
    for (std::size_t i = states.size() - 1; i > 0; --i) {
        ASSERT_TRUE(h.undo(m));
        ASSERT_TRUE(m == states[i - 1]) << "undo step " << i;
    }
    EXPECT_FALSE(h.canUndo());
    for (std::size_t i = 1; i < states.size(); ++i) {
        ASSERT_TRUE(h.redo(m));
        ASSERT_TRUE(m == states[i]) << "redo step " << i;
    }
}

TEST(Undo, NewEditClearsRedoAndTracksSavedState) {
    const BodyTemplate& t = bodymap::test::tinyTemplate();
    PainMap m = PainMap::blankFor(t);
    EditHistory h;
    BrushSettings b;
    b.intensity = 4;
    h.push(std::make_unique<RasterCommand>(fillRegion(m, t, 0, b), "fill"));
    h.markSaved();
    EXPECT_FALSE(h.isModified());
    h.undo(m);
    EXPECT_TRUE(h.isModified());
    b.intensity = 9;
    h.push(std::make_unique<RasterCommand>(fillRegion(m, t, 1, b), "fill 2"));
    EXPECT_FALSE(h.canRedo());
    EXPECT_TRUE(h.isModified());  // the saved state can no longer be reached
}

// The therapist's findings brush and the client's brush never touch each other's rasters.
TEST(FindingsBrush, PaintsAndErasesOnlyTheFindings) {
    const BodyTemplate t = openTemplate(64);
    PainMap m = PainMap::blankFor(t);
    BrushSettings pain;
    pain.radius = 6;
    pain.intensity = 7;
    pain.qualities = bit(Quality::Burning);
    Stroke client(m, t, ViewId::Front, pain);
    client.addSample({20, 20});
    client.finish();
    const ViewLayer clientOnly = m.layer(ViewId::Front);

    BrushSettings found;
    found.layer = BrushLayer::Findings;
    found.radius = 4;
    found.findings = bit(Finding::Tender);
    EditHistory h;
    Stroke s1(m, t, ViewId::Front, found);
    s1.addSample({22, 20});
    h.push(std::make_unique<RasterCommand>(s1.finish(), "Findings"));
    // The client's intensity and qualities are exactly as before.
    EXPECT_EQ(m.layer(ViewId::Front).intensity, clientOnly.intensity);
    EXPECT_EQ(m.layer(ViewId::Front).qualities, clientOnly.qualities);
    // Cell (22, 20) has its centre 0.5 cells from the dab's centre: tender; (27, 20) is 5.5 away,
    // outside the radius of 4: nothing. Softness plays no part: (25, 20), 3.5 away, is tender too.
    EXPECT_EQ(m.layer(ViewId::Front).findings[m.index(22, 20)], bit(Finding::Tender));
    EXPECT_EQ(m.layer(ViewId::Front).findings[m.index(25, 20)], bit(Finding::Tender));
    EXPECT_EQ(m.layer(ViewId::Front).findings[m.index(27, 20)], 0);
    // A second finding adds its bit; it does not replace the first.
    found.findings = bit(Finding::Tight);
    Stroke s2(m, t, ViewId::Front, found);
    s2.addSample({22, 20});
    h.push(std::make_unique<RasterCommand>(s2.finish(), "Findings"));
    EXPECT_EQ(m.layer(ViewId::Front).findings[m.index(22, 20)], bit(Finding::Tender) | bit(Finding::Tight));
    // The client's eraser leaves the findings; the findings eraser leaves the pain.
    BrushSettings erasePain = pain;
    erasePain.mode = BrushMode::Erase;
    erasePain.radius = 20;
    Stroke e1(m, t, ViewId::Front, erasePain);
    e1.addSample({20, 20});
    h.push(std::make_unique<RasterCommand>(e1.finish(), "Erase"));
    EXPECT_EQ(painted(m, ViewId::Front), 0);
    EXPECT_EQ(m.layer(ViewId::Front).findings[m.index(22, 20)], bit(Finding::Tender) | bit(Finding::Tight));
    h.undo(m);  // the pain is back
    EXPECT_EQ(m.layer(ViewId::Front).intensity, clientOnly.intensity);
    BrushSettings eraseFound = found;
    eraseFound.mode = BrushMode::Erase;
    eraseFound.radius = 20;
    Stroke e2(m, t, ViewId::Front, eraseFound);
    e2.addSample({20, 20});
    h.push(std::make_unique<RasterCommand>(e2.finish(), "Erase findings"));
    EXPECT_FALSE(m.hasFindings());
    EXPECT_EQ(m.layer(ViewId::Front).intensity, clientOnly.intensity);
    EXPECT_EQ(m.layer(ViewId::Front).qualities, clientOnly.qualities);
    // Undo walks back through the findings exactly (the history is now: tender, tight, erase
    // findings; the pain eraser's step was undone and replaced).
    h.undo(m);
    EXPECT_EQ(m.layer(ViewId::Front).findings[m.index(22, 20)], bit(Finding::Tender) | bit(Finding::Tight));
    h.undo(m);
    EXPECT_EQ(m.layer(ViewId::Front).findings[m.index(22, 20)], bit(Finding::Tender));
    h.undo(m);
    EXPECT_FALSE(m.hasFindings());
    EXPECT_EQ(m.layer(ViewId::Front), clientOnly);
}

TEST(FindingsBrush, NeverPaintsOffTheBody) {
    const BodyTemplate& t = bodymap::test::tinyTemplate();  // body: cells 2..13 in x and y
    PainMap m = PainMap::blankFor(t);
    BrushSettings found;
    found.layer = BrushLayer::Findings;
    found.radius = 3;
    found.findings = bit(Finding::Swollen);
    Stroke s(m, t, ViewId::Back, found);
    s.addSample({1, 1});
    s.finish();
    EXPECT_EQ(m.layer(ViewId::Back).findings[m.index(1, 1)], 0);
    EXPECT_EQ(m.layer(ViewId::Back).findings[m.index(2, 2)], bit(Finding::Swollen));
    EXPECT_EQ(std::count(m.layer(ViewId::Front).findings.begin(), m.layer(ViewId::Front).findings.end(), 0),
              static_cast<long>(m.cellCount()));
}

TEST(MarksUndo, EachPlacementMoveAndDeleteIsOneStep) {
    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    EditHistory h;
    Mark tp;
    tp.kind = MarkKind::LatentTriggerPoint;
    tp.at = {4.0f, 5.0f};
    auto place = [&](std::vector<Mark> after, const char* label) {
        auto cmd = std::make_unique<MarksCommand>(m.marks, after, label);
        cmd->redo(m);
        h.push(std::move(cmd));
    };
    place({tp}, "Place");
    Mark moved = tp;
    moved.at = {6.0f, 7.0f};
    place({moved}, "Move");
    place({}, "Delete");
    EXPECT_TRUE(m.marks.empty());
    EXPECT_EQ(h.undoLabel(), "Delete");
    h.undo(m);
    ASSERT_EQ(m.marks.size(), 1u);
    EXPECT_EQ(m.marks[0].at, moved.at);
    h.undo(m);
    EXPECT_EQ(m.marks[0].at, tp.at);
    h.redo(m);
    h.redo(m);
    EXPECT_TRUE(m.marks.empty());
}
