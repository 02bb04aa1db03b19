// Reading, validating and writing pain map files, format version 1 (see map_format.h, FORMAT.md).
#include "maps/map_format.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <initializer_list>

#include "maps/atomic_file.h"
#include "maps/compact_map.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"

namespace bodymap::maps {

// [SECTION] Small helpers

std::string withThousands(std::uint64_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += i18n::conventions().groupSeparator;
        out += digits[i];
    }
    return out;
}

namespace {

bool isDigits(std::string_view s, std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
}

int number(std::string_view s, std::size_t from, std::size_t count) {
    int v = 0;
    for (std::size_t i = from; i < from + count; ++i) v = v * 10 + (s[i] - '0');
    return v;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

bool isIsoDateTime(std::string_view s) {
    // 0123456789012345678
    // YYYY-MM-DDTHH:MM:SS
    if (s.size() < 19) return false;
    if (!isDigits(s, 0, 4) || s[4] != '-' || !isDigits(s, 5, 2) || s[7] != '-' ||
        !isDigits(s, 8, 2) || s[10] != 'T' || !isDigits(s, 11, 2) || s[13] != ':' ||
        !isDigits(s, 14, 2) || s[16] != ':' || !isDigits(s, 17, 2)) {
        return false;
    }
    const int year = number(s, 0, 4), month = number(s, 5, 2), day = number(s, 8, 2);
    if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        return false;
    }
    if (number(s, 11, 2) > 23 || number(s, 14, 2) > 59 || number(s, 17, 2) > 59) return false;
    const std::string_view zone = s.substr(19);
    if (zone.empty() || zone == "Z") return true;
    return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && isDigits(zone, 1, 2) &&
           zone[3] == ':' && isDigits(zone, 4, 2) && number(zone, 1, 2) <= 14 &&
           number(zone, 4, 2) <= 59;
}

namespace {

// [SECTION] Reading

constexpr const char* kFormatName = "bodymap";
constexpr int kMaxGrid = 4096;

// A value from the file inside a message: quoted, escaped, at most ~80 characters.
std::string inQuotes(const std::string& s) { return quoteForMessage(s); }

// Rejects members other than `allowed`: a typo in a field name must not pass silently.
void checkKeys(const JsonCursor& c, std::initializer_list<const char*> allowed,
               const char* problem = trNoop("unknown field")) {
    c.requireObject();
    for (const auto& item : c.json().items()) {
        const bool known = std::any_of(allowed.begin(), allowed.end(),
                                       [&](const char* k) { return item.key() == k; });
        if (!known) {
            JsonCursor(item.value(), jsonPathAppend(c.path(), item.key())).fail(tr(problem));
        }
    }
}

std::string optionalString(const JsonCursor& c, const char* key, std::size_t maxLength) {
    auto f = c.find(key);
    return f ? f->string(maxLength) : std::string();
}

// Checks `format` and `version` and returns the version; everything else depends on it.
int checkHeader(const JsonCursor& root) {
    root.requireObject();
    JsonCursor format = root.at("format");
    const std::string name = format.string(64);
    if (name != kFormatName) {
        // TRANSLATORS: %s is the value found, in quotes.
        format.fail(i18n::format(tr("expected \"bodymap\", found %s (not a BodyMap map file)"), inQuotes(name).c_str()));
    }
    JsonCursor version = root.at("version");
    const auto v = version.integer(1, INT32_MAX);
    if (v > kMapFormatVersion) {
        version.fail(i18n::format(tr("written by a newer BodyMap (format version %s); please update"),
                                  std::to_string(v).c_str()));
    }
    return static_cast<int>(v);
}

// Version 2's "session": the SOAP note and the treatment given. Every field optional.
SessionNote readSession(const JsonCursor& c) {
    checkKeys(c, {"subjective", "objective", "assessment", "plan", "treatment"});
    SessionNote n;
    n.subjective = optionalString(c, "subjective", kMaxNotesBytes);
    n.objective = optionalString(c, "objective", kMaxNotesBytes);
    n.assessment = optionalString(c, "assessment", kMaxNotesBytes);
    n.plan = optionalString(c, "plan", kMaxNotesBytes);
    if (auto t = c.find("treatment")) {
        checkKeys(*t, {"techniques", "areas", "minutes"});
        n.techniques = optionalString(*t, "techniques", kMaxNotesBytes);
        n.areas = optionalString(*t, "areas", kMaxNotesBytes);
        if (auto m = t->find("minutes")) n.minutes = static_cast<int>(m->integer(0, kMaxSessionMinutes));
    }
    return n;
}

VisitInfo readVisit(const JsonCursor& c) {
    checkKeys(c, {"clientId", "clientName", "time", "drawnBy", "therapist", "notes", "appVersion"});
    VisitInfo info;
    info.clientId = c.at("clientId").string(kMaxNameBytes);
    info.clientName = optionalString(c, "clientName", kMaxNameBytes);
    JsonCursor time = c.at("time");
    info.visitTime = time.string(64);
    if (!isIsoDateTime(info.visitTime)) {
        time.fail(i18n::format(tr("expected an ISO 8601 date and time like \"2026-11-24T14:30:00\", found %s"),
                               inQuotes(info.visitTime).c_str()));
    }
    JsonCursor drawnBy = c.at("drawnBy");
    const std::string who = drawnBy.string(64);
    if (who == "client") {
        info.drawnBy = DrawnBy::Client;
    } else if (who == "therapist") {
        info.drawnBy = DrawnBy::Therapist;
    } else {
        drawnBy.fail(i18n::format(tr("expected \"client\" or \"therapist\", found %s"), inQuotes(who).c_str()));
    }
    info.therapist = optionalString(c, "therapist", kMaxNameBytes);
    info.notes = optionalString(c, "notes", kMaxNotesBytes);
    info.appVersion = optionalString(c, "appVersion", 64);
    return info;
}

std::vector<FascialTag> readTags(const JsonCursor& c, const BodyTemplate& t) {
    std::vector<FascialTag> tags;
    const std::size_t n = c.arraySize(kMaxTags);
    tags.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        JsonCursor tc = c.at(i);
        checkKeys(tc, {"band", "kinds", "note"});
        FascialTag tag;
        JsonCursor band = tc.at("band");
        tag.bandId = band.string(200);
        if (tag.bandId.empty()) band.fail(tr("must not be empty"));
        // Templates without fascial bands cannot check ids; tags are kept as written.
        if (!t.bands.empty() && t.bandIndex(tag.bandId) < 0) {
            // TRANSLATORS: the first %s is a band id in quotes, the second a template id.
            band.fail(i18n::format(tr("unknown fascial band %s in template %s"), inQuotes(tag.bandId).c_str(),
                                   printableForMessage(t.id, 80).c_str()));
        }
        JsonCursor kinds = tc.at("kinds");
        const std::size_t nk = kinds.arraySize(kTagKindCount);
        if (nk == 0) kinds.fail(tr("a tag needs at least one kind"));
        for (std::size_t k = 0; k < nk; ++k) {
            JsonCursor kc = kinds.at(k);
            const std::string id = kc.string(64);
            auto kind = parseTagKind(id);
            if (!kind) {
                // TRANSLATORS: %s is the value found; the expected words are file values: keep them.
                kc.fail(i18n::format(tr("unknown tag kind %s (expected restricted, tender, tense, adhesion or treated-today)"),
                                     inQuotes(id).c_str()));
            }
            if (tag.kinds & static_cast<std::uint8_t>(*kind)) kc.fail(i18n::format(tr("kind %s listed twice"), inQuotes(id).c_str()));
            tag.kinds = static_cast<std::uint8_t>(tag.kinds | static_cast<std::uint8_t>(*kind));
        }
        tag.note = optionalString(tc, "note", kMaxTagNoteBytes);
        tags.push_back(std::move(tag));
    }
    return tags;
}

// Decodes [[value, count], ...] into exactly `cells` bytes.
std::vector<std::uint8_t> readRuns(const JsonCursor& c, std::size_t cells, int maxValue) {
    // More runs than cells cannot add up; refusing early bounds the work on hostile input.
    const std::size_t n = c.arraySize(cells);
    std::vector<std::uint8_t> out;
    out.reserve(cells);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        JsonCursor run = c.at(i);
        if (!run.json().is_array() || run.json().size() != 2) {
            run.fail(tr("expected a run [value, count]"));
        }
        const auto value = run.at(std::size_t{0}).integer(0, maxValue);
        const auto count = run.at(std::size_t{1}).integer(1, static_cast<std::int64_t>(cells));
        total += static_cast<std::uint64_t>(count);
        if (total <= cells) {
            out.insert(out.end(), static_cast<std::size_t>(count), static_cast<std::uint8_t>(value));
        }
    }
    if (total != cells) {
        c.fail(i18n::format(tr("run lengths add up to %s, expected %s"), withThousands(total).c_str(),
                            withThousands(cells).c_str()));
    }
    return out;
}

// Index of the first cell with qualities but no intensity, or the cell count when there is none.
// Eight cells at a time (the check runs over every cell of every loaded map): intensities are
// already known to be 0..10, so adding 0x7F to a byte sets its high bit exactly when it is >= 1.
std::size_t firstQualityWithoutIntensity(const ViewLayer& layer) {
    const std::size_t cells = std::min(layer.intensity.size(), layer.qualities.size());
    const std::uint8_t* in = layer.intensity.data();
    const std::uint8_t* qu = layer.qualities.data();
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    std::size_t i = 0;
    for (; i + 8 <= cells; i += 8) {
        std::uint64_t q, v;
        std::memcpy(&q, qu + i, sizeof q);
        if (q == 0) continue;
        std::memcpy(&v, in + i, sizeof v);
        const std::uint64_t painted = (((v & ~kHigh) + 0x7F7F7F7F7F7F7F7Full) | v) & kHigh;
        if ((q & ~((painted >> 7) * 0xFF)) != 0) break;  // the scalar loop below finds the cell
    }
    for (; i < cells; ++i) {
        if (qu[i] != 0 && in[i] == 0) return i;
    }
    return cells;
}

ViewLayer readLayer(const JsonCursor& c, int width, int height, int formatVersion) {
    if (formatVersion >= 2) {
        checkKeys(c, {"intensity", "qualities", "findings"});
    } else {
        checkKeys(c, {"intensity", "qualities"});
    }
    const std::size_t cells = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    ViewLayer layer;
    layer.intensity = readRuns(c.at("intensity"), cells, kMaxIntensity);
    JsonCursor qc = c.at("qualities");
    layer.qualities = readRuns(qc, cells, kAllQualities);
    const std::size_t bad = firstQualityWithoutIntensity(layer);
    if (bad < cells) {
        const std::size_t w = static_cast<std::size_t>(width);
        qc.fail(i18n::format(tr("cell %s (x %zu, y %zu) has qualities but no intensity"), withThousands(bad).c_str(),
                             bad % w, bad / w));
    }
    if (auto fc = c.find("findings")) {
        layer.findings = readRuns(*fc, cells, kAllFindings);
    } else {
        layer.findings.assign(cells, 0);
    }
    return layer;
}

// A position [x, y] in cell units on the grid, rounded to a tenth of a cell.
glm::vec2 readPoint(const JsonCursor& c, int width, int height) {
    if (!c.json().is_array() || c.json().size() != 2) c.fail(tr("expected a position [x, y] in cells"));
    const double x = c.at(std::size_t{0}).number(0, width);
    const double y = c.at(std::size_t{1}).number(0, height);
    return {roundToTenth(static_cast<float>(x)), roundToTenth(static_cast<float>(y))};
}

// Version 2's "marks": the therapist's point and line marks (and the client's arrows).
std::vector<Mark> readMarks(const JsonCursor& c, int width, int height) {
    const std::size_t n = c.arraySize(kMaxMarks);
    std::vector<Mark> marks;
    marks.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        JsonCursor mc = c.at(i);
        checkKeys(mc, {"kind", "view", "at", "to", "label", "note", "by"});
        Mark m;
        JsonCursor kc = mc.at("kind");
        const std::string kind = kc.string(64);
        auto k = parseMarkKind(kind);
        if (!k) {
            // TRANSLATORS: %s is the value found, in quotes; the rest lists the valid kinds.
            kc.fail(i18n::format(tr("unknown mark kind %s (expected trigger-active, trigger-latent, tender-point, "
                                    "adhesion, radiating or label)"),
                                 inQuotes(kind).c_str()));
        }
        m.kind = *k;
        JsonCursor vc = mc.at("view");
        const std::string view = vc.string(64);
        auto v = parseViewId(view);
        if (!v) vc.fail(i18n::format(tr("unknown view %s (expected front or back)"), inQuotes(view).c_str()));
        m.view = *v;
        m.at = readPoint(mc.at("at"), width, height);
        if (auto tc = mc.find("to")) {
            if (!isLineMark(m.kind)) tc->fail(tr("only an adhesion or a radiating arrow has an end"));
            m.to = readPoint(*tc, width, height);
        } else if (isLineMark(m.kind)) {
            mc.fail(tr("an adhesion or a radiating arrow needs an end (\"to\")"));
        }
        m.label = optionalString(mc, "label", kMaxMarkLabelBytes);
        if (m.kind == MarkKind::Label && m.label.empty()) mc.fail(tr("a text label needs its text (\"label\")"));
        m.note = optionalString(mc, "note", kMaxMarkNoteBytes);
        if (auto bc = mc.find("by")) {
            const std::string by = bc->string(64);
            if (by == "client") {
                m.by = DrawnBy::Client;
            } else if (by != "therapist") {
                bc->fail(i18n::format(tr("expected \"client\" or \"therapist\", found %s"), inQuotes(by).c_str()));
            }
        }
        marks.push_back(std::move(m));
    }
    return marks;
}

PainMap readMap(const JsonCursor& root, const TemplateRegistry& templates) {
    const int formatVersion = checkHeader(root);
    if (formatVersion >= 2) {
        checkKeys(root, {"format", "version", "template", "grid", "visit", "fascialTags", "session", "marks", "views"});
    } else {
        checkKeys(root, {"format", "version", "template", "grid", "visit", "fascialTags", "views"});
    }

    JsonCursor tc = root.at("template");
    checkKeys(tc, {"id", "version"});
    JsonCursor idc = tc.at("id");
    const std::string templateId = idc.string(200);
    auto t = templates.find(templateId);
    if (!t) {
        std::string installed;
        for (const auto& id : templates.ids()) installed += (installed.empty() ? "" : ", ") + printableForMessage(id, 80);
        // TRANSLATORS: the first %s is a template id in quotes, the second the installed ones.
        idc.fail(i18n::format(tr("unknown template %s (installed: %s)"), inQuotes(templateId).c_str(),
                              installed.empty() ? tr("none") : installed.c_str()));
    }
    JsonCursor vc = tc.at("version");
    const int templateVersion = static_cast<int>(vc.integer(1, 1000000));
    if (templateVersion > t->version) {
        vc.fail(i18n::format(tr("template %s version %d is newer than the installed version %d; please update"),
                             printableForMessage(templateId, 80).c_str(), templateVersion, t->version));
    }

    JsonCursor grid = root.at("grid");
    checkKeys(grid, {"width", "height"});
    const int width = static_cast<int>(grid.at("width").integer(1, kMaxGrid));
    const int height = static_cast<int>(grid.at("height").integer(1, kMaxGrid));
    if (width != t->width || height != t->height) {
        grid.fail(i18n::format(tr("%d x %d cells does not match template %s (%d x %d)"), width, height,
                               printableForMessage(templateId, 80).c_str(), t->width, t->height));
    }

    VisitInfo info = readVisit(root.at("visit"));
    if (auto sc = root.find("session")) info.session = readSession(*sc);
    std::vector<FascialTag> tags;
    if (auto tagc = root.find("fascialTags")) tags = readTags(*tagc, *t);
    std::vector<Mark> marks;
    if (auto mc = root.find("marks")) marks = readMarks(*mc, width, height);

    JsonCursor views = root.at("views");
    checkKeys(views, {"front", "back"}, trNoop("unknown view (expected front and back)"));
    PainMap map(templateId, templateVersion, width, height);
    for (ViewId v : kViews) {
        const std::string key(viewId(v));
        map.layer(v) = readLayer(views.at(key.c_str()), width, height, formatVersion);
    }
    map.info = std::move(info);
    map.tags = std::move(tags);
    map.marks = std::move(marks);
    return map;
}

}  // namespace

Result<PainMap> parseMapValue(const nlohmann::json& doc, const std::string& source,
                              const std::string& pathPrefix, const TemplateRegistry& templates) {
    try {
        return readMap(JsonCursor(doc, pathPrefix), templates);
    } catch (const JsonPathError& e) {
        return Error{printableForMessage(source) + ": " + e.what()};
    } catch (const std::exception& e) {  // e.g. bad_alloc on hostile input: still no crash
        return Error{i18n::format(tr("%s: cannot read: %s"), printableForMessage(source).c_str(),
                                  printableForMessage(e.what(), 200).c_str())};
    }
}

Result<PainMap> parseMap(std::string_view text, const std::string& source,
                         const TemplateRegistry& templates) {
    auto compact = parseCompactMap(text, source, templates);
    if (!compact) return Error{compact.error()};
    return denseFrom(compact.value());
}

Result<PainMap> parseMapDocument(std::string_view text, const std::string& source,
                                 const TemplateRegistry& templates) {
    auto json = parseJsonLimited(text, source, kMaxMapDepth, kMaxMapContainers);
    if (!json) return Error{json.error()};
    return parseMapValue(json.value(), source, "", templates);
}

Result<PainMap> loadMap(const std::string& path, const TemplateRegistry& templates) {
    auto text = readFileLimited(path, kMaxMapFileBytes);
    if (!text) return Error{text.error()};
    return parseMap(text.value(), path, templates);
}

Result<VisitInfo> readVisitInfo(std::string_view text, const std::string& source) {
    if (auto fast = readVisitInfoFast(text)) return std::move(*fast);
    return readVisitInfoDocument(text, source);
}

Result<VisitInfo> readVisitInfoDocument(std::string_view text, const std::string& source) {
    auto json = parseJsonLimited(text, source, kMaxMapDepth, kMaxMapContainers);
    if (!json) return Error{json.error()};
    try {
        JsonCursor root(json.value(), "");
        const int formatVersion = checkHeader(root);
        VisitInfo info = readVisit(root.at("visit"));
        if (formatVersion >= 2) {
            if (auto sc = root.find("session")) info.session = readSession(*sc);
        }
        return info;
    } catch (const JsonPathError& e) {
        return Error{printableForMessage(source) + ": " + e.what()};
    } catch (const std::exception& e) {
        return Error{i18n::format(tr("%s: cannot read: %s"), printableForMessage(source).c_str(),
                                  printableForMessage(e.what(), 200).c_str())};
    }
}

// [SECTION] Writing

namespace {

std::string jsonString(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Runs as "[[v,n],[v,n],...]", wrapped so that no line is much longer than ~100 characters.
void appendRuns(std::string& out, const std::vector<std::uint8_t>& cells, const std::string& indent) {
    out += '[';
    std::size_t lineStart = out.size();
    bool first = true;
    for (std::size_t i = 0; i < cells.size();) {
        std::size_t j = i + 1;
        while (j < cells.size() && cells[j] == cells[i]) ++j;
        if (!first) {
            out += ',';
            if (out.size() - lineStart > 96) {
                out += '\n';
                out += indent;
                lineStart = out.size();
            }
        }
        first = false;
        out += '[';
        out += std::to_string(cells[i]);
        out += ',';
        out += std::to_string(j - i);
        out += ']';
        i = j;
    }
    out += ']';
}

// "120.5": a position in tenths of a cell, without printf (whose decimal point is the locale's).
std::string tenths(float v) {
    const long t = static_cast<long>(std::lround(static_cast<double>(roundToTenth(v)) * 10.0));
    const long whole = t / 10, frac = t % 10;
    return (t < 0 && whole == 0 ? "-" : "") + std::to_string(whole) + "." + std::to_string(frac < 0 ? -frac : frac);
}

std::string pointJson(glm::vec2 p) { return "[" + tenths(p.x) + ", " + tenths(p.y) + "]"; }

}  // namespace

int formatVersionFor(const PainMap& map) {
    return map.info.session.empty() && map.marks.empty() && !map.hasFindings() ? 1 : 2;
}

std::string serializeMap(const PainMap& map) {
    const VisitInfo& v = map.info;
    const int formatVersion = formatVersionFor(map);
    std::string out;
    out.reserve(64 * 1024);
    out += "{\n";
    out += "  \"format\": \"bodymap\",\n";
    out += "  \"version\": " + std::to_string(formatVersion) + ",\n";
    out += "  \"template\": {\"id\": " + jsonString(map.templateId()) +
           ", \"version\": " + std::to_string(map.templateVersion()) + "},\n";
    out += "  \"grid\": {\"width\": " + std::to_string(map.width()) +
           ", \"height\": " + std::to_string(map.height()) + "},\n";
    out += "  \"visit\": {\n";
    out += "    \"clientId\": " + jsonString(v.clientId) + ",\n";
    out += "    \"clientName\": " + jsonString(v.clientName) + ",\n";
    out += "    \"time\": " + jsonString(v.visitTime) + ",\n";
    out += std::string("    \"drawnBy\": ") +
           (v.drawnBy == DrawnBy::Therapist ? "\"therapist\"" : "\"client\"") + ",\n";
    out += "    \"therapist\": " + jsonString(v.therapist) + ",\n";
    out += "    \"notes\": " + jsonString(v.notes) + ",\n";
    out += "    \"appVersion\": " + jsonString(v.appVersion) + "\n";
    out += "  },\n";
    out += "  \"fascialTags\": [";
    for (std::size_t i = 0; i < map.tags.size(); ++i) {
        const FascialTag& tag = map.tags[i];
        out += i == 0 ? "\n    " : ",\n    ";
        out += "{\"band\": " + jsonString(tag.bandId) + ", \"kinds\": [";
        bool firstKind = true;
        for (TagKind k : kTagKinds) {
            if (!(tag.kinds & static_cast<std::uint8_t>(k))) continue;
            out += firstKind ? "\"" : ", \"";
            out += tagKindId(k);
            out += '"';
            firstKind = false;
        }
        out += "], \"note\": " + jsonString(tag.note) + "}";
    }
    out += map.tags.empty() ? "],\n" : "\n  ],\n";
    if (formatVersion >= 2) {
        const SessionNote& n = v.session;
        out += "  \"session\": {\n";
        out += "    \"subjective\": " + jsonString(n.subjective) + ",\n";
        out += "    \"objective\": " + jsonString(n.objective) + ",\n";
        out += "    \"assessment\": " + jsonString(n.assessment) + ",\n";
        out += "    \"plan\": " + jsonString(n.plan) + ",\n";
        out += "    \"treatment\": {\"techniques\": " + jsonString(n.techniques) + ", \"areas\": " +
               jsonString(n.areas) + ", \"minutes\": " + std::to_string(n.minutes) + "}\n";
        out += "  },\n";
        out += "  \"marks\": [";
        for (std::size_t i = 0; i < map.marks.size(); ++i) {
            const Mark& m = map.marks[i];
            out += i == 0 ? "\n    " : ",\n    ";
            out += "{\"kind\": \"" + std::string(markKindId(m.kind)) + "\", \"view\": \"" +
                   std::string(viewId(m.view)) + "\", \"at\": " + pointJson(m.at);
            if (isLineMark(m.kind)) out += ", \"to\": " + pointJson(m.to);
            out += ", \"label\": " + jsonString(m.label) + ", \"note\": " + jsonString(m.note) +
                   ", \"by\": " + (m.by == DrawnBy::Client ? "\"client\"" : "\"therapist\"") + "}";
        }
        out += map.marks.empty() ? "],\n" : "\n  ],\n";
    }
    out += "  \"views\": {\n";
    for (std::size_t vi = 0; vi < kViews.size(); ++vi) {
        const ViewId view = kViews[vi];
        const ViewLayer& layer = map.layer(view);
        out += "    \"" + std::string(viewId(view)) + "\": {\n";
        out += "      \"intensity\": ";
        appendRuns(out, layer.intensity, "        ");
        out += ",\n      \"qualities\": ";
        appendRuns(out, layer.qualities, "        ");
        if (formatVersion >= 2) {
            out += ",\n      \"findings\": ";
            appendRuns(out, layer.findings, "        ");
        }
        out += vi + 1 < kViews.size() ? "\n    },\n" : "\n    }\n";
    }
    out += "  }\n}\n";
    return out;
}

namespace {

// The file text of `map`, or why it cannot be saved (a map that loadMap would refuse).
Result<std::string> saveText(const PainMap& map, const std::string& path) {
    // Never write a file that loadMap would refuse: check the loader's limits first.
    auto refuse = [&path](const std::string& why) {
        // TRANSLATORS: %s is a file name, then why the map cannot be saved.
        return Result<std::string>(Error{i18n::format(tr("%s: cannot save: %s"), path.c_str(), why.c_str())});
    };
    const VisitInfo& v = map.info;
    if (v.notes.size() > kMaxNotesBytes) {
        return refuse("visit.notes: text too long (" + withThousands(v.notes.size()) +
                      " bytes, limit " + withThousands(kMaxNotesBytes) + ")");
    }
    for (const auto* field : {&v.clientId, &v.clientName, &v.therapist, &v.visitTime, &v.appVersion}) {
        if (field->size() > kMaxNameBytes) {
            return refuse("visit: a name or date is too long (" + withThousands(field->size()) +
                          " bytes, limit " + withThousands(kMaxNameBytes) + ")");
        }
    }
    const SessionNote& n = v.session;
    for (const auto* field : {&n.subjective, &n.objective, &n.assessment, &n.plan, &n.techniques, &n.areas}) {
        if (field->size() > kMaxNotesBytes) {
            return refuse("session: a note is too long (" + withThousands(field->size()) + " bytes, limit " +
                          withThousands(kMaxNotesBytes) + ")");
        }
    }
    if (n.minutes < 0 || n.minutes > kMaxSessionMinutes) {
        return refuse("session.treatment.minutes: " + std::to_string(n.minutes) + " is not between 0 and " +
                      std::to_string(kMaxSessionMinutes));
    }
    if (map.tags.size() > kMaxTags) {
        return refuse("fascialTags: too many tags (" + withThousands(map.tags.size()) + ", limit " +
                      withThousands(kMaxTags) + ")");
    }
    for (const auto& tag : map.tags) {
        if (tag.note.size() > kMaxTagNoteBytes) {
            return refuse("fascialTags: a tag note is too long (" + withThousands(tag.note.size()) +
                          " bytes, limit " + withThousands(kMaxTagNoteBytes) + ")");
        }
    }
    if (map.marks.size() > kMaxMarks) {
        return refuse("marks: too many marks (" + withThousands(map.marks.size()) + ", limit " +
                      withThousands(kMaxMarks) + ")");
    }
    for (const auto& m : map.marks) {
        if (m.label.size() > kMaxMarkLabelBytes || m.note.size() > kMaxMarkNoteBytes) {
            return refuse("marks: a label or note is too long (limits " + withThousands(kMaxMarkLabelBytes) +
                          " and " + withThousands(kMaxMarkNoteBytes) + " bytes)");
        }
        if (m.kind == MarkKind::Label && m.label.empty()) return refuse("marks: a text label without text");
        for (glm::vec2 p : {m.at, m.to}) {
            if (!(p.x >= 0 && p.y >= 0 && p.x <= static_cast<float>(map.width()) &&
                  p.y <= static_cast<float>(map.height()))) {
                return refuse("marks: a mark lies off the grid");
            }
        }
    }
    for (ViewId view : kViews) {
        if (map.layer(view).findings.size() != map.cellCount()) return refuse("views: the findings raster has the wrong size");
    }
    const std::string text = serializeMap(map);
    if (text.size() > kMaxMapFileBytes) {
        return refuse(i18n::format(tr("the map would take %s bytes, over the %s-byte limit of map files"),
                                   withThousands(text.size()).c_str(), withThousands(kMaxMapFileBytes).c_str()));
    }
    return text;
}

}  // namespace

WriteOutcome saveMapChecked(const PainMap& map, const std::string& path, const FileStamp* basedOn) {
    auto text = saveText(map, path);
    if (!text) {
        WriteOutcome w;
        w.status = WriteStatus::Failed;
        w.message = text.error();
        return w;
    }
    AtomicWriteOptions options;
    options.keepBackup = true;
    options.basedOn = basedOn;
    return writeFileChecked(path, text.value(), options);
}

Status saveMap(const PainMap& map, const std::string& path) {
    WriteOutcome w = saveMapChecked(map, path, nullptr);
    if (!w.ok()) return Error{w.message};
    return Ok{};
}

}  // namespace bodymap::maps
