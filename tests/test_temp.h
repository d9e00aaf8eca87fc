#pragma once
// Temporary paths for tests: unique per process, because ctest runs test cases in parallel (one
// process each) and two cases sharing a fixed name in /tmp would delete each other's files.
#include <unistd.h>

#include <filesystem>
#include <string>

namespace framelens_test {

inline std::filesystem::path temp_path(const std::string& name) {
  return std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
}

}  // namespace framelens_test
