// An in-window file chooser (SDL2 has none): browse folders, pick or type a file name, confirm
// before overwriting. Used for Open, Save As and the exports.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/gui/ui_context.h"

namespace bodymap::app {

struct AppState;

struct FileDialogState {
    enum class Mode { Open, Save };
    bool open = false;           // a request to show the dialog
    Mode mode = Mode::Open;
    std::string title;           // "Open map", "Save map as", ...
    std::string extension;       // ".json", ".png", ".pdf": files listed and name completed
    std::string folder;          // the folder being shown
    std::string name;            // the file name typed or picked
    std::string error;           // why the last attempt could not be accepted
    bool confirmOverwrite = false;
    int openedFrame = -1;        // ImGui frame the dialog appeared in (its Enter is not ours)
    bool refocus = false;        // give the name field the keyboard again
    // False from entering a folder by mouse until the next fresh click: the rest of that click
    // (its release, or the second click of a double click) must not act on the row that is
    // now under the pointer.
    bool listArmed = true;
    std::function<void(AppState&, const std::string&)> onAccept;

    struct Entry {
        std::string name;
        bool isDir = false;
    };
    std::vector<Entry> entries;  // listing of `folder`, refreshed when it changes
    std::string listedFolder;
};

// Opens the dialog. `folder` defaults to the last folder used; `name` is the suggested name.
void showFileDialog(AppState& s, FileDialogState::Mode mode, std::string title,
                    std::string extension, std::string folder, std::string name,
                    std::function<void(AppState&, const std::string&)> onAccept);
// Draws the dialog when it is open. The accept callback runs after the frame (deferred).
void drawFileDialog(AppState& s, const UiContext& ui);

}  // namespace bodymap::app
