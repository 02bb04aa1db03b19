// `bodymap stats`: loads each map with the format loader and prints maps::computeMetrics
// as text, JSON or CSV (see cli_stats.h).
#include "app/cli/stats.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>


#include <nlohmann/json.hpp>

#include "app/assets_path.h"
#include "app/cli/batch.h"
#include "maps/agreement.h"
#include "maps/compact_map.h"
#include "maps/fascial_lines.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/map_format.h"
#include "maps/metrics.h"

namespace bodymap::app {

namespace {

enum class Format { Text, Json, Csv };

// The 2016 criteria: generalized pain is pain in at least 4 of the 5 regions.
constexpr int kGeneralizedPainMinRegions = 4;
constexpr const char* kGeneralizedPainCriterion =
    "pain in at least 4 of the 5 regions (left upper, right upper, left lower, right lower, "
    "axial); jaw, chest and abdomen belong to none (Wolfe et al. 2016)";

int statsUsage(std::ostream& err, const std::string& problem) {
    err << "bodymap stats: " << maps::printableForMessage(problem, 200) << "\n"
        << tr("Usage: bodymap stats [--templates DIR] [--jobs N] FILE... [--json|--csv]") << "\n";
    return 2;
}

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

// Right-aligned in `width` characters, for the columns of the text output.
std::string padLeft(std::string text, std::size_t width) {
    if (text.size() < width) text.insert(0, width - text.size(), ' ');
    return text;
}

double rounded(double v, double scale = 1e4) { return std::round(v * scale) / scale; }

// A number for CSV: integers as integers, others with up to 6 decimals, never exponents.
std::string csvNumber(double v) {
    std::string s = fixed(v, 6);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

nlohmann::json optionalNumber(const std::optional<double>& v) {
    return v ? nlohmann::json(rounded(*v)) : nlohmann::json(nullptr);
}

// A text cell for CSV (RFC 4180 quoting). Text that a spreadsheet would run as a formula (a cell
// starting with =, +, -, @, tab or CR; OWASP "CSV injection") gets a leading apostrophe, so that
// it shows as text. Control characters and invalid UTF-8 (possible in file names) are escaped
// like in messages. Numeric cells are written by csvNumber, never through here: they are
// BodyMap's own numbers, so a negative number stays a number.
std::string csvField(const std::string& raw) {
    std::string s = maps::printableForMessage(raw);
    if (!raw.empty() && (raw[0] == '=' || raw[0] == '+' || raw[0] == '-' || raw[0] == '@' ||
                         raw[0] == '\t' || raw[0] == '\r')) {
        s.insert(0, "'");
    }
    // Quoted when it holds the separator, a quote, or a ';' or space (separators of some locales).
    if (s.find_first_of(",\"; ") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

// JSON output never throws on text that is not UTF-8 (a file name): such bytes become U+FFFD.
std::string dumpJson(const nlohmann::json& j) { return maps::dumpJsonForTerminal(j); }

// One map as `stats` reads it: compact (the spans of its painted cells), never dense.
struct StatsMap {
    std::string file;
    maps::CompactMap map;
    std::shared_ptr<const maps::BodyTemplate> tmpl;
};

maps::Result<StatsMap> loadStatsMap(const std::string& file, const maps::TemplateRegistry& reg) {
    auto map = maps::loadCompactMap(file, reg);
    if (!map) return maps::Error{map.error()};
    StatsMap sm{file, std::move(map.value()), nullptr};
    sm.tmpl = reg.find(sm.map.templateId());
    if (!sm.tmpl) {
        return maps::Error{i18n::format(tr("%s: template %s is not installed"), maps::printableForMessage(file).c_str(),
                                        maps::quoteForMessage(sm.map.templateId()).c_str())};
    }
    return sm;
}

std::vector<std::string> painfulAreaIds(const maps::MapMetrics& m) {
    std::vector<std::string> ids;
    for (std::size_t a = 0; a < maps::kWpiAreaCount; ++a) {
        if (m.wpiAreas[a].painful) ids.emplace_back(maps::wpiAreaId(static_cast<maps::WpiArea>(a)));
    }
    return ids;
}

std::vector<std::string> gpRegionIds(const maps::MapMetrics& m) {
    std::vector<std::string> ids;
    for (std::size_t g = 0; g < maps::kGpRegionCount; ++g) {
        if (m.gpRegions[g]) ids.emplace_back(maps::gpRegionId(static_cast<maps::GpRegion>(g)));
    }
    return ids;
}

std::string joined(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

nlohmann::json cellsJson(const maps::CellStats& c) {
    return {{"bodyCells", c.bodyCells},
            {"paintedCells", c.paintedCells},
            {"extentPct", rounded(c.extentPct())},
            {"meanIntensity", rounded(c.meanIntensity())},
            {"maxIntensity", c.maxIntensity},
            {"burden", rounded(c.burden(), 1e6)}};
}

// The therapist's layer: body cells per finding, marks per kind, and the agreement of the
// findings with the client's drawing (rule in maps/agreement.h), overall and per region.
nlohmann::json therapistJson(const StatsMap& lm, const maps::BodyTemplate& t) {
    const maps::Agreement a = maps::computeAgreement(lm.map, t);
    nlohmann::json findings = nlohmann::json::object();
    for (std::size_t f = 0; f < maps::kFindingCount; ++f) {
        findings[std::string(maps::findingId(maps::kFindings[f]))] = a.findingCells[f];
    }
    nlohmann::json marks = nlohmann::json::object();
    for (maps::MarkKind k : maps::kMarkKinds) {
        marks[std::string(maps::markKindId(k))] =
            std::count_if(lm.map.marks.begin(), lm.map.marks.end(), [&](const maps::Mark& m) { return m.kind == k; });
    }
    const auto overlap = [](const maps::LayerOverlap& o) {
        return nlohmann::json{{"clientCells", o.client},       {"findingCells", o.findings},
                              {"bothCells", o.both},           {"jaccard", optionalNumber(o.jaccard())},
                              {"foundShare", optionalNumber(o.foundShare())}, {"drawnShare", optionalNumber(o.drawnShare())}};
    };
    nlohmann::json regions = nlohmann::json::array();
    for (const auto& r : a.regions) {
        nlohmann::json rj = overlap(r.cells);
        rj["id"] = t.regions[static_cast<std::size_t>(r.region)].id;
        regions.push_back(rj);
    }
    nlohmann::json agreement = overlap(a.total);
    agreement["regions"] = regions;
    return {{"findingCells", findings}, {"marks", marks}, {"agreement", agreement}};
}

nlohmann::json mapJson(const StatsMap& lm, const maps::MapMetrics& m) {
    const maps::BodyTemplate& t = *lm.tmpl;
    nlohmann::json j;
    j["file"] = lm.file;
    j["template"] = {{"id", lm.map.templateId()}, {"version", lm.map.templateVersion()}};
    j["visitTime"] = lm.map.info.visitTime;
    j["clientId"] = lm.map.info.clientId;
    nlohmann::json scalars = nlohmann::json::object();
    for (const auto& s : maps::scalarMetrics(m)) scalars[s.key] = optionalNumber(s.value);
    j["metrics"] = scalars;
    j["overall"] = cellsJson(m.overall.cells);
    for (maps::ViewId v : maps::kViews) {
        j["views"][std::string(maps::viewId(v))] = cellsJson(m.views[static_cast<std::size_t>(v)].cells);
    }
    nlohmann::json q = nlohmann::json::object();
    for (std::size_t i = 0; i < maps::kQualityCount; ++i) {
        q[std::string(maps::qualityId(maps::kQualities[i]))] = {
            {"cells", m.overall.qualityCells[i]},
            {"extentPct", rounded(m.overall.qualityExtentPct(static_cast<int>(i)))}};
    }
    j["qualities"] = q;
    j["wpi"] = {{"score", m.wpi}, {"areas", painfulAreaIds(m)}};
    j["generalizedPain"] = {{"regions", m.generalizedPain},
                            {"of", 5},
                            {"ids", gpRegionIds(m)},
                            {"met", m.generalizedPain >= kGeneralizedPainMinRegions},
                            {"criterion", kGeneralizedPainCriterion}};
    j["symmetry"] = {{"left", cellsJson(m.symmetry.left)},
                     {"right", cellsJson(m.symmetry.right)},
                     {"extentIndex", optionalNumber(m.symmetry.extentIndex)},
                     {"intensityIndex", optionalNumber(m.symmetry.intensityIndex)}};
    nlohmann::json regions = nlohmann::json::array();
    for (std::size_t r = 0; r < m.regions.size() && r < t.regions.size(); ++r) {
        if (m.regions[r].paintedCells == 0) continue;
        nlohmann::json rj = cellsJson(m.regions[r]);
        rj["id"] = t.regions[r].id;
        rj["name"] = t.regions[r].name;
        regions.push_back(rj);
    }
    j["regionsWithPain"] = regions;
    nlohmann::json kinds = nlohmann::json::object();
    for (std::size_t k = 0; k < maps::kTagKindCount; ++k) {
        kinds[std::string(maps::tagKindId(maps::kTagKinds[k]))] = m.fascial.tagsByKind[k];
    }
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : m.fascial.lines) {
        lines.push_back({{"line", l.line},
                         {"name", l.name},
                         {"bandCells", l.bandCells},
                         {"paintedCells", l.paintedCells},
                         {"sharePct", rounded(l.sharePct)},
                         {"meanIntensity", rounded(l.meanIntensity())},
                         {"tags", l.tags}});
    }
    j["fascial"] = {{"tags", m.fascial.tags}, {"byKind", kinds}, {"lines", lines}};
    j["therapist"] = therapistJson(lm, t);
    return j;
}

// The text of `stats` for people, in the command line's language (numbers through i18n::format;
// --json and --csv stay English with '.' decimals).
void printText(std::ostream& out, const StatsMap& lm, const maps::MapMetrics& m) {
    const maps::BodyTemplate& t = *lm.tmpl;
    const auto& all = m.overall.cells;
    auto list = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s = s.empty() ? x : i18n::format(tr("%s, %s"), s.c_str(), x.c_str());
        return s;
    };
    out << maps::printableForMessage(lm.file) << "\n";
    const std::string id = lm.map.templateId();
    if (lm.map.info.visitTime.empty()) {
        out << i18n::format(tr("  Template: %s v%d"), id.c_str(), lm.map.templateVersion()) << "\n";
    } else {
        out << i18n::format(tr("  Template: %s v%d   Visit: %s"), id.c_str(), lm.map.templateVersion(),
                            lm.map.info.visitTime.c_str())
            << "\n";
    }
    const std::string cells = maps::withThousands(static_cast<std::uint64_t>(all.paintedCells));
    // TRANSLATORS: `bodymap stats`; the last %s is the number of painted cells.
    out << i18n::format(trn("  Pain extent: %.2f%% of body cells (front %.2f%%, back %.2f%%), %s cell",
                            "  Pain extent: %.2f%% of body cells (front %.2f%%, back %.2f%%), %s cells",
                            static_cast<unsigned long>(all.paintedCells)),
                        all.extentPct(), m.views[0].cells.extentPct(), m.views[1].cells.extentPct(), cells.c_str())
        << "\n";
    out << i18n::format(tr("  Intensity: mean %.2f (over painted cells), max %d"), all.meanIntensity(),
                        all.maxIntensity)
        << "\n";
    out << i18n::format(tr("  Pain burden: %.2f%% (sum of intensity / (10 x body cells))"), all.burden() * 100.0)
        << "\n";
    std::vector<std::string> names;
    for (std::size_t a = 0; a < maps::kWpiAreaCount; ++a) {
        if (m.wpiAreas[a].painful) names.emplace_back(maps::wpiAreaName(static_cast<maps::WpiArea>(a)));
    }
    out << (names.empty() ? i18n::format(tr("  WPI: %d of 19"), m.wpi)
                          // TRANSLATORS: `bodymap stats`; %s lists the painful areas.
                          : i18n::format(tr("  WPI: %d of 19: %s"), m.wpi, list(names).c_str()))
        << "\n";
    names.clear();
    for (std::size_t g = 0; g < maps::kGpRegionCount; ++g) {
        if (m.gpRegions[g]) names.emplace_back(maps::gpRegionName(static_cast<maps::GpRegion>(g)));
    }
    const bool met = m.generalizedPain >= kGeneralizedPainMinRegions;
    // TRANSLATORS: `bodymap stats`, the generalized pain line: "criterion met" or "criterion not met".
    const char* verdict = met ? tr("criterion met") : tr("criterion not met");
    out << (names.empty()
                // TRANSLATORS: `bodymap stats`; %s is "criterion met" or "criterion not met", the
                // last %d the regions it needs.
                ? i18n::format(trn("  Generalized pain: %d of 5 regions (jaw, chest and abdomen excluded); %s (at "
                                   "least %d of 5 regions)",
                                   "  Generalized pain: %d of 5 regions (jaw, chest and abdomen excluded); %s (at "
                                   "least %d of 5 regions)",
                                   static_cast<unsigned long>(m.generalizedPain)),
                               m.generalizedPain, verdict, kGeneralizedPainMinRegions)
                // TRANSLATORS: as above; the first %s lists the painful regions.
                : i18n::format(trn("  Generalized pain: %d of 5 regions: %s (jaw, chest and abdomen excluded); %s "
                                   "(at least %d of 5 regions)",
                                   "  Generalized pain: %d of 5 regions: %s (jaw, chest and abdomen excluded); %s "
                                   "(at least %d of 5 regions)",
                                   static_cast<unsigned long>(m.generalizedPain)),
                               m.generalizedPain, list(names).c_str(), verdict, kGeneralizedPainMinRegions))
        << "\n";
    // TRANSLATORS: `bodymap stats`; the first %s is the painful-area rule, the second where it comes from.
    out << i18n::format(tr("  Rule: %s; %s"), maps::describeRule(m.rule).c_str(), tr(kPainfulRuleOrigin)) << "\n";
    std::vector<std::string> quals;
    for (std::size_t i = 0; i < maps::kQualityCount; ++i) {
        quals.push_back(i18n::format(tr("%s %.2f%%"), std::string(maps::qualityName(maps::kQualities[i])).c_str(),
                                     m.overall.qualityExtentPct(static_cast<int>(i))));
    }
    out << i18n::format(tr("  Qualities (%% of body): %s"), list(quals).c_str()) << "\n";
    const std::string symmetry = m.symmetry.extentIndex ? i18n::format("%.2f", *m.symmetry.extentIndex)
                                                        : std::string(tr("n/a (no pain)"));
    out << i18n::format(tr("  Left/right: left %.2f%%, right %.2f%% of each side; symmetry %s (1 = equal)"),
                        m.symmetry.left.extentPct(), m.symmetry.right.extentPct(), symmetry.c_str())
        << "\n";
    if (all.paintedCells > 0 && !m.fascial.lines.empty()) {
        out << tr("  Fascial lines (share of the painted area on the line's bands, mean intensity there):") << "\n";
        for (const auto& l : m.fascial.lines) {
            if (l.paintedCells == 0) continue;
            std::string name = i18n::format("%s (%s)", trc(i18n::kLineContext, l.name.c_str()), l.line.c_str());
            if (name.size() < 36) name.resize(36, ' ');
            out << "    " << name << " " << padLeft(i18n::format("%.1f%%", l.sharePct), 6) << "  "
                << padLeft(i18n::format("%.1f", l.meanIntensity()), 4) << "\n";
        }
    }
    if (m.fascial.tags > 0) {
        std::vector<std::string> kinds;
        for (std::size_t k = 0; k < maps::kTagKindCount; ++k) {
            if (m.fascial.tagsByKind[k] == 0) continue;
            kinds.push_back(i18n::format("%s %d", std::string(maps::tagKindName(maps::kTagKinds[k])).c_str(),
                                         static_cast<int>(m.fascial.tagsByKind[k])));
        }
        // TRANSLATORS: `bodymap stats`; %d tags, %s the count of each kind.
        out << i18n::format(tr("  Fascial tags: %d (%s)"), static_cast<int>(m.fascial.tags), list(kinds).c_str())
            << "\n";
    }
    if (lm.map.hasFindings()) {
        const maps::Agreement a = maps::computeAgreement(lm.map, t);
        std::vector<std::string> found;
        for (std::size_t f = 0; f < maps::kFindingCount; ++f) {
            if (a.findingCells[f] == 0) continue;
            found.push_back(i18n::format(tr("%s %.2f%%"), std::string(maps::findingName(maps::kFindings[f])).c_str(),
                                         maps::extentPct(a.findingCells[f], all.bodyCells)));
        }
        // TRANSLATORS: `bodymap stats`; %s lists each finding with its share of the body.
        out << i18n::format(tr("  Therapist's findings (%% of body): %s"), list(found).c_str()) << "\n";
        const auto pct = [](std::optional<double> v) { return v ? i18n::format("%.0f%%", *v * 100) : std::string("-"); };
        // TRANSLATORS: `bodymap stats`: the Jaccard overlap of the findings with the client's drawing,
        // then the share of the client's drawing found and the share of the findings the client drew.
        out << i18n::format(tr("  Agreement with the client's drawing: overlap (Jaccard) %s; %s of the client's area found; "
                               "%s of the findings drawn by the client"),
                            pct(a.total.jaccard()).c_str(), pct(a.total.foundShare()).c_str(),
                            pct(a.total.drawnShare()).c_str())
            << "\n";
    }
    if (!lm.map.marks.empty()) {
        // TRANSLATORS: `bodymap stats`; %d marks (trigger points, arrows, labels) on the chart.
        out << i18n::format(trn("  Marks on the chart: %d", "  Marks on the chart: %d", lm.map.marks.size()),
                            static_cast<int>(lm.map.marks.size()))
            << "\n";
    }
    bool header = false;
    for (std::size_t r = 0; r < m.regions.size() && r < t.regions.size(); ++r) {
        const auto& c = m.regions[r];
        if (c.paintedCells == 0) continue;
        if (!header) out << tr("  Regions with pain (coverage, mean, max):") << "\n";
        header = true;
        std::string name = maps::printableForMessage(i18n::templateText(i18n::kRegionContext, t.regions[r].name), 80);
        if (name.size() < 34) name.resize(34, ' ');
        out << "    " << name << " " << padLeft(i18n::format("%.1f%%", c.extentPct()), 6) << "  "
            << padLeft(i18n::format("%.1f", c.meanIntensity()), 4) << "  "
            << padLeft(std::to_string(c.maxIntensity), 2) << "\n";
    }
    out << tr("  (WPI and generalized pain are measures from the drawing, not a diagnosis.)") << "\n";
}

}  // namespace

// English in --json and --csv; translated (tr) where `stats` prints text.
const char* const kPainfulRuleOrigin =
    trNoop("this rule is BodyMap's own filter against specks of paint, not part of the ACR definition "
           "of WPI or generalized pain");

maps::Result<maps::TemplateRegistry> loadCliTemplates(const std::string& dir) {
    std::string folder = dir;
    if (folder.empty()) {
        const std::string assets = assetsDir();
        if (assets.empty()) return maps::Error{tr("cannot find the body templates (set BODYMAP_ASSETS)")};
        folder = (std::filesystem::path(assets) / "templates").string();
    }
    return maps::TemplateRegistry::loadFolder(folder);
}

maps::Result<LoadedMap> loadCliMap(const std::string& file, const maps::TemplateRegistry& reg) {
    auto map = maps::loadMap(file, reg);
    if (!map) return maps::Error{map.error()};
    LoadedMap lm;
    lm.file = file;
    lm.map = std::move(map.value());
    lm.tmpl = reg.find(lm.map.templateId());
    if (!lm.tmpl) {
        // TRANSLATORS: the first %s is a map file, the second a template id.
        return maps::Error{i18n::format(tr("%s: template %s is not installed"), maps::printableForMessage(file).c_str(),
                                        maps::quoteForMessage(lm.map.templateId()).c_str())};
    }
    return lm;
}

int runStats(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::vector<std::string> files;
    std::string templatesDir;
    Format format = Format::Text;
    int jobs = 0;  // every core
    std::vector<std::string> listFiles;  // --files-from: more names than a command line holds
    bool onlyFiles = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!onlyFiles && a == "--") {
            onlyFiles = true;
        } else if (!onlyFiles && (a == "--json" || a == "--csv")) {
            const Format f = a == "--json" ? Format::Json : Format::Csv;
            if (format != Format::Text && format != f) return statsUsage(err, tr("choose one of --json and --csv"));
            format = f;
        } else if (!onlyFiles && a == "--jobs") {
            if (i + 1 >= args.size()) return statsUsage(err, tr("--jobs needs a number of threads"));
            if (const std::string problem = parseJobs(args[++i], jobs); !problem.empty()) return statsUsage(err, problem);
        } else if (!onlyFiles && a == "--files-from") {
            if (i + 1 >= args.size()) return statsUsage(err, tr("--files-from needs a file (one map file per line, - for stdin)"));
            listFiles.push_back(args[++i]);
        } else if (!onlyFiles && a == "--templates") {
            if (i + 1 >= args.size()) return statsUsage(err, tr("--templates needs a folder"));
            templatesDir = args[++i];
        } else if (!onlyFiles && !a.empty() && a[0] == '-') {
            return statsUsage(err, i18n::format(tr("unknown option %s"), a.c_str()));
        } else {
            files.push_back(a);
        }
    }
    if (auto st = appendFileLists(listFiles, files); !st) {
        err << "bodymap stats: " << maps::printableForMessage(st.error()) << "\n";
        return 1;
    }
    if (files.empty()) return statsUsage(err, tr("no files given"));
    auto reg = loadCliTemplates(templatesDir);
    if (!reg) {
        err << "bodymap stats: " << maps::printableForMessage(reg.error()) << "\n";
        return 1;
    }
    const maps::PainfulAreaRule rule;
    // --json and --csv are for programs: their text stays English whatever the system's language.
    const std::string ruleEnglish = [&] {
        i18n::LanguageScope english("en");
        return maps::describeRule(rule);
    }();
    const std::string csvRuleField = csvField(ruleEnglish + "; " + kPainfulRuleOrigin);
    // Each file on its own, on every core; the text of each is written in input order. --json
    // is written map by map too (the same bytes as one document dumped whole), so memory does
    // not grow with the number of files.
    const auto work = [&](std::size_t i) {
        BatchOutput o;
        const std::string& file = files[i];
        auto lm = loadStatsMap(file, reg.value());
        if (!lm) {
            o.failed = true;
            o.err = maps::printableForMessage(lm.error());
            return o;
        }
        auto m = maps::computeMetrics(lm->map, *lm->tmpl, rule);
        if (!m) {
            o.failed = true;
            o.err = maps::printableForMessage(file) + ": " + maps::printableForMessage(m.error());
            return o;
        }
        switch (format) {
            case Format::Text: {
                std::ostringstream text;
                printText(text, lm.value(), m.value());
                o.out = text.str();
                break;
            }
            case Format::Json: {
                i18n::LanguageScope english("en");
                o.out = dumpJson(mapJson(lm.value(), m.value()));
                break;
            }
            case Format::Csv: {
                std::string& row = o.out;
                row = csvField(file) + "," + csvField(lm->map.templateId()) + "," +
                      std::to_string(lm->map.templateVersion()) + "," + csvField(lm->map.info.visitTime) + "," +
                      csvField(lm->map.info.clientId);
                for (const auto& sm : maps::scalarMetrics(m.value())) {
                    row += ",";
                    if (sm.value) row += csvNumber(*sm.value);
                }
                // Per catalogue line; empty fields when the template has no bands for it.
                for (const auto& info : maps::fascialLines()) {
                    const auto* l = m.value().fascial.find(std::string(info.id));
                    if (l) {
                        row += "," + csvNumber(rounded(l->sharePct)) + "," + csvNumber(rounded(l->meanIntensity())) +
                               "," + std::to_string(l->tags);
                    } else {
                        row += ",,,";
                    }
                }
                row += "," + csvField(joined(painfulAreaIds(m.value()), ";")) + "," +
                       csvField(joined(gpRegionIds(m.value()), ";")) + "," +
                       (m->generalizedPain >= kGeneralizedPainMinRegions ? "yes" : "no") + "," + csvRuleField + "\n";
                break;
            }
        }
        return o;
    };
    // The document around the maps, dumped with an empty "maps" that the maps are written into.
    std::string jsonBefore, jsonAfter;
    if (format == Format::Json) {
        nlohmann::json doc;
        doc["painfulAreaRule"] = {{"minCells", rule.minCells},
                                  {"minShare", rule.minShare},
                                  {"text", ruleEnglish},
                                  {"origin", kPainfulRuleOrigin}};
        doc["note"] = "WPI and generalized pain are measures from the drawing, not a diagnosis. "
                      "The painful-area rule (painfulAreaRule) is BodyMap's own filter against "
                      "specks of paint, not part of the ACR definition.";
        doc["maps"] = nlohmann::json::array();
        const std::string whole = dumpJson(doc);
        const std::string slot = "\"maps\": []";
        const std::size_t at = whole.find(slot);
        jsonBefore = whole.substr(0, at + slot.size() - 1);  // up to and with the "["
        jsonAfter = whole.substr(at + slot.size());         // from ",\n  \"note\"" on
        out << jsonBefore;
    }
    if (format == Format::Csv) {
        // Header from the scalar table of a default metrics value: the same keys for every map.
        out << "file,template,template_version,visit_time,client_id";
        for (const auto& sm : maps::scalarMetrics(maps::MapMetrics{})) out << "," << sm.key;
        for (const auto& l : maps::fascialLines()) {
            std::string id(l.id);
            for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            out << ",fascial_" << id << "_share_pct,fascial_" << id << "_mean_intensity,fascial_" << id
                << "_tags";
        }
        out << ",wpi_areas,generalized_pain_regions,generalized_pain_met,painful_rule\n";
    }
    int failed = 0;
    std::size_t written = 0;
    ProgressBar progress(err, "bodymap stats", files.size(), files.size() >= 100 && progressWanted(err));
    runOrdered(files.size(), batchThreads(jobs), work, [&](std::size_t i, BatchOutput& o) {
        if (!o.err.empty()) {
            progress.clear();
            err << o.err << "\n";
        }
        if (o.failed) {
            ++failed;
        } else if (format == Format::Json) {
            // Indented as a member of the document's "maps" array.
            std::string indented;
            indented.reserve(o.out.size() + o.out.size() / 8);
            for (char c : o.out) {
                indented += c;
                if (c == '\n') indented += "    ";
            }
            out << (written == 0 ? "\n    " : ",\n    ") << indented;
            ++written;
        } else {
            if (format == Format::Text && written > 0) out << "\n";
            out << o.out;
            ++written;
        }
        progress.update(i + 1);
    });
    progress.clear();
    if (format == Format::Json) out << (written == 0 ? "]" : "\n  ]") << jsonAfter << "\n";
    return failed == 0 ? 0 : 1;
}

}  // namespace bodymap::app
