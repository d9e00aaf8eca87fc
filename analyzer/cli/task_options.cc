#include "analyzer/cli/task_options.h"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace framelens {

Result<double> number_arg(const ParsedArgs& a, const std::string& name, double def) {
  if (!a.values.count(name)) return def;
  try {
    size_t used = 0;
    const std::string v = a.get(name);
    double d = std::stod(v, &used);
    if (used != v.size()) throw std::invalid_argument(v);
    return d;
  } catch (const std::exception&) {
    return usage_error("--" + name + " expects a number, not '" + a.get(name) + "'");
  }
}

Result<std::vector<double>> number_list_arg(const ParsedArgs& a, const std::string& name, std::vector<double> def) {
  if (!a.values.count(name)) return def;
  std::vector<double> out;
  const std::string list = a.get(name) + ",";
  for (size_t p = 0, q; (q = list.find(',', p)) != std::string::npos; p = q + 1) {
    const std::string v = list.substr(p, q - p);
    try {
      size_t used = 0;
      out.push_back(std::stod(v, &used));
      if (used != v.size()) throw std::invalid_argument(v);
    } catch (const std::exception&) {
      return usage_error("--" + name + " expects comma-separated numbers, not '" + a.get(name) + "'");
    }
  }
  return out;
}

Result<long> count_arg(const ParsedArgs& a, const std::string& name, long def) {
  if (!a.values.count(name)) return def;
  try {
    size_t used = 0;
    const std::string v = a.get(name);
    long x = std::stol(v, &used);
    if (used != v.size() || x < 0) throw std::invalid_argument(v);
    return x;
  } catch (const std::exception&) {
    return usage_error("--" + name + " expects a non-negative integer, not '" + a.get(name) + "'");
  }
}

Status ensure_parent(const std::string& path) {
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return internal_error("cannot create " + parent.string() + ": " + ec.message());
  return {};
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace framelens
