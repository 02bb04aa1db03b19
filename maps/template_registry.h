// The installed body templates by id, so that a map file naming "adult-neutral" can be checked
// against the grid it was drawn on. Loaded from a folder of template JSON files (assets/templates).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "maps/body_template.h"
#include "maps/result.h"

namespace bodymap::maps {

class TemplateRegistry {
public:
    // Adds a template; of two with the same id the higher version is kept.
    void add(std::shared_ptr<const BodyTemplate> t);
    void add(BodyTemplate t) { add(std::make_shared<const BodyTemplate>(std::move(t))); }

    // The template with this id, or null when none is installed.
    std::shared_ptr<const BodyTemplate> find(std::string_view id) const;
    std::vector<std::string> ids() const;  // sorted
    bool empty() const { return m_templates.empty(); }

    // Template files that failed to load (one message each, naming the file); they are skipped.
    const std::vector<std::string>& problems() const { return m_problems; }

    // Loads every *.json file in `dir` (not recursive). Fails only when the folder cannot be
    // read or holds no valid template; a single bad file is recorded in problems().
    static Result<TemplateRegistry> loadFolder(const std::string& dir);

private:
    std::map<std::string, std::shared_ptr<const BodyTemplate>, std::less<>> m_templates;
    std::vector<std::string> m_problems;
};

}  // namespace bodymap::maps
