#include "portfolio/text_normalise.h"

#include <gtest/gtest.h>

namespace samspill::portfolio {
namespace {

TEST(TextNormalise, FoldsCaseNorwegianLettersAccentsAndPunctuation) {
  EXPECT_EQ(FoldNorwegian("  Bærekraftige HELSE- og Omsorgstjenester! "),
            "bærekraftige helse og omsorgstjenester");
  EXPECT_EQ(FoldNorwegian("ÆØÅ æøå"), "æøå æøå");
  EXPECT_EQ(FoldNorwegian("Linnéuniversitetet"), "linneuniversitetet");
  EXPECT_EQ(FoldNorwegian("Gutiérrez González"), "gutierrez gonzalez");
}

TEST(TextNormalise, ReadsDoubleAAsTheLetterAring) {
  EXPECT_EQ(FoldNorwegian("Tone Merethe Aasen"), FoldNorwegian("Tone Merethe Åsen"));
  EXPECT_EQ(FoldNorwegian("Aalborg University"), "ålborg university");
}

TEST(TextNormalise, StemsCommonInflections) {
  EXPECT_EQ(StemNorwegian("fysioterapeutens"), StemNorwegian("fysioterapeut"));
  EXPECT_EQ(StemNorwegian("prosjektene"), "prosjekt");
  EXPECT_EQ(StemNorwegian("rus"), "rus");
}

TEST(TextNormalise, SplitsParenthesisedNameForms) {
  const auto v = NameVariants("FIF (Fasiliterende Interpersonale Ferdigheter)");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(FoldNorwegian(v[0]), "fif");
  EXPECT_EQ(v[1], "Fasiliterende Interpersonale Ferdigheter");
}

TEST(TextNormalise, InitialsLeaveOutStopWords) {
  EXPECT_EQ(Initials("Fasiliterende Interpersonale Ferdigheter"), "fif");
  EXPECT_EQ(Initials("Comparing the Organization of Durable Inequality in Childhood"), "codic");
  EXPECT_EQ(Initials("Økonomi og Årsverk"), "øå");
}

TEST(TextNormalise, FindsDeclaredAcronyms) {
  EXPECT_EQ(DeclaredAcronyms("FIF (Fasiliterende Interpersonale Ferdigheter)"),
            std::vector<std::string>{"fif"});
  EXPECT_EQ(DeclaredAcronyms("Ungdomstorg (CoP) og HARMONI"),
            (std::vector<std::string>{"cop", "harmoni"}));
  EXPECT_TRUE(DeclaredAcronyms("Bedre skolestart").empty());
}

}  // namespace
}  // namespace samspill::portfolio
