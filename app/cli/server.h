// `bodymap server init URL`: creates or migrates a clinic server's schema and its three roles
// (maps/store/SERVER.md). Safe to run again; the password, if one is needed, is asked for on the
// terminal (or read from ~/.pgpass by libpq), never taken from the command line.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace bodymap::app {

// args are the words after "server". 0 done, 1 failed (the message names the server), 2 usage.
int runServer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace bodymap::app
