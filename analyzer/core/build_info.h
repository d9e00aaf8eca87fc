#pragma once
// What was built: the version (CMake project version) and the git commit of the source tree, baked
// in at build time (cmake/build_info.cmake writes build_commit() into the build folder).
#include <string_view>

namespace framelens {

inline std::string_view build_version() { return FRAMELENS_VERSION; }
// 40 hex digits, with "-dirty" when tracked files differed from the commit; "unknown" when the
// sources were not a git checkout.
std::string_view build_commit();

}  // namespace framelens
