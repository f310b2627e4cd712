#include "market/model/duplicates.h"

#include <gtest/gtest.h>

namespace samspill::market {
namespace {

Process Make(SourceFormat format, std::string id, std::string buyer_number, std::string title,
             std::string cpv, std::string published) {
  Process p;
  p.format = format;
  p.id = std::move(id);
  p.buyer.org_number = std::move(buyer_number);
  p.buyer.name = "Oslo kommune";
  p.title = std::move(title);
  p.cpv = std::move(cpv);
  p.published = std::move(published);
  return p;
}

TEST(CrossFormatKey, FoldsCaseNorwegianLettersPunctuationAndSpace) {
  const Process a = Make(SourceFormat::kEforms, "1", "958935420",
                         "Bærekraftig MØTEMAT – til OsloMet!", "55520000", "2023-06-01");
  const Process b = Make(SourceFormat::kOcds, "2", "958935420", "  bærekraftig møtemat til oslomet",
                         "55520000", "2023-06-01");
  EXPECT_EQ(CrossFormatKey(a), "958935420|bærekraftig møtemat til oslomet|55520000");
  EXPECT_EQ(CrossFormatKey(a), CrossFormatKey(b));
  // Without an organisation number the buyer's name stands in; without a title, no key.
  Process no_number = a;
  no_number.buyer.org_number.clear();
  EXPECT_EQ(CrossFormatKey(no_number), "oslo kommune|bærekraftig møtemat til oslomet|55520000");
  Process no_title = a;
  no_title.title = " – ";
  EXPECT_EQ(CrossFormatKey(no_title), "");
}

TEST(CrossFormatDuplicates, MatchesOnlyAcrossFormatsAndWithinTheDateWindow) {
  CrossFormatDuplicates d(31);
  const std::string number = "958935420", title = "Renholdstjenester", cpv = "90910000";
  EXPECT_FALSE(d.Check(Make(SourceFormat::kEforms, "N1", number, title, cpv, "2024-03-01")));
  // The same title by the same buyer in the same format: two competitions, both kept.
  EXPECT_FALSE(d.Check(Make(SourceFormat::kEforms, "N2", number, title, cpv, "2024-03-05")));
  // Its OCDS conversion, published ten days later: the same process.
  auto match = d.Check(Make(SourceFormat::kOcds, "ocds-x-1", number, title, cpv, "2024-03-11"));
  ASSERT_TRUE(match);
  EXPECT_EQ(match->format, SourceFormat::kEforms);
  EXPECT_EQ(match->id, "N1");
  // A year later: next year's competition, not a duplicate.
  EXPECT_FALSE(d.Check(Make(SourceFormat::kOcds, "ocds-x-2", number, title, cpv, "2025-03-01")));
  // Another CPV or another buyer: not the same.
  EXPECT_FALSE(
      d.Check(Make(SourceFormat::kOcds, "ocds-x-3", number, title, "90911000", "2024-03-01")));
  EXPECT_FALSE(
      d.Check(Make(SourceFormat::kOcds, "ocds-x-4", "974760673", title, cpv, "2024-03-01")));
  // An unknown date matches any date.
  EXPECT_TRUE(d.Check(Make(SourceFormat::kOcds, "ocds-x-5", number, title, cpv, "")));
  EXPECT_EQ(d.duplicates(), 2u);
}

}  // namespace
}  // namespace samspill::market
