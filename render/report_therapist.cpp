// The therapist's page of the report (ReportInput::therapistPage): the chart with the findings,
// marks and fascial tags and its legend, the agreement of the findings with the client's drawing,
// the list of marks with a label or note, then the session note in SOAP form and the treatment
// given. After the client's page, so that a referral can go with it or without it.
#include "render/report.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>
#include <string>
#include <utility>

#include "maps/i18n/i18n.h"
#include "maps/agreement.h"
#include "render/text.h"
#include "render/therapist_layer.h"

namespace bodymap::render::report_detail {

namespace {

// One field of the note: its name in bold, then the text (or a grey "Not recorded."), at most
// maxPages page parts, with a notice of what is left out.
void noteSection(PageFlow& f, const ReportData& d, const char* name, const std::string& text, const char* what) {
    f.ensure(Ink::kBody * 4);
    f.y += drawText(f.cr(), name, f.left(), f.y, style(Ink::kBody, true)) + 2;
    if (text.empty()) {
        // TRANSLATORS: in the report, under a field of the session note that is empty.
        f.y += drawText(f.cr(), tr("Not recorded."), f.left(), f.y, style(Ink::kBody, false, 0.45));
    } else {
        const int pages = d.in->limits.maxNotePages;
        const std::size_t drawn = paragraph(f, text, f.left(), f.width(), Ink::kBody, false, what, pages, Ink::kSmall * 3.5);
        if (drawn < text.size()) {
            const std::size_t left = text.size() - drawn;
            notice(f,
                   // TRANSLATORS: %s characters of a session note field are left out; %d pages at most.
                   i18n::format(trn("\u2026 This note continues for %s more character that is not printed "
                                    "(the report prints at most %d pages of it); see the map file.",
                                    "\u2026 This note continues for %s more characters that are not printed "
                                    "(the report prints at most %d pages of it); see the map file.",
                                    left),
                                grouped(left).c_str(), pages),
                   f.left(), f.width(), std::string("omitted-") + what);
        }
    }
    f.y += 8;
}


constexpr std::size_t kAgreementRegions = 8;  // rows of the per-region table

std::string percent(std::optional<double> share) {
    // TRANSLATORS: a share in the report's agreement block; %s is the number. %% is a percent sign.
    return share ? i18n::format(tr("%s %%"), fixed(*share * 100, 0).c_str()) : std::string("\u2013");
}

// How far the therapist's findings and the client's drawing cover the same body: the Jaccard
// index in words, both shares, and the regions with the largest union.
void drawAgreement(PageFlow& f, const ReportData& d) {
    const maps::Agreement a = maps::computeAgreement(*d.in->current, *d.t);
    cairo_t* cr = f.cr();
    // TRANSLATORS: a heading of the report's therapist's page.
    heading(f, tr("Agreement with the client's drawing"), 60);
    const double y0 = f.y;
    const maps::LayerOverlap& o = a.total;
    // TRANSLATORS: the agreement of the therapist's findings with the client's drawing; %s is a
    // percentage ("42 %"). Jaccard index: the cells both marked out of the cells either marked.
    std::string text = i18n::format(tr("Overlap %s: of all the body the client drew or the therapist found, the "
                                       "share both marked (Jaccard index; 100\u00a0%% is the same area)."),
                                    percent(o.jaccard()).c_str());
    text += "\n";
    text += o.client > 0
                // TRANSLATORS: %s is a percentage of the client's drawing.
                ? i18n::format(tr("The therapist also found %s of what the client drew."), percent(o.foundShare()).c_str())
                : std::string(tr("The client drew no pain."));
    text += "\n";
    // TRANSLATORS: %s is a percentage of the therapist's findings.
    text += i18n::format(tr("The client had drawn %s of what the therapist found."), percent(o.drawnShare()).c_str());
    paragraph(f, text, f.left(), f.width(), Ink::kBody, false, "agreement-text");

    // The regions with the largest union first (template order among equals).
    std::vector<maps::RegionOverlap> rows = a.regions;
    std::stable_sort(rows.begin(), rows.end(), [](const maps::RegionOverlap& x, const maps::RegionOverlap& y) {
        return x.cells.unionCells() > y.cells.unionCells();
    });
    if (rows.size() > kAgreementRegions) rows.resize(kAgreementRegions);
    if (!rows.empty()) {
        f.y += 6;
        // TRANSLATORS: column headers of the agreement table: the region, the body cells the client
        // drew, the cells the therapist found, and the overlap (Jaccard) in that region.
        const std::string hRegion = trc("report column", "region"), hClient = trc("report column", "client drew (cells)"),
                          hFound = trc("report column", "therapist found (cells)"), hOverlap = trc("report column", "overlap");
        TextStyle hdr = style(Ink::kSmall, false, 0.42);
        const TextStyle body = style(Ink::kBody);
        auto widest = [&](const std::string& h, const std::string& v) {
            double hw = 0, vw = 0, th = 0;
            measureText(cr, h, hdr, hw, th);
            measureText(cr, v, body, vw, th);
            return std::max(hw, vw);
        };
        const double wO = widest(hOverlap, percent(1.0)), wF = widest(hFound, grouped(99999)),
                     wC = widest(hClient, grouped(99999));
        const double tableW = std::min(f.width(), 420.0);
        const double cO = f.left() + tableW, cF = cO - wO - 12, cC = cF - wF - 12;
        const double nameW = cC - wC - 12 - f.left();
        double th = 0, tw = 0;
        measureText(cr, hRegion, hdr, tw, th);
        f.ensure(th + 3 + Ink::kBody * 1.5);
        TextStyle hdrR = hdr;
        hdrR.align = Align::Right;
        drawText(cr, hRegion, f.left(), f.y, hdr);
        drawText(cr, hClient, cC, f.y, hdrR);
        drawText(cr, hFound, cF, f.y, hdrR);
        f.y += drawText(cr, hOverlap, cO, f.y, hdrR) + 1;
        TextStyle num = body;
        num.align = Align::Right;
        for (const auto& r : rows) {
            const std::string name = ellipsize(
                cr, i18n::templateText(i18n::kRegionContext, d.t->regions[static_cast<std::size_t>(r.region)].name),
                Ink::kBody, false, nameW);
            double nw = 0, nh = 0;
            measureText(cr, name, body, nw, nh);
            f.ensure(nh + 2);
            const double y = f.y;
            drawText(cr, name, f.left(), y, body);
            drawText(cr, grouped(static_cast<std::size_t>(r.cells.client)), cC, y, num);
            drawText(cr, grouped(static_cast<std::size_t>(r.cells.findings)), cF, y, num);
            drawText(cr, percent(r.cells.jaccard()), cO, y, num);
            f.y += nh + 2;
            f.box(f.left(), y, cO, f.y, "agreement-row", name);
        }
    }
    f.box(f.left(), y0, f.right(), f.y, "agreement");
    f.y += 12;
}

// The marks with a label or a note, lettered as on the chart (drawMarks' keys), in map order.
void drawMarksList(PageFlow& f, const ReportData& d) {
    const auto& marks = d.in->current->marks;
    std::vector<const maps::Mark*> listed;
    for (const auto& m : marks)
        if (!m.label.empty() || !m.note.empty()) listed.push_back(&m);
    if (listed.empty()) return;
    cairo_t* cr = f.cr();
    // TRANSLATORS: a heading of the therapist's page: the chart's marks that carry a text, each with
    // the letter beside it on the chart.
    heading(f, tr("Marks on the chart"), 30);
    const std::size_t shown = std::min(listed.size(), d.in->limits.maxTags);
    double keyW = 0;
    for (std::size_t i = 0; i < shown; ++i) {
        double w = 0, h = 0;
        measureText(cr, markKey(i), style(Ink::kBody, true), w, h);
        keyW = std::max(keyW, w);
    }
    keyW += 8;
    for (std::size_t i = 0; i < shown; ++i) {
        const maps::Mark& m = *listed[i];
        const std::string view = i18n::templateText(i18n::kViewContext, d.t->view(m.view).label);
        // TRANSLATORS: a row of the therapist's list of marks: the mark's kind and the view it is on
        // ("Active trigger point, Front").
        std::string head = i18n::format(trc("report marks list", "%s, %s"), std::string(maps::markKindName(m.kind)).c_str(),
                                        view.c_str());
        if (m.by == maps::DrawnBy::Client)
            // TRANSLATORS: a mark of the therapist's list of marks that the client drew; %s is "<kind>, <view>".
            head = i18n::format(trc("report marks list", "%s (drawn by the client)"), head.c_str());
        const std::string label = cutAtWord(m.label, d.in->limits.maxTagNoteChars);
        const std::string note = cutAtWord(m.note, d.in->limits.maxTagNoteChars);
        std::string text;
        if (!label.empty() && !note.empty())
            // TRANSLATORS: a row of the list of marks: the kind and view, the mark's label, its note.
            text = i18n::format(trc("report marks list", "%s: \u201c%s\u201d \u2014 %s"), head.c_str(), label.c_str(), note.c_str());
        else
            // TRANSLATORS: a row of the list of marks: the kind and view, then the label or the note.
            text = i18n::format(trc("report marks list", "%s: %s"), head.c_str(),
                                label.empty() ? note.c_str() : (std::string("\u201c") + label + "\u201d").c_str());
        f.ensure(Ink::kBody * 1.6);
        drawText(cr, markKey(i), f.left(), f.y, style(Ink::kBody, true, -1));
        paragraph(f, text, f.left() + keyW, f.width() - keyW, Ink::kBody, false, "marks-list");
        f.y += 3;
    }
    if (shown < listed.size()) {
        const std::size_t left = listed.size() - shown;
        notice(f,
               // TRANSLATORS: %s marks with a text are not listed in the report.
               i18n::format(trn("\u2026 %s more mark with a text is not listed; see the map file.",
                                "\u2026 %s more marks with a text are not listed; see the map file.", left),
                            grouped(left).c_str()),
               f.left(), f.width(), "omitted-marks");
    }
    f.y += 10;
}

}  // namespace

void drawTherapistPage(PageFlow& f, const ReportData& d) {
    const maps::VisitInfo& v = d.in->current->info;
    const maps::SessionNote& n = v.session;
    cairo_t* cr = f.cr();
    // TRANSLATORS: the heading of the report's therapist's page; %s is the visit's date.
    heading(f, i18n::format(tr("The therapist's chart, %s"), formatVisitTime(v.visitTime, false).c_str()), 200);
    if (!v.therapist.empty()) {
        // TRANSLATORS: under the therapist's page heading; %s is the therapist's name.
        f.y += drawText(cr, i18n::format(tr("Therapist: %s"), v.therapist.c_str()), f.left(), f.y,
                        style(Ink::kBody, false, 0.35)) + 6;
    }
    const double chartW = std::round(f.width() * 0.64);
    const double cx = f.left() + (f.width() - chartW) / 2;
    const double y0 = f.y;
    f.y = y0 + drawMaps(cr, d, cx, y0, chartW, true);
    f.box(cx, y0, cx + chartW, f.y, "therapist-chart");
    if (!d.in->current->tags.empty()) {
        // TRANSLATORS: under the therapist's chart: the numbered marks are explained on page 1.
        f.y += 4 + drawText(cr, tr("Numbered marks: the fascial tags listed on the client's page."), f.left(), f.y,
                            style(Ink::kSmall, false, 0.4));
    }
    f.y += 6;
    const maps::PainMap& map = *d.in->current;
    const double legendH = drawTherapistLegend(cr, f.left(), f.y, f.width(), Ink::kSmall, map, MarkFilter::All, true,
                                               true, false);
    if (legendH > 0) {
        f.ensure(legendH);
        drawTherapistLegend(cr, f.left(), f.y, f.width(), Ink::kSmall, map);
        f.box(f.left(), f.y, f.right(), f.y + legendH, "therapist-legend");
        f.y += legendH;
    }
    f.y += 14;
    if (map.hasFindings()) drawAgreement(f, d);
    drawMarksList(f, d);

    // TRANSLATORS: a heading of the report: the therapist's session note (Subjective, Objective,
    // Assessment, Plan).
    heading(f, tr("Session note (SOAP)"), 40);
    noteSection(f, d, tr("Subjective"), n.subjective, "soap-subjective");
    noteSection(f, d, tr("Objective"), n.objective, "soap-objective");
    noteSection(f, d, tr("Assessment"), n.assessment, "soap-assessment");
    noteSection(f, d, tr("Plan"), n.plan, "soap-plan");

    // TRANSLATORS: a heading of the report: the techniques, areas and duration of the treatment.
    heading(f, tr("Treatment given"), 40);
    // Label and value rows; long values cut at a word (the whole text is in the map file).
    const std::string duration =
        n.minutes > 0
            // TRANSLATORS: the treatment's duration in the report.
            ? i18n::format(trn("%d minute", "%d minutes", static_cast<unsigned long>(n.minutes)), n.minutes)
            : std::string();
    const std::pair<const char*, std::pair<std::string, const char*>> rows[] = {
        {tr("Techniques"), {n.techniques, "treatment-techniques"}},
        {tr("Areas"), {n.areas, "treatment-areas"}},
        {tr("Duration"), {duration, "treatment-duration"}},
    };
    double labelW = 0;
    for (const auto& r : rows) {
        double w = 0, h = 0;
        measureText(cr, r.first, style(Ink::kBody, true), w, h);
        labelW = std::max(labelW, w);
    }
    labelW += 12;
    for (const auto& [label, value] : rows) {
        const bool empty = value.first.empty();
        TextStyle vs = style(Ink::kBody, false, empty ? 0.45 : -1);
        vs.wrapWidth = f.width() - labelW;
        const std::string text = empty ? std::string(tr("Not recorded.")) : cutAtWord(value.first, 600);
        double w = 0, h = 0;
        measureText(cr, text, vs, w, h);
        f.ensure(h + 4);
        const double y = f.y;
        drawText(cr, label, f.left(), y, style(Ink::kBody, true));
        f.y += drawText(cr, text, f.left() + labelW, y, vs) + 4;
        f.box(f.left(), y, f.right(), f.y, value.second, text);
    }
    f.y += 8;
}

}  // namespace bodymap::render::report_detail
