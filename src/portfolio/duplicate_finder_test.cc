#include "portfolio/duplicate_finder.h"

#include <gtest/gtest.h>

namespace samspill::portfolio {
namespace {

Project Make(int64_t id, std::string name, std::vector<Partner> partners,
             ProjectKind kind = ProjectKind::kResearch) {
  Project p;
  p.id = id;
  p.name = std::move(name);
  p.area = "Helse og velferd";
  p.kind = kind;
  p.partners = std::move(partners);
  return p;
}

bool Mentions(const DuplicateMatch& m, std::string_view text) {
  for (const std::string& r : m.reasons) {
    if (r.find(text) != std::string::npos) return true;
  }
  return false;
}

// The report's FIF project, registered once by its acronym and once spelt out.
TEST(DuplicateFinder, FindsTheFifAcronymAgainstItsSpelledOutName) {
  Project fif = Make(1, "FIF",
                     {{"NTNU", "Institutt for psykologi"},
                      {"Trondheim kommune", "Enhet for psykisk helse og rus"}});
  fif.start = Date{2023, 9, 1};
  Project spelt = Make(2, "Fasiliterende interpersonale ferdigheter",
                       {{"ntnu", "Institutt for Psykologi"}, {"Trondheim kommune", ""}});
  spelt.start = Date{2023, 10, 1};
  DuplicateIndex index;
  index.Add(fif);
  const auto matches = index.FindDuplicatesOf(spelt);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].other_id, 1);
  EXPECT_GE(matches[0].score, 0.7);
  EXPECT_TRUE(Mentions(matches[0], "«FIF» er forkortelsen for «Fasiliterende"));
  EXPECT_TRUE(Mentions(matches[0], "Felles partnere: NTNU, Institutt for psykologi"));
  EXPECT_TRUE(Mentions(matches[0], "Overlappende periode"));
}

TEST(DuplicateFinder, SameNameWithOtherCaseAndPunctuationIsADuplicate) {
  DuplicateIndex index;
  index.Add(Make(1, "Medisinfri søvnbehandling",
                 {{"NTNU", "Institutt for samfunnsmedisin og sykepleie"}}));
  const auto matches = index.FindDuplicatesOf(Make(0, "MEDISINFRI SØVNBEHANDLING!", {}));
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_TRUE(Mentions(matches[0], "Samme navn"));
}

TEST(DuplicateFinder, LeavesDifferentProjectsWithTheSamePartnersAlone) {
  DuplicateIndex index;
  index.Add(Make(
      1, "Bedre skolestart",
      {{"Trondheim kommune", "Oppvekst og utdanning"}, {"NTNU", "Institutt for lærerutdanning"}}));
  index.Add(Make(
      2, "INCLUSCHOOL",
      {{"Trondheim kommune", "Oppvekst og utdanning"}, {"NTNU", "Institutt for lærerutdanning"}}));
  index.Add(Make(3, "Prano", {{"NTNU", "Institutt for lærerutdanning"}}, ProjectKind::kEducation));
  EXPECT_TRUE(index.Scan().empty());
  EXPECT_TRUE(index.FindDuplicatesOf(Make(0, "Lab-ted", {{"NTNU", "Institutt for lærerutdanning"}}))
                  .empty());
}

TEST(DuplicateFinder, HostOrganisationsAloneAreNotSharedPartners) {
  const DuplicateMatch m =
      CompareProjects(Make(1, "Sirk Plast", {{"NTNU", ""}, {"Trondheim kommune", ""}}),
                      Make(2, "Parlamentarisme", {{"NTNU", ""}, {"Trondheim kommune", ""}}));
  EXPECT_EQ(m.score, 0);
  EXPECT_TRUE(m.reasons.empty());
}

TEST(DuplicateFinder, ScanReportsEachPairOnceBestFirst) {
  DuplicateIndex index;
  index.Add(Make(1, "FIF (Fasiliterende Interpersonale Ferdigheter)",
                 {{"NTNU", "Institutt for psykologi"}}));
  index.Add(
      Make(2, "Fasiliterende interpersonale ferdigheter", {{"NTNU", "Institutt for psykologi"}}));
  index.Add(Make(3, "HARMONI", {{"St. Olavs hospital", ""}}));
  index.Add(Make(4, "Harmoni", {{"St. Olavs hospital", ""}}));
  index.Add(Make(5, "Bedre skolestart", {}));
  const auto pairs = index.Scan();
  ASSERT_EQ(pairs.size(), 2u);
  for (const auto& p : pairs) EXPECT_LT(p.project_id, p.other_id);
  EXPECT_GE(pairs[0].score, pairs[1].score);
}

// A renamed registration: few words in common, but the same unit and the same person.
TEST(DuplicateFinder, SharedContactPersonFindsARenamedProject) {
  Project a = Make(1, "Dokumentasjon og helsehjelp i lavterskeltjenester",
                   {{"NTNU", "Institutt for psykisk helse"}});
  a.contacts = {{"Mariell Høgås", "Stipendiat", "NTNU", ""}};
  Project b = Make(2, "Recovery-orientert dokumentasjon i lavterskeltilbud",
                   {{"NTNU", "Institutt for psykisk helse"}});
  b.contacts = {{"mariell høgås", "", "", ""}};
  DuplicateIndex index;
  index.Add(a);
  const auto matches = index.FindDuplicatesOf(b);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_TRUE(Mentions(matches[0], "Felles kontaktpersoner: Mariell Høgås"));
}

TEST(DuplicateFinder, MergedProjectsAreNotIndexed) {
  Project merged = Make(1, "Ungdomstorg", {});
  merged.merged_into = 2;
  merged.status = ProjectStatus::kMerged;
  DuplicateIndex index;
  index.Add(merged);
  EXPECT_EQ(index.size(), 0u);
}

}  // namespace
}  // namespace samspill::portfolio
