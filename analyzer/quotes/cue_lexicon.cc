#include "analyzer/quotes/cue_lexicon.h"

namespace framelens {

namespace {

struct CueRow {
  const char* lemma;
  bool loaded;
  bool takes_object;
  bool speech;
  const char* forms;  // space separated surface forms
};

// Neutral verbs report; loaded ones add the writer's judgement of the speaker or the claim
// (AP style's warning list: claim, insist, admit, concede, allege, boast, complain ...).
constexpr CueRow kCues[] = {
    {"say", false, false, true, "say says said saying"},
    {"tell", false, true, true, "tell tells told telling"},
    {"add", false, false, true, "add adds added adding"},
    {"state", false, false, true, "state states stated stating"},
    {"note", false, false, true, "note notes noted noting"},
    {"explain", false, false, true, "explain explains explained explaining"},
    {"write", false, false, true, "write writes wrote writing"},
    {"ask", false, true, true, "ask asks asked asking"},
    {"answer", false, false, true, "answer answers answered answering"},
    {"reply", false, false, true, "reply replies replied replying"},
    {"respond", false, false, true, "respond responds responded responding"},
    {"continue", false, false, true, "continue continues continued continuing"},
    {"recall", false, false, true, "recall recalls recalled recalling"},
    {"tweet", false, false, true, "tweet tweets tweeted tweeting"},
    {"post", false, false, false, "posted"},
    {"announce", false, false, true, "announce announces announced announcing"},
    {"declare", false, false, true, "declare declares declared declaring"},
    {"report", false, false, true, "report reports reported reporting"},
    {"confirm", false, false, true, "confirm confirms confirmed confirming"},
    {"deny", false, false, true, "deny denies denied denying"},
    {"argue", false, false, true, "argue argues argued arguing"},
    {"acknowledge", false, false, true, "acknowledge acknowledges acknowledged acknowledging"},
    {"contend", false, false, true, "contend contends contended contending"},
    {"suggest", false, false, true, "suggest suggests suggested suggesting"},
    {"predict", false, false, true, "predict predicts predicted predicting"},
    {"warn", false, true, true, "warn warns warned warning"},
    {"urge", false, true, true, "urge urges urged urging"},
    {"remind", false, true, true, "remind reminds reminded reminding"},
    // "X called Y "Z"": a label the speaker put on someone (indirect quotes need a quoted label).
    {"call", false, true, true, "call calls called calling"},
    // Judgements put on someone: "X accused Y of ...", "criticized Y for ..." (reports only with the
    // reason: reported_clause's reason_follows).
    {"accuse", false, true, true, "accuse accuses accused accusing"},
    {"criticize", false, true, true, "criticize criticizes criticized criticizing criticise criticises criticised criticising"},
    {"blame", false, true, true, "blame blames blamed blaming"},
    {"praise", false, true, true, "praise praises praised praising"},
    {"condemn", false, true, true, "condemn condemns condemned condemning"},
    {"denounce", false, true, true, "denounce denounces denounced denouncing"},
    {"assure", false, true, true, "assure assures assured assuring"},
    {"promise", false, false, true, "promise promises promised promising"},
    {"pledge", false, false, true, "pledge pledges pledged pledging"},
    {"assert", false, false, true, "assert asserts asserted asserting"},
    {"maintain", false, false, true, "maintains maintained"},
    {"emphasize", false, false, true, "emphasize emphasizes emphasized emphasised stressed stresses"},
    {"observe", false, false, true, "observe observes observed"},
    {"testify", false, false, true, "testify testifies testified testifying"},
    {"recount", false, false, true, "recount recounts recounted"},
    {"describe", false, false, false, "described"},
    {"joke", false, false, true, "joke jokes joked joking"},
    {"read", false, false, false, "read reads"},
    {"chant", false, false, false, "chant chants chanted chanting"},
    {"shout", false, false, true, "shout shouts shouted shouting"},
    {"yell", false, false, true, "yell yells yelled yelling"},
    {"write back", false, false, false, "writes"},
    {"according to", false, false, true, "according"},
    {"conclude", false, false, true, "conclude concludes concluded"},
    {"agree", false, false, true, "agrees agreed"},
    {"remark", false, false, true, "remark remarks remarked"},
    {"comment", false, false, true, "commented"},
    {"exclaim", false, false, true, "exclaim exclaims exclaimed"},
    {"caution", false, true, true, "caution cautions cautioned"},
    {"counter", false, false, true, "counter counters countered"},
    {"demand", false, false, true, "demand demands demanded"},
    {"plead", false, false, true, "plead pleads pleaded"},
    {"muse", false, false, true, "mused"},
    {"reason", false, false, true, "reasoned"},
    {"elaborate", false, false, true, "elaborated"},
    {"interject", false, false, true, "interjected"},
    {"cry", false, false, true, "cried"},
    {"scream", false, false, true, "screamed"},
    {"reiterate", false, false, true, "reiterate reiterates reiterated"},
    {"indicate", false, false, true, "indicated"},
    {"estimate", false, false, true, "estimated"},
    // loaded
    {"claim", true, false, true, "claim claims claimed claiming"},
    {"insist", true, false, true, "insist insists insisted insisting"},
    {"admit", true, false, true, "admit admits admitted admitting"},
    {"concede", true, false, true, "concede concedes conceded conceding"},
    {"allege", true, false, true, "allege alleges alleged alleging"},
    {"boast", true, false, true, "boast boasts boasted boasting"},
    {"brag", true, false, true, "brag brags bragged bragging"},
    {"complain", true, false, true, "complain complains complained complaining"},
    {"slam", true, false, true, "slam slams slammed slamming"},
    {"blast", true, false, true, "blast blasts blasted blasting"},
    {"vow", true, false, true, "vow vows vowed vowing"},
    {"confess", true, false, true, "confess confesses confessed confessing"},
    {"lament", true, false, true, "lament laments lamented lamenting"},
    {"scoff", true, false, true, "scoff scoffs scoffed scoffing"},
    {"sneer", true, false, true, "sneer sneers sneered sneering"},
    {"gloat", true, false, true, "gloat gloats gloated gloating"},
    {"rant", true, false, true, "rant rants ranted ranting"},
    {"fume", true, false, true, "fume fumes fumed fuming"},
    {"quip", true, false, true, "quip quips quipped quipping"},
    {"bark", true, false, true, "bark barks barked barking"},
    {"snap", true, false, true, "snapped"},
    {"retort", true, false, true, "retort retorts retorted retorting"},
    {"charge", true, false, true, "charged"},
    {"mock", true, false, true, "mocked"},
    {"whine", true, false, true, "whine whines whined whining"},
    {"thunder", true, false, true, "thundered"},
    {"proclaim", true, false, true, "proclaim proclaims proclaimed proclaiming"},
};

struct ClassRow {
  uint16_t cls;
  const char* words;
};

constexpr ClassRow kClasses[] = {
    {kPronounPerson | kMalePronoun, "he"},
    {kPronounPerson | kFemalePronoun, "she"},
    {kPronounPerson | kPluralPronoun, "they we"},
    {kPronounPerson, "i"},
    {kRoleNoun,
     "spokesman spokeswoman spokesperson spokespeople senator governor president candidate official "
     "officials minister secretary aide aides adviser advisers advisor chairman chairwoman chair "
     "director mayor lawmaker lawmakers congressman congresswoman representative leader nominee "
     "strategist strategists analyst analysts source sources officer commissioner attorney lawyer "
     "judge professor expert experts economist ambassador general ceo executive founder president-elect "
     "manager head member members organizer organizers activist activists campaign statement "
     "spokesmen spokeswomen pollster researcher researchers author host anchor reporter columnist "
     "chief minister premier prosecutor prosecutors police sheriff diplomat envoy delegate voter voters "
     "supporter supporters critic critics democrat democrats republican republicans group "
     "administration department ministry agency committee report letter memo ad commander woman man "
     "father mother wife husband son daughter resident residents witness "
     "economists scientist scientists forecaster forecasters historian historians observer observers "
     "doctor doctors physician physicians teacher teachers student students parent parents worker "
     "workers employee employees investor investors lawyers attorneys judges diplomats advocate "
     "advocates proponent proponents opponent opponents ally allies donor donors delegates scholar "
     "scholars academics pollsters authorities investigator investigators agent agents officers "
     "soldier soldiers protester protesters demonstrators citizen citizens neighbor neighbors "
     "friend friends relative relatives colleague colleagues insider insiders commentator "
     "commentators conservatives liberals progressives economist"},
    {kDeterminer, "the a an his her their its one another our this that some several two three many every each both all most"},
    {kModifier,
     "former senior top chief deputy press campaign white house state federal local longtime "
     "presidential republican democratic foreign national party communications policy political "
     "u.s. american senior-level then-candidate vice assistant acting associate executive "
     "retired veteran gop conservative liberal new incoming outgoing interim newly-elected"},
    {kSkip,
     "also then later has had have previously recently repeatedly once further again quickly flatly "
     "simply would will did does not just only even still immediately earlier subsequently finally "
     "frequently often publicly privately reportedly angrily bluntly calmly confidently tearfully "
     "jokingly sarcastically emphatically firmly told"},
    {kTitle,
     "mr mrs ms dr sen rep gov gen lt col sgt capt captain adm prof rev atty supt insp "
     "treasurer chancellor premier deputy speaker commander director prime leader chief "
     "president senator governor secretary minister judge justice officer pastor rabbi father "
     "congressman congresswoman mayor chairman commissioner ambassador"},
    {kClauseStop,
     "who which whose that in on at during after before while when as about with to from by "
     "for into because but and or if than told says said"},
    {kPassiveAux, "was were been is are be being am"},
    {kNonSpeaker,
     "it this that there which what who whom where when here these those everyone nobody everybody "
     "anyone something nothing"},
    {kOpener,
     "meanwhile however separately earlier later still also yet instead now then last this late early "
     "today yesterday asked speaking writing responding appearing addressing again finally afterward "
     "afterwards moreover indeed similarly likewise nonetheless nevertheless so more most even perhaps "
     "thus hence otherwise besides certainly clearly notably"},
    {kTimeWord,
     "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
     "july august september october november december today yesterday tonight night morning "
     "afternoon evening week weekend month year"},
};

// What each reporting verb takes when it reports without quotation marks (CueComplement); verbs
// not listed take a that-clause. Read once when the lexicon is built.
struct ComplementRow {
  CueComplement complement;
  const char* lemmas;
};
constexpr ComplementRow kComplements[] = {
    {CueComplement::Clause, "say add argue insist suggest contend assert predict explain note warn claim"},
    {CueComplement::NounObject,
     "answer reply respond continue post describe read chant shout yell comment exclaim demand plead "
     "elaborate interject cry scream slam blast mock scoff sneer gloat rant fume bark snap thunder "
     "recount deny declare confirm pledge promise charge recall observe tweet counter testify agree"},
    {CueComplement::Judgement, "accuse criticize blame praise condemn denounce"},
    {CueComplement::Label, "call"},
    {CueComplement::Request, "ask urge"},
    {CueComplement::Addressee, "tell"},
};
constexpr const char* kNounFormLemmas =
    "state report post answer counter comment charge cry reason estimate demand note tweet remark";
constexpr const char* kInfinitiveLemmas = "vow pledge promise agree";

// Calls fn(word) for each space-separated word of `list`; stops when fn returns true.
template <class Fn>
bool any_word(std::string_view list, Fn fn) {
  size_t i = 0;
  while (i < list.size()) {
    size_t j = list.find(' ', i);
    if (j == std::string_view::npos) j = list.size();
    if (fn(list.substr(i, j - i))) return true;
    i = j + 1;
  }
  return false;
}

bool listed(std::string_view list, std::string_view w) {
  return any_word(list, [&](std::string_view x) { return x == w; });
}

}  // namespace

CueLexicon::Entry& CueLexicon::insert(std::string_view w) {
  size_t i = hash(w) & (kSlots - 1);
  while (!slots_[i].key.empty() && slots_[i].key != w) i = (i + 1) & (kSlots - 1);
  slots_[i].key = w;
  lengths_ |= 1u << w.size();
  return slots_[i];
}

CueLexicon::CueLexicon() : slots_(kSlots) {
  size_t n_forms = 0;
  for (const auto& row : kCues) {
    for (const char* c = row.forms; *c; ++c) n_forms += *c == ' ';
    ++n_forms;
  }
  cues_.reserve(n_forms);  // no reallocation: entries point into it
  for (const auto& row : kCues) {
    any_word(row.forms, [&](std::string_view w) {
      CueInfo info;
      info.lemma = row.lemma;
      info.loaded = row.loaded;
      info.takes_object = row.takes_object;
      info.speech = row.speech;
      info.participle = w.size() > 4 && w.substr(w.size() - 3) == "ing" && w != "according";
      for (const auto& c : kComplements)
        if (listed(c.lemmas, info.lemma)) info.complement = c.complement;
      info.noun_form = listed(kNounFormLemmas, info.lemma);
      info.infinitive = listed(kInfinitiveLemmas, info.lemma);
      Entry& e = insert(w);
      cue_lengths_ |= 1u << w.size();
      if (w.size() >= 3 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z' && w[2] >= 'a' && w[2] <= 'z') {
        cue_prefix_[w[0] - 'a'][w[1] - 'a'] |= 1u << (w[2] - 'a');
      }
      if (!e.cue) {
        cues_.push_back(info);
        e.cue = &cues_.back();
      }
      return false;
    });
  }
  for (const auto& row : kClasses) {
    any_word(row.words, [&](std::string_view w) {
      insert(w).cls |= row.cls;
      return false;
    });
  }
}

const CueLexicon& CueLexicon::instance() {
  static const CueLexicon lex;
  return lex;
}

}  // namespace framelens
