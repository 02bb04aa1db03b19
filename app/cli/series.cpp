// `bodymap series`: reads the visits one at a time as compact maps (maps/compact_map.h) into
// maps::SeriesBuilder (memory does not grow with the number of visits beyond their metrics; no
// dense raster per visit), then prints the series as text or JSON and
// draws both series maps with render::renderSeriesSheet (see series.h).
#include "app/cli/series.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "app/cli/batch.h"
#include "app/cli/stats.h"
#include "maps/atomic_file.h"
#include "maps/compact_map.h"
#include "maps/comparison.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/visit_time.h"
#include "render/series_image.h"

namespace bodymap::app {

namespace {

int seriesUsage(std::ostream& err, const std::string& problem) {
    err << "bodymap series: " << maps::printableForMessage(problem, 200) << "\n"
        << tr("Usage: bodymap series [--templates DIR] [--jobs N] [--files-from LIST] FILE... [--json] "
              "[--png OUT.png] [--width PX] [--mixed-clients]")
        << "\n";
    return 2;
}

double rounded(double v, double scale = 1e4) { return std::round(v * scale) / scale; }
nlohmann::json optionalNumber(const std::optional<double>& v) {
    return v ? nlohmann::json(rounded(*v)) : nlohmann::json(nullptr);
}

// Characters, not bytes, for lining up columns of translated headings.
std::size_t displayLength(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
std::string padLeft(std::string s, std::size_t width) {
    const std::size_t n = displayLength(s);
    if (n < width) s.insert(0, width - n, ' ');
    return s;
}
std::string padRight(std::string s, std::size_t width) {
    const std::size_t n = displayLength(s);
    if (n < width) s.append(width - n, ' ');
    return s;
}

// What the command keeps of each visit besides its metrics (which the builder keeps).
struct VisitRecord {
    std::string file;
    std::string clientId;
};

// The series as read: the summary in visit-time order and, in input order, what it came from.
struct SeriesInput {
    std::vector<VisitRecord> visits;                  // input order
    std::shared_ptr<const maps::BodyTemplate> tmpl;
    std::string templateId;
    std::size_t clients = 0;                          // distinct client ids
    maps::SeriesSummary summary;
    maps::SeriesFigures figures;
    const VisitRecord& visit(std::size_t k) const { return visits[summary.order[k]]; }  // k-th in time
};

const maps::MetricTrend* findTrend(const maps::SeriesSummary& s, const std::string& key) {
    for (const auto& t : s.trends) {
        if (t.key == key) return &t;
    }
    return nullptr;
}

// "2026-09-07" of an ISO visit time, the whole text when it is not one.
std::string datePart(const std::string& iso) { return iso.size() >= 10 ? iso.substr(0, 10) : iso; }

// Reads every file into `builder`: the files are parsed on `threads` threads, and each visit is
// checked and added in input order, so that the messages and the series are the same whatever the
// number of threads, and only a window of parsed visits waits at any time. Every problem goes to
// `err` naming its file. False when there was any.
bool readSeries(const std::vector<std::string>& files, const maps::TemplateRegistry& reg, bool mixedClients,
                unsigned threads, std::optional<maps::SeriesBuilder>& builder, SeriesInput& in, std::ostream& err) {
    bool ok = true;
    std::string firstFile;
    std::string firstClient;
    bool clientMismatchSaid = false;
    std::set<std::string> clientIds;
    // Parsed visits and their metrics waiting for their turn (runOrdered bounds how many).
    struct Parsed {
        maps::CompactMap map;
        std::optional<maps::MapMetrics> metrics;  // none when the template is not installed or differs
    };
    std::mutex parsedMutex;
    std::map<std::size_t, Parsed> parsed;
    const maps::PainfulAreaRule rule;
    const auto work = [&](std::size_t i) {
        BatchOutput o;
        try {
            // Straight from the file's runs into spans: no dense raster is ever made for a visit.
            auto loaded = maps::loadCompactMap(files[i], reg);
            if (!loaded) {
                o.failed = true;
                o.err = maps::printableForMessage(loaded.error());
                return o;
            }
            // The metrics here too: on the adult template they cost as much as reading the file.
            Parsed p{std::move(loaded.value()), std::nullopt};
            if (auto t = reg.find(p.map.templateId())) {
                if (auto m = maps::computeMetrics(p.map, *t, rule)) p.metrics = std::move(m.value());
            }
            std::lock_guard<std::mutex> lock(parsedMutex);
            parsed.emplace(i, std::move(p));
        } catch (const std::exception& e) {  // bad_alloc on a hostile file: that file fails
            o.failed = true;
            o.err = maps::printableForMessage(files[i]) + ": " + maps::printableForMessage(e.what());
        }
        return o;
    };
    ProgressBar progress(err, "bodymap series", files.size(), files.size() >= 100 && progressWanted(err));
    const auto say = [&](const std::string& message) {
        progress.clear();
        err << message << "\n";
        ok = false;
    };
    const auto add = [&](const std::string& file, Parsed& p) {
        const maps::CompactMap& m = p.map;
        auto tmpl = reg.find(m.templateId());
        if (!tmpl) {
            // TRANSLATORS: the first %s is a map file, the second a template id.
            say(i18n::format(tr("%s: template %s is not installed"), maps::printableForMessage(file).c_str(),
                             maps::quoteForMessage(m.templateId()).c_str()));
            return;
        }
        if (!in.tmpl) {
            in.tmpl = tmpl;
            in.templateId = m.templateId();
            firstFile = file;
            firstClient = m.info.clientId;
            builder.emplace(*in.tmpl, rule);
        } else if (m.templateId() != in.templateId) {
            // TRANSLATORS: `bodymap series`: the first and third %s are map files, the others their templates.
            say(i18n::format(tr("%s: drawn on template %s, but %s on %s; the visits of a series must be on one "
                                "template"),
                             maps::printableForMessage(file).c_str(), maps::quoteForMessage(m.templateId()).c_str(),
                             maps::printableForMessage(firstFile).c_str(), maps::quoteForMessage(in.templateId).c_str()));
            return;
        }
        if (!mixedClients && m.info.clientId != firstClient && !clientMismatchSaid) {
            // TRANSLATORS: `bodymap series`: the first and third %s are map files, the others their
            // client ids. Keep --mixed-clients as it is.
            say(i18n::format(tr("%s: a visit of client %s, but %s is of client %s; a series is one client's "
                                "visits (add --mixed-clients to pool the drawings of several clients, as for a "
                                "study)"),
                             maps::printableForMessage(file).c_str(), maps::quoteForMessage(m.info.clientId).c_str(),
                             maps::printableForMessage(firstFile).c_str(), maps::quoteForMessage(firstClient).c_str()));
            clientMismatchSaid = true;  // one message is enough: the rest would say the same
        }
        clientIds.insert(m.info.clientId);
        in.visits.push_back({file, m.info.clientId});
        if (!ok) return;  // the series will not be shown: do not add to it
        if (auto st = p.metrics ? builder->add(m, std::move(*p.metrics)) : builder->add(m); !st) {
            say(maps::printableForMessage(file) + ": " + maps::printableForMessage(st.error()));
        }
    };
    runOrdered(files.size(), threads, work, [&](std::size_t i, BatchOutput& o) {
        if (o.failed) {
            say(o.err);
        } else {
            std::optional<Parsed> m;
            {
                std::lock_guard<std::mutex> lock(parsedMutex);
                auto it = parsed.find(i);
                if (it != parsed.end()) {
                    m = std::move(it->second);
                    parsed.erase(it);
                }
            }
            if (m) add(files[i], *m);
        }
        progress.update(i + 1);
    });
    progress.clear();
    in.clients = clientIds.size();
    return ok;
}

// Two visits of one client at the same time are most likely one visit given twice: it would count
// twice. (Pooled clients seen at the same hour are not.) At most kMaxTimeWarnings are spelt out.
constexpr std::size_t kMaxTimeWarnings = 10;
void warnSameTimes(const SeriesInput& in, std::ostream& err) {
    const auto& times = in.summary.visitTimes;
    std::size_t warnings = 0;
    for (std::size_t k = 0; k < times.size();) {
        std::size_t end = k + 1;
        while (end < times.size() && times[end] == times[k]) ++end;
        std::map<std::string, std::size_t> firstOfClient;  // within this run of equal times
        for (std::size_t i = k; i < end; ++i) {
            const auto [first, isNew] = firstOfClient.emplace(in.visit(i).clientId, i);
            if (isNew) continue;
            if (++warnings > kMaxTimeWarnings) continue;
            // TRANSLATORS: `bodymap series`, a warning: two files with one visit time (%s files, then the time).
            err << i18n::format(tr("bodymap series: warning: %s and %s have the same visit time %s; if they are one "
                                   "visit, it counts twice"),
                                maps::printableForMessage(in.visit(first->second).file).c_str(),
                                maps::printableForMessage(in.visit(i).file).c_str(),
                                maps::printableForMessage(times[i]).c_str())
                << "\n";
        }
        k = end;
    }
    if (warnings > kMaxTimeWarnings) {
        const std::size_t more = warnings - kMaxTimeWarnings;
        // TRANSLATORS: `bodymap series`, after ten such warnings: how many visits more share a time.
        err << i18n::format(trn("bodymap series: warning: and %zu more visit with the time of another visit of its "
                                "client",
                                "bodymap series: warning: and %zu more visits with the time of another visit of their "
                                "client",
                                more),
                            more)
            << "\n";
    }
}

// --- text ----------------------------------------------------------------------------------

std::string num(double v, int digits) { return i18n::formatNumber(v, digits); }
std::string optNum(const std::optional<double>& v, int digits, double k = 1.0) {
    return v ? num(*v * k, digits) : std::string(tr("n/a"));
}
std::string signedNum(double v, int digits) {
    const std::string s = num(v, digits);
    return (v >= 0 && s.find_first_not_of("0.,") != std::string::npos) ? "+" + s : s;
}

void printVisits(std::ostream& out, const SeriesInput& in) {
    const maps::SeriesSummary& s = in.summary;
    struct Column { const char* key; const char* heading; double k; int digits; };
    const Column cols[] = {
        // TRANSLATORS: `bodymap series`: column headings of the table of visits (keep them short):
        // pain extent in % of the body, mean and max intensity, pain burden in %, WPI, generalized pain.
        // xgettext:no-c-format
        {"extent_pct", tr("Extent %"), 1.0, 2},
        {"mean_intensity", trc("series column", "Mean"), 1.0, 2},
        {"max_intensity", trc("series column", "Max"), 1.0, 0},
        // xgettext:no-c-format
        {"pain_burden", tr("Burden %"), 100.0, 2},
        {"wpi", trc("series column", "WPI"), 1.0, 0},
        {"generalized_pain", trc("series column", "GP"), 1.0, 0},
    };
    const std::string numberHeading = "#";
    const std::string timeHeading = trc("series column", "Visit time");
    const std::string fileHeading = trc("series column", "File");
    const std::size_t numberW = std::max<std::size_t>(displayLength(numberHeading), std::to_string(s.visitTimes.size()).size());
    std::size_t timeW = displayLength(timeHeading);
    for (const auto& t : s.visitTimes) timeW = std::max(timeW, displayLength(maps::printableForMessage(t, 40)));
    out << "  " << padLeft(numberHeading, numberW) << "  " << padRight(timeHeading, timeW);
    std::vector<std::size_t> widths;
    for (const Column& c : cols) {
        widths.push_back(std::max<std::size_t>(displayLength(c.heading), 6));
        out << "  " << padLeft(c.heading, widths.back());
    }
    out << "  " << fileHeading << "\n";
    for (std::size_t k = 0; k < s.visitTimes.size(); ++k) {
        out << "  " << padLeft(std::to_string(k + 1), numberW) << "  "
            << padRight(maps::printableForMessage(s.visitTimes[k], 40), timeW);
        for (std::size_t c = 0; c < std::size(cols); ++c) {
            const maps::MetricTrend* t = findTrend(s, cols[c].key);
            const bool known = t && k < t->values.size() && t->values[k].has_value();
            const std::string cell = known ? num(*t->values[k] * cols[c].k, cols[c].digits) : std::string(tr("n/a"));
            out << "  " << padLeft(cell, widths[c]);
        }
        out << "  " << maps::printableForMessage(in.visit(k).file) << "\n";
    }
}

void printTrends(std::ostream& out, const maps::SeriesSummary& s) {
    if (s.visitTimes.size() < 2) return;
    out << tr("From the first to the last visit (change; lowest and highest of all visits):") << "\n";
    struct Row { const char* key; double k; int digits; };
    const Row rows[] = {{"extent_pct", 1.0, 2}, {"mean_intensity", 1.0, 2}, {"max_intensity", 1.0, 0},
                        {"pain_burden", 100.0, 2}, {"wpi", 1.0, 0},       {"generalized_pain", 1.0, 0}};
    for (const Row& r : rows) {
        const maps::MetricTrend* t = findTrend(s, r.key);
        if (!t || t->values.empty()) continue;
        // xgettext:no-c-format
        std::string label = r.k != 1.0 ? std::string(tr("Pain burden (%)")) : maps::printableForMessage(t->label);
        const auto& first = t->values.front();
        const auto& last = t->values.back();
        std::optional<double> lo, hi;
        for (const auto& v : t->values) {
            if (!v) continue;
            lo = lo ? std::min(*lo, *v) : *v;
            hi = hi ? std::max(*hi, *v) : *v;
        }
        std::string change = first && last ? signedNum((*last - *first) * r.k, r.digits) : std::string(tr("n/a"));
        // TRANSLATORS: `bodymap series`: a metric at the first and the last visit, the change, then the
        // lowest and the highest value over all visits.
        out << "  " << padRight(label, 40) << " "
            << i18n::format(tr("%s -> %s (%s); lowest %s, highest %s"), optNum(first, r.digits, r.k).c_str(),
                            optNum(last, r.digits, r.k).c_str(), change.c_str(), optNum(lo, r.digits, r.k).c_str(),
                            optNum(hi, r.digits, r.k).c_str())
            << "\n";
    }
}

void printMaps(std::ostream& out, const SeriesInput& in, std::size_t maxRegions) {
    const maps::BodyTemplate& t = *in.tmpl;
    const maps::SeriesFigures& f = in.figures;
    const auto& front = f.views[static_cast<std::size_t>(maps::ViewId::Front)];
    const auto& back = f.views[static_cast<std::size_t>(maps::ViewId::Back)];
    out << tr("Frequency map (share of the visits in which each spot hurt):") << "\n";
    using Pct = double (maps::SeriesCellFigures::*)() const;
    const std::pair<const char*, Pct> lines[] = {
        // TRANSLATORS: `bodymap series`: the share of the body (and of each view) painted in at least one
        // visit, in at least half of the visits, in every visit; keep the three lines' figures aligned.
        {tr("  Painted in at least one visit:    %s%% of the body (front %s%%, back %s%%)"),
         &maps::SeriesCellFigures::everPaintedPct},
        {tr("  Painted in at least half of them: %s%% of the body (front %s%%, back %s%%)"),
         &maps::SeriesCellFigures::halfOrMorePct},
        {tr("  Painted in every visit:           %s%% of the body (front %s%%, back %s%%)"),
         &maps::SeriesCellFigures::everyVisitPct},
    };
    for (const auto& [fmt, pct] : lines) {
        out << i18n::format(fmt, num((f.overall.*pct)(), 2).c_str(), num((front.*pct)(), 2).c_str(),
                            num((back.*pct)(), 2).c_str())
            << "\n";
    }
    // The region holding the highest mean intensity (the first such region in template order).
    std::size_t top = t.regions.size();
    for (std::size_t r = 0; r < f.regions.size() && r < t.regions.size(); ++r) {
        if (f.regions[r].maxMean > 0 && (top == t.regions.size() || f.regions[r].maxMean > f.regions[top].maxMean)) top = r;
    }
    if (top == t.regions.size()) {
        out << tr("Mean-intensity map: no pain in any visit") << "\n";
    } else {
        const std::string where =
            maps::printableForMessage(i18n::templateText(i18n::kRegionContext, t.regions[top].name), 80);
        // TRANSLATORS: `bodymap series`: the highest mean intensity of a spot (0-10) and its region, then
        // the mean of the visits' pain burdens in percent.
        out << i18n::format(tr("Mean-intensity map (a visit without pain at a spot counts as 0): highest %s (%s); "
                               "mean pain burden %s%%"),
                            num(f.overall.maxMean, 2).c_str(), where.c_str(), num(f.overall.meanBurden() * 100, 2).c_str())
            << "\n";
    }
    std::vector<std::size_t> regions;
    for (std::size_t r = 0; r < f.regions.size() && r < t.regions.size(); ++r) {
        if (f.regions[r].halfOrMore > 0) regions.push_back(r);
    }
    if (regions.empty()) {
        out << tr("No spot hurt in at least half of the visits.") << "\n";
        return;
    }
    std::stable_sort(regions.begin(), regions.end(), [&f](std::size_t a, std::size_t b) {
        return f.regions[a].halfOrMorePct() > f.regions[b].halfOrMorePct();
    });
    out << tr("Regions painted in at least half of the visits (share of the region; painted in any visit; highest "
              "mean intensity):")
        << "\n";
    for (std::size_t i = 0; i < regions.size() && i < maxRegions; ++i) {
        const maps::SeriesCellFigures& c = f.regions[regions[i]];
        const std::string name = maps::printableForMessage(
            i18n::templateText(i18n::kRegionContext, t.regions[regions[i]].name), 80);
        out << "  " << padRight(name, 34) << " " << padLeft(i18n::format("%.1f%%", c.halfOrMorePct()), 6) << "  "
            << padLeft(i18n::format("%.1f%%", c.everPaintedPct()), 6) << "  "
            << padLeft(i18n::format("%.1f", c.maxMean), 4) << "\n";
    }
    if (regions.size() > maxRegions) {
        const std::size_t more = regions.size() - maxRegions;
        out << i18n::format(trn("  ... and %zu more (use --json for all)", "  ... and %zu more (use --json for all)", more),
                            more)
            << "\n";
    }
}

void printText(std::ostream& out, const SeriesInput& in) {
    const maps::SeriesSummary& s = in.summary;
    const std::size_t n = s.visitTimes.size();
    const std::string from = datePart(s.visitTimes.front()), to = datePart(s.visitTimes.back());
    if (n == 1) {
        // TRANSLATORS: `bodymap series` of a single visit, the first line: client id, date, template.
        out << i18n::format(tr("Series of 1 visit of client %s, on %s (template %s v%d)"),
                            maps::quoteForMessage(in.visits.front().clientId).c_str(), from.c_str(),
                            in.templateId.c_str(), in.tmpl->version)
            << "\n";
    } else if (in.clients <= 1) {
        const std::string client = maps::quoteForMessage(in.visits.front().clientId);
        // TRANSLATORS: `bodymap series`, the first line: visits, client id, first and last date, template.
        out << i18n::format(trn("Series of %zu visit of client %s, %s to %s (template %s v%d)",
                                "Series of %zu visits of client %s, %s to %s (template %s v%d)", n),
                            n, client.c_str(), from.c_str(), to.c_str(), in.templateId.c_str(), in.tmpl->version)
            << "\n";
    } else {
        // TRANSLATORS: `bodymap series --mixed-clients`, the first line; the second %zu counts the clients.
        out << i18n::format(trn("Series of %zu visit of %zu clients (pooled), %s to %s (template %s v%d)",
                                "Series of %zu visits of %zu clients (pooled), %s to %s (template %s v%d)", n),
                            n, in.clients, from.c_str(), to.c_str(), in.templateId.c_str(), in.tmpl->version)
            << "\n";
    }
    out << "\n";
    printVisits(out, in);
    out << "\n";
    printTrends(out, s);
    if (n >= 2) out << "\n";
    printMaps(out, in, 15);
    const maps::PainfulAreaRule rule;
    out << i18n::format(tr("Rule: %s; %s"), maps::describeRule(rule).c_str(), tr(kPainfulRuleOrigin)) << "\n";
    out << tr("(WPI and generalized pain are measures from the drawing, not a diagnosis.)") << "\n";
}

// --- JSON (English, '.' decimals) -----------------------------------------------------------

nlohmann::json figuresJson(const maps::SeriesCellFigures& c) {
    return {{"bodyCells", c.bodyCells},
            {"everPaintedCells", c.everPainted},
            {"everPaintedPct", rounded(c.everPaintedPct())},
            {"halfOrMoreCells", c.halfOrMore},
            {"halfOrMorePct", rounded(c.halfOrMorePct())},
            {"everyVisitCells", c.everyVisit},
            {"everyVisitPct", rounded(c.everyVisitPct())},
            {"maxShare", rounded(c.maxShare)},
            {"maxMeanIntensity", rounded(c.maxMean)},
            {"meanBurden", rounded(c.meanBurden(), 1e6)}};
}

nlohmann::json toJson(const SeriesInput& in) {
    const maps::SeriesSummary& s = in.summary;
    const maps::BodyTemplate& t = *in.tmpl;
    nlohmann::json j;
    j["clientId"] = in.clients <= 1 ? nlohmann::json(in.visits.front().clientId) : nlohmann::json(nullptr);
    j["clients"] = in.clients;
    j["template"] = {{"id", in.templateId}, {"version", t.version}};
    nlohmann::json visits = nlohmann::json::array();
    for (std::size_t k = 0; k < s.visitTimes.size(); ++k) {
        visits.push_back({{"file", in.visit(k).file}, {"visitTime", s.visitTimes[k]}, {"clientId", in.visit(k).clientId}});
    }
    j["visits"] = visits;
    nlohmann::json trends = nlohmann::json::object();
    for (const auto& tr : s.trends) {
        nlohmann::json values = nlohmann::json::array();
        for (const auto& v : tr.values) values.push_back(optionalNumber(v));
        trends[tr.key] = values;
    }
    j["trends"] = trends;
    const maps::SeriesFigures& f = in.figures;
    nlohmann::json views = nlohmann::json::object();
    for (maps::ViewId v : maps::kViews) views[std::string(maps::viewId(v))] = figuresJson(f.views[static_cast<std::size_t>(v)]);
    nlohmann::json regions = nlohmann::json::array();
    for (std::size_t r = 0; r < f.regions.size() && r < t.regions.size(); ++r) {
        if (f.regions[r].everPainted == 0) continue;
        nlohmann::json rj = figuresJson(f.regions[r]);
        rj["id"] = t.regions[r].id;
        rj["name"] = t.regions[r].name;
        regions.push_back(rj);
    }
    j["seriesMaps"] = {{"visits", f.visits},
                 {"overall", figuresJson(f.overall)},
                 {"views", views},
                 {"regionsEverPainted", regions},
                 {"note", "share = visits with pain at a cell / all visits; mean intensity = sum of the visits' "
                          "intensities at a cell / all visits (a visit without pain there counts as 0); halfOrMore: "
                          "cells painted in at least half of the visits"}};
    const maps::PainfulAreaRule rule;
    j["painfulAreaRule"] = {{"minCells", rule.minCells},
                            {"minShare", rule.minShare},
                            {"text", maps::describeRule(rule)},
                            {"origin", kPainfulRuleOrigin}};
    return j;
}

// The caption of the PNG: how many visits, from when to when, in the language's own dates.
std::string pngCaption(const maps::SeriesSummary& s) {
    const std::size_t n = s.visitTimes.size();
    auto longDate = [](const std::string& iso) {
        const auto c = maps::parseCivilTime(iso);
        return c ? i18n::formatDateLong(c->year, c->month, c->day) : maps::printableForMessage(iso, 40);
    };
    if (n == 1) {
        // TRANSLATORS: above the pictures of `bodymap series --png` for one visit; %s is its date.
        return i18n::format(tr("Pain drawing of 1 visit, %s"), longDate(s.visitTimes.front()).c_str());
    }
    // TRANSLATORS: above the pictures of `bodymap series --png`: the number of visits, first and last date.
    return i18n::format(trn("Pain drawings of %zu visit, %s to %s", "Pain drawings of %zu visits, %s to %s", n), n,
                        longDate(s.visitTimes.front()).c_str(), longDate(s.visitTimes.back()).c_str());
}

}  // namespace

int runSeries(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::vector<std::string> files;
    std::string templatesDir, png;
    bool json = false, onlyFiles = false, mixedClients = false;
    int width = 1600;
    int jobs = 0;                        // every core
    std::vector<std::string> listFiles;  // --files-from: more names than a command line holds
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!onlyFiles && a == "--") {
            onlyFiles = true;
        } else if (!onlyFiles && a == "--json") {
            json = true;
        } else if (!onlyFiles && a == "--mixed-clients") {
            mixedClients = true;
        } else if (!onlyFiles && a == "--png") {
            if (i + 1 >= args.size()) return seriesUsage(err, tr("--png needs a file name"));
            png = args[++i];
        } else if (!onlyFiles && a == "--width") {
            if (i + 1 >= args.size()) return seriesUsage(err, tr("--width needs a number"));
            const std::string& v = args[++i];
            char* end = nullptr;
            const long w = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end != '\0' || w < 640 || w > 4000) {
                return seriesUsage(err, tr("--width must be a number of pixels from 640 to 4000"));
            }
            width = static_cast<int>(w);
        } else if (!onlyFiles && a == "--jobs") {
            if (i + 1 >= args.size()) return seriesUsage(err, tr("--jobs needs a number of threads"));
            if (const std::string problem = parseJobs(args[++i], jobs); !problem.empty()) return seriesUsage(err, problem);
        } else if (!onlyFiles && a == "--files-from") {
            if (i + 1 >= args.size()) {
                return seriesUsage(err, tr("--files-from needs a file (one map file per line, - for stdin)"));
            }
            listFiles.push_back(args[++i]);
        } else if (!onlyFiles && a == "--templates") {
            if (i + 1 >= args.size()) return seriesUsage(err, tr("--templates needs a folder"));
            templatesDir = args[++i];
        } else if (!onlyFiles && !a.empty() && a[0] == '-') {
            return seriesUsage(err, i18n::format(tr("unknown option %s"), a.c_str()));
        } else {
            files.push_back(a);
        }
    }
    if (auto st = appendFileLists(listFiles, files); !st) {
        err << "bodymap series: " << maps::printableForMessage(st.error()) << "\n";
        return 1;
    }
    if (files.empty()) return seriesUsage(err, tr("no files given"));
    if (!png.empty()) {
        // Refused before the work, so that a series of many visits is not read for nothing.
        if (auto st = maps::checkOutputTarget(png); !st) {
            err << maps::printableForMessage(st.error()) << "\n";
            return 1;
        }
    }

    auto reg = loadCliTemplates(templatesDir);
    if (!reg) {
        err << "bodymap series: " << maps::printableForMessage(reg.error()) << "\n";
        return 1;
    }
    SeriesInput in;
    std::optional<maps::SeriesBuilder> builder;
    if (!readSeries(files, reg.value(), mixedClients, batchThreads(jobs), builder, in, err)) return 1;
    {
        // --json is for programs: the metrics' labels (made when the series is finished) stay English.
        std::optional<i18n::LanguageScope> english;
        if (json) english.emplace("en");
        auto s = builder->finish();
        if (!s) {
            err << "bodymap series: " << maps::printableForMessage(s.error()) << "\n";
            return 1;
        }
        in.summary = std::move(s.value());
    }
    in.figures = maps::seriesFigures(in.summary, *in.tmpl);
    warnSameTimes(in, err);

    if (!png.empty()) {
        const render::RgbaImage img = render::renderSeriesSheet(*in.tmpl, in.summary, width, pngCaption(in.summary));
        if (auto st = render::writePng(img, png); !st) {
            err << maps::printableForMessage(st.error()) << "\n";
            return 1;
        }
    }
    if (json) {
        nlohmann::json j = [&] {
            i18n::LanguageScope programs("en");
            return toJson(in);
        }();
        if (!png.empty()) j["png"] = png;
        // Never throws on a file name that is not UTF-8 (such bytes become U+FFFD), no raw C1.
        out << maps::dumpJsonForTerminal(j) << "\n";
    } else {
        printText(out, in);
        if (!png.empty()) out << i18n::format(tr("Wrote %s"), maps::printableForMessage(png).c_str()) << "\n";
    }
    return 0;
}

}  // namespace bodymap::app
