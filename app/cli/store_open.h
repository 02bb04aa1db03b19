// Opening a library (folder or clinic server) for a command: a password the server asks for is
// read from the terminal without echo (never from the command line or the settings).
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "maps/store/store.h"

namespace bodymap::app {

// The store at `location`, or null after printing why on `err`. `createFolder`: a missing folder
// library is created (0700); otherwise it is an error.
// `passwordOut`, when given, receives the password typed at the prompt (for the window that
// `bodymap intake` opens next; empty when none was asked).
std::unique_ptr<store::Store> openCliStore(const std::string& location, const maps::TemplateRegistry& templates,
                                           bool createFolder, std::ostream& err, std::string* passwordOut = nullptr);

// Reads a line from the terminal with echo off after printing `prompt` on it; empty when there
// is no terminal.
std::string readPassword(const std::string& prompt);

}  // namespace bodymap::app
