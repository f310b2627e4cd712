#include "store/audit_chain.h"

#include <gtest/gtest.h>

namespace samspill::store {
namespace {

StoredAuditRow Row(int64_t id) {
  StoredAuditRow row;
  row.id = id;
  row.at = "2025-01-01T00:00:00Z";
  row.actor_user_id = 7;
  row.actor = "kari";
  row.action = "tender.cancel";
  row.entity_type = "tender";
  row.entity_id = "1";
  row.after_json = R"({"reason":"for få tilbud"})";
  row.prev_hash = std::string(kAuditGenesisHash);
  return row;
}

TEST(AuditChain, HashIsHexBlake2b256AndStable) {
  const std::string hash = AuditEventHash(Row(1));
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(AuditEventHash(Row(1)), hash);
  EXPECT_NE(AuditEventHash(Row(2)), hash);  // the id is covered
}

// Length prefixes keep fields apart: moving text from one column to the next, or a null
// actor id against 0, gives another hash.
TEST(AuditChain, EncodingIsUnambiguous) {
  StoredAuditRow a = Row(1), b = Row(1);
  a.entity_type = "tender1";
  a.entity_id = "";
  b.entity_type = "tender";
  b.entity_id = "1";
  EXPECT_NE(AuditEventHash(a), AuditEventHash(b));
  StoredAuditRow none = Row(1), zero = Row(1);
  none.actor_user_id.reset();
  zero.actor_user_id = 0;
  EXPECT_NE(AuditEventHash(none), AuditEventHash(zero));
  StoredAuditRow other_prev = Row(1);
  other_prev.prev_hash[0] = '1';
  EXPECT_NE(AuditEventHash(other_prev), AuditEventHash(Row(1)));
}

TEST(AuditChain, VerifierAcceptsAChainAndItsHead) {
  AuditChainVerifier verifier([](std::string_view) { return std::nullopt; });
  StoredAuditRow first = Row(1);
  first.hash = AuditEventHash(first);
  StoredAuditRow second = Row(2);
  second.prev_hash = first.hash;
  second.hash = AuditEventHash(second);
  verifier.Add(first);
  verifier.Add(second);
  AuditChainReport report = verifier.Finish(AuditHead{2, second.hash});
  EXPECT_TRUE(report.intact()) << report.first_break->message;
  EXPECT_EQ(report.events_checked, 2);
  EXPECT_EQ(report.head_id, 2);
  EXPECT_EQ(report.head_hash, second.hash);
}

TEST(AuditChain, MissingHeadRecordIsABreak) {
  AuditChainVerifier verifier([](std::string_view) { return std::nullopt; });
  AuditChainReport report = verifier.Finish(std::nullopt);
  ASSERT_FALSE(report.intact());
  EXPECT_EQ(report.first_break->kind, AuditChainBreak::Kind::kHeadMismatch);
}

}  // namespace
}  // namespace samspill::store
