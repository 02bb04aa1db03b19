// The report's entry points: checking the input, computing the figures once, drawing the pages
// as recording surfaces and replaying them into one PDF in memory (see report.h).
#include "render/report.h"

#include <algorithm>
#include <cctype>
#include <ctime>

#include <cairo-pdf.h>

#include "maps/atomic_file.h"
#include "maps/i18n/i18n.h"

namespace bodymap::render {

using report_detail::PageFlow;
using report_detail::ReportData;

PaperSize paperSize(Paper p) {
    return p == Paper::Letter ? PaperSize{612.0, 792.0} : PaperSize{595.28, 841.89};
}

std::optional<Paper> parsePaper(std::string_view s) {
    std::string l(s);
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (l == "a4") return Paper::A4;
    if (l == "letter") return Paper::Letter;
    return std::nullopt;
}

Paper defaultPaper(std::string_view language) {
    return i18n::conventionsFor(language).paper == i18n::PaperKind::Letter ? Paper::Letter : Paper::A4;
}

std::optional<ChangeSince> parseChangeSince(std::string_view s) {
    if (s == "previous") return ChangeSince::Previous;
    if (s == "first") return ChangeSince::First;
    if (s == "both") return ChangeSince::Both;
    return std::nullopt;
}

namespace {

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

maps::Result<ReportData> prepare(const ReportInput& in) {
    if (!in.tmpl || !in.current) return maps::Error{tr("report: no map or template given")};
    const maps::BodyTemplate& t = *in.tmpl;
    ReportData d;
    d.in = &in;
    d.t = &t;
    d.printedDate = in.printedDate.empty() ? today() : in.printedDate;
    auto m = maps::computeMetrics(*in.current, t);
    if (!m) return maps::Error{i18n::format(tr("report: %s"), m.error().c_str())};
    d.metrics = std::move(m.value());
    if (in.previous.empty()) return d;
    std::vector<const maps::PainMap*> all;
    for (const maps::PainMap* p : in.previous) {
        if (!p) return maps::Error{tr("report: an earlier visit is missing")};
        if (auto st = maps::checkMapOnTemplate(*p, t); !st) {
            // TRANSLATORS: the first %s is the earlier visit's time, the second what is wrong with it.
            return maps::Error{i18n::format(tr("report: earlier visit %s: %s"), p->info.visitTime.c_str(),
                                            st.error().c_str())};
        }
        // The current visit given again (same map or same visit time) is not an earlier one.
        if (p == in.current || p->info.visitTime == in.current->info.visitTime) continue;
        all.push_back(p);
    }
    if (all.empty()) return d;
    // The previous visit is the latest one before the current (visit times sort as text); when
    // every one given is later, the latest of them. The first is the earliest one given.
    const std::string& now = in.current->info.visitTime;
    const maps::PainMap* previous = nullptr;
    const maps::PainMap* first = nullptr;
    for (const maps::PainMap* p : all) {
        const bool before = p->info.visitTime < now;
        const bool prevBefore = previous && previous->info.visitTime < now;
        if (!previous || (before && !prevBefore) ||
            (before == prevBefore && p->info.visitTime > previous->info.visitTime)) {
            previous = p;
        }
        if (!first || p->info.visitTime < first->info.visitTime) first = p;
    }
    std::vector<std::pair<const maps::PainMap*, bool>> bases;  // (visit, is the first)
    // With one earlier visit it is both the previous and the first: one section.
    if (in.since != ChangeSince::First || first == previous) bases.push_back({previous, false});
    if (in.since != ChangeSince::Previous && first != previous) bases.push_back({first, true});
    for (const auto& [base, isFirst] : bases) {
        auto c = maps::compareMaps(*base, *in.current, t);
        if (!c) return maps::Error{i18n::format(tr("report: %s"), c.error().c_str())};
        d.changes.push_back({base, isFirst, std::move(c.value())});
    }
    all.push_back(in.current);
    auto s = maps::summarizeSeries(all, t);
    if (!s) return maps::Error{i18n::format(tr("report: %s"), s.error().c_str())};
    d.series = std::move(s.value());
    return d;
}

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

maps::Result<std::string> renderReportPdf(const ReportInput& in, ReportLayout* layout,
                                          const ReportProgress& progress) {
    // Everything drawn (and the messages) in the report's language.
    i18n::LanguageScope scope(in.language.empty() ? i18n::currentLanguage() : in.language);
    auto prepared = prepare(in);
    if (!prepared) return maps::Error{prepared.error()};
    const ReportData& d = prepared.value();
    const PaperSize paper = paperSize(in.paper);
    if (progress) progress(0.1);

    ReportLayout local;
    ReportLayout& L = layout ? *layout : local;
    std::vector<report_detail::SurfacePtr> pages;
    {
        PageFlow flow(d, paper);
        report_detail::drawVisitPage(flow, d);
        if (in.therapistPage) {
            flow.newPage();
            report_detail::drawTherapistPage(flow, d);
        }
        if (progress) progress(0.5);
        for (std::size_t i = 0; i < d.changes.size(); ++i) {
            flow.newPage();
            report_detail::drawChangePage(flow, d, d.changes[i], i == 0);
        }
        pages = flow.finish(L);
    }
    if (progress) progress(0.8);

    std::string bytes;
    cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(appendBytes, &bytes, paper.width, paper.height);
    // TRANSLATORS: the PDF's title (shown by PDF viewers); %s is the client's name.
    const std::string title = i18n::format(tr("Pain drawing report: %s"), in.current->info.clientName.c_str());
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, ("BodyMap " + in.appVersion).c_str());
    cairo_t* cr = cairo_create(pdf);
    for (const auto& page : pages) {
        cairo_set_source_surface(cr, page.get(), 0, 0);
        cairo_paint(cr);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    const cairo_status_t st = cairo_surface_status(pdf);
    cairo_surface_destroy(pdf);
    if (st != CAIRO_STATUS_SUCCESS) {
        return maps::Error{i18n::format(tr("report: cannot make the PDF: %s"), cairo_status_to_string(st))};
    }
    if (progress) progress(1.0);
    return bytes;
}

maps::Status writeReportPdf(const ReportInput& in, const std::string& path,
                            const ReportProgress& progress) {
    // A symlink, FIFO or device as the output is refused before the work, not after it.
    if (auto st = maps::checkOutputTarget(path); !st) return st;
    auto pdf = renderReportPdf(in, nullptr, progress);
    if (!pdf) return maps::Error{path + ": " + pdf.error()};
    return maps::writeFileAtomic(path, pdf.value());
}

}  // namespace bodymap::render
