// The referral report as a PDF (cairo + pango, A4 or Letter): page 1 with the header, both maps
// in vector form, legends, key figures, most painful regions, fascial tags and notes; optionally
// the therapist's page (chart with tags, SOAP note, treatment); then the
// change since the previous and/or the first visit, trends and per-region changes when earlier
// visits are given. Long text continues on further pages, within fixed caps (kReportLimits).
// Used by `bodymap report|print` and the GUI.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cairo.h>

#include "maps/body_template.h"
#include "maps/comparison.h"
#include "maps/metrics.h"
#include "maps/pain_map.h"
#include "maps/result.h"
#include "render/text.h"

namespace bodymap::render {

enum class Paper { A4, Letter };
struct PaperSize {
    double width = 0;   // points (1/72 inch)
    double height = 0;
};
PaperSize paperSize(Paper p);                       // A4 595.28 x 841.89, Letter 612 x 792
std::optional<Paper> parsePaper(std::string_view s);  // "a4" / "letter" (any case)

// Which earlier visit the change pages compare with: the latest one before this visit, the
// earliest one given, or both (two change sections). With one earlier visit they coincide and
// the report has one change section.
enum class ChangeSince { Previous, First, Both };
std::optional<ChangeSince> parseChangeSince(std::string_view s);  // "previous" / "first" / "both"

// Caps that keep a report of a valid file bounded in pages and time (the format allows 2000
// tags with 4 KiB notes and 64 KiB of visit notes). What is left out is said on the page.
struct ReportLimits {
    std::size_t maxTags = 60;           // tag rows printed
    std::size_t maxTagNoteChars = 300;  // bytes of one tag note printed (cut at a word)
    int maxTagPages = 3;                // pages the tag list may take
    int maxNotePages = 3;               // pages the visit notes may take
};
inline constexpr ReportLimits kReportLimits{};

struct ReportInput {
    const maps::BodyTemplate* tmpl = nullptr;       // the template every map was drawn on
    const maps::PainMap* current = nullptr;         // the visit the report is about
    std::vector<const maps::PainMap*> previous;     // earlier visits, any order (may be empty)
    Paper paper = Paper::A4;
    std::string referralTo;     // "Dr ...", printed as "Referral to" when not empty
    std::string printedDate;    // "YYYY-MM-DD"; empty: today's local date
    std::string appVersion;     // BodyMap version for the footer
    ChangeSince since = ChangeSince::Previous;
    // The therapist's page after the client's: the chart with the fascial tags, the session note
    // (SOAP) and the treatment given. Off: a referral without the therapist's notes.
    bool therapistPage = false;
    ReportLimits limits = kReportLimits;
    // The report's language (an i18n tag: "en", "de", "pseudo", ...); empty: the language tr()
    // uses on the calling thread. The pages are drawn under an i18n::LanguageScope of it.
    std::string language;
};

// The paper a report in `language` takes when none is chosen: Letter for US English, A4 for
// the others (i18n::conventionsFor).
Paper defaultPaper(std::string_view language);

// Called with the share done, 0..1, as pages are drawn (for a GUI progress bar).
using ReportProgress = std::function<void(double fraction)>;

// A rectangle the layout placed on a page, in points from the page's top-left (for tests).
struct LayoutBox {
    int page = 0;               // 0-based
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::string what;           // "header", "maps", "figures", "notes", ...
    std::string text;           // the words of notices ("omitted-tags", ...), for tests
};
struct ReportLayout {
    int pageCount = 0;
    PaperSize paper;
    double margin = 0;          // points on every side; content and footer stay inside
    std::vector<LayoutBox> boxes;
};

// The report as PDF bytes (fonts embedded, text and outlines as vectors). Errors when the input
// is incomplete or a map is not on the template. `layout`, when given, receives the boxes.
maps::Result<std::string> renderReportPdf(const ReportInput& in, ReportLayout* layout = nullptr,
                                          const ReportProgress& progress = {});

// renderReportPdf written atomically to `path` (never a partial file). Errors name the file.
maps::Status writeReportPdf(const ReportInput& in, const std::string& path,
                            const ReportProgress& progress = {});

// [SECTION] Internals shared by report_*.cpp (not for callers).
namespace report_detail {

using SurfacePtr = std::shared_ptr<cairo_surface_t>;

// One change section: an earlier visit against the current one.
struct ChangeSection {
    const maps::PainMap* base = nullptr;            // the earlier visit
    bool first = false;                             // the first visit given (else the previous)
    maps::Comparison change;                        // base -> current
};

// Everything computed from the input before drawing.
struct ReportData {
    const ReportInput* in = nullptr;
    const maps::BodyTemplate* t = nullptr;
    maps::MapMetrics metrics;                       // of the current visit
    std::vector<ChangeSection> changes;             // in print order; empty without earlier visits
    std::optional<maps::SeriesSummary> series;      // all visits, in time order
    std::string printedDate;
};

// Pages as recording surfaces with a cursor that flows content down and onto new pages.
class PageFlow {
public:
    PageFlow(const ReportData& data, PaperSize paper);
    cairo_t* cr() const { return m_cr; }
    double left() const { return m_margin; }
    double right() const { return m_paper.width - m_margin; }
    double width() const { return right() - left(); }
    double top() const;                      // below the running header of continuation pages
    double continuationTop() const;          // top() of the pages that newPage() starts
    double bottom() const;                   // above the footer
    double y = 0;                            // the cursor
    int page() const { return static_cast<int>(m_pages.size()) - 1; }
    // Starts a new page (with the short running header) and moves the cursor to its top.
    void newPage();
    // Starts a new page when fewer than `h` points are left below the cursor.
    void ensure(double h) {
        if (y + h > bottom()) newPage();
    }
    void box(double x0, double y0, double x1, double y1, const std::string& what,
             const std::string& text = {});
    // Draws the footers ("Page n of N") and hands back the pages and the layout.
    std::vector<SurfacePtr> finish(ReportLayout& layout);
    ~PageFlow();
    PageFlow(const PageFlow&) = delete;
    PageFlow& operator=(const PageFlow&) = delete;

private:
    void openPage();
    const ReportData& m_data;
    PaperSize m_paper;
    double m_margin = 0;
    std::vector<SurfacePtr> m_pages;
    cairo_t* m_cr = nullptr;
    std::vector<LayoutBox> m_boxes;
};

// Shared text helpers (report_layout.cpp). Sizes in points.
// A text style of `size`, optionally bold, in the body colour or a grey (0 black .. 1 white).
TextStyle style(double size, bool bold = false, double gray = -1);
// 1730 -> "1,730" (en), "1.730" (de).
std::string grouped(std::size_t n);
struct Ink {
    static constexpr double kBody = 9.0;     // body text
    static constexpr double kSmall = 7.5;    // table notes, footer
    static constexpr double kHeading = 11.0; // section headings
};
// "2026-11-16T10:00:00" -> "November 16, 2026, 10:00 AM" in the current language; date only
// when withTime is false; text that is not such a time comes back unchanged.
std::string formatVisitTime(const std::string& iso, bool withTime = true);
// A number with the language's decimal separator, never "-0.0".
std::string fixed(double v, int digits);
// A visit's date in figures without the year, for chart labels: "11/16" (en), "16.11." (de).
std::string shortDate(const std::string& iso);
std::string signedFixed(double v, int digits);
// A section heading with a rule under it at the cursor; keeps `keepWith` points below it on
// the same page. Moves the cursor.
void heading(PageFlow& f, const std::string& text, double keepWith);
// A wrapped paragraph at x with width w from the cursor, continuing line by line onto new pages.
// Moves the cursor; records a box named `what` per page part. With maxPages > 0 it stops
// before a line that would start its maxPages+1-th page part and returns the number of bytes
// of `text` drawn (text.size() when all of it fits), keeping reserveLast points free at the
// bottom of that last page (for a notice of what is left out).
std::size_t paragraph(PageFlow& f, const std::string& text, double x, double w, double size,
                      bool bold, const std::string& what, int maxPages = 0, double reserveLast = 0);
// A grey notice line (e.g. what was left out), wrapped, kept on one page; box `what` with text.
void notice(PageFlow& f, const std::string& text, double x, double w, const std::string& what);
// `text` cut to at most maxBytes at a word boundary (never inside a UTF-8 sequence).
std::string cutAtWord(const std::string& text, std::size_t maxBytes);
// The text shortened with an ellipsis to fit `w` on one line.
std::string ellipsize(cairo_t* cr, const std::string& text, double size, bool bold, double w);

// Both views of the current visit side by side, `w` points wide, with the fascial tags, for
// print (report_page1.cpp); returns the height drawn. The client's page (therapist false) shows
// the client's drawing only: pain, qualities and the client's own marks; the therapist's adds
// the findings and every mark, lettered as in its list of marks.
double drawMaps(cairo_t* cr, const ReportData& d, double x, double y, double w, bool therapist = false);

// Page 1 (report_page1.cpp) and the change pages (report_page2.cpp), one per section; the
// trends go with the first section drawn.
void drawVisitPage(PageFlow& f, const ReportData& d);
void drawChangePage(PageFlow& f, const ReportData& d, const ChangeSection& c, bool withTrends);
// The therapist's page (report_therapist.cpp), when ReportInput::therapistPage.
void drawTherapistPage(PageFlow& f, const ReportData& d);

}  // namespace report_detail

}  // namespace bodymap::render
