// Shared helpers for tests: tiny templates built in code, paths of the test data, and the
// file-system fixtures (temporary folders, umask, modes) of the tests that save files.
#pragma once

#include <string>

#include <sys/types.h>

#include "maps/body_template.h"
#include "maps/pain_map.h"
#include "maps/template_registry.h"

namespace bodymap::test {

// A 16x16 template. Front: body = rectangle x in [2,14) y in [2,14); regions split at x=8:
// "front-right-chest" (x<8, viewer's left = patient's right, wpi chest) and "front-left-chest"
// (x>=8, wpi chest). Back: same rectangle; "back-left-upper" (x<8, y<8, wpi upper-back),
// "back-right-upper" (x>=8, y<8, wpi upper-back), "back-left-low" (x<8, y>=8, wpi lower-back),
// "back-right-low" (x>=8, y>=8, wpi lower-back). 144 body cells per view.
std::string tinyTemplateJson();
const maps::BodyTemplate& tinyTemplate();

// The real default template from assets/ (loaded once).
const maps::BodyTemplate& defaultTemplate();

std::string testDataPath(const std::string& name);  // tests/data/<name>
std::string assetsPath(const std::string& name);    // assets/<name>

// Registries holding only tinyTemplate() / only defaultTemplate() (built once).
const maps::TemplateRegistry& tinyRegistry();
const maps::TemplateRegistry& defaultRegistry();

// Sets the intensity (0..10) of cell (x, y) of view `v`.
void paintCell(maps::PainMap& m, maps::ViewId v, int x, int y, int intensity);

// A new folder under the system temp folder (mkdtemp, then chmod to `mode`), removed with
// everything in it at the end of the scope. path() is empty when it could not be made.
class TempDir {
public:
    explicit TempDir(mode_t mode = 0700);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

// The process umask for one scope.
class UmaskScope {
public:
    explicit UmaskScope(mode_t mask);
    ~UmaskScope();
    UmaskScope(const UmaskScope&) = delete;
    UmaskScope& operator=(const UmaskScope&) = delete;

private:
    mode_t m_old;
};

// The permission bits (st_mode & 07777, from lstat) of `path`; 07777 when it cannot be read.
unsigned modeOf(const std::string& path);

// The whole content of a file, byte for byte; empty when it cannot be opened.
std::string readText(const std::string& path);

}  // namespace bodymap::test
