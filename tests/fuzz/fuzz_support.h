// Shared by the fuzz targets: the template registry they check maps against (the real
// adult-neutral template from assets/ and a 16x16 "tiny" one, so that small inputs run fast).
#pragma once

#include "maps/template_registry.h"

namespace bodymap::fuzz {

// Loaded once; aborts when the assets are missing (a broken build, not a finding).
const maps::TemplateRegistry& registry();
// The 16x16 template "tiny" (version 1) as JSON text; also a seed of the template corpus.
const char* tinyTemplateJson();

}  // namespace bodymap::fuzz
