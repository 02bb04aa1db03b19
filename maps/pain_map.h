// The pain map document: for one visit, per view an intensity raster (0-10) and a quality
// bitmask per cell aligned to the template grid, fascial tags, notes and metadata.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec2.hpp>

#include "maps/body_template.h"

namespace bodymap::maps {

constexpr int kMaxIntensity = 10;  // 0-10 numeric rating scale; 0 = no pain

// Sensation qualities (Ransford's pain-drawing symbols). Bit flags: a cell may have several.
enum class Quality : std::uint8_t {
    Aching = 1 << 0,          // ^^^
    Burning = 1 << 1,         // xxx
    Stabbing = 1 << 2,        // ///
    PinsAndNeedles = 1 << 3,  // ooo
    Numbness = 1 << 4,        // ===
};
constexpr int kQualityCount = 5;
constexpr std::uint8_t kAllQualities = 0x1F;
constexpr std::array<Quality, kQualityCount> kQualities{
    Quality::Aching, Quality::Burning, Quality::Stabbing, Quality::PinsAndNeedles,
    Quality::Numbness};

inline std::uint8_t bit(Quality q) { return static_cast<std::uint8_t>(q); }
std::string_view qualityId(Quality q);      // "aching", "pins-and-needles", ...
// The name a person reads, in the current language (never a key: qualityId is).
std::string_view qualityName(Quality q);    // "Aching", "Pins and needles", ...
// The English name, for test logs and stable labels.
std::string_view qualityEnglishName(Quality q);
std::string_view qualitySymbol(Quality q);  // "^^^", "xxx", ...
std::optional<Quality> parseQuality(std::string_view id);

// Kinds of therapist tag on a fascial band (bit flags: one tag may carry several).
enum class TagKind : std::uint8_t {
    Restricted = 1 << 0,
    Tender = 1 << 1,
    Tense = 1 << 2,
    Adhesion = 1 << 3,
    TreatedToday = 1 << 4,
};
constexpr int kTagKindCount = 5;
constexpr std::array<TagKind, kTagKindCount> kTagKinds{
    TagKind::Restricted, TagKind::Tender, TagKind::Tense, TagKind::Adhesion, TagKind::TreatedToday};
std::string_view tagKindId(TagKind k);      // "restricted", "treated-today", ...
std::string_view tagKindName(TagKind k);    // "Restricted", "Treated today", ...
std::optional<TagKind> parseTagKind(std::string_view id);

struct FascialTag {
    std::string bandId;       // FascialBand::id in the map's template
    std::uint8_t kinds = 0;   // TagKind bits, at least one
    std::string note;
    bool operator==(const FascialTag& o) const {
        return bandId == o.bandId && kinds == o.kinds && note == o.note;
    }
};

enum class DrawnBy : std::uint8_t { Client, Therapist };

// What the therapist's palpation found, painted on the findings raster (format version 2), a
// layer of its own: painting findings never changes the client's rasters, nor the reverse.
// Bit flags: a cell may carry several.
enum class Finding : std::uint8_t {
    Tender = 1 << 0,
    Tight = 1 << 1,        // tight / hypertonic
    Restricted = 1 << 2,
    Swollen = 1 << 3,
};
constexpr int kFindingCount = 4;
constexpr std::uint8_t kAllFindings = 0x0F;
constexpr std::array<Finding, kFindingCount> kFindings{Finding::Tender, Finding::Tight,
                                                       Finding::Restricted, Finding::Swollen};
inline std::uint8_t bit(Finding f) { return static_cast<std::uint8_t>(f); }
std::string_view findingId(Finding f);          // "tender", "tight", "restricted", "swollen"
std::string_view findingName(Finding f);        // "Tender", "Tight / hypertonic", ... translated
std::string_view findingEnglishName(Finding f);
std::optional<Finding> parseFinding(std::string_view id);

// The therapist's point and line marks (format version 2). A point mark sits at `at`; a line
// mark runs from `at` to `to`. Positions are in template cell units (x right, y down, the grid
// of the view's rasters), so a mark lands on the same anatomy in the GUI, the PNG and the PDF.
enum class MarkKind : std::uint8_t {
    ActiveTriggerPoint,   // point
    LatentTriggerPoint,   // point
    TenderPoint,          // point
    Adhesion,             // line: where the tissue is stuck, along its length
    Radiating,            // line: an arrow from where the pain starts to where it spreads
    Label,                // point: a short free text pinned to the chart (the label is the text)
};
constexpr int kMarkKindCount = 6;
constexpr std::array<MarkKind, kMarkKindCount> kMarkKinds{
    MarkKind::ActiveTriggerPoint, MarkKind::LatentTriggerPoint, MarkKind::TenderPoint,
    MarkKind::Adhesion,           MarkKind::Radiating,          MarkKind::Label};
std::string_view markKindId(MarkKind k);        // "trigger-active", ..., "radiating", "label"
std::string_view markKindName(MarkKind k);      // "Active trigger point", ... translated
std::string_view markKindEnglishName(MarkKind k);
std::optional<MarkKind> parseMarkKind(std::string_view id);
inline bool isLineMark(MarkKind k) { return k == MarkKind::Adhesion || k == MarkKind::Radiating; }

struct Mark {
    MarkKind kind = MarkKind::ActiveTriggerPoint;
    ViewId view = ViewId::Front;
    glm::vec2 at{0.0f};   // cell units; written to a tenth of a cell
    glm::vec2 to{0.0f};   // the line's end (line marks only)
    std::string label;    // short text shown beside the symbol (the text itself for Label)
    std::string note;     // longer note, shown on hover and in the report
    DrawnBy by = DrawnBy::Therapist;  // the client may draw a radiating arrow at intake
    bool operator==(const Mark& o) const {
        return kind == o.kind && view == o.view && at == o.at && to == o.to && label == o.label &&
               note == o.note && by == o.by;
    }
    bool operator!=(const Mark& o) const { return !(*this == o); }
};
// A position as written to a file: rounded to a tenth of a cell (so that a map read back
// equals the map written).
inline float roundToTenth(float v) { return static_cast<float>(static_cast<long>(v * 10.0f + (v < 0 ? -0.5f : 0.5f))) / 10.0f; }

// The therapist's session note in SOAP form and the treatment given (map format version 2;
// a map without one is written as version 1, unchanged).
struct SessionNote {
    std::string subjective;   // S: what the client reports (history, pain, goals)
    std::string objective;    // O: what was found (observation, palpation, range of motion, tests)
    std::string assessment;   // A: the therapist's reading of S and O, progress
    std::string plan;         // P: next sessions, home care, referral
    // The treatment given today.
    std::string techniques;   // e.g. "deep tissue, myofascial release"
    std::string areas;        // where, e.g. "right calf, lumbar paraspinals"
    int minutes = 0;          // how long; 0 = not recorded
    bool empty() const {
        return subjective.empty() && objective.empty() && assessment.empty() && plan.empty() &&
               techniques.empty() && areas.empty() && minutes == 0;
    }
    bool operator==(const SessionNote& o) const {
        return subjective == o.subjective && objective == o.objective && assessment == o.assessment &&
               plan == o.plan && techniques == o.techniques && areas == o.areas && minutes == o.minutes;
    }
};

struct VisitInfo {
    std::string clientId;       // stable id, e.g. "jane-doe-1984"
    std::string clientName;     // display name, any script
    std::string visitTime;      // ISO 8601 local date-time, e.g. "2026-11-24T14:30:00"
    DrawnBy drawnBy = DrawnBy::Client;
    std::string therapist;
    std::string notes;          // free visit notes
    std::string appVersion;     // BodyMap version that wrote the file
    SessionNote session;        // the therapist's SOAP note and treatment (the file's "session")
    bool operator==(const VisitInfo& o) const {
        return clientId == o.clientId && clientName == o.clientName && visitTime == o.visitTime &&
               drawnBy == o.drawnBy && therapist == o.therapist && notes == o.notes &&
               appVersion == o.appVersion && session == o.session;
    }
};

// What a search of a client's visits looks in: the visit notes, the session note and the
// treatment, one field per line (the clinic server builds the same text in SQL).
std::string searchableText(const VisitInfo& info);

// One view's rasters: width*height cells, row-major, y down, same grid as the template.
struct ViewLayer {
    std::vector<std::uint8_t> intensity;  // 0..10, the client's
    std::vector<std::uint8_t> qualities;  // Quality bits; 0 wherever intensity is 0
    std::vector<std::uint8_t> findings;   // Finding bits, the therapist's (independent of pain)
    bool operator==(const ViewLayer& o) const {
        return intensity == o.intensity && qualities == o.qualities && findings == o.findings;
    }
};

class PainMap {
public:
    PainMap() = default;
    PainMap(std::string templateId, int templateVersion, int width, int height);
    // A blank map for a template.
    static PainMap blankFor(const BodyTemplate& t);

    const std::string& templateId() const { return m_templateId; }
    int templateVersion() const { return m_templateVersion; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    std::size_t cellCount() const {
        return static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height);
    }
    std::size_t index(int x, int y) const {
        return static_cast<std::size_t>(y) * static_cast<std::size_t>(m_width) +
               static_cast<std::size_t>(x);
    }

    ViewLayer& layer(ViewId v) { return m_layers[static_cast<std::size_t>(v)]; }
    const ViewLayer& layer(ViewId v) const { return m_layers[static_cast<std::size_t>(v)]; }
    std::uint8_t intensityAt(ViewId v, int x, int y) const { return layer(v).intensity[index(x, y)]; }
    std::uint8_t qualitiesAt(ViewId v, int x, int y) const { return layer(v).qualities[index(x, y)]; }
    bool isBlank() const;  // no painted cell in any view
    bool hasFindings() const;  // a findings cell in some view

    VisitInfo info;
    std::vector<FascialTag> tags;
    std::vector<Mark> marks;   // the therapist's (and the client's arrows), in drawing order

    bool operator==(const PainMap& o) const {
        return m_templateId == o.m_templateId && m_templateVersion == o.m_templateVersion &&
               m_width == o.m_width && m_height == o.m_height && m_layers == o.m_layers &&
               info == o.info && tags == o.tags && marks == o.marks;
    }

private:
    std::string m_templateId;
    int m_templateVersion = 0;
    int m_width = 0;
    int m_height = 0;
    std::array<ViewLayer, kViewCount> m_layers;
};

// Process-wide allocator setting for programs that load many maps one after another (the app,
// `bodymap stats`, the benchmarks); call once at start-up. A map's rasters are six blocks of
// width x height bytes (512 KiB each on the adult template). glibc serves blocks over 128 KiB
// with mmap and trims the heap once 1 MiB at its top is free, so every map loaded after another
// was freed faulted 2 MiB of fresh zeroed pages in again, which cost more than reading the file
// (1.7-3.8 ms against 0.2-1.0 ms per example visit). With this, blocks up to 16 MiB come from
// the heap and up to 32 MiB of free heap is kept for the next map. A no-op elsewhere.
void keepFreedRastersInHeap();

}  // namespace bodymap::maps
