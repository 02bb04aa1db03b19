// Template loading, validation and label rasterization (see body_template.h).
#include "maps/body_template.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <filesystem>
#include <set>

#include "maps/i18n/i18n.h"
#include "maps/fascial_lines.h"
#include "maps/json_util.h"

namespace bodymap::maps {

std::string_view viewId(ViewId v) { return v == ViewId::Front ? "front" : "back"; }

std::optional<ViewId> parseViewId(std::string_view id) {
    if (id == "front") return ViewId::Front;
    if (id == "back") return ViewId::Back;
    return std::nullopt;
}

int BodyTemplate::regionIndex(std::string_view regionId) const {
    for (std::size_t i = 0; i < regions.size(); ++i) {
        if (regions[i].id == regionId) return static_cast<int>(i);
    }
    return -1;
}

int BodyTemplate::bandIndex(std::string_view bandId) const {
    for (std::size_t i = 0; i < bands.size(); ++i) {
        if (bands[i].id == bandId) return static_cast<int>(i);
    }
    return -1;
}

int BodyTemplate::bandAt(ViewId v, int x, int y, int lineIndex) const {
    const TemplateView& tv = view(v);
    if (!contains(x, y) || tv.lineBits.empty()) return -1;
    const auto cell = static_cast<std::uint32_t>(y) * static_cast<std::uint32_t>(width) +
                      static_cast<std::uint32_t>(x);
    if (lineIndex < 0 || lineIndex >= 16 || !((tv.lineBits[cell] >> lineIndex) & 1u)) return -1;
    for (int b : tv.bands) {
        const FascialBand& band = bands[static_cast<std::size_t>(b)];
        if (band.lineIndex == lineIndex &&
            std::binary_search(band.cells.begin(), band.cells.end(), cell)) {
            return b;
        }
    }
    return -1;
}

std::vector<int> BodyTemplate::bandsAt(ViewId v, int x, int y) const {
    std::vector<int> out;
    const TemplateView& tv = view(v);
    if (!contains(x, y) || tv.lineBits.empty()) return out;
    const auto cell = static_cast<std::uint32_t>(y) * static_cast<std::uint32_t>(width) +
                      static_cast<std::uint32_t>(x);
    if (tv.labels[cell] == kNoRegion) return out;
    for (int b : tv.bands) {
        const FascialBand& band = bands[static_cast<std::size_t>(b)];
        if (std::binary_search(band.cells.begin(), band.cells.end(), cell)) out.push_back(b);
    }
    return out;
}

namespace {

// Calls span(y, x0, x1) for each run of cells [x0, x1) of row y whose centre lies inside the
// even-odd union of rings. Scanline with an active edge list: the cost is the number of rows each
// edge spans plus the cells covered, not rows x edges. Runs within one row never overlap.
template <class Span>
void forEachSpan(const std::vector<Ring>& rings, int width, int height, Span span) {
    struct Edge {
        glm::vec2 a, b;  // as in the ring, so that the crossing is computed exactly as before
        int y0, y1;      // rows whose centre y+0.5 lies in [min(a.y, b.y), max(a.y, b.y))
    };
    // First row whose centre is at or above `v` (exact in float: rounding checked both ways).
    auto firstRowAtOrAbove = [height](float v) {
        if (!(v > 0.0f)) return 0;  // also NaN-safe
        if (v > static_cast<float>(height)) return height;
        int y = static_cast<int>(std::ceil(v - 0.5f));
        while (y > 0 && static_cast<float>(y - 1) + 0.5f >= v) --y;
        while (y < height && static_cast<float>(y) + 0.5f < v) ++y;
        return std::clamp(y, 0, height);
    };
    std::vector<Edge> edges;
    for (const Ring& ring : rings) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0; i < n; ++i) {
            const glm::vec2 a = ring[i];
            const glm::vec2 b = ring[(i + 1) % n];
            const int y0 = firstRowAtOrAbove(std::min(a.y, b.y));
            const int y1 = firstRowAtOrAbove(std::max(a.y, b.y));
            if (y0 < y1) edges.push_back({a, b, y0, y1});
        }
    }
    if (edges.empty()) return;
    std::sort(edges.begin(), edges.end(), [](const Edge& l, const Edge& r) { return l.y0 < r.y0; });
    std::vector<const Edge*> active;
    std::vector<float> xs;
    std::size_t next = 0;
    for (int y = edges.front().y0; y < height && (next < edges.size() || !active.empty()); ++y) {
        while (next < edges.size() && edges[next].y0 == y) active.push_back(&edges[next++]);
        active.erase(std::remove_if(active.begin(), active.end(),
                                    [y](const Edge* e) { return e->y1 <= y; }),
                     active.end());
        const float yc = static_cast<float>(y) + 0.5f;
        xs.clear();
        for (const Edge* e : active) {
            const glm::vec2 a = e->a;
            const glm::vec2 b = e->b;
            // Half-open rule: an edge counts when yc is in [min, max), so a cell centre on
            // an edge shared by two polygons belongs to exactly one of them.
            if ((a.y <= yc && yc < b.y) || (b.y <= yc && yc < a.y)) {
                xs.push_back(a.x + (yc - a.y) * (b.x - a.x) / (b.y - a.y));
            }
        }
        std::sort(xs.begin(), xs.end());
        for (std::size_t k = 0; k + 1 < xs.size(); k += 2) {
            // Cells whose centre x+0.5 lies in [xs[k], xs[k+1]).
            const int x0 = std::max(static_cast<int>(std::ceil(xs[k] - 0.5f)), 0);
            const int x1 = std::min(static_cast<int>(std::ceil(xs[k + 1] - 0.5f)), width);
            if (x0 < x1) span(y, x0, x1);
        }
    }
}

// Upper bound of the work forEachSpan does for `rings` on the grid: rows spanned by the edges
// plus the cells of the rings' bounding box (clipped to the grid).
std::uint64_t rasterCost(const std::vector<Ring>& rings, int width, int height) {
    float minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    double rows = 0;
    for (const Ring& ring : rings) {
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const glm::vec2 a = ring[i];
            const glm::vec2 b = ring[(i + 1) % ring.size()];
            rows += std::abs(static_cast<double>(a.y) - static_cast<double>(b.y)) + 1.0;
            minX = std::min(minX, a.x);
            maxX = std::max(maxX, a.x);
            minY = std::min(minY, a.y);
            maxY = std::max(maxY, a.y);
        }
    }
    if (!(minX <= maxX)) return 0;
    const double w = std::clamp(static_cast<double>(maxX), 0.0, static_cast<double>(width)) -
                     std::clamp(static_cast<double>(minX), 0.0, static_cast<double>(width)) + 1.0;
    const double h = std::clamp(static_cast<double>(maxY), 0.0, static_cast<double>(height)) -
                     std::clamp(static_cast<double>(minY), 0.0, static_cast<double>(height)) + 1.0;
    return static_cast<std::uint64_t>(rows + w * h);
}

}  // namespace

void rasterizeRings(const std::vector<Ring>& rings, int width, int height,
                    std::vector<std::uint8_t>& mask, std::uint8_t value) {
    forEachSpan(rings, width, height, [&](int y, int x0, int x1) {
        const auto row = static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
        std::fill(mask.begin() + static_cast<std::ptrdiff_t>(row + static_cast<std::size_t>(x0)),
                  mask.begin() + static_cast<std::ptrdiff_t>(row + static_cast<std::size_t>(x1)),
                  value);
    });
}

namespace {

constexpr int kMaxGrid = 4096;
constexpr std::size_t kMaxRingPoints = 100000;
// Bound on rasterizing one view's outline and regions, in cell visits per grid cell (see
// rasterCost; the adult-neutral template needs about 0.5). Keeps a 4096 x 4096 view under ~1 s.
constexpr std::uint64_t kMaxRasterWorkPerCell = 16;

Ring readRing(const JsonCursor& c, int width, int height) {
    const std::size_t n = c.arraySize(kMaxRingPoints);
    if (n < 3) c.fail(tr("a ring needs at least 3 points"));
    Ring ring;
    ring.reserve(n);
    const double margin = 1.0;
    const nlohmann::json& points = c.json();
    for (std::size_t i = 0; i < n; ++i) {
        // A valid point is read straight from the document; only a point that fails the checks
        // goes through a cursor, whose JSON path (built for every value) is what a message needs:
        // building it for each of a template's ~30,000 numbers took a quarter of the start-up.
        const nlohmann::json& pj = points[i];
        if (pj.is_array() && pj.size() == 2 && pj[0].is_number() && pj[1].is_number()) {
            const double x = pj[0].get<double>(), y = pj[1].get<double>();
            if (std::isfinite(x) && std::isfinite(y) && x >= -margin && x <= width + margin && y >= -margin &&
                y <= height + margin) {
                ring.emplace_back(static_cast<float>(x), static_cast<float>(y));
                continue;
            }
        }
        JsonCursor p = c.at(i);
        if (p.arraySize(2) != 2) p.fail(tr("a point is [x, y]"));
        auto x = static_cast<float>(p.at(std::size_t{0}).number(-margin, width + margin));
        auto y = static_cast<float>(p.at(std::size_t{1}).number(-margin, height + margin));
        ring.emplace_back(x, y);
    }
    return ring;
}

std::vector<Ring> readRings(const JsonCursor& c, int width, int height) {
    std::vector<Ring> rings;
    const std::size_t n = c.arraySize(10000);
    if (n == 0) c.fail(tr("at least one ring is needed"));
    for (std::size_t i = 0; i < n; ++i) rings.push_back(readRing(c.at(i), width, height));
    return rings;
}

// Body cells that no region polygon covers (a thin seam along polygon edges at most) take the
// label of the nearest labelled body cell, so that the labels tile the silhouette exactly.
void fillUncovered(std::vector<RegionIndex>& labels, const std::vector<std::uint8_t>& body,
                   int width, int height) {
    std::deque<std::size_t> queue;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] != kNoRegion) queue.push_back(i);
    }
    const int dx[4] = {1, -1, 0, 0};
    const int dy[4] = {0, 0, 1, -1};
    while (!queue.empty()) {
        const std::size_t i = queue.front();
        queue.pop_front();
        const int x = static_cast<int>(i % static_cast<std::size_t>(width));
        const int y = static_cast<int>(i / static_cast<std::size_t>(width));
        for (int k = 0; k < 4; ++k) {
            const int nx = x + dx[k];
            const int ny = y + dy[k];
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
            const std::size_t j = static_cast<std::size_t>(ny) * static_cast<std::size_t>(width) +
                                  static_cast<std::size_t>(nx);
            if (body[j] && labels[j] == kNoRegion) {
                labels[j] = labels[i];
                queue.push_back(j);
            }
        }
    }
}

void buildLabels(BodyTemplate& t, TemplateView& view) {
    const std::size_t cells = static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height);
    std::vector<std::uint8_t> body(cells, 0);
    rasterizeRings(view.outline, t.width, t.height, body);

    view.labels.assign(cells, kNoRegion);
    std::vector<std::uint8_t> hits(cells, 0);  // how many region polygons cover each cell
    TilingStats stats;
    for (int r : view.regions) {
        // Only the region's own spans are visited (they never overlap within one region), so
        // the cost is the region's area, not the grid's.
        forEachSpan(t.regions[static_cast<std::size_t>(r)].polygons, t.width, t.height,
                    [&](int y, int x0, int x1) {
                        const auto row = static_cast<std::size_t>(y) * static_cast<std::size_t>(t.width);
                        for (std::size_t i = row + static_cast<std::size_t>(x0);
                             i < row + static_cast<std::size_t>(x1); ++i) {
                            if (!body[i]) {
                                ++stats.outside;
                                continue;
                            }
                            if (hits[i] < 255) ++hits[i];
                            if (view.labels[i] == kNoRegion) view.labels[i] = static_cast<RegionIndex>(r);
                        }
                    });
    }
    for (std::size_t i = 0; i < cells; ++i) {
        if (!body[i]) continue;
        ++stats.bodyCells;
        if (hits[i] == 0) ++stats.uncovered;
        else if (hits[i] == 1) ++stats.exactlyOne;
        else ++stats.overlapping;
    }
    if (stats.uncovered > 0) fillUncovered(view.labels, body, t.width, t.height);
    view.tiling = stats;
    view.bodyCells = stats.bodyCells;
    view.labelRuns.clear();
    view.runLabels.clear();
    for (std::size_t i = 0; i < cells;) {
        const RegionIndex l = view.labels[i];
        std::size_t j = i + 1;
        while (j < cells && view.labels[j] == l) ++j;
        if (l != kNoRegion) {
            view.labelRuns.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j - i)});
            view.runLabels.push_back(l);
            t.regions[l].cellCount += static_cast<int>(j - i);
        }
        i = j;
    }
}

// Rasterizes each band of the view into its sorted list of body cells. A cell already taken by
// an earlier band of the same line stays with that band, so the bands of one line are disjoint
// and a line's cells are the concatenation of its bands' lists. Only the bands' own spans are
// visited: the cost is the bands' area, not bands x grid.
void buildBandCells(BodyTemplate& t, TemplateView& view) {
    if (view.bands.empty()) return;
    const std::size_t cells = static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height);
    view.lineBits.assign(cells, 0);
    for (int bi : view.bands) {
        FascialBand& band = t.bands[static_cast<std::size_t>(bi)];
        band.cells.clear();
        // Lines outside the catalogue have no bit: their bands keep every body cell they cover.
        const auto bit = static_cast<std::uint16_t>(band.lineIndex >= 0 ? 1u << band.lineIndex : 0u);
        forEachSpan(band.polygons, t.width, t.height, [&](int y, int x0, int x1) {
            const auto row = static_cast<std::size_t>(y) * static_cast<std::size_t>(t.width);
            for (std::size_t i = row + static_cast<std::size_t>(x0); i < row + static_cast<std::size_t>(x1); ++i) {
                if (view.labels[i] == kNoRegion) continue;  // body cells only
                if (bit) {
                    if (view.lineBits[i] & bit) continue;
                    view.lineBits[i] = static_cast<std::uint16_t>(view.lineBits[i] | bit);
                }
                band.cells.push_back(static_cast<std::uint32_t>(i));
            }
        });
        // Spans come row by row, left to right, so the list is already sorted.
        band.runs.clear();
        for (std::uint32_t c : band.cells) {
            if (!band.runs.empty() && band.runs.back().start + band.runs.back().length == c) {
                ++band.runs.back().length;
            } else {
                band.runs.push_back({c, 1});
            }
        }
    }
}

BodyTemplate parseTemplateJson(const JsonCursor& root) {
    BodyTemplate t;
    if (root.at("format").string() != "bodymap-template") {
        root.at("format").fail(tr("expected \"bodymap-template\""));
    }
    const auto formatVersion = root.at("formatVersion").integer(1, 1000000);
    if (formatVersion > 1) {
        root.at("formatVersion").fail(i18n::format(tr("written by a newer BodyMap (template format %lld); please update"),
                                                   static_cast<long long>(formatVersion)));
    }
    t.id = root.at("id").string(200);
    if (t.id.empty()) root.at("id").fail(tr("must not be empty"));
    t.version = static_cast<int>(root.at("version").integer(1, 1000000));
    t.name = root.at("name").string(200);
    JsonCursor grid = root.at("grid");
    t.width = static_cast<int>(grid.at("width").integer(8, kMaxGrid));
    t.height = static_cast<int>(grid.at("height").integer(8, kMaxGrid));

    JsonCursor views = root.at("views");
    if (views.arraySize(16) != kViewCount) views.fail(tr("expected exactly two views, front and back"));
    std::set<std::string> regionIds;
    std::set<std::string> bandIds;
    std::array<bool, kViewCount> seen{};
    for (std::size_t vi = 0; vi < kViewCount; ++vi) {
        JsonCursor vc = views.at(vi);
        JsonCursor idc = vc.at("id");
        auto vid = parseViewId(idc.string(32));
        if (!vid) idc.fail(tr("expected \"front\" or \"back\""));
        if (seen[static_cast<std::size_t>(*vid)]) idc.fail(tr("view listed twice"));
        seen[static_cast<std::size_t>(*vid)] = true;
        TemplateView& view = t.views[static_cast<std::size_t>(*vid)];
        view.id = *vid;
        view.label = vc.at("label").string(64);
        // The outline is one ring ([[x,y],...]) or a list of rings ([[[x,y],...],...]).
        JsonCursor outline = vc.at("outline");
        if (outline.arraySize(kMaxRingPoints) > 0 && outline.json()[0].is_array() &&
            !outline.json()[0].empty() && outline.json()[0][0].is_number()) {
            view.outline = {readRing(outline, t.width, t.height)};
        } else {
            view.outline = readRings(outline, t.width, t.height);
        }
        if (auto guides = vc.find("guides")) {
            const std::size_t n = guides->arraySize(1000);
            for (std::size_t i = 0; i < n; ++i) {
                JsonCursor g = guides->at(i);
                Guide guide;
                guide.id = g.at("id").string(200);
                guide.closed = g.at("closed").boolean();
                JsonCursor pts = g.at("points");
                if (pts.arraySize(kMaxRingPoints) < 2) pts.fail(tr("a guide needs at least 2 points"));
                for (std::size_t k = 0; k < pts.arraySize(); ++k) {
                    JsonCursor p = pts.at(k);
                    if (p.arraySize(2) != 2) p.fail(tr("a point is [x, y]"));
                    guide.points.emplace_back(
                        static_cast<float>(p.at(std::size_t{0}).number(-1.0, t.width + 1.0)),
                        static_cast<float>(p.at(std::size_t{1}).number(-1.0, t.height + 1.0)));
                }
                view.guides.push_back(std::move(guide));
            }
        }
        JsonCursor regions = vc.at("regions");
        const std::size_t nr = regions.arraySize(kNoRegion - 1);
        if (nr == 0) regions.fail(tr("a view needs at least one region"));
        for (std::size_t i = 0; i < nr; ++i) {
            JsonCursor rc = regions.at(i);
            Region r;
            r.view = *vid;
            r.id = rc.at("id").string(200);
            if (r.id.empty()) rc.at("id").fail(tr("must not be empty"));
            if (!regionIds.insert(r.id).second) rc.at("id").fail(i18n::format(tr("duplicate region id %s"), quoteForMessage(r.id).c_str()));
            r.name = rc.at("name").string(200);
            auto side = parseSide(rc.at("side").string(16));
            if (!side) rc.at("side").fail(tr("expected \"left\" or \"right\""));
            r.side = *side;
            if (auto w = rc.find("wpi")) {
                r.wpi = parseWpiArea(w->string(64));
                if (!r.wpi) w->fail(i18n::format(tr("unknown WPI area %s"), quoteForMessage(w->string(64)).c_str()));
            }
            if (auto g = rc.find("gp")) {
                r.gp = parseGpRegion(g->string(64));
                if (!r.gp) g->fail(i18n::format(tr("unknown generalized-pain region %s"), quoteForMessage(g->string(64)).c_str()));
            }
            // The gp field must agree with the 2016 criteria for the region's WPI area.
            std::optional<GpRegion> expected = r.wpi ? gpRegionOf(*r.wpi) : std::nullopt;
            if (r.gp != expected) {
                rc.fail(i18n::format(tr("generalized-pain region does not match WPI area (expected %s)"),
                                     std::string(expected ? gpRegionId(*expected) : "none").c_str()));
            }
            r.polygons = readRings(rc.at("polygons"), t.width, t.height);
            view.regions.push_back(static_cast<int>(t.regions.size()));
            t.regions.push_back(std::move(r));
        }
        // Regions are meant to tile the outline, so rasterizing them costs about one visit per
        // grid cell; a file whose polygons would cost far more (huge overlapping regions, or
        // rings zigzagging over all rows) is refused rather than keeping the app busy for minutes.
        std::uint64_t cost = rasterCost(view.outline, t.width, t.height);
        for (int r : view.regions) {
            cost += rasterCost(t.regions[static_cast<std::size_t>(r)].polygons, t.width, t.height);
        }
        const std::uint64_t gridCells =
            static_cast<std::uint64_t>(t.width) * static_cast<std::uint64_t>(t.height);
        const std::uint64_t limit = std::max<std::uint64_t>(kMaxRasterWorkPerCell * gridCells, 1u << 24);
        if (cost > limit) {
            regions.fail(i18n::format(tr("the region polygons are too large or complex to rasterize (about %llu times "
                                         "the grid's %llu cells, limit %llu times); regions must tile the outline"),
                                      static_cast<unsigned long long>(cost / gridCells),
                                      static_cast<unsigned long long>(gridCells),
                                      static_cast<unsigned long long>(limit / gridCells)));
        }
        if (auto bands = vc.find("fascialBands")) {
            const std::size_t nb = bands->arraySize(10000);
            for (std::size_t i = 0; i < nb; ++i) {
                JsonCursor bc = bands->at(i);
                FascialBand b;
                b.view = *vid;
                b.id = bc.at("id").string(200);
                if (!bandIds.insert(b.id).second) bc.at("id").fail(i18n::format(tr("duplicate band id %s"), quoteForMessage(b.id).c_str()));
                b.line = bc.at("line").string(16);
                b.name = bc.at("name").string(200);
                if (auto s = bc.find("side")) {
                    b.side = parseSide(s->string(16));
                    if (!b.side) s->fail(tr("expected \"left\" or \"right\""));
                }
                b.polygons = readRings(bc.at("polygons"), t.width, t.height);
                if (auto line = parseFascialLine(b.line)) b.lineIndex = static_cast<int>(*line);
                view.bands.push_back(static_cast<int>(t.bands.size()));
                t.bands.push_back(std::move(b));
            }
            // The same bound as for regions: bands may overlap (one layer per line), but a file
            // whose band polygons would take minutes to rasterize is refused.
            std::uint64_t bandCost = 0;
            for (int b : view.bands) {
                bandCost += rasterCost(t.bands[static_cast<std::size_t>(b)].polygons, t.width, t.height);
            }
            const std::uint64_t bandGrid =
                static_cast<std::uint64_t>(t.width) * static_cast<std::uint64_t>(t.height);
            const std::uint64_t bandLimit =
                std::max<std::uint64_t>(kMaxRasterWorkPerCell * bandGrid, 1u << 24);
            if (bandCost > bandLimit) {
                bands->fail(i18n::format(tr("the band polygons are too large or complex to rasterize (about %llu times "
                                             "the grid's cells, limit %llu times)"),
                                          static_cast<unsigned long long>(bandCost / bandGrid),
                                          static_cast<unsigned long long>(bandLimit / bandGrid)));
            }
        }
    }
    for (auto& view : t.views) {
        buildLabels(t, view);
        buildBandCells(t, view);
    }
    for (const auto& view : t.views) {
        if (view.bodyCells == 0) {
            root.fail(i18n::format(tr("view \"%s\": the outline encloses no cell"), std::string(viewId(view.id)).c_str()));
        }
    }
    return t;
}

}  // namespace

Result<BodyTemplate> parseTemplate(std::string_view text, const std::string& source) {
    auto json = parseJsonLimited(text, source, 16);
    if (!json) return Error{json.error()};
    try {
        return parseTemplateJson(JsonCursor(json.value(), ""));
    } catch (const JsonPathError& e) {
        return Error{printableForMessage(source) + ": " + e.what()};
    } catch (const std::exception& e) {
        // bad_alloc or length_error on a hostile template, an nlohmann exception from a value
        // the checks missed: still an Error naming the file, never an exception out of maps/.
        return Error{i18n::format(tr("%s: cannot read: %s"), printableForMessage(source).c_str(),
                                  printableForMessage(e.what(), 200).c_str())};
    }
}

Result<BodyTemplate> loadTemplate(const std::string& path) {
    auto text = readFileLimited(path, 16u << 20);
    if (!text) return Error{text.error()};
    return parseTemplate(text.value(), path);
}

}  // namespace bodymap::maps
