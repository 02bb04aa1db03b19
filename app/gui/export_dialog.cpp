// Export and print (see export_dialog.h).
#include "app/gui/export_dialog.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include <imgui.h>
#include <imgui_stdlib.h>
#include <unistd.h>

#include "app/assets_path.h"
#include "app/cli/report.h"
#include "app/gui/document_ops.h"
#include "app/gui/library_store.h"
#include "app/gui/library_panel.h"
#include "app/gui/tr_text.h"
#include "maps/i18n/i18n.h"
#include "maps/map_format.h"
#include "render/chart.h"

namespace bodymap::app {

namespace fs = std::filesystem;

ExportState::~ExportState() {
    if (job && job->worker.joinable()) job->worker.join();
}

namespace {

// The language a report or PNG is drawn in: the one picked last in the export dialog, else the
// therapist UI's.
std::string reportLanguage(const AppState& s) {
    return s.settings.reportLanguage.empty() ? i18n::currentLanguage() : s.settings.reportLanguage;
}

render::Paper paperFor(const std::string& tag) {
    return i18n::conventionsFor(tag).paper == i18n::PaperKind::Letter ? render::Paper::Letter : render::Paper::A4;
}

}  // namespace

void exportPng(AppState& s) {
    const bool server = isServerKey(s, s.doc.path);
    const std::string stem = s.doc.path.empty() ? std::string("bodymap-chart")
                             : server           ? maps::visitFileStem(s.doc.map.info.visitTime)
                                                : fs::path(s.doc.path).stem().string();
    const std::string folder = s.doc.path.empty() || server ? std::string() : fs::path(s.doc.path).parent_path().string();
    showFileDialog(s, FileDialogState::Mode::Save, tr("Export PNG"), ".png", folder, stem,
                   [](AppState& st, const std::string& path) {
                       render::ChartOptions o;
                       o.map = &st.doc.map;
                       o.legend = true;
                       // What the chart shows is what the PNG shows.
                       o.tags = st.view.showTags;
                       o.findings = st.view.showFindings;
                       o.marks = st.view.showMarks;
                       const auto img = [&] {
                           // The legend is drawn in the report's language (render/ calls tr()).
                           i18n::LanguageScope scope(reportLanguage(st));
                           return render::renderChart(st.templ(), render::ViewSelection::Both, 2400, o);
                       }();
                       const auto r = render::writePng(img, path);
                       if (!r) {
                           st.errorDialog = i18n::format(tr("The PNG was not written.\n\n%s"), r.error().c_str());
                       } else {
                           st.post(i18n::format(tr("Exported the chart to %s"), path.c_str()));
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
    e.language = reportLanguage(s);
    e.paperByHand = false;
    e.paper = paperFor(e.language);
    e.therapistPage = !s.doc.map.info.session.empty();
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
    job->what = print ? tr("Printing the report") : tr("Saving the report");
    // Everything the worker needs is copied: the document may change while it runs.
    auto tmpl = s.tmpl;
    auto current = std::make_shared<maps::PainMap>(s.doc.map);
    if (current->info.visitTime.empty()) current->info.visitTime = maps::localTimeNow();
    std::vector<std::string> earlier;
    for (std::size_t i = 0; i < e.earlierPaths.size(); ++i) {
        if (e.include[i]) earlier.push_back(e.earlierPaths[i]);
    }
    // Visits on the clinic server are read here (the connection is this thread's); files by
    // the worker.
    auto fromServer = std::make_shared<std::vector<std::optional<maps::PainMap>>>(earlier.size());
    for (std::size_t i = 0; i < earlier.size(); ++i) {
        if (!isServerKey(s, earlier[i])) continue;
        auto m = loadLibraryMap(s, earlier[i]);
        if (!m) {
            s.errorDialog = i18n::format(tr("The report was not made: an earlier visit could not be read.\n\n%s"),
                                         m.error().c_str());
            return;
        }
        (*fromServer)[i] = std::move(m.value());
    }
    auto templates = std::make_shared<maps::TemplateRegistry>(s.templates);
    const render::Paper paper = e.paper;
    const std::string to = e.referralTo;
    const render::ChangeSince since = e.since;
    const bool therapistPage = e.therapistPage;
    const std::string language = e.language;
    const std::string uiLanguage = i18n::currentLanguage();
    ExportState::Job* j = job.get();
    job->worker = std::thread([j, tmpl, current, earlier, fromServer, templates, paper, to, since, pdfPath, print, language,
                               uiLanguage, therapistPage] {
        // This thread's messages are the therapist's; the report is drawn in its own language.
        i18n::LanguageScope uiScope(uiLanguage);
        std::vector<maps::PainMap> previous;
        for (std::size_t i = 0; i < earlier.size(); ++i) {
            if ((*fromServer)[i]) {
                previous.push_back(std::move(*(*fromServer)[i]));
                continue;
            }
            auto m = maps::loadMap(earlier[i], *templates);
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
        in.therapistPage = therapistPage;
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
        auto st = [&] {
            i18n::LanguageScope scope(language);  // render/ calls tr() while it draws
            return render::writeReportPdf(in, target, [j](double f) { j->progress = 0.3 + 0.65 * f; });
        }();
        if (!st) {
            j->message = st.error();
        } else if (print) {
            std::string lp;
            j->ok = sendToPrinter(target, "", lp);
            // TRANSLATORS: %s is what the print system said (the job id).
            j->message = j->ok ? i18n::format(tr("The report was sent to the printer. %s"), lp.c_str()) : lp;
        } else {
            j->ok = true;
            j->message = i18n::format(tr("The report was saved to %s"), target.c_str());
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
    const std::string reportTitle = idLabel(tr("Referral report"), "referral-report");
    if (e.reportDialog && !ImGui::IsPopupOpen(reportTitle.c_str())) {
        ImGui::OpenPopup(reportTitle.c_str());
        testLog("dialog Referral report");
    }
    ImGui::SetNextWindowSize(ImVec2(std::min(560 * ui.scale, ImGui::GetMainViewport()->Size.x - 40), 0));
    if (ImGui::BeginPopupModal(reportTitle.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("%s", tr("A report of this visit for a physician or physiotherapist: both maps, the "
                                    "legend, the figures, tags and notes, and the change since earlier visits."));
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("Referral to"));
        ImGui::SetNextItemWidth(-1);
        // TRANSLATORS: example in the empty "Referral to" field; use a usual name of your language.
        ImGui::InputTextWithHint("##to", tr("e.g. Dr. Maria Weber, orthopaedics (optional)"), &e.referralTo);
        // Labels in one column as wide as the widest translated label.
        const char* languageLabel = tr("Language");
        const char* paperLabel = tr("Paper");
        const char* sinceLabel = tr("Change since");
        const float labelW = std::max({ImGui::CalcTextSize(languageLabel).x, ImGui::CalcTextSize(paperLabel).x,
                                       ImGui::CalcTextSize(sinceLabel).x}) +
                             2 * ImGui::GetStyle().ItemSpacing.x;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(languageLabel);
        ImGui::SameLine(labelW);
        // The report's language by each language's own name; the current one even when it is not
        // shipped (the pseudo-locale of the layout tests).
        std::vector<i18n::Language> languages = i18n::shippedLanguages();
        if (std::none_of(languages.begin(), languages.end(), [&](const i18n::Language& l) { return l.tag == e.language; })) {
            languages.push_back({e.language, i18n::nativeName(e.language)});
        }
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 260 * ui.scale));
        if (ImGui::BeginCombo("##report-language", i18n::nativeName(e.language).c_str())) {
            for (const auto& l : languages) {
                if (ImGui::Selectable((l.nativeName + "###" + l.tag).c_str(), l.tag == e.language)) {
                    e.language = l.tag;
                    if (!e.paperByHand) e.paper = paperFor(l.tag);
                    s.settings.reportLanguage = l.tag;
                    saveSettings(s);
                    testLog("report-language " + l.tag);
                }
                logLastItem(("report-lang-" + l.tag).c_str());
            }
            ImGui::EndCombo();
        }
        logLastItem("report-language");
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(paperLabel);
        ImGui::SameLine(labelW);
        // TRANSLATORS: paper sizes: keep A4 as it is; "Letter" is US Letter.
        if (ImGui::RadioButton(tr("A4"), e.paper == render::Paper::A4)) {
            e.paper = render::Paper::A4;
            e.paperByHand = true;
        }
        ImGui::SameLine();
        // TRANSLATORS: the US paper size.
        if (ImGui::RadioButton(trc("paper", "Letter"), e.paper == render::Paper::Letter)) {
            e.paper = render::Paper::Letter;
            e.paperByHand = true;
        }
        testLogChanged("report-paper", std::string("report-paper ") + (e.paper == render::Paper::A4 ? "a4" : "letter"));
        ImGui::Spacing();
        // TRANSLATORS: a checkbox of the report dialog: the report's second page with the therapist's notes.
        ImGui::Checkbox(tr("The therapist's page: tags, session note (SOAP), treatment"), &e.therapistPage);
        logLastItem("report-therapist-page");
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", tr("After the client's page. Leave it out for a referral without your notes."));
        }
        testLogChanged("report-therapist-page", std::string("report-therapist-page ") + (e.therapistPage ? "on" : "off"));
        ImGui::Spacing();
        if (e.earlierPaths.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", tr("No earlier saved visits of this client: the report has no change pages."));
            ImGui::PopStyleColor();
        } else {
            ImGui::TextUnformatted(tr("Earlier visits to compare with"));
            // Room for every visit up to five rows; more scroll.
            const float rows = static_cast<float>(std::min<std::size_t>(e.earlierPaths.size(), 5));
            const float listHeight = rows * ImGui::GetFrameHeightWithSpacing() - ImGui::GetStyle().ItemSpacing.y +
                                     2 * ImGui::GetStyle().WindowPadding.y;
            ImGui::BeginChild("##earlier", ImVec2(0, listHeight), true);
            for (std::size_t i = 0; i < e.earlierPaths.size(); ++i) {
                bool on = e.include[i] != 0;
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::Checkbox(e.earlierLabels[i].c_str(), &on)) e.include[i] = on ? 1 : 0;
                ImGui::PopID();
            }
            ImGui::EndChild();
            // With two or more earlier visits the change can be shown since the first as well.
            const auto included = std::count(e.include.begin(), e.include.end(), char{1});
            ImGui::BeginDisabled(included < 2);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(sinceLabel);
            ImGui::SameLine(labelW);
            // TRANSLATORS: after "Change since": since the previous visit / the first visit / both.
            const char* previous = tr("the previous visit");
            const char* first = tr("the first visit");
            // TRANSLATORS: after "Change since": both the previous and the first visit.
            const char* both = trc("change since", "both");
            // The three choices on one line while they fit; else each on its own line.
            const float spacing = ImGui::GetStyle().ItemSpacing.x;
            const float radio = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
            const float rowW = ImGui::CalcTextSize(previous).x + ImGui::CalcTextSize(first).x +
                               ImGui::CalcTextSize(both).x + 3 * radio + 2 * spacing;
            const bool oneLine = rowW <= ImGui::GetContentRegionAvail().x;
            auto next = [&] {
                if (oneLine) {
                    ImGui::SameLine();
                } else {
                    ImGui::SetCursorPosX(labelW);
                }
            };
            if (ImGui::RadioButton(previous, e.since == render::ChangeSince::Previous)) {
                e.since = render::ChangeSince::Previous;
            }
            next();
            if (ImGui::RadioButton(first, e.since == render::ChangeSince::First)) e.since = render::ChangeSince::First;
            next();
            if (ImGui::RadioButton(both, e.since == render::ChangeSince::Both)) e.since = render::ChangeSince::Both;
            ImGui::EndDisabled();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (included >= 2) {
                ImGui::TextWrapped("%s", tr("\"The first\" is the earliest visit ticked above."));
            } else {
                ImGui::TextWrapped("%s", tr("Tick two or more visits to compare with the first one as well."));
            }
            ImGui::PopStyleColor();
        }
        const std::optional<std::string>& printProblem = e.printProblem;
        if (e.printMode && printProblem) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.1f, 1));
            // TRANSLATORS: %s says why (no printer, no print system).
            textWrappedf(tr("Cannot print: %s"), printProblem->c_str());
            ImGui::PopStyleColor();
            ImGui::PopTextWrapPos();
            if (ImGui::Button(tr("Check again"))) e.printProblem = printerProblem("");
        }
        ImGui::Spacing();
        const char* go = e.printMode ? tr("Print") : tr("Save PDF...");
        const float bw = buttonWidthFor({go, tr("Cancel")}, 140 * ui.scale);
        ImGui::BeginDisabled(printProblem.has_value());
        if (loggedButton(go, ImVec2(bw, 0)) ||
            (!printProblem && s.pressed(SDL_SCANCODE_RETURN))) {
            e.reportDialog = false;
            ImGui::CloseCurrentPopup();
            if (e.printMode) {
                startJob(s, e, "", true);
            } else {
                const std::string stem = (s.doc.path.empty()          ? std::string("bodymap")
                                          : isServerKey(s, s.doc.path) ? maps::visitFileStem(s.doc.map.info.visitTime)
                                                                       : fs::path(s.doc.path).stem().string()) + "-report";
                ExportState* ep = &e;
                const char* home = std::getenv("HOME");
                showFileDialog(s, FileDialogState::Mode::Save, tr("Save report as"), ".pdf", home ? home : "", stem,
                               [ep](AppState& st, const std::string& path) { startJob(st, *ep, path, false); });
            }
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (loggedButton((std::string(tr("Cancel")) + "##report").c_str(), ImVec2(bw, 0)) || s.pressed(SDL_SCANCODE_ESCAPE)) {
            e.reportDialog = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    if (e.job) {
        if (!ImGui::IsPopupOpen("###working")) ImGui::OpenPopup("###working");
        ImGui::SetNextWindowSize(ImVec2(420 * ui.scale, 0));
        if (ImGui::BeginPopupModal("###working", nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar)) {
            // TRANSLATORS: %s is "Saving the report" or "Printing the report", while it runs.
            textf(tr("%s..."), e.job->what.c_str());
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

    // TRANSLATORS: title of the message after a report was saved or printed.
    const std::string resultTitle = idLabel(trc("dialog title", "Report"), "report-result");
    if (!e.resultMessage.empty() && !e.job && !ImGui::IsPopupOpen(resultTitle.c_str())) {
        ImGui::OpenPopup(resultTitle.c_str());
    }
    ImGui::SetNextWindowSize(ImVec2(520 * ui.scale, 0));
    if (ImGui::BeginPopupModal(resultTitle.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        if (!e.resultOk) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", tr("The report could not be made."));
        ImGui::TextWrapped("%s", e.resultMessage.c_str());
        if (ImGui::Button(tr("OK"), ImVec2(buttonWidthFor({tr("OK")}, 120 * ui.scale), 0)) || s.pressed(SDL_SCANCODE_RETURN) ||
            s.pressed(SDL_SCANCODE_ESCAPE)) {
            e.resultMessage.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace bodymap::app
