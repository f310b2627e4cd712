#include "market/io/line_batcher.h"

#include <gtest/gtest.h>

#include <tuple>
#include <vector>

namespace samspill::market {
namespace {

using Line = std::tuple<std::string, uint64_t, uint64_t>;  // text, number, offset

std::vector<Line> AllLines(const std::string& input, size_t target, size_t max_line,
                           std::vector<OversizedLine>* oversized = nullptr,
                           size_t* batches = nullptr) {
  LineBatcher batcher(MemoryByteSource(input, "in"), target, max_line);
  LineBatch batch;
  std::vector<Line> lines;
  size_t count = 0;
  while (true) {
    Result<bool> more = batcher.Next(&batch);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    ++count;
    EXPECT_EQ(batch.buffer.size(), batch.size + kBatchPadding);
    for (size_t i = batch.size; i < batch.buffer.size(); ++i) EXPECT_EQ(batch.buffer[i], '\0');
    if (oversized) {
      oversized->insert(oversized->end(), batch.oversized.begin(), batch.oversized.end());
    }
    ForEachLine(batch, [&](std::string_view line, uint64_t number, uint64_t offset) {
      lines.emplace_back(std::string(line), number, offset);
    });
  }
  if (batches) *batches = count;
  return lines;
}

TEST(LineBatcher, EveryLineKeepsItsNumberAndOffsetWhateverTheBatchSize) {
  const std::string input = "a\nbb\r\n\nccc\ndddd";
  const std::vector<Line> expected = {
      {"a", 1, 0}, {"bb", 2, 2}, {"", 3, 6}, {"ccc", 4, 7}, {"dddd", 5, 11}};
  for (size_t target : {1u, 2u, 3u, 5u, 8u, 1000u}) {
    EXPECT_EQ(AllLines(input, target, 1 << 20), expected) << "target " << target;
  }
}

TEST(LineBatcher, BatchesHoldWholeLinesOfAboutTheTargetSize) {
  std::string input;
  for (int i = 0; i < 10000; ++i) input += "{\"ocid\":\"ocds-" + std::to_string(i) + "\"}\n";
  size_t batches = 0;
  std::vector<Line> lines = AllLines(input, 4096, 1 << 20, nullptr, &batches);
  ASSERT_EQ(lines.size(), 10000u);
  EXPECT_EQ(std::get<0>(lines[9999]), "{\"ocid\":\"ocds-9999\"}");
  EXPECT_EQ(std::get<1>(lines[9999]), 10000u);
  EXPECT_GE(batches, input.size() / (4096 + 65536));
  EXPECT_LE(batches, input.size() / 4096 + 1);
}

TEST(LineBatcher, AnOverlongLineIsSkippedAndReportedAndTheRestIsRead) {
  std::string input = "short\n" + std::string(300000, 'x') + "\nafter\nlast";
  std::vector<OversizedLine> oversized;
  std::vector<Line> lines = AllLines(input, 16, 100000, &oversized);
  ASSERT_EQ(oversized.size(), 1u);
  EXPECT_EQ(oversized[0].line, 2u);
  EXPECT_EQ(oversized[0].offset, 6u);
  EXPECT_EQ(oversized[0].bytes, 300001u);
  const std::vector<Line> expected = {{"short", 1, 0}, {"after", 3, 300007}, {"last", 4, 300013}};
  EXPECT_EQ(lines, expected);

  std::vector<OversizedLine> at_end;
  EXPECT_TRUE(AllLines("ok\n" + std::string(200000, 'y'), 16, 100000, &at_end).size() == 1);
  ASSERT_EQ(at_end.size(), 1u);
  EXPECT_EQ(at_end[0].line, 2u);
}

TEST(LineBatcher, EmptyInputHasNoBatches) {
  size_t batches = 7;
  EXPECT_TRUE(AllLines("", 16, 1000, nullptr, &batches).empty());
  EXPECT_EQ(batches, 0u);
}

}  // namespace
}  // namespace samspill::market
