#pragma once
// Where the models live: --models DIR, then $FRAMELENS_MODELS, then the installed share folder
// next to the binary, then the source tree's models/ (for a build tree).
#include <string>

namespace framelens {

std::string resolve_models_dir(const std::string& flag_value, const std::string& argv0);

}  // namespace framelens
