// The fast map reader against the reference reader (the JSON document): on every file of the
// test data, the examples and thousands of mutations of them, parseCompactMap gives exactly
// what compactFrom(parseMapDocument(...)) gives, the same map or the same message; and the
// fast reader itself (not its fallback) reads every file BodyMap writes.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "maps/compact_map.h"
#include "maps/json_util.h"
#include "maps/map_format.h"
#include "tests/support/test_support.h"

using namespace bodymap;
using namespace bodymap::maps;

namespace {

std::string readAll(const std::string& path) {
    auto text = readFileLimited(path, kMaxMapFileBytes);
    return text ? text.value() : std::string();
}

std::vector<std::string> jsonFilesUnder(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Both readers on one text: the same map or the same message. Returns true when it was a map.
bool expectSameResult(const std::string& text, const std::string& what) {
    const TemplateRegistry& reg = test::defaultRegistry();
    auto fast = parseCompactMap(text, "f.json", reg);
    auto reference = parseMapDocument(text, "f.json", reg);
    EXPECT_EQ(fast.ok(), reference.ok()) << what << ": " << (fast.ok() ? reference.error() : fast.error());
    if (fast.ok() && reference.ok()) {
        EXPECT_TRUE(fast.value() == compactFrom(reference.value())) << what;
        return true;
    }
    if (!fast.ok() && !reference.ok()) {
        EXPECT_EQ(fast.error(), reference.error()) << what;
    }
    // The listing reader the same way.
    auto info = readVisitInfo(text, "f.json");
    auto infoReference = readVisitInfoDocument(text, "f.json");
    EXPECT_EQ(info.ok(), infoReference.ok()) << what;
    if (info.ok() && infoReference.ok()) {
        EXPECT_TRUE(info.value() == infoReference.value()) << what;
    } else if (!info.ok() && !infoReference.ok()) {
        EXPECT_EQ(info.error(), infoReference.error()) << what;
    }
    if (!infoReference.ok()) {
        EXPECT_FALSE(readVisitInfoFast(text).has_value()) << what;
    }
    // A text the reference refuses must never get past the fast reader on its own.
    if (!reference.ok()) {
        EXPECT_FALSE(readCompactFast(text, reg).has_value()) << what;
    }
    return fast.ok();
}

std::vector<std::string> corpusFiles() {
    std::vector<std::string> files = jsonFilesUnder(test::testDataPath("good"));
    for (const auto& f : jsonFilesUnder(test::testDataPath("bad"))) files.push_back(f);
    for (const auto& f : jsonFilesUnder(test::assetsPath("examples"))) {
        if (std::filesystem::path(f).filename() != "client.json") files.push_back(f);
    }
    return files;
}

}  // namespace

TEST(MapReader, SameResultAsTheDocumentOnEveryTestFile) {
    int maps = 0, refused = 0;
    for (const std::string& file : corpusFiles()) {
        (expectSameResult(readAll(file), file) ? maps : refused)++;
    }
    EXPECT_GE(maps, 8);      // the good files and the example visits
    EXPECT_GE(refused, 50);  // tests/data/bad
}

TEST(MapReader, FastReaderReadsEveryFileBodyMapWrites) {
    const TemplateRegistry& reg = test::defaultRegistry();
    for (const std::string& file : corpusFiles()) {
        auto map = parseMapDocument(readAll(file), file, reg);
        if (!map) continue;
        // The file as it is, and as BodyMap writes it today.
        const std::string written = serializeMap(map.value());
        auto fast = readCompactFast(written, reg);
        ASSERT_TRUE(fast.has_value()) << file;
        EXPECT_TRUE(*fast == compactFrom(map.value())) << file;
        EXPECT_TRUE(denseFrom(*fast) == map.value()) << file;
        EXPECT_TRUE(readVisitInfoFast(written).has_value()) << file;
        if (file.find("/examples/") != std::string::npos) {
            EXPECT_TRUE(readCompactFast(readAll(file), reg).has_value()) << file;
            EXPECT_TRUE(readVisitInfoFast(readAll(file)).has_value()) << file;
        }
    }
}

TEST(MapReader, SpellingsOnlyTheDocumentReadsGiveTheSameMap) {
    const std::string base = readAll(test::testDataPath("good/therapist_layer_v2.json"));
    ASSERT_FALSE(base.empty());
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string s = base;
        const auto at = s.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        if (at != std::string::npos) s.replace(at, from.size(), to);
        return s;
    };
    // Spellings the fast reader gives up on (the document reads them), and two refused by both.
    struct Case {
        std::string from, to;
        bool map;
    };
    const std::vector<Case> cases = {
        {"\"version\": 2", "\"version\": 2.0", true},
        {"\"version\": 2", "\"version\": 2e0", true},
        {"\"therapist\": \"", "\"therapist\": null, \"x\": \"", false},  // unknown field
        {"\"notes\": \"", "\"notes\": \"\\u00e9\\ud83d\\ude00 ", true},
        {"\"notes\": \"", "\"notes\": \"\\ud83d ", false},                // a lone surrogate
        // Long numbers (the fuzzer's find: digits were summed past int64 before the length check).
        {"\"version\": 2", "\"version\": 100000000000000000000000000000", false},
        {"\"version\": 2", "\"version\": 0000000000000000002", false},
        {"{\n  \"format\"", "{\"views\": {}, \n  \"format\"", false},     // views twice
    };
    for (const auto& c : cases) EXPECT_EQ(expectSameResult(replaced(c.from, c.to), c.to), c.map) << c.to;
}

// Every byte deleted, duplicated or changed in turn, over a whole small map and over the head
// of a therapist's map: each mutation read by both readers must give the same result.
TEST(MapReader, MutationsGiveTheSameResultAsTheDocument) {
    std::mt19937 rng(1234);
    const std::vector<std::string> bases = {readAll(test::testDataPath("good/front_right_shin_7_burning.json")),
                                            readAll(test::testDataPath("good/therapist_layer_v2.json"))};
    const std::string replacements[] = {"0", "1", "-", ".", "e", "\"", "\\", ",", "[", "]", "{", "}", " ",
                                        "null", "\\u0000", "\xC3", "\xE2\x80\xAE", "11", ":", "9999999999999999"};
    int maps = 0, total = 0;
    for (const std::string& base : bases) {
        ASSERT_FALSE(base.empty());
        for (int i = 0; i < 1200; ++i) {
            std::string s = base;
            const std::size_t at = std::uniform_int_distribution<std::size_t>(0, s.size() - 1)(rng);
            switch (i % 3) {
                case 0: s.erase(at, 1); break;
                case 1: s.insert(at, 1, s[at]); break;
                default: s.replace(at, 1, replacements[static_cast<std::size_t>(rng() % std::size(replacements))]);
            }
            maps += expectSameResult(s, "mutation " + std::to_string(i) + " at " + std::to_string(at)) ? 1 : 0;
            ++total;
        }
    }
    // Most mutations break the file, but many land in whitespace or a text and still read.
    EXPECT_GT(maps, total / 20);
    EXPECT_LT(maps, total);
}

TEST(MapReader, StrictAboutWhatTheDocumentRefuses) {
    const TemplateRegistry& reg = test::defaultRegistry();
    const std::string base = readAll(test::testDataPath("good/front_right_shin_7_burning.json"));
    ASSERT_TRUE(readCompactFast(base, reg).has_value());
    for (const std::string& tail : {std::string(" x"), std::string("{}"), std::string(1, '\0')}) {
        EXPECT_FALSE(readCompactFast(base + tail, reg).has_value()) << tail;
        EXPECT_FALSE(parseCompactMap(base + tail, "f.json", reg).ok());
    }
    // Over the size limit the fast reader never answers.
    EXPECT_FALSE(readCompactFast(base + std::string(kMaxMapFileBytes, ' '), reg).has_value());
}

TEST(MapReader, CompactFormIsSmall) {
    const TemplateRegistry& reg = test::defaultRegistry();
    for (const std::string& file : jsonFilesUnder(test::assetsPath("examples"))) {
        if (std::filesystem::path(file).filename() == "client.json") continue;
        auto map = loadCompactMap(file, reg);
        ASSERT_TRUE(map.ok()) << map.error();
        // A typical visit: a few KiB of spans, against 3 MiB of dense rasters.
        EXPECT_LT(map->heapBytes(), 100u * 1024u) << file;
        EXPECT_GT(map->heapBytes(), 0u);
    }
}
