// Report page 2, the change: the difference map against the previous visit, the change of the
// key figures, trend charts over the visits given and the per-region change table (see
// report.h). The region table continues on a further page when it is long.
#include "render/report.h"

#include <algorithm>
#include <cmath>

#include "render/chart.h"
#include "render/colormap.h"
#include "render/diff_image.h"
#include "render/legend.h"
#include "render/text.h"

namespace bodymap::render::report_detail {

namespace {

constexpr double kColumnGap = 18.0;
constexpr std::size_t kMaxRegionRows = 14;

TextStyle style(double size, bool bold = false, double gray = -1) {
    TextStyle s;
    s.size = size;
    s.bold = bold;
    if (gray >= 0) s.r = s.g = s.b = gray;
    return s;
}
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

double drawDiffMaps(cairo_t* cr, const ReportData& d, double x, double y, double w) {
    const maps::BodyTemplate& t = *d.t;
    const double gap = 10;
    const double s = (w - gap) / 2 / t.width;
    for (int i = 0; i < 2; ++i) {
        cairo_save(cr);
        cairo_translate(cr, x + i * (t.width * s + gap), y);
        cairo_scale(cr, s, s);
        drawDifferenceView(cr, t, d.change->difference, i == 0 ? maps::ViewId::Front : maps::ViewId::Back);
        cairo_restore(cr);
    }
    return panelHeightCells(t) * s;
}

double drawFigureChanges(PageFlow& f, const ReportData& d, double x, double y, double w) {
    cairo_t* cr = f.cr();
    const maps::Comparison& c = *d.change;
    const double y0 = y;
    TextStyle h = style(Ink::kHeading, true);
    const Rgba a = palette::kSideMark;
    h.r = a.r / 255.0, h.g = a.g / 255.0, h.b = a.b / 255.0;
    y += drawText(cr, "Key figures, previous \u2192 this visit", x, y, h) + 4;
    const double cPrev = x + w - 84, cNow = x + w - 42, cChg = x + w;
    const TextStyle hdr = right(style(Ink::kSmall, false, 0.42));
    drawText(cr, "previous", cPrev, y, hdr);
    drawText(cr, "this", cNow, y, hdr);
    y += drawText(cr, "change", cChg, y, hdr) + 1;
    struct Item { const char* key; const char* label; int digits; double scale; const char* unit; };
    static constexpr Item kItems[] = {
        {"extent_pct", "Pain extent (% of body)", 1, 1.0, ""},
        {"max_intensity", "Max intensity (0-10)", 0, 1.0, ""},
        {"mean_intensity", "Mean intensity (0-10)", 1, 1.0, ""},
        {"pain_burden", "Pain burden (%)", 1, 100.0, ""},
        {"wpi", "WPI (0-19)", 0, 1.0, ""},
        {"generalized_pain", "Generalized pain (0-5)", 0, 1.0, ""},
    };
    for (const Item& it : kItems) {
        const maps::MetricChange* m = findChange(c, it.key);
        if (!m) continue;
        auto v = [&](const std::optional<double>& o) { return o ? fixed(*o * it.scale, it.digits) : "\u2013"; };
        const double rh = drawText(cr, it.label, x, y, style(Ink::kBody));
        drawText(cr, v(m->before), cPrev, y, right(style(Ink::kBody)));
        drawText(cr, v(m->after), cNow, y, right(style(Ink::kBody, true)));
        drawText(cr, m->change ? signedFixed(*m->change * it.scale, it.digits) : "\u2013", cChg, y,
                 right(style(Ink::kBody)));
        y += rh + 2;
    }
    // The painted area: how much is new, gone, worse or better, as % of the body.
    y += 8;
    y += drawText(cr, "Painted area, previous \u2192 this visit", x, y, h) + 4;
    int body = 0;
    for (const auto& v : d.t->views) body += v.bodyCells;
    auto pct = [&](maps::CellChange k) {
        return fixed(100.0 * c.difference.counts[static_cast<std::size_t>(k)] / std::max(1, body), 1) + " %";
    };
    const std::pair<const char*, maps::CellChange> rows[] = {
        {"New pain", maps::CellChange::New},       {"Resolved", maps::CellChange::Resolved},
        {"Worse", maps::CellChange::Worse},        {"Better", maps::CellChange::Better},
        {"Unchanged", maps::CellChange::Unchanged}};
    for (const auto& [label, k] : rows) {
        const double rh = drawText(cr, label, x, y, style(Ink::kBody));
        drawText(cr, pct(k), cChg, y, right(style(Ink::kBody)));
        y += rh + 2;
    }
    const double rh = drawText(cr, "Overlap of painted areas (Jaccard)", x, y, style(Ink::kBody));
    drawText(cr, fixed(c.overlap.jaccard, 2), cChg, y, right(style(Ink::kBody)));
    y += rh + 2;
    TextStyle note = style(Ink::kSmall - 0.5, false, 0.45);
    note.wrapWidth = w;
    y += drawText(cr, "Areas as % of the body; overlap 1 = the same area painted, 0 = no area in common.",
                  x, y + 2, note) + 2;
    f.box(x, y0, x + w, y, "change-figures");
    return y;
}

// A small line chart of one figure over the visits, the current visit marked.
void trendChart(cairo_t* cr, const maps::SeriesSummary& s, const std::string& key, const std::string& title,
                double scale, int digits, double fixedMax, double x, double y, double w, double h) {
    const maps::MetricTrend* tr = nullptr;
    for (const auto& t : s.trends) {
        if (t.key == key) tr = &t;
    }
    drawText(cr, title, x, y, style(Ink::kSmall + 0.5, true));
    if (!tr || tr->values.empty()) return;
    // The highest value sits 9 pt below the plot top, leaving room for its label under the title.
    const double top = y + 24, bottom = y + h - 12, left = x + 22, rightX = x + w - 8;
    double vmax = fixedMax;
    if (vmax <= 0) {
        for (const auto& v : tr->values) vmax = std::max(vmax, v.value_or(0) * scale);
        vmax = vmax <= 0 ? 1 : std::pow(10, std::floor(std::log10(vmax))) * std::ceil(vmax / std::pow(10, std::floor(std::log10(vmax))));
    }
    // Axes and a mid grid line.
    cairo_set_line_width(cr, 0.5);
    cairo_set_source_rgb(cr, 0.82, 0.82, 0.82);
    cairo_move_to(cr, left, (top + bottom) / 2);
    cairo_line_to(cr, rightX, (top + bottom) / 2);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    cairo_move_to(cr, left, top - 8);
    cairo_line_to(cr, left, bottom);
    cairo_line_to(cr, rightX, bottom);
    cairo_stroke(cr);
    const TextStyle axis = right(style(6.0, false, 0.42));
    drawText(cr, fixed(vmax, vmax < 2 ? 1 : 0), left - 3, top - 3.5, axis);
    drawText(cr, "0", left - 3, bottom - 5.5, axis);
    const std::size_t n = tr->values.size();
    auto px = [&](std::size_t i) { return n == 1 ? (left + rightX) / 2 : left + 6 + (rightX - left - 12) * static_cast<double>(i) / static_cast<double>(n - 1); };
    auto py = [&](double v) { return bottom - (bottom - top) * std::clamp(v / vmax, 0.0, 1.0); };
    accent(cr);
    cairo_new_path(cr);
    cairo_set_line_width(cr, 1.2);
    bool started = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (!tr->values[i]) { started = false; continue; }
        const double vy = py(*tr->values[i] * scale);
        if (started) cairo_line_to(cr, px(i), vy);
        else cairo_move_to(cr, px(i), vy);
        started = true;
    }
    cairo_stroke(cr);
    TextStyle lab = style(5.8, false, 0.30);
    lab.align = Align::Center;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string date = formatVisitTime(s.visitTimes[i], false);
        // "16 Nov 2026" -> "16 Nov": the year is in the header.
        drawText(cr, date.substr(0, date.rfind(' ')), px(i), bottom + 3, lab);
        if (!tr->values[i]) continue;
        const double vy = py(*tr->values[i] * scale);
        cairo_new_path(cr);
        cairo_arc(cr, px(i), vy, i + 1 == n ? 2.6 : 1.8, 0, 2 * M_PI);
        accent(cr);
        cairo_fill(cr);
        TextStyle val = style(5.8, i + 1 == n, 0.25);
        val.align = Align::Center;
        drawText(cr, fixed(*tr->values[i] * scale, digits), px(i), vy - 9, val);
    }
}

void drawTrends(PageFlow& f, const ReportData& d) {
    const maps::SeriesSummary& s = *d.series;
    heading(f, "Trends over the " + std::to_string(s.visitTimes.size()) + " visits given", 2 * 84 + 8);
    const double gap = 14, w = (f.width() - 2 * gap) / 3, h = 84;
    struct Chart { const char* key; const char* title; double scale; int digits; double max; };
    static constexpr Chart kCharts[] = {
        {"extent_pct", "Pain extent (% of body)", 1.0, 1, 0},
        {"max_intensity", "Max intensity (0-10)", 1.0, 0, 10},
        {"mean_intensity", "Mean intensity (0-10)", 1.0, 1, 10},
        {"pain_burden", "Pain burden (%)", 100.0, 1, 0},
        {"wpi", "WPI (0-19)", 1.0, 0, 0},
        {"generalized_pain", "Generalized pain (0-5)", 1.0, 0, 5},
    };
    const double y0 = f.y;
    for (std::size_t i = 0; i < 6; ++i) {
        const Chart& c = kCharts[i];
        const double cx = f.left() + static_cast<double>(i % 3) * (w + gap);
        const double cy = y0 + static_cast<double>(i / 3) * (h + 8);
        trendChart(f.cr(), s, c.key, c.title, c.scale, c.digits, c.max, cx, cy, w, h);
    }
    f.y = y0 + 2 * h + 8;
    f.box(f.left(), y0, f.right(), f.y, "trends");
    f.y += 12;
}

std::string verdict(const maps::RegionChange& r) {
    using maps::CellChange;
    auto n = [&](CellChange k) { return r.cells[static_cast<std::size_t>(k)]; };
    if (r.before.paintedCells == 0) return "new";
    if (r.after.paintedCells == 0) return "resolved";
    const double b = r.burdenChange();
    if (std::fabs(b) < 1e-9 && n(CellChange::New) + n(CellChange::Worse) == 0) return "better";
    return b > 0 ? "worse" : "better";
}

void drawRegionTable(PageFlow& f, const ReportData& d) {
    const auto& regions = d.change->regions;
    heading(f, "Change per region (largest first)", 30);
    if (regions.empty()) {
        f.y += drawText(f.cr(), "No region changed.", f.left(), f.y, style(Ink::kBody, false, 0.35)) + 8;
        return;
    }
    const double cArea0 = f.left() + f.width() * 0.50, cArea1 = cArea0 + 52;
    const double cMax0 = cArea1 + 50, cMax1 = cMax0 + 36, cVerdict = f.right() - 40;
    auto header = [&] {
        const TextStyle hdr = right(style(Ink::kSmall, false, 0.42));
        drawText(f.cr(), "region", f.left(), f.y, style(Ink::kSmall, false, 0.42));
        drawText(f.cr(), "area before", cArea0, f.y, hdr);
        drawText(f.cr(), "after", cArea1, f.y, hdr);
        drawText(f.cr(), "max before", cMax0, f.y, hdr);
        drawText(f.cr(), "after", cMax1, f.y, hdr);
        f.y += drawText(f.cr(), "change", cVerdict, f.y, style(Ink::kSmall, false, 0.42)) + 2;
    };
    header();
    const std::size_t shown = std::min(regions.size(), kMaxRegionRows);
    for (std::size_t i = 0; i < shown; ++i) {
        const maps::RegionChange& r = regions[i];
        const int page = f.page();
        f.ensure(Ink::kBody * 1.5);
        if (f.page() != page) header();
        const double y0 = f.y;
        if (i % 2 == 0) {
            cairo_rectangle(f.cr(), f.left(), y0 - 1, f.width(), Ink::kBody * 1.25 + 2);
            cairo_set_source_rgb(f.cr(), 0.96, 0.96, 0.95);
            cairo_fill(f.cr());
        }
        const std::string& name = d.t->regions[static_cast<std::size_t>(r.region)].name;
        const double rh = drawText(f.cr(), ellipsize(f.cr(), name, Ink::kBody, false, cArea0 - 60 - f.left()),
                                   f.left() + 2, y0, style(Ink::kBody));
        drawText(f.cr(), fixed(r.before.extentPct(), 0) + " %", cArea0, y0, right(style(Ink::kBody)));
        drawText(f.cr(), fixed(r.after.extentPct(), 0) + " %", cArea1, y0, right(style(Ink::kBody, true)));
        drawText(f.cr(), std::to_string(r.before.maxIntensity), cMax0, y0, right(style(Ink::kBody)));
        drawText(f.cr(), std::to_string(r.after.maxIntensity), cMax1, y0, right(style(Ink::kBody, true)));
        const std::string v = verdict(r);
        const Rgba c = differenceColor(v == "worse" || v == "new" ? 7 : -7);
        cairo_new_path(f.cr());
        cairo_arc(f.cr(), cVerdict - 6, y0 + rh / 2, 2.8, 0, 2 * M_PI);
        cairo_set_source_rgb(f.cr(), c.r / 255.0, c.g / 255.0, c.b / 255.0);
        cairo_fill(f.cr());
        drawText(f.cr(), v, cVerdict, y0, style(Ink::kBody));
        f.y += rh + 2;
        f.box(f.left(), y0, f.right(), f.y, "region-row");
    }
    if (regions.size() > shown) {
        f.ensure(Ink::kSmall * 1.5);
        f.y += drawText(f.cr(), "and " + std::to_string(regions.size() - shown) + " more regions with smaller changes",
                        f.left(), f.y + 2, style(Ink::kSmall, false, 0.42)) + 2;
    }
}

}  // namespace

void drawChangePage(PageFlow& f, const ReportData& d) {
    const maps::VisitInfo& prev = d.previous->info;
    heading(f, "Change since the previous visit", 40);
    f.y += drawText(f.cr(), "Previous visit " + formatVisitTime(prev.visitTime) + "  \u2192  this visit " +
                                formatVisitTime(d.in->current->info.visitTime),
                    f.left(), f.y, style(Ink::kBody, false, 0.30)) + 8;
    cairo_t* cr = f.cr();
    const double mapsW = std::round(f.width() * 0.50);
    const double x2 = f.left() + mapsW + kColumnGap;
    const double y0 = f.y;
    double yl = y0 + drawDiffMaps(cr, d, f.left(), y0, mapsW);
    f.box(f.left(), y0, f.left() + mapsW, yl, "difference-map");
    const double ly = yl + 4;
    yl = ly + drawDifferenceLegend(cr, f.left(), ly, mapsW, Ink::kSmall);
    f.box(f.left(), ly, f.left() + mapsW, yl, "difference-legend");
    const double yr = drawFigureChanges(f, d, x2, y0, f.right() - x2);
    f.y = std::max(yl, yr) + 16;
    drawTrends(f, d);
    drawRegionTable(f, d);
}

}  // namespace bodymap::render::report_detail
