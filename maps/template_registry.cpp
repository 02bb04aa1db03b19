// Loading a folder of body templates into a registry keyed by template id (see template_registry.h).
#include "maps/template_registry.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace bodymap::maps {

void TemplateRegistry::add(std::shared_ptr<const BodyTemplate> t) {
    if (!t) return;
    auto it = m_templates.find(t->id);
    if (it == m_templates.end()) {
        m_templates.emplace(t->id, std::move(t));
    } else if (t->version > it->second->version) {
        it->second = std::move(t);
    }
}

std::shared_ptr<const BodyTemplate> TemplateRegistry::find(std::string_view id) const {
    auto it = m_templates.find(id);
    return it == m_templates.end() ? nullptr : it->second;
}

std::vector<std::string> TemplateRegistry::ids() const {
    std::vector<std::string> out;
    for (const auto& [id, t] : m_templates) out.push_back(id);
    return out;
}

Result<TemplateRegistry> TemplateRegistry::loadFolder(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Error{dir + ": template folder not found"};
    std::vector<std::string> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".json" && it->is_regular_file(ec)) {
            files.push_back(it->path().string());
        }
    }
    if (ec) return Error{dir + ": cannot list templates: " + ec.message()};
    std::sort(files.begin(), files.end());  // deterministic choice among equal versions
    TemplateRegistry registry;
    for (const std::string& f : files) {
        auto t = loadTemplate(f);
        if (t) {
            registry.add(std::move(t.value()));
        } else {
            registry.m_problems.push_back(t.error());
        }
    }
    if (registry.empty()) {
        std::string why = dir + ": no valid body template";
        if (!registry.m_problems.empty()) why += " (" + registry.m_problems.front() + ")";
        return Error{why};
    }
    return registry;
}

}  // namespace bodymap::maps
