#include <catch2/catch.hpp>

#include "analyzer/cli/task_options.h"

using namespace framelens;

TEST_CASE("task options: comma-separated number lists", "[cli]") {
  ParsedArgs a;
  auto def = number_list_arg(a, "l2", {2e-5});
  REQUIRE(def.ok());
  CHECK(*def == std::vector<double>{2e-5});

  a.values["l2"] = "1e-5,3e-4,0.5";
  auto l = number_list_arg(a, "l2", {});
  REQUIRE(l.ok());
  CHECK(*l == std::vector<double>{1e-5, 3e-4, 0.5});

  a.values["l2"] = "1e-5,abc";
  CHECK_FALSE(number_list_arg(a, "l2", {}).ok());
  a.values["l2"] = "1e-5,";
  CHECK_FALSE(number_list_arg(a, "l2", {}).ok());
  a.values["l2"] = "3x";
  CHECK_FALSE(number_list_arg(a, "l2", {}).ok());
}
