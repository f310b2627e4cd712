#include "tendering/threshold_table.h"

#include <gtest/gtest.h>

namespace samspill::tendering {
namespace {

TEST(ThresholdTable, NorwayHasTheRowsOfDomainSection1) {
  const ThresholdTable& table = ThresholdTable::Norway();
  const Date day{2025, 8, 21};
  EXPECT_EQ(table.InForce(ThresholdKind::kLowerLimit, day)->value.minor, 100'000'00);
  EXPECT_EQ(table.InForce(ThresholdKind::kNational, day)->value.minor, 1'300'000'00);
  EXPECT_EQ(table.InForce(ThresholdKind::kEeaMunicipal, day)->value.minor, 2'300'000'00);
  EXPECT_EQ(table.InForce(ThresholdKind::kEeaCentralGovernment, day)->value.minor, 1'490'000'00);
  EXPECT_EQ(table.InForce(ThresholdKind::kEeaHealthSocial, day)->value.minor, 7'800'000'00);
  EXPECT_EQ(table.rows().size(), 6u);
}

TEST(ThresholdTable, RowStartsOnItsValidFromDate) {
  const ThresholdTable& table = ThresholdTable::Norway();
  Result<ThresholdRow> on = table.InForce(ThresholdKind::kEeaHealthSocial, Date{2024, 3, 14});
  ASSERT_TRUE(on.ok());
  EXPECT_EQ(on->value.minor, 7'800'000'00);
  Result<ThresholdRow> before = table.InForce(ThresholdKind::kEeaHealthSocial, Date{2024, 3, 13});
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->value.minor, 7'200'000'00);
  EXPECT_EQ(before->valid_from, (Date{2020, 2, 12}));
}

TEST(ThresholdTable, NoRowInForceNamesKindAndDate) {
  Result<ThresholdRow> row =
      ThresholdTable::Norway().InForce(ThresholdKind::kEeaHealthSocial, Date{2020, 2, 11});
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(row.status().code(), StatusCode::kNotFound);
  EXPECT_NE(row.status().message().find("eea_health_social"), std::string::npos);
  EXPECT_NE(row.status().message().find("2020-02-11"), std::string::npos);
}

TEST(ThresholdTable, CreateRejectsForeignCurrencyAndDuplicates) {
  Result<ThresholdTable> eur = ThresholdTable::Create(
      {{ThresholdKind::kNational, Money{1, "EUR"}, Date{2024, 1, 1}, "x", SourceTag::kConfirmed}});
  ASSERT_FALSE(eur.ok());
  EXPECT_EQ(eur.status().field(), "rows[0].value.currency");

  Result<ThresholdTable> duplicate = ThresholdTable::Create(
      {{ThresholdKind::kNational, Money{1}, Date{2024, 1, 1}, "x", SourceTag::kConfirmed},
       {ThresholdKind::kNational, Money{2}, Date{2024, 1, 1}, "y", SourceTag::kConfirmed}});
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.status().code(), StatusCode::kInvalidArgument);

  Result<ThresholdTable> no_source = ThresholdTable::Create(
      {{ThresholdKind::kNational, Money{1}, Date{2024, 1, 1}, "", SourceTag::kConfirmed}});
  EXPECT_FALSE(no_source.ok());
  Result<ThresholdTable> zero = ThresholdTable::Create(
      {{ThresholdKind::kNational, Money{0}, Date{2024, 1, 1}, "x", SourceTag::kConfirmed}});
  EXPECT_FALSE(zero.ok());
}

TEST(ThresholdTable, RowOrderDoesNotMatter) {
  Result<ThresholdTable> table = ThresholdTable::Create(
      {{ThresholdKind::kNational, Money{2}, Date{2024, 1, 1}, "new", SourceTag::kConfirmed},
       {ThresholdKind::kNational, Money{1}, Date{2020, 1, 1}, "old", SourceTag::kSecondary}});
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->InForce(ThresholdKind::kNational, Date{2023, 12, 31})->source, "old");
  EXPECT_EQ(table->InForce(ThresholdKind::kNational, Date{2024, 1, 1})->source, "new");
}

}  // namespace
}  // namespace samspill::tendering
