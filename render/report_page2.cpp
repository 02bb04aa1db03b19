// Report page 2, the change: the difference map against the previous visit, the change of the
// key figures, trend charts over the visits given and the per-region change table (see
// report.h). The region table continues on a further page when it is long.
#include "render/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "maps/i18n/i18n.h"
#include "render/chart.h"
#include "render/colormap.h"
#include "render/diff_image.h"
#include "render/legend.h"
#include "render/text.h"
#include "maps/visit_time.h"

namespace bodymap::render::report_detail {

namespace {

constexpr double kColumnGap = 18.0;
constexpr std::size_t kMaxRegionRows = 14;

TextStyle right(TextStyle s) {
    s.align = Align::Right;
    return s;
}
void accent(cairo_t* cr, double alpha = 1.0) {
    const Rgba c = palette::kSideMark;
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

const maps::MetricChange* findChange(const maps::Comparison& c, const std::string& key) {
    for (const auto& m : c.metrics) {
        if (m.key == key) return &m;
    }
    return nullptr;
}

// The column header of the earlier visit of a section.
const char* baseWord(const ChangeSection& c) {
    // TRANSLATORS: column header of the report's change table: the value at the earlier visit
    // (short). "previous" = the visit before this one, "first" = the first visit given.
    return c.first ? trc("report column", "first") : trc("report column", "previous");
}

double drawDiffMaps(cairo_t* cr, const ReportData& d, const maps::Comparison& c, double x, double y, double w) {
    const maps::BodyTemplate& t = *d.t;
    const double gap = 10;
    const double s = (w - gap) / 2 / t.width;
    for (int i = 0; i < 2; ++i) {
        cairo_save(cr);
        cairo_translate(cr, x + i * (t.width * s + gap), y);
        cairo_scale(cr, s, s);
        drawDifferenceView(cr, t, c.difference, i == 0 ? maps::ViewId::Front : maps::ViewId::Back);
        cairo_restore(cr);
    }
    return panelHeightCells(t) * s;
}

double drawFigureChanges(PageFlow& f, const ReportData& d, const ChangeSection& sec, double x, double y, double w) {
    cairo_t* cr = f.cr();
    const maps::Comparison& c = sec.change;
    const double y0 = y;
    TextStyle h = style(Ink::kHeading, true);
    const Rgba a = palette::kSideMark;
    h.r = a.r / 255.0, h.g = a.g / 255.0, h.b = a.b / 255.0;
    h.wrapWidth = w;
    y += drawText(cr,
                  sec.first ? tr("Key figures, first visit \u2192 this visit")
                            : tr("Key figures, previous visit \u2192 this visit"),
                  x, y, h) + 4;
    struct Item { const char* key; const char* label; int digits; double scale; };
    static constexpr Item kItems[] = {
        // xgettext:no-c-format
        {"extent_pct", trNoop("Pain extent (% of body)"), 1, 1.0},
        {"max_intensity", trNoop("Max intensity (0-10)"), 0, 1.0},
        {"mean_intensity", trNoop("Mean intensity (0-10)"), 1, 1.0},
        // xgettext:no-c-format
        {"pain_burden", trNoop("Pain burden (%)"), 2, 100.0},
        {"wpi", trNoop("WPI (0-19)"), 0, 1.0},
        {"generalized_pain", trNoop("Generalized pain (0-5)"), 0, 1.0},
    };
    // Columns sized from their headers and the widest value ("\u221210.00").
    const TextStyle hdr = right(style(Ink::kSmall, false, 0.42));
    // TRANSLATORS: column headers of the report's change table: the value at this visit, and the change.
    const std::string hThis = trc("report column", "this"), hChange = trc("report column", "change");
    // The cells' text first, so that each column is as wide as its header or its widest value.
    struct Cells { const char* label; std::string before, after, change; };
    std::vector<Cells> cells;
    for (const Item& it : kItems) {
        const maps::MetricChange* m = findChange(c, it.key);
        if (!m) continue;
        auto v = [&](const std::optional<double>& o) { return o ? fixed(*o * it.scale, it.digits) : "\u2013"; };
        cells.push_back({it.label, v(m->before), v(m->after),
                         m->change ? signedFixed(*m->change * it.scale, it.digits) : "\u2013"});
    }
    auto colW = [&](const std::string& header, std::string Cells::*field, bool bold) {
        double best = 0, vw = 0, th = 0;
        measureText(cr, header, hdr, best, th);
        for (const Cells& cl : cells) {
            measureText(cr, cl.*field, style(Ink::kBody, bold), vw, th);
            best = std::max(best, vw);
        }
        return best;
    };
    const double cChg = x + w, cNow = cChg - colW(hChange, &Cells::change, false) - 8;
    const double cPrev = cNow - colW(hThis, &Cells::after, true) - 8;
    const double labelW = cPrev - colW(baseWord(sec), &Cells::before, false) - 6 - x;
    drawText(cr, baseWord(sec), cPrev, y, hdr);
    drawText(cr, hThis, cNow, y, hdr);
    y += drawText(cr, hChange, cChg, y, hdr) + 1;
    TextStyle labelStyle = style(Ink::kBody);
    labelStyle.wrapWidth = std::max(labelW, 40.0);
    for (const Cells& cl : cells) {
        const double rh = drawText(cr, tr(cl.label), x, y, labelStyle);
        drawText(cr, cl.before, cPrev, y, right(style(Ink::kBody)));
        drawText(cr, cl.after, cNow, y, right(style(Ink::kBody, true)));
        drawText(cr, cl.change, cChg, y, right(style(Ink::kBody)));
        y += rh + 2;
    }
    // The painted area: how much is new, gone, worse or better, as % of the body.
    y += 8;
    y += drawText(cr,
                  sec.first ? tr("Painted area, first visit \u2192 this visit")
                            : tr("Painted area, previous visit \u2192 this visit"),
                  x, y, h) + 4;
    int body = 0;
    for (const auto& v : d.t->views) body += v.bodyCells;
    auto pct = [&](maps::CellChange k) {
        return i18n::format(tr("%s %%"),
                            fixed(100.0 * c.difference.counts[static_cast<std::size_t>(k)] / std::max(1, body), 1).c_str());
    };
    const std::pair<const char*, maps::CellChange> rows[] = {
        {trNoopC("painted area", "New pain"), maps::CellChange::New},
        {trNoopC("painted area", "Resolved"), maps::CellChange::Resolved},
        {trNoopC("painted area", "Worse"), maps::CellChange::Worse},
        {trNoopC("painted area", "Better"), maps::CellChange::Better},
        {trNoopC("painted area", "Unchanged"), maps::CellChange::Unchanged}};
    TextStyle areaLabel = style(Ink::kBody);
    areaLabel.wrapWidth = std::max(cNow - x, 40.0);
    for (const auto& [label, k] : rows) {
        const double rh = drawText(cr, trc("painted area", label), x, y, areaLabel);
        drawText(cr, pct(k), cChg, y, right(style(Ink::kBody)));
        y += rh + 2;
    }
    const double rh = drawText(cr, tr("Overlap of painted areas (Jaccard)"), x, y, areaLabel);
    drawText(cr, fixed(c.overlap.jaccard, 2), cChg, y, right(style(Ink::kBody)));
    y += rh + 2;
    TextStyle note = style(Ink::kSmall - 0.5, false, 0.45);
    note.wrapWidth = w;
    // xgettext:no-c-format
    y += drawText(cr, tr("Areas as % of the body; overlap 1 = the same area painted, 0 = no area in common."),
                  x, y + 2, note) + 2;
    f.box(x, y0, x + w, y, "change-figures");
    return y;
}

// A round top for an axis scaled to the data: 1, 2 or 5 x 10^k at or above v.
double niceTop(double v) {
    if (v <= 0) return 1;
    const double p = std::pow(10, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (v <= m * p + 1e-12) return m * p;
    }
    return 10 * p;
}

struct Span {
    double x0, x1;
};
bool collides(const Span& a, const std::vector<Span>& kept, double pad) {
    for (const Span& b : kept) {
        if (a.x0 < b.x1 + pad && b.x0 < a.x1 + pad) return true;
    }
    return false;
}

// A small line chart of one figure over the visits, the current visit marked. Visits sit at
// their dates on the x axis (evenly spaced only when a visit time is not a date). The y axis
// runs from 0 to fixedMax (the range in the title), or, with fixedMax 0, from 0 to a round value
// above the data, which its top label and the title's "(axis 0-N)" state.
void trendChart(cairo_t* cr, const maps::SeriesSummary& s, const std::string& key, const std::string& title,
                double scale, int digits, double fixedMax, double x, double y, double w, double h) {
    const maps::MetricTrend* trend = nullptr;
    for (const auto& t : s.trends) {
        if (t.key == key) trend = &t;
    }
    double vmax = fixedMax;
    if (trend && vmax <= 0) {
        for (const auto& v : trend->values) vmax = std::max(vmax, v.value_or(0) * scale);
        vmax = niceTop(vmax);
    }
    const std::string top = fixed(vmax, vmax < 1 ? (vmax < 0.1 ? 2 : 1) : 0);
    // TRANSLATORS: a trend chart's title with the range of its y axis, e.g. "Pain extent, % of body
    // (axis 0-20)".
    const std::string shownTitle = fixedMax > 0 ? title : i18n::format(tr("%s (axis 0\u2013%s)"), title.c_str(), top.c_str());
    TextStyle titleStyle = style(Ink::kSmall + 0.5, true);
    drawText(cr, ellipsize(cr, shownTitle, titleStyle.size, true, w), x, y, titleStyle);
    if (!trend || trend->values.empty()) return;
    // The highest value sits 9 pt below the plot top, leaving room for its label under the title.
    const double plotTop = y + 24, bottom = y + h - 12, left = x + 22, rightX = x + w - 8;
    // Axes and a mid grid line.
    cairo_set_line_width(cr, 0.5);
    cairo_set_source_rgb(cr, 0.82, 0.82, 0.82);
    cairo_move_to(cr, left, (plotTop + bottom) / 2);
    cairo_line_to(cr, rightX, (plotTop + bottom) / 2);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    cairo_move_to(cr, left, plotTop - 8);
    cairo_line_to(cr, left, bottom);
    cairo_line_to(cr, rightX, bottom);
    cairo_stroke(cr);
    const TextStyle axis = right(style(6.0, false, 0.42));
    drawText(cr, top, left - 3, plotTop - 3.5, axis);
    drawText(cr, "0", left - 3, bottom - 5.5, axis);
    // x: days since the first visit; evenly spaced when a time is not a date.
    const std::size_t n = trend->values.size();
    std::vector<double> day(n);
    bool dated = true;
    for (std::size_t i = 0; i < n; ++i) {
        const auto dd = maps::visitDayNumber(s.visitTimes[i]);
        if (!dd) dated = false;
        day[i] = dd ? *dd : 0;
    }
    if (!dated) {
        for (std::size_t i = 0; i < n; ++i) day[i] = static_cast<double>(i);
    }
    const double d0 = day.front(), span = day.back() - day.front();
    auto px = [&](std::size_t i) {
        return span <= 0 ? (left + rightX) / 2 : left + 6 + (rightX - left - 12) * (day[i] - d0) / span;
    };
    auto py = [&](double v) { return bottom - (bottom - plotTop) * std::clamp(v / vmax, 0.0, 1.0); };
    accent(cr);
    cairo_new_path(cr);
    cairo_set_line_width(cr, 1.2);
    bool started = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (!trend->values[i]) { started = false; continue; }
        const double vy = py(*trend->values[i] * scale);
        if (started) cairo_line_to(cr, px(i), vy);
        else cairo_move_to(cr, px(i), vy);
        started = true;
    }
    cairo_stroke(cr);
    // Labels from the current visit backwards; one that would touch a label already placed is
    // left out.
    TextStyle lab = style(5.8, false, 0.30);
    lab.align = Align::Center;
    std::vector<Span> dates, values;
    std::vector<double> valueY;
    for (std::size_t k = n; k-- > 0;) {
        const std::string date = shortDate(s.visitTimes[k]);  // "11/16" (en), "16.11." (de)
        const double cx = px(k);
        double tw = 0, th = 0;
        measureText(cr, date, lab, tw, th);
        const Span sd{cx - tw / 2, cx + tw / 2};
        if (!collides(sd, dates, 2)) {
            drawText(cr, date, cx, bottom + 3, lab);
            dates.push_back(sd);
        }
        if (!trend->values[k]) continue;
        const double vy = py(*trend->values[k] * scale);
        cairo_new_path(cr);
        cairo_arc(cr, cx, vy, k + 1 == n ? 2.6 : 1.8, 0, 2 * M_PI);
        accent(cr);
        cairo_fill(cr);
        TextStyle val = style(5.8, k + 1 == n, 0.25);
        val.align = Align::Center;
        const std::string text = fixed(*trend->values[k] * scale, digits);
        measureText(cr, text, val, tw, th);
        // A value label that would overlap one already placed (close visits with close values)
        // is left out; the current visit's always shows.
        const Span sv{cx - tw / 2, cx + tw / 2};
        bool clash = false;
        for (std::size_t j = 0; j < values.size(); ++j) {
            clash = clash || (collides(sv, {values[j]}, 1) && std::fabs(valueY[j] - (vy - 9)) < th);
        }
        if (clash) continue;
        drawText(cr, text, cx, vy - 9, val);
        values.push_back(sv);
        valueY.push_back(vy - 9);
    }
}

void drawTrends(PageFlow& f, const ReportData& d) {
    const maps::SeriesSummary& s = *d.series;
    const std::size_t visits = s.visitTimes.size();
    heading(f,
            i18n::format(trn("Trends over the %zu visit given, spaced by date",
                             "Trends over the %zu visits given, spaced by date", visits),
                         visits),
            2 * 84 + 8);
    const double gap = 14, w = (f.width() - 2 * gap) / 3, h = 84;
    struct Chart { const char* key; const char* title; double scale; int digits; double max; };
    // Fixed ranges where the measure has one; extent and burden are scaled to the data (a few
    // percent would be a flat line on 0-100) and say their axis in the title.
    static constexpr Chart kCharts[] = {
        // xgettext:no-c-format
        {"extent_pct", trNoop("Pain extent, % of body"), 1.0, 1, 0},
        {"max_intensity", trNoop("Max intensity (0-10)"), 1.0, 0, 10},
        {"mean_intensity", trNoop("Mean intensity (0-10)"), 1.0, 1, 10},
        // xgettext:no-c-format
        {"pain_burden", trNoop("Pain burden, %"), 100.0, 1, 0},
        {"wpi", trNoop("WPI (0-19)"), 1.0, 0, 19},
        {"generalized_pain", trNoop("Generalized pain (0-5)"), 1.0, 0, 5},
    };
    const double y0 = f.y;
    for (std::size_t i = 0; i < 6; ++i) {
        const Chart& c = kCharts[i];
        const double cx = f.left() + static_cast<double>(i % 3) * (w + gap);
        const double cy = y0 + static_cast<double>(i / 3) * (h + 8);
        trendChart(f.cr(), s, c.key, tr(c.title), c.scale, c.digits, c.max, cx, cy, w, h);
    }
    f.y = y0 + 2 * h + 8;
    f.box(f.left(), y0, f.right(), f.y, "trends");
    f.y += 12;
}

// The change of a region's burden in percentage points as printed (1 decimal, 2 when that
// rounds a real change to 0), and the verdict, which follows the printed sign so that a row
// never contradicts itself: up = worse (new when there was no pain), down = better (resolved
// when none is left), 0 = no net change.
struct RegionVerdict {
    std::string burden;   // "+1.2", "\u22120.04", "0.0"
    std::string verdict;  // "new", "worse", "no net change", "better", "resolved" (translated)
    int sign = 0;
};
RegionVerdict regionVerdict(const maps::RegionChange& r) {
    const double pp = r.burdenChange() * 100.0;
    RegionVerdict v;
    v.burden = signedFixed(pp, 1);
    if (v.burden == fixed(0, 1) && std::fabs(pp) >= 0.005) v.burden = signedFixed(pp, 2);
    v.sign = v.burden[0] == '+' ? 1 : (v.burden.rfind("\u2212", 0) == 0 ? -1 : 0);
    // TRANSLATORS: the verdict column of the report's per-region change table.
    if (v.sign > 0) v.verdict = r.before.paintedCells == 0 ? trc("region verdict", "new") : trc("region verdict", "worse");
    else if (v.sign < 0) v.verdict = r.after.paintedCells == 0 ? trc("region verdict", "resolved") : trc("region verdict", "better");
    else v.verdict = trc("region verdict", "no net change");
    return v;
}

// Rows per page for a table of n equal rows starting at y: never one row alone on a page. A
// page break leaves at least two rows (with the tail, the lines after the last row) for the
// next page; the heading already kept the header and three rows with it.
std::vector<std::size_t> planRows(double y, double pageTop, double bottom, double rowH, double headerH,
                                  std::size_t n, double tailH) {
    std::vector<std::size_t> counts;
    std::size_t left = n;
    while (left > 0) {
        const std::size_t cap = static_cast<std::size_t>(std::max(0.0, std::floor((bottom - y) / rowH)));
        if (cap >= left && y + static_cast<double>(left) * rowH + tailH <= bottom) {
            counts.push_back(left);
            break;
        }
        std::size_t take = std::min(cap, left);
        if (left - take < 2) take = left >= 2 ? left - 2 : 0;
        counts.push_back(take);
        left -= take;
        y = pageTop + headerH;
    }
    return counts;
}

void drawRegionTable(PageFlow& f, const ReportData& d, const ChangeSection& sec) {
    const auto& regions = sec.change.regions;
    const std::size_t shown = std::min(regions.size(), kMaxRegionRows);
    const TextStyle hdrL = style(Ink::kSmall, false, 0.42);
    const TextStyle hdr = right(hdrL);
    double tw = 0, th = 0;
    measureText(f.cr(), "Ag", style(Ink::kBody), tw, th);
    const double rowH = th + 2;
    measureText(f.cr(), "Ag", hdrL, tw, th);
    const double headerH = th + 2;
    const std::string footnote = i18n::format(
        // TRANSLATORS: the footnote of the report's per-region change table; %s is "previous" or
        // "first" (the column header of the earlier visit).
        tr("Columns: %s \u2192 this visit; area = painted share of the region, mean and max on 0-10. Verdict = "
           "sign of the burden change (sum of intensity / (10 \u00d7 region area), in percentage points): up "
           "worse, down better, so a region whose maximum rose can still be better."),
        baseWord(sec));
    TextStyle fn = style(Ink::kSmall - 0.5, false, 0.45);
    fn.wrapWidth = f.width();
    double fw = 0, fh = 0;
    measureText(f.cr(), footnote, fn, fw, fh);
    const double tailH = (regions.size() > shown ? Ink::kSmall * 1.5 + 4 : 0.0) + fh + 6;
    const double keep = headerH + static_cast<double>(std::min<std::size_t>(shown, 3)) * rowH + (shown <= 3 ? tailH : 0.0);
    heading(f,
            sec.first ? tr("Change per region since the first visit (largest first)")
                      : tr("Change per region since the previous visit (largest first)"),
            regions.empty() ? 14 : keep);
    if (regions.empty()) {
        f.y += drawText(f.cr(), tr("No region changed."), f.left(), f.y, style(Ink::kBody, false, 0.35)) + 8;
        return;
    }
    // Columns (right edges): area, mean, max as "before \u2192 after", the burden change, the
    // verdict; each as wide as its header or the widest value it can hold, from the right.
    // TRANSLATORS: column headers of the report's per-region change table (short).
    const std::string hRegion = trc("report column", "region"), hArea = trc("report column", "area %"),
                      hMean = trc("report column", "mean"), hMax = trc("report column", "max"),
                      hBurden = trc("report column", "burden"), hVerdict = trc("report column", "verdict");
    auto widest = [&](const std::string& header, std::initializer_list<std::string> values, bool bold = false) {
        double w = 0, h = 0, best = 0;
        measureText(f.cr(), header, hdrL, best, h);
        for (const std::string& v : values) {
            measureText(f.cr(), v, style(Ink::kBody, bold), w, h);
            best = std::max(best, w);
        }
        return best;
    };
    const std::string ten1 = fixed(10, 1);
    const double wVerdict = widest(hVerdict, {trc("region verdict", "new"), trc("region verdict", "worse"),
                                              trc("region verdict", "resolved"), trc("region verdict", "better"),
                                              trc("region verdict", "no net change")});
    const double cVerdict = f.right() - wVerdict, cBurden = cVerdict - 18;
    const double cMax = cBurden - widest(hBurden, {"\u2212" + fixed(100, 2)}, true) - 8;
    const double cMean = cMax - widest(hMax, {"10 \u2192 10"}) - 8;
    const double cArea = cMean - widest(hMean, {ten1 + " \u2192 " + ten1}) - 8;
    const double nameW = std::max(cArea - widest(hArea, {"100 \u2192 100"}) - 8 - f.left() - 2, f.width() * 0.2);
    auto header = [&] {
        const double y0 = f.y;
        drawText(f.cr(), ellipsize(f.cr(), hRegion, Ink::kSmall, false, nameW), f.left(), f.y, hdrL);
        drawText(f.cr(), hArea, cArea, f.y, hdr);
        drawText(f.cr(), hMean, cMean, f.y, hdr);
        drawText(f.cr(), hMax, cMax, f.y, hdr);
        drawText(f.cr(), hBurden, cBurden, f.y, hdr);
        drawText(f.cr(), hVerdict, cVerdict, f.y, hdrL);
        f.y += th + 2;
        f.box(f.left(), y0, f.right(), f.y, "region-header");
    };
    header();
    const std::vector<std::size_t> plan =
        planRows(f.y, f.continuationTop(), f.bottom(), rowH, headerH, shown, tailH);
    std::size_t planPage = 0, onPage = 0;
    const auto arrow = [](const std::string& a, const std::string& b) { return a + " \u2192 " + b; };
    for (std::size_t i = 0; i < shown; ++i) {
        while (planPage < plan.size() && onPage >= plan[planPage]) {
            ++planPage;
            onPage = 0;
            f.newPage();
            header();
        }
        const maps::RegionChange& r = regions[i];
        const double y0 = f.y;
        if (i % 2 == 0) {
            cairo_rectangle(f.cr(), f.left(), y0 - 1, f.width(), rowH);
            cairo_set_source_rgb(f.cr(), 0.96, 0.96, 0.95);
            cairo_fill(f.cr());
        }
        const std::string name = i18n::templateText(i18n::kRegionContext, d.t->regions[static_cast<std::size_t>(r.region)].name);
        const double rh = drawText(f.cr(), ellipsize(f.cr(), name, Ink::kBody, false, nameW),
                                   f.left() + 2, y0, style(Ink::kBody));
        const TextStyle num = right(style(Ink::kBody));
        auto mean = [](const maps::CellStats& c) { return c.paintedCells ? fixed(c.meanIntensity(), 1) : std::string("0"); };
        const std::string area = arrow(fixed(r.before.extentPct(), 0), fixed(r.after.extentPct(), 0));
        const std::string means = arrow(mean(r.before), mean(r.after));
        const std::string maxes = arrow(std::to_string(r.before.maxIntensity), std::to_string(r.after.maxIntensity));
        drawText(f.cr(), area, cArea, y0, num);
        drawText(f.cr(), means, cMean, y0, num);
        drawText(f.cr(), maxes, cMax, y0, num);
        const RegionVerdict v = regionVerdict(r);
        drawText(f.cr(), v.burden, cBurden, y0, right(style(Ink::kBody, true)));
        const Rgba c = v.sign > 0 ? differenceColor(7) : v.sign < 0 ? differenceColor(-7) : kUnchangedPain;
        cairo_new_path(f.cr());
        cairo_arc(f.cr(), cVerdict - 6, y0 + rh / 2, 2.8, 0, 2 * M_PI);
        cairo_set_source_rgb(f.cr(), c.r / 255.0, c.g / 255.0, c.b / 255.0);
        cairo_fill(f.cr());
        drawText(f.cr(), v.verdict, cVerdict, y0, style(Ink::kBody));
        f.y = y0 + rowH;
        f.box(f.left(), y0, f.right(), f.y, "region-row",
              name + "|" + area + "|" + means + "|" + maxes + "|" + v.burden + "|" + v.verdict);
        ++onPage;
    }
    if (regions.size() > shown) {
        const std::size_t more = regions.size() - shown;
        TextStyle m = style(Ink::kSmall, false, 0.42);
        m.wrapWidth = f.width();
        f.y += drawText(f.cr(),
                        i18n::format(trn("and %zu more region with a smaller change",
                                         "and %zu more regions with smaller changes", more),
                                     more),
                        f.left(), f.y + 2, m) + 4;
    }
    f.ensure(fh + 3);  // planned above; a safety net should a row have been taller
    const double y0 = f.y + 3;
    f.y = y0 + drawText(f.cr(), footnote, f.left(), y0, fn);
    f.box(f.left(), y0, f.right(), f.y, "region-footnote", footnote);
    f.y += 8;
}

}  // namespace

void drawChangePage(PageFlow& f, const ReportData& d, const ChangeSection& sec, bool withTrends) {
    const maps::VisitInfo& base = sec.base->info;
    heading(f, sec.first ? tr("Change since the first visit given") : tr("Change since the previous visit"), 40);
    const std::string was = formatVisitTime(base.visitTime), now = formatVisitTime(d.in->current->info.visitTime);
    TextStyle sub = style(Ink::kBody, false, 0.30);
    sub.wrapWidth = f.width();
    f.y += drawText(f.cr(),
                    // TRANSLATORS: under the change heading; %s is the earlier visit's date and
                    // time, %s this visit's.
                    sec.first ? i18n::format(tr("First visit given %s  \u2192  this visit %s"), was.c_str(), now.c_str())
                              : i18n::format(tr("Previous visit %s  \u2192  this visit %s"), was.c_str(), now.c_str()),
                    f.left(), f.y, sub) + 8;
    cairo_t* cr = f.cr();
    const double mapsW = std::round(f.width() * 0.50);
    const double x2 = f.left() + mapsW + kColumnGap;
    const double y0 = f.y;
    double yl = y0 + drawDiffMaps(cr, d, sec.change, f.left(), y0, mapsW);
    f.box(f.left(), y0, f.left() + mapsW, yl, "difference-map");
    const double ly = yl + 4;
    yl = ly + drawDifferenceLegend(cr, f.left(), ly, mapsW, Ink::kSmall, sec.first ? "first" : "previous");
    f.box(f.left(), ly, f.left() + mapsW, yl, "difference-legend");
    const double yr = drawFigureChanges(f, d, sec, x2, y0, f.right() - x2);
    f.y = std::max(yl, yr) + 16;
    if (withTrends) drawTrends(f, d);
    drawRegionTable(f, d, sec);
}

}  // namespace bodymap::render::report_detail
