#include <catch2/catch.hpp>

#include "analyzer/text/document.h"
#include "analyzer/train/zones_trainer.h"

using namespace framelens;

namespace {
Document article(const std::string& outlet, const std::string& body) {
  DocMeta m;
  m.outlet = outlet;
  auto d = make_document(body + "\n\nSign in to keep reading today\n", m);
  REQUIRE(d.ok());
  return std::move(*d);
}
}  // namespace

TEST_CASE("zones trainer: a line repeated across one outlet's articles is learned, others are not", "[zones][train]") {
  ZonesTrainerOptions opt;
  opt.min_docs = 3;
  ZonesTrainer t(opt);
  t.add(article("Ledger", "The council met on Monday to discuss the budget and approved it after a long debate."));
  t.add(article("Ledger", "Voters in the district will choose a new mayor next week after a close primary race."));
  t.add(article("Ledger", "The bridge will close for repairs in the spring, the transport office said on Friday."));
  t.add(article("Courier", "The council met on Monday to discuss the budget and approved it after a long debate."));
  const ZoneTable table = t.finish();
  CHECK(t.articles() == 4);
  const Document d = article("Ledger", "Another story about the harbour.");
  const auto lines = text_lines(d);
  REQUIRE(lines.size() == 2);
  CHECK_FALSE(table.contains(lines[0].hash));  // the story line
  CHECK(table.contains(lines[1].hash));        // the repeated sign-in line
  // The council line occurs in two outlets once each: not learned.
  const Document c = article("Courier", "The council met on Monday to discuss the budget and approved it after a long debate.");
  CHECK_FALSE(table.contains(text_lines(c)[0].hash));
}
