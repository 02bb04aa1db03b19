// The growing glyph atlas (see glyph_atlas.h).
#include "app/gui/glyph_atlas.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui_freetype.h>
#include <imgui_impl_opengl3.h>

#include "app/gui/app_state.h"

namespace bodymap::app {

namespace {

// A font file mapped once for the life of the process: atlas rebuilds read glyphs from it
// without rereading (or copying) a 20 MB CJK collection.
struct MappedFile {
    void* data = nullptr;
    std::size_t size = 0;
};

const MappedFile& mapFile(const std::string& path) {
    static std::map<std::string, MappedFile> files;
    auto it = files.find(path);
    if (it != files.end()) return it->second;
    MappedFile m;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size > 0) {
            void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                m.data = p;
                m.size = static_cast<std::size_t>(st.st_size);
            }
        }
        ::close(fd);
    }
    return files.emplace(path, m).first->second;
}

// (ascender - descender) / em of a face: FreeType's builder sizes a font so that this height
// is the requested pixel size, so faces are scaled by it to share DejaVu's em.
double heightPerEm(const void* data, std::size_t size, int index) {
    static FT_Library lib = nullptr;
    if (!lib && FT_Init_FreeType(&lib) != 0) return 1.0;
    FT_Face face = nullptr;
    if (FT_New_Memory_Face(lib, static_cast<const FT_Byte*>(data), static_cast<FT_Long>(size), index, &face) != 0) {
        return 1.0;
    }
    double r = 1.0;
    if (face->units_per_EM > 0 && face->ascender - face->descender > 0) {
        r = static_cast<double>(face->ascender - face->descender) / face->units_per_EM;
    }
    FT_Done_Face(face);
    return r;
}

struct Face {
    std::string file;
    int index = 0;
    double heightPerEm = 1.0;
    std::vector<ImWchar> codepoints;               // sorted
    std::unique_ptr<std::vector<ImWchar>> ranges;  // pairs and 0, as ImGui reads them
    bool added = false;                            // configs are in the atlas
};

struct Atlas {
    UiContext* ui = nullptr;
    std::vector<ImFont*> targets;
    double baseHeightPerEm = 1.1641;  // DejaVu Sans
    std::set<std::uint32_t> pending;  // noted this frame, not yet looked up
    std::set<std::uint32_t> known;    // looked up: added or missing
    std::map<std::pair<std::string, int>, Face> faces;
    FcFontSet* sorted = nullptr;      // every font, best first for "DejaVu Sans"
    int missing = 0;
};

Atlas& atlas() {
    static Atlas a;
    return a;
}

// The first font in fontconfig's order for DejaVu Sans that has `cp` (outline, not colour).
bool findFace(Atlas& a, std::uint32_t cp, std::string& file, int& index) {
    if (!a.sorted) {
        FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>("DejaVu Sans"));
        if (!pat) return false;
        FcConfigSubstitute(nullptr, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res = FcResultNoMatch;
        a.sorted = FcFontSort(nullptr, pat, FcFalse, nullptr, &res);
        FcPatternDestroy(pat);
        if (!a.sorted) return false;
    }
    for (int i = 0; i < a.sorted->nfont; ++i) {
        FcPattern* f = a.sorted->fonts[i];
        FcCharSet* cs = nullptr;
        if (FcPatternGetCharSet(f, FC_CHARSET, 0, &cs) != FcResultMatch || !FcCharSetHasChar(cs, cp)) continue;
        FcBool color = FcFalse, outline = FcTrue;
        FcPatternGetBool(f, FC_COLOR, 0, &color);
        FcPatternGetBool(f, FC_OUTLINE, 0, &outline);
        if (color || !outline) continue;
        FcChar8* path = nullptr;
        if (FcPatternGetString(f, FC_FILE, 0, &path) != FcResultMatch || !path) continue;
        int idx = 0;
        FcPatternGetInteger(f, FC_INDEX, 0, &idx);
        file = reinterpret_cast<const char*>(path);
        index = idx;
        return true;
    }
    return false;
}

bool isBold(const ImFont* f) {
    return f->ConfigData && std::strstr(f->ConfigData->Name, "Bold") != nullptr;
}

}  // namespace

std::uint32_t nextCodepoint(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0 || c >= 0xF8) return 0xFFFD;
    std::uint32_t cp = c & (0x3Fu >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3Fu);
    }
    return cp;
}

void glyphAtlasInit(UiContext& ui) {
    Atlas& a = atlas();
    a.ui = &ui;
    a.targets.clear();
    for (ImFont* f : {ui.regular, ui.bold, ui.body, ui.heading, ui.title}) {
        if (f && std::find(a.targets.begin(), a.targets.end(), f) == a.targets.end()) a.targets.push_back(f);
    }
    if (ui.regular && ui.regular->ConfigData && ui.regular->ConfigData->FontData) {
        const ImFontConfig& c = *ui.regular->ConfigData;
        a.baseHeightPerEm = heightPerEm(c.FontData, static_cast<std::size_t>(c.FontDataSize), c.FontNo);
    }
}

bool atlasCovers(std::string_view text) {
    Atlas& a = atlas();
    const ImFont* font = ImGui::GetFont();
    bool all = true;
    for (std::size_t i = 0; i < text.size();) {
        const std::uint32_t cp = nextCodepoint(text, i);
        if (cp < 0x20 || cp > 0xFFFF) continue;  // controls; beyond ImWchar (drawn by pango)
        if (font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) continue;
        all = false;
        if (!a.known.count(cp)) a.pending.insert(cp);
    }
    return all;
}

int glyphsMissing() { return atlas().missing; }

bool glyphAtlasUpdate() {
    Atlas& a = atlas();
    if (a.pending.empty() || a.targets.empty()) return false;
    const auto t0 = std::chrono::steady_clock::now();
    std::map<std::pair<std::string, int>, int> addedPerFace;
    for (std::uint32_t cp : a.pending) {
        a.known.insert(cp);
        std::string file;
        int index = 0;
        if (!findFace(a, cp, file, index)) {
            ++a.missing;
            char buf[32];
            std::snprintf(buf, sizeof buf, "glyph-missing U+%04X", cp);
            testLog(buf);
            continue;
        }
        Face& f = a.faces[{file, index}];
        f.file = file;
        f.index = index;
        f.codepoints.insert(std::lower_bound(f.codepoints.begin(), f.codepoints.end(), static_cast<ImWchar>(cp)),
                            static_cast<ImWchar>(cp));
        ++addedPerFace[{file, index}];
    }
    a.pending.clear();
    if (addedPerFace.empty()) return false;
    ImFontAtlas* fonts = ImGui::GetIO().Fonts;
    // Sizes and weights first: adding configs moves ConfigData, which the fonts point into.
    std::vector<std::pair<float, bool>> targetLook;
    for (ImFont* dst : a.targets) {
        targetLook.emplace_back(dst->ConfigData ? dst->ConfigData->SizePixels : dst->FontSize, isBold(dst));
    }
    int glyphs = 0;
    for (const auto& [key, count] : addedPerFace) {
        Face& f = a.faces[key];
        const MappedFile& m = mapFile(f.file);
        if (!m.data) {
            testLog("glyph-font-unreadable " + f.file);
            continue;
        }
        std::vector<ImWchar> ranges;
        for (ImWchar c : f.codepoints) {
            ranges.push_back(c);
            ranges.push_back(c);
        }
        ranges.push_back(0);
        const ImWchar* oldRanges = f.ranges ? f.ranges->data() : nullptr;
        f.ranges = std::make_unique<std::vector<ImWchar>>(std::move(ranges));
        if (f.added) {
            // The face is merged already: its configs read the longer list.
            for (ImFontConfig& c : fonts->ConfigData) {
                if (c.GlyphRanges == oldRanges) c.GlyphRanges = f.ranges->data();
            }
        } else {
            f.heightPerEm = heightPerEm(m.data, m.size, f.index);
            for (std::size_t t = 0; t < a.targets.size(); ++t) {
                ImFontConfig cfg;
                cfg.MergeMode = true;
                cfg.DstFont = a.targets[t];
                cfg.OversampleH = 1;
                cfg.FontNo = f.index;
                // "Owned" so that ImGui does not copy the file; set back to not owned below so
                // that it never frees the mapping.
                cfg.FontDataOwnedByAtlas = true;
                cfg.FontBuilderFlags = targetLook[t].second ? static_cast<unsigned>(ImGuiFreeTypeBuilderFlags_Bold) : 0u;
                const float size = static_cast<float>(targetLook[t].first * f.heightPerEm / a.baseHeightPerEm);
                std::snprintf(cfg.Name, sizeof cfg.Name, "%s", f.file.c_str());
                fonts->AddFontFromMemoryTTF(m.data, static_cast<int>(m.size), size, &cfg, f.ranges->data());
                fonts->ConfigData.back().FontDataOwnedByAtlas = false;
            }
            f.added = true;
        }
        glyphs += count;
        testLog("glyphs-added " + std::to_string(count) + " font=" + f.file + "#" + std::to_string(f.index));
    }
    if (glyphs == 0) return false;
    // The build points each font at its configs again (ConfigData may have moved).
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    fonts->ClearTexData();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    char buf[80];
    std::snprintf(buf, sizeof buf, "atlas-rebuilt glyphs=%d ms=%.1f", glyphs, ms);
    testLog(buf);
    return true;
}

}  // namespace bodymap::app
