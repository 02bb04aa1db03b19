// `bodymap validate FILE...`: checks map files against the format and the installed templates.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace bodymap::app {

// args are the words after "validate". Prints "FILE: ok" on `out` for each valid file and one
// line per problem on `err`. Returns 0 when all are valid, 1 when any is not, 2 on usage errors.
int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace bodymap::app
