#include "portfolio/project_merge.h"

#include <gtest/gtest.h>

namespace samspill::portfolio {
namespace {

TEST(ProjectMerge, KeepsEverythingFromBothAndLinksThem) {
  Project keep{.id = 1, .name = "FIF", .area = "Helse og velferd"};
  keep.partners = {{"NTNU", "Institutt for psykologi"}};
  keep.start = Date{2023, 9, 1};
  keep.description = "Relasjonelle ferdigheter.";
  Project dup{
      .id = 2, .name = "Fasiliterende interpersonale ferdigheter", .area = "Helse og velferd"};
  dup.partners = {{"ntnu", "institutt for psykologi"},
                  {"Trondheim kommune", "Enhet for psykisk helse og rus"}};
  dup.contacts = {{"Kari Nordmann", "", "", ""}};
  dup.start = Date{2023, 1, 1};
  dup.description = "Trening av ansatte.";
  auto merged = MergeProjects(keep, dup);
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->kept.partners.size(), 2u);
  EXPECT_EQ(merged->kept.contacts.size(), 1u);
  EXPECT_EQ(merged->kept.start, (Date{2023, 1, 1}));
  EXPECT_EQ(merged->kept.description, "Relasjonelle ferdigheter.\n\nTrening av ansatte.");
  EXPECT_EQ(merged->kept.merged_from, std::vector<int64_t>{2});
  EXPECT_EQ(merged->duplicate.merged_into, 1);
  EXPECT_EQ(merged->duplicate.status, ProjectStatus::kMerged);
  EXPECT_FALSE(MergeProjects(merged->kept, merged->duplicate).ok());
  EXPECT_EQ(MergeProjects(keep, keep).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace samspill::portfolio
