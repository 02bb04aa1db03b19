// The therapist's page of the report (ReportInput::therapistPage): the chart with the fascial
// tags, then the session note in SOAP form and the treatment given. After the client's page, so
// that a referral can go with it or without it.
#include "render/report.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "maps/i18n/i18n.h"
#include "render/text.h"

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
    const double chartW = std::round(f.width() * 0.52);
    const double cx = f.left() + (f.width() - chartW) / 2;
    const double y0 = f.y;
    f.y = y0 + drawMaps(cr, d, cx, y0, chartW);
    f.box(cx, y0, cx + chartW, f.y, "therapist-chart");
    if (!d.in->current->tags.empty()) {
        // TRANSLATORS: under the therapist's chart: the numbered marks are explained on page 1.
        f.y += 4 + drawText(cr, tr("Numbered marks: the fascial tags listed on the client's page."), f.left(), f.y,
                            style(Ink::kSmall, false, 0.4));
    }
    f.y += 14;

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
