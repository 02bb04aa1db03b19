// Pain map document basics and the names of qualities and tag kinds (see pain_map.h).
#include "maps/pain_map.h"

#include <algorithm>

#include "maps/i18n/i18n.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace bodymap::maps {

namespace {
struct Named {
    std::string_view id;
    std::string_view name;
    std::string_view symbol;
};
constexpr std::array<Named, kQualityCount> kQualityNames{{
    {"aching", trNoopC("pain quality", "Aching"), "^^^"},
    {"burning", trNoopC("pain quality", "Burning"), "xxx"},
    {"stabbing", trNoopC("pain quality", "Stabbing"), "///"},
    {"pins-and-needles", trNoopC("pain quality", "Pins and needles"), "ooo"},
    {"numbness", trNoopC("pain quality", "Numbness"), "==="},
}};
constexpr std::array<Named, kTagKindCount> kTagNames{{
    {"restricted", trNoopC("fascial tag", "Restricted"), ""},
    {"tender", trNoopC("fascial tag", "Tender"), ""},
    {"tense", trNoopC("fascial tag", "Tense"), ""},
    {"adhesion", trNoopC("fascial tag", "Adhesion"), ""},
    {"treated-today", trNoopC("fascial tag", "Treated today"), ""},
}};
constexpr std::array<Named, kFindingCount> kFindingNames{{
    {"tender", trNoopC("finding", "Tender"), ""},
    {"tight", trNoopC("finding", "Tight / hypertonic"), ""},
    {"restricted", trNoopC("finding", "Restricted"), ""},
    {"swollen", trNoopC("finding", "Swollen"), ""},
}};
constexpr std::array<Named, kMarkKindCount> kMarkNames{{
    {"trigger-active", trNoopC("chart mark", "Active trigger point"), ""},
    {"trigger-latent", trNoopC("chart mark", "Latent trigger point"), ""},
    {"tender-point", trNoopC("chart mark", "Tender point"), ""},
    {"adhesion", trNoopC("chart mark", "Adhesion"), ""},
    {"radiating", trNoopC("chart mark", "Pain spreads"), ""},
    {"label", trNoopC("chart mark", "Text label"), ""},
}};

template <class E>
std::size_t bitIndex(E e) {
    auto v = static_cast<unsigned>(e);
    std::size_t i = 0;
    while (v > 1) {
        v >>= 1;
        ++i;
    }
    return i;
}
}  // namespace

std::string_view qualityId(Quality q) { return kQualityNames[bitIndex(q)].id; }
std::string_view qualityName(Quality q) {
    return trc("pain quality", kQualityNames[bitIndex(q)].name.data());  // the names are literals
}
std::string_view qualityEnglishName(Quality q) { return kQualityNames[bitIndex(q)].name; }
std::string_view qualitySymbol(Quality q) { return kQualityNames[bitIndex(q)].symbol; }
std::optional<Quality> parseQuality(std::string_view id) {
    for (Quality q : kQualities) {
        if (qualityId(q) == id) return q;
    }
    return std::nullopt;
}

std::string_view tagKindId(TagKind k) { return kTagNames[bitIndex(k)].id; }
std::string_view tagKindName(TagKind k) { return trc("fascial tag", kTagNames[bitIndex(k)].name.data()); }
std::optional<TagKind> parseTagKind(std::string_view id) {
    for (TagKind k : kTagKinds) {
        if (tagKindId(k) == id) return k;
    }
    return std::nullopt;
}

std::string_view findingId(Finding f) { return kFindingNames[bitIndex(f)].id; }
std::string_view findingName(Finding f) { return trc("finding", kFindingNames[bitIndex(f)].name.data()); }
std::string_view findingEnglishName(Finding f) { return kFindingNames[bitIndex(f)].name; }
std::optional<Finding> parseFinding(std::string_view id) {
    for (Finding f : kFindings) {
        if (findingId(f) == id) return f;
    }
    return std::nullopt;
}

std::string_view markKindId(MarkKind k) { return kMarkNames[static_cast<std::size_t>(k)].id; }
std::string_view markKindName(MarkKind k) {
    return trc("chart mark", kMarkNames[static_cast<std::size_t>(k)].name.data());
}
std::string_view markKindEnglishName(MarkKind k) { return kMarkNames[static_cast<std::size_t>(k)].name; }
std::optional<MarkKind> parseMarkKind(std::string_view id) {
    for (MarkKind k : kMarkKinds) {
        if (markKindId(k) == id) return k;
    }
    return std::nullopt;
}

PainMap::PainMap(std::string templateId, int templateVersion, int width, int height)
    : m_templateId(std::move(templateId)),
      m_templateVersion(templateVersion),
      m_width(width),
      m_height(height) {
    for (auto& l : m_layers) {
        l.intensity.assign(cellCount(), 0);
        l.qualities.assign(cellCount(), 0);
        l.findings.assign(cellCount(), 0);
    }
}

PainMap PainMap::blankFor(const BodyTemplate& t) {
    return PainMap(t.id, t.version, t.width, t.height);
}

std::string searchableText(const VisitInfo& info) {
    const SessionNote& n = info.session;
    std::string out;
    for (const std::string* f : {&info.notes, &n.subjective, &n.objective, &n.assessment, &n.plan, &n.techniques, &n.areas}) {
        if (f->empty()) continue;
        if (!out.empty()) out += '\n';
        out += *f;
    }
    return out;
}

bool PainMap::isBlank() const {
    return std::all_of(m_layers.begin(), m_layers.end(), [](const ViewLayer& l) {
        return std::all_of(l.intensity.begin(), l.intensity.end(),
                           [](std::uint8_t v) { return v == 0; });
    });
}

bool PainMap::hasFindings() const {
    return std::any_of(m_layers.begin(), m_layers.end(), [](const ViewLayer& l) {
        return std::any_of(l.findings.begin(), l.findings.end(), [](std::uint8_t v) { return v != 0; });
    });
}

void keepFreedRastersInHeap() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
}

}  // namespace bodymap::maps
