// The file chooser (see file_dialog.h).
#include "app/gui/file_dialog.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "app/gui/app_state.h"
#include "app/gui/tr_text.h"
#include "maps/i18n/i18n.h"

namespace bodymap::app {

namespace fs = std::filesystem;

namespace {
void listFolder(FileDialogState& d) {
    d.entries.clear();
    d.listedFolder = d.folder;
    std::error_code ec;
    for (fs::directory_iterator it(d.folder, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code ec2;
        const bool dir = it->is_directory(ec2);
        if (!dir && !d.extension.empty() && it->path().extension() != d.extension) continue;
        // A client folder's client.json is the client's record, not a map.
        if (!dir && d.extension == ".json" && name == "client.json") continue;
        d.entries.push_back({name, dir});
    }
    std::sort(d.entries.begin(), d.entries.end(), [](const auto& a, const auto& b) {
        if (a.isDir != b.isDir) return a.isDir;
        return a.name < b.name;
    });
    // TRANSLATORS: the first %s is a folder, the second what the system said.
    if (ec) d.error = i18n::format(tr("Cannot list %s: %s"), d.folder.c_str(), ec.message().c_str());
}

std::string fullPath(const FileDialogState& d) {
    std::string name = d.name;
    if (!d.extension.empty() && fs::path(name).extension() != d.extension) name += d.extension;
    return (fs::path(d.folder) / name).string();
}

void accept(AppState& s, FileDialogState& d, const std::string& path) {
    auto cb = d.onAccept;
    d.open = false;
    ImGui::CloseCurrentPopup();
    s.deferred.push_back([cb, path](AppState& st) {
        if (cb) cb(st, path);
    });
}
}  // namespace

void showFileDialog(AppState& s, FileDialogState::Mode mode, std::string title,
                    std::string extension, std::string folder, std::string name,
                    std::function<void(AppState&, const std::string&)> onAccept) {
    FileDialogState& d = s.fileDialog;
    d.open = true;
    d.mode = mode;
    d.title = std::move(title);
    d.extension = std::move(extension);
    std::error_code ec;
    if (folder.empty() || !fs::is_directory(folder, ec)) {
        folder = d.folder.empty() || !fs::is_directory(d.folder, ec) ? fs::current_path(ec).string() : d.folder;
    }
    d.folder = fs::absolute(folder, ec).lexically_normal().string();
    d.name = std::move(name);
    d.error.clear();
    d.confirmOverwrite = false;
    d.onAccept = std::move(onAccept);
    d.listedFolder.clear();
    d.listArmed = true;
}

void drawFileDialog(AppState& s, const UiContext& ui) {
    FileDialogState& d = s.fileDialog;
    const std::string title = idLabel(d.title.c_str(), "file-dialog");
    if (d.open && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    ImGui::SetNextWindowSize(ImVec2(640 * ui.scale, 480 * ui.scale), ImGuiCond_Appearing);
    bool keepOpen = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &keepOpen, ImGuiWindowFlags_NoSavedSettings)) {
        if (!keepOpen) d.open = false;
        return;
    }
    if (!keepOpen) {
        d.open = false;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    if (d.listedFolder != d.folder) listFolder(d);
    if (ImGui::IsWindowAppearing()) d.openedFrame = ImGui::GetFrameCount();

    // Folder line with an "up" button.
    // TRANSLATORS: file dialog: to the folder above.
    if (ImGui::Button(trc("folder", "Up"))) {
        const fs::path parent = fs::path(d.folder).parent_path();
        if (!parent.empty()) d.folder = parent.string();
    }
    ImGui::SameLine();
    // TRANSLATORS: file dialog: to the user's home folder.
    if (ImGui::Button(trc("folder", "Home"))) {
        if (const char* home = std::getenv("HOME")) d.folder = home;
    }
    ImGui::SameLine();
    ImGui::TextWrapped("%s", d.folder.c_str());

    const float footer = ImGui::GetFrameHeightWithSpacing() * 3 + 8 * ui.scale;
    ImGui::BeginChild("##files", ImVec2(0, -footer), true);
    // A double click on a folder enters it on the first click; the second one (and the release
    // of either) lands on whatever row now sits under the pointer and is ignored. The list acts
    // on the mouse again from the next click that is not part of a double click.
    const bool mouseEvent = ImGui::IsMouseClicked(0) || ImGui::IsMouseReleased(0);
    if (ImGui::IsMouseClicked(0) && !ImGui::IsMouseDoubleClicked(0)) d.listArmed = true;
    for (const auto& e : d.entries) {
        // TRANSLATORS: a folder in the file dialog's list; %s is its name.
        const std::string label = e.isDir ? i18n::format(tr("[folder]  %s"), e.name.c_str()) : e.name;
        const bool selected = !e.isDir && e.name == d.name;
        if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (mouseEvent && !d.listArmed) continue;
            if (e.isDir) {
                d.folder = (fs::path(d.folder) / e.name).string();
                if (mouseEvent) d.listArmed = false;
                break;
            }
            d.name = e.name;
            d.error.clear();
            if (ImGui::IsMouseDoubleClicked(0) && d.mode == FileDialogState::Mode::Open) {
                accept(s, d, fullPath(d));
                ImGui::EndChild();
                ImGui::EndPopup();
                return;
            }
        }
    }
    // TRANSLATORS: %s is the file type (".json", ".pdf").
    if (d.entries.empty()) textDisabledf(tr("No %s files here."), d.extension.c_str());
    ImGui::EndChild();

    ImGui::AlignTextToFramePadding();  // on the baseline of the field beside it
    ImGui::TextUnformatted(tr("File name"));
    ImGui::SameLine();
    char buf[512];
    const std::size_t n = std::min(d.name.size(), sizeof buf - 1);
    d.name.copy(buf, n);
    buf[n] = '\0';
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing() || d.refocus) ImGui::SetKeyboardFocusHere();
    d.refocus = false;
    ImGui::InputText("##name", buf, sizeof buf);
    // Enter is taken from this frame's SDL key presses (a quick tap is never missed), and only
    // in frames after the one the dialog appeared in: the Enter that closed the previous dialog
    // does not also accept this one.
    const bool enter = ImGui::GetFrameCount() > d.openedFrame &&
                       (s.pressed(SDL_SCANCODE_RETURN) || s.pressed(SDL_SCANCODE_KP_ENTER));
    if (enter) d.refocus = true;  // Enter ends the text field; keep typing there after a message
    if (d.name != buf) {
        d.name = buf;
        d.confirmOverwrite = false;
        d.error.clear();
    }
    if (!d.error.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", d.error.c_str());
    else if (d.confirmOverwrite) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.6f, 0.35f, 0.0f, 1));
        // TRANSLATORS: %s is the file's name; "Save" is the dialog's button.
        textf(tr("%s exists. Press Save again to replace it."), d.name.c_str());
        ImGui::PopStyleColor();
    }
    else ImGui::Spacing();

    const char* okLabel = d.mode == FileDialogState::Mode::Open ? tr("Open") : tr("Save");
    const float bw = buttonWidthFor({okLabel, tr("Cancel")}, 120 * ui.scale);
    ImGui::SetCursorPosX(ImGui::GetWindowWidth() - 2 * bw - 3 * ImGui::GetStyle().ItemSpacing.x);
    const bool ok = ImGui::Button(okLabel, ImVec2(bw, 0)) || enter;
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"), ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
        d.open = false;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    if (ok) {
        if (d.name.empty()) {
            d.error = tr("Type or pick a file name.");
        } else {
            const std::string path = fullPath(d);
            std::error_code ec;
            if (d.mode == FileDialogState::Mode::Open) {
                if (!fs::is_regular_file(path, ec)) d.error = i18n::format(tr("%s does not exist."), path.c_str());
                else accept(s, d, path);
            } else if (fs::exists(path, ec) && !d.confirmOverwrite) {
                d.confirmOverwrite = true;
            } else {
                accept(s, d, path);
            }
        }
    }
    ImGui::EndPopup();
}

}  // namespace bodymap::app
