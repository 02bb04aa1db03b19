// The map file format: lossless round trips of random maps, the golden good files, every bad
// file in tests/data/bad with its exact message, and the example library in assets/examples.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <unistd.h>

#include "maps/client_library.h"
#include "maps/json_util.h"
#include "maps/map_format.h"
#include "maps/template_registry.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
namespace fs = std::filesystem;
using bodymap::test::assetsPath;
using bodymap::test::defaultRegistry;
using bodymap::test::readText;
using bodymap::test::testDataPath;

namespace {

const TemplateRegistry& registry() {
    static const TemplateRegistry r = [] {
        TemplateRegistry reg;
        reg.add(bodymap::test::tinyTemplate());
        reg.add(bodymap::test::defaultTemplate());
        return reg;
    }();
    return r;
}

std::string randomText(std::mt19937& rng, std::size_t maxLen) {
    static const std::vector<std::string> pieces = {
        "a", "Z", " ", "\"", "\\", "\n", "\t", "/", "é", "Ø", "山", "😀", "\x01", "{", "]", ",", "0"};
    std::uniform_int_distribution<std::size_t> len(0, maxLen), pick(0, pieces.size() - 1);
    std::string s;
    for (std::size_t n = len(rng); n > 0; --n) s += pieces[pick(rng)];
    return s;
}

// A map with runs of random lengths, values and qualities (qualities only where painted).
PainMap randomMap(std::mt19937& rng, const BodyTemplate& t) {
    PainMap m = PainMap::blankFor(t);
    std::uniform_int_distribution<int> value(0, kMaxIntensity), quality(0, kAllQualities);
    std::uniform_int_distribution<std::size_t> runLen(1, std::max<std::size_t>(2, m.cellCount() / 50));
    for (ViewId v : kViews) {
        ViewLayer& l = m.layer(v);
        for (std::size_t i = 0; i < m.cellCount();) {
            const std::size_t n = std::min(runLen(rng), m.cellCount() - i);
            const auto iv = static_cast<std::uint8_t>(value(rng));
            const auto q = iv == 0 ? std::uint8_t{0} : static_cast<std::uint8_t>(quality(rng));
            for (std::size_t k = 0; k < n; ++k) {
                l.intensity[i + k] = iv;
                // Single cells with other qualities inside a run: runs of 1 must survive too.
                l.qualities[i + k] = (iv != 0 && rng() % 7 == 0) ? static_cast<std::uint8_t>(rng() % 32) : q;
            }
            i += n;
        }
    }
    m.info.clientId = randomText(rng, 12);
    m.info.clientName = randomText(rng, 20);
    m.info.visitTime = rng() % 2 ? "2026-02-28T23:59:59" : "2024-02-29T00:00:00-05:30";
    m.info.drawnBy = rng() % 2 ? DrawnBy::Client : DrawnBy::Therapist;
    m.info.therapist = randomText(rng, 10);
    m.info.notes = randomText(rng, 200);
    m.info.appVersion = "0.1.0";
    if (rng() % 2) {  // half with a session note (written as format version 2)
        m.info.session.subjective = randomText(rng, 60);
        m.info.session.objective = randomText(rng, 60);
        m.info.session.assessment = randomText(rng, 40);
        m.info.session.plan = randomText(rng, 40);
        m.info.session.techniques = randomText(rng, 20);
        m.info.session.areas = randomText(rng, 20);
        m.info.session.minutes = static_cast<int>(rng() % (kMaxSessionMinutes + 1));
    }
    const std::size_t tags = rng() % 5;
    for (std::size_t i = 0; i < tags; ++i) {
        FascialTag tag;
        // Real band ids when the template has bands (they are checked), made-up ones otherwise.
        tag.bandId = t.bands.empty() ? "band-" + std::to_string(rng() % 100)
                                     : t.bands[rng() % t.bands.size()].id;
        tag.kinds = static_cast<std::uint8_t>(1 + rng() % 31);
        tag.note = randomText(rng, 30);
        m.tags.push_back(tag);
    }
    if (rng() % 3 == 0) {  // a third with the therapist's findings and marks (version 2 too)
        for (ViewId v : kViews) {
            auto& f = m.layer(v).findings;
            const std::size_t from = rng() % m.cellCount();
            const std::size_t n = std::min<std::size_t>(1 + rng() % 300, m.cellCount() - from);
            for (std::size_t k = 0; k < n; ++k) f[from + k] = static_cast<std::uint8_t>(rng() % 16);
        }
        const std::size_t marks = rng() % 6;
        for (std::size_t i = 0; i < marks; ++i) {
            Mark mk;
            mk.kind = kMarkKinds[rng() % kMarkKinds.size()];
            mk.view = kViews[rng() % 2];
            // Any tenth of a cell on the grid, edges included.
            const auto tenth = [&](int extent) { return static_cast<float>(rng() % (extent * 10 + 1)) / 10.0f; };
            mk.at = {tenth(t.width), tenth(t.height)};
            if (isLineMark(mk.kind)) mk.to = {tenth(t.width), tenth(t.height)};
            mk.label = randomText(rng, 10);
            if (mk.kind == MarkKind::Label && mk.label.empty()) mk.label = "x";
            mk.note = randomText(rng, 40);
            mk.by = rng() % 2 ? DrawnBy::Client : DrawnBy::Therapist;
            m.marks.push_back(mk);
        }
    }
    return m;
}

}  // namespace

// --- Round trips ------------------------------------------------------------------------

TEST(MapFormat, RandomMapsRoundTripLosslessly) {
    std::mt19937 rng(20261124);
    for (int i = 0; i < 300; ++i) {
        const PainMap m = randomMap(rng, bodymap::test::tinyTemplate());
        const std::string text = serializeMap(m);
        auto back = parseMap(text, "random.json", registry());
        ASSERT_TRUE(back.ok()) << back.error() << "\n" << text;
        ASSERT_TRUE(back.value() == m) << "iteration " << i;
        EXPECT_EQ(serializeMap(back.value()), text);  // writing is deterministic
    }
}

// --- Format version 2: the session note -----------------------------------------------------

namespace {
std::string withoutSession() {
    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    m.info.clientId = "c1";
    m.info.visitTime = "2026-12-03T10:00:00";
    m.info.notes = "Left calf since Monday";
    return serializeMap(m);
}
}  // namespace

TEST(FormatVersion2, AMapWithoutASessionNoteIsWrittenAsVersion1) {
    const std::string text = withoutSession();
    EXPECT_NE(text.find("\"version\": 1,"), std::string::npos);
    EXPECT_EQ(text.find("session"), std::string::npos);
}

TEST(FormatVersion2, ASessionNoteMakesVersion2AndRoundTrips) {
    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    m.info.clientId = "c1";
    m.info.visitTime = "2026-12-03T10:00:00";
    m.info.session.plan = "Weekly, 4 sessions";
    EXPECT_EQ(formatVersionFor(m), 2);
    const std::string text = serializeMap(m);
    EXPECT_NE(text.find("\"version\": 2,"), std::string::npos);
    auto back = parseMap(text, "v2.json", registry());
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back->info.session.plan, "Weekly, 4 sessions");
    EXPECT_TRUE(back.value() == m);
    // Emptied again, it is a version 1 file once more.
    m.info.session = {};
    EXPECT_EQ(formatVersionFor(m), 1);
}

TEST(FormatVersion2, ReadsEveryFieldOfAHandWrittenFile) {
    std::string text = withoutSession();
    text.replace(text.find("\"version\": 1"), 12, "\"version\": 2");
    text.replace(text.find("  \"views\""), 0,
                 "  \"session\": {\"subjective\": \"S\", \"objective\": \"O\", \"assessment\": \"A\", "
                 "\"plan\": \"P\", \"treatment\": {\"techniques\": \"deep tissue\", \"areas\": \"calf\", "
                 "\"minutes\": 45}},\n");
    auto m = parseMap(text, "hand.json", registry());
    ASSERT_TRUE(m.ok()) << m.error();
    const SessionNote& n = m->info.session;
    EXPECT_EQ(n.subjective, "S");
    EXPECT_EQ(n.objective, "O");
    EXPECT_EQ(n.assessment, "A");
    EXPECT_EQ(n.plan, "P");
    EXPECT_EQ(n.techniques, "deep tissue");
    EXPECT_EQ(n.areas, "calf");
    EXPECT_EQ(n.minutes, 45);
    EXPECT_EQ(searchableText(m->info), "Left calf since Monday\nS\nO\nA\nP\ndeep tissue\ncalf");
    // Every field is optional: an empty session is a version 2 file without a note.
    std::string bare = text;
    const auto a = bare.find("  \"session\"");
    bare.replace(a, bare.find("  \"views\"") - a, "  \"session\": {},\n");
    auto e = parseMap(bare, "bare.json", registry());
    ASSERT_TRUE(e.ok()) << e.error();
    EXPECT_TRUE(e->info.session.empty());
}

TEST(FormatVersion2, BadSessionsAreRefusedWithTheirPlace) {
    std::string v2 = withoutSession();
    v2.replace(v2.find("\"version\": 1"), 12, "\"version\": 2");
    const auto with = [&](const std::string& session) {
        std::string t = v2;
        t.replace(t.find("  \"views\""), 0, "  \"session\": " + session + ",\n");
        return parseMap(t, "s.json", registry());
    };
    auto minutes = with("{\"treatment\": {\"minutes\": 1441}}");
    ASSERT_FALSE(minutes.ok());
    EXPECT_NE(minutes.error().find("s.json: session.treatment.minutes:"), std::string::npos) << minutes.error();
    auto key = with("{\"soap\": \"x\"}");
    ASSERT_FALSE(key.ok());
    EXPECT_NE(key.error().find("s.json: session"), std::string::npos) << key.error();
    EXPECT_NE(key.error().find("soap"), std::string::npos) << key.error();
    auto type = with("{\"plan\": 3}");
    ASSERT_FALSE(type.ok());
    EXPECT_NE(type.error().find("s.json: session.plan:"), std::string::npos) << type.error();
    // A version 1 file has no session: the key is unknown there.
    std::string v1 = withoutSession();
    v1.replace(v1.find("  \"views\""), 0, "  \"session\": {},\n");
    auto old = parseMap(v1, "v1.json", registry());
    ASSERT_FALSE(old.ok());
    EXPECT_NE(old.error().find("session"), std::string::npos) << old.error();
}

TEST(FormatVersion2, SavingRefusesANoteOverTheLimit) {
    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    m.info.clientId = "c1";
    m.info.visitTime = "2026-12-03T10:00:00";
    m.info.session.objective = std::string(kMaxNotesBytes + 1, 'x');
    const fs::path path = fs::temp_directory_path() / ("bodymap-soap-" + std::to_string(::getpid()) + ".json");
    auto st = saveMap(m, path.string());
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().find("session: a note is too long"), std::string::npos) << st.error();
    EXPECT_FALSE(fs::exists(path));
}

// --- Format version 2: the therapist's findings and marks ----------------------------------

namespace {
PainMap tinyMap() {
    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    m.info.clientId = "c1";
    m.info.visitTime = "2026-12-03T10:00:00";
    return m;
}
// A version 2 file of the tiny map with `marks` spliced in before "views".
std::string v2With(const std::string& marks) {
    PainMap m = tinyMap();
    m.info.session.plan = "P";
    std::string t = serializeMap(m);
    const auto a = t.find("  \"marks\"");
    t.replace(a, t.find("  \"views\"") - a, "  \"marks\": " + marks + ",\n");
    return t;
}
}  // namespace

TEST(FormatVersion2, FindingsAloneMakeVersion2AndRoundTrip) {
    PainMap m = tinyMap();
    EXPECT_EQ(formatVersionFor(m), 1);
    m.layer(ViewId::Back).findings[m.index(5, 6)] = bit(Finding::Tender) | bit(Finding::Swollen);
    EXPECT_EQ(formatVersionFor(m), 2);
    const std::string text = serializeMap(m);
    EXPECT_NE(text.find("\"version\": 2,"), std::string::npos);
    // Back findings: 6*16+5 = 101 cells of 0, one cell of 1|8 = 9, then 256-102 = 154 of 0.
    EXPECT_NE(text.find("\"findings\": [[0,101],[9,1],[0,154]]"), std::string::npos) << text;
    EXPECT_NE(text.find("\"findings\": [[0,256]]"), std::string::npos) << text;  // the front
    auto back = parseMap(text, "f.json", registry());
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_TRUE(back.value() == m);
    // The client's rasters stay as they were: nothing painted.
    EXPECT_TRUE(back->isBlank());
    EXPECT_EQ(serializeMap(back.value()), text);
}

TEST(FormatVersion2, MarksRoundTripInTenthsOfACell) {
    PainMap m = tinyMap();
    Mark tp;
    tp.kind = MarkKind::ActiveTriggerPoint;
    tp.view = ViewId::Back;
    tp.at = {5.25f, 7.0f};  // written to a tenth: 5.3 (rounded half away from zero)
    tp.label = "TP1";
    tp.note = "refers to the shoulder";
    Mark arrow;
    arrow.kind = MarkKind::Radiating;
    arrow.view = ViewId::Front;
    arrow.at = {3.0f, 4.0f};
    arrow.to = {12.5f, 13.9f};
    arrow.by = DrawnBy::Client;
    m.marks = {tp, arrow};
    EXPECT_EQ(formatVersionFor(m), 2);
    const std::string text = serializeMap(m);
    EXPECT_NE(text.find("{\"kind\": \"trigger-active\", \"view\": \"back\", \"at\": [5.3, 7.0], \"label\": \"TP1\", "
                        "\"note\": \"refers to the shoulder\", \"by\": \"therapist\"}"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("{\"kind\": \"radiating\", \"view\": \"front\", \"at\": [3.0, 4.0], \"to\": [12.5, 13.9], "
                        "\"label\": \"\", \"note\": \"\", \"by\": \"client\"}"),
              std::string::npos)
        << text;
    auto back = parseMap(text, "m.json", registry());
    ASSERT_TRUE(back.ok()) << back.error();
    ASSERT_EQ(back->marks.size(), 2u);
    EXPECT_FLOAT_EQ(back->marks[0].at.x, 5.3f);
    EXPECT_EQ(back->marks[1].by, DrawnBy::Client);
    EXPECT_EQ(serializeMap(back.value()), text);  // read back and written again: the same bytes
}

TEST(FormatVersion2, PositionsOnTheGridsEdgesAreOnTheGrid) {
    PainMap m = tinyMap();
    Mark label;
    label.kind = MarkKind::Label;
    label.at = {0.04f, 16.0f};  // the grid's edges are on the grid
    label.label = "Narbe";
    m.marks = {label};
    const std::string text = serializeMap(m);
    EXPECT_NE(text.find("\"at\": [0.0, 16.0]"), std::string::npos) << text;
}

TEST(FormatVersion2, BadMarksAreRefusedWithTheirPlace) {
    const auto error = [](const std::string& marks) {
        auto r = parseMap(v2With(marks), "k.json", registry());
        return r.ok() ? std::string("accepted") : r.error();
    };
    EXPECT_NE(error("[{\"kind\": \"trigger\", \"view\": \"back\", \"at\": [1, 1]}]").find("k.json: marks[0].kind: unknown mark kind \"trigger\""),
              std::string::npos);
    EXPECT_NE(error("[{\"kind\": \"tender-point\", \"view\": \"side\", \"at\": [1, 1]}]").find("marks[0].view: unknown view \"side\""),
              std::string::npos);
    // Off the 16 x 16 grid.
    EXPECT_NE(error("[{\"kind\": \"tender-point\", \"view\": \"front\", \"at\": [16.5, 1]}]").find("marks[0].at[0]:"),
              std::string::npos)
        << error("[{\"kind\": \"tender-point\", \"view\": \"front\", \"at\": [16.5, 1]}]");
    EXPECT_NE(error("[{\"kind\": \"tender-point\", \"view\": \"front\", \"at\": [1]}]").find("marks[0].at: expected a position [x, y] in cells"),
              std::string::npos);
    // Line marks need an end; point marks have none.
    EXPECT_NE(error("[{\"kind\": \"radiating\", \"view\": \"front\", \"at\": [1, 1]}]").find("marks[0]: an adhesion or a radiating arrow needs an end"),
              std::string::npos);
    EXPECT_NE(error("[{\"kind\": \"tender-point\", \"view\": \"front\", \"at\": [1, 1], \"to\": [2, 2]}]").find("marks[0].to: only an adhesion"),
              std::string::npos);
    EXPECT_NE(error("[{\"kind\": \"label\", \"view\": \"front\", \"at\": [1, 1]}]").find("marks[0]: a text label needs its text"),
              std::string::npos);
    EXPECT_NE(error("[{\"kind\": \"label\", \"view\": \"front\", \"at\": [1, 1], \"label\": \"" + std::string(81, 'x') + "\"}]").find("marks[0].label:"),
              std::string::npos);
    EXPECT_NE(error("[{\"kind\": \"adhesion\", \"view\": \"front\", \"at\": [1, 1], \"to\": [2, 2], \"by\": \"doctor\"}]").find("marks[0].by:"),
              std::string::npos);
    EXPECT_NE(error("[{\"kind\": \"adhesion\", \"view\": \"front\", \"at\": [1, 1], \"to\": [2, 2], \"colour\": 1}]").find("marks[0].colour: unknown field"),
              std::string::npos);
    EXPECT_EQ(error("[{\"kind\": \"adhesion\", \"view\": \"front\", \"at\": [1, 1], \"to\": [2, 2]}]"), "accepted");
}

TEST(FormatVersion2, FindingsAndMarksAreUnknownInVersion1AndCheckedInVersion2) {
    PainMap m = tinyMap();
    std::string v1 = serializeMap(m);
    std::string withMarks = v1;
    withMarks.replace(withMarks.find("  \"views\""), 0, "  \"marks\": [],\n");
    auto a = parseMap(withMarks, "v1.json", registry());
    ASSERT_FALSE(a.ok());
    EXPECT_NE(a.error().find("v1.json: marks: unknown field"), std::string::npos) << a.error();
    std::string withFindings = v1;
    withFindings.replace(withFindings.find("\"qualities\": [[0,256]]"), 23, "\"qualities\": [[0,256]], \"findings\": [[0,256]]");
    auto b = parseMap(withFindings, "v1.json", registry());
    ASSERT_FALSE(b.ok());
    EXPECT_NE(b.error().find("views.front.findings: unknown field"), std::string::npos) << b.error();
    // In version 2 a findings value must be a set of the four bits, and the runs must add up.
    PainMap f = tinyMap();
    f.layer(ViewId::Front).findings[0] = 1;
    std::string v2 = serializeMap(f);
    std::string big = v2;
    big.replace(big.find("\"findings\": [[1,1],[0,255]]"), 28, "\"findings\": [[16,1],[0,255]]");
    auto c = parseMap(big, "v2.json", registry());
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().find("views.front.findings[0][0]:"), std::string::npos) << c.error();
    std::string shortRuns = v2;
    shortRuns.replace(shortRuns.find("\"findings\": [[1,1],[0,255]]"), 28, "\"findings\": [[1,1],[0,254]]");
    auto d = parseMap(shortRuns, "v2.json", registry());
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.error().find("views.front.findings: run lengths add up to 255, expected 256"), std::string::npos) << d.error();
    // A version 2 file without findings keys has no findings (written by another program).
    std::string none = v2;
    none.replace(none.find(",\n      \"findings\": [[1,1],[0,255]]"), 36, "");
    auto e = parseMap(none, "v2.json", registry());
    ASSERT_TRUE(e.ok()) << e.error();
    EXPECT_FALSE(e->hasFindings());
}

TEST(FormatVersion2, SavingRefusesMarksALoaderWouldRefuse) {
    const fs::path path = fs::temp_directory_path() / ("bodymap-marks-" + std::to_string(::getpid()) + ".json");
    PainMap m = tinyMap();
    Mark off;
    off.kind = MarkKind::TenderPoint;
    off.at = {17.0f, 2.0f};
    m.marks = {off};
    auto st = saveMap(m, path.string());
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().find("marks: a mark lies off the grid"), std::string::npos) << st.error();
    m.marks[0].at = {3.0f, 2.0f};
    m.marks[0].label = std::string(kMaxMarkLabelBytes + 1, 'x');
    st = saveMap(m, path.string());
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().find("marks: a label or note is too long"), std::string::npos) << st.error();
    EXPECT_FALSE(fs::exists(path));
}

TEST(MapFormat, RandomMapsOnTheRealTemplateRoundTrip) {
    std::mt19937 rng(7);
    for (int i = 0; i < 3; ++i) {
        const PainMap m = randomMap(rng, bodymap::test::defaultTemplate());
        auto back = parseMap(serializeMap(m), "big.json", registry());
        ASSERT_TRUE(back.ok()) << back.error();
        EXPECT_TRUE(back.value() == m);
    }
}

TEST(MapFormat, ExtremeValuesRoundTrip) {
    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    m.layer(ViewId::Front).intensity.assign(m.cellCount(), kMaxIntensity);
    m.layer(ViewId::Front).qualities.assign(m.cellCount(), kAllQualities);
    m.info.visitTime = "2026-11-24T14:30:00Z";
    m.info.notes = std::string(kMaxNotesBytes, 'n');
    auto back = parseMap(serializeMap(m), "x.json", registry());
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_TRUE(back.value() == m);
}

TEST(MapFormat, InvalidUtf8InMemoryStillWritesValidJson) {
    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    m.info.visitTime = "2026-11-24T14:30:00";
    m.info.notes = "bad \xff byte";
    auto back = parseMap(serializeMap(m), "x.json", registry());
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back->info.notes, "bad \xEF\xBF\xBD byte");
}

TEST(MapFormat, KeysAreWrittenInAFixedOrder) {
    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    m.info.visitTime = "2026-11-24T14:30:00";
    const std::string text = serializeMap(m);
    const char* keys[] = {"\"format\"", "\"version\"", "\"template\"", "\"grid\"", "\"visit\"",
                          "\"fascialTags\"", "\"views\"", "\"front\"", "\"back\""};
    std::size_t last = 0;
    for (const char* k : keys) {
        const std::size_t pos = text.find(k);
        ASSERT_NE(pos, std::string::npos) << k;
        EXPECT_GT(pos, last) << k;
        last = pos;
    }
    EXPECT_NE(text.find("\"intensity\": [[0,256]]"), std::string::npos);
}

// --- Good files --------------------------------------------------------------------------

TEST(GoodFiles, ShinFileLoadsAndRewritesByteForByte) {
    const std::string path = testDataPath("good/front_right_shin_7_burning.json");
    auto m = loadMap(path, registry());
    ASSERT_TRUE(m.ok()) << m.error();
    EXPECT_EQ(m->info.clientName, "Zoë \"Test\" Øster");
    EXPECT_EQ(m->info.visitTime, "2026-11-24T14:30:00+01:00");
    EXPECT_EQ(m->info.drawnBy, DrawnBy::Therapist);
    ASSERT_EQ(m->tags.size(), 1u);
    EXPECT_EQ(m->tags[0].kinds, static_cast<unsigned>(TagKind::Tender) |
                                    static_cast<unsigned>(TagKind::TreatedToday));
    int painted = 0;
    for (std::size_t i = 0; i < m->cellCount(); ++i) {
        const auto v = m->layer(ViewId::Front).intensity[i];
        if (v == 0) continue;
        ++painted;
        EXPECT_EQ(v, 7);
        EXPECT_EQ(m->layer(ViewId::Front).qualities[i], bit(Quality::Burning));
    }
    EXPECT_GT(painted, 1000);
    EXPECT_EQ(serializeMap(m.value()), readText(path));
}

TEST(GoodFiles, BlankMapIsTiny) {
    const std::string path = testDataPath("good/blank.json");
    auto m = loadMap(path, registry());
    ASSERT_TRUE(m.ok()) << m.error();
    EXPECT_TRUE(m->isBlank());
    EXPECT_LT(fs::file_size(path), 1024u);
}

// --- Bad files ---------------------------------------------------------------------------

TEST(BadFiles, EachGivesItsExactMessage) {
    const std::string dir = testDataPath("bad");
    std::ifstream in(dir + "/expected.txt");
    ASSERT_TRUE(in) << "missing " << dir << "/expected.txt";
    std::map<std::string, std::string> expected;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto colon = line.find(": ");
        ASSERT_NE(colon, std::string::npos) << line;
        ASSERT_TRUE(expected.emplace(line.substr(0, colon), line).second) << "listed twice: " << line;
    }
    std::set<std::string> onDisk;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() == ".json") onDisk.insert(e.path().filename().string());
    }
    EXPECT_GE(onDisk.size(), 25u);
    for (const std::string& name : onDisk) {
        SCOPED_TRACE(name);
        ASSERT_TRUE(expected.count(name)) << name << " has no line in expected.txt";
        auto text = readFileLimited(dir + "/" + name, kMaxMapFileBytes);
        ASSERT_TRUE(text.ok()) << text.error();
        // Only the real template: the bad files' messages list the installed templates.
        auto m = parseMap(text.value(), name, defaultRegistry());
        ASSERT_FALSE(m.ok()) << name << " was accepted";
        EXPECT_EQ(m.error(), expected[name]);
        EXPECT_EQ(m.error().find('\n'), std::string::npos);  // one line per problem
    }
    for (const auto& [name, message] : expected) {
        EXPECT_TRUE(onDisk.count(name)) << "expected.txt lists missing file " << name;
    }
}

TEST(BadFiles, LoadMapNamesThePathItWasGiven) {
    const std::string path = testDataPath("bad/version_newer.json");
    auto m = loadMap(path, registry());
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error(), path + ": version: written by a newer BodyMap (format version 3); please update");
}

TEST(BadFiles, OversizedFileIsRejectedUnread) {
    const fs::path path = fs::temp_directory_path() / ("bodymap-big-" + std::to_string(::getpid()) + ".json");
    {
        std::ofstream out(path, std::ios::binary);
        out << "{\"format\": \"bodymap\", \"notes\": \"";
        out << std::string(kMaxMapFileBytes, 'x') << "\"}";
    }
    const auto size = fs::file_size(path);
    auto m = loadMap(path.string(), registry());
    fs::remove(path);
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error(), path.string() + ": file is too large (" + std::to_string(size) +
                             " bytes, limit 8388608)");
}

TEST(BadFiles, MissingFileAndFolderAreErrors) {
    auto m = loadMap("/nonexistent/v.json", registry());
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().rfind("/nonexistent/v.json: cannot read", 0), 0u) << m.error();
    auto d = loadMap(testDataPath("bad"), registry());
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.error().find("is a directory"), std::string::npos);
}

TEST(BadFiles, TruncatingAValidFileAnywhereNeverCrashesOrHalfLoads) {
    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    m.info.visitTime = "2026-11-24T14:30:00";
    m.layer(ViewId::Back).intensity[40] = 3;
    const std::string text = serializeMap(m);
    for (std::size_t n = 0; n + 1 < text.size(); ++n) {
        // Cutting only the final newline leaves a complete document.
        if (text.compare(n, std::string::npos, "\n") == 0) continue;
        auto r = parseMap(std::string_view(text).substr(0, n), "cut.json", registry());
        ASSERT_FALSE(r.ok()) << "accepted a file cut at byte " << n;
        EXPECT_EQ(r.error().rfind("cut.json: ", 0), 0u);
    }
}

TEST(BadFiles, UnknownBandIsAnErrorOnlyWhenTheTemplateHasBands) {
    std::string json = bodymap::test::tinyTemplateJson();
    const std::string anchor = "\"id\":\"back\",\"label\":\"Back\",";
    json.replace(json.find(anchor), anchor.size(),
                 anchor + "\"fascialBands\":[{\"id\":\"sbl-left-back\",\"line\":\"SBL\",\"name\":"
                          "\"Superficial Back Line, back (left)\",\"side\":\"left\","
                          "\"polygons\":[[[2,2],[8,2],[8,14],[2,14]]]}],");
    auto banded = parseTemplate(json, "banded.json");
    ASSERT_TRUE(banded.ok()) << banded.error();
    TemplateRegistry withBands;
    withBands.add(banded.value());

    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    m.info.visitTime = "2026-11-24T14:30:00";
    m.tags.push_back({"sbl-left-back", static_cast<std::uint8_t>(TagKind::Tense), ""});
    EXPECT_TRUE(parseMap(serializeMap(m), "t.json", withBands).ok());
    m.tags.push_back({"dfl-nowhere", static_cast<std::uint8_t>(TagKind::Tense), ""});
    auto r = parseMap(serializeMap(m), "t.json", withBands);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), "t.json: fascialTags[1].band: unknown fascial band \"dfl-nowhere\" in template tiny");
    EXPECT_TRUE(parseMap(serializeMap(m), "t.json", registry()).ok());  // no bands: kept as is
}

TEST(MapFormat, IsoDateTimes) {
    EXPECT_TRUE(isIsoDateTime("2026-11-24T14:30:00"));
    EXPECT_TRUE(isIsoDateTime("2024-02-29T00:00:00Z"));
    EXPECT_TRUE(isIsoDateTime("2026-11-24T14:30:00+01:00"));
    EXPECT_FALSE(isIsoDateTime("2026-02-29T00:00:00"));
    EXPECT_FALSE(isIsoDateTime("2026-11-24 14:30:00"));
    EXPECT_FALSE(isIsoDateTime("2026-11-24T24:00:00"));
    EXPECT_FALSE(isIsoDateTime("2026-11-24T14:30:00+1"));
    EXPECT_FALSE(isIsoDateTime(""));
    EXPECT_EQ(withThousands(524288), "524,288");
    EXPECT_EQ(withThousands(999), "999");
    EXPECT_EQ(withThousands(1000), "1,000");
}

// --- The example library ----------------------------------------------------------------

TEST(Examples, DemoLibraryIsValidAndTellsACourse) {
    Library lib(assetsPath("examples"));
    auto clients = lib.listClients();
    ASSERT_TRUE(clients.ok()) << clients.error();
    ASSERT_GE(clients->size(), 1u);
    const ClientEntry& c = clients->front();
    EXPECT_EQ(c.id, "demo-anna");
    EXPECT_GE(c.visitCount, 4);
    auto visits = lib.listVisits(c.id);
    ASSERT_TRUE(visits.ok());
    ASSERT_GE(visits->size(), 4u);
    std::vector<double> burden;  // oldest first
    for (auto it = visits->rbegin(); it != visits->rend(); ++it) {
        EXPECT_EQ(it->error, "");
        auto m = loadMap(it->path, registry());
        ASSERT_TRUE(m.ok()) << m.error();
        EXPECT_LT(fs::file_size(it->path), 64u * 1024u);
        double sum = 0;
        for (ViewId v : kViews)
            for (auto x : m->layer(v).intensity) sum += x;
        burden.push_back(sum);
    }
    // Worse at the second visit, then easing to the last.
    EXPECT_GT(burden[1], burden[0]);
    for (std::size_t i = 2; i < burden.size(); ++i) EXPECT_LT(burden[i], burden[i - 1]);
}

// Format version 2 leaves version 1 alone: every example visit (version 1, no session note) is
// written back byte for byte, still as version 1.
TEST(Examples, Version1VisitsAreRewrittenByteForByte) {
    int files = 0;
    for (const auto& e : fs::directory_iterator(assetsPath("examples/demo-anna"))) {
        if (e.path().filename() == "client.json") continue;
        SCOPED_TRACE(e.path().string());
        auto text = readFileLimited(e.path().string(), kMaxMapFileBytes);
        ASSERT_TRUE(text.ok());
        ASSERT_NE(text->find("\"version\": 1,"), std::string::npos);
        auto m = parseMap(text.value(), e.path().string(), registry());
        ASSERT_TRUE(m.ok()) << m.error();
        EXPECT_EQ(formatVersionFor(m.value()), 1);
        EXPECT_EQ(serializeMap(m.value()), text.value());
        ++files;
    }
    EXPECT_GE(files, 5);
}

TEST(TemplateRegistry, LoadsTheAssetsFolder) {
    auto reg = TemplateRegistry::loadFolder(assetsPath("templates"));
    ASSERT_TRUE(reg.ok()) << reg.error();
    EXPECT_TRUE(reg->find("adult-neutral"));
    EXPECT_FALSE(reg->find("nope"));
    auto none = TemplateRegistry::loadFolder("/nonexistent/templates");
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error(), "/nonexistent/templates: template folder not found");
}
