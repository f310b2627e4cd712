#include "app/tender_service.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::app {
namespace {

using tendering::ComplaintOutcome;
using tendering::TenderAction;

// A price-only tender (part I) taken through the service to its standstill: two suppliers bid,
// a third only watches.
class TenderServiceTest : public testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(store::OpenSqliteStore(":memory:")).value();
    service_ = std::make_unique<TenderService>(*store_, clock_);
    const int64_t buyer =
        Organisation("942110464", "Trondheim kommune", store::OrganisationKind::kBuyer,
                     "Postboks 2300 Torgarden, 7004 Trondheim");
    officer_ = User("innkjoper", Role::kProcurementOfficer, buyer);
    first_ = User("leverandor", Role::kSupplier, Organisation("923456783", "Omsorg AS"));
    second_ = User("leverandor2", Role::kSupplier, Organisation("934567897", "Renhold AS"));
    watcher_ = User("leverandor3", Role::kSupplier, Organisation("928765431", "Tilskuer AS"));
  }

  int64_t Organisation(const std::string& number, const std::string& name,
                       store::OrganisationKind kind = store::OrganisationKind::kSupplier,
                       const std::string& address = "") {
    store::AuditEvent e;
    e.at = clock_.Now();
    e.action = "organisation.create";
    e.entity_type = "organisation";
    return store_->CreateOrganisation({number, name, kind, address}, e)->id;
  }

  Actor User(const std::string& name, Role role, int64_t organisation) {
    store::AuditEvent e;
    e.at = clock_.Now();
    e.action = "user.create";
    e.entity_type = "user";
    return Actor::FromUser(*store_->CreateUser({name, name, role, "h", organisation}, e));
  }

  void Act(int64_t id, TenderAction action) {
    auto done = service_->Act(officer_, id, action);
    ASSERT_TRUE(done.ok()) << tendering::TenderActionName(action) << ": "
                           << done.status().ToString();
  }

  // Published 2025-10-01, deadline 2025-10-20, award notice 2025-10-21: the standstill ends
  // with 2025-10-31.
  int64_t TenderInStandstill() {
    const nlohmann::json draft = {
        {"title", "Vaktmestertjenester"},
        {"estimated_value", 500000},
        {"bid_deadline", "2025-10-20T10:00:00Z"},
        {"award_model",
         {{"price_model", "proportional"},
          {"criteria", {{{"id", "pris"}, {"kind", "price"}, {"weight", 100}}}}}}};
    auto created = service_->Create(officer_, draft.dump());
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    const int64_t id = created->id;
    Act(id, TenderAction::kPublish);
    EXPECT_TRUE(service_->SubmitBid(first_, id, {"", Money{40'000'000, "NOK"}, "A"}).ok());
    EXPECT_TRUE(service_->SubmitBid(second_, id, {"", Money{45'000'000, "NOK"}, "B"}).ok());
    clock_.Set(*ParseIsoTimestamp("2025-10-21T08:00:00Z"));
    for (TenderAction a :
         {TenderAction::kCloseBidding, TenderAction::kOpenBids, TenderAction::kCompleteEvaluation,
          TenderAction::kProposeAward, TenderAction::kSendAwardNotice}) {
      Act(id, a);
    }
    return id;
  }

  FakeClock clock_{*ParseIsoTimestamp("2025-10-01T08:00:00Z")};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<TenderService> service_;
  Actor officer_, first_, second_, watcher_;
};

TEST_F(TenderServiceTest, ASupplierThatBidComplainsAndSigningWaitsForTheHandling) {
  const int64_t id = TenderInStandstill();
  EXPECT_EQ(service_->LodgeComplaint(watcher_, id, {"Vi bød ikke, men klager"}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->LodgeComplaint(officer_, id, {"x"}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->LodgeComplaint(second_, id, {" "}).status().field(), "grounds");
  auto lodged = service_->LodgeComplaint(second_, id, {"Prisen vår er lest feil"});
  ASSERT_TRUE(lodged.ok()) << lodged.status().ToString();
  EXPECT_EQ(lodged->supplier_name, "Renhold AS");

  // Supplier isolation; the buyer side sees every complaint.
  EXPECT_TRUE(service_->ListComplaints(first_, id)->empty());
  EXPECT_EQ(service_->ListComplaints(second_, id)->size(), 1u);
  EXPECT_EQ(service_->ListComplaints(officer_, id)->size(), 1u);

  clock_.Set(*ParseIsoTimestamp("2025-11-01T08:00:00Z"));  // the standstill is over
  EXPECT_EQ(service_->LodgeComplaint(first_, id, {"For sent"}).status().code(),
            StatusCode::kConflict);
  Status refused = service_->Act(officer_, id, TenderAction::kSignContract).status();
  EXPECT_EQ(refused.code(), StatusCode::kConflict);
  EXPECT_NE(refused.message().find("complaint 1 from Renhold AS"), std::string::npos)
      << refused.message();

  EXPECT_EQ(
      service_->HandleComplaint(second_, id, 1, {ComplaintOutcome::kUpheld, "Ja"}).status().code(),
      StatusCode::kPermissionDenied);
  EXPECT_EQ(
      service_->HandleComplaint(officer_, id, 2, {ComplaintOutcome::kUpheld, "Ja"}).status().code(),
      StatusCode::kNotFound);
  auto handled = service_->HandleComplaint(officer_, id, 1,
                                           {ComplaintOutcome::kRejected, "Prisen er lest riktig"});
  ASSERT_TRUE(handled.ok()) << handled.status().ToString();
  Act(id, TenderAction::kSignContract);

  // Both steps are audit events of the tender, and the protocol lists the complaint.
  auto record = service_->Record(officer_, id);
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  int complaint_events = 0;
  for (const tendering::TenderEvent& e : record->events) {
    if (e.action == "complaint.lodge" || e.action == "complaint.handle") ++complaint_events;
  }
  EXPECT_EQ(complaint_events, 2);
  auto protocol = service_->Protocol(officer_, id);
  ASSERT_TRUE(protocol.ok()) << protocol.status().ToString();
  EXPECT_EQ(protocol->legal_basis_nb, "anskaffelsesforskriften § 7-1");
  bool listed = false;
  for (const tendering::ProtocolTable& t : protocol->Section('p')->tables) {
    listed |= t.key == "complaints" && t.rows.size() == 1;
  }
  EXPECT_TRUE(listed);
  bool address = false;
  for (const tendering::ProtocolEntry& e : protocol->Section('a')->entries) {
    address |= e.key == "buyer_address" && e.value == "Postboks 2300 Torgarden, 7004 Trondheim";
  }
  EXPECT_TRUE(address);
}

TEST_F(TenderServiceTest, ARejectionsKindReachesTheRecordFromItsEvent) {
  const nlohmann::json draft = {
      {"title", "Vaktmestertjenester"},
      {"estimated_value", 500000},
      {"bid_deadline", "2025-10-20T10:00:00Z"},
      {"award_model",
       {{"price_model", "proportional"},
        {"criteria", {{{"id", "pris"}, {"kind", "price"}, {"weight", 100}}}}}}};
  const int64_t id = service_->Create(officer_, draft.dump())->id;
  Act(id, TenderAction::kPublish);
  const int64_t a = service_->SubmitBid(first_, id, {"", Money{40'000'000, "NOK"}, "A"})->id;
  const int64_t b = service_->SubmitBid(second_, id, {"", Money{45'000'000, "NOK"}, "B"})->id;
  clock_.Set(*ParseIsoTimestamp("2025-10-21T08:00:00Z"));
  Act(id, TenderAction::kCloseBidding);
  Act(id, TenderAction::kOpenBids);
  auto supplier = service_->RejectBid(officer_, id, a, "Skatteattest manglet",
                                      tendering::RejectionKind::kSupplier);
  ASSERT_TRUE(supplier.ok()) << supplier.status().ToString();
  EXPECT_EQ(supplier->kind, tendering::RejectionKind::kSupplier);
  ASSERT_TRUE(service_->RejectBid(officer_, id, b, "Vesentlig avvik").ok());
  auto record = service_->Record(officer_, id);
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  for (const tendering::SubmittedBid& bid : record->bids) {
    EXPECT_EQ(bid.rejection_kind, bid.id == a ? tendering::RejectionKind::kSupplier
                                              : tendering::RejectionKind::kTender);
  }
}

}  // namespace
}  // namespace samspill::app
