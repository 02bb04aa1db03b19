// Generates the example client library (assets/examples): one demo client with five visits over
// ten weeks, low back pain spreading to the right buttock and thigh, then easing. Painted with
// maps/brush.h on the real template, so the files are what the app itself would save.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "maps/atomic_file.h"
#include "maps/body_template.h"
#include "maps/brush.h"
#include "maps/client_library.h"
#include "maps/map_format.h"

#ifndef BODYMAP_VERSION
#define BODYMAP_VERSION "0.0.0"
#endif

using namespace bodymap::maps;

namespace {

// The box of a region's cells, in cell units, for placing strokes relative to anatomy.
struct Box {
    ViewId view = ViewId::Front;
    int index = -1;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    glm::vec2 at(float fx, float fy) const { return {x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)}; }
};

Box regionBox(const BodyTemplate& t, const std::string& id) {
    const int index = t.regionIndex(id);
    if (index < 0) {
        std::fprintf(stderr, "make_examples: region %s not in template %s\n", id.c_str(), t.id.c_str());
        std::exit(1);
    }
    Box b;
    b.index = index;
    b.view = t.regions[static_cast<std::size_t>(index)].view;
    b.x0 = static_cast<float>(t.width);
    b.y0 = static_cast<float>(t.height);
    for (int y = 0; y < t.height; ++y) {
        for (int x = 0; x < t.width; ++x) {
            if (t.regionAt(b.view, x, y) != index) continue;
            b.x0 = std::min(b.x0, static_cast<float>(x));
            b.y0 = std::min(b.y0, static_cast<float>(y));
            b.x1 = std::max(b.x1, static_cast<float>(x + 1));
            b.y1 = std::max(b.y1, static_cast<float>(y + 1));
        }
    }
    return b;
}

BrushSettings brush(float radius, float softness, int intensity, std::uint8_t qualities) {
    BrushSettings b;
    b.radius = radius;
    b.softness = softness;
    b.intensity = static_cast<std::uint8_t>(intensity);
    b.qualities = qualities;
    return b;
}

// A stroke through points given as fractions of a region's box.
void paint(PainMap& map, const BodyTemplate& t, const Box& box,
           const std::vector<glm::vec2>& fractions, const BrushSettings& b) {
    Stroke stroke(map, t, box.view, b);
    for (glm::vec2 f : fractions) stroke.addSample(box.at(f.x, f.y));
    stroke.finish();
}

void fill(PainMap& map, const BodyTemplate& t, const Box& box, const BrushSettings& b) {
    fillRegion(map, t, box.index, b);
}

PainMap newVisit(const BodyTemplate& t, const std::string& time, DrawnBy who, const std::string& notes) {
    PainMap map = PainMap::blankFor(t);
    map.info.clientId = "demo-anna";
    map.info.clientName = "Anna Beispiel (demo)";
    map.info.visitTime = time;
    map.info.drawnBy = who;
    map.info.therapist = "Sam Okafor (demo)";
    map.info.notes = notes;
    map.info.appVersion = BODYMAP_VERSION;
    return map;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_examples TEMPLATE.json OUT_LIBRARY_DIR\n");
        return 2;
    }
    auto loaded = loadTemplate(argv[1]);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().c_str());
        return 1;
    }
    const BodyTemplate& t = loaded.value();
    const Box lowR = regionBox(t, "back-right-lower-back");
    const Box lowL = regionBox(t, "back-left-lower-back");
    const Box buttR = regionBox(t, "back-right-buttock");
    const Box thighR = regionBox(t, "back-right-thigh");
    const std::uint8_t aching = bit(Quality::Aching);
    const std::uint8_t burning = bit(Quality::Burning);
    const std::uint8_t pins = bit(Quality::PinsAndNeedles);
    const std::uint8_t stabbing = bit(Quality::Stabbing);

    std::vector<PainMap> visits;
    {  // Week 0: acute low back pain, right worse than left.
        PainMap m = newVisit(t, "2026-09-07T09:30:00", DrawnBy::Client,
                             "Low back pain since lifting moving boxes ten days ago. Worse after "
                             "sitting, better when walking. Sharp twinge when bending forward.\n"
                             "Therapist: guarded lumbar flexion, right erector spinae tender. "
                             "Advised walking breaks every 30 min.");
        paint(m, t, lowL, {{0.55f, 0.45f}, {0.95f, 0.5f}}, brush(20, 0.6f, 4, aching));
        paint(m, t, lowR, {{0.05f, 0.5f}, {0.5f, 0.45f}, {0.8f, 0.55f}}, brush(24, 0.5f, 6, aching));
        paint(m, t, lowR, {{0.3f, 0.5f}, {0.45f, 0.55f}}, brush(8, 0.3f, 7, aching | stabbing));
        visits.push_back(std::move(m));
    }
    {  // Week 2: worse, spreading into the right buttock, tingling down the back of the thigh.
        PainMap m = newVisit(t, "2026-09-21T09:30:00", DrawnBy::Client,
                             "Pain now goes into the right buttock, and sometimes a tingling "
                             "down the back of the right thigh when driving.\n"
                             "Therapist: SLR negative both sides; no weakness, reflexes normal. "
                             "Gluteal trigger points right. Referred GP letter not needed yet.");
        paint(m, t, lowL, {{0.6f, 0.45f}, {0.95f, 0.5f}}, brush(18, 0.6f, 3, aching));
        paint(m, t, lowR, {{0.05f, 0.45f}, {0.5f, 0.5f}, {0.85f, 0.6f}}, brush(26, 0.5f, 7, aching));
        fill(m, t, buttR, brush(1, 0, 4, aching));
        paint(m, t, buttR, {{0.3f, 0.3f}, {0.55f, 0.45f}, {0.6f, 0.7f}}, brush(20, 0.5f, 6, aching | burning));
        paint(m, t, thighR, {{0.5f, 0.05f}, {0.52f, 0.35f}, {0.5f, 0.6f}}, brush(10, 0.6f, 3, pins));
        visits.push_back(std::move(m));
    }
    {  // Week 4: easing; drawn by the therapist from the client's description.
        PainMap m = newVisit(t, "2026-10-05T10:00:00", DrawnBy::Therapist,
                             "Drawn by therapist with the client. Tingling gone since last week. "
                             "Buttock pain only after long sitting. Sleeping better.\n"
                             "Treatment: soft tissue work right QL and gluteus medius, "
                             "hip hinge practice.");
        paint(m, t, lowR, {{0.1f, 0.5f}, {0.5f, 0.5f}, {0.75f, 0.55f}}, brush(22, 0.6f, 5, aching));
        paint(m, t, buttR, {{0.35f, 0.3f}, {0.55f, 0.45f}}, brush(18, 0.6f, 4, aching));
        visits.push_back(std::move(m));
    }
    {  // Week 7: much better.
        PainMap m = newVisit(t, "2026-10-26T10:00:00", DrawnBy::Client,
                             "Only a dull ache on the right after gardening. Back to cycling.\n"
                             "Therapist: full flexion, mild end-range stiffness.");
        paint(m, t, lowR, {{0.25f, 0.5f}, {0.5f, 0.52f}}, brush(18, 0.7f, 3, aching));
        paint(m, t, buttR, {{0.4f, 0.3f}}, brush(12, 0.7f, 2, aching));
        visits.push_back(std::move(m));
    }
    {  // Week 10: nearly resolved.
        PainMap m = newVisit(t, "2026-11-16T10:00:00", DrawnBy::Client,
                             "Mostly pain-free; some stiffness in the morning that goes within "
                             "minutes.\nTherapist: discharged to home programme; review if it "
                             "flares.");
        paint(m, t, lowR, {{0.35f, 0.5f}, {0.45f, 0.5f}}, brush(12, 0.7f, 1, aching));
        visits.push_back(std::move(m));
    }

    Library library(argv[2]);
    const std::string& id = visits.front().info.clientId;
    if (auto st = library.createClient(id, visits.front().info.clientName); !st) {
        std::fprintf(stderr, "%s\n", st.error().c_str());
        return 1;
    }
    for (const PainMap& m : visits) {
        // A fixed name per visit (no "-2" suffix, no .bak) so that reruns give the same files.
        const std::string path = (std::filesystem::path(library.clientFolder(id)) /
                                  (visitFileStem(m.info.visitTime) + ".json")).string();
        if (auto st = writeFileAtomic(path, serializeMap(m)); !st) {
            std::fprintf(stderr, "%s\n", st.error().c_str());
            return 1;
        }
        std::printf("wrote %s (%zu bytes)\n", path.c_str(), serializeMap(m).size());
    }
    return 0;
}
