// Compact maps: conversions between spans and dense rasters (see compact_map.h). The file reader
// is in map_reader.cpp.
#include "maps/compact_map.h"

#include <algorithm>

namespace bodymap::maps {

void appendSpan(SpanList& spans, std::uint32_t start, std::uint32_t length, std::uint8_t value) {
    if (value == 0 || length == 0) return;
    if (!spans.empty()) {
        CellSpan& last = spans.back();
        if (last.value == value && last.start + last.length == start) {
            last.length += length;
            return;
        }
    }
    spans.push_back({start, length, value});
}

SpanList spansOf(const std::vector<std::uint8_t>& cells) {
    SpanList spans;
    const std::size_t n = cells.size();
    for (std::size_t i = 0; i < n;) {
        const std::uint8_t v = cells[i];
        std::size_t j = i + 1;
        while (j < n && cells[j] == v) ++j;
        if (v != 0) spans.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j - i), v});
        i = j;
    }
    return spans;
}

void fillFromSpans(const SpanList& spans, std::vector<std::uint8_t>& cells) {
    const std::size_t n = cells.size();
    for (const CellSpan& s : spans) {
        if (s.start >= n) break;
        const std::size_t len = std::min<std::size_t>(s.length, n - s.start);
        std::fill_n(cells.begin() + static_cast<std::ptrdiff_t>(s.start), len, s.value);
    }
}

bool CompactMap::isBlank() const {
    return std::all_of(m_layers.begin(), m_layers.end(), [](const CompactLayer& l) { return l.intensity.empty(); });
}

bool CompactMap::hasFindings() const {
    return std::any_of(m_layers.begin(), m_layers.end(), [](const CompactLayer& l) { return !l.findings.empty(); });
}

bool isShredded(const CompactMap& map) {
    std::size_t spans = 0;
    for (ViewId v : kViews) {
        const CompactLayer& l = map.layer(v);
        spans += l.intensity.size() + l.qualities.size() + l.findings.size();
    }
    return spans > 2 * map.cellCount() / 16;
}

std::size_t CompactMap::heapBytes() const {
    auto str = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };
    std::size_t n = str(m_templateId);
    for (const CompactLayer& l : m_layers) {
        n += (l.intensity.capacity() + l.qualities.capacity() + l.findings.capacity()) * sizeof(CellSpan);
    }
    const VisitInfo& v = info;
    for (const std::string* s : {&v.clientId, &v.clientName, &v.visitTime, &v.therapist, &v.notes, &v.appVersion,
                                 &v.session.subjective, &v.session.objective, &v.session.assessment,
                                 &v.session.plan, &v.session.techniques, &v.session.areas}) {
        n += str(*s);
    }
    n += tags.capacity() * sizeof(FascialTag);
    for (const FascialTag& t : tags) n += str(t.bandId) + str(t.note);
    n += marks.capacity() * sizeof(Mark);
    for (const Mark& m : marks) n += str(m.label) + str(m.note);
    return n;
}

CompactMap compactFrom(const PainMap& map) {
    CompactMap c(map.templateId(), map.templateVersion(), map.width(), map.height());
    for (ViewId v : kViews) {
        const ViewLayer& d = map.layer(v);
        CompactLayer& l = c.layer(v);
        l.intensity = spansOf(d.intensity);
        l.qualities = spansOf(d.qualities);
        l.findings = spansOf(d.findings);
    }
    c.info = map.info;
    c.tags = map.tags;
    c.marks = map.marks;
    return c;
}

PainMap denseFrom(const CompactMap& map) {
    PainMap d(map.templateId(), map.templateVersion(), map.width(), map.height());
    for (ViewId v : kViews) {
        const CompactLayer& l = map.layer(v);
        ViewLayer& out = d.layer(v);
        fillFromSpans(l.intensity, out.intensity);
        fillFromSpans(l.qualities, out.qualities);
        fillFromSpans(l.findings, out.findings);
    }
    d.info = map.info;
    d.tags = map.tags;
    d.marks = map.marks;
    return d;
}

}  // namespace bodymap::maps
