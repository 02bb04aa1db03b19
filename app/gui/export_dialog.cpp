// Export and print (see export_dialog.h).
#include "app/gui/export_dialog.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <imgui.h>
#include <imgui_stdlib.h>
#include <unistd.h>

#include "app/assets_path.h"
#include "app/cli/report.h"
#include "app/gui/library_panel.h"
#include "maps/map_format.h"
#include "render/chart.h"

namespace bodymap::app {

namespace fs = std::filesystem;

ExportState::~ExportState() {
    if (job && job->worker.joinable()) job->worker.join();
}

void exportPng(AppState& s) {
    const std::string stem = s.doc.path.empty() ? std::string("bodymap-chart") : fs::path(s.doc.path).stem().string();
    const std::string folder = s.doc.path.empty() ? std::string() : fs::path(s.doc.path).parent_path().string();
    showFileDialog(s, FileDialogState::Mode::Save, "Export PNG", ".png", folder, stem,
                   [](AppState& st, const std::string& path) {
                       render::ChartOptions o;
                       o.map = &st.doc.map;
                       o.legend = true;
                       const auto img = render::renderChart(st.templ(), render::ViewSelection::Both, 2400, o);
                       if (auto r = render::writePng(img, path); !r) {
                           st.errorDialog = "The PNG was not written.\n\n" + r.error();
                       } else {
                           st.post("Exported the chart to " + path);
                       }
                   });
}

void openReportDialog(AppState& s, ExportState& e, bool print) {
    e.reportDialog = true;
    e.printMode = print;
    e.earlierPaths.clear();
    e.earlierLabels.clear();
    e.include.clear();
    e.printProblem = print ? printerProblem("") : std::nullopt;
    // Earlier visits of the same client in the library, newest first (at most 8 by default).
    if (!s.doc.map.info.clientId.empty() && s.library.selectedClient == s.doc.map.info.clientId) {
        for (const auto& v : s.library.visits) {
            if (v.path == s.doc.path || !v.error.empty()) continue;
            if (!s.doc.map.info.visitTime.empty() && v.visitTime >= s.doc.map.info.visitTime) continue;
            e.earlierPaths.push_back(v.path);
            e.earlierLabels.push_back(friendlyDate(v.visitTime));
            e.include.push_back(e.include.size() < 8 ? 1 : 0);
        }
    }
}

namespace {

void startJob(AppState& s, ExportState& e, const std::string& pdfPath, bool print) {
    auto job = std::make_unique<ExportState::Job>();
    job->what = print ? "Printing the report" : "Saving the report";
    // Everything the worker needs is copied: the document may change while it runs.
    auto tmpl = s.tmpl;
    auto current = std::make_shared<maps::PainMap>(s.doc.map);
    if (current->info.visitTime.empty()) current->info.visitTime = maps::localTimeNow();
    std::vector<std::string> earlier;
    for (std::size_t i = 0; i < e.earlierPaths.size(); ++i) {
        if (e.include[i]) earlier.push_back(e.earlierPaths[i]);
    }
    auto templates = std::make_shared<maps::TemplateRegistry>(s.templates);
    const render::Paper paper = e.paper;
    const std::string to = e.referralTo;
    const render::ChangeSince since = e.since;
    ExportState::Job* j = job.get();
    job->worker = std::thread([j, tmpl, current, earlier, templates, paper, to, since, pdfPath, print] {
        std::vector<maps::PainMap> previous;
        for (const auto& p : earlier) {
            auto m = maps::loadMap(p, *templates);
            if (!m) {
                j->message = m.error();
                j->done = true;
                return;
            }
            previous.push_back(std::move(m.value()));
            j->progress = 0.3 * static_cast<double>(previous.size()) / static_cast<double>(earlier.size());
        }
        render::ReportInput in;
        in.tmpl = tmpl.get();
        in.current = current.get();
        for (const auto& m : previous) in.previous.push_back(&m);
        in.paper = paper;
        in.referralTo = to;
        in.since = since;
        in.appVersion = appVersion();
        std::string target = pdfPath;
        if (print) {
            // A private (0600) temp copy for lp, removed below.
            auto tmp = maps::makePrivateTempFile("", "bodymap-report-", ".pdf");
            if (!tmp) {
                j->message = tmp.error();
                j->done = true;
                return;
            }
            target = tmp.value();
        }
        auto st = render::writeReportPdf(in, target, [j](double f) { j->progress = 0.3 + 0.65 * f; });
        if (!st) {
            j->message = st.error();
        } else if (print) {
            std::string lp;
            j->ok = sendToPrinter(target, "", lp);
            j->message = j->ok ? "The report was sent to the printer. " + lp : lp;
        } else {
            j->ok = true;
            j->message = "The report was saved to " + target;
        }
        if (print) {
            std::error_code ec;
            fs::remove(target, ec);
        }
        j->progress = 1.0;
        j->done = true;
    });
    e.job = std::move(job);
}

}  // namespace

void drawExportDialogs(AppState& s, ExportState& e, const UiContext& ui) {
    if (e.reportDialog && !ImGui::IsPopupOpen("Referral report")) ImGui::OpenPopup("Referral report");
    ImGui::SetNextWindowSize(ImVec2(520 * ui.scale, 0));
    if (ImGui::BeginPopupModal("Referral report", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("A report of this visit for a physician or physiotherapist: both maps, the "
                           "legend, the figures, tags and notes, and the change since earlier visits.");
        ImGui::Spacing();
        ImGui::TextUnformatted("Referral to");
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##to", "e.g. Dr. Maria Weber, orthopaedics (optional)", &e.referralTo);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Paper");
        ImGui::SameLine(120 * ui.scale);
        if (ImGui::RadioButton("A4", e.paper == render::Paper::A4)) e.paper = render::Paper::A4;
        ImGui::SameLine();
        if (ImGui::RadioButton("Letter", e.paper == render::Paper::Letter)) e.paper = render::Paper::Letter;
        ImGui::Spacing();
        if (e.earlierPaths.empty()) {
            ImGui::TextDisabled("No earlier saved visits of this client: the report has one page.");
        } else {
            ImGui::TextUnformatted("Earlier visits to compare with");
            // Room for every visit up to five rows; more scroll.
            const float rows = static_cast<float>(std::min<std::size_t>(e.earlierPaths.size(), 5));
            const float listHeight = rows * ImGui::GetFrameHeightWithSpacing() - ImGui::GetStyle().ItemSpacing.y +
                                     2 * ImGui::GetStyle().WindowPadding.y;
            ImGui::BeginChild("##earlier", ImVec2(0, listHeight), true);
            for (std::size_t i = 0; i < e.earlierPaths.size(); ++i) {
                bool on = e.include[i] != 0;
                if (ImGui::Checkbox(e.earlierLabels[i].c_str(), &on)) e.include[i] = on ? 1 : 0;
            }
            ImGui::EndChild();
            // With two or more earlier visits the change can be shown since the first as well.
            const auto included = std::count(e.include.begin(), e.include.end(), char{1});
            ImGui::BeginDisabled(included < 2);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted("Change since");
            ImGui::SameLine(120 * ui.scale);
            if (ImGui::RadioButton("the previous visit", e.since == render::ChangeSince::Previous)) {
                e.since = render::ChangeSince::Previous;
            }
            ImGui::SameLine();
            if (ImGui::RadioButton("the first visit", e.since == render::ChangeSince::First)) e.since = render::ChangeSince::First;
            ImGui::SameLine();
            if (ImGui::RadioButton("both", e.since == render::ChangeSince::Both)) e.since = render::ChangeSince::Both;
            ImGui::EndDisabled();
            if (included >= 2) {
                ImGui::TextDisabled("\"The first\" is the earliest visit ticked above.");
            } else {
                ImGui::TextDisabled("Tick two or more visits to compare with the first one as well.");
            }
        }
        const std::optional<std::string>& printProblem = e.printProblem;
        if (e.printMode && printProblem) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "Cannot print: %s", printProblem->c_str());
            ImGui::PopTextWrapPos();
            if (ImGui::Button("Check again")) e.printProblem = printerProblem("");
        }
        ImGui::Spacing();
        const float bw = 140 * ui.scale;
        ImGui::BeginDisabled(printProblem.has_value());
        if (ImGui::Button(e.printMode ? "Print" : "Save PDF...", ImVec2(bw, 0)) ||
            (!printProblem && s.pressed(SDL_SCANCODE_RETURN))) {
            e.reportDialog = false;
            ImGui::CloseCurrentPopup();
            if (e.printMode) {
                startJob(s, e, "", true);
            } else {
                const std::string stem = (s.doc.path.empty() ? std::string("bodymap") : fs::path(s.doc.path).stem().string()) + "-report";
                ExportState* ep = &e;
                const char* home = std::getenv("HOME");
                showFileDialog(s, FileDialogState::Mode::Save, "Save report as", ".pdf", home ? home : "", stem,
                               [ep](AppState& st, const std::string& path) { startJob(st, *ep, path, false); });
            }
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel", ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
            e.reportDialog = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    if (e.job) {
        if (!ImGui::IsPopupOpen("Working")) ImGui::OpenPopup("Working");
        ImGui::SetNextWindowSize(ImVec2(420 * ui.scale, 0));
        if (ImGui::BeginPopupModal("Working", nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar)) {
            ImGui::TextUnformatted((e.job->what + "...").c_str());
            ImGui::ProgressBar(static_cast<float>(e.job->progress.load()), ImVec2(-1, 0));
            if (e.job->done) {
                e.job->worker.join();
                e.resultOk = e.job->ok;
                e.resultMessage = e.job->message;
                s.post(e.resultMessage, !e.resultOk);
                e.job.reset();
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
    }

    if (!e.resultMessage.empty() && !e.job && !ImGui::IsPopupOpen("Report")) ImGui::OpenPopup("Report");
    ImGui::SetNextWindowSize(ImVec2(520 * ui.scale, 0));
    if (ImGui::BeginPopupModal("Report", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        if (!e.resultOk) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "The report could not be made.");
        ImGui::TextWrapped("%s", e.resultMessage.c_str());
        if (ImGui::Button("OK", ImVec2(120 * ui.scale, 0)) || s.pressed(SDL_SCANCODE_RETURN) ||
            s.pressed(SDL_SCANCODE_ESCAPE)) {
            e.resultMessage.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace bodymap::app
