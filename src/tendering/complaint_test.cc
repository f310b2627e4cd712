#include "tendering/complaint.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tendering/tender.h"
#include "tendering/tender_json.h"

namespace samspill::tendering {
namespace {

using evaluation::Criterion;
using evaluation::CriterionKind;
using A = TenderAction;

Timestamp T(const char* iso) { return *ParseIsoTimestamp(iso); }
Date D(const char* iso) { return *ParseIsoDate(iso); }
Money Nok(int64_t kroner) { return Money{kroner * 100, "NOK"}; }

// A part III cleaning tender whose award notice goes out 2025-03-05: the standstill ends with
// 2025-03-15, so the contract may be signed from 2025-03-16.
Tender TenderInStandstill() {
  TenderDraft d;
  d.title = "Renholdstjenester for kommunale bygg";
  d.estimated_value = Nok(24'000'000);
  d.timeline.Set(Milestone::kPublication, D("2025-01-06"));
  d.bid_deadline = T("2025-02-14T12:00:00+01:00");
  d.award_model.criteria = {Criterion{"pris", "Pris", CriterionKind::kPrice, 40},
                            Criterion{"kvalitet", "Kvalitet", CriterionKind::kQuality, 30},
                            Criterion{"sosialt", "Sosiale forhold", CriterionKind::kSocial, 30}};
  Tender tender = *Tender::CreateDraft(d);
  EXPECT_TRUE(tender.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway()).ok());
  EXPECT_TRUE(tender.CloseBidding(T("2025-02-14T11:00:00Z"), {{"", 3}}).ok());
  EXPECT_TRUE(tender.Advance(A::kOpenBids, T("2025-02-14T11:05:00Z")).ok());
  EXPECT_TRUE(tender.Advance(A::kCompleteEvaluation, T("2025-03-03T12:00:00Z")).ok());
  EXPECT_TRUE(tender.Advance(A::kProposeAward, T("2025-03-04T12:00:00Z")).ok());
  EXPECT_TRUE(tender.Advance(A::kSendAwardNotice, T("2025-03-05T09:00:00Z")).ok());
  return tender;
}

bool Allows(const Tender& tender, A action, Timestamp now) {
  std::vector<A> actions = tender.AllowedActions(now);
  return std::find(actions.begin(), actions.end(), action) != actions.end();
}

TEST(Complaint, ASupplierComplainsDuringTheStandstillAndSigningWaitsForTheHandling) {
  Tender tender = TenderInStandstill();
  auto lodged = tender.LodgeComplaint(T("2025-03-10T09:00:00Z"), 7, "Omsorg AS",
                                      "Kvaliteten vår er vurdert for lavt");
  ASSERT_TRUE(lodged.ok()) << lodged.status().ToString();
  EXPECT_EQ(lodged->id, 1);
  EXPECT_TRUE(lodged->open());
  ASSERT_NE(tender.OpenComplaint(), nullptr);

  // The standstill is over, but the complaint is open: signing is refused, naming it.
  Status refused = tender.Advance(A::kSignContract, T("2025-03-16T00:00:00Z"));
  EXPECT_EQ(refused.code(), StatusCode::kConflict);
  EXPECT_NE(refused.message().find("complaint 1 from Omsorg AS"), std::string::npos)
      << refused.message();
  EXPECT_EQ(tender.state(), TenderState::kStandstill);
  EXPECT_FALSE(Allows(tender, A::kSignContract, T("2025-03-16T00:00:00Z")));

  auto handled = tender.HandleComplaint(T("2025-03-12T12:00:00Z"), 1, ComplaintOutcome::kRejected,
                                        "Vurderingen følger den kunngjorte modellen");
  ASSERT_TRUE(handled.ok()) << handled.status().ToString();
  EXPECT_EQ(handled->outcome, ComplaintOutcome::kRejected);
  EXPECT_EQ(handled->handled_at, T("2025-03-12T12:00:00Z"));
  EXPECT_EQ(tender.OpenComplaint(), nullptr);
  EXPECT_TRUE(Allows(tender, A::kSignContract, T("2025-03-16T00:00:00Z")));
  EXPECT_TRUE(tender.Advance(A::kSignContract, T("2025-03-16T00:00:00Z")).ok());
}

TEST(Complaint, IsLodgedOnlyDuringTheStandstillPeriod) {
  Tender tender = TenderInStandstill();
  // The last day of the standstill is 2025-03-15; from the next day it is too late.
  Status late =
      tender.LodgeComplaint(T("2025-03-16T00:00:00Z"), 7, "Omsorg AS", "For sent").status();
  EXPECT_EQ(late.code(), StatusCode::kConflict);
  EXPECT_NE(late.message().find("2025-03-15"), std::string::npos) << late.message();
  EXPECT_TRUE(tender.LodgeComplaint(T("2025-03-15T23:59:59Z"), 7, "Omsorg AS", "I tide").ok());

  Tender draft = *Tender::CreateDraft(tender.draft());
  Status early = draft.LodgeComplaint(T("2025-03-10T09:00:00Z"), 7, "Omsorg AS", "Tidlig").status();
  EXPECT_EQ(early.code(), StatusCode::kConflict);
  EXPECT_NE(early.message().find("'draft'"), std::string::npos) << early.message();
}

TEST(Complaint, BadTextsAndHandlingsNameTheField) {
  Tender tender = TenderInStandstill();
  EXPECT_EQ(tender.LodgeComplaint(T("2025-03-10T09:00:00Z"), 7, "Omsorg AS", "  ").status().field(),
            "grounds");
  EXPECT_EQ(tender
                .LodgeComplaint(T("2025-03-10T09:00:00Z"), 7, "Omsorg AS",
                                std::string(kMaxComplaintTextBytes + 1, 'x'))
                .status()
                .field(),
            "grounds");
  ASSERT_TRUE(tender.LodgeComplaint(T("2025-03-10T09:00:00Z"), 7, "Omsorg AS", "Klage").ok());
  const Timestamp now = T("2025-03-11T09:00:00Z");
  EXPECT_EQ(tender.HandleComplaint(now, 2, ComplaintOutcome::kUpheld, "Ja").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(tender.HandleComplaint(now, 1, ComplaintOutcome::kUpheld, " ").status().field(),
            "reasons");
  EXPECT_EQ(tender.HandleComplaint(now, 1, ComplaintOutcome::kOpen, "Ja").status().field(),
            "outcome");
  ASSERT_TRUE(tender.HandleComplaint(now, 1, ComplaintOutcome::kUpheld, "Ny evaluering").ok());
  EXPECT_EQ(tender.HandleComplaint(now, 1, ComplaintOutcome::kRejected, "Nei").status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(ParseHandlingOutcome("open", "outcome").status().field(), "outcome");
  EXPECT_EQ(*ParseHandlingOutcome("upheld", "outcome"), ComplaintOutcome::kUpheld);
}

TEST(Complaint, IsStoredWithTheTenderAndRestored) {
  Tender tender = TenderInStandstill();
  ASSERT_TRUE(tender.LodgeComplaint(T("2025-03-10T09:00:00Z"), 7, "Omsorg AS", "Klage").ok());
  ASSERT_TRUE(tender.LodgeComplaint(T("2025-03-11T09:00:00Z"), 8, "Renhold AS", "Klage 2").ok());
  ASSERT_TRUE(
      tender
          .HandleComplaint(T("2025-03-12T09:00:00Z"), 2, ComplaintOutcome::kRejected, "Ingen feil")
          .ok());
  const std::string text = TenderSnapshotToJson(tender.Snapshot()).dump();
  auto parsed = ParseTenderSnapshotJson(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(*parsed, tender.Snapshot());
  auto restored = Tender::Restore(*parsed);
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  EXPECT_EQ(restored->complaints(), tender.complaints());
  ASSERT_NE(restored->OpenComplaint(), nullptr);
  EXPECT_EQ(restored->OpenComplaint()->id, 1);

  // Snapshots no sequence of actions could produce are refused, naming the field.
  TenderSnapshot unhandled = tender.Snapshot();
  unhandled.complaints[1].handled_at.reset();
  EXPECT_EQ(Tender::Restore(unhandled).status().field(), "complaints[1].handled_at");
  TenderSnapshot renumbered = tender.Snapshot();
  renumbered.complaints[0].id = 3;
  EXPECT_EQ(Tender::Restore(renumbered).status().field(), "complaints[0].id");
  TenderSnapshot signed_open = tender.Snapshot();
  signed_open.state = TenderState::kContractSigned;
  EXPECT_EQ(Tender::Restore(signed_open).status().field(), "complaints[0].outcome");
  TenderSnapshot early = Tender::CreateDraft(tender.draft())->Snapshot();
  early.complaints = tender.complaints();
  EXPECT_EQ(Tender::Restore(early).status().field(), "complaints");
  EXPECT_EQ(ParseTenderSnapshotJson(
                R"({"version": 1, "state": "draft", "draft": {"title": "x", "estimated_value": 1},
                    "complaints": [{"id": 1, "supplier_organisation_id": 7,
                                    "lodged_at": "2025-03-10T09:00:00Z", "grounds": "g",
                                    "outcome": "maybe"}]})")
                .status()
                .field(),
            "complaints[0].outcome");
}

}  // namespace
}  // namespace samspill::tendering
