// `bodymap series FILE... [--json] [--png OUT.png]`: a client's series of visits: the trend of
// every metric over the visits in time order, and the frequency and mean-intensity maps
// (maps::SeriesBuilder), as text, JSON, and one PNG with both maps and their legends.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace bodymap::app {

// args are the words after "series". Every file is one visit; all must be on one template and,
// unless --mixed-clients is given, of one client. Returns 0 on success, 1 when a file cannot be
// read, the visits mix templates or clients, or the PNG cannot be written (each message on `err`
// naming the file; nothing written then), 2 on usage errors.
int runSeries(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace bodymap::app
