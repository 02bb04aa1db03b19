// `bodymap library copy FROM TO`: every client and the current version of every visit, byte for
// byte, between a folder library and a clinic server in either direction (or folder to folder,
// server to server). Resumable: what is already there with the same bytes is skipped; a visit of
// the same name with other bytes is reported and never replaced. Verified at the end by counts
// and checksums read back from TO. A progress bar on a terminal.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace bodymap::app {

// args are the words after "library". 0 copied and verified, 1 anything failed, 2 usage.
int runLibrary(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace bodymap::app
