// Report page 1, the visit: header, both maps with legends, key figures, most painful regions,
// fascial tags and the visit notes (see report.h). Long tag notes and visit notes flow onto
// further pages.
#include "render/report.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "maps/i18n/i18n.h"
#include "render/chart.h"
#include "render/colormap.h"
#include "render/fascial_tags.h"
#include "render/legend.h"
#include "render/text.h"
#include "render/therapist_layer.h"

namespace bodymap::render::report_detail {

namespace {

constexpr double kColumnGap = 18.0;
constexpr std::size_t kMaxRegions = 8;
constexpr float kPrintPatternScale = 3.0f;

// "Label  value" rows of the header: label in grey, value ellipsized to the column.
double field(cairo_t* cr, const std::string& label, const std::string& value, double x, double y,
             double w) {
    const TextStyle l = style(Ink::kBody, false, 0.42);
    double lw = 0, lh = 0;
    measureText(cr, label, l, lw, lh);
    const double vx = x + std::min(std::max(lw + 6, 62.0), w * 0.6);
    drawText(cr, ellipsize(cr, label, Ink::kBody, false, vx - x - 6), x, y, l);
    drawText(cr, ellipsize(cr, value.empty() ? "\u2013" : value, Ink::kBody, false, x + w - vx), vx, y,
             style(Ink::kBody));
    return lh;
}

void drawHeader(PageFlow& f, const ReportData& d) {
    cairo_t* cr = f.cr();
    const maps::VisitInfo& v = d.in->current->info;
    const double y0 = f.y;
    // Right: what this is and when it was printed, as wide as the title needs (at most 45 %).
    TextStyle t = style(Ink::kHeading, true);
    const Rgba c = palette::kSideMark;
    t.r = c.r / 255.0;
    t.g = c.g / 255.0;
    t.b = c.b / 255.0;
    t.align = Align::Right;
    // TRANSLATORS: the report's title, top right of its first page.
    const std::string title = tr("Pain drawing report");
    // TRANSLATORS: under the report's title; %s is the date it was printed.
    const std::string printed = i18n::format(tr("printed %s"), formatVisitTime(d.printedDate, false).c_str());
    TextStyle small = style(Ink::kSmall, false, 0.42);
    small.align = Align::Right;
    double tw = 0, tth = 0, pw = 0, ph = 0;
    measureText(cr, title, t, tw, tth);
    measureText(cr, printed, small, pw, ph);
    const double rightW = std::min(std::max({150.0, tw + 1, pw + 1}), f.width() * 0.45);
    t.wrapWidth = rightW;
    small.wrapWidth = rightW;
    const double th = drawText(cr, title, f.right() - rightW, y0, t);
    const double sh = drawText(cr, printed, f.right() - rightW, y0 + th + 2, small);
    // Left: the client's name, wrapped (long names take two lines, never run under the title).
    TextStyle name = style(17, true);
    name.wrapWidth = f.width() - rightW - kColumnGap;
    const std::string who = v.clientName.empty() ? v.clientId : v.clientName;
    const double nh = drawText(cr, who, f.left(), y0, name);
    f.box(f.left(), y0, f.left() + name.wrapWidth, y0 + nh, "client-name");
    f.box(f.right() - rightW, y0, f.right(), y0 + th + 2 + sh, "title");
    double y = y0 + std::max(nh, th + 2 + sh) + 6;
    const double fieldsTop = y;
    const double colW = (f.width() - kColumnGap) / 2;
    const double x2 = f.left() + colW + kColumnGap;
    // TRANSLATORS: who drew the map, the value of the report's "Drawn by" field.
    const std::string drawnBy = v.drawnBy == maps::DrawnBy::Client ? trc("drawn by", "client")
                                                                      // TRANSLATORS: see "client".
                                                                      : trc("drawn by", "therapist");
    double h = field(cr, tr("Client ID"), v.clientId, f.left(), y, colW);
    // TRANSLATORS: report header field: the therapist's name follows.
    field(cr, trc("report field", "Therapist"), v.therapist, x2, y, colW);
    y += h + 2;
    // TRANSLATORS: report header field: the visit's date and time follow.
    h = field(cr, trc("report field", "Visit"), formatVisitTime(v.visitTime), f.left(), y, colW);
    // TRANSLATORS: report header field: "client" or "therapist" follows.
    field(cr, tr("Drawn by"), drawnBy, x2, y, colW);
    y += h + 2;
    f.box(f.left(), fieldsTop, f.right(), y, "header-fields");
    f.y = y;
    if (!d.in->referralTo.empty()) {
        const TextStyle l = style(Ink::kBody, true);
        double lw = 0, lh = 0;
        // TRANSLATORS: report header: the doctor the report is for follows ("Referral to  Dr Hale").
        const std::string referral = tr("Referral to");
        measureText(cr, referral, l, lw, lh);
        drawText(cr, referral, f.left(), f.y, l);
        const double vx = f.left() + std::max(lw + 6, 62.0);
        paragraph(f, d.in->referralTo, vx, f.right() - vx, Ink::kBody, true, "referral");
        f.y += 2;
    }
    f.y += 4;
    cairo_set_source_rgb(cr, t.r, t.g, t.b);
    cairo_set_line_width(cr, 1.2);
    cairo_move_to(cr, f.left(), f.y);
    cairo_line_to(cr, f.right(), f.y);
    cairo_stroke(cr);
    f.y += 12;
}

// Both views side by side at the given width, vector outlines, pain as a clipped image.
struct Row {
    std::string label;
    std::string value;
    std::string detail;  // small, wrapped under the row
};

// The painful-area rule as whole sentences, and that it is BodyMap's, not the ACR's.
std::string painfulAreaNote(const maps::PainfulAreaRule& rule) {
    std::string r = maps::describeRule(rule);
    if (!r.empty()) r[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(r[0])));
    // TRANSLATORS: under the report's key figures; %s is the rule for a painful area (a sentence
    // from the metrics, e.g. "an area counts as painful from 4 cells").
    return i18n::format(tr("%s. This threshold is BodyMap's own filter against specks of paint, not part of "
                           "the ACR definition."),
                        r.c_str());
}

std::vector<Row> keyFigures(const ReportData& d) {
    const maps::MapMetrics& m = d.metrics;
    const maps::CellStats& all = m.overall.cells;
    std::vector<Row> rows;
    const auto& fv = m.views[0].cells;
    const auto& bv = m.views[1].cells;
    // TRANSLATORS: report key figure; the value is "12.5 % of body". %% is a percent sign.
    rows.push_back({tr("Pain extent"), i18n::format(tr("%.1f %% of body"), all.extentPct()),
                    // TRANSLATORS: under "Pain extent": the extent on the front and back views.
                    i18n::format(tr("front %.1f %%, back %.1f %%"), fv.extentPct(), bv.extentPct())});
    // TRANSLATORS: a 0-10 intensity in the report's key figures, e.g. "7 / 10".
    rows.push_back({tr("Max intensity"), i18n::format(tr("%d / 10"), all.maxIntensity), ""});
    rows.push_back({tr("Mean intensity"),
                    all.paintedCells ? i18n::format(tr("%.1f / 10"), all.meanIntensity()) : std::string("\u2013"),
                    tr("over the painted area")});
    // Two decimals below 1 %, so that a little pain does not read "0.0 %" (as in the GUI).
    const double burdenPct = all.burden() * 100;
    rows.push_back({tr("Pain burden"),
                    i18n::format(tr("%s %%"), fixed(burdenPct, burdenPct > 0 && burdenPct < 1 ? 2 : 1).c_str()),
                    tr("sum of intensity / (10 \u00d7 body area)")});
    std::string areas;
    for (int a = 0; a < maps::kWpiAreaCount; ++a) {
        if (!m.wpiAreas[static_cast<std::size_t>(a)].painful) continue;
        const std::string name(maps::wpiAreaName(static_cast<maps::WpiArea>(a)));
        areas = areas.empty() ? name : i18n::format(tr("%s, %s"), areas.c_str(), name.c_str());
    }
    // TRANSLATORS: the widespread pain index, "WPI", of 19 areas: "3 / 19".
    rows.push_back({tr("WPI"), i18n::format(tr("%d / 19"), m.wpi), areas.empty() ? tr("no painful area") : areas});
    rows.push_back({tr("Generalized pain"),
                    i18n::format(tr("%d / 5 regions"), m.generalizedPain),
                    m.generalizedPain >= 4 ? tr("criterion met (4 or more regions)")
                                           : tr("criterion not met (needs 4 of 5 regions)")});
    std::string quals;
    for (std::size_t q = 0; q < maps::kQualityCount; ++q) {
        const double e = m.overall.qualityExtentPct(static_cast<int>(q));
        if (m.overall.qualityCells[q] == 0) continue;
        // TRANSLATORS: a sensation and its extent in the report, e.g. "burning 3.5 %".
        const std::string item = i18n::format(tr("%s %.1f %%"), std::string(maps::qualityName(maps::kQualities[q])).c_str(), e);
        quals = quals.empty() ? item : i18n::format(tr("%s, %s"), quals.c_str(), item.c_str());
    }
    if (!quals.empty()) rows.push_back({tr("Sensations"), "", quals});
    return rows;
}

double drawFigures(PageFlow& f, const ReportData& d, double x, double y, double w) {
    cairo_t* cr = f.cr();
    const double y0 = y;
    TextStyle h = style(Ink::kHeading, true);
    const Rgba c = palette::kSideMark;
    h.r = c.r / 255.0, h.g = c.g / 255.0, h.b = c.b / 255.0;
    h.wrapWidth = w;
    // TRANSLATORS: a heading of the report's first page.
    y += drawText(cr, tr("Key figures"), x, y, h) + 4;
    for (const Row& r : keyFigures(d)) {
        // The value at the right; the label wraps in what is left of the line.
        TextStyle v = style(Ink::kBody, true);
        double vw = 0, vh = 0;
        if (!r.value.empty()) measureText(cr, r.value, v, vw, vh);
        vw = std::min(vw, w * 0.5);
        TextStyle l = style(Ink::kBody, true);
        l.wrapWidth = w - vw - 8;
        const double rh = drawText(cr, r.label, x, y, l);
        v.align = Align::Right;
        if (!r.value.empty()) drawText(cr, ellipsize(cr, r.value, Ink::kBody, true, w * 0.5), x + w, y, v);
        y += std::max(rh, vh);
        if (!r.detail.empty()) {
            TextStyle det = style(Ink::kSmall, false, 0.40);
            det.wrapWidth = w - 8;
            y += drawText(cr, r.detail, x + 8, y, det);
        }
        y += 3.5;
    }
    TextStyle note = style(Ink::kSmall - 0.5, false, 0.45);
    note.wrapWidth = w;
    const std::string noteText = i18n::format(
        // TRANSLATORS: the note under the report's key figures; %s is a further sentence (the
        // threshold of a painful area).
        tr("WPI areas (ACR 2010/2016) and generalized pain are measures taken from the drawing, not a "
           "diagnosis. %s"),
        painfulAreaNote(d.metrics.rule).c_str());
    y += drawText(cr, noteText, x, y, note);
    f.box(x, y0, x + w, y, "figures", noteText);
    return y;
}

double drawRegions(PageFlow& f, const ReportData& d, double x, double y, double w) {
    cairo_t* cr = f.cr();
    const double y0 = y;
    std::vector<int> idx;
    for (std::size_t i = 0; i < d.metrics.regions.size(); ++i) {
        if (d.metrics.regions[i].paintedCells > 0) idx.push_back(static_cast<int>(i));
    }
    // Most painful first: highest max intensity, then mean intensity, then the area covered.
    std::sort(idx.begin(), idx.end(), [&](int a, int b) {
        const auto& A = d.metrics.regions[static_cast<std::size_t>(a)];
        const auto& B = d.metrics.regions[static_cast<std::size_t>(b)];
        if (A.maxIntensity != B.maxIntensity) return A.maxIntensity > B.maxIntensity;
        if (A.meanIntensity() != B.meanIntensity()) return A.meanIntensity() > B.meanIntensity();
        return A.paintedCells > B.paintedCells;
    });
    TextStyle h = style(Ink::kHeading, true);
    const Rgba c = palette::kSideMark;
    h.r = c.r / 255.0, h.g = c.g / 255.0, h.b = c.b / 255.0;
    h.wrapWidth = w;
    // TRANSLATORS: a heading of the report's first page (a table of regions follows).
    y += drawText(cr, tr("Most painful regions"), x, y, h) + 4;
    if (idx.empty()) {
        y += drawText(cr, tr("No pain marked."), x, y, style(Ink::kBody));
        f.box(x, y0, x + w, y, "regions");
        return y;
    }
    // Columns sized from their headers and the widest value they can hold.
    TextStyle hdr = style(Ink::kSmall, false, 0.42);
    const TextStyle num = style(Ink::kBody);
    auto widest = [&](const std::string& header, const std::string& value) {
        double hw = 0, vw = 0, th = 0;
        measureText(cr, header, hdr, hw, th);
        measureText(cr, value, num, vw, th);
        return std::max(hw, vw);
    };
    // TRANSLATORS: column headers of the report's "Most painful regions" table (short: the
    // columns are narrow): the region's name, its maximum and mean intensity, the area painted.
    const std::string hRegion = trc("report column", "region"), hMax = trc("report column", "max"),
                      hMean = trc("report column", "mean"), hArea = trc("report column", "area");
    const std::string pctSample = i18n::format(tr("%s %%"), "100");
    const double wArea = widest(hArea, pctSample), wMean = widest(hMean, fixed(10, 1)), wMax = widest(hMax, "10");
    const double cArea = x + w, cMean = cArea - wArea - 8, cMax = cMean - wMean - 8;
    const double nameW = std::max(cMax - wMax - 8 - x, w * 0.3);
    hdr.align = Align::Right;
    TextStyle hdrL = style(Ink::kSmall, false, 0.42);
    drawText(cr, ellipsize(cr, hRegion, Ink::kSmall, false, nameW), x, y, hdrL);
    drawText(cr, hMax, cMax, y, hdr);
    drawText(cr, hMean, cMean, y, hdr);
    y += drawText(cr, hArea, cArea, y, hdr) + 1;
    for (std::size_t k = 0; k < std::min(idx.size(), kMaxRegions); ++k) {
        const auto& r = d.metrics.regions[static_cast<std::size_t>(idx[k])];
        const std::string& name = d.t->regions[static_cast<std::size_t>(idx[k])].name;
        const std::string shown = i18n::templateText(i18n::kRegionContext, name);
        const double rh = drawText(cr, ellipsize(cr, shown, Ink::kBody, false, nameW), x, y, style(Ink::kBody));
        TextStyle n = num;
        n.align = Align::Right;
        drawText(cr, std::to_string(r.maxIntensity), cMax, y, n);
        drawText(cr, fixed(r.meanIntensity(), 1), cMean, y, n);
        drawText(cr, i18n::format(tr("%s %%"), fixed(r.extentPct(), 0).c_str()), cArea, y, n);
        y += rh + 1.5;
    }
    if (idx.size() > kMaxRegions) {
        const std::size_t more = idx.size() - kMaxRegions;
        TextStyle m = style(Ink::kSmall, false, 0.42);
        m.wrapWidth = w;
        y += drawText(cr, i18n::format(trn("and %zu more region with pain", "and %zu more regions with pain", more), more),
                      x, y, m);
    }
    f.box(x, y0, x + w, y, "regions");
    return y;
}

std::string kindsText(std::uint8_t kinds) {
    std::string s;
    for (maps::TagKind k : maps::kTagKinds) {
        if (!(kinds & static_cast<std::uint8_t>(k))) continue;
        const std::string name(maps::tagKindName(k));
        s = s.empty() ? name : i18n::format(tr("%s, %s"), s.c_str(), name.c_str());
    }
    return s;
}

void drawTags(PageFlow& f, const ReportData& d) {
    const auto& tags = d.in->current->tags;
    const ReportLimits& lim = d.in->limits;
    // TRANSLATORS: a heading of the report (the fascial tags of the visit follow).
    heading(f, tr("Fascial tags"), 14);
    if (tags.empty()) {
        TextStyle none = style(Ink::kBody, false, 0.35);
        none.wrapWidth = f.width();
        f.y += drawText(f.cr(), tr("No fascial tags recorded at this visit."), f.left(), f.y, none);
        f.y += 8;
        return;
    }
    // Each row starts with the numbered mark that the tag carries on the maps above.
    const double markR = Ink::kBody * 0.62, markW = markR * 2 + 7;
    const double xBand = f.left() + markW;
    const double bandW = f.width() * 0.34 - markW, kindW = f.width() * 0.22;
    const double xKind = xBand + bandW + 8, xNote = xKind + kindW + 8;
    const int firstPage = f.page();
    std::size_t shown = 0, cutNotes = 0;
    const double reserve = Ink::kSmall * 5;  // the notices of what is left out
    for (std::size_t i = 0; i < tags.size(); ++i) {
        const maps::FascialTag& tag = tags[i];
        // Bounded: at most maxTags rows and maxTagPages pages; the rest is counted below.
        if (shown >= lim.maxTags) break;
        const int b = d.t->bandIndex(tag.bandId);
        const std::string band = b >= 0 ? i18n::templateText(i18n::kBandContext, d.t->bands[static_cast<std::size_t>(b)].name)
                                        : tag.bandId;
        std::string note = cutAtWord(tag.note, lim.maxTagNoteChars);
        const bool cut = note.size() < tag.note.size();
        if (cut) note += " \u2026";
        TextStyle bs = style(Ink::kBody, true);
        bs.wrapWidth = bandW;
        TextStyle ks = style(Ink::kBody);
        ks.wrapWidth = kindW;
        TextStyle ns = style(Ink::kBody);
        ns.wrapWidth = f.right() - xNote;
        double tw = 0, bh = 0, kh = 0, nh = 0;
        measureText(f.cr(), band, bs, tw, bh);
        measureText(f.cr(), kindsText(tag.kinds), ks, tw, kh);
        if (!note.empty()) measureText(f.cr(), note, ns, tw, nh);
        const double rowH = std::max({bh, kh, nh});
        // On the last page allowed a row must fit whole, with room for the notices.
        // The band and its kinds stay whole on one page (a translation can wrap them onto several
        // lines); the note may continue on the next.
        const double need = std::max(Ink::kBody * 2.6, std::max(bh, kh));
        const bool wraps = f.y + need > f.bottom();  // ensure() below starts a page
        const int pageNo = f.page() - firstPage + (wraps ? 1 : 0);
        const double top = wraps ? f.continuationTop() : f.y;
        if (pageNo >= lim.maxTagPages) break;
        if (pageNo + 1 == lim.maxTagPages && top + rowH + reserve > f.bottom()) break;
        f.ensure(need);
        const double y0 = f.y;
        if (b >= 0) {
            drawTagMark(f.cr(), f.left() + markR + 1, y0 + Ink::kBody * 0.62, markR,
                        d.t->bands[static_cast<std::size_t>(b)].lineIndex, i + 1);
        }
        drawText(f.cr(), band, xBand, y0, bs);
        drawText(f.cr(), kindsText(tag.kinds), xKind, y0, ks);
        f.box(f.left(), y0, xKind + kindW, y0 + std::max(bh, kh), "tag");
        if (!note.empty()) {
            cutNotes += cut ? 1 : 0;
            paragraph(f, note, xNote, f.right() - xNote, Ink::kBody, false, "tag-note");
        }
        // The row ends below its tallest cell (band and kinds stay on the row's first page).
        if (f.y < y0 + std::max(bh, kh) && f.y >= y0) f.y = y0 + std::max(bh, kh);
        f.y += 4;
        ++shown;
    }
    const std::size_t left = tags.size() - shown;
    if (left > 0) {
        notice(f,
               // TRANSLATORS: the first %s is the number of tags left out of the report; %s of %s are printed.
               i18n::format(trn("\u2026 %s more tag is not shown (%s of %s printed); see the map file.",
                                "\u2026 %s more tags are not shown (%s of %s printed); see the map file.", left),
                            grouped(left).c_str(), grouped(shown).c_str(), grouped(tags.size()).c_str()),
               f.left(), f.width(), "omitted-tags");
    }
    if (cutNotes > 0) {
        notice(f,
               i18n::format(trn("One tag note is shortened (\u2026); the whole note is in the map file.",
                                "%s tag notes are shortened (\u2026); the whole notes are in the map file.", cutNotes),
                            grouped(cutNotes).c_str()),
               f.left(), f.width(), "shortened-tag-notes");
    }
    f.y += 4;
}

}  // namespace

double drawMaps(cairo_t* cr, const ReportData& d, double x, double y, double w, bool therapist) {
    const maps::BodyTemplate& t = *d.t;
    const double gap = 10;
    const double s = (w - gap) / 2 / t.width;
    ChartOptions o;
    o.map = d.in->current;
    o.painScale = 2;  // ~540 dpi at the printed size: beyond print resolution, and 4x cheaper than 4
    // Symbols three times the screen size: ~2 mm on paper (at 1 they are ~0.7 mm and blur).
    o.patternScale = kPrintPatternScale;
    // Tag marks ~3 mm across on paper, the size of the marks beside the tag table below.
    o.tagMarkMinRadius = Ink::kBody * 0.62;
    o.tagStrokeScale = 0.45;  // hatch lines ~0.7 pt: a point is larger than a pixel, print sharper
    o.findings = therapist;
    o.clientMarksOnly = !therapist;
    o.markKeys = therapist;
    o.markMinRadius = Ink::kBody * 0.5;  // ~3 mm across, as the tag marks
    for (int i = 0; i < 2; ++i) {
        cairo_save(cr);
        cairo_translate(cr, x + i * (t.width * s + gap), y);
        cairo_scale(cr, s, s);
        drawViewPanel(cr, t, i == 0 ? maps::ViewId::Front : maps::ViewId::Back, o);
        cairo_restore(cr);
    }
    return panelHeightCells(t) * s;
}

void drawVisitPage(PageFlow& f, const ReportData& d) {
    drawHeader(f, d);
    cairo_t* cr = f.cr();
    const double mapsW = std::round(f.width() * 0.54);
    const double x2 = f.left() + mapsW + kColumnGap;
    const double w2 = f.right() - x2;
    const double y0 = f.y;
    double yl = y0 + drawMaps(cr, d, f.left(), y0, mapsW);
    f.box(f.left(), y0, f.left() + mapsW, yl, "maps");
    const double ly = yl + 4;
    yl = ly + drawIntensityLegend(cr, f.left(), ly, mapsW, Ink::kSmall);
    yl += 8;
    yl += drawQualityLegend(cr, f.left(), yl, mapsW, Ink::kSmall);
    // The client's own arrows, when there are some (the therapist's marks are on their page).
    const double ml = drawTherapistLegend(cr, f.left(), yl + 8, mapsW, Ink::kSmall, *d.in->current, MarkFilter::ClientOnly);
    if (ml > 0) yl += 8 + ml;
    f.box(f.left(), ly, f.left() + mapsW, yl, "legend");
    double yr = drawFigures(f, d, x2, y0, w2);
    yr = drawRegions(f, d, x2, yr + 14, w2);
    f.y = std::max(yl, yr) + 16;
    drawTags(f, d);
    // TRANSLATORS: a heading of the report (the therapist's notes of the visit follow).
    heading(f, tr("Visit notes"), 14);
    const std::string& notes = d.in->current->info.notes;
    if (notes.empty()) {
        f.y += drawText(f.cr(), tr("No notes."), f.left(), f.y, style(Ink::kBody, false, 0.35));
    } else {
        const std::size_t drawn =
            paragraph(f, notes, f.left(), f.width(), Ink::kBody, false, "notes", d.in->limits.maxNotePages,
                      Ink::kSmall * 3.5);
        if (drawn < notes.size()) {
            const std::size_t left = notes.size() - drawn;
            const int pages = d.in->limits.maxNotePages;
            notice(f,
                   // TRANSLATORS: %s characters of the visit notes are left out; the report prints
                   // at most %d pages of notes (3 or more).
                   i18n::format(trn("\u2026 The visit notes continue for %s more character that is not printed "
                                    "(the report prints at most %d pages of notes); see the map file.",
                                    "\u2026 The visit notes continue for %s more characters that are not printed "
                                    "(the report prints at most %d pages of notes); see the map file.",
                                    left),
                                grouped(left).c_str(), pages),
                   f.left(), f.width(), "omitted-notes");
        }
    }
}

}  // namespace bodymap::render::report_detail
