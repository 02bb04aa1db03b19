// The report's page flow (recording-surface pages, running header, footers with page numbers)
// and its text helpers: headings, paragraphs that continue line by line onto new pages,
// ellipsizing, number and date formatting (see report.h, report_detail).
#include "render/report.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <pango/pangocairo.h>

#include "maps/i18n/i18n.h"
#include "render/colormap.h"
#include "render/text.h"

namespace bodymap::render::report_detail {

namespace {
constexpr double kMargin = 42.0;          // ~15 mm on every side
constexpr double kRunningHeader = 26.0;   // continuation pages: client line and a rule
constexpr double kFooter = 22.0;          // rule and footer line above the bottom margin

TextStyle grey(double size) {
    TextStyle s;
    s.size = size;
    s.r = s.g = s.b = 0.38;
    return s;
}

void hairline(cairo_t* cr, double x0, double x1, double y, double gray, double width) {
    cairo_set_source_rgb(cr, gray, gray, gray);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
    cairo_stroke(cr);
}

// Pango breaks a word longer than the line only after measuring it whole, which is quadratic in
// its length (64 KiB of 'x' took 5 s). A zero-width space every kLongRun characters of a run
// with no break opportunity keeps the layout linear and changes nothing that is printed.
// `inserted` receives the byte offsets (in the result) of the inserted spaces, ascending.
constexpr std::size_t kLongRun = 24;
const char kZeroWidthSpace[] = "\xE2\x80\x8B";

std::string breakLongRuns(const std::string& text, std::vector<std::size_t>& inserted) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t run = 0;  // characters since the last space or line break
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool startsChar = (c & 0xC0) != 0x80;
        if (startsChar) {
            if (c == ' ' || c == '\n' || c == '\t' || c == '-') {
                run = 0;
            } else if (++run > kLongRun) {
                inserted.push_back(out.size());
                out += kZeroWidthSpace;
                run = 1;
            }
        }
        out += text[i];
    }
    return out;
}

// The byte offset in the original text of `index` in breakLongRuns' result.
std::size_t originalIndex(std::size_t index, const std::vector<std::size_t>& inserted) {
    std::size_t before = 0;
    for (std::size_t pos : inserted) {
        if (pos >= index) break;
        ++before;
    }
    return index - before * (sizeof kZeroWidthSpace - 1);
}

PangoLayout* makeLayout(cairo_t* cr, const std::string& text, double size, bool bold, double w) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72.0);
    pango_layout_context_changed(layout);
    PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(w * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text.c_str(), -1);
    return layout;
}
}  // namespace

TextStyle style(double size, bool bold, double gray) {
    TextStyle s;
    s.size = size;
    s.bold = bold;
    if (gray >= 0) s.r = s.g = s.b = gray;
    return s;
}

PageFlow::PageFlow(const ReportData& data, PaperSize paper)
    : m_data(data), m_paper(paper), m_margin(kMargin) {
    openPage();
}

PageFlow::~PageFlow() {
    if (m_cr) cairo_destroy(m_cr);
}

double PageFlow::top() const { return m_margin + (page() > 0 ? kRunningHeader : 0.0); }
double PageFlow::continuationTop() const { return m_margin + kRunningHeader; }
double PageFlow::bottom() const { return m_paper.height - m_margin - kFooter; }

void PageFlow::openPage() {
    if (m_cr) cairo_destroy(m_cr);
    cairo_rectangle_t extents{0, 0, m_paper.width, m_paper.height};
    m_pages.emplace_back(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents),
                         cairo_surface_destroy);
    m_cr = cairo_create(m_pages.back().get());
    y = top();
    if (page() == 0) return;
    // Running header: who and which visit, so that a loose page can be put back.
    const maps::VisitInfo& v = m_data.in->current->info;
    const std::string who = v.clientName.empty() ? v.clientId : v.clientName;
    const std::string line = ellipsize(m_cr, who, Ink::kSmall, true, width() * 0.6);
    drawText(m_cr, line, left(), m_margin, [] { TextStyle s = grey(Ink::kSmall); s.bold = true; return s; }());
    TextStyle r = grey(Ink::kSmall);
    r.align = Align::Right;
    // TRANSLATORS: top right of the report's continuation pages; %s is the visit's date and time.
    const std::string visit = i18n::format(tr("Visit %s"), formatVisitTime(v.visitTime).c_str());
    drawText(m_cr, ellipsize(m_cr, visit, Ink::kSmall, false, width() * 0.38), right(), m_margin, r);
    hairline(m_cr, left(), right(), m_margin + 13, 0.7, 0.5);
    box(left(), m_margin, right(), m_margin + 13, "running-header");
}

void PageFlow::newPage() { openPage(); }

void PageFlow::box(double x0, double y0, double x1, double y1, const std::string& what,
                   const std::string& text) {
    m_boxes.push_back({page(), x0, y0, x1, y1, what, text});
}

std::vector<SurfacePtr> PageFlow::finish(ReportLayout& layout) {
    if (m_cr) cairo_destroy(m_cr);
    m_cr = nullptr;
    const int n = static_cast<int>(m_pages.size());
    const double fy = m_paper.height - m_margin - 10;
    for (int i = 0; i < n; ++i) {
        cairo_t* cr = cairo_create(m_pages[static_cast<std::size_t>(i)].get());
        hairline(cr, left(), right(), fy - 5, 0.7, 0.5);
        TextStyle s = grey(Ink::kSmall);
        // TRANSLATORS: the report's page number in the footer, e.g. "Page 2 of 3".
        const std::string pageText = i18n::format(tr("Page %d of %d"), i + 1, n);
        const std::string printed = formatVisitTime(m_data.printedDate, false);
        // TRANSLATORS: the report's footer; the first %s is the BodyMap version (may be empty), the second the
        // date the report was printed.
        const std::string footer = i18n::format(tr("BodyMap %s \u00b7 pain drawing report \u00b7 printed %s"),
                                                m_data.in->appVersion.c_str(), printed.c_str());
        double pw = 0, ph = 0;
        measureText(cr, pageText, s, pw, ph);
        drawText(cr, ellipsize(cr, footer, Ink::kSmall, false, width() - pw - 12), left(), fy, s);
        s.align = Align::Right;
        drawText(cr, pageText, right(), fy, s);
        cairo_destroy(cr);
        m_boxes.push_back({i, left(), fy - 5, right(), fy + 10, "footer", {}});
    }
    layout.pageCount = n;
    layout.paper = m_paper;
    layout.margin = m_margin;
    layout.boxes = m_boxes;
    return m_pages;
}

std::string formatVisitTime(const std::string& iso, bool withTime) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) < 3 || mo < 1 || mo > 12 || d < 1 ||
        d > 31) {
        return iso;
    }
    const std::string date = i18n::formatDateLong(y, mo, d);
    if (withTime && iso.find('T') != std::string::npos && h >= 0 && h < 24 && mi >= 0 && mi < 60) {
        // TRANSLATORS: a visit's date and time in the report, e.g. "November 16, 2026, 10:00 AM".
        return i18n::format(tr("%s, %s"), date.c_str(), i18n::formatTime(h, mi).c_str());
    }
    return date;
}

std::string shortDate(const std::string& iso) {
    int y = 0, mo = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &mo, &d) < 3 || mo < 1 || mo > 12 || d < 1 || d > 31) return iso;
    std::string s = i18n::formatDate(y, mo, d);
    const std::string year = std::to_string(y);
    const std::size_t at = s.rfind(year);
    if (at == std::string::npos) return s;
    // The year and the separator on its side ("11/16/2026" -> "11/16"; "16.11.2026" -> "16.11.").
    std::size_t from = at, to = at + year.size();
    if (to < s.size() && (s[to] == '/' || s[to] == '-' || s[to] == ' ')) ++to;
    else if (from > 0 && (s[from - 1] == '/' || s[from - 1] == '-' || s[from - 1] == ' ')) --from;
    s.erase(from, to - from);
    return s;
}

std::string fixed(double v, int digits) {
    std::string s = i18n::formatNumber(v, digits);
    // "-0.0" (any decimal separator): no sign.
    if (!s.empty() && s[0] == '-' && s.find_first_not_of("-0.,") == std::string::npos) s.erase(0, 1);
    return s;
}

std::string signedFixed(double v, int digits) {
    const std::string s = fixed(v, digits);
    if (s.find_first_not_of("0.,") == std::string::npos) return s;  // zero: no sign
    return s[0] == '-' ? "\u2212" + s.substr(1) : "+" + s;
}

void heading(PageFlow& f, const std::string& text, double keepWith) {
    f.ensure(Ink::kHeading * 1.9 + keepWith);
    TextStyle s;
    s.size = Ink::kHeading;
    s.bold = true;
    const Rgba c = palette::kSideMark;
    s.r = c.r / 255.0;
    s.g = c.g / 255.0;
    s.b = c.b / 255.0;
    const double y0 = f.y;
    const double h = drawText(f.cr(), text, f.left(), f.y, s);
    f.y += h + 2;
    cairo_set_source_rgb(f.cr(), s.r, s.g, s.b);
    cairo_set_line_width(f.cr(), 0.6);
    cairo_move_to(f.cr(), f.left(), f.y);
    cairo_line_to(f.cr(), f.right(), f.y);
    cairo_stroke(f.cr());
    f.y += 5;
    f.box(f.left(), y0, f.right(), f.y, "heading", text);
}

std::size_t paragraph(PageFlow& f, const std::string& text, double x, double w, double size,
                      bool bold, const std::string& what, int maxPages, double reserveLast) {
    std::vector<std::size_t> inserted;
    const std::string laid = breakLongRuns(text, inserted);
    PangoLayout* layout = makeLayout(f.cr(), laid, size, bold, w);
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    double partTop = f.y;      // where the current page's part starts
    double offset = -1;        // layout y (points) drawn at partTop
    int parts = 1;
    std::size_t drawn = text.size();
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        const double ly = static_cast<double>(logical.y) / PANGO_SCALE;
        const double lh = static_cast<double>(logical.height) / PANGO_SCALE;
        if (offset < 0) offset = ly;
        // On the last page allowed, keep room for the notice that says what was left out.
        const bool last = maxPages > 0 && parts >= maxPages;
        if (partTop + (ly - offset) + lh > f.bottom() - (last ? reserveLast : 0.0)) {
            if (last) {
                drawn = originalIndex(static_cast<std::size_t>(pango_layout_iter_get_index(it)), inserted);
                break;
            }
            if (f.y > partTop) f.box(x, partTop, x + w, f.y, what);
            f.newPage();
            ++parts;
            partTop = f.y;
            offset = ly;
        }
        const double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
        cairo_set_source_rgb(f.cr(), palette::kInk.r / 255.0, palette::kInk.g / 255.0, palette::kInk.b / 255.0);
        cairo_move_to(f.cr(), x + static_cast<double>(logical.x) / PANGO_SCALE, partTop + (baseline - offset));
        pango_cairo_show_layout_line(f.cr(), pango_layout_iter_get_line_readonly(it));
        f.y = partTop + (ly - offset) + lh;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(layout);
    if (f.y > partTop) f.box(x, partTop, x + w, f.y, what);
    return drawn;
}

void notice(PageFlow& f, const std::string& text, double x, double w, const std::string& what) {
    TextStyle s = grey(Ink::kSmall);
    s.wrapWidth = w;
    double tw = 0, th = 0;
    measureText(f.cr(), text, s, tw, th);
    f.ensure(th + 2);
    const double y0 = f.y + 2;
    f.y = y0 + drawText(f.cr(), text, x, y0, s);
    f.box(x, y0, x + w, f.y, what, text);
}

std::string cutAtWord(const std::string& text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 start
    const std::size_t space = text.find_last_of(" \n\t", cut);
    if (space != std::string::npos && space > maxBytes / 2) cut = space;
    while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == '\n' || text[cut - 1] == '\t')) --cut;
    return text.substr(0, cut);
}

std::string grouped(std::size_t n) {
    std::string s = std::to_string(n);
    // The thousands separator goes with the decimal one: 1,730 (en), 1.730 (de, es), 1 730 (fr).
    const std::string lang = i18n::currentLanguage();
    const std::string sep = lang == "fr" ? "\u202f" : i18n::conventions().decimalPoint == ',' ? "." : ",";
    for (std::size_t i = s.size(); i > 3; i -= 3) s.insert(i - 3, sep);
    return s;
}

std::string ellipsize(cairo_t* cr, const std::string& text, double size, bool bold, double w) {
    TextStyle s;
    s.size = size;
    s.bold = bold;
    double tw = 0, th = 0;
    measureText(cr, text, s, tw, th);
    if (tw <= w) return text;
    // Cut at code point boundaries: binary search the longest prefix that fits with "…".
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cuts.push_back(i);
    }
    std::size_t lo = 0, hi = cuts.size();
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        measureText(cr, text.substr(0, cuts[mid - 1]) + "\u2026", s, tw, th);
        if (tw <= w) lo = mid;
        else hi = mid - 1;
    }
    return lo == 0 ? "\u2026" : text.substr(0, cuts[lo - 1]) + "\u2026";
}

}  // namespace bodymap::render::report_detail
