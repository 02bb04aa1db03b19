// Helper for tests/app/gui_replay_*_test.sh: the map a replay script's strokes must give, painted
// with maps::Stroke from the same pointer samples, compared cell by cell with the map the GUI
// saved. Reads the chart geometry the GUI logged (BODYMAP_TEST_LOG "chart-geometry X Y SCALE
// STRIDE", the last one) to turn window pixels into cells as the chart does.
// Usage: stroke_cells TEMPLATE.json TEST_LOG REPLAY WxH MAP.json [--radius R] [--softness S]
//                     [--intensity I]
// Strokes: the left mouse button (down, moves, up) or one finger (down, its moves, up), one
// pointer at a time, starting on a view's grid; other lines are ignored. Prints "same N" (N
// painted cells) and exits 0 when every cell of both views matches; else prints the differences
// and exits 1; 2 for bad arguments or input.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "maps/body_template.h"
#include "maps/brush.h"
#include "maps/map_format.h"
#include "maps/template_registry.h"

using namespace bodymap;

namespace {

struct Geometry {
    float ox = 0, oy = 0, scale = 1, stride = 0;
};

int usageError(const std::string& message) {
    std::fprintf(stderr, "stroke_cells: %s\n", message.c_str());
    return 2;
}

std::optional<Geometry> lastGeometry(const std::string& logPath) {
    std::ifstream in(logPath);
    std::string line;
    std::optional<Geometry> g;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string key, x, y, s, t;
        if (!(words >> key >> x >> y >> s >> t) || key != "chart-geometry") continue;
        // %.9g round-trips a float exactly.
        g = Geometry{std::strtof(x.c_str(), nullptr), std::strtof(y.c_str(), nullptr),
                     std::strtof(s.c_str(), nullptr), std::strtof(t.c_str(), nullptr)};
    }
    return g;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 6) {
        return usageError("usage: stroke_cells TEMPLATE.json TEST_LOG REPLAY WxH MAP.json [--radius R] "
                          "[--softness S] [--intensity I]");
    }
    maps::BrushSettings brush;  // the GUI's defaults (ToolState)
    for (int i = 6; i + 1 < argc; i += 2) {
        const std::string opt = argv[i];
        if (opt == "--radius") brush.radius = std::strtof(argv[i + 1], nullptr);
        else if (opt == "--softness") brush.softness = std::strtof(argv[i + 1], nullptr);
        else if (opt == "--intensity") brush.intensity = static_cast<std::uint8_t>(std::atoi(argv[i + 1]));
        else return usageError("unknown option " + opt);
    }
    auto tmpl = maps::loadTemplate(argv[1]);
    if (!tmpl) return usageError(tmpl.error());
    const maps::BodyTemplate& t = tmpl.value();
    const auto geometry = lastGeometry(argv[2]);
    if (!geometry) return usageError(std::string("no chart-geometry line in ") + argv[2]);
    const Geometry g = *geometry;
    int winW = 0, winH = 0;
    if (std::sscanf(argv[4], "%dx%d", &winW, &winH) != 2 || winW <= 0 || winH <= 0) {
        return usageError("the window size must look like 1600x1000");
    }
    maps::TemplateRegistry registry;
    registry.add(tmpl.value());
    auto saved = maps::loadMap(argv[5], registry);
    if (!saved) return usageError(saved.error());

    maps::PainMap expected = maps::PainMap::blankFor(t);
    std::optional<maps::Stroke> stroke;
    maps::ViewId strokeView = maps::ViewId::Front;
    std::string owner;  // "mouse" or "finger ID"
    auto cellOf = [&](float px, float py, maps::ViewId v) {
        const float ox = g.ox + (v == maps::ViewId::Back ? g.stride : 0.0f);
        return glm::vec2((px - ox) / g.scale, (py - g.oy) / g.scale);
    };
    std::ifstream in(argv[3]);
    if (!in) return usageError(std::string("cannot read ") + argv[3]);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::istringstream words(line);
        std::string ms, kind;
        if (!(words >> ms >> kind) || ms[0] == '#') continue;
        float px = 0, py = 0;
        std::string who;
        if (kind == "mouse-down" || kind == "mouse-move" || kind == "mouse-up") {
            int x = 0, y = 0;
            std::string button = "left";
            words >> x >> y;
            if (words >> button && button[0] == '#') button = "left";
            if (button != "left") continue;
            px = static_cast<float>(x);
            py = static_cast<float>(y);
            who = "mouse";
        } else if (kind == "finger-down" || kind == "finger-move" || kind == "finger-up") {
            std::string id;
            float x = 0, y = 0;
            words >> id >> x >> y;
            // As SDL carries it: normalized to the window, then back to pixels by the chart.
            px = (x / static_cast<float>(winW)) * static_cast<float>(winW);
            py = (y / static_cast<float>(winH)) * static_cast<float>(winH);
            who = "finger " + id;
        } else {
            continue;
        }
        const bool down = kind.find("-down") != std::string::npos;
        const bool up = kind.find("-up") != std::string::npos;
        if (down) {
            if (stroke || !owner.empty()) {
                return usageError(std::string(argv[3]) + ":" + std::to_string(number) + ": one pointer at a time");
            }
            owner = who;
            for (maps::ViewId v : maps::kViews) {
                const glm::vec2 c = cellOf(px, py, v);
                if (c.x >= 0 && c.y >= 0 && c.x < static_cast<float>(t.width) && c.y < static_cast<float>(t.height)) {
                    stroke.emplace(expected, t, v, brush);
                    strokeView = v;
                    stroke->addSample(c);
                    break;
                }
            }
            continue;
        }
        if (who != owner) continue;
        if (stroke) stroke->addSample(cellOf(px, py, strokeView));
        if (up) {
            if (stroke) (void)stroke->finish();
            stroke.reset();
            owner.clear();
        }
    }

    long painted = 0, differ = 0;
    for (maps::ViewId v : maps::kViews) {
        for (int y = 0; y < t.height; ++y) {
            for (int x = 0; x < t.width; ++x) {
                const int e = expected.intensityAt(v, x, y), s = saved->intensityAt(v, x, y);
                const int eq = expected.qualitiesAt(v, x, y), sq = saved->qualitiesAt(v, x, y);
                if (e > 0) ++painted;
                if (e != s || eq != sq) {
                    if (++differ <= 10) {
                        std::printf("%s %d %d: expected %d/%d, saved %d/%d\n",
                                    v == maps::ViewId::Front ? "front" : "back", x, y, e, eq, s, sq);
                    }
                }
            }
        }
    }
    if (differ > 0) {
        std::printf("differ %ld (expected %ld painted cells)\n", differ, painted);
        return 1;
    }
    std::printf("same %ld\n", painted);
    return 0;
}
