#include <iostream>
#include <map>
#include <functional>

#include "analyzer/cli/commands.h"
#include "analyzer/core/build_info.h"
#include "analyzer/core/error.h"
#include "analyzer/cli/model_paths.h"
#include "analyzer/report/provenance.h"

namespace framelens {

int cmd_aggregate(const std::vector<std::string>& args, CliContext& ctx);
int cmd_compare(const std::vector<std::string>& args, CliContext& ctx);

const char* const kExitCodesHelp =
    "Exit codes:\n"
    "  0  success\n"
    "  1  finished, but some input records were skipped (batch)\n"
    "  2  usage error (bad command line)\n"
    "  3  input error (missing or unreadable file, empty text, invalid UTF-8 or JSON, a record\n"
    "     over the size limit)\n"
    "  4  model error (models folder missing or unreadable, corrupt model file)\n"
    "  5  internal error (I/O failure on output, bug)\n";

namespace {

const char* const kTopHelp =
    "Usage: framelens COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Media bias and framing analysis with evidence: loaded wording, quotes and their speakers,\n"
    "actors and the stance toward them, frames and leaning, each with its character span.\n"
    "\n"
    "Commands:\n"
    "  score PATH|-        analyse one article (.txt, .json, or stdin); JSON, text or HTML\n"
    "  batch INPUT...      analyse many articles (JSON Lines, .gz, folders) into CSV tables;\n"
    "                      --jsonl streams stdin -> stdout for Spark/Hadoop/GNU parallel\n"
    "  aggregate SHARD...  merge --jsonl shard outputs into the outlet tables (--out DIR)\n"
    "  compare DIR         differences between two outlets or groups, with intervals\n"
    "  train TASK          train a model from the research corpora\n"
    "  eval TASK           evaluate a model or stage on a labelled corpus\n"
    "\n"
    "Options:\n"
    "  -h, --help          show this help (or COMMAND --help, or help COMMAND)\n"
    "  --version           print the version, git commit and model files with SHA-256\n"
    "\n"
    "Examples:\n"
    "  framelens score corpora/samples/envoy-talks.txt --format text\n"
    "  framelens batch articles.jsonl.gz --out results/\n"
    "  framelens batch --jsonl < shard.jsonl > shard.out.jsonl\n"
    "  framelens compare results/ --outlets \"Capital Courier,The Harbor Ledger\"\n"
    "\n";

}  // namespace

int run_cli(const std::vector<std::string>& args, CliContext& ctx) {
  if (args.empty()) {
    ctx.err << kTopHelp << kExitCodesHelp;
    return static_cast<int>(ErrorKind::Usage);
  }
  // `framelens help COMMAND [TASK]` is `framelens COMMAND [TASK] --help`.
  if (args[0] == "help" && args.size() > 1) {
    std::vector<std::string> again(args.begin() + 1, args.end());
    again.push_back("--help");
    return run_cli(again, ctx);
  }
  const std::string& cmd = args[0];
  if (cmd == "-h" || cmd == "--help" || (cmd == "help" && args.size() == 1)) {
    ctx.out << kTopHelp << kExitCodesHelp;
    return 0;
  }
  if (cmd == "--version" || cmd == "version") {
    // Version, commit and the default model files with their SHA-256 (what `sha256sum` prints);
    // --models DIR names another folder.
    std::string models;
    for (size_t i = 1; i + 1 < args.size(); ++i) {
      if (args[i] == "--models") models = args[i + 1];
    }
    ctx.out << "framelens " << build_version() << "\ncommit " << build_commit() << "\n";
    auto prov = collect_provenance(resolve_models_dir(models, ctx.argv0), {});
    if (!prov) {
      ctx.err << "framelens: " << prov.error().message << "\n";
      return static_cast<int>(prov.error().kind);
    }
    ctx.out << "models " << prov->models_dir << "\n";
    for (const auto& m : prov->models) ctx.out << m.sha256 << "  " << m.path << "  " << m.bytes << "\n";
    return 0;
  }
  static const std::map<std::string, std::function<int(const std::vector<std::string>&, CliContext&)>>
      commands = {{"score", cmd_score}, {"batch", cmd_batch}, {"train", cmd_train},
                  {"eval", cmd_eval},
                  {"aggregate", cmd_aggregate}, {"compare", cmd_compare}};
  auto it = commands.find(cmd);
  if (it == commands.end()) {
    ctx.err << "framelens: unknown command '" << cmd << "' (see framelens --help)\n";
    return static_cast<int>(ErrorKind::Usage);
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    return it->second(rest, ctx);
  } catch (const std::bad_alloc&) {
    ctx.err << "framelens " << cmd << ": out of memory\n";
  } catch (const std::exception& e) {
    ctx.err << "framelens " << cmd << ": internal error: " << e.what() << "\n";
  }
  return static_cast<int>(ErrorKind::Internal);
}

}  // namespace framelens
