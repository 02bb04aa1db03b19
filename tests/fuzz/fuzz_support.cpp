// Template registry for the fuzz targets (see fuzz_support.h).
#include "tests/fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>

namespace bodymap::fuzz {

const char* tinyTemplateJson() {
    return R"({"format":"bodymap-template","formatVersion":1,"id":"tiny","version":1,
"name":"Tiny","grid":{"width":16,"height":16},"views":[
{"id":"front","label":"Front","outline":[[2,2],[14,2],[14,14],[2,14]],"guides":[],"regions":[
{"id":"front-right-chest","name":"Right chest","side":"right","wpi":"chest","gp":null,
 "polygons":[[[0,0],[8,0],[8,16],[0,16]]]},
{"id":"front-left-chest","name":"Left chest","side":"left","wpi":"chest","gp":null,
 "polygons":[[[8,0],[16,0],[16,16],[8,16]]]}],
"fascialBands":[{"id":"sfl-mid","line":"SFL","name":"Superficial Front Line",
 "polygons":[[[6,2],[10,2],[10,14],[6,14]]]}]},
{"id":"back","label":"Back","outline":[[2,2],[14,2],[14,14],[2,14]],"guides":[],"regions":[
{"id":"back-left-upper","name":"Left upper back","side":"left","wpi":"upper-back","gp":"axial",
 "polygons":[[[0,0],[8,0],[8,8],[0,8]]]},
{"id":"back-right-upper","name":"Right upper back","side":"right","wpi":"upper-back","gp":"axial",
 "polygons":[[[8,0],[16,0],[16,8],[8,8]]]},
{"id":"back-left-low","name":"Left lower back","side":"left","wpi":"lower-back","gp":"axial",
 "polygons":[[[0,8],[8,8],[8,16],[0,16]]]},
{"id":"back-right-low","name":"Right lower back","side":"right","wpi":"lower-back","gp":"axial",
 "polygons":[[[8,8],[16,8],[16,16],[8,16]]]}]}]})";
}

const maps::TemplateRegistry& registry() {
    static const maps::TemplateRegistry r = [] {
        maps::TemplateRegistry reg;
        auto real = maps::loadTemplate(std::string(BODYMAP_ASSETS) + "/templates/adult_neutral.json");
        auto tiny = maps::parseTemplate(tinyTemplateJson(), "tiny.json");
        if (!real || !tiny) {
            std::fprintf(stderr, "fuzz setup: %s\n", (!real ? real.error() : tiny.error()).c_str());
            std::abort();
        }
        reg.add(std::move(real.value()));
        reg.add(std::move(tiny.value()));
        return reg;
    }();
    return r;
}

}  // namespace bodymap::fuzz
