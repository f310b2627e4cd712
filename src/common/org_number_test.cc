#include "common/org_number.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace samspill {
namespace {

// Every Norwegian municipality's real organisation number must pass the check.
TEST(OrgNumber, AcceptsAllMunicipalitiesOf2024) {
  // The project's shared data sits beside the checkout; SAMSPILL_SHARED_DIR overrides.
  const char* shared = std::getenv("SAMSPILL_SHARED_DIR");
  std::string path =
      (shared ? std::string(shared) : std::string(SAMSPILL_SOURCE_DIR) + "/../shared") +
      "/data/reference/no-municipalities/municipalities_2024.csv";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path << " not found: shared data must sit beside the checkout";
  std::string line;
  std::getline(in, line);  // header
  int count = 0;
  int checked = 0;
  while (std::getline(in, line)) {
    // kommunenummer,kommunenavn,kommunenavn_ssb_2026,fylkesnummer,fylkesnavn,organisasjonsnummer,…
    size_t pos = 0;
    for (int i = 0; i < 5; ++i) pos = line.find(',', pos) + 1;
    std::string org = line.substr(pos, line.find(',', pos) - pos);
    ++count;
    if (org.empty()) continue;  // Haram (re-established 2024) has no number in the source
    EXPECT_TRUE(ParseOrgNumber(org).ok()) << line;
    ++checked;
  }
  EXPECT_EQ(count, 357);
  EXPECT_GE(checked, 350);
}

TEST(OrgNumber, RejectsWrongCheckDigitLengthAndLetters) {
  EXPECT_EQ(*ParseOrgNumber("958 935 420"), "958935420");  // Oslo kommune
  EXPECT_FALSE(ParseOrgNumber("958935421").ok());
  EXPECT_FALSE(ParseOrgNumber("95893542").ok());
  EXPECT_FALSE(ParseOrgNumber("95893542X").ok());
}

}  // namespace
}  // namespace samspill
