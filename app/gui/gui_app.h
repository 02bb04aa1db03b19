// The GUI: window, GL context, Dear ImGui, the main loop and the screenshot mode.
#pragma once

#include "app/cli/cli.h"

namespace bodymap::app {

// Runs the GUI until the user quits (or the screenshot is taken). Returns the exit code.
int runGui(const GuiOptions& options);

}  // namespace bodymap::app
