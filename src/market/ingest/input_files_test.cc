#include "market/ingest/input_files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace samspill::market {
namespace {

namespace fs = std::filesystem;

class InputFilesTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "input-files-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const std::string& relative, const std::string& content) {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative, std::ios::binary) << content;
  }
  std::string At(const std::string& relative) const { return (root_ / relative).string(); }

  fs::path root_;
};

TEST_F(InputFilesTest, AFolderGivesItsFilesInSortedOrderAndNamesWhatItSkips) {
  Write("b/2.xml", "<?xml version=\"1.0\"?><ContractNotice/>");
  Write("b/10.json", "  {\"releases\": []}");
  Write("a.jsonl", "\xEF\xBB\xBF{\"ocid\":\"x\"}\n");
  Write("b/c/array.json", "[]");
  Write("README.txt", "Eksport fra Doffin");
  Write("empty.json", " \n");
  fs::create_directory_symlink(root_, root_ / "b" / "loop");
  ASSERT_EQ(mkfifo(At("pipe").c_str(), 0600), 0);

  InputFiles files = ExpandInputFolders({root_.string()}, ReadableByIngest);
  EXPECT_EQ(files.paths, (std::vector<std::string>{At("a.jsonl"), At("b/10.json"), At("b/2.xml"),
                                                   At("b/c/array.json")}));
  std::vector<std::string> skipped;
  for (const SkippedInput& s : files.skipped) skipped.push_back(s.path + ": " + s.reason);
  EXPECT_EQ(skipped, (std::vector<std::string>{
                         At("README.txt") + ": not OCDS JSON or eForms XML",
                         At("b/loop") + ": a link to a folder, not followed",
                         At("empty.json") + ": the file is empty",
                         At("pipe") + ": not a regular file",
                     }));
  EXPECT_EQ(files.bytes, fs::file_size(At("a.jsonl")) + fs::file_size(At("b/10.json")) +
                             fs::file_size(At("b/2.xml")) + fs::file_size(At("b/c/array.json")));
  EXPECT_FALSE(files.has_stdin);
}

TEST_F(InputFilesTest, ArgumentsThatAreNotFoldersAreKeptAsGiven) {
  Write("notes.txt", "not data");
  InputFiles files =
      ExpandInputFolders({At("notes.txt"), "-", At("missing.json")}, ReadableByIngest);
  EXPECT_EQ(files.paths, (std::vector<std::string>{At("notes.txt"), "-", At("missing.json")}));
  EXPECT_TRUE(files.skipped.empty());
  EXPECT_TRUE(files.has_stdin);
}

TEST_F(InputFilesTest, AFilterDecidesWhichKindsAreRead) {
  Write("notice.xml", "<x/>");
  Write("lines.jsonl", "{}\n");
  InputFiles files = ExpandInputFolders({root_.string()}, [](InputKind kind) {
    return kind == InputKind::kJson ? std::string() : std::string("not JSON Lines");
  });
  EXPECT_EQ(files.paths, std::vector<std::string>{At("lines.jsonl")});
  ASSERT_EQ(files.skipped.size(), 1u);
  EXPECT_EQ(files.skipped[0].reason, "not JSON Lines");
}

}  // namespace
}  // namespace samspill::market
