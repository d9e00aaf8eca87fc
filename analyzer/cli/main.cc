// framelens entry point: everything else lives in the library; only this file exits.
#include <iostream>
#include <string>
#include <vector>

#include "analyzer/cli/commands.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  framelens::CliContext ctx{argc > 0 ? argv[0] : "framelens", std::cout, std::cerr};
  int rc = framelens::run_cli(args, ctx);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "framelens: error writing standard output\n";
    return 5;
  }
  return rc;
}
