// The therapist's findings and marks on the chart (see therapist_layer.h).
// [SECTION] Findings  [SECTION] Marks  [SECTION] Images  [SECTION] Legend
#include "render/therapist_layer.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "maps/i18n/i18n.h"
#include "render/cairo_util.h"
#include "render/text.h"

namespace bodymap::render {

using maps::DrawnBy;
using maps::Finding;
using maps::MarkKind;

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr float kSpacing = 6.0f;      // hatch spacing at patternScale 1, cells
constexpr float kMinSpacingPx = 8.0f; // closer hatch lines hide the pain colour under them

float wrapf(float a, float p) {
    const float m = std::fmod(a, p);
    return m < 0 ? m + p : m;
}

// Distance from a to the nearest multiple of p.
float toLattice(float a, float p) {
    const float m = wrapf(a, p);
    return std::min(m, p - m);
}

bool hasFinding(const std::vector<std::uint8_t>& f, int w, int h, float u, float v) {
    if (u < 0 || v < 0) return false;
    const int x = static_cast<int>(u), y = static_cast<int>(v);
    if (x >= w || y >= h) return false;
    return f[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)] != 0;
}
}  // namespace

// [SECTION] Findings

FindingsStyle findingsStyleFor(float pxPerCell, float patternScale) {
    FindingsStyle s;
    const float inv = 1.0f / std::max(pxPerCell, 0.05f);
    s.patternScale = std::clamp(std::max(patternScale, kMinSpacingPx * inv / kSpacing), 1.0f, 8.0f);
    s.halfWidth = 0.8f * inv;
    s.outline = 2.2f * inv;
    s.halo = 0.8f * inv;
    s.tint = 0.22f;
    return s;
}

bool findingInk(Finding f, float u, float v, float hw, float ps) {
    const float S = kSpacing * std::clamp(ps, 1.0f, 8.0f);
    switch (f) {
        case Finding::Tender: {  // dots midway between the tight lines, on every other row
            const float dx = toLattice(u - S / 2, S), dy = toLattice(v - S / 2, S);
            const float r = std::max(2.3f * hw, 0.13f * S);
            return dx * dx + dy * dy < r * r;
        }
        case Finding::Tight:  // vertical lines: fibres pulled taut
            return toLattice(u, S) < hw;
        case Finding::Restricted:  // "\" diagonals, across the client's "///"
            return toLattice(u - v + S / 4, S) * 0.7071f < hw;
        case Finding::Swollen: {  // horizontal waves "~~~", half a period off the dots
            const float k = 2.0f * static_cast<float>(kPi) / S, a = 0.16f * S;
            const float y = v - a * std::sin(k * u);
            const float slope = a * k * std::cos(k * u);
            return toLattice(y - S / 4, S) / std::sqrt(1 + slope * slope) < hw;
        }
    }
    return false;
}

Rgba findingsPixel(const std::vector<std::uint8_t>& findings, int w, int h, float u, float v,
                   const FindingsStyle& s) {
    if (!hasFinding(findings, w, h, u, v)) return {0, 0, 0, 0};
    const std::uint8_t bits =
        findings[static_cast<std::size_t>(static_cast<int>(v)) * static_cast<std::size_t>(w) +
                 static_cast<std::size_t>(static_cast<int>(u))];
    // The outline: a point within `outline` of a cell without findings (8 directions).
    const float o = s.outline, d = o * 0.7071f;
    const float du[8] = {o, -o, 0, 0, d, d, -d, -d}, dv[8] = {0, 0, o, -o, d, -d, d, -d};
    for (int i = 0; i < 8; ++i)
        if (!hasFinding(findings, w, h, u + du[i], v + dv[i])) return kTherapistInk;
    for (Finding f : maps::kFindings)
        if ((bits & maps::bit(f)) && findingInk(f, u, v, s.halfWidth, s.patternScale)) return kTherapistInk;
    if (s.halo > 0) {
        constexpr Rgba kHalo{255, 255, 255, 190};
        const float oh = o + s.halo, dh = oh * 0.7071f;
        const float hu[8] = {oh, -oh, 0, 0, dh, dh, -dh, -dh}, hv[8] = {0, 0, oh, -oh, dh, -dh, dh, -dh};
        for (int i = 0; i < 8; ++i)
            if (!hasFinding(findings, w, h, u + hu[i], v + hv[i])) return kHalo;
        for (Finding f : maps::kFindings)
            if ((bits & maps::bit(f)) && findingInk(f, u, v, s.halfWidth + s.halo, s.patternScale)) return kHalo;
    }
    Rgba tint = kTherapistInk;
    tint.a = static_cast<std::uint8_t>(std::lround(std::clamp(s.tint, 0.0f, 1.0f) * 255));
    return tint;
}

void drawFindings(cairo_t* cr, const maps::BodyTemplate& t, const maps::PainMap& map,
                  maps::ViewId view, float patternScale, int pxPerCell) {
    if (map.width() != t.width || map.height() != t.height) return;
    const auto& f = map.layer(view).findings;
    if (f.size() != map.cellCount() || std::none_of(f.begin(), f.end(), [](std::uint8_t b) { return b != 0; }))
        return;
    // Hatch and outline widths from the device scale, so that they read in a small PDF chart and
    // in a big PNG alike; the image holds pxPerCell pixels per cell (at least two per line).
    const int k = std::clamp(pxPerCell, 1, 8);
    const double cellsPerDevice = deviceWidth(cr, 1.0);
    FindingsStyle s = findingsStyleFor(static_cast<float>(1.0 / cellsPerDevice), patternScale);
    s.halfWidth = std::max(s.halfWidth, 1.0f / static_cast<float>(k));
    s.outline = std::max(s.outline, 2.0f / static_cast<float>(k));
    const int w = t.width * k, h = t.height * k;
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_surface_flush(img);
    unsigned char* data = cairo_image_surface_get_data(img);
    const int stride = cairo_image_surface_get_stride(img);
    const float inv = 1.0f / static_cast<float>(k);
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        const float v = (static_cast<float>(y) + 0.5f) * inv;
        for (int x = 0; x < w; ++x) {
            const Rgba c = findingsPixel(f, t.width, t.height, (static_cast<float>(x) + 0.5f) * inv, v, s);
            const std::uint32_t a = c.a;
            row[x] = (a << 24) | ((c.r * a / 255) << 16) | ((c.g * a / 255) << 8) | (c.b * a / 255);
        }
    }
    cairo_surface_mark_dirty(img);
    cairo_save(cr);
    cairo_new_path(cr);
    addRingsPath(cr, t.view(view).outline);
    cairo_clip(cr);
    cairo_scale(cr, inv, inv);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
}

// [SECTION] Marks

namespace {
Rgba inkOf(DrawnBy by) { return by == DrawnBy::Client ? kClientInk : kTherapistInk; }

void strokeHaloed(cairo_t* cr, Rgba ink, double lw, double halo) {
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
    cairo_set_line_width(cr, lw + 2 * halo);
    cairo_stroke_preserve(cr);
    setSource(cr, ink);
    cairo_set_line_width(cr, lw);
    cairo_stroke(cr);
}

// A filled shape (the current path) with a white rim, so that it stands out on any colour.
void fillRimmed(cairo_t* cr, Rgba ink, double rim) {
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 2 * rim);
    cairo_stroke_preserve(cr);
    setSource(cr, ink);
    cairo_fill(cr);
}

void roundedRect(cairo_t* cr, double x, double y, double w, double h, double r) {
    r = std::min({r, w / 2, h / 2});
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -kPi / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, kPi / 2);
    cairo_arc(cr, x + r, y + h - r, r, kPi / 2, kPi);
    cairo_arc(cr, x + r, y + r, r, kPi, 1.5 * kPi);
    cairo_close_path(cr);
}

TextStyle markText(double size, Rgba ink, bool bold) {
    TextStyle s;
    s.size = size;
    s.bold = bold;
    s.r = ink.r / 255.0, s.g = ink.g / 255.0, s.b = ink.b / 255.0;
    return s;
}

// The label kind's box: the text (or, without text, two grey lines standing for it) in a white
// rounded box with an ink border, its left edge a little right of the pin at `at`.
void labelBox(cairo_t* cr, Rgba ink, glm::dvec2 at, double radius, const std::string& text) {
    const double lw = radius * 0.16;
    const TextStyle ts = markText(radius * 1.2, ink, true);
    double tw = radius * 2.2, th = radius * 1.2;
    if (!text.empty()) measureText(cr, text, ts, tw, th);
    const double pad = radius * 0.35;
    const double bx = at.x + radius * 0.55, by = at.y - th / 2 - pad * 0.6;
    const double bw = tw + 2 * pad, bh = th + 1.2 * pad;
    cairo_new_path(cr);
    cairo_move_to(cr, at.x, at.y);
    cairo_line_to(cr, bx, at.y);
    strokeHaloed(cr, ink, lw, lw * 0.7);
    roundedRect(cr, bx, by, bw, bh, radius * 0.3);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    setSource(cr, ink);
    cairo_set_line_width(cr, lw);
    cairo_stroke(cr);
    if (text.empty()) {
        cairo_set_source_rgba(cr, 0.45, 0.45, 0.45, 1);
        cairo_set_line_width(cr, radius * 0.22);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        for (int i = 0; i < 2; ++i) {
            const double ly = by + bh * (i == 0 ? 0.37 : 0.66);
            cairo_move_to(cr, bx + pad, ly);
            cairo_line_to(cr, bx + bw - pad - (i == 0 ? 0 : tw * 0.35), ly);
        }
        cairo_stroke(cr);
    } else {
        drawText(cr, text, bx + pad, by + (bh - th) / 2, ts);
    }
    cairo_new_path(cr);
    cairo_arc(cr, at.x, at.y, radius * 0.32, 0, 2 * kPi);
    fillRimmed(cr, ink, lw * 0.7);
}

// Text beside a mark: over a translucent white box (a halo that reads on pain and hatch), the
// key letter in bold first. Left edge at x (right edge when rightAligned), centred on cy.
void besideText(cairo_t* cr, Rgba ink, const std::string& key, const std::string& label, double x,
                double cy, double size, bool rightAligned) {
    const TextStyle ks = markText(size, ink, true), ls = markText(size, ink, false);
    double kw = 0, kh = 0, lw = 0, lh = 0;
    if (!key.empty()) measureText(cr, key, ks, kw, kh);
    if (!label.empty()) measureText(cr, label, ls, lw, lh);
    const double gap = !key.empty() && !label.empty() ? size * 0.35 : 0;
    const double w = kw + gap + lw, h = std::max(kh, lh), pad = size * 0.18;
    const double x0 = rightAligned ? x - w : x;
    roundedRect(cr, x0 - pad, cy - h / 2 - pad * 0.3, w + 2 * pad, h + pad * 0.6, size * 0.25);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.82);
    cairo_fill(cr);
    if (!key.empty()) drawText(cr, key, x0, cy - kh / 2, ks);
    if (!label.empty()) drawText(cr, label, x0 + kw + gap, cy - lh / 2, ls);
}
}  // namespace

std::string markKey(std::size_t index) {
    std::string s;
    for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
        s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    return s;
}

void drawMarkSymbol(cairo_t* cr, MarkKind kind, DrawnBy by, glm::dvec2 at, glm::dvec2 to,
                    double r, const std::string& text) {
    const Rgba ink = inkOf(by);
    const double lw = r * 0.24, halo = r * 0.14;
    cairo_save(cr);
    cairo_new_path(cr);
    switch (kind) {
        case MarkKind::ActiveTriggerPoint: {  // filled disc, white cross: the "hot" spot
            cairo_arc(cr, at.x, at.y, r, 0, 2 * kPi);
            fillRimmed(cr, ink, halo);
            const double c = r * 0.55;
            cairo_move_to(cr, at.x - c, at.y);
            cairo_line_to(cr, at.x + c, at.y);
            cairo_move_to(cr, at.x, at.y - c);
            cairo_line_to(cr, at.x, at.y + c);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, r * 0.22);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
            cairo_stroke(cr);
            break;
        }
        case MarkKind::LatentTriggerPoint:  // the same disc, open
            cairo_arc(cr, at.x, at.y, r - lw / 2, 0, 2 * kPi);
            strokeHaloed(cr, ink, lw * 1.1, halo);
            cairo_arc(cr, at.x, at.y, r * 0.14, 0, 2 * kPi);
            setSource(cr, ink);
            cairo_fill(cr);
            break;
        case MarkKind::TenderPoint:  // triangle, point up, its centroid at the place
            cairo_move_to(cr, at.x, at.y - r * 1.1);
            cairo_line_to(cr, at.x + r * 0.98, at.y + r * 0.6);
            cairo_line_to(cr, at.x - r * 0.98, at.y + r * 0.6);
            cairo_close_path(cr);
            fillRimmed(cr, ink, halo);
            break;
        case MarkKind::Adhesion: {  // zig-zag along the line, an even number of teeth
            const glm::dvec2 d = to - at;
            const double len = std::hypot(d.x, d.y);
            if (len < 1e-6) {
                cairo_arc(cr, at.x, at.y, r * 0.4, 0, 2 * kPi);
                fillRimmed(cr, ink, halo);
                break;
            }
            const glm::dvec2 u = d / len, n(-u.y, u.x);
            // Short ones (legend, icons) too read as a zig-zag: at least six teeth, shallower.
            const int teeth = std::max(6, static_cast<int>(std::lround(len / (r * 0.8))));
            const double amp = std::min(r * 0.5, len / teeth * 0.8);
            cairo_move_to(cr, at.x, at.y);
            for (int i = 1; i < teeth; ++i) {
                const glm::dvec2 p = at + d * (static_cast<double>(i) / teeth) + n * (i % 2 ? amp : -amp);
                cairo_line_to(cr, p.x, p.y);
            }
            cairo_line_to(cr, to.x, to.y);
            strokeHaloed(cr, ink, lw, halo);
            break;
        }
        case MarkKind::Radiating: {  // a dot where it starts, an arrowhead where it spreads to
            const glm::dvec2 d = to - at;
            const double len = std::hypot(d.x, d.y);
            cairo_arc(cr, at.x, at.y, r * 0.3, 0, 2 * kPi);
            fillRimmed(cr, ink, halo);
            if (len < 1e-6) break;
            const glm::dvec2 u = d / len, n(-u.y, u.x);
            const double head = std::min(r * 1.5, len * 0.6);
            const glm::dvec2 base = to - u * (head * 0.8);
            cairo_move_to(cr, at.x, at.y);
            cairo_line_to(cr, base.x, base.y);
            strokeHaloed(cr, ink, lw, halo);
            const glm::dvec2 b = to - u * head, l = b + n * (head * 0.5), rr = b - n * (head * 0.5);
            cairo_move_to(cr, to.x, to.y);
            cairo_line_to(cr, l.x, l.y);
            cairo_line_to(cr, rr.x, rr.y);
            cairo_close_path(cr);
            fillRimmed(cr, ink, halo);
            break;
        }
        case MarkKind::Label:
            labelBox(cr, ink, at, r, text);
            break;
    }
    cairo_restore(cr);
}

void drawMarks(cairo_t* cr, const maps::BodyTemplate& t, maps::ViewId view,
               const std::vector<maps::Mark>& marks, double minRadius, double strokeScale,
               MarkFilter which, bool keys) {
    const double px = deviceWidth(cr, 1.0);
    const double r = std::max(kMarkRadiusCells, minRadius * px) * std::clamp(strokeScale, 0.25, 4.0);
    std::size_t keyed = 0;  // keys count every keyed mark of the map, whatever view or filter
    for (const maps::Mark& m : marks) {
        const bool hasKey = keys && (!m.label.empty() || !m.note.empty());
        const std::string key = hasKey ? markKey(keyed) : std::string();
        if (hasKey) ++keyed;
        if (m.view != view || (which == MarkFilter::ClientOnly && m.by != DrawnBy::Client)) continue;
        const glm::dvec2 at(m.at), to(m.to);
        const bool label = m.kind == MarkKind::Label;
        drawMarkSymbol(cr, m.kind, m.by, at, to, r, label ? m.label : std::string());
        const std::string beside = label ? std::string() : m.label;
        if (key.empty() && beside.empty()) continue;
        const double size = r * 1.25;
        if (label) {  // the key left of the pin: the text is in the box on the right
            besideText(cr, inkOf(m.by), key, {}, at.x - r * 0.6, at.y, size, true);
        } else if (maps::isLineMark(m.kind)) {
            // Beside the middle of the line, on its right-hand side as the page is read.
            const glm::dvec2 d = to - at;
            const double len = std::max(std::hypot(d.x, d.y), 1e-6);
            glm::dvec2 n(-d.y / len, d.x / len);
            if (n.x < 0 || (std::abs(n.x) < 0.3 && n.y > 0)) n = -n;
            const glm::dvec2 mid = (at + to) * 0.5 + n * (r * 0.9);
            besideText(cr, inkOf(m.by), key, beside, mid.x, mid.y, size, n.x < -0.3);
        } else {
            // Right of the symbol, or left of it near the grid's right edge.
            const bool left = at.x > t.width * 0.78;
            besideText(cr, inkOf(m.by), key, beside, left ? at.x - r * 1.35 : at.x + r * 1.35, at.y, size, left);
        }
    }
}

// [SECTION] Images

namespace {
RgbaImage drawToImage(int w, int h, const std::function<void(cairo_t*)>& draw);
}

RgbaImage renderMarkLayer(const maps::BodyTemplate& t, maps::ViewId view,
                          const std::vector<maps::Mark>& marks, int widthPx, double minRadius,
                          MarkFilter which) {
    const double s = static_cast<double>(widthPx) / t.width;
    const int heightPx = static_cast<int>(std::lround(t.height * s));
    return drawToImage(widthPx, heightPx, [&](cairo_t* cr) {
        cairo_scale(cr, s, s);
        drawMarks(cr, t, view, marks, minRadius, 1.0, which);
    });
}

RgbaImage renderMarkIcon(MarkKind kind, DrawnBy by, int sizePx) {
    const double n = std::max(sizePx, 1);
    return drawToImage(sizePx, sizePx, [&](cairo_t* cr) {
        if (maps::isLineMark(kind)) {
            drawMarkSymbol(cr, kind, by, {n * 0.16, n * 0.84}, {n * 0.86, n * 0.14}, n * 0.2);
        } else if (kind == MarkKind::Label) {
            drawMarkSymbol(cr, kind, by, {n * 0.14, n * 0.5}, {}, n * 0.2);
        } else {
            drawMarkSymbol(cr, kind, by, {n * 0.5, n * 0.52}, {}, n * 0.36);
        }
    });
}

RgbaImage renderFindingSwatch(std::uint8_t bits, int wPx, int hPx) {
    RgbaImage img;
    img.width = std::max(wPx, 1);
    img.height = std::max(hPx, 1);
    img.pixels.assign(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4, 0);
    // An enlarged sample of the chart: about 2.5 hatch periods across the shorter side, line and
    // outline widths in proportion to the hatch spacing as on a printed chart.
    const float k = static_cast<float>(std::min(img.width, img.height)) / (kSpacing * 2.5f);
    const int cw = static_cast<int>(std::ceil(static_cast<float>(img.width) / k)) ,
              ch = static_cast<int>(std::ceil(static_cast<float>(img.height) / k));
    // One cell of margin so that the outline sits just inside the swatch's edge.
    std::vector<std::uint8_t> cells(static_cast<std::size_t>(cw + 2) * static_cast<std::size_t>(ch + 2), 0);
    for (int y = 1; y <= ch; ++y)
        for (int x = 1; x <= cw; ++x)
            cells[static_cast<std::size_t>(y) * static_cast<std::size_t>(cw + 2) + static_cast<std::size_t>(x)] =
                bits & maps::kAllFindings;
    FindingsStyle s;
    s.halfWidth = std::max(0.09f * kSpacing, 0.6f / k);
    s.outline = std::max(0.14f * kSpacing, 1.5f / k);
    s.tint = 0.22f;
    for (int py = 0; py < img.height; ++py) {
        for (int px = 0; px < img.width; ++px) {
            const Rgba c = findingsPixel(cells, cw + 2, ch + 2, 1.0f + (static_cast<float>(px) + 0.5f) / k,
                                         1.0f + (static_cast<float>(py) + 0.5f) / k, s);
            std::uint8_t* p = img.pixels.data() + (static_cast<std::size_t>(py) * static_cast<std::size_t>(img.width) +
                                                   static_cast<std::size_t>(px)) * 4;
            p[0] = c.r, p[1] = c.g, p[2] = c.b, p[3] = c.a;
        }
    }
    return img;
}

namespace {
RgbaImage drawToImage(int w, int h, const std::function<void(cairo_t*)>& draw) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, std::max(w, 1), std::max(h, 1));
    cairo_t* cr = cairo_create(surface);
    draw(cr);
    cairo_destroy(cr);
    RgbaImage img = imageFromSurface(surface);
    cairo_surface_destroy(surface);
    return img;
}
}  // namespace

}  // namespace bodymap::render
