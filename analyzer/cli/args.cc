#include "analyzer/cli/args.h"

namespace framelens {

Result<ParsedArgs> parse_args(const std::vector<std::string>& args, const std::vector<OptionSpec>& spec,
                              const std::string& command) {
  ParsedArgs out;
  auto find = [&](const std::string& name, char shrt) -> const OptionSpec* {
    for (const auto& s : spec) {
      if ((!name.empty() && s.name == name) || (shrt && s.short_name == shrt)) return &s;
    }
    return nullptr;
  };
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_positional || a == "-" || a.size() < 2 || a[0] != '-') {
      out.positional.push_back(a);
      continue;
    }
    if (a == "--") { only_positional = true; continue; }
    std::string name, value;
    bool has_value = false;
    const OptionSpec* s = nullptr;
    if (a[1] == '-') {
      name = a.substr(2);
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_value = true;
      }
      s = find(name, 0);
    } else {
      s = find("", a[1]);
      if (s && a.size() > 2) { value = a.substr(2); has_value = true; }
    }
    if (!s) return usage_error("unknown option '" + a + "' (see framelens " + command + " --help)");
    if (s->takes_value) {
      if (!has_value) {
        if (i + 1 >= args.size()) return usage_error("option --" + s->name + " needs a value");
        value = args[++i];
      }
      out.values[s->name] = value;
    } else {
      if (has_value) return usage_error("option --" + s->name + " takes no value");
      out.flags.insert(s->name);
    }
  }
  return out;
}

}  // namespace framelens
