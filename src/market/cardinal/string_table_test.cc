#include "market/cardinal/string_table.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

namespace samspill::market::cardinal {
namespace {

TEST(StringTable, GivesDenseIdsAndFindsEveryStringAgainAfterGrowing) {
  StringTable table;
  std::unordered_map<std::string, uint32_t> expected;
  // Enough strings to grow the slot array many times; lengths 0..40 cover every tail size
  // of the hash, including the empty string and exact multiples of 8 and 16.
  for (int i = 0; i < 20000; ++i) {
    std::string s = "NO-ORG-" + std::to_string(i);
    s.resize(static_cast<size_t>(i % 41), 'x');
    const auto [it, inserted] = expected.try_emplace(s, table.size());
    const uint32_t id = table.Intern(s);
    EXPECT_EQ(id, it->second) << s;
    if (inserted) {
      EXPECT_EQ(table.size(), expected.size());
    }
  }
  for (const auto& [s, id] : expected) {
    ASSERT_EQ(table.Find(s), id) << s;
    ASSERT_EQ(table.Get(id), s);
  }
  EXPECT_EQ(table.Find("not there"), StringTable::kNone);
  EXPECT_EQ(table.Find("NO-ORG-1x"), StringTable::kNone);
}

TEST(StringTable, ViewsStayValidWhileTheTableGrows) {
  StringTable table;
  const std::string_view first = table.Get(table.Intern("Trondheim kommune"));
  for (int i = 0; i < 50000; ++i) table.Intern("org " + std::to_string(i));
  EXPECT_EQ(first, "Trondheim kommune");
  EXPECT_EQ(table.Get(0).data(), first.data());
}

TEST(StringTable, BytesAreComparedNotJustHashed) {
  StringTable table;
  // Same length, same prefix, one byte apart, and strings with embedded NUL bytes.
  const uint32_t a = table.Intern(std::string_view("ab\0c", 4));
  const uint32_t b = table.Intern(std::string_view("ab\0d", 4));
  const uint32_t c = table.Intern("ab");
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(table.Intern(std::string_view("ab\0c", 4)), a);
  EXPECT_EQ(table.size(), 3u);
}

TEST(StringArena, AdoptedChunksKeepTheirViews) {
  StringArena mine, theirs;
  const std::string_view kept = theirs.Store("ocds-213czf-000-00001");
  {
    StringArena moved;
    moved.Adopt(std::move(theirs));
    mine.Adopt(std::move(moved));
  }
  EXPECT_EQ(kept, "ocds-213czf-000-00001");
  EXPECT_EQ(mine.Store("after"), "after");
  EXPECT_EQ(mine.bytes(), kept.size() + 5);
}

TEST(U64Set, InsertSaysWhetherTheKeyWasNew) {
  U64Set set;
  for (uint64_t i = 0; i < 10000; ++i) EXPECT_TRUE(set.Insert(i << 32 | (i % 7)));
  for (uint64_t i = 0; i < 10000; ++i) EXPECT_FALSE(set.Insert(i << 32 | (i % 7)));
  EXPECT_TRUE(set.Insert(5));  // organisation 0 with code 5: not among the keys above
  EXPECT_EQ(set.size(), 10001u);
  uint64_t seen = 0;
  set.ForEach([&](uint64_t) { ++seen; });
  EXPECT_EQ(seen, 10001u);
}

}  // namespace
}  // namespace samspill::market::cardinal
