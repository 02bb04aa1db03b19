// Where the running binary finds its assets (templates, examples): BODYMAP_ASSETS, the install
// prefix next to the binary (../share/bodymap), the configured install prefix, the source tree.
#pragma once

#include <string>

namespace bodymap::app {

// The folder that contains templates/; empty when none is found.
std::string assetsDir();
// The default template file.
std::string defaultTemplatePath();
// BodyMap's version string, e.g. "0.1.0".
const char* appVersion();

}  // namespace bodymap::app
