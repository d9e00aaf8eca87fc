#pragma once
// Hand-written seed lists per category. They are features for the learned term model and decide a
// term's category; they never set a score (scores are learned, see term_table.h).
#include <string>
#include <string_view>
#include <vector>

namespace framelens::terms {

enum class TermCategory : uint8_t { Loaded, Labeling, Intensifier, ReportingVerb, Hedge, ScareQuote };
constexpr int kNumCategories = 6;

std::string_view category_name(TermCategory c);

struct SeedTerm {
  std::string_view phrase;  // lower case, tokens separated by single spaces ("lashed out")
  TermCategory category;
};

// Hedges, loaded reporting verbs and labels are reported whatever their learned score (the seed
// list itself says they carry a judgement; the score then says how strongly). Loaded words and
// intensifiers need the learned score to reach the table's threshold.
inline bool always_reported(TermCategory c) {
  return c == TermCategory::Hedge || c == TermCategory::ReportingVerb || c == TermCategory::Labeling;
}

// All seeds (every category except ScareQuote, which comes from the quotes layer).
const std::vector<SeedTerm>& seed_terms();

}  // namespace framelens::terms
