// Metrics of one pain map (see metrics.h and METRICS.md), from dense rasters or from a compact
// map's spans. The two paths only fill the per-region, per-view and per-band totals; everything
// derived from those is one function, so the two cannot drift apart.
//
// [SECTION] Rules as pure functions
// [SECTION] Dense path: the template's runs over the rasters, eight cells at a time
// [SECTION] Compact path: painted spans intersected with label runs and band runs
// [SECTION] Derived figures, shared by both paths
// [SECTION] Entry points and the scalar table
#include "maps/metrics.h"

#include "maps/i18n/i18n.h"

#include "maps/fascial_lines.h"
#include "maps/span_overlap.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <sstream>

namespace bodymap::maps {

// [SECTION] Rules as pure functions

std::string describeRule(const PainfulAreaRule& rule) {
    // TRANSLATORS: the rule a body area must meet to count as painful (WPI, generalized pain).
    return i18n::format(tr("an area counts as painful when at least %d of its cells or %g%% of its cells are "
                           "painted (intensity >= 1)"),
                        rule.minCells, rule.minShare * 100.0);
}

bool areaCountsAsPainful(const PainfulAreaRule& rule, int painted, int bodyCells) {
    if (painted <= 0) return false;
    if (painted >= rule.minCells) return true;
    // Compare in integers-as-doubles: painted >= share x body, no rounding of the threshold.
    return bodyCells > 0 && static_cast<double>(painted) >= rule.minShare * bodyCells;
}

double extentPct(std::int64_t painted, std::int64_t bodyCells) {
    return bodyCells > 0 ? 100.0 * static_cast<double>(painted) / static_cast<double>(bodyCells)
                         : 0.0;
}

double painBurden(std::int64_t intensitySum, std::int64_t bodyCells) {
    return bodyCells > 0 ? static_cast<double>(intensitySum) /
                               (static_cast<double>(kMaxIntensity) * static_cast<double>(bodyCells))
                         : 0.0;
}

double meanIntensity(std::int64_t intensitySum, std::int64_t painted) {
    return painted > 0 ? static_cast<double>(intensitySum) / static_cast<double>(painted) : 0.0;
}

std::optional<double> symmetryIndex(double left, double right) {
    const double total = left + right;
    if (!(total > 0.0)) return std::nullopt;
    return 1.0 - std::abs(left - right) / total;
}

void CellStats::add(const CellStats& o) {
    bodyCells += o.bodyCells;
    paintedCells += o.paintedCells;
    intensitySum += o.intensitySum;
    maxIntensity = std::max(maxIntensity, o.maxIntensity);
    qualities = static_cast<std::uint8_t>(qualities | o.qualities);
}

namespace {

// [SECTION] Dense path: the template's runs over the rasters, eight cells at a time

constexpr std::uint64_t kLow = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x8080808080808080ull;
constexpr std::uint64_t kEvenBytes = 0x00FF00FF00FF00FFull;

// Byte-wise max of two words whose bytes are < 128.
inline std::uint64_t byteMax(std::uint64_t a, std::uint64_t b) {
    const std::uint64_t ge = (((a | kHigh) - b) & kHigh) >> 7;  // 1 in bytes where a >= b
    const std::uint64_t mask = ge * 0xFF;
    return (a & mask) | (b & ~mask);
}
// The eight bytes of a word added in pairs: four 16-bit lanes, each <= 510.
inline std::uint64_t pairSums(std::uint64_t w) { return (w & kEvenBytes) + ((w >> 8) & kEvenBytes); }
// Sum of the four 16-bit lanes of a word.
inline std::int64_t laneTotal(std::uint64_t lanes) {
    const std::uint64_t halves = (lanes & 0x0000FFFF0000FFFFull) + ((lanes >> 16) & 0x0000FFFF0000FFFFull);
    return static_cast<std::int64_t>((halves & 0xFFFFFFFFull) + (halves >> 32));
}

// Figures of the painted cells (intensity >= 1) of one span of cells.
struct SpanTotals {
    int painted = 0;
    std::int64_t sum = 0;
    int max = 0;
    unsigned qualities = 0;                         // OR of the qualities bytes
    std::array<int, kQualityCount> qualityCells{};  // painted cells with each quality bit
};

// Adds the painted cells of in[0, len) (and their qualities qu[0, len) when kWithQualities) to
// `t`. `readable` >= len bytes may be read from in and qu, so the last partial block of a span
// is read as a whole word and masked when it fits. Eight cells are added at once with
// byte-parallel (SWAR) arithmetic on 64-bit words; per-byte counters live in registers and are
// reduced once per span (or every 255 blocks, before a byte could overflow). A block with a
// byte >= 128 (never in a valid map, whose intensities are 0..10) is added cell by cell.
// Plain shifts and multiplies only: the baseline x86-64 target has no POPCNT instruction, and
// __builtin_popcountll became a libgcc call that cost a third of the time of a full map.
template <bool kWithQualities>
void addSpan(const std::uint8_t* in, const std::uint8_t* qu, std::size_t len, std::size_t readable,
             SpanTotals& t) {
    static_assert(kQualityCount == 5, "one counter word per quality bit below");
    auto addCells = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k) {
            const unsigned v = in[k];
            if (v == 0) continue;
            ++t.painted;
            t.sum += v;
            t.max = std::max(t.max, static_cast<int>(v));
            if constexpr (kWithQualities) {
                const unsigned q = qu[k];
                t.qualities |= q;
                for (std::size_t b = 0; b < kQualityCount; ++b) t.qualityCells[b] += static_cast<int>((q >> b) & 1u);
            }
        }
    };
    std::uint64_t maxWord = 0;
    std::uint64_t qorWord = 0;
    constexpr std::size_t kChunk = 255 * 8;  // a byte counter grows by at most 1 per block
    for (std::size_t c0 = 0; c0 < len; c0 += kChunk) {
        const std::size_t c1 = std::min(len, c0 + kChunk);
        std::uint64_t paintedBytes = 0;  // per byte: painted cells seen
        std::uint64_t sumLanes = 0;      // per 16-bit lane: intensity sum, <= 254 per block
        std::uint64_t q0 = 0, q1 = 0, q2 = 0, q3 = 0, q4 = 0;  // per byte: cells with quality bit b
        for (std::size_t i = c0; i < c1; i += 8) {
            std::uint64_t keep = ~0ull;  // bytes of the word inside the span
            if (c1 - i < 8) {
                if (i + 8 > readable) {
                    addCells(i, c1);
                    break;
                }
                keep = (1ull << (8 * (c1 - i))) - 1;
            }
            std::uint64_t word;
            std::memcpy(&word, in + i, sizeof word);
            word &= keep;
            if (word == 0) continue;
            if (word & kHigh) {
                addCells(i, std::min(c1, i + 8));
                continue;
            }
            const std::uint64_t painted = ((word + 0x7F7F7F7F7F7F7F7Full) & kHigh) >> 7;  // 1 per painted byte
            paintedBytes += painted;
            sumLanes += pairSums(word);
            maxWord = byteMax(maxWord, word);
            if constexpr (kWithQualities) {
                std::uint64_t q;
                std::memcpy(&q, qu + i, sizeof q);
                q &= painted * 0xFF;  // qualities count on painted cells only
                qorWord |= q;
                q0 += q & kLow;
                q1 += (q >> 1) & kLow;
                q2 += (q >> 2) & kLow;
                q3 += (q >> 3) & kLow;
                q4 += (q >> 4) & kLow;
            }
        }
        if (paintedBytes == 0) continue;
        t.painted += static_cast<int>(laneTotal(pairSums(paintedBytes)));
        t.sum += laneTotal(sumLanes);
        if constexpr (kWithQualities) {
            const std::uint64_t counters[kQualityCount] = {q0, q1, q2, q3, q4};
            for (std::size_t b = 0; b < kQualityCount; ++b) {
                t.qualityCells[b] += static_cast<int>(laneTotal(pairSums(counters[b])));
            }
        }
    }
    if (maxWord == 0) return;  // nothing painted in whole words (single cells are already in t)
    for (int b = 0; b < 8; ++b) t.max = std::max(t.max, static_cast<int>((maxWord >> (8 * b)) & 0xFF));
    if constexpr (kWithQualities) {
        for (int b = 0; b < 8; ++b) t.qualities |= static_cast<unsigned>((qorWord >> (8 * b)) & 0xFF);
    }
}

// One pass over the body of a view, run by run: each of the template's label runs is one span of
// one region, so no label is read per cell and the background is never visited (paint outside
// the body is ignored). Out of line: inlined into computeMetrics beside the derived figures, the
// eight-cells-at-a-time loop lost registers and took 6% more instructions per map (callgrind).
[[gnu::noinline]] void accumulateView(const ViewLayer& layer, const TemplateView& view,
                                      std::vector<CellStats>& regions,
                                      std::array<int, kQualityCount>& qualityCells) {
    const std::size_t n = std::min(layer.intensity.size(), layer.qualities.size());
    const std::uint8_t* in = layer.intensity.data();
    const std::uint8_t* qu = layer.qualities.data();
    for (std::size_t k = 0; k < view.labelRuns.size(); ++k) {
        const CellRun run = view.labelRuns[k];
        if (run.start >= n) break;
        const std::size_t len = std::min<std::size_t>(run.length, n - run.start);
        SpanTotals s;
        addSpan<true>(in + run.start, qu + run.start, len, n - run.start, s);
        if (s.painted == 0) continue;
        CellStats& r = regions[view.runLabels[k]];
        r.paintedCells += s.painted;
        r.intensitySum += s.sum;
        r.maxIntensity = std::max(r.maxIntensity, s.max);
        r.qualities = static_cast<std::uint8_t>(r.qualities | s.qualities);
        for (std::size_t b = 0; b < kQualityCount; ++b) qualityCells[b] += s.qualityCells[b];
    }
}

// The painted cells of one fascial band and the sum of their intensities: all a path measures of
// a band; the lines' figures derive from these (fascialMetrics).
struct BandPaint {
    int painted = 0;
    std::int64_t sum = 0;
};

// The painted cells of each band, summed over its runs of consecutive cells, eight at a time.
std::vector<BandPaint> bandPaint(const PainMap& map, const BodyTemplate& t) {
    std::vector<BandPaint> out(t.bands.size());
    for (std::size_t b = 0; b < t.bands.size(); ++b) {
        const FascialBand& band = t.bands[b];
        const ViewLayer& layer = map.layer(band.view);
        const std::size_t n = layer.intensity.size();
        SpanTotals s;
        for (const CellRun run : band.runs) {
            if (run.start >= n) break;
            addSpan<false>(layer.intensity.data() + run.start, nullptr,
                           std::min<std::size_t>(run.length, n - run.start), n - run.start, s);
        }
        out[b] = {s.painted, s.sum};
    }
    return out;
}

// [SECTION] Compact path: painted spans intersected with label runs and band runs

// The rule of the intersection (the dense pass's rule, restated for spans): a body cell belongs
// to the region of the label run that covers it, and the background is in no run, so paint there
// is never met; a cell is painted when an intensity span of value >= 1 covers it (every other
// cell is 0); its qualities are the value of the quality span covering it, and count only where
// the cell is painted, as the dense pass masks them. So a region's figures are sums over the
// PIECES where an intensity span overlaps one of its label runs: a piece of n cells of value v
// adds n painted cells, n x v to the sum and v to the max, and each quality span overlapping the
// piece on n' cells adds its bits to the union and n' cells to each of its bits. Pieces come in
// cell order, so one forward cursor over the quality spans serves them all. Every figure is an
// integer count or sum, so the order of the additions cannot change a bit of what derives from it.
void accumulateSpans(const CompactLayer& layer, const TemplateView& view,
                     std::vector<CellStats>& regions,
                     std::array<int, kQualityCount>& qualityCells) {
    const SpanList& intensity = layer.intensity;
    const SpanList& qualities = layer.qualities;
    std::size_t qualityCursor = 0;
    // Painted cells per set of the five quality bits, split into bits once at the end: a piece
    // costs one addition instead of a test per bit (a map of one-cell spans has 340,000 pieces).
    std::array<int, kAllQualities + 1> cellsBySet{};
    auto addPiece = [&](std::size_t i, std::size_t k, std::uint32_t lo, std::uint32_t hi) {
        const std::uint8_t v = intensity[i].value;
        // Spans hold non-zero values; a 0 from elsewhere is no pain, as in the dense pass.
        if (v == 0) return;
        CellStats& r = regions[view.runLabels[k]];
        const int n = static_cast<int>(hi - lo);
        r.paintedCells += n;
        r.intensitySum += static_cast<std::int64_t>(v) * n;
        r.maxIntensity = std::max(r.maxIntensity, static_cast<int>(v));
        auto addQualities = [&](std::size_t j, std::uint32_t qlo, std::uint32_t qhi) {
            const std::uint8_t q = qualities[j].value;
            r.qualities = static_cast<std::uint8_t>(r.qualities | q);
            cellsBySet[q & kAllQualities] += static_cast<int>(qhi - qlo);
        };
        forEachOverlapIn(qualities, qualityCursor, lo, hi, addQualities);
    };
    forEachOverlap(intensity, view.labelRuns, addPiece);
    for (std::size_t set = 1; set < cellsBySet.size(); ++set) {
        for (std::size_t b = 0; b < kQualityCount; ++b) {
            if ((set >> b) & 1u) qualityCells[b] += cellsBySet[set];
        }
    }
}

// A band is the same walk against the band's runs instead of the label runs, without qualities:
// forEachOverlap skips the spans above and below the band's rows in O(log) steps.
std::vector<BandPaint> bandPaint(const CompactMap& map, const BodyTemplate& t) {
    std::vector<BandPaint> out(t.bands.size());
    for (std::size_t b = 0; b < t.bands.size(); ++b) {
        const FascialBand& band = t.bands[b];
        const SpanList& intensity = map.layer(band.view).intensity;
        BandPaint& p = out[b];
        auto addPiece = [&](std::size_t i, std::size_t, std::uint32_t lo, std::uint32_t hi) {
            const std::uint8_t v = intensity[i].value;
            if (v == 0) return;
            const int n = static_cast<int>(hi - lo);
            p.painted += n;
            p.sum += static_cast<std::int64_t>(v) * n;
        };
        forEachOverlap(intensity, band.runs, addPiece);
    }
    return out;
}

// [SECTION] Derived figures, shared by both paths

// Band cell lists are sorted and, within a view, disjoint for one line, so a line's painted
// cells are the sum over its bands: no union has to be built.
FascialMetrics fascialMetrics(const BodyTemplate& t, const std::vector<BandPaint>& bands,
                              const std::vector<FascialTag>& tags, int paintedTotal) {
    FascialMetrics f;
    std::array<bool, kFascialLineCount> known{};
    std::vector<std::string> others;  // lines outside the catalogue, by name
    for (const FascialBand& b : t.bands) {
        if (b.lineIndex >= 0) known[static_cast<std::size_t>(b.lineIndex)] = true;
        else if (std::find(others.begin(), others.end(), b.line) == others.end()) others.push_back(b.line);
    }
    std::sort(others.begin(), others.end());
    // Where each band's line is in f.lines: a catalogued line by its index, another by name. (A
    // map keyed by the line's name, looked up per band, cost a sixth of a sparse map's metrics.)
    std::array<std::size_t, kFascialLineCount> catalogued{};
    for (const FascialLineInfo& info : fascialLines()) {
        if (!known[static_cast<std::size_t>(info.line)]) continue;
        catalogued[static_cast<std::size_t>(info.line)] = f.lines.size();
        f.lines.push_back({std::string(info.id), std::string(info.name)});
    }
    const std::size_t firstOther = f.lines.size();
    for (const std::string& line : others) f.lines.push_back({line, line});
    auto lineOf = [&](const FascialBand& b) -> FascialLineMetrics& {
        if (b.lineIndex >= 0) return f.lines[catalogued[static_cast<std::size_t>(b.lineIndex)]];
        const auto at = std::lower_bound(others.begin(), others.end(), b.line) - others.begin();
        return f.lines[firstOther + static_cast<std::size_t>(at)];
    };
    // Band cells per line are fixed by the template; the painted cells come from the path.
    for (std::size_t b = 0; b < t.bands.size(); ++b) {
        FascialLineMetrics& lm = lineOf(t.bands[b]);
        lm.bandCells += static_cast<int>(t.bands[b].cells.size());
        lm.paintedCells += bands[b].painted;
        lm.intensitySum += bands[b].sum;
    }
    for (FascialLineMetrics& lm : f.lines) {
        lm.sharePct = extentPct(lm.paintedCells, paintedTotal);
    }
    for (const FascialTag& tag : tags) {
        ++f.tags;
        for (std::size_t k = 0; k < kTagKindCount; ++k) {
            if (tag.kinds & static_cast<std::uint8_t>(kTagKinds[k])) ++f.tagsByKind[k];
        }
        const int b = t.bandIndex(tag.bandId);
        if (b >= 0) ++lineOf(t.bands[static_cast<std::size_t>(b)]).tags;
    }
    return f;
}

// The metrics before any cell is read: the rule, and every region's body cells.
MapMetrics startMetrics(const BodyTemplate& t, const PainfulAreaRule& rule) {
    MapMetrics m;
    m.rule = rule;
    m.regions.resize(t.regions.size());
    for (std::size_t r = 0; r < t.regions.size(); ++r) m.regions[r].bodyCells = t.regions[r].cellCount;
    return m;
}

// Everything else, from what a path measured: the regions' figures and each view's quality
// cells in `m`, and the painted cells of each band.
void deriveMetrics(MapMetrics& m, const BodyTemplate& t, const std::vector<BandPaint>& bands,
                   const std::vector<FascialTag>& tags) {
    for (ViewId v : kViews) {
        ViewMetrics& vm = m.views[static_cast<std::size_t>(viewIndex(v))];
        for (int r : t.view(v).regions) vm.cells.add(m.regions[static_cast<std::size_t>(r)]);
        m.overall.cells.add(vm.cells);
        for (std::size_t q = 0; q < kQualityCount; ++q) m.overall.qualityCells[q] += vm.qualityCells[q];
    }
    for (std::size_t r = 0; r < t.regions.size(); ++r) {
        const Region& reg = t.regions[r];
        const CellStats& s = m.regions[r];
        if (reg.wpi) m.wpiAreas[static_cast<std::size_t>(*reg.wpi)].cells.add(s);
        (reg.side == Side::Left ? m.symmetry.left : m.symmetry.right).add(s);
    }
    for (std::size_t a = 0; a < kWpiAreaCount; ++a) {
        WpiAreaMetrics& am = m.wpiAreas[a];
        am.painful = areaCountsAsPainful(m.rule, am.cells.paintedCells, am.cells.bodyCells);
        if (!am.painful) continue;
        ++m.wpi;
        // Jaw, chest and abdomen have no generalized-pain region (2016 criteria).
        if (auto gp = gpRegionOf(static_cast<WpiArea>(a))) m.gpRegions[static_cast<std::size_t>(*gp)] = true;
    }
    m.generalizedPain = static_cast<int>(std::count(m.gpRegions.begin(), m.gpRegions.end(), true));
    m.symmetry.extentIndex = symmetryIndex(m.symmetry.left.extentPct(), m.symmetry.right.extentPct());
    m.symmetry.intensityIndex = symmetryIndex(m.symmetry.left.burden(), m.symmetry.right.burden());
    m.fascial = fascialMetrics(t, bands, tags, m.overall.cells.paintedCells);
}

// The template and grid half of checkMapOnTemplate, the same for both forms of a map.
Status checkTemplateAndGrid(const std::string& templateId, int width, int height,
                            const BodyTemplate& t) {
    if (templateId != t.id) {
        return Error{i18n::format(tr("map drawn on template \"%s\", not \"%s\""),
                                  templateId.c_str(), t.id.c_str())};
    }
    if (width != t.width || height != t.height) {
        return Error{i18n::format(tr("map grid %d x %d does not match template %s"), width, height,
                                  t.id.c_str())};
    }
    return Ok{};
}

}  // namespace

// [SECTION] Entry points and the scalar table

Status checkMapOnTemplate(const PainMap& map, const BodyTemplate& t) {
    if (auto st = checkTemplateAndGrid(map.templateId(), map.width(), map.height(), t); !st)
        return st;
    for (ViewId v : kViews) {
        if (map.layer(v).intensity.size() != map.cellCount() ||
            map.layer(v).qualities.size() != map.cellCount()) {
            return Error{tr("map raster size does not match its grid")};
        }
    }
    return Ok{};
}

Result<MapMetrics> computeMetrics(const PainMap& map, const BodyTemplate& t,
                                  const PainfulAreaRule& rule) {
    if (auto st = checkMapOnTemplate(map, t); !st) return Error{st.error()};
    MapMetrics m = startMetrics(t, rule);
    for (ViewId v : kViews) {
        ViewMetrics& vm = m.views[static_cast<std::size_t>(viewIndex(v))];
        accumulateView(map.layer(v), t.view(v), m.regions, vm.qualityCells);
    }
    deriveMetrics(m, t, bandPaint(map, t), map.tags);
    return m;
}

Status checkMapOnTemplate(const CompactMap& map, const BodyTemplate& t) {
    if (auto st = checkTemplateAndGrid(map.templateId(), map.width(), map.height(), t); !st)
        return st;
    for (ViewId v : kViews) {
        // Spans out of order or past the grid are the compact form of a raster of the wrong size
        // (cells that are not where the grid says), and the walks would count them wrong: the
        // same refusal, in the same words.
        if (!runsInOrder(map.layer(v).intensity, map.cellCount()) ||
            !runsInOrder(map.layer(v).qualities, map.cellCount())) {
            return Error{tr("map raster size does not match its grid")};
        }
    }
    return Ok{};
}

Result<MapMetrics> computeMetrics(const CompactMap& map, const BodyTemplate& t,
                                  const PainfulAreaRule& rule) {
    if (auto st = checkMapOnTemplate(map, t); !st) return Error{st.error()};
    // The walk costs per span, the dense pass per cell: a map shredded into tiny spans (only a
    // made-up file is; a drawing has ~1,000) goes the dense way, which gives the same figures
    // (tests/maps/compact_metrics_tests.cpp) at a bounded cost.
    if (isShredded(map)) return computeMetrics(denseFrom(map), t, rule);
    MapMetrics m = startMetrics(t, rule);
    for (ViewId v : kViews) {
        ViewMetrics& vm = m.views[static_cast<std::size_t>(viewIndex(v))];
        accumulateSpans(map.layer(v), t.view(v), m.regions, vm.qualityCells);
    }
    deriveMetrics(m, t, bandPaint(map, t), map.tags);
    return m;
}

const FascialLineMetrics* FascialMetrics::find(const std::string& line) const {
    for (const FascialLineMetrics& l : lines) {
        if (l.line == line) return &l;
    }
    return nullptr;
}

std::vector<ScalarMetric> scalarMetrics(const MapMetrics& m) {
    std::vector<ScalarMetric> out;
    auto add = [&out](std::string key, std::string label, std::optional<double> v) {
        out.push_back({std::move(key), std::move(label), v});
    };
    const CellStats& all = m.overall.cells;
    // xgettext:no-c-format
    add("extent_pct", tr("Pain extent (% of body)"), all.extentPct());
    for (ViewId v : kViews) {
        const CellStats& c = m.views[static_cast<std::size_t>(viewIndex(v))].cells;
        const std::string id(viewId(v));
        // TRANSLATORS: a metric's label; %s is the view ("front" or "back").
        const char* view = v == ViewId::Front ? trc("metric view", "front") : trc("metric view", "back");
        add(id + "_extent_pct", i18n::format(tr("Pain extent, %s (%% of view)"), view), c.extentPct());
    }
    add("painted_cells", tr("Painted cells"), all.paintedCells);
    add("mean_intensity", tr("Mean intensity (painted cells, 0-10)"), all.meanIntensity());
    add("max_intensity", tr("Max intensity (0-10)"), all.maxIntensity);
    add("pain_burden", tr("Pain burden (0-1)"), all.burden());
    add("wpi", tr("WPI (0-19)"), m.wpi);
    add("generalized_pain", tr("Generalized pain regions (0-5)"), m.generalizedPain);
    for (std::size_t q = 0; q < kQualityCount; ++q) {
        const std::string id(qualityId(kQualities[q]));
        std::string key = id;
        std::replace(key.begin(), key.end(), '-', '_');
        // TRANSLATORS: a metric's label; %s is a pain quality ("Burning").
        add(key + "_extent_pct", i18n::format(tr("%s extent (%% of body)"), std::string(qualityName(kQualities[q])).c_str()),
            m.overall.qualityExtentPct(static_cast<int>(q)));
    }
    // xgettext:no-c-format
    add("left_extent_pct", tr("Left side extent (% of left side)"), m.symmetry.left.extentPct());
    // xgettext:no-c-format
    add("right_extent_pct", tr("Right side extent (% of right side)"), m.symmetry.right.extentPct());
    add("symmetry_index", tr("Left/right symmetry of extent (0-1)"), m.symmetry.extentIndex);
    add("intensity_symmetry_index", tr("Left/right symmetry of burden (0-1)"),
        m.symmetry.intensityIndex);
    add("fascial_tags", tr("Fascial tags"), m.fascial.tags);
    return out;
}

}  // namespace bodymap::maps
