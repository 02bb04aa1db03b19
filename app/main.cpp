// Entry point: the command-line subcommands, or the GUI.
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/cli.h"
#include "app/gui/gui_app.h"
#include "maps/i18n/i18n.h"
#include "maps/pain_map.h"

int main(int argc, char** argv) {
    const auto start = std::chrono::steady_clock::now();
    bodymap::maps::keepFreedRastersInHeap();
    // The command line speaks the system's language; the GUI switches to its setting.
    bodymap::i18n::setDefaultLanguage(bodymap::i18n::systemLanguage());
    std::vector<std::string> args(argv + 1, argv + argc);
    bodymap::app::GuiOptions gui;
    gui.startSeconds = std::chrono::duration<double>(start.time_since_epoch()).count();
    if (auto code = bodymap::app::runCommandLine(args, gui, std::cout, std::cerr)) return *code;
    return bodymap::app::runGui(gui);
}
