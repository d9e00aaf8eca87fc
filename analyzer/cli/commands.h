#pragma once
// The CLI is thin: each command parses its flags and calls library code. Commands return an exit
// code; only main() exits. Output goes to the given streams so tests can run commands in-process.
#include <iosfwd>
#include <string>
#include <vector>

namespace framelens {

struct CliContext {
  std::string argv0;
  std::ostream& out;
  std::ostream& err;
};

int run_cli(const std::vector<std::string>& args, CliContext& ctx);

int cmd_score(const std::vector<std::string>& args, CliContext& ctx);
int cmd_batch(const std::vector<std::string>& args, CliContext& ctx);
int cmd_train(const std::vector<std::string>& args, CliContext& ctx);
int cmd_eval(const std::vector<std::string>& args, CliContext& ctx);

// Shared help text for exit codes.
extern const char* const kExitCodesHelp;

}  // namespace framelens
