#pragma once
// `framelens train TASK` and `framelens eval TASK` dispatch to these tables. Each task's CLI glue
// lives in analyzer/cli/task_<area>.cc and calls library code in its pipeline folder.
#include <string>
#include <vector>

#include "analyzer/cli/commands.h"

namespace framelens {

struct CliTask {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args, CliContext& ctx);
};

const std::vector<CliTask>& train_tasks();
const std::vector<CliTask>& eval_tasks();

}  // namespace framelens
