#include "app/market_service.h"

#include <gtest/gtest.h>

#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::app {
namespace {

constexpr char kRelease[] =
    "{\"ocid\":\"ocds-x-1\",\"tender\":{\"procurementMethod\":\"open\",\"numberOfTenderers\":2,"
    "\"items\":[{\"id\":\"1\",\"classification\":{\"scheme\":\"CPV\",\"id\":\"85000000\"}}]}}\n";

class MarketServiceTest : public testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(store::OpenSqliteStore(":memory:")).value();
    service_ =
        std::make_unique<MarketService>(*store_, clock_, MarketSettings{.max_import_bytes = 4096});
    officer_ = User("innkjoper", Role::kProcurementOfficer);
  }

  Actor User(const std::string& name, Role role) {
    store::AuditEvent e;
    e.at = clock_.Now();
    e.action = "user.create";
    e.entity_type = "user";
    return Actor::FromUser(*store_->CreateUser({name, name, role, "h"}, e));
  }

  size_t Stored() { return store_->ListMarketProcesses("").value().size(); }
  size_t Imports() {
    store::AuditQuery query;
    query.entity_type = "market_import";
    return store_->ListAudit(query).value().size();
  }

  FakeClock clock_{*ParseIsoTimestamp("2025-10-01T08:00:00Z")};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<MarketService> service_;
  Actor officer_;
};

TEST_F(MarketServiceTest, StoresTheProcessesWithOneAuditEventAndNamesTheProblems) {
  Result<MarketImportOutcome> out =
      service_->ImportExport(officer_, "export.jsonl", std::string(kRelease) + "{\"ocid\": oops\n");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->imported, 1);
  EXPECT_EQ(out->issues_total, 1u);
  ASSERT_EQ(out->issue_counts.size(), 1u);
  EXPECT_EQ(out->issue_counts[0].first, "invalid_json");
  ASSERT_EQ(out->issues.size(), 1u);
  EXPECT_NE(out->issues[0].find("export.jsonl:2"), std::string::npos) << out->issues[0];
  EXPECT_EQ(Stored(), 1u);
  EXPECT_EQ(Imports(), 1u);
  // The same process again replaces it.
  ASSERT_TRUE(service_->ImportExport(officer_, "again.json", kRelease).ok());
  EXPECT_EQ(Stored(), 1u);
  EXPECT_EQ(Imports(), 2u);
}

TEST_F(MarketServiceTest, ABadFileOrAnotherRoleStoresNothing) {
  for (const char* content :
       {"Eksportert fra Doffin\n", "", "{\"releases\": []}", "\x1f\x8b\x08\x00garbage"}) {
    Result<MarketImportOutcome> out = service_->ImportExport(officer_, "f", content);
    EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument) << content;
  }
  EXPECT_EQ(service_->ImportExport(officer_, "big.json", std::string(5000, ' ')).status().code(),
            StatusCode::kResourceExhausted);
  for (Role role : {Role::kEvaluator, Role::kAuditor, Role::kAdministrator, Role::kSupplier}) {
    Actor other = User("user" + std::to_string(static_cast<int>(role)), role);
    EXPECT_EQ(service_->ImportExport(other, "f.json", kRelease).status().code(),
              StatusCode::kPermissionDenied);
  }
  EXPECT_EQ(Stored(), 0u);
  EXPECT_EQ(Imports(), 0u);
}

// The market section a decision case and a tender draft show: P(≥ 2 bids) over the comparable
// lots, and a warning below one half (seed 000: one bid, cancelled).
TEST_F(MarketServiceTest, TheMarketSectionCountsComparableLotsAndWarnsWhenFewGetTwoBids) {
  auto release = [](int n, int bidders) {
    return "{\"ocid\":\"ocds-x-" + std::to_string(n) +
           "\",\"tender\":{\"procurementMethod\":\"open\",\"numberOfTenderers\":" +
           std::to_string(bidders) +
           ",\"items\":[{\"id\":\"1\",\"classification\":{\"scheme\":\"CPV\","
           "\"id\":\"85311000\"}}]}}\n";
  };
  ASSERT_TRUE(service_
                  ->ImportExport(officer_, "a.jsonl",
                                 release(1, 1) + release(2, 1) + release(3, 1) + release(4, 3))
                  .ok());
  Result<MarketSection> weak = service_->Section(officer_, "85311000-2", "");
  ASSERT_TRUE(weak.ok()) << weak.status().ToString();
  EXPECT_EQ(weak->processes, 4);
  EXPECT_EQ(weak->report.comparable, 4u);
  EXPECT_EQ(weak->report.two_or_more, 1u);
  EXPECT_DOUBLE_EQ(weak->report.probability, 0.25);
  EXPECT_TRUE(weak->low_competition);
  ASSERT_TRUE(service_->ImportExport(officer_, "b.jsonl", release(5, 2) + release(6, 4)).ok());
  Result<MarketSection> even = service_->Section(officer_, "85311000", "");
  ASSERT_TRUE(even.ok());
  EXPECT_DOUBLE_EQ(even->report.probability, 0.5);
  EXPECT_FALSE(even->low_competition);
  EXPECT_EQ(service_->Section(User("leverandor", Role::kSupplier), "85", "").status().code(),
            StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace samspill::app
