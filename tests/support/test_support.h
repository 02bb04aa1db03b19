// Shared helpers for tests: tiny templates built in code and paths of the test data.
#pragma once

#include <string>

#include "maps/body_template.h"

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

}  // namespace bodymap::test
