#include "analyzer/terms/seed_terms.h"

namespace framelens::terms {

std::string_view category_name(TermCategory c) {
  switch (c) {
    case TermCategory::Loaded: return "loaded";
    case TermCategory::Labeling: return "labeling";
    case TermCategory::Intensifier: return "intensifier";
    case TermCategory::ReportingVerb: return "reporting_verb";
    case TermCategory::Hedge: return "hedge";
    case TermCategory::ScareQuote: return "scare_quote";
  }
  return "loaded";
}

namespace {

using C = TermCategory;

// Name-calling: nouns and adjectives that put a label on people or groups.
constexpr std::string_view kLabeling[] = {
    "regime", "thug", "thugs", "radical", "radicals", "extremist", "extremists", "zealot", "zealots",
    "fanatic", "fanatics", "demagogue", "tyrant", "dictator", "puppet", "puppets", "crony", "cronies",
    "elitist", "elitists", "leftist", "leftists", "far-right", "far-left", "alt-right", "ultra-left",
    "ultra-right", "hard-line", "hardline", "hardliner", "hardliners", "snowflake", "snowflakes",
    "libtard", "libtards", "fascist", "fascists", "bigot", "bigots", "xenophobe", "xenophobic", "mob",
    "mobs", "militant", "militants", "insurrectionist", "insurrectionists", "illegals", "illegal aliens",
    "anti-vaxxer", "anti-vaxxers", "conspiracy theorist", "conspiracy theorists", "hate group",
    "white supremacist", "white supremacists", "apologist", "apologists", "stooge", "stooges", "lackey",
    "lackeys", "henchmen", "propagandist", "propagandists", "warmonger", "warmongers", "globalist",
    "globalists", "rogue state", "junta", "despot", "strongman", "agitator", "agitators", "ideologue",
    "ideologues", "loony", "lunatic", "lunatics", "crackpot", "traitor", "traitors", "racist", "racists",
    "nativist", "nativists", "socialist agenda", "radical left", "radical right", "woke"};

// Exaggeration and intensity.
constexpr std::string_view kIntensifier[] = {
    "very", "extremely", "utterly", "totally", "completely", "absolutely", "incredibly", "massive",
    "massively", "huge", "hugely", "enormous", "enormously", "unprecedented", "staggering", "blatant",
    "blatantly", "flagrant", "flagrantly", "deeply", "wildly", "record-breaking", "all-out", "full-blown",
    "of all time", "ever before", "at all costs", "by far", "sheer", "drastically", "dramatically",
    "overwhelmingly", "extraordinarily", "exceedingly", "immensely", "tremendously", "tremendous",
    "colossal", "monumental", "historic", "unparalleled", "unheard of", "so much", "far too",
    "way too", "ever", "most", "highly", "thoroughly", "entirely", "fiercely", "relentlessly",
    "relentless", "skyrocketing", "skyrocketed", "soaring", "plummeting", "plummeted", "explosion"};

// Reporting verbs that carry the writer's judgement of the speaker.
constexpr std::string_view kReportingVerb[] = {
    "claimed", "claims", "claiming", "admitted", "admits", "admitting", "insisted", "insists",
    "insisting", "conceded", "concedes", "conceding", "slammed", "slams", "slamming", "vowed", "vows",
    "vowing", "blasted", "blasts", "blasting", "lashed out", "lashes out", "boasted", "boasts",
    "bragged", "brags", "touted", "touts", "railed", "rails against", "ranted", "decried", "decries",
    "denounced", "denounces", "scoffed", "whined", "complained", "asserted", "asserts", "contended",
    "confessed", "fumed", "raged", "ripped", "rips", "trashed", "mocked", "mocks", "derided",
    "smeared", "doubled down", "doubles down", "bashed", "bashes", "grumbled", "griped", "lamented",
    "proclaimed", "stormed", "hit out"};

// Hedges and doubt: distance the writer from a claim or a name.
constexpr std::string_view kHedge[] = {
    "so-called", "alleged", "allegedly", "purported", "purportedly", "supposed", "supposedly",
    "reportedly", "self-proclaimed", "self-styled", "self-described", "would-be", "ostensibly",
    "ostensible", "seemingly", "what he called", "what she called", "what they called",
    "what it called", "dubbed", "apparently", "questionable", "dubious", "unproven", "unverified",
    "unsubstantiated", "claimed to be", "in name only"};

std::vector<SeedTerm> build() {
  std::vector<SeedTerm> out;
  for (auto p : kLabeling) out.push_back({p, C::Labeling});
  for (auto p : kIntensifier) out.push_back({p, C::Intensifier});
  for (auto p : kReportingVerb) out.push_back({p, C::ReportingVerb});
  for (auto p : kHedge) out.push_back({p, C::Hedge});
  return out;
}

}  // namespace

const std::vector<SeedTerm>& seed_terms() {
  static const std::vector<SeedTerm> seeds = build();
  return seeds;
}

}  // namespace framelens::terms
