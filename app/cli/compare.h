// `bodymap compare A.json B.json [--json] [--png DIFF.png]`: what changed from visit A to visit
// B (maps/comparison.h): cell counts, Jaccard overlap, every metric's change, regions by size.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace bodymap::app {

// args are the words after "compare". A is the earlier visit, B the later one. Returns 0 on
// success, 1 when a file cannot be read, the maps use different templates or the PNG cannot be
// written (message on `err` naming the file), 2 on usage errors.
int runCompare(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace bodymap::app
