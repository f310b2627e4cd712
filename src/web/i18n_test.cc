#include "web/i18n.h"

#include <gtest/gtest.h>

namespace samspill::web {
namespace {

Timestamp T(const char* iso) { return *ParseIsoTimestamp(iso); }

TEST(I18n, DatesAreWrittenTheNorwegianWay) {
  EXPECT_EQ(FormatDate(Lang::kNb, {2025, 9, 19}), "19. september 2025");
  EXPECT_EQ(FormatDate(Lang::kEn, {2025, 9, 19}), "19 September 2025");
  EXPECT_EQ(FormatDate(Lang::kNb, {2026, 1, 5}), "5. januar 2026");
}

TEST(I18n, TimesAreInNorwegianSummerOrWinterTime) {
  // Seed 000's deadline: 12:00 in Trondheim is 10:00 UTC in September (summer time).
  EXPECT_EQ(FormatDateTime(Lang::kNb, T("2025-09-19T10:00:00Z")), "19. september 2025 kl. 12:00");
  EXPECT_EQ(FormatDateTime(Lang::kNb, T("2025-01-15T10:00:00Z")), "15. januar 2025 kl. 11:00");
  EXPECT_EQ(FormatDateTime(Lang::kEn, T("2025-12-31T23:30:00Z")), "1 January 2026 00:30");
}

TEST(I18n, MoneyIsKronerWithSpacesInNorwegian) {
  EXPECT_EQ(FormatMoney(Lang::kNb, {125'000'000, "NOK"}), "kr\u00a01\u00a0250\u00a0000");
  EXPECT_EQ(FormatMoney(Lang::kNb, {125'000'050, "NOK"}), "kr\u00a01\u00a0250\u00a0000,50");
  EXPECT_EQ(FormatMoney(Lang::kEn, {125'000'050, "NOK"}), "NOK 1,250,000.50");
  // What a form shows is what a user would type, and reads back to the same øre.
  EXPECT_EQ(FormatMoneyInput({6'000'000'000, "NOK"}), "60 000 000");
  EXPECT_EQ(FormatMoneyInput({125'000'050, "NOK"}), "1 250 000,50");
  EXPECT_EQ(*ParseMoneyMinor(FormatMoneyInput({125'000'050, "NOK"})), 125'000'050);
  EXPECT_EQ(FormatMoney(Lang::kNb, {99'900, "NOK"}), "kr\u00a0999");
  EXPECT_EQ(FormatMoney(Lang::kNb, {-500, "NOK"}), "kr\u00a0−5");
  EXPECT_EQ(FormatMoney(Lang::kNb, {100, "DKK"}), "DKK\u00a01");
}

TEST(I18n, DecimalsUseTheLanguagesMark) {
  EXPECT_EQ(FormatDecimal(Lang::kNb, 9.096, 2), "9,10");
  EXPECT_EQ(FormatDecimal(Lang::kEn, 9.096, 2), "9.10");
  EXPECT_EQ(FormatDecimal(Lang::kNb, 40.0, 1), "40,0");
}

TEST(I18n, EveryTextHasBothLanguages) {
  for (std::string_view key : AllTextKeys()) {
    EXPECT_FALSE(Tr(Lang::kNb, key).empty()) << key;
    EXPECT_FALSE(Tr(Lang::kEn, key).empty()) << key;
  }
  EXPECT_EQ(Tr(Lang::kNb, "login.title"), "Logg inn");
  EXPECT_EQ(Tr(Lang::kEn, "login.title"), "Log in");
  EXPECT_EQ(Tr(Lang::kNb, "no.such.key"), "no.such.key");
  EXPECT_EQ(LangFromCode("en"), Lang::kEn);
  EXPECT_EQ(LangFromCode("xx"), std::nullopt);
}

}  // namespace
}  // namespace samspill::web
