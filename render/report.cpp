// The report's entry points: checking the input, computing the figures once, drawing the pages
// as recording surfaces and replaying them into one PDF in memory (see report.h).
#include "render/report.h"

#include <algorithm>
#include <cctype>
#include <ctime>

#include <cairo-pdf.h>

#include "maps/atomic_file.h"

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
    if (!in.tmpl || !in.current) return maps::Error{"report: no map or template given"};
    const maps::BodyTemplate& t = *in.tmpl;
    ReportData d;
    d.in = &in;
    d.t = &t;
    d.printedDate = in.printedDate.empty() ? today() : in.printedDate;
    auto m = maps::computeMetrics(*in.current, t);
    if (!m) return maps::Error{"report: " + m.error()};
    d.metrics = std::move(m.value());
    if (in.previous.empty()) return d;
    std::vector<const maps::PainMap*> all;
    for (const maps::PainMap* p : in.previous) {
        if (!p) return maps::Error{"report: an earlier visit is missing"};
        if (auto st = maps::checkMapOnTemplate(*p, t); !st) {
            return maps::Error{"report: earlier visit " + p->info.visitTime + ": " + st.error()};
        }
        // The current visit given again (same map or same visit time) is not an earlier one.
        if (p == in.current || p->info.visitTime == in.current->info.visitTime) continue;
        all.push_back(p);
    }
    if (all.empty()) return d;
    // The previous visit is the latest one before the current (visit times sort as text); when
    // every one given is later, the latest of them.
    const std::string& now = in.current->info.visitTime;
    for (const maps::PainMap* p : all) {
        const bool before = p->info.visitTime < now;
        const bool prevBefore = d.previous && d.previous->info.visitTime < now;
        if (!d.previous || (before && !prevBefore) ||
            (before == prevBefore && p->info.visitTime > d.previous->info.visitTime)) {
            d.previous = p;
        }
    }
    auto c = maps::compareMaps(*d.previous, *in.current, t);
    if (!c) return maps::Error{"report: " + c.error()};
    d.change = std::move(c.value());
    all.push_back(in.current);
    auto s = maps::summarizeSeries(all, t);
    if (!s) return maps::Error{"report: " + s.error()};
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
        if (progress) progress(0.5);
        if (d.change) {
            flow.newPage();
            report_detail::drawChangePage(flow, d);
        }
        pages = flow.finish(L);
    }
    if (progress) progress(0.8);

    std::string bytes;
    cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(appendBytes, &bytes, paper.width, paper.height);
    const std::string title = "Pain drawing report: " + in.current->info.clientName;
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
        return maps::Error{std::string("report: cannot make the PDF: ") + cairo_status_to_string(st)};
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
