// `bodymap stats FILE... [--json|--csv]`: the metrics of each map (maps/metrics.h), as text,
// JSON, or CSV with one row per file for spreadsheets. Also the map loading both stats and
// compare use.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "maps/body_template.h"
#include "maps/pain_map.h"
#include "maps/result.h"
#include "maps/template_registry.h"

namespace bodymap::app {

// Said wherever the WPI is shown: the painful-area rule is not part of the ACR definition.
extern const char* const kPainfulRuleOrigin;

// The installed templates: from `dir`, or assetsDir()/templates when dir is empty.
maps::Result<maps::TemplateRegistry> loadCliTemplates(const std::string& dir);

struct LoadedMap {
    std::string file;
    maps::PainMap map;
    std::shared_ptr<const maps::BodyTemplate> tmpl;  // the template the map was drawn on
};
// Loads and validates a map file; errors name the file.
maps::Result<LoadedMap> loadCliMap(const std::string& file, const maps::TemplateRegistry& reg);

// args are the words after "stats". Prints the metrics of every readable file on `out`; one line
// per unreadable file on `err`. Returns 0 when all were read, 1 when any was not, 2 on usage errors.
int runStats(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace bodymap::app
