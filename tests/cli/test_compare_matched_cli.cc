// compare --matched on a generated corpus with two planted effects (the C++ twin of
// scripts/gen_story_corpus.py): a within-story framing difference (Daily Ledger describes every
// event in loaded words of its own voice, The Courier in neutral ones) and a topic-selection
// difference (the Ledger covers mostly crime events, whose write-ups are longer; the Courier
// mostly economy events). The matched comparison must find the first and not the second; the
// pooled comparison finds both. Also the story grouping's pairwise precision and recall.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <cctype>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzer/cli/commands.h"
#include "../test_temp.h"

using namespace framelens;

namespace {

const std::vector<std::string> kFirst = {"Maria", "John", "Aisha", "Peter", "Elena", "Tomas", "Grace", "Victor",
                                         "Nadia", "Oscar", "Lena", "Hugo", "Irene", "Marco", "Sara", "Felix"};
const std::vector<std::string> kPlaces = {"Ashford", "Brenton", "Calder", "Dunmore", "Elwick", "Farley", "Glenrock",
                                          "Harwood", "Ingleby", "Jarrow", "Kilbride", "Larkhall", "Marston",
                                          "Norwood", "Oakridge", "Pemberton"};
const std::map<std::string, std::vector<std::string>> kTopicWords = {
    {"crime", {"robbery", "burglary", "arrest", "suspects", "detectives", "warrant", "court", "trial", "verdict",
               "prison", "smuggling", "fraud", "theft", "assault", "investigation", "evidence"}},
    {"economy", {"budget", "tariff", "inflation", "wages", "factory", "exports", "taxes", "subsidy", "deficit",
                 "pension", "market", "investment", "jobs", "unemployment", "loans", "growth"}}};
const std::map<std::string, std::vector<std::pair<std::string, std::string>>> kWording = {
    {"Daily Ledger", {{"slammed", "reckless"}, {"blasted", "disastrous"}, {"slammed", "chaotic"},
                      {"blasted", "outrageous"}}},
    {"The Courier", {{"criticised", "new"}, {"questioned", "proposed"}, {"criticised", "revised"},
                     {"questioned", "new"}}}};

std::string json_escape(const std::string& s) { return nlohmann::json(s).dump(); }

// Returns the JSON Lines corpus; every record has topic and true_story.
std::string generate(int events, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  // Made-up surnames from syllables (4,096), so unrelated events rarely share a name, as in real news.
  const std::vector<std::string> syl = {"ka", "ro", "mi", "ten", "vel", "dor", "sa", "lin",
                                        "bru", "mar", "tes", "gol", "fen", "ris", "ol", "dan"};
  auto surname = [&] {
    std::string n = pick(syl) + pick(syl) + pick(syl);
    n[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(n[0])));
    return n;
  };
  std::uniform_real_distribution<double> u(0, 1);
  std::string out;
  for (int i = 0; i < events; ++i) {
    const std::string topic = i % 2 ? "economy" : "crime";
    const std::string a1 = pick(kFirst) + " " + surname(), a2 = pick(kFirst) + " " + surname();
    const std::string last1 = a1.substr(a1.find(' ') + 1), last2 = a2.substr(a2.find(' ') + 1);
    const std::string place = pick(kPlaces) + " " + surname();
    std::vector<std::string> w = kTopicWords.at(topic);
    std::shuffle(w.begin(), w.end(), rng);
    const int day = 1 + i / 4;
    std::vector<std::string> outlets;
    if (u(rng) < (topic == "crime" ? 0.9 : 0.35)) outlets.push_back("Daily Ledger");
    if (u(rng) < (topic == "economy" ? 0.9 : 0.35)) outlets.push_back("The Courier");
    for (size_t k = 0; k < outlets.size(); ++k) {
      const auto& [verb, adj] = kWording.at(outlets[k])[rng() % 4];
      const std::string title = last1 + " " + verb + " " + w[0] + " plan over " + w[1];
      std::vector<std::string> s = {
          "Senator " + a1 + " " + verb + " the " + adj + " " + w[0] + " plan on " + w[1] + " in " + place + ".",
          a2 + ", the mayor, said the " + w[0] + " plan would affect " + w[2] + " and " + w[3] + ".",
          "\"We will not accept this plan,\" " + last1 + " said.",
          "The " + adj + " plan follows months of " + w[4] + " over " + w[5] + " in " + place + "."};
      if (topic == "crime") {
        s.push_back("Police said the " + w[2] + " and the " + w[3] + " were linked to " + w[4] + ".");
        s.push_back(last2 + " said more " + w[5] + " were expected in " + place + ".");
        s.push_back("The case returns to court in " + place + " next month.");
      }
      std::shuffle(s.begin() + 1, s.end(), rng);
      std::string text = title + "\n\n";
      for (const auto& x : s) text += x + " ";
      const int d = day + static_cast<int>(rng() % 3);
      char date[16];
      std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + (d - 1) / 28, 1 + (d - 1) % 28);
      out += "{\"id\":\"g" + std::to_string(i) + "-" + std::to_string(k) + "\",\"outlet\":\"" + outlets[k] +
             "\",\"date\":\"" + date + "\",\"title\":" + json_escape(title) + ",\"text\":" + json_escape(text) +
             ",\"topic\":\"" + topic + "\",\"true_story\":\"e" + std::to_string(i) + "\"}\n";
    }
  }
  return out;
}

int run_cli_args(std::vector<std::string> args, std::string* out = nullptr) {
  std::ostringstream o, e;
  CliContext ctx{"framelens", o, e};
  const int code = run_cli(args, ctx);
  if (out) *out = o.str() + e.str();
  return code;
}

// Rows of a compare CSV for one metric key: (significant, diff, low, high, stories).
struct Row {
  bool significant = false;
  double diff = 0, low = 0, high = 0;
  std::string stories;
};
std::map<std::string, Row> compare_rows(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::map<std::string, Row> rows;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> c;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) c.push_back(cell);
    if (line.back() == ',') c.push_back("");
    if (c.size() < 21) continue;  // a quoted cell with a comma: not one of the metrics checked here
    Row r;
    r.diff = std::stod(c[12]);
    r.low = std::stod(c[13]);
    r.high = std::stod(c[14]);
    r.significant = c[15] == "TRUE";  // CSV booleans are TRUE/FALSE (docs/csv.md)
    r.stories = c[20];
    rows[c[0] + "/" + c[1]] = r;
  }
  return rows;
}

}  // namespace

TEST_CASE("compare --matched finds a within-story difference and not a topic-selection one", "[cli][compare][stories]") {
  framelens_test::TempDir t("framelens-matched");
  {
    std::ofstream f(t.file("corpus.jsonl"));
    f << generate(160, 7);
  }
  REQUIRE(run_cli_args({"batch", t.file("corpus.jsonl"), "--out", t.file("o"), "--models", FRAMELENS_SOURCE_MODELS_DIR,
                        "--keep-fields", "topic,true_story", "-q"}) == 0);
  std::string out;
  REQUIRE(run_cli_args({"compare", t.file("o"), "--outlets", "Daily Ledger,The Courier"}, &out) == 0);
  REQUIRE(run_cli_args({"compare", t.file("o"), "--outlets", "Daily Ledger,The Courier", "--matched"}, &out) == 0);
  INFO(out);
  auto pooled = compare_rows(t.file("o/compare-outlet-Daily_Ledger-vs-The_Courier.csv"));
  auto matched = compare_rows(t.file("o/compare-outlet-Daily_Ledger-vs-The_Courier-matched.csv"));
  // Framing: the Ledger's own-voice loaded wording, within the same stories.
  REQUIRE(matched.count("own_voice_per_1000/"));
  CHECK(matched["own_voice_per_1000/"].low > 0);
  CHECK(matched["own_voice_per_1000/"].significant);
  CHECK(std::stoi(matched["own_voice_per_1000/"].stories) >= 20);
  CHECK(pooled["own_voice_per_1000/"].significant);
  // Topic selection: longer crime write-ups make the Ledger's articles longer on average ...
  REQUIRE(pooled.count("words_per_article/"));
  CHECK(pooled["words_per_article/"].significant);
  CHECK(pooled["words_per_article/"].low > 0);
  // ... but not within a story.
  REQUIRE(matched.count("words_per_article/"));
  CHECK_FALSE(matched["words_per_article/"].significant);
  CHECK(matched["words_per_article/"].low <= 0);
  CHECK(matched["words_per_article/"].high >= 0);

  // Story grouping against the known events: pairwise precision and recall.
  std::ifstream in(t.file("o/articles.csv"));
  std::string line;
  std::getline(in, line);
  std::map<std::string, std::string> truth, found;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string story = line.substr(line.rfind(',') + 1);
    const std::string rest = line.substr(0, line.rfind(','));
    const std::string event = rest.substr(rest.rfind(',') + 1);
    const std::string id = line.substr(0, line.find(','));
    truth[id] = event;
    found[id] = story;
  }
  REQUIRE(truth.size() > 150);
  long tp = 0, fp = 0, fn = 0;
  for (auto i = truth.begin(); i != truth.end(); ++i) {
    for (auto j = std::next(i); j != truth.end(); ++j) {
      const bool same_true = i->second == j->second, same_found = found[i->first] == found[j->first];
      tp += same_true && same_found;
      fp += !same_true && same_found;
      fn += same_true && !same_found;
    }
  }
  const double precision = static_cast<double>(tp) / static_cast<double>(tp + fp);
  const double recall = static_cast<double>(tp) / static_cast<double>(tp + fn);
  INFO("pairs: tp " << tp << " fp " << fp << " fn " << fn);
  CHECK(precision >= 0.9);
  CHECK(recall >= 0.9);
}
