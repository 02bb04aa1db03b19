// Limits: oversized files, huge grids, thousands of tags, very long texts. Each is rejected with
// a message naming the file, the JSON path and the limit, or handled, and the largest inputs a
// limit allows still load in bounded time and memory. The time and memory bounds here are
// generous ceilings that catch a quadratic or runaway loader (also under ASan); the real figures
// are in tests/bench (load_bench, BUDGET.md).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "maps/body_template.h"
#include "maps/map_format.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
namespace fs = std::filesystem;
using bodymap::test::TempDir;
using bodymap::test::defaultRegistry;

namespace {

long statusKiB(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string key = std::string(field) + ":";
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) return std::stol(line.substr(key.size()));
    }
    return -1;
}

// Under AddressSanitizer memory figures mean little (redzones, and a quarantine that keeps up to
// 256 MiB of freed blocks), so the memory ceilings are checked only in normal builds.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAsan = true;
#else
constexpr bool kAsan = false;
#endif
#else
constexpr bool kAsan = false;
#endif

struct Cost {
    double ms = 0;
    double peakMiB = 0;  // growth of the peak resident memory while `work` ran
};

// Runs `work` and measures its wall time and how far it raised the resident-memory peak
// (VmHWM is reset to the current RSS first, through /proc/self/clear_refs).
Cost measure(const std::function<void()>& work) {
    {
        std::ofstream reset("/proc/self/clear_refs");
        reset << "5";
    }
    const long before = statusKiB("VmRSS");
    const auto t0 = std::chrono::steady_clock::now();
    work();
    Cost c;
    c.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    c.peakMiB = static_cast<double>(statusKiB("VmHWM") - before) / 1024.0;
    return c;
}

void report(const std::string& what, std::size_t bytes, const Cost& c) {
    std::printf("[ limits   ] %s: %.2f MiB input, %.0f ms, peak +%.0f MiB\n", what.c_str(),
                static_cast<double>(bytes) / (1024.0 * 1024.0), c.ms, c.peakMiB);
}

// A valid map document on the real 512 x 1024 template; the parts are JSON text.
std::string mapText(const std::string& visitExtra = "", const std::string& tags = "[]",
                    const std::string& frontIntensity = "[[0,524288]]",
                    const std::string& grid = "{\"width\": 512, \"height\": 1024}") {
    return "{\"format\": \"bodymap\", \"version\": 1,\n"
           "\"template\": {\"id\": \"adult-neutral\", \"version\": 1},\n"
           "\"grid\": " + grid + ",\n"
           "\"visit\": {\"clientId\": \"x\", \"time\": \"2026-01-02T03:04:05\", "
           "\"drawnBy\": \"client\"" + visitExtra + "},\n"
           "\"fascialTags\": " + tags + ",\n"
           "\"views\": {\"front\": {\"intensity\": " + frontIntensity +
           ", \"qualities\": [[0,524288]]},\n"
           "\"back\": {\"intensity\": [[0,524288]], \"qualities\": [[0,524288]]}}}\n";
}

std::string tagsText(std::size_t count, std::size_t noteBytes) {
    const auto& t = bodymap::test::defaultTemplate();
    std::string s = "[";
    const std::string note(noteBytes, 'n');
    for (std::size_t i = 0; i < count; ++i) {
        if (i) s += ",\n";
        // The template may have no fascial bands yet; tags then keep any band id.
        const std::string band = t.bands.empty() ? "sbl-right-calf" : t.bands[i % t.bands.size()].id;
        s += "{\"band\": \"" + band +
             "\", \"kinds\": [\"tender\", \"restricted\"], \"note\": \"" + note + "\"}";
    }
    return s + "]";
}

std::string parseError(const std::string& text) {
    auto r = parseMap(text, "m.json", defaultRegistry());
    return r.ok() ? "(loaded)" : r.error();
}

class TempFile {
public:
    TempFile() {
        std::string tmpl = (fs::temp_directory_path() / "bodymap-limits-XXXXXX").string();
        const int fd = ::mkstemp(tmpl.data());
        if (fd >= 0) ::close(fd);
        m_path = tmpl;
    }
    ~TempFile() { ::unlink(m_path.c_str()); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

}  // namespace

// [SECTION] Map files

TEST(MapLimits, FileOverTheSizeLimitIsRejectedUnread) {
    defaultRegistry();  // loaded before measuring
    TempFile f;
    ASSERT_EQ(::truncate(f.path().c_str(), static_cast<off_t>(kMaxMapFileBytes) + 1), 0);
    std::string error;
    const Cost c = measure([&] {
        auto r = loadMap(f.path(), defaultRegistry());
        error = r.ok() ? "(loaded)" : r.error();
    });
    EXPECT_EQ(error, f.path() + ": file is too large (8388609 bytes, limit 8388608)");
    EXPECT_LT(c.ms, 100.0);
    if (!kAsan) {
        EXPECT_LT(c.peakMiB, 8.0);  // not read into memory (an 8 MiB read would show)
    }
}

// The worst raster a file within the limit can hold: every cell of both views its own run.
TEST(MapLimits, AFileJustUnderTheLimitWithAMillionRunsLoadsInBoundedTimeAndMemory) {
    std::string runs;
    runs.reserve(524288 * 6 + 2);
    runs += "[";
    for (int i = 0; i < 524288; ++i) runs += i ? (i % 2 ? ",[3,1]" : ",[0,1]") : "[0,1]";
    runs += "]";
    std::string text = mapText("", "[]", runs);
    // Back view alternating too, then whitespace up to 7.9 MiB.
    const std::string backBlank = "\"back\": {\"intensity\": [[0,524288]]";
    text.replace(text.find(backBlank), backBlank.size(), "\"back\": {\"intensity\": " + runs);
    ASSERT_LT(text.size(), kMaxMapFileBytes);
    text.append(static_cast<std::size_t>(7.9 * 1024 * 1024) - text.size(), ' ');
    TempFile f;
    std::ofstream(f.path(), std::ios::binary) << text;
    defaultRegistry();
    std::string error;
    const Cost c = measure([&] {
        auto r = loadMap(f.path(), defaultRegistry());
        error = r.ok() ? "" : r.error();
    });
    report("map, 2 x 524,288 runs, 7.9 MiB", text.size(), c);
    EXPECT_EQ(error, "");
    // A bound against runaway cost, not a speed target (that is BM_ParseWorstCase): ASan makes
    // every allocation of the 2 million run arrays several times dearer (seen: 15 s in CI).
    EXPECT_LT(c.ms, kAsan ? 60000.0 : 10000.0);
    if (!kAsan) {
        EXPECT_LT(c.peakMiB, 512.0);
    }
}

TEST(MapLimits, TwoThousandTagsWithLongNotesLoadFast) {
    const std::string text = mapText("", tagsText(kMaxTags, 3900));
    ASSERT_LT(text.size(), kMaxMapFileBytes);
    defaultRegistry();
    std::size_t loadedTags = 0;
    std::string error;
    const Cost c = measure([&] {
        auto r = parseMap(text, "m.json", defaultRegistry());
        if (r.ok()) loadedTags = r.value().tags.size();
        else error = r.error();
    });
    report("map, 2,000 tags with 3,900-byte notes", text.size(), c);
    EXPECT_EQ(error, "");
    EXPECT_EQ(loadedTags, kMaxTags);
    EXPECT_LT(c.ms, 5000.0);
    if (!kAsan) {
        EXPECT_LT(c.peakMiB, 256.0);
    }
}

TEST(MapLimits, TooManyTagsAreRejected) {
    EXPECT_EQ(parseError(mapText("", tagsText(kMaxTags + 1, 0))),
              "m.json: fascialTags: too many elements (2001, limit 2000)");
}

TEST(MapLimits, TextsAtTheirLimitLoadAndOneByteMoreIsRejected) {
    const std::string notes(kMaxNotesBytes, 'a');
    EXPECT_EQ(parseError(mapText(", \"notes\": \"" + notes + "\"")), "(loaded)");
    EXPECT_EQ(parseError(mapText(", \"notes\": \"" + notes + "a\"")),
              "m.json: visit.notes: text too long (65537 bytes, limit 65536)");
    const std::string tagNote(kMaxTagNoteBytes + 1, 'b');
    EXPECT_EQ(parseError(mapText("", tagsText(1, kMaxTagNoteBytes))), "(loaded)");
    EXPECT_EQ(parseError(mapText("", tagsText(1, kMaxTagNoteBytes + 1))),
              "m.json: fascialTags[0].note: text too long (4097 bytes, limit 4096)");
    const std::string name(kMaxNameBytes + 1, 'c');
    EXPECT_EQ(parseError(mapText(", \"clientName\": \"" + name + "\"")),
              "m.json: visit.clientName: text too long (257 bytes, limit 256)");
    EXPECT_EQ(parseError(mapText(", \"therapist\": \"" + name + "\"")),
              "m.json: visit.therapist: text too long (257 bytes, limit 256)");
}

// A multi-byte character counts with its bytes: 21,846 three-byte characters are 65,538 bytes.
TEST(MapLimits, TheNotesLimitCountsBytesNotCharacters) {
    std::string notes;
    for (int i = 0; i < 21846; ++i) notes += "\xE2\x82\xAC";  // U+20AC EURO SIGN
    EXPECT_EQ(parseError(mapText(", \"notes\": \"" + notes + "\"")),
              "m.json: visit.notes: text too long (65538 bytes, limit 65536)");
}

TEST(MapLimits, HugeRasterSizesAreRejectedBeforeAnythingIsAllocated) {
    defaultRegistry();
    std::string error;
    Cost c = measure([&] {
        error = parseError(mapText("", "[]", "[[0,524288]]", "{\"width\": 100000, \"height\": 100000}"));
    });
    EXPECT_EQ(error, "m.json: grid.width: value 100000 out of range [1, 4096]");
    c = measure([&] {
        error = parseError(mapText("", "[]", "[[0,524288]]", "{\"width\": 4096, \"height\": 4096}"));
    });
    EXPECT_EQ(error, "m.json: grid: 4096 x 4096 cells does not match template adult-neutral (512 x 1024)");
    if (!kAsan) {
        EXPECT_LT(c.peakMiB, 16.0);
    }
    EXPECT_EQ(parseError(mapText("", "[]", "[[0,18446744073709551615]]")),
              "m.json: views.front.intensity[0][1]: number out of range");
    EXPECT_EQ(parseError(mapText("", "[]", "[[0,1e300]]")),
              "m.json: views.front.intensity[0][1]: expected an integer, found 1e+300");
}

TEST(MapLimits, MoreRunsThanCellsAreRejectedWithoutDecodingThem) {
    std::string runs = "[";
    for (int i = 0; i < 524289; ++i) runs += i ? ",[0,1]" : "[0,1]";
    runs += "]";
    EXPECT_EQ(parseError(mapText("", "[]", runs)),
              "m.json: views.front.intensity: too many elements (524289, limit 524288)");
}

// [SECTION] Templates

namespace {

// A template of w x h cells whose front and back outlines cover the whole grid, with `regions`
// regions per view, each a full-height vertical strip (so they tile the grid), or each covering
// the whole grid when `overlapping`.
std::string templateText(int w, int h, int regions, bool overlapping) {
    auto num = [](double v) { return std::to_string(v); };
    auto rect = [&](double x0, double y0, double x1, double y1) {
        return "[[[" + num(x0) + "," + num(y0) + "],[" + num(x1) + "," + num(y0) + "],[" + num(x1) +
               "," + num(y1) + "],[" + num(x0) + "," + num(y1) + "]]]";
    };
    std::string s = "{\"format\":\"bodymap-template\",\"formatVersion\":1,\"id\":\"big\","
                    "\"version\":1,\"name\":\"Big\",\"grid\":{\"width\":" + std::to_string(w) +
                    ",\"height\":" + std::to_string(h) + "},\"views\":[";
    for (int v = 0; v < 2; ++v) {
        const std::string view = v == 0 ? "front" : "back";
        s += std::string(v ? "," : "") + "{\"id\":\"" + view + "\",\"label\":\"" + view +
             "\",\"outline\":" + rect(0, 0, w, h) + ",\"regions\":[";
        for (int r = 0; r < regions; ++r) {
            const double x0 = overlapping ? 0 : static_cast<double>(w) * r / regions;
            const double x1 = overlapping ? w : static_cast<double>(w) * (r + 1) / regions;
            s += std::string(r ? "," : "") + "{\"id\":\"" + view + "-" + std::to_string(r) +
                 "\",\"name\":\"r\",\"side\":\"left\",\"polygons\":" + rect(x0, 0, x1, h) + "}";
        }
        s += "]}";
    }
    return s + "]}";
}

}  // namespace

TEST(TemplateLimits, GridOverTheLimitIsRejected) {
    auto r = parseTemplate(templateText(4097, 16, 1, false), "t.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), "t.json: grid.width: value 4097 out of range [8, 4096]");
}

TEST(TemplateLimits, TheLargestGridWithSeventyRegionsLoadsInBoundedTimeAndMemory) {
    const std::string text = templateText(4096, 4096, 37, false);
    std::string error;
    std::size_t regions = 0;
    const Cost c = measure([&] {
        auto r = parseTemplate(text, "t.json");
        if (r.ok()) regions = r.value().regions.size();
        else error = r.error();
    });
    report("template 4096 x 4096, 2 x 37 regions", text.size(), c);
    EXPECT_EQ(error, "");
    EXPECT_EQ(regions, 74u);
    EXPECT_LT(c.ms, 20000.0);
    if (!kAsan) {
        EXPECT_LT(c.peakMiB, 400.0);
    }
}

// Regions that each cover the whole grid would make rasterizing cost regions x cells (hours for
// 2 x 65,534 regions at 4096 x 4096); the loader refuses more than 16 grid-visits per view.
TEST(TemplateLimits, HugelyOverlappingRegionsAreRefusedQuickly) {
    const std::string text = templateText(4096, 4096, 2000, true);
    std::string error;
    const Cost c = measure([&] {
        auto r = parseTemplate(text, "t.json");
        error = r.ok() ? "(loaded)" : r.error();
    });
    report("template 4096 x 4096, 2 x 2,000 overlapping regions (refused)", text.size(), c);
    EXPECT_EQ(error, "t.json: views[0].regions: the region polygons are too large or complex to "
                     "rasterize (about 2002 times the grid's 16777216 cells, limit 16 times); "
                     "regions must tile the outline");
    EXPECT_LT(c.ms, 2000.0);
    if (!kAsan) {
        EXPECT_LT(c.peakMiB, 64.0);
    }
}

// The most work the limit lets through: 14 regions per view that each cover the whole grid.
TEST(TemplateLimits, TheMostOverlapTheLimitAllowsLoadsInBoundedTime) {
    const std::string text = templateText(4096, 4096, 14, true);
    std::string error;
    const Cost c = measure([&] {
        auto r = parseTemplate(text, "t.json");
        error = r.ok() ? "" : r.error();
    });
    report("template 4096 x 4096, 2 x 14 overlapping regions", text.size(), c);
    EXPECT_EQ(error, "");
    EXPECT_LT(c.ms, 20000.0);
    if (!kAsan) {
        EXPECT_LT(c.peakMiB, 400.0);
    }
}

// [SECTION] Saving what loading would refuse
// saveMap does not check the loader's limits: notes pasted beyond 64 KiB (the GUI's notes box has
// no limit), or a raster noisy enough to serialize past 8 MiB, are saved, and the file then
// fails to open ("text too long" / "file is too large"): the visit is lost to the user.
// DISABLED until saveMap refuses such a map with a message (reported to the lead, see BUDGET.md).

namespace {

PainMap smallMap() {
    PainMap m = PainMap::blankFor(bodymap::test::defaultTemplate());
    m.info.clientId = "jane";
    m.info.visitTime = "2026-11-24T14:30:00";
    return m;
}

// Saves `m` over a valid file: either the save succeeds and the file loads again, or the save
// fails, says so, and the previous file is untouched. Never a saved file that cannot be opened.
void expectSaveIsLoadableOrRefused(const PainMap& m) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    ASSERT_TRUE(saveMap(smallMap(), path).ok());
    auto st = saveMap(m, path);
    auto loaded = loadMap(path, defaultRegistry());
    if (st.ok()) {
        EXPECT_TRUE(loaded.ok()) << "saved, but cannot be opened: " << loaded.error();
    } else {
        EXPECT_EQ(st.error().rfind(path + ": ", 0), 0u) << st.error();
        ASSERT_TRUE(loaded.ok());
        EXPECT_TRUE(loaded.value() == smallMap());
    }
}

}  // namespace

TEST(SaveLimits, NotesOverTheLimitAreNotSavedIntoAnUnloadableFile) {
    PainMap m = smallMap();
    m.info.notes.assign(kMaxNotesBytes + 1, 'x');
    expectSaveIsLoadableOrRefused(m);
}

TEST(SaveLimits, TooManyTagsAreNotSavedIntoAnUnloadableFile) {
    PainMap m = smallMap();
    m.tags.resize(kMaxTags + 1, FascialTag{"sbl-right-calf", 1, ""});
    expectSaveIsLoadableOrRefused(m);
}

// Every body cell its own run on both views, with qualities too: about 12 MB of runs.
TEST(SaveLimits, ANoisyRasterIsNotSavedIntoAnUnloadableFile) {
    PainMap m = smallMap();
    for (ViewId v : kViews) {
        auto& layer = m.layer(v);
        for (std::size_t i = 0; i < layer.intensity.size(); ++i) {
            layer.intensity[i] = static_cast<std::uint8_t>(1 + i % 10);
            layer.qualities[i] = static_cast<std::uint8_t>(1 + i % 31);
        }
    }
    EXPECT_GT(serializeMap(m).size(), kMaxMapFileBytes);
    expectSaveIsLoadableOrRefused(m);
}
