#include "analyzer/cli/model_paths.h"

#include <cstdlib>
#include <filesystem>

#include <unistd.h>

namespace framelens {

namespace fs = std::filesystem;

std::string resolve_models_dir(const std::string& flag_value, const std::string& argv0) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("FRAMELENS_MODELS"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  if (!exe.empty()) {
    fs::path installed = exe.parent_path() / FRAMELENS_INSTALL_MODELS_REL;
    if (fs::is_directory(installed, ec)) return fs::weakly_canonical(installed, ec).string();
  }
  return FRAMELENS_SOURCE_MODELS_DIR;
}

}  // namespace framelens
