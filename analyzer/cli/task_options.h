#pragma once
// Small helpers shared by the train/eval task glue (analyzer/cli/task_*.cc): numeric options with a
// usage error naming the flag, output folders, and figure formatting.
#include <chrono>
#include <string>
#include <vector>

#include "analyzer/cli/args.h"
#include "analyzer/core/error.h"
#include "analyzer/core/format.h"  // fmt3, for the task files

namespace framelens {

// The value of --NAME as a number, `def` when absent; a usage error when it is not a number.
Result<double> number_arg(const ParsedArgs& a, const std::string& name, double def);
// The value of --NAME as a non-negative integer, `def` when absent.
Result<long> count_arg(const ParsedArgs& a, const std::string& name, long def);
// The value of --NAME as a comma-separated list of numbers ("1e-5,1e-4"), `def` when absent.
Result<std::vector<double>> number_list_arg(const ParsedArgs& a, const std::string& name, std::vector<double> def);
// Creates the folder that will hold `path`.
Status ensure_parent(const std::string& path);
double seconds_since(std::chrono::steady_clock::time_point t0);

}  // namespace framelens
