// The Clients tab (see library_panel.h).
#include "app/gui/library_panel.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/document_ops.h"
#include "app/gui/library_store.h"
#include "app/gui/intake/intake.h"
#include "app/gui/intake/pin.h"
#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "maps/i18n/i18n.h"
#include "app/gui/user_text.h"
#include "maps/json_util.h"
#include "maps/map_format.h"
#include "render/chart.h"

namespace bodymap::app {

namespace {
constexpr int kThumbBudgetPerFrame = 2;  // thumbnails drawn per frame (each loads a file)
constexpr std::size_t kProblemsShown = 3;   // library problems listed; the rest are counted

// After a re-list: keeps the thumbnails of visits that are still listed at the same version.
void pruneThumbs(const AppState& s, LibraryPanelState& p) {
    std::map<std::string, std::string> listed;  // key -> version
    for (const auto& v : s.library.summaries) listed[v.key] = v.version.token;
    for (auto it = p.thumbs.begin(); it != p.thumbs.end();) {
        const auto l = listed.find(it->first);
        if (l == listed.end() || l->second != it->second.version) {
            it = p.thumbs.erase(it);
        } else {
            ++it;
        }
    }
}

// Entries the library did not follow (symbolic links, special files): a short warning list,
// one line per entry (its name in the library); the full message is the tooltip.
void drawProblems(const AppState& s, const UiContext& ui) {
    const auto& problems = s.library.problems;
    if (problems.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.6f, 0.35f, 0.0f, 1));
    textWrappedf(trn("Not opened: %zu link or special file in the library",
                     "Not opened: %zu links or special files in the library", problems.size()),
                 problems.size());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", tr("BodyMap does not follow symbolic links or read special files in the\n"
                                   "library, so that nothing outside it is shown or written."));
    }
    ImGui::Indent(8 * ui.scale);
    const std::filesystem::path root(s.library.root);
    for (std::size_t i = 0; i < problems.size() && i < kProblemsShown; ++i) {
        std::string name = std::filesystem::path(problems[i].path).lexically_relative(root).string();
        if (name.empty() || name.rfind("..", 0) == 0) name = problems[i].path;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", name.c_str());
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", problems[i].message.c_str());
    }
    if (problems.size() > kProblemsShown) {
        // TRANSLATORS: under a list of files the library did not open.
        textDisabledf(trn("and %zu more", "and %zu more", problems.size() - kProblemsShown), problems.size() - kProblemsShown);
    }
    ImGui::Unindent(8 * ui.scale);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool matches(const maps::ClientEntry& c, const std::string& search) {
    if (search.empty()) return true;
    const std::string q = lower(search);
    return lower(c.displayName).find(q) != std::string::npos || lower(c.id).find(q) != std::string::npos;
}

void makeThumb(AppState& s, LibraryPanelState::Thumb& thumb, const std::string& path, int widthPx) {
    auto map = loadLibraryMap(s, path);
    if (!map) return;
    auto tmpl = s.templates.find(map->templateId());
    if (!tmpl) return;
    render::ChartOptions o;
    o.map = &map.value();
    o.sideMarks = false;
    o.viewLabel = false;
    o.guides = false;
    // A thumbnail shows what the client drew, by which a visit is known at a glance.
    o.findings = false;
    o.clientMarksOnly = true;
    auto img = render::renderChart(*tmpl, render::ViewSelection::Both, widthPx, o);
    thumb.texture = std::make_unique<GlTexture>();
    thumb.texture->create(img.width, img.height, img.pixels.data());
    thumb.width = img.width;
    thumb.height = img.height;
}

void newClientPopup(AppState& s, LibraryPanelState& p, const UiContext& ui) {
    ImGui::SetNextWindowSize(ImVec2(460 * ui.scale, 0));
    if (!ImGui::BeginPopupModal(idLabel(tr("New client"), "new-client").c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextUnformatted(tr("Name"));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    // TRANSLATORS: an example client name in the empty name field; use a usual name of your language.
    ImGui::InputTextWithHint("##name", tr("e.g. Anna Novák"), &p.newName);
    ImGui::TextUnformatted(tr("Client id"));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##id", tr("e.g. anna-novak-1984 (stays the same for every visit)"), &p.newId);
    if (!p.newError.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", p.newError.c_str());
    ImGui::Spacing();
    const float bw = buttonWidthFor({tr("Create"), tr("Cancel")}, 120 * ui.scale);
    if (ImGui::Button(tr("Create"), ImVec2(bw, 0))) {
        std::string id = p.newId;
        if (id.empty()) id = p.newName;
        if (id.empty() || p.newName.empty()) {
            p.newError = tr("Give a name and an id.");
        } else if (!s.store) {
            p.newError = s.library.error.empty() ? tr("The client library is not open.") : s.library.error;
        } else if (auto st = s.store->createClient(id, p.newName); !st) {
            p.newError = st.error();
        } else {
            s.library.selectedClient = id;
            s.library.stale = true;
            p.newId.clear();
            p.newName.clear();
            p.newError.clear();
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"), ImVec2(bw, 0))) {
        p.newError.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}
// "Hand to client": the locked intake for the selected client, blank or from the last visit.
void handToClientPopup(AppState& s, const UiContext& ui) {
    ImGui::SetNextWindowSize(ImVec2(620 * ui.scale, 0));
    if (!ImGui::BeginPopupModal(idLabel(tr("Hand to client"), "hand-to-client").c_str(), nullptr,
                                ImGuiWindowFlags_NoSavedSettings)) {
        return;
    }
    const LibraryState& lib = s.library;
    std::string name = lib.selectedClient;
    for (const auto& c : lib.clients) {
        if (c.id == lib.selectedClient) name = c.displayName;
    }
    if (ui.bold) ImGui::PushFont(ui.bold);
    // TRANSLATORS: a heading; %s is the client's name.
    textWrappedf(tr("Hand the device to %s"), maps::printableForMessage(name, 120).c_str());
    if (ui.bold) ImGui::PopFont();
    ImGui::TextWrapped("%s", tr("The client draws a new visit and presses Done. Until then nothing else of the "
                                "library can be seen or reached; the therapist PIN ends the intake early."));
    ImGui::Spacing();
    // The intake's own language (the client can still switch it); starts as the UI's.
    intakeLanguageCombo(ui, s.library.intakeLanguage);
    ImGui::Spacing();
    const char* startBlank = tr("Start blank");
    const char* startLast = tr("Start from the last visit");
    const char* setPin = tr("Set PIN...");
    const float bw = buttonWidthFor({startBlank, startLast, setPin}, 210 * ui.scale);
    auto start = [&](bool fromLast) {
        const std::string id = lib.selectedClient;
        const std::string language = s.library.intakeLanguage;
        ImGui::CloseCurrentPopup();
        s.deferred.push_back([id, fromLast, language](AppState& st) {
            guardUnsaved(st, tr("Save the changes to %s before handing the device to the client?"),
                         [id, fromLast, language](AppState& s2) {
                if (auto started = startIntake(s2, id, fromLast, true, language); !started) {
                    s2.errorDialog = i18n::format(tr("The intake did not start: %s"), started.error().c_str());
                }
            });
        });
    };
    if (s.settings.pinHash.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.1f, 1));
        ImGui::TextWrapped("%s", tr("Set the therapist PIN in Settings first."));
        ImGui::PopStyleColor();
        ImGui::TextDisabled("%s", tr("It is what ends an intake without Done."));
        ImGui::Spacing();
        if (loggedButton(setPin, ImVec2(bw, 0))) {
            ImGui::CloseCurrentPopup();
            openPinSettings(s);
        }
        ImGui::SameLine();
    } else {
        if (loggedButton(startBlank, ImVec2(bw, 0))) start(false);
        ImGui::SameLine();
        ImGui::BeginDisabled(lib.visits.empty());
        if (loggedButton(startLast, ImVec2(bw, 0))) start(true);
        ImGui::EndDisabled();
        ImGui::SameLine();
    }
    // Three buttons on one line while they fit the dialog; else Cancel goes to the next line.
    const float cancelW = buttonWidthFor({tr("Cancel")}, 120 * ui.scale);
    if (ImGui::GetContentRegionAvail().x < cancelW) ImGui::NewLine();
    if (loggedButton((std::string(tr("Cancel")) + "##hand").c_str(), ImVec2(cancelW, 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}
}  // namespace

std::string friendlyDate(const std::string& iso) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    // An ISO time, or the time in a visit file's name ("YYYY-MM-DDTHH-MM-SS[-N]"), which is all
    // the list has for a visit that cannot be read.
    const bool parsed = std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) == 5 ||
                        std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d-%2d", &y, &mo, &d, &h, &mi) == 5;
    if (!parsed || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59) {
        return maps::printableForMessage(iso, 80);  // may come from a file or a file name
    }
    // TRANSLATORS: a visit's date and time in lists ("12/02/2026, 3:45 PM").
    return i18n::format(tr("%s, %s"), i18n::formatDate(y, mo, d).c_str(), i18n::formatTime(h, mi).c_str());
}

void drawLibraryPanel(AppState& s, LibraryPanelState& p, const UiContext& ui) {
    LibraryState& lib = s.library;
    if (lib.stale) refreshLibrary(s);
    if (p.listing != lib.listing) {
        p.listing = lib.listing;
        pruneThumbs(s, p);
        p.visitHaystacks.clear();
    }
    if (lib.server) {
        // TRANSLATORS: %s is the clinic server, e.g. postgresql://anna@clinic-db:5432/clinic.
        // Wrapped, not clipped: the server's whole name matters (which clinic, which login).
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", i18n::format(tr("Clinic server: %s"), lib.location.c_str()).c_str());
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) tooltipf(tr("%s\n(--library DIR or BODYMAP_LIBRARY to change)"), lib.location.c_str());
        if (lib.disconnected) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.1f, 1));
            ImGui::TextWrapped("%s", tr("Not connected: trying again every few seconds. Unsaved work is kept on this computer."));
            ImGui::PopStyleColor();
        }
    } else {
        textDisabledf(tr("Library: %s"), lib.root.c_str());
        if (ImGui::IsItemHovered()) tooltipf(tr("%s\n(--library DIR or BODYMAP_LIBRARY to change)"), lib.root.c_str());
    }
    if (!lib.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.1f, 1));
        ImGui::TextWrapped("%s", lib.error.c_str());
        ImGui::PopStyleColor();
    }

    // TRANSLATORS: the button that creates a new client.
    const char* newLabel = trc("client", "New...");
    const float newW = buttonWidthFor({newLabel}, 80 * ui.scale);
    ImGui::SetNextItemWidth(-(newW + ImGui::GetStyle().ItemSpacing.x));
    ImGui::InputTextWithHint("##search", tr("Search clients"), &lib.search);
    ImGui::SameLine();
    // No new client on a server that cannot be reached (or is not open yet): it could not be saved.
    const bool offline = lib.server && (lib.disconnected || !s.store);
    ImGui::BeginDisabled(offline);
    if (ImGui::Button((std::string(newLabel) + "##new-client").c_str(), ImVec2(-1, 0))) {
        ImGui::OpenPopup(idLabel(tr("New client"), "new-client").c_str());
    }
    ImGui::EndDisabled();
    newClientPopup(s, p, ui);

    ImGui::BeginChild("##clients", ImVec2(0, 170 * ui.scale), true);
    int shown = 0;
    for (const auto& c : lib.clients) {
        if (!matches(c, lib.search)) continue;
        ++shown;
        ImGui::PushID(c.id.c_str());
        const bool selected = c.id == lib.selectedClient;
        // The name comes from client.json: one printable line (an ESC or newline, or a "##" that
        // ImGui would take as the end of the label, from the file is not shown raw), shortened
        // to the list with the whole name on hover.
        const std::string name = maps::printableForMessage(c.displayName);
        const std::string shownName = ellipsize(name, ImGui::GetContentRegionAvail().x);
        // The name is drawn as plain text over a label-less row, so that a "##" in it is shown.
        const ImVec2 rowPos = ImGui::GetCursorPos();
        const bool clicked = ImGui::Selectable("##c", selected, 0,
                                               ImVec2(0, ImGui::GetTextLineHeight() * 2.1f));
        if (shownName != name && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
        ImGui::SetCursorPos(rowPos);
        userText(shownName);
        if (clicked) {
            lib.selectedClient = c.id;
            lib.stale = true;
        }
        ImGui::SameLine(12 * ui.scale);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetTextLineHeight() * 1.05f);
        const auto visits = static_cast<unsigned long>(std::max(0, c.visitCount));
        std::string line = i18n::format(trn("%d visit", "%d visits", visits), c.visitCount);
        if (!c.lastVisit.empty()) {
            // TRANSLATORS: under a client's name: %d visits, the last on %s (date and time).
            line = i18n::format(trn("%d visit, last %s", "%d visits, last %s", visits), c.visitCount,
                                friendlyDate(c.lastVisit).c_str());
        }
        ellipsizedText(ImGui::GetColorU32(ImGuiCol_TextDisabled), line,
                       ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX(), line);
        ImGui::PopID();
    }
    if (shown == 0) {
        const char* empty = !lib.clients.empty() ? tr("No client matches the search.")
                            : offline ? tr("The clients are listed once the clinic server answers.")
                                      : tr("No clients yet. Create one with New...");
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", empty);
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
    drawProblems(s, ui);

    if (lib.selectedClient.empty()) {
        ImGui::TextWrapped("%s", tr("Pick a client to see their visits, or draw without one and use File > Save As."));
        return;
    }
    heading(tr("Visits"), ui);
    // Side by side while both labels fit half the panel; else one under the other.
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    const bool sideBySide = buttonWidthFor({tr("New visit"), tr("From last visit")}, 0) <= half;
    const float hw = sideBySide ? half : -1.0f;
    if (ImGui::Button(tr("New visit"), ImVec2(hw, 0))) {
        s.deferred.push_back([](AppState& st) {
            guardUnsaved(st, tr("Save the changes to %s before starting a new visit?"),
                         [](AppState& s2) { newVisit(s2, false); });
        });
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("A blank chart for this client (Ctrl+N)"));
    if (sideBySide) ImGui::SameLine();
    ImGui::BeginDisabled(lib.visits.empty());
    if (loggedButton(tr("From last visit"), ImVec2(hw, 0))) {
        s.deferred.push_back([](AppState& st) {
            guardUnsaved(st, tr("Save the changes to %s before starting a new visit?"),
                         [](AppState& s2) { newVisit(s2, true); });
        });
    }
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s", tr("A new visit that starts with the pain drawn last time, to update"));
    }
    if (loggedButton(tr("Hand to client..."), ImVec2(-1, 0))) {
        ImGui::OpenPopup(idLabel(tr("Hand to client"), "hand-to-client").c_str());
        testLog("dialog Hand to client");
    }
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", tr("The locked client intake: the client draws a new visit and sees nothing else"));
    }
    handToClientPopup(s, ui);

    // Search in the visits' notes, session notes and treatment (and therapist, date).
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##visit-search", tr("Search visits: notes, SOAP, treatment"), &lib.visitSearch);
    logLastItem("visit-search");
    const std::string query = lower(lib.visitSearch);
    if (!query.empty() && p.visitHaystacks.size() != lib.visits.size()) {
        p.visitHaystacks.clear();
        for (std::size_t vi = 0; vi < lib.visits.size(); ++vi) {
            const auto& v = lib.visits[vi];
            const std::string text = vi < lib.summaries.size() ? lib.summaries[vi].text : std::string();
            p.visitHaystacks.push_back(lower(text + "\n" + v.therapist + "\n" + friendlyDate(v.visitTime) + "\n" + v.visitTime));
        }
    }
    int matching = 0;

    ImGui::BeginChild("##visits", ImVec2(0, 0), false);
    int budget = kThumbBudgetPerFrame;
    const float thumbH = 64 * ui.scale;
    for (std::size_t vi = 0; vi < lib.visits.size(); ++vi) {
        const auto& v = lib.visits[vi];
        const store::VisitSummary* summary = vi < lib.summaries.size() ? &lib.summaries[vi] : nullptr;
        if (!query.empty() && p.visitHaystacks[vi].find(query) == std::string::npos) continue;
        ++matching;
        ImGui::PushID(v.path.c_str());
        const bool current = v.path == s.doc.path;
        const ImVec2 row = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##visit", current, 0, ImVec2(0, thumbH + 6 * ui.scale))) {
            const std::string path = v.path;
            s.deferred.push_back([path](AppState& st) {
                guardUnsaved(st, tr("Save the changes to %s before opening another visit?"),
                             [path](AppState& s2) { openMapFile(s2, path); });
            });
        }
        auto& thumb = p.thumbs[v.path];
        if (!thumb.texture && thumb.width == 0 && budget > 0 && v.error.empty()) {
            --budget;
            thumb.version = listedVersion(s, v.path);
            makeThumb(s, thumb, v.path, static_cast<int>(thumbH * 1.9f));
            if (!thumb.texture) thumb.width = -1;  // do not retry every frame
        }
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float tw = thumbH * 1.0f;
        if (thumb.texture) {
            const float w = thumbH * static_cast<float>(thumb.width) / static_cast<float>(thumb.height);
            dl->AddImage(thumb.texture->imguiId(), ImVec2(row.x + 2, row.y + 3),
                         ImVec2(row.x + 2 + w, row.y + 3 + thumbH));
        }
        const float tx = row.x + tw * 1.05f + 12 * ui.scale;
        const std::string date = friendlyDate(v.visitTime);
        dl->AddText(ImVec2(tx, row.y + 6 * ui.scale), ImGui::GetColorU32(ImGuiCol_Text), date.c_str());
        const std::string sub = v.error.empty()
                              ? std::string(v.drawnBy == maps::DrawnBy::Client ? tr("drawn by the client") : tr("drawn by the therapist"))
                              : std::string(tr("cannot be read"));
        const float textW = ImGui::GetItemRectMax().x - tx - 4 * ui.scale;
        const float lineH = ImGui::GetTextLineHeight();
        // The stored figures in a small right-aligned column beside the date and the "drawn by"
        // line, shown only when both fit whole (on hover either way).
        std::string figures;
        if (summary && summary->figures.known && v.error.empty()) {
            // TRANSLATORS: a visit's highest intensity (0-10), in the visit list.
            const std::string maxText = i18n::format(tr("max %d"), summary->figures.maxIntensity);
            // TRANSLATORS: a visit's Widespread Pain Index (0-19), in the visit list.
            const std::string wpiText = i18n::format(tr("WPI %d"), summary->figures.wpi);
            figures = maxText + ", " + wpiText;
            const float colW = std::max(ImGui::CalcTextSize(maxText.c_str()).x, ImGui::CalcTextSize(wpiText.c_str()).x);
            const float fx = ImGui::GetItemRectMax().x - colW - 6 * ui.scale;
            const float gap = 10 * ui.scale;
            if (fx > tx + ImGui::CalcTextSize(date.c_str()).x + gap && fx > tx + ImGui::CalcTextSize(sub.c_str()).x + gap) {
                const ImU32 col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
                const auto right = [&](const std::string& t, float y) {
                    dl->AddText(ImVec2(fx + colW - ImGui::CalcTextSize(t.c_str()).x, y), col, t.c_str());
                };
                right(maxText, row.y + 6 * ui.scale);
                right(wpiText, row.y + 7 * ui.scale + lineH);
                testLogChanged("visit-figures " + v.path, "visit-figures " + v.path + " " + figures);
            }
        }
        // Who drew it and the therapist on lines of their own, each shortened to the row (a
        // therapist's name after the "drawn by" ran out of the panel); the whole on hover.
        const std::string therapist = ellipsize(v.therapist, textW);
        dl->AddText(ImVec2(tx, row.y + 7 * ui.scale + lineH),
                    ImGui::GetColorU32(v.error.empty() ? ImGuiCol_TextDisabled : ImGuiCol_PlotHistogram),
                    ellipsize(sub, textW).c_str());
        if (!therapist.empty()) {
            userTextAt(dl, ImVec2(tx, row.y + 8 * ui.scale + 2 * lineH), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                       therapist);
        }
        if (!v.error.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", v.error.c_str());
        else if (ImGui::IsItemHovered() && (therapist != v.therapist || !figures.empty())) {
            std::string tip;
            if (!v.therapist.empty()) tip = i18n::format(tr("Therapist: %s"), v.therapist.c_str());
            if (!figures.empty()) {
                const store::VisitFigures& f = summary->figures;
                if (!tip.empty()) tip += "\n";
                // TRANSLATORS: a visit's stored figures, on hover in the visit list.
                tip += i18n::format(tr("Extent %s %%, max %d, burden %s, WPI %d, generalized pain %d of 5"),
                                    i18n::formatNumber(f.extentPct, 1).c_str(), f.maxIntensity,
                                    i18n::formatNumber(f.burden, 2).c_str(), f.wpi, f.generalizedPain);
                if (lib.server && summary->versionCount > 1) {
                    tip += "\n";
                    // TRANSLATORS: on the clinic server every save of a visit is kept.
                    tip += i18n::format(trn("%d saved version kept", "%d saved versions kept",
                                            static_cast<unsigned long>(summary->versionCount)),
                                        summary->versionCount);
                }
            }
            ImGui::SetTooltip("%s", tip.c_str());
        }
        ImGui::PopID();
    }
    if (lib.visits.empty()) ImGui::TextDisabled("%s", tr("No visits yet."));
    else if (matching == 0) ImGui::TextDisabled("%s", tr("No visit matches the search."));
    if (!query.empty()) {
        testLogChanged("visit-search", "visit-search " + std::to_string(matching) + " of " + std::to_string(lib.visits.size()));
    }
    ImGui::EndChild();
}

}  // namespace bodymap::app
