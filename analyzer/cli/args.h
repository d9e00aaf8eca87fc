#pragma once
// A small, strict command-line parser: --name VALUE, --name=VALUE, boolean --flag, and
// positionals. Unknown options are a usage error, never silently ignored.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyzer/core/error.h"

namespace framelens {

struct OptionSpec {
  std::string name;     // without leading dashes
  bool takes_value;
  char short_name = 0;  // e.g. 'j' for -j
};

struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;
  std::set<std::string> flags;

  bool has(const std::string& n) const { return flags.count(n) || values.count(n); }
  std::string get(const std::string& n, const std::string& def = "") const {
    auto it = values.find(n);
    return it == values.end() ? def : it->second;
  }
};

Result<ParsedArgs> parse_args(const std::vector<std::string>& args, const std::vector<OptionSpec>& spec,
                              const std::string& command);

}  // namespace framelens
