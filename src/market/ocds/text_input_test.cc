#include "market/ocds/text_input.h"

#include <gtest/gtest.h>

namespace samspill::market {
namespace {

std::string ReadAll(TextInput& in) {
  std::string out;
  for (int c; (c = in.Get()) >= 0;) out.push_back(static_cast<char>(c));
  return out;
}

TEST(TextInput, PassesUtf8ThroughAndCountsLines) {
  auto source = MemoryByteSource(
      "a\nSecretar\xC3\xAD"
      "a\n",
      "mem");
  TextInput in(source.get(), 16);
  EXPECT_EQ(ReadAll(in),
            "a\nSecretar\xC3\xAD"
            "a\n");
  EXPECT_EQ(in.line(), 3u);
  EXPECT_EQ(in.offset(), 14u);
  EXPECT_FALSE(in.saw_latin1());
}

TEST(TextInput, ReadsLatin1BytesAsTheirUtf8) {
  auto source = MemoryByteSource(
      "{\"n\": \"Secretar\xED"
      "a\"}",
      "mem");
  TextInput in(source.get(), 16);
  EXPECT_EQ(ReadAll(in),
            "{\"n\": \"Secretar\xC3\xAD"
            "a\"}");
  EXPECT_TRUE(in.saw_latin1());
  EXPECT_EQ(in.first_latin1_offset(), 15u);
  EXPECT_EQ(in.offset(), 19u);  // input bytes, not output bytes
}

TEST(TextInput, TruncatedSequenceAtTheEndIsLatin1) {
  auto source = MemoryByteSource("x\xC3", "mem");
  TextInput in(source.get());
  EXPECT_EQ(ReadAll(in), "x\xC3\x83");
}

}  // namespace
}  // namespace samspill::market
