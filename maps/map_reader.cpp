// The fast map reader (see compact_map.h): parses a map file straight into spans, in one pass
// over the text, without building a JSON document and without touching a dense raster.
//
// It is the second reader of one format, so it is kept honest by construction: it accepts only
// what it can check completely, every check of map_format.cpp's readMap is made here too, and on
// anything else (an error, or JSON it does not handle: \u escapes of NUL, nulls for absent
// members, numbers like 1.0 or -0 for integers, `views` before `grid`) it gives up and the file is
// read again by parseMapDocument, which gives the message. So for every file, parseCompactMap returns what
// compactFrom(parseMapDocument(...)) returns: tests/maps/map_reader_tests.cpp checks that on every file of
// tests/data and the hostile corpus, and tests/fuzz/map_loader_fuzz.cpp on random bytes.
#include "maps/compact_map.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "maps/json_util.h"
#include "maps/map_format.h"

namespace bodymap::maps {

namespace {

// Thrown when the fast reader gives up; caught in parseCompactMap, never crosses this file.
struct GiveUp {};
[[noreturn]] void giveUp() { throw GiveUp{}; }

constexpr int kMaxGridCells = 4096;

class Reader {
public:
    Reader(std::string_view text) : m_p(text.data()), m_end(text.data() + text.size()) {}

    void ws() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')) ++m_p;
    }
    bool atEnd() {
        ws();
        return m_p == m_end;
    }
    // Consumes `c` (after whitespace) or gives up.
    void expect(char c) {
        ws();
        if (m_p == m_end || *m_p != c) giveUp();
        ++m_p;
    }
    // Consumes `c` when it comes next (after whitespace).
    bool accept(char c) {
        ws();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    // A JSON string decoded to UTF-8 in `out`, at most maxBytes decoded bytes. Gives up on
    // invalid UTF-8, raw control characters, bad escapes and "\u0000" (parseJsonLimited refuses
    // those with a message).
    void string(std::string& out, std::size_t maxBytes) {
        expect('"');
        out.clear();
        const char* runStart = m_p;
        while (true) {
            if (m_p == m_end) giveUp();
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') break;
            if (c < 0x20) giveUp();
            if (c == '\\') {
                out.append(runStart, static_cast<std::size_t>(m_p - runStart));
                ++m_p;
                escape(out);
                runStart = m_p;
                continue;
            }
            if (c < 0x80) {
                ++m_p;
                continue;
            }
            utf8Sequence();
        }
        out.append(runStart, static_cast<std::size_t>(m_p - runStart));
        ++m_p;  // the closing quote
        if (out.size() > maxBytes) giveUp();
    }

    // A non-negative integer written as plain digits (no sign, fraction or exponent), within
    // [min, max]. Gives up otherwise: the full parser accepts more spellings (1.0, 1e0, -0).
    std::int64_t integer(std::int64_t min, std::int64_t max) {
        ws();
        const std::int64_t v = digits();
        if (v < min || v > max) giveUp();
        return v;
    }

    // A JSON number within [min, max], finite.
    double number(double min, double max) {
        ws();
        const char* start = m_p;
        if (m_p < m_end && *m_p == '-') ++m_p;
        if (m_p == m_end) giveUp();
        if (*m_p == '0') {
            ++m_p;
        } else if (*m_p >= '1' && *m_p <= '9') {
            while (m_p < m_end && isDigit(*m_p)) ++m_p;
        } else {
            giveUp();
        }
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p)) giveUp();
            while (m_p < m_end && isDigit(*m_p)) ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-')) ++m_p;
            if (m_p == m_end || !isDigit(*m_p)) giveUp();
            while (m_p < m_end && isDigit(*m_p)) ++m_p;
        }
        double v = 0;
        const auto r = std::from_chars(start, m_p, v);
        if (r.ec != std::errc() || r.ptr != m_p || !std::isfinite(v) || v < min || v > max) giveUp();
        return v;
    }

    // Reads an object's members: onKey(key) must read the value (or give up on an unknown key).
    template <typename F>
    void object(F&& onKey) {
        expect('{');
        if (accept('}')) return;
        std::string key;
        do {
            string(key, 64);
            expect(':');
            onKey(key);
        } while (accept(','));
        expect('}');
    }

    // Reads an array's elements: onElement(index) reads one; at most maxSize of them.
    template <typename F>
    std::size_t array(std::size_t maxSize, F&& onElement) {
        expect('[');
        if (accept(']')) return 0;
        std::size_t n = 0;
        do {
            if (n >= maxSize) giveUp();
            onElement(n++);
        } while (accept(','));
        expect(']');
        return n;
    }

    // [[value, count], ...] adding up to exactly `cells`, values 0..maxValue, into spans of the
    // non-zero values. The hot loop of the reader: a map is mostly runs.
    SpanList runs(std::size_t cells, std::int64_t maxValue) {
        SpanList spans;
        std::uint64_t total = 0;
        expect('[');
        if (!accept(']')) {
            do {
                expect('[');
                ws();
                const std::int64_t value = digits();
                expect(',');
                ws();
                const std::int64_t count = digits();
                expect(']');
                if (value > maxValue || count < 1 || static_cast<std::uint64_t>(count) > cells) giveUp();
                if (total + static_cast<std::uint64_t>(count) > cells) giveUp();
                appendSpan(spans, static_cast<std::uint32_t>(total), static_cast<std::uint32_t>(count),
                           static_cast<std::uint8_t>(value));
                total += static_cast<std::uint64_t>(count);
            } while (accept(','));
            expect(']');
        }
        if (total != cells) giveUp();
        return spans;
    }

    // Checks and skips any JSON value, as parseJsonLimited would accept it within `maxDepth`
    // levels (counting the value's own) and the budget of containers; gives up on everything it
    // is unsure of (exponents, long numbers, objects of many members, whose duplicate keys it
    // does not look for).
    void skipValue(int maxDepth, std::size_t& containersLeft) {
        ws();
        if (m_p == m_end) giveUp();
        const char c = *m_p;
        if (c == '{' || c == '[') {
            if (maxDepth <= 0 || containersLeft == 0) giveUp();
            --containersLeft;
            if (c == '[') {
                array(SIZE_MAX, [&](std::size_t) { skipValue(maxDepth - 1, containersLeft); });
                return;
            }
            std::vector<std::string> keys;
            object([&](const std::string& key) {
                if (keys.size() >= 32) giveUp();
                for (const std::string& k : keys) {
                    if (k == key) giveUp();
                }
                keys.push_back(key);
                skipValue(maxDepth - 1, containersLeft);
            });
            return;
        }
        if (c == '"') {
            string(m_scratch, SIZE_MAX);
            return;
        }
        for (const char* word : {"true", "false", "null"}) {
            const std::size_t n = std::strlen(word);
            if (static_cast<std::size_t>(m_end - m_p) >= n && std::memcmp(m_p, word, n) == 0) {
                m_p += n;
                return;
            }
        }
        // A number: -?(0|[1-9][0-9]{0,14})(.[0-9]+)?, nothing larger or stranger.
        if (*m_p == '-') ++m_p;
        const char* start = m_p;
        while (m_p < m_end && isDigit(*m_p)) ++m_p;
        const std::ptrdiff_t n = m_p - start;
        if (n == 0 || n > 15 || (n > 1 && *start == '0')) giveUp();
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p)) giveUp();
            while (m_p < m_end && isDigit(*m_p)) ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) giveUp();
    }

private:
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    // Plain digits without a leading zero, at most 15 of them, not followed by a fraction or an
    // exponent.
    std::int64_t digits() {
        const char* start = m_p;
        std::int64_t v = 0;
        while (m_p < m_end && isDigit(*m_p)) {
            if (m_p - start >= 15) giveUp();  // before the 16th digit: v stays far from overflow
            v = v * 10 + (*m_p - '0');
            ++m_p;
        }
        const std::ptrdiff_t n = m_p - start;
        if (n == 0 || (n > 1 && *start == '0')) giveUp();
        if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E')) giveUp();
        return v;
    }

    unsigned hex4() {
        if (m_end - m_p < 4) giveUp();
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *m_p++;
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
            else giveUp();
        }
        return v;
    }

    void escape(std::string& out) {
        if (m_p == m_end) giveUp();
        const char c = *m_p++;
        switch (c) {
            case '"': out += '"'; return;
            case '\\': out += '\\'; return;
            case '/': out += '/'; return;
            case 'b': out += '\b'; return;
            case 'f': out += '\f'; return;
            case 'n': out += '\n'; return;
            case 'r': out += '\r'; return;
            case 't': out += '\t'; return;
            case 'u': break;
            default: giveUp();
        }
        unsigned cp = hex4();
        if (cp >= 0xDC00 && cp <= 0xDFFF) giveUp();  // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u') giveUp();
            m_p += 2;
            const unsigned low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) giveUp();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (cp == 0) giveUp();
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    // One multi-byte UTF-8 sequence at m_p, well formed (RFC 3629: no overlong forms, no
    // surrogates, nothing above U+10FFFF), or give up.
    void utf8Sequence() {
        const auto b = [this](std::ptrdiff_t i) { return static_cast<unsigned char>(m_p[i]); };
        const unsigned char c = b(0);
        const auto cont = [&](std::ptrdiff_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
            if (m_end - m_p <= i) giveUp();
            if (b(i) < lo || b(i) > hi) giveUp();
        };
        if (c >= 0xC2 && c <= 0xDF) {
            cont(1);
            m_p += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            cont(1, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF);
            cont(2);
            m_p += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            cont(1, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF);
            cont(2);
            cont(3);
            m_p += 4;
        } else {
            giveUp();
        }
    }

    const char* m_p;
    const char* m_end;
    std::string m_scratch;
};

// Gives up when `bit` is already in `seen` (a member written twice), else adds it.
void once(unsigned& seen, unsigned bit) {
    if (seen & bit) giveUp();
    seen |= bit;
}

void readName(Reader& r, std::string& out, std::size_t maxBytes) { r.string(out, maxBytes); }

VisitInfo readVisit(Reader& r) {
    VisitInfo info;
    unsigned seen = 0;
    std::string drawnBy;
    r.object([&](const std::string& key) {
        if (key == "clientId") once(seen, 1), readName(r, info.clientId, kMaxNameBytes);
        else if (key == "clientName") once(seen, 2), readName(r, info.clientName, kMaxNameBytes);
        else if (key == "time") once(seen, 4), readName(r, info.visitTime, 64);
        else if (key == "drawnBy") once(seen, 8), readName(r, drawnBy, 64);
        else if (key == "therapist") once(seen, 16), readName(r, info.therapist, kMaxNameBytes);
        else if (key == "notes") once(seen, 32), readName(r, info.notes, kMaxNotesBytes);
        else if (key == "appVersion") once(seen, 64), readName(r, info.appVersion, 64);
        else giveUp();
    });
    if ((seen & (1 | 4 | 8)) != (1 | 4 | 8)) giveUp();
    if (!isIsoDateTime(info.visitTime)) giveUp();
    if (drawnBy == "client") info.drawnBy = DrawnBy::Client;
    else if (drawnBy == "therapist") info.drawnBy = DrawnBy::Therapist;
    else giveUp();
    return info;
}

SessionNote readSession(Reader& r) {
    SessionNote n;
    unsigned seen = 0;
    r.object([&](const std::string& key) {
        if (key == "subjective") once(seen, 1), r.string(n.subjective, kMaxNotesBytes);
        else if (key == "objective") once(seen, 2), r.string(n.objective, kMaxNotesBytes);
        else if (key == "assessment") once(seen, 4), r.string(n.assessment, kMaxNotesBytes);
        else if (key == "plan") once(seen, 8), r.string(n.plan, kMaxNotesBytes);
        else if (key == "treatment") {
            once(seen, 16);
            unsigned tseen = 0;
            r.object([&](const std::string& tkey) {
                if (tkey == "techniques") once(tseen, 1), r.string(n.techniques, kMaxNotesBytes);
                else if (tkey == "areas") once(tseen, 2), r.string(n.areas, kMaxNotesBytes);
                else if (tkey == "minutes") once(tseen, 4), n.minutes = static_cast<int>(r.integer(0, kMaxSessionMinutes));
                else giveUp();
            });
        } else {
            giveUp();
        }
    });
    return n;
}

std::vector<FascialTag> readTags(Reader& r, const BodyTemplate& t) {
    std::vector<FascialTag> tags;
    std::string kind;
    r.array(kMaxTags, [&](std::size_t) {
        FascialTag tag;
        unsigned seen = 0;
        r.object([&](const std::string& key) {
            if (key == "band") {
                once(seen, 1);
                r.string(tag.bandId, 200);
                if (tag.bandId.empty() || (!t.bands.empty() && t.bandIndex(tag.bandId) < 0)) giveUp();
            } else if (key == "kinds") {
                once(seen, 2);
                const std::size_t n = r.array(kTagKindCount, [&](std::size_t) {
                    r.string(kind, 64);
                    const auto k = parseTagKind(kind);
                    if (!k || (tag.kinds & static_cast<std::uint8_t>(*k))) giveUp();
                    tag.kinds = static_cast<std::uint8_t>(tag.kinds | static_cast<std::uint8_t>(*k));
                });
                if (n == 0) giveUp();
            } else if (key == "note") {
                once(seen, 4);
                r.string(tag.note, kMaxTagNoteBytes);
            } else {
                giveUp();
            }
        });
        if ((seen & 3) != 3) giveUp();
        tags.push_back(std::move(tag));
    });
    return tags;
}

glm::vec2 readPoint(Reader& r, int width, int height) {
    double xy[2] = {0, 0};
    const std::size_t n = r.array(2, [&](std::size_t i) { xy[i] = r.number(0, i == 0 ? width : height); });
    if (n != 2) giveUp();
    return {roundToTenth(static_cast<float>(xy[0])), roundToTenth(static_cast<float>(xy[1]))};
}

std::vector<Mark> readMarks(Reader& r, int width, int height) {
    std::vector<Mark> marks;
    std::string word;
    r.array(kMaxMarks, [&](std::size_t) {
        Mark m;
        unsigned seen = 0;
        r.object([&](const std::string& key) {
            if (key == "kind") {
                once(seen, 1);
                r.string(word, 64);
                const auto k = parseMarkKind(word);
                if (!k) giveUp();
                m.kind = *k;
            } else if (key == "view") {
                once(seen, 2);
                r.string(word, 64);
                const auto v = parseViewId(word);
                if (!v) giveUp();
                m.view = *v;
            } else if (key == "at") {
                once(seen, 4);
                m.at = readPoint(r, width, height);
            } else if (key == "to") {
                once(seen, 8);
                m.to = readPoint(r, width, height);
            } else if (key == "label") {
                once(seen, 16);
                r.string(m.label, kMaxMarkLabelBytes);
            } else if (key == "note") {
                once(seen, 32);
                r.string(m.note, kMaxMarkNoteBytes);
            } else if (key == "by") {
                once(seen, 64);
                r.string(word, 64);
                if (word == "client") m.by = DrawnBy::Client;
                else if (word != "therapist") giveUp();
            } else {
                giveUp();
            }
        });
        if ((seen & 7) != 7) giveUp();
        if (((seen & 8) != 0) != isLineMark(m.kind)) giveUp();  // an end exactly on line marks
        if (m.kind == MarkKind::Label && m.label.empty()) giveUp();
        marks.push_back(std::move(m));
    });
    return marks;
}

// True when every cell of `qualities` lies on a cell of `intensity` (qualities only where there
// is pain): both are sorted, disjoint span lists, walked together once.
bool qualitiesOnPaint(const SpanList& qualities, const SpanList& intensity) {
    std::size_t k = 0;
    for (const CellSpan& q : qualities) {
        std::uint64_t from = q.start;
        const std::uint64_t to = static_cast<std::uint64_t>(q.start) + q.length;
        while (from < to) {
            while (k < intensity.size() && static_cast<std::uint64_t>(intensity[k].start) + intensity[k].length <= from) ++k;
            if (k == intensity.size() || intensity[k].start > from) return false;
            from = static_cast<std::uint64_t>(intensity[k].start) + intensity[k].length;
        }
    }
    return true;
}

CompactLayer readLayer(Reader& r, std::size_t cells, bool& sawFindings) {
    CompactLayer layer;
    unsigned seen = 0;
    r.object([&](const std::string& key) {
        if (key == "intensity") once(seen, 1), layer.intensity = r.runs(cells, kMaxIntensity);
        else if (key == "qualities") once(seen, 2), layer.qualities = r.runs(cells, kAllQualities);
        else if (key == "findings") once(seen, 4), sawFindings = true, layer.findings = r.runs(cells, kAllFindings);
        else giveUp();
    });
    if ((seen & 3) != 3) giveUp();
    if (!qualitiesOnPaint(layer.qualities, layer.intensity)) giveUp();
    return layer;
}

CompactMap readCompact(std::string_view text, const TemplateRegistry& templates) {
    Reader r(text);
    unsigned seen = 0;
    int formatVersion = 0;
    std::shared_ptr<const BodyTemplate> t;
    std::string templateId;
    int templateVersion = 0;
    int width = 0, height = 0;
    bool sawFindings = false;
    VisitInfo info;
    SessionNote session;
    std::vector<FascialTag> tags;
    std::vector<Mark> marks;
    std::array<CompactLayer, kViewCount> layers;
    std::string word;
    constexpr unsigned kFormat = 1, kVersion = 2, kTemplate = 4, kGrid = 8, kVisit = 16, kTags = 32, kSession = 64,
                       kMarks = 128, kViewsKey = 256;
    r.object([&](const std::string& key) {
        if (key == "format") {
            once(seen, kFormat);
            r.string(word, 64);
            if (word != "bodymap") giveUp();
        } else if (key == "version") {
            once(seen, kVersion);
            formatVersion = static_cast<int>(r.integer(1, kMapFormatVersion));
        } else if (key == "template") {
            once(seen, kTemplate);
            unsigned tseen = 0;
            r.object([&](const std::string& tkey) {
                if (tkey == "id") once(tseen, 1), r.string(templateId, 200);
                else if (tkey == "version") once(tseen, 2), templateVersion = static_cast<int>(r.integer(1, 1000000));
                else giveUp();
            });
            if (tseen != 3) giveUp();
            t = templates.find(templateId);
            if (!t || templateVersion > t->version) giveUp();
        } else if (key == "grid") {
            once(seen, kGrid);
            unsigned gseen = 0;
            r.object([&](const std::string& gkey) {
                if (gkey == "width") once(gseen, 1), width = static_cast<int>(r.integer(1, kMaxGridCells));
                else if (gkey == "height") once(gseen, 2), height = static_cast<int>(r.integer(1, kMaxGridCells));
                else giveUp();
            });
            if (gseen != 3) giveUp();
        } else if (key == "visit") {
            once(seen, kVisit);
            info = readVisit(r);
        } else if (key == "fascialTags") {
            once(seen, kTags);
            if (!t) giveUp();  // band ids are checked against the template
            tags = readTags(r, *t);
        } else if (key == "session") {
            once(seen, kSession);
            session = readSession(r);
        } else if (key == "marks") {
            once(seen, kMarks);
            if (!(seen & kGrid)) giveUp();  // positions are checked against the grid
            marks = readMarks(r, width, height);
        } else if (key == "views") {
            once(seen, kViewsKey);
            if (!(seen & kGrid) || !t || width != t->width || height != t->height) giveUp();
            const std::size_t cells = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
            unsigned vseen = 0;
            r.object([&](const std::string& vkey) {
                const auto v = parseViewId(vkey);
                if (!v) giveUp();
                once(vseen, 1u << viewIndex(*v));
                layers[static_cast<std::size_t>(viewIndex(*v))] = readLayer(r, cells, sawFindings);
            });
            if (vseen != 3) giveUp();
        } else {
            giveUp();
        }
    });
    if (!r.atEnd()) giveUp();
    constexpr unsigned kRequired = kFormat | kVersion | kTemplate | kGrid | kVisit | kViewsKey;
    if ((seen & kRequired) != kRequired) giveUp();
    if (width != t->width || height != t->height) giveUp();
    if (formatVersion < 2 && ((seen & (kSession | kMarks)) || sawFindings)) giveUp();
    CompactMap map(templateId, templateVersion, width, height);
    for (ViewId v : kViews) map.layer(v) = std::move(layers[static_cast<std::size_t>(viewIndex(v))]);
    map.info = std::move(info);
    map.info.session = std::move(session);
    map.tags = std::move(tags);
    map.marks = std::move(marks);
    return map;
}

// What readVisitInfo reads: the header, `visit` and (version 2) `session`; every other member
// only checked as JSON.
VisitInfo readInfoOnly(std::string_view text) {
    Reader r(text);
    unsigned seen = 0;
    int formatVersion = 0;
    VisitInfo info;
    SessionNote session;
    bool sawSession = false;
    std::string word;
    std::vector<std::string> others;
    // Levels left below the root object, and the containers left after it (parseJsonLimited's
    // limits for map files).
    std::size_t containersLeft = kMaxMapContainers - 4;  // the root, visit, session, treatment
    r.object([&](const std::string& key) {
        if (key == "format") {
            once(seen, 1);
            r.string(word, 64);
            if (word != "bodymap") giveUp();
        } else if (key == "version") {
            once(seen, 2);
            formatVersion = static_cast<int>(r.integer(1, kMapFormatVersion));
        } else if (key == "visit") {
            once(seen, 4);
            info = readVisit(r);
        } else if (key == "session") {
            once(seen, 8);
            sawSession = true;
            session = readSession(r);
        } else {
            if (others.size() >= 32) giveUp();
            for (const std::string& k : others) {
                if (k == key) giveUp();
            }
            others.push_back(key);
            r.skipValue(kMaxMapDepth - 1, containersLeft);
        }
    });
    if (!r.atEnd() || (seen & 7) != 7) giveUp();
    // Version 1 does not read a session (an unknown field there is the map reader's business).
    if (formatVersion >= 2 && sawSession) info.session = std::move(session);
    return info;
}

}  // namespace

std::optional<VisitInfo> readVisitInfoFast(std::string_view text) {
    if (text.size() > kMaxMapFileBytes) return std::nullopt;
    try {
        return readInfoOnly(text);
    } catch (const GiveUp&) {
    } catch (const std::bad_alloc&) {
    }
    return std::nullopt;
}

Result<CompactMap> parseCompactMap(std::string_view text, const std::string& source,
                                   const TemplateRegistry& templates) {
    if (auto fast = readCompactFast(text, templates)) return std::move(*fast);
    // The full reader: every message, and the spellings the fast reader does not take.
    auto map = parseMapDocument(text, source, templates);
    if (!map) return Error{map.error()};
    return compactFrom(map.value());
}

std::optional<CompactMap> readCompactFast(std::string_view text, const TemplateRegistry& templates) {
    // Over the file limit, the full reader's budget of containers applies (a file that large is
    // never read from disk: loadMap refuses it unread).
    if (text.size() > kMaxMapFileBytes) return std::nullopt;
    try {
        return readCompact(text, templates);
    } catch (const GiveUp&) {
    } catch (const std::bad_alloc&) {
    }
    return std::nullopt;
}

Result<CompactMap> loadCompactMap(const std::string& path, const TemplateRegistry& templates) {
    auto text = readFileLimited(path, kMaxMapFileBytes);
    if (!text) return Error{text.error()};
    return parseCompactMap(text.value(), path, templates);
}

}  // namespace bodymap::maps
