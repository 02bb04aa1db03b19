// Finding system fonts through fontconfig (DejaVu Sans by default).
#pragma once

#include <string>

namespace bodymap::app {

// The file of the best match for a fontconfig pattern such as "DejaVu Sans:bold"; empty if
// fontconfig finds nothing.
std::string findFontFile(const std::string& pattern);

}  // namespace bodymap::app
