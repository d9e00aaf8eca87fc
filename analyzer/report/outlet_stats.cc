#include "analyzer/report/outlet_stats.h"

#include <algorithm>
#include <set>

#include "analyzer/report/csv_writer.h"
#include "analyzer/report/json_writer.h"

namespace framelens {

namespace {

using json = nlohmann::json;

size_t speaker_type_index(std::string_view type) {
  for (size_t i = 0; i + 2 < kSpeakerTypes.size(); ++i) {
    if (kSpeakerTypes[i] == type) return i;
  }
  return kSpeakerTypes.size() - 2;  // "other"
}
constexpr size_t kUnattributed = kSpeakerTypes.size() - 1;

std::string str_or_empty(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

int32_t int_or_zero(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<int32_t>() : 0;
}

double num_or_zero(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

void finish(ArticleFigures& f) {
  f.key = article_key(f.meta, f.stats.chars, f.stats.words);
  f.weights = poisson_weights(f.key);
}

}  // namespace

void ActorAcc::add_stance(double score, uint64_t key, const BootWeights& w) {
  if (++stance_n == 1) {
    first_stance = score;
    first_key = key;
    return;
  }
  if (!stance) {
    stance = std::make_unique<std::array<SumAcc, 2>>();
    const BootWeights first = poisson_weights(first_key);
    (*stance)[0].add(first_stance, first);
    (*stance)[1].add(1, first);
  }
  (*stance)[0].add(score, w);
  (*stance)[1].add(1, w);
}

std::shared_ptr<const std::array<SumAcc, 2>> ActorAcc::stance_sums() const {
  auto out = std::make_shared<std::array<SumAcc, 2>>();
  if (stance) {
    *out = *stance;
  } else if (stance_n == 1) {
    const BootWeights w = poisson_weights(first_key);
    (*out)[0].add(first_stance, w);
    (*out)[1].add(1, w);
  }
  return out;
}

void ActorAcc::merge(const ActorAcc& o) {
  if (type.empty()) type = o.type;
  articles += o.articles;
  mentions += o.mentions;
  quoted += o.quoted;
  hero += o.hero;
  villain += o.villain;
  victim += o.victim;
  if (o.stance_n == 0) return;
  if (stance_n == 0 && o.stance_n == 1) {
    stance_n = 1;
    first_stance = o.first_stance;
    first_key = o.first_key;
    return;
  }
  if (!stance) stance = std::make_unique<std::array<SumAcc, 2>>(*stance_sums());
  const auto add = o.stance_sums();
  (*stance)[0].merge((*add)[0]);
  (*stance)[1].merge((*add)[1]);
  stance_n += o.stance_n;
}

void GroupAcc::merge(const GroupAcc& o) {
  articles += o.articles;
  words += o.words;
  for (auto [d, s] : {std::pair{&article_n, &o.article_n}, {&words_sum, &o.words_sum}, {&own_terms, &o.own_terms},
                      {&quoted_terms, &o.quoted_terms}, {&sentences, &o.sentences}, {&biased, &o.biased},
                      {&quotes, &o.quotes}, {&cued, &o.cued}, {&loaded_cues, &o.loaded_cues}, {&mfc_n, &o.mfc_n},
                      {&generic_n, &o.generic_n}, {&leaning_n, &o.leaning_n}}) {
    d->merge(*s);
  }
  for (size_t t = 0; t < quote_type.size(); ++t) quote_type[t].merge(o.quote_type[t]);
  for (size_t i = 0; i < leaning.size(); ++i) leaning[i].merge(o.leaning[i]);
  for (const auto& [l, acc] : o.mfc) mfc[l].merge(acc);
  for (const auto& [l, acc] : o.generic) generic[l].merge(acc);
  for (const auto& [name, acc] : o.actors) actors[name].merge(acc);
}

uint64_t article_key(const DocMeta& m, int32_t chars, int32_t words) {
  return KeyHash().add(m.id).add(m.title).add(m.outlet).add(m.date).add(m.url).add(chars).add(words).value();
}

// Scores as the JSON keeps them (6 decimals), so figures from a Document and from its JSON line
// are equal and `batch`, `aggregate`, the Dask runner and `--resume` sum the same numbers.
ArticleFigures figures_from_document(const Document& d) {
  ArticleFigures f;
  f.meta = d.meta;
  f.stats = compute_stats(d);
  f.stats.own_voice_per_1000 = round_score(f.stats.own_voice_per_1000);
  f.stats.quoted_per_1000 = round_score(f.stats.quoted_per_1000);
  for (const auto& q : d.quotes) {
    size_t t = kUnattributed;
    if (q.speaker) {
      const int a = q.speaker->actor;
      t = a >= 0 && a < static_cast<int>(d.actors.size()) ? speaker_type_index(d.actors[a].type)
                                                          : speaker_type_index("");
    }
    ++f.quotes_by_type[t];
    f.quotes_with_cue += q.cue.has_value();
  }
  f.has_mfc = !d.frames_mfc.empty();
  f.has_generic = !d.frames_generic.empty();
  for (const auto& fr : d.frames_mfc) if (fr.selected) f.mfc.push_back(fr.label);
  for (const auto& fr : d.frames_generic) if (fr.selected) f.generic.push_back(fr.label);
  f.leaning = d.leaning;
  for (double* x : {&f.leaning.left, &f.leaning.center, &f.leaning.right}) *x = round_score(*x);
  for (const auto& a : d.actors) {
    f.actors.push_back({a.entity.empty() ? a.name : a.entity, a.type, a.role, static_cast<int32_t>(a.mentions.size()), a.quoted,
                        a.stance.present, round_score(a.stance.score)});
  }
  finish(f);
  return f;
}

Result<ArticleFigures> figures_from_json(const json& j) {
  if (!j.is_object()) return input_error("expected a JSON object");
  if (j.contains("error")) return input_error("an error record");
  try {
    ArticleFigures f;
    f.meta = {str_or_empty(j, "id"), str_or_empty(j, "title"), str_or_empty(j, "outlet"),
              str_or_empty(j, "date"), str_or_empty(j, "url")};
    f.story = str_or_empty(j, "story_id");
    if (auto fl = j.find("fields"); fl != j.end() && fl->is_object()) {
      for (const auto& [k, v] : fl->items()) f.meta.fields.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
    }
    const json& st = j.at("stats");
    f.stats.chars = int_or_zero(st, "chars");
    f.stats.words = int_or_zero(st, "words");
    f.stats.sentences = int_or_zero(st, "sentences");
    f.stats.paragraphs = int_or_zero(st, "paragraphs");
    f.stats.quotes = int_or_zero(st, "quotes");
    f.stats.biased_sentences = int_or_zero(st, "biased_sentences");
    if (auto l = st.find("loadedness"); l != st.end() && l->is_object()) {
      f.stats.terms_measured = true;
      f.stats.own_voice_terms = int_or_zero(*l, "own_voice_terms");
      f.stats.quoted_terms = int_or_zero(*l, "quoted_terms");
      f.stats.own_voice_per_1000 = num_or_zero(*l, "own_voice_per_1000");
      f.stats.quoted_per_1000 = num_or_zero(*l, "quoted_per_1000");
      f.stats.paraphrased_terms = int_or_zero(*l, "paraphrased_terms");
      f.stats.headline_terms = int_or_zero(*l, "headline_terms");
      f.stats.quoted_direct_terms = int_or_zero(*l, "quoted_direct_terms");
      f.stats.quoted_partial_terms = int_or_zero(*l, "quoted_partial_terms");
      f.stats.scare_quote_terms = int_or_zero(*l, "scare_quote_terms");
      f.stats.paraphrased_per_1000 = num_or_zero(*l, "paraphrased_per_1000");
      f.stats.headline_per_1000 = num_or_zero(*l, "headline_per_1000");
    }
    std::map<std::string, std::string> actor_type;
    if (auto a = j.find("actors"); a != j.end() && a->is_array()) {
      for (const auto& x : *a) {
        ActorFigure af;
        af.name = str_or_empty(x, "entity");
        if (af.name.empty()) af.name = str_or_empty(x, "name");
        af.type = str_or_empty(x, "type");
        af.role = str_or_empty(x, "role");
        if (auto m = x.find("mentions"); m != x.end() && m->is_array()) af.mentions = static_cast<int32_t>(m->size());
        af.quoted = int_or_zero(x, "quoted");
        if (auto s = x.find("stance"); s != x.end() && s->is_object()) {
          af.stance_present = true;
          af.stance = num_or_zero(*s, "score");
        }
        actor_type[str_or_empty(x, "id")] = af.type;
        f.actors.push_back(std::move(af));
      }
    }
    if (auto q = j.find("quotes"); q != j.end() && q->is_array()) {
      for (const auto& x : *q) {
        size_t t = kUnattributed;
        if (auto sp = x.find("speaker"); sp != x.end() && sp->is_object()) {
          auto it = actor_type.find(str_or_empty(*sp, "actor"));
          t = speaker_type_index(it == actor_type.end() ? "" : it->second);
        }
        ++f.quotes_by_type[t];
        f.stats.direct_quotes += str_or_empty(x, "kind") == "direct";
        if (auto c = x.find("cue"); c != x.end() && c->is_object()) {
          ++f.quotes_with_cue;
          auto lo = c->find("loaded");
          f.stats.loaded_cues += lo != c->end() && lo->is_boolean() && lo->get<bool>();
        }
      }
    }
    if (auto fr = j.find("frames"); fr != j.end() && fr->is_object()) {
      for (auto [key, has, out] : {std::tuple{"mfc", &f.has_mfc, &f.mfc}, {"generic", &f.has_generic, &f.generic}}) {
        auto arr = fr->find(key);
        if (arr == fr->end() || !arr->is_array()) continue;
        *has = !arr->empty();
        for (const auto& x : *arr) {
          auto sel = x.find("selected");
          if (sel != x.end() && sel->is_boolean() && sel->get<bool>()) out->push_back(str_or_empty(x, "label"));
        }
      }
    }
    if (auto l = j.find("leaning"); l != j.end() && l->is_object()) {
      f.leaning.label = str_or_empty(*l, "label");
      if (auto s = l->find("scores"); s != l->end() && s->is_object()) {
        f.leaning.left = num_or_zero(*s, "left");
        f.leaning.center = num_or_zero(*s, "center");
        f.leaning.right = num_or_zero(*s, "right");
      }
      auto ln = l->find("lean");
      f.leaning.lean = ln != l->end() && ln->is_number() ? ln->get<double>() : f.leaning.right - f.leaning.left;
    }
    finish(f);
    return f;
  } catch (const json::exception& e) {
    return input_error(std::string("not a framelens score record (") + e.what() + ")");
  }
}

bool builtin_group_field(std::string_view field) {
  return field == "outlet" || field == "date" || field == "year" || field == "month" || field == "leaning";
}

bool valid_group_field(std::string_view field) {
  return !field.empty() && field.find(',') == std::string_view::npos;
}

Result<std::string> group_value(const ArticleFigures& f, std::string_view field) {
  std::string v;
  if (field == "outlet") v = f.meta.outlet;
  else if (field == "date") v = f.meta.date;
  else if (field == "year") v = f.meta.date.substr(0, std::min<size_t>(4, f.meta.date.size()));
  else if (field == "month") v = f.meta.date.substr(0, std::min<size_t>(7, f.meta.date.size()));
  else if (field == "leaning") v = f.leaning.label;
  else if (!valid_group_field(field)) return usage_error("cannot group by '" + std::string(field) + "'");
  else {
    for (const auto& [k, val] : f.meta.fields) {
      if (k == field) v = val;
    }
  }
  if (v.empty()) v = "(none)";
  return v;
}

Status GroupStats::add(const ArticleFigures& f) {
  auto key = group_value(f, field_);
  if (!key) return key.error();
  GroupAcc& g = groups_[*key];
  const BootWeights& w = f.weights;
  ++articles_;
  without_value_ += *key == "(none)";
  ++g.articles;
  g.words += f.stats.words;
  g.article_n.add(1, w);
  g.words_sum.add(f.stats.words, w);
  g.sentences.add(f.stats.sentences, w);
  if (f.stats.terms_measured) {  // articles without the loaded-wording layer are not 0, they are out
    g.own_terms.add(f.stats.own_voice_terms, w);
    g.quoted_terms.add(f.stats.quoted_terms, w);
    g.paraphrased_terms.add(f.stats.paraphrased_terms, w);
    g.headline_terms.add(f.stats.headline_terms, w);
    g.biased.add(f.stats.biased_sentences, w);
    g.terms_words.add(f.stats.words, w);
    g.terms_sentences.add(f.stats.sentences, w);
  }
  int32_t quotes = 0;
  for (size_t t = 0; t < kSpeakerTypes.size(); ++t) {
    g.quote_type[t].add(f.quotes_by_type[t], w);
    quotes += f.quotes_by_type[t];
  }
  g.quotes.add(quotes, w);
  g.cued.add(f.quotes_with_cue, w);
  g.loaded_cues.add(f.stats.loaded_cues, w);
  if (f.has_mfc) {
    g.mfc_n.add(1, w);
    for (const auto& l : f.mfc) g.mfc[l].add(1, w);
  }
  if (f.has_generic) {
    g.generic_n.add(1, w);
    for (const auto& l : f.generic) g.generic[l].add(1, w);
  }
  if (!f.leaning.label.empty()) {
    g.leaning_n.add(1, w);
    g.lean_sum.add(f.leaning.lean, w);
    for (size_t i = 0; i < kLeanings.size(); ++i) {
      if (f.leaning.label == kLeanings[i]) g.leaning[i].add(1, w);
    }
  }
  // An actor counts once per article, even if the article lists the name twice.
  std::set<std::string_view> seen;
  for (const auto& a : f.actors) {
    if (a.name.empty() || !seen.insert(a.name).second) continue;
    ActorAcc& acc = g.actors[a.name];
    if (acc.type.empty()) acc.type = a.type;
    ++acc.articles;
    acc.mentions += a.mentions;
    acc.quoted += a.quoted;
    acc.hero += a.role == "hero";
    acc.villain += a.role == "villain";
    acc.victim += a.role == "victim";
    if (a.stance_present) acc.add_stance(a.stance, f.key, w);
  }
  return {};
}

std::vector<std::string> GroupStats::top_actors(size_t k) const {
  std::map<std::string, int64_t> n;
  for (const auto& [_, g] : groups_) {
    for (const auto& [name, a] : g.actors) n[name] += a.stance_n;
  }
  std::vector<std::pair<int64_t, std::string>> v;
  for (const auto& [name, c] : n) {
    if (c > 0) v.push_back({-c, name});
  }
  std::sort(v.begin(), v.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < v.size() && i < k; ++i) out.push_back(v[i].second);
  return out;
}

std::vector<MetricKey> GroupStats::metric_keys(size_t top_k) const {
  std::vector<MetricKey> keys;
  for (const char* m : {"words_per_article", "own_voice_per_1000", "quoted_per_1000", "paraphrased_per_1000",
                        "headline_per_1000", "biased_sentence_share",
                        "quotes_per_article", "loaded_cue_share"}) {
    keys.push_back({m, ""});
  }
  for (auto t : kSpeakerTypes) keys.push_back({"quote_share", std::string(t)});
  std::set<std::string> mfc, generic;
  bool leaning = false;
  for (const auto& [_, g] : groups_) {
    for (const auto& [l, __] : g.mfc) mfc.insert(l);
    for (const auto& [l, __] : g.generic) generic.insert(l);
    leaning = leaning || g.leaning_n.sum() > 0;
  }
  for (const auto& l : mfc) keys.push_back({"frame_share_mfc", l});
  for (const auto& l : generic) keys.push_back({"frame_share_generic", l});
  if (leaning) {
    for (auto l : kLeanings) keys.push_back({"leaning_share", std::string(l)});
    keys.push_back({"lean_mean", ""});
  }
  for (const auto& a : top_actors(top_k)) keys.push_back({"actor_stance", a});
  return keys;
}

std::optional<MetricRef> GroupStats::metric(const GroupAcc& g, const MetricKey& k) const {
  static const SumAcc kZero;
  const std::string& m = k.metric;
  auto share = [&](const std::map<std::string, SumAcc>& nums, const SumAcc& den) -> std::optional<MetricRef> {
    auto it = nums.find(k.key);
    return MetricRef{it == nums.end() ? &kZero : &it->second, &den, 1.0};
  };
  if (m == "words_per_article") return MetricRef{&g.words_sum, &g.article_n, 1.0};
  if (m == "own_voice_per_1000") return MetricRef{&g.own_terms, &g.terms_words, 1000.0};
  if (m == "quoted_per_1000") return MetricRef{&g.quoted_terms, &g.terms_words, 1000.0};
  if (m == "paraphrased_per_1000") return MetricRef{&g.paraphrased_terms, &g.terms_words, 1000.0};
  if (m == "headline_per_1000") return MetricRef{&g.headline_terms, &g.terms_words, 1000.0};
  if (m == "biased_sentence_share") return MetricRef{&g.biased, &g.terms_sentences, 1.0};
  if (m == "quotes_per_article") return MetricRef{&g.quotes, &g.article_n, 1.0};
  if (m == "loaded_cue_share") return MetricRef{&g.loaded_cues, &g.cued, 1.0};
  if (m == "quote_share") {
    for (size_t t = 0; t < kSpeakerTypes.size(); ++t) {
      if (kSpeakerTypes[t] == k.key) return MetricRef{&g.quote_type[t], &g.quotes, 1.0};
    }
    return std::nullopt;
  }
  if (m == "frame_share_mfc") return share(g.mfc, g.mfc_n);
  if (m == "frame_share_generic") return share(g.generic, g.generic_n);
  if (m == "leaning_share") {
    for (size_t i = 0; i < kLeanings.size(); ++i) {
      if (kLeanings[i] == k.key) return MetricRef{&g.leaning[i], &g.leaning_n, 1.0};
    }
    return std::nullopt;
  }
  if (m == "lean_mean") return MetricRef{&g.lean_sum, &g.leaning_n, 1.0};
  if (m == "actor_stance") {
    auto it = g.actors.find(k.key);
    if (it == g.actors.end()) return std::nullopt;
    if (it->second.stance_n == 0) return std::nullopt;
    auto sums = it->second.stance_sums();
    return MetricRef{&(*sums)[0], &(*sums)[1], 1.0, sums};
  }
  return std::nullopt;
}

std::string GroupStats::outlets_csv(bool excel_safe, size_t top_k) const {
  std::string out;
  csv_header(out, {field_ == "outlet" ? "outlet" : "group", "metric", "key", "value", "ci_low", "ci_high", "n"});
  const auto keys = metric_keys(top_k);
  for (const auto& [name, g] : groups_) {
    CsvRow(out, excel_safe).text(name).text("articles").empty().integer(g.articles).empty().empty()
        .integer(g.articles).end();
    CsvRow(out, excel_safe).text(name).text("words").empty().integer(g.words).empty().empty()
        .integer(g.articles).end();
    for (const auto& k : keys) {
      auto ref = metric(g, k);
      if (!ref || ref->den->sum() == 0.0) continue;
      Interval iv = ratio_interval(*ref->num, *ref->den, ref->scale);
      CsvRow(out, excel_safe).text(name).text(k.metric).text(k.key).number(iv.value).number(iv.low)
          .number(iv.high).integer(ref->den->n()).end();
    }
  }
  return out;
}

std::string GroupStats::actor_stance_csv(bool excel_safe) const {
  std::string out;
  csv_header(out, {field_ == "outlet" ? "outlet" : "group", "actor", "actor_type", "articles", "mentions",
                   "quoted", "stance_n", "mean_stance", "ci_low", "ci_high", "hero", "villain", "victim"});
  for (const auto& [name, g] : groups_) {
    std::vector<std::pair<int64_t, const std::string*>> order;
    for (const auto& [actor, a] : g.actors) order.push_back({-a.articles, &actor});
    std::stable_sort(order.begin(), order.end(), [](auto& x, auto& y) { return x.first < y.first; });
    for (const auto& [_, actor] : order) {
      const ActorAcc& a = g.actors.at(*actor);
      CsvRow row(out, excel_safe);
      row.text(name).text(*actor).text(a.type).integer(a.articles).integer(a.mentions).integer(a.quoted)
          .integer(a.stance_n);
      if (a.stance_n > 0) {
        const auto sums = a.stance_sums();
        Interval iv = ratio_interval((*sums)[0], (*sums)[1]);
        row.number(iv.value).number(iv.low).number(iv.high);
      } else {
        row.empty().empty().empty();
      }
      row.integer(a.hero).integer(a.villain).integer(a.victim).end();
    }
  }
  return out;
}

}  // namespace framelens
