// `bodymap compare`: loads two maps, runs maps::compareMaps and prints the result as text or
// JSON; optionally draws the difference map with render::renderDifference (see cli_compare.h).
#include "app/cli/compare.h"

#include "maps/i18n/i18n.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <optional>

#include <nlohmann/json.hpp>

#include "app/cli/stats.h"
#include "maps/comparison.h"
#include "maps/json_util.h"
#include "render/diff_image.h"

namespace bodymap::app {

namespace {

int compareUsage(std::ostream& err, const std::string& problem) {
    err << "bodymap compare: " << maps::printableForMessage(problem, 200) << "\n"
        << tr("Usage: bodymap compare [--templates DIR] A.json B.json [--json] [--png DIFF.png] [--width PX]") << "\n";
    return 2;
}

double rounded(double v) { return std::round(v * 1e4) / 1e4; }
nlohmann::json optionalNumber(const std::optional<double>& v) {
    return v ? nlohmann::json(rounded(*v)) : nlohmann::json(nullptr);
}
// Decimals for showing a metric: counts as integers, the rest with 2 (burden is shown as a
// percentage with 2, by the caller).
int digitsFor(const std::string& key) {
    if (key == "painted_cells" || key == "max_intensity" || key == "wpi" ||
        key == "generalized_pain" || key == "fascial_tags") {
        return 0;
    }
    return 2;
}
int cnt(const maps::ChangeCounts& c, maps::CellChange k) { return c[static_cast<std::size_t>(k)]; }

constexpr std::array<maps::CellChange, 5> kShown{maps::CellChange::New, maps::CellChange::Resolved,
                                                 maps::CellChange::Worse, maps::CellChange::Better,
                                                 maps::CellChange::Unchanged};

// Numbers for people: the language's decimal separator (the JSON keeps '.').
std::string num(double v, int digits) { return i18n::formatNumber(v, digits); }
std::string optNum(const std::optional<double>& v, int digits) { return v ? num(*v, digits) : std::string(tr("n/a")); }
std::string signedNum(double v, int digits) {
    const std::string s = num(v, digits);
    return (v >= 0 && s.find_first_not_of("0.,") != std::string::npos) ? "+" + s : s;
}

// The text of `compare` for people, in the command line's language.
void printText(std::ostream& out, const LoadedMap& a, const LoadedMap& b, const maps::Comparison& c,
               std::size_t maxRegions) {
    const maps::BodyTemplate& t = *a.tmpl;
    auto fileAndTime = [](const LoadedMap& m) {
        const std::string f = maps::printableForMessage(m.file);
        return m.map.info.visitTime.empty() ? f : i18n::format("%s (%s)", f.c_str(), m.map.info.visitTime.c_str());
    };
    // TRANSLATORS: `bodymap compare`: the earlier and the later map (file and visit time); keep the
    // arrow under the first file name.
    out << i18n::format(tr("Compare %s\n     -> %s"), fileAndTime(a).c_str(), fileAndTime(b).c_str()) << "\n";
    const auto n = [&](maps::CellChange k) { return static_cast<long long>(cnt(c.difference.counts, k)); };
    // TRANSLATORS: `bodymap compare`: cells by kind of change between the two maps.
    out << i18n::format(tr("Cells: new %lld, resolved %lld, worse %lld, better %lld, unchanged %lld"),
                        n(maps::CellChange::New), n(maps::CellChange::Resolved), n(maps::CellChange::Worse),
                        n(maps::CellChange::Better), n(maps::CellChange::Unchanged))
        << "\n";
    const std::string net = (c.difference.deltaSum > 0 ? "+" : "") + std::to_string(c.difference.deltaSum);
    out << i18n::format(trn("Amount of change: %lld intensity step in total (net %s)",
                            "Amount of change: %lld intensity steps in total (net %s)",
                            static_cast<unsigned long>(c.difference.absDeltaSum)),
                        static_cast<long long>(c.difference.absDeltaSum), net.c_str())
        << "\n";
    out << (c.overlap.unionCells == 0
                ? i18n::format(tr("Overlap of painted areas (Jaccard): %s (%d cells in both / %d in either; both "
                                  "blank = 1 by definition)"),
                               num(c.overlap.jaccard, 3).c_str(), static_cast<int>(c.overlap.intersection),
                               static_cast<int>(c.overlap.unionCells))
                : i18n::format(tr("Overlap of painted areas (Jaccard): %s (%d cells in both / %d in either)"),
                               num(c.overlap.jaccard, 3).c_str(), static_cast<int>(c.overlap.intersection),
                               static_cast<int>(c.overlap.unionCells)))
        << "\n";
    out << tr("Metrics (before -> after, change):") << "\n";
    for (const auto& m : c.metrics) {
        // Burden is shown as % here as everywhere people read it; the JSON keeps the fraction.
        const bool pct = m.key == "pain_burden";
        const double k = pct ? 100.0 : 1.0;
        auto scaled = [k](const std::optional<double>& v) { return v ? std::optional<double>(*v * k) : v; };
        // xgettext:no-c-format
        std::string label = pct ? std::string(tr("Pain burden (%)")) : m.label;
        if (label.size() < 40) label.resize(40, ' ');
        const int digits = pct ? 2 : digitsFor(m.key);
        out << "  " << label << " " << optNum(scaled(m.before), digits) << " -> " << optNum(scaled(m.after), digits);
        if (m.change) out << "  (" << signedNum(*m.change * k, digits) << ")";
        out << "\n";
    }
    out << i18n::format(tr("Rule: %s; %s"), maps::describeRule(c.after.rule).c_str(), tr(kPainfulRuleOrigin)) << "\n";
    if (c.regions.empty()) {
        out << tr("Regions: no change") << "\n";
        return;
    }
    out << tr("Regions by size of change (burden change; coverage; new/resolved/worse/better cells):") << "\n";
    for (std::size_t i = 0; i < c.regions.size() && i < maxRegions; ++i) {
        const auto& r = c.regions[i];
        std::string name = maps::printableForMessage(
            i18n::templateText(i18n::kRegionContext, t.regions[static_cast<std::size_t>(r.region)].name), 80);
        if (name.size() < 34) name.resize(34, ' ');
        out << "  " << name << " " << signedNum(r.burdenChange(), 4) << "; "
            << i18n::format("%.1f%% -> %.1f%%", r.before.extentPct(), r.after.extentPct()) << "; "
            << cnt(r.cells, maps::CellChange::New) << "/" << cnt(r.cells, maps::CellChange::Resolved)
            << "/" << cnt(r.cells, maps::CellChange::Worse) << "/"
            << cnt(r.cells, maps::CellChange::Better) << "\n";
    }
    if (c.regions.size() > maxRegions) {
        const std::size_t more = c.regions.size() - maxRegions;
        out << i18n::format(trn("  ... and %zu more (use --json for all)", "  ... and %zu more (use --json for all)", more),
                            more)
            << "\n";
    }
}

nlohmann::json toJson(const LoadedMap& a, const LoadedMap& b, const maps::Comparison& c) {
    const maps::BodyTemplate& t = *a.tmpl;
    nlohmann::json j;
    j["before"] = {{"file", a.file}, {"visitTime", a.map.info.visitTime}};
    j["after"] = {{"file", b.file}, {"visitTime", b.map.info.visitTime}};
    j["template"] = {{"id", t.id}, {"version", t.version}};
    nlohmann::json cells = nlohmann::json::object();
    for (auto k : kShown) cells[std::string(maps::cellChangeId(k))] = cnt(c.difference.counts, k);
    j["cells"] = cells;
    j["amountOfChange"] = {{"absoluteSum", c.difference.absDeltaSum}, {"netSum", c.difference.deltaSum}};
    j["overlap"] = {{"jaccard", rounded(c.overlap.jaccard)},
                    {"intersection", c.overlap.intersection},
                    {"union", c.overlap.unionCells}};
    nlohmann::json metrics = nlohmann::json::array();
    for (const auto& m : c.metrics) {
        metrics.push_back({{"key", m.key},
                           {"label", m.label},
                           {"before", optionalNumber(m.before)},
                           {"after", optionalNumber(m.after)},
                           {"change", optionalNumber(m.change)}});
    }
    j["metrics"] = metrics;
    nlohmann::json regions = nlohmann::json::array();
    for (const auto& r : c.regions) {
        nlohmann::json rc = nlohmann::json::object();
        for (auto k : kShown) rc[std::string(maps::cellChangeId(k))] = cnt(r.cells, k);
        regions.push_back({{"id", t.regions[static_cast<std::size_t>(r.region)].id},
                           {"name", t.regions[static_cast<std::size_t>(r.region)].name},
                           {"burdenChange", rounded(r.burdenChange())},
                           {"coverageBeforePct", rounded(r.before.extentPct())},
                           {"coverageAfterPct", rounded(r.after.extentPct())},
                           {"meanBefore", rounded(r.before.meanIntensity())},
                           {"meanAfter", rounded(r.after.meanIntensity())},
                           {"maxBefore", r.before.maxIntensity},
                           {"maxAfter", r.after.maxIntensity},
                           {"cells", rc}});
    }
    j["regions"] = regions;
    j["painfulAreaRule"] = maps::describeRule(c.after.rule);
    j["painfulAreaRuleOrigin"] = kPainfulRuleOrigin;
    return j;
}

}  // namespace

int runCompare(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::vector<std::string> files;
    std::string templatesDir, png;
    bool json = false, onlyFiles = false;
    int width = 1400;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!onlyFiles && a == "--") {
            onlyFiles = true;
        } else if (!onlyFiles && a == "--json") {
            json = true;
        } else if (!onlyFiles && a == "--png") {
            if (i + 1 >= args.size()) return compareUsage(err, tr("--png needs a file name"));
            png = args[++i];
        } else if (!onlyFiles && a == "--width") {
            if (i + 1 >= args.size()) return compareUsage(err, tr("--width needs a number"));
            const std::string& v = args[++i];
            char* end = nullptr;
            const long w = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end != '\0' || w < 64 || w > 8000) {
                return compareUsage(err, tr("--width must be a number of pixels from 64 to 8000"));
            }
            width = static_cast<int>(w);
        } else if (!onlyFiles && a == "--templates") {
            if (i + 1 >= args.size()) return compareUsage(err, tr("--templates needs a folder"));
            templatesDir = args[++i];
        } else if (!onlyFiles && !a.empty() && a[0] == '-') {
            return compareUsage(err, i18n::format(tr("unknown option %s"), a.c_str()));
        } else {
            files.push_back(a);
        }
    }
    if (files.size() != 2) return compareUsage(err, tr("give exactly two map files (earlier, later)"));

    auto reg = loadCliTemplates(templatesDir);
    if (!reg) {
        err << "bodymap compare: " << maps::printableForMessage(reg.error()) << "\n";
        return 1;
    }
    auto a = loadCliMap(files[0], reg.value());
    auto b = loadCliMap(files[1], reg.value());
    bool bad = false;
    for (auto* r : {&a, &b}) {
        if (!*r) {
            err << maps::printableForMessage(r->error()) << "\n";
            bad = true;
        }
    }
    if (bad) return 1;
    if (a->map.templateId() != b->map.templateId()) {
        // TRANSLATORS: the first and third %s are map files, the others their templates.
        err << i18n::format(tr("%s: drawn on template %s, but %s on %s; only maps on the same template can be compared"),
                            maps::printableForMessage(files[1]).c_str(), maps::quoteForMessage(b->map.templateId()).c_str(),
                            maps::printableForMessage(files[0]).c_str(), maps::quoteForMessage(a->map.templateId()).c_str())
            << "\n";
        return 1;
    }
    // --json is for programs: its labels stay English (the comparison names its metrics when it
    // is computed); errors are still for the person who ran it.
    std::optional<i18n::LanguageScope> english;
    if (json) english.emplace("en");
    auto c = maps::compareMaps(a->map, b->map, *a->tmpl);
    english.reset();
    if (!c) {
        err << maps::printableForMessage(files[0]) << " vs " << maps::printableForMessage(files[1])
            << ": " << maps::printableForMessage(c.error()) << "\n";
        return 1;
    }
    if (!png.empty()) {
        const render::RgbaImage img = render::renderDifference(*a->tmpl, c->difference, width);
        if (auto st = render::writePng(img, png); !st) {
            err << maps::printableForMessage(st.error()) << "\n";
            return 1;
        }
    }
    if (json) {
        nlohmann::json j = [&] {
            i18n::LanguageScope programs("en");
            return toJson(a.value(), b.value(), c.value());
        }();
        if (!png.empty()) j["png"] = png;
        // Never throws on a file name that is not UTF-8 (such bytes become U+FFFD), no raw C1.
        out << maps::dumpJsonForTerminal(j) << "\n";
    } else {
        printText(out, a.value(), b.value(), c.value(), 15);
        if (!png.empty()) out << i18n::format(tr("Wrote %s"), maps::printableForMessage(png).c_str()) << "\n";
    }
    return 0;
}

}  // namespace bodymap::app
