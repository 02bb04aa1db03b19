// Metrics of one pain map (see metrics.h and METRICS.md).
#include "maps/metrics.h"

#include "maps/fascial_lines.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <sstream>

namespace bodymap::maps {

std::string describeRule(const PainfulAreaRule& rule) {
    std::ostringstream s;
    s << "an area counts as painful when at least " << rule.minCells << " of its cells or "
      << rule.minShare * 100.0 << "% of its cells are painted (intensity >= 1)";
    return s.str();
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

constexpr std::uint64_t kLow = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x8080808080808080ull;

// Byte-wise max of two words whose bytes are < 128.
inline std::uint64_t byteMax(std::uint64_t a, std::uint64_t b) {
    const std::uint64_t ge = (((a | kHigh) - b) & kHigh) >> 7;  // 1 in bytes where a >= b
    const std::uint64_t mask = ge * 0xFF;
    return (a & mask) | (b & ~mask);
}
inline int popcount64(std::uint64_t x) { return __builtin_popcountll(x); }

// One pass over a view. Unpainted cells are skipped eight at a time (most of a map is blank).
// The figures of a run of cells with the same label are kept in registers and flushed when the
// label changes, so the loop has no store-to-load chain through memory; eight cells that share
// the current label are added at once with byte-parallel (SWAR) arithmetic on 64-bit words.
void accumulateView(const ViewLayer& layer, const std::vector<RegionIndex>& labels,
                    std::vector<CellStats>& regions, std::array<int, kQualityCount>& qualityCells) {
    const std::size_t n = std::min(labels.size(), layer.intensity.size());
    const std::uint8_t* in = layer.intensity.data();
    const std::uint8_t* qu = layer.qualities.data();
    const RegionIndex* lab = labels.data();
    std::array<int, kQualityCount> qc{};

    RegionIndex cur = kNoRegion;
    int cnt = 0, mx = 0;
    std::int64_t sum = 0;
    unsigned qor = 0;
    std::uint64_t maxWord = 0;  // byte-wise max of the run's 8-cell blocks
    auto flush = [&] {
        for (int b = 0; b < 8; ++b) mx = std::max(mx, static_cast<int>((maxWord >> (8 * b)) & 0xFF));
        if (cur != kNoRegion && cnt > 0) {
            CellStats& r = regions[cur];
            r.paintedCells += cnt;
            r.intensitySum += sum;
            r.maxIntensity = std::max(r.maxIntensity, mx);
            r.qualities = static_cast<std::uint8_t>(r.qualities | qor);
        }
        cnt = 0;
        mx = 0;
        sum = 0;
        qor = 0;
        maxWord = 0;
    };

    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, in + i, sizeof word);
            if (word == 0) {
                i += 8;
                continue;
            }
            std::uint64_t l0, l1;
            std::memcpy(&l0, lab + i, sizeof l0);
            std::memcpy(&l1, lab + i + 4, sizeof l1);
            const std::uint64_t curWord = static_cast<std::uint64_t>(cur) * 0x0001000100010001ull;
            if (cur != kNoRegion && l0 == curWord && l1 == curWord && (word & kHigh) == 0 &&
                ((word + 0x7575757575757575ull) & kHigh) == 0) {
                // All eight in the current region and every byte <= 10 (checked in two steps so
                // that no carry crosses bytes); otherwise the cell-by-cell loop below handles them.
                std::uint64_t q;
                std::memcpy(&q, qu + i, sizeof q);
                const std::uint64_t painted = ((word + 0x7F7F7F7F7F7F7F7Full) & kHigh) >> 7;
                q &= painted * 0xFF;  // qualities count on painted cells only
                cnt += popcount64(painted);
                sum += static_cast<std::int64_t>((word * kLow) >> 56);  // byte sum <= 80
                maxWord = byteMax(maxWord, word);
                std::uint64_t qo = q;
                qo |= qo >> 32;
                qo |= qo >> 16;
                qo |= qo >> 8;
                qor |= static_cast<unsigned>(qo & 0xFF);
                for (std::size_t b = 0; b < kQualityCount; ++b) qc[b] += popcount64(q & (kLow << b));
                i += 8;
                continue;
            }
        }
        const std::size_t end = std::min(n, i + 8);
        for (; i < end; ++i) {
            const unsigned v = in[i];
            if (v == 0) continue;
            const RegionIndex l = lab[i];
            if (l != cur) {
                flush();
                cur = l;
            }
            if (l == kNoRegion) continue;  // paint outside the body is ignored
            const unsigned q = qu[i];
            ++cnt;
            sum += v;
            mx = std::max(mx, static_cast<int>(v));
            qor |= q;
            for (std::size_t b = 0; b < kQualityCount; ++b) qc[b] += static_cast<int>((q >> b) & 1u);
        }
    }
    flush();
    for (std::size_t b = 0; b < kQualityCount; ++b) qualityCells[b] += qc[b];
}

// Band cell lists are sorted and, within a view, disjoint for one line, so a line's painted
// cells are the sum over its bands: no union has to be built.
FascialMetrics fascialMetrics(const PainMap& map, const BodyTemplate& t, int paintedTotal) {
    FascialMetrics f;
    std::map<std::string, std::size_t> slot;
    std::array<bool, kFascialLineCount> known{};
    std::vector<std::string> others;
    for (const FascialBand& b : t.bands) {
        if (b.lineIndex >= 0) known[static_cast<std::size_t>(b.lineIndex)] = true;
        else if (std::find(others.begin(), others.end(), b.line) == others.end()) others.push_back(b.line);
    }
    std::sort(others.begin(), others.end());
    for (const FascialLineInfo& info : fascialLines()) {
        if (!known[static_cast<std::size_t>(info.line)]) continue;
        slot[std::string(info.id)] = f.lines.size();
        f.lines.push_back({std::string(info.id), std::string(info.name)});
    }
    for (const std::string& line : others) {
        slot[line] = f.lines.size();
        f.lines.push_back({line, line});
    }
    // Band cells per line (fixed by the template), then the painted cells on each line in one
    // pass over the painted cells only, using the per-cell line bits: the cost follows the
    // painted area, not the band area.
    std::array<std::size_t, kFascialLineCount> lineSlot{};
    lineSlot.fill(SIZE_MAX);
    for (const FascialBand& b : t.bands) {
        const std::size_t sl = slot[b.line];
        f.lines[sl].bandCells += static_cast<int>(b.cells.size());
        if (b.lineIndex >= 0) lineSlot[static_cast<std::size_t>(b.lineIndex)] = sl;
    }
    bool bitsCoverAllBands = true;  // bands on lines outside the catalogue have no line bit
    std::size_t bandCellsTotal = 0;
    for (const FascialBand& b : t.bands) {
        bitsCoverAllBands &= b.lineIndex >= 0;
        bandCellsTotal += b.cells.size();
    }
    // Few painted cells: walk the painted cells and their line bits. Much paint: walking the
    // band cell lists is cheaper (a fixed cost of one gather per band cell).
    const bool walkPainted = bitsCoverAllBands &&
                             static_cast<std::size_t>(paintedTotal) * 2 < bandCellsTotal;
    if (!walkPainted) bitsCoverAllBands = false;  // use the band lists for every band below
    std::array<int, kFascialLineCount> painted{};
    std::array<std::int64_t, kFascialLineCount> sums{};
    for (ViewId v : kViews) {
        if (!walkPainted) break;
        const auto& bits = t.view(v).lineBits;
        const auto& intensity = map.layer(v).intensity;
        if (bits.empty() || bits.size() != intensity.size()) continue;
        const std::uint8_t* in = intensity.data();
        const std::size_t n = intensity.size();
        for (std::size_t i = 0; i < n; ++i) {
            if ((i & 7) == 0 && i + 8 <= n) {
                std::uint64_t word;
                std::memcpy(&word, in + i, sizeof word);
                if (word == 0) {
                    i += 7;
                    continue;
                }
            }
            const unsigned val = in[i];
            if (val == 0) continue;
            unsigned lb = bits[i];
            while (lb) {
                const int l = __builtin_ctz(lb);
                lb &= lb - 1;
                ++painted[static_cast<std::size_t>(l)];
                sums[static_cast<std::size_t>(l)] += val;
            }
        }
    }
    for (std::size_t l = 0; l < kFascialLineCount; ++l) {
        if (lineSlot[l] == SIZE_MAX) continue;
        f.lines[lineSlot[l]].paintedCells += painted[l];
        f.lines[lineSlot[l]].intensitySum += sums[l];
    }
    if (!bitsCoverAllBands) {
        for (const FascialBand& b : t.bands) {
            if (walkPainted && b.lineIndex >= 0) continue;
            FascialLineMetrics& lm = f.lines[slot[b.line]];
            const std::uint8_t* in = map.layer(b.view).intensity.data();
            const std::size_t n = map.layer(b.view).intensity.size();
            for (std::uint32_t c : b.cells) {
                if (c >= n) break;
                const unsigned v = in[c];
                if (v == 0) continue;
                ++lm.paintedCells;
                lm.intensitySum += v;
            }
        }
    }
    for (FascialLineMetrics& lm : f.lines) {
        lm.sharePct = extentPct(lm.paintedCells, paintedTotal);
    }
    for (const FascialTag& tag : map.tags) {
        ++f.tags;
        for (std::size_t k = 0; k < kTagKindCount; ++k) {
            if (tag.kinds & static_cast<std::uint8_t>(kTagKinds[k])) ++f.tagsByKind[k];
        }
        const int b = t.bandIndex(tag.bandId);
        if (b >= 0) ++f.lines[slot[t.bands[static_cast<std::size_t>(b)].line]].tags;
    }
    return f;
}

}  // namespace

Status checkMapOnTemplate(const PainMap& map, const BodyTemplate& t) {
    if (map.templateId() != t.id) {
        return Error{"map drawn on template \"" + map.templateId() + "\", not \"" + t.id + "\""};
    }
    if (map.width() != t.width || map.height() != t.height) {
        return Error{"map grid " + std::to_string(map.width()) + " x " +
                     std::to_string(map.height()) + " does not match template " + t.id};
    }
    for (ViewId v : kViews) {
        if (map.layer(v).intensity.size() != map.cellCount() ||
            map.layer(v).qualities.size() != map.cellCount()) {
            return Error{"map raster size does not match its grid"};
        }
    }
    return Ok{};
}

Result<MapMetrics> computeMetrics(const PainMap& map, const BodyTemplate& t,
                                  const PainfulAreaRule& rule) {
    if (auto st = checkMapOnTemplate(map, t); !st) return Error{st.error()};
    MapMetrics m;
    m.rule = rule;
    m.regions.resize(t.regions.size());
    for (std::size_t r = 0; r < t.regions.size(); ++r) m.regions[r].bodyCells = t.regions[r].cellCount;

    for (ViewId v : kViews) {
        ViewMetrics& vm = m.views[static_cast<std::size_t>(viewIndex(v))];
        accumulateView(map.layer(v), t.view(v).labels, m.regions, vm.qualityCells);
    }

    // Everything else derives from the per-region figures.
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
        am.painful = areaCountsAsPainful(rule, am.cells.paintedCells, am.cells.bodyCells);
        if (!am.painful) continue;
        ++m.wpi;
        // Jaw, chest and abdomen have no generalized-pain region (2016 criteria).
        if (auto gp = gpRegionOf(static_cast<WpiArea>(a))) m.gpRegions[static_cast<std::size_t>(*gp)] = true;
    }
    m.generalizedPain = static_cast<int>(std::count(m.gpRegions.begin(), m.gpRegions.end(), true));
    m.symmetry.extentIndex = symmetryIndex(m.symmetry.left.extentPct(), m.symmetry.right.extentPct());
    m.symmetry.intensityIndex = symmetryIndex(m.symmetry.left.burden(), m.symmetry.right.burden());
    m.fascial = fascialMetrics(map, t, m.overall.cells.paintedCells);
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
    add("extent_pct", "Pain extent (% of body)", all.extentPct());
    for (ViewId v : kViews) {
        const CellStats& c = m.views[static_cast<std::size_t>(viewIndex(v))].cells;
        const std::string id(viewId(v));
        add(id + "_extent_pct", "Pain extent, " + id + " (% of view)", c.extentPct());
    }
    add("painted_cells", "Painted cells", all.paintedCells);
    add("mean_intensity", "Mean intensity (painted cells, 0-10)", all.meanIntensity());
    add("max_intensity", "Max intensity (0-10)", all.maxIntensity);
    add("pain_burden", "Pain burden (0-1)", all.burden());
    add("wpi", "WPI (0-19)", m.wpi);
    add("generalized_pain", "Generalized pain regions (0-5)", m.generalizedPain);
    for (std::size_t q = 0; q < kQualityCount; ++q) {
        const std::string id(qualityId(kQualities[q]));
        std::string key = id;
        std::replace(key.begin(), key.end(), '-', '_');
        add(key + "_extent_pct", std::string(qualityName(kQualities[q])) + " extent (% of body)",
            m.overall.qualityExtentPct(static_cast<int>(q)));
    }
    add("left_extent_pct", "Left side extent (% of left side)", m.symmetry.left.extentPct());
    add("right_extent_pct", "Right side extent (% of right side)", m.symmetry.right.extentPct());
    add("symmetry_index", "Left/right symmetry of extent (0-1)", m.symmetry.extentIndex);
    add("intensity_symmetry_index", "Left/right symmetry of burden (0-1)",
        m.symmetry.intensityIndex);
    add("fascial_tags", "Fascial tags", m.fascial.tags);
    return out;
}

}  // namespace bodymap::maps
