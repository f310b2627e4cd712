#include "market/io/line_batcher.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
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

TEST(LineBatcher, ABatchHoldsTheLinesThatStartInItsChunk) {
  // Lines start at 0, 5, 18 and 21; with 8-byte chunks, chunk 1 has none.
  LineBatcher batcher(MemoryByteSource("aaaa\nbbbbbbbbbbbb\ncc\nd\n", "in"), 8, 1000);
  LineBatch batch;
  std::vector<std::tuple<uint64_t, uint64_t, uint64_t, std::string>> batches;
  while (*batcher.Next(&batch)) {
    batches.emplace_back(batch.chunk, batch.first_line, batch.first_offset,
                         std::string(batch.data()));
  }
  const std::vector<std::tuple<uint64_t, uint64_t, uint64_t, std::string>> expected = {
      {0, 1, 0, "aaaa\nbbbbbbbbbbbb\n"}, {2, 3, 18, "cc\nd\n"}};
  EXPECT_EQ(batches, expected);
}

// What one batcher over the whole input makes, and what LineChunks makes chunk by chunk
// (numbering lines per chunk and mapping them afterwards), must be the same batches.
struct Cut {
  std::vector<std::tuple<uint64_t, uint64_t, std::string>> batches;  // chunk, offset, data
  std::vector<Line> lines;
  std::vector<std::tuple<uint64_t, uint64_t, uint64_t>> oversized;  // line, offset, bytes
};

void Collect(LineBatcher& batcher, Cut* cut) {
  LineBatch batch;
  while (true) {
    Result<bool> more = batcher.Next(&batch);
    ASSERT_TRUE(more.ok()) << more.status().ToString();
    if (!*more) break;
    for (const OversizedLine& o : batch.oversized) {
      cut->oversized.emplace_back(o.line, o.offset, o.bytes);
    }
    if (batch.size == 0) continue;
    cut->batches.emplace_back(batch.chunk, batch.first_offset, std::string(batch.data()));
    ForEachLine(batch, [&](std::string_view line, uint64_t number, uint64_t offset) {
      cut->lines.emplace_back(std::string(line), number, offset);
    });
  }
}

TEST(LineChunks, EveryChunkMakesTheBatchesOfOneReader) {
  std::string input;
  uint32_t seed = 7;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  for (int i = 0; i < 400; ++i) {
    const size_t length = next() % 300;
    input += std::string(length, static_cast<char>('a' + i % 26));
    if (i == 150) input += std::string(5000, '#');  // over max_line below
    input += (i % 9 == 0) ? "\r\n" : "\n";
    if (i % 50 == 0) input += "\n";  // an empty line
  }
  input += "no newline at the end";
  const auto path = std::filesystem::temp_directory_path() /
                    ("samspill_chunks_" + std::to_string(getpid()) + ".jsonl");
  std::ofstream(path, std::ios::binary) << input;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);

  for (size_t target : {1u, 2u, 7u, 64u, 333u, 1000u, 4096u, 1u << 20}) {
    SCOPED_TRACE("target " + std::to_string(target));
    Cut whole;
    LineBatcher batcher(MemoryByteSource(input, "in"), target, 1000);
    Collect(batcher, &whole);
    ASSERT_EQ(whole.oversized.size(), target <= 4096 ? 1u : 0u);  // max(1000, target)

    Cut chunked;
    LineChunks chunks(fd, path.string(), input.size(), target, 1000);
    EXPECT_EQ(chunks.count(), (input.size() + target - 1) / target);
    uint64_t lines_before = 0;
    for (uint64_t k = 0; k < chunks.count(); ++k) {
      const uint64_t first = (k << 32) + 1;
      Result<std::unique_ptr<LineBatcher>> part = chunks.Open(k, first);
      ASSERT_TRUE(part.ok()) << part.status().ToString();
      Cut piece;
      Collect(**part, &piece);
      auto absolute = [&](uint64_t line) { return lines_before + (line - first) + 1; };
      for (auto& [text, number, offset] : piece.lines) number = absolute(number);
      for (auto& [line, offset, bytes] : piece.oversized) line = absolute(line);
      chunked.batches.insert(chunked.batches.end(), piece.batches.begin(), piece.batches.end());
      chunked.lines.insert(chunked.lines.end(), piece.lines.begin(), piece.lines.end());
      chunked.oversized.insert(chunked.oversized.end(), piece.oversized.begin(),
                               piece.oversized.end());
      lines_before += (*part)->next_line() - first;
    }
    EXPECT_EQ(chunked.batches, whole.batches);
    EXPECT_EQ(chunked.lines, whole.lines);
    EXPECT_EQ(chunked.oversized, whole.oversized);
  }
  ::close(fd);
  std::filesystem::remove(path);
}

TEST(LineBatcher, EmptyInputHasNoBatches) {
  size_t batches = 7;
  EXPECT_TRUE(AllLines("", 16, 1000, nullptr, &batches).empty());
  EXPECT_EQ(batches, 0u);
}

}  // namespace
}  // namespace samspill::market
