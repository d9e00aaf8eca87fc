#include <ostream>

#include "analyzer/cli/common.h"
#include "analyzer/cli/tasks.h"

namespace framelens {

// Task entry points (defined in analyzer/cli/task_*.cc).
// -- add declarations here --
int task_eval_quotes(const std::vector<std::string>&, CliContext&);
int task_eval_actors(const std::vector<std::string>& args, CliContext& ctx);
int task_train_casing(const std::vector<std::string>& args, CliContext& ctx);
int task_train_zones(const std::vector<std::string>& args, CliContext& ctx);
int task_train_entities(const std::vector<std::string>& args, CliContext& ctx);
int task_train_features(const std::vector<std::string>&, CliContext&);
int task_train_vectors(const std::vector<std::string>&, CliContext&);
int task_train_leaning(const std::vector<std::string>&, CliContext&);
int task_eval_leaning(const std::vector<std::string>&, CliContext&);
int task_train_frames(const std::vector<std::string>&, CliContext&);
int task_eval_frames(const std::vector<std::string>&, CliContext&);
int task_eval_generic(const std::vector<std::string>&, CliContext&);
int task_train_loaded(const std::vector<std::string>&, CliContext&);
int task_eval_loaded(const std::vector<std::string>&, CliContext&);
int task_train_stance(const std::vector<std::string>&, CliContext&);
int task_eval_stance(const std::vector<std::string>&, CliContext&);
int task_train_roles(const std::vector<std::string>&, CliContext&);
int task_eval_roles(const std::vector<std::string>&, CliContext&);

const std::vector<CliTask>& train_tasks() {
  static const std::vector<CliTask> tasks = {
      // -- add train tasks here --
      {"features", "shared article features: boilerplate + idf tables (AllSides train)", task_train_features},
      {"zones", "site-text lines repeated across an outlet's articles (AllSides train)", task_train_zones},
      {"entities", "surname -> the one full name a corpus uses for it (actors entity key)", task_train_entities},
      {"casing", "words written in lower case away from sentence starts (AllSides train)", task_train_casing},
      {"vectors", "fastText word vectors (AllSides train) -> vectors/words.bin", task_train_vectors},
      {"leaning", "article leaning left/center/right (AllSides), outlet-grouped CV", task_train_leaning},
      {"frames", "14 MFC frames (SemEval-2023) + 5 generic frames (narrative framing)", task_train_frames},
      {"loaded", "loaded-wording term table + sentence bias model (BABE, PTC, lexicons)", task_train_loaded},
      {"stance", "stance toward a target mention (NewsMTSC)", task_train_stance},
      {"roles", "narrative role per actor: hero/villain/victim/none (narrative framing)", task_train_roles},
  };
  return tasks;
}

const std::vector<CliTask>& eval_tasks() {
  static const std::vector<CliTask> tasks = {
      // -- add eval tasks here --
      {"quotes", "direct-quote P/R/F1 + speaker accuracy, indirect speech (PolNeAR schema)", task_eval_quotes},
      {"actors", "actors/zones on the gold set (--gold), or recall of NewsMTSC targets / PolNeAR sources", task_eval_actors},
      {"leaning", "leaning vs AllSides bias: macro-F1 + acc", task_eval_leaning},
      {"frames", "frames.mfc / frames.generic micro- and macro-F1, per-label selection rates", task_eval_frames},
      {"generic", "frames.generic alone (= eval frames --only generic)", task_eval_generic},
      {"loaded", "loaded terms span P/R/F1 + sentence macro-F1 (BABE/PTC schema)", task_eval_loaded},
      {"stance", "targets[0].stance vs NewsMTSC polarity: F1m + acc", task_eval_stance},
      {"roles", "role macro-F1 on matched actors + role-vs-none accuracy", task_eval_roles},
  };
  return tasks;
}

namespace {

int dispatch(const char* verb, const std::vector<CliTask>& tasks, const std::vector<std::string>& args,
             CliContext& ctx) {
  auto list = [&](std::ostream& os) {
    os << "Usage: framelens " << verb << " TASK [OPTIONS]   (framelens " << verb << " TASK --help)\n\nTasks:\n";
    for (const auto& t : tasks) {
      std::string n = t.name;
      n.resize(std::max<size_t>(n.size(), 12), ' ');
      os << "  " << n << "  " << t.summary << "\n";
    }
    os << "\n" << kExitCodesHelp;
  };
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    list(args.empty() ? ctx.err : ctx.out);
    return args.empty() ? static_cast<int>(ErrorKind::Usage) : 0;
  }
  for (const auto& t : tasks) {
    if (args[0] == t.name) return t.run(std::vector<std::string>(args.begin() + 1, args.end()), ctx);
  }
  ctx.err << "framelens " << verb << ": unknown task '" << args[0] << "'\n";
  list(ctx.err);
  return static_cast<int>(ErrorKind::Usage);
}

}  // namespace

int cmd_train(const std::vector<std::string>& args, CliContext& ctx) {
  return dispatch("train", train_tasks(), args, ctx);
}
int cmd_eval(const std::vector<std::string>& args, CliContext& ctx) {
  return dispatch("eval", eval_tasks(), args, ctx);
}

}  // namespace framelens
