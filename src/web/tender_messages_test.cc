// Every message the tender draft, the timeline check, the tender's state machine and the tender
// service give, produced by the real code, must have its Norwegian text (docs/decisions/0017):
// a new or reworded English message fails here instead of showing in English on a Norwegian
// page.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/tender_service.h"
#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"
#include "tendering/cpv.h"
#include "tendering/tender.h"
#include "tendering/timeline.h"
#include "web/messages.h"

namespace samspill::web {
namespace {

using evaluation::Criterion;
using evaluation::CriterionKind;
using tendering::Milestone;
using tendering::Tender;
using tendering::TenderDraft;

Timestamp T(const char* iso) { return *ParseIsoTimestamp(iso); }
Date D(const char* iso) { return *ParseIsoDate(iso); }

TenderDraft Valid() {
  TenderDraft d;
  d.title = "Renholdstjenester";
  d.cpv_code = "90910000-9";
  d.estimated_value = Money{24'000'000'00, "NOK"};
  d.timeline.Set(Milestone::kPublication, D("2025-01-06"));
  d.bid_deadline = T("2025-02-14T12:00:00+01:00");
  d.award_model.criteria = {Criterion{"pris", "Pris", CriterionKind::kPrice, 40},
                            Criterion{"kvalitet", "Kvalitet", CriterionKind::kQuality, 60}};
  return d;
}

TEST(TenderMessages, EveryDraftTimelineAndServiceMessageIsInNorwegian) {
  std::vector<std::string> messages;
  auto from_status = [&](const Status& s) {
    ASSERT_FALSE(s.ok());
    messages.push_back(s.message());
  };
  auto from_draft = [&](auto change) {
    TenderDraft d = Valid();
    change(d);
    std::vector<Status> problems = tendering::DraftProblems(d);
    ASSERT_FALSE(problems.empty());
    for (const Status& s : problems) messages.push_back(s.message());
  };

  // The draft, every field at once and one by one.
  from_draft([](TenderDraft& d) {
    d.title = "";
    d.cpv_code = "90910000-8";
    d.lots = {
        {"", "", Money{-1, "NOK"}}, {"1", "Skoler", Money{1, "SEK"}}, {"1", "Barnehager", Money{}}};
    d.minimum_bids = 0;
    d.standstill_days = 91;
    d.profile.staff_years = -1;
    d.responsibilities = {{"", tendering::Party::kSupplier, ""}};
    d.ideal_reservation_justification = "Ideell drift";
  });
  from_draft([](TenderDraft& d) { d.cpv_code = "9091"; });
  from_draft([](TenderDraft& d) { d.cpv_code = "90919999-1"; });
  from_draft([](TenderDraft& d) { d.lots.resize(101, {"x", "x", Money{}}); });
  from_draft([](TenderDraft& d) {
    d.category = tendering::ServiceCategory::kHealthAndSocial;
    d.ideal_reservation_justification = " ";
  });
  from_draft(
      [](TenderDraft& d) { d.timeline.Set(Milestone::kQuestionsDeadline, D("2025-01-06")); });
  from_draft(
      [](TenderDraft& d) { d.timeline.Set(Milestone::kQuestionsDeadline, D("2025-03-01")); });
  from_draft([](TenderDraft& d) { d.timeline.Set(Milestone::kPublication, D("2025-03-01")); });
  // The award model.
  from_draft([](TenderDraft& d) { d.award_model.criteria[1].weight = 50; });
  from_draft([](TenderDraft& d) { d.award_rules.climate_weight_required = true; });
  from_draft([](TenderDraft& d) { d.award_model.criteria[1].weight = 0; });
  from_draft([](TenderDraft& d) { d.award_model.criteria[1].weight = 2e9; });
  from_draft([](TenderDraft& d) { d.award_model.criteria[1].id = ""; });
  from_draft([](TenderDraft& d) { d.award_model.criteria[1].id = "pris"; });
  from_draft([](TenderDraft& d) { d.award_model.criteria[1].kind = CriterionKind::kPrice; });
  from_draft([](TenderDraft& d) { d.award_model.criteria[0].kind = CriterionKind::kQuality; });
  from_status(tendering::ValidateAwardModel({}, tendering::LegalRegime::kPartIII));
  tendering::AwardModel priority = Valid().award_model;
  priority.weighting = evaluation::Weighting::kPriorityRankOrderCentroid;
  priority.criteria[0] = {"pris", "Pris", CriterionKind::kPrice, 0, 1};
  priority.criteria[1] = {"kvalitet", "Kvalitet", CriterionKind::kQuality, 0, 2};
  from_status(tendering::ValidateAwardModel(priority, tendering::LegalRegime::kPartIII));

  // The timeline: order, periods, recommendations, and the notes it adds.
  tendering::TenderProfile open;
  auto timeline = [&](tendering::LegalRegime regime, const tendering::TenderProfile& profile,
                      std::vector<std::pair<Milestone, const char*>> dates) {
    tendering::Timeline t;
    for (const auto& [m, date] : dates) t.Set(m, D(date));
    auto findings = tendering::CheckTimeline(t, regime, profile);
    ASSERT_TRUE(findings.ok()) << findings.status().ToString();
    for (const auto& f : *findings) messages.push_back(f.message);
  };
  using R = tendering::LegalRegime;
  timeline(R::kPartIII, open,
           {{Milestone::kPublication, "2025-01-06"}, {Milestone::kBidDeadline, "2025-01-20"}});
  timeline(R::kPartII, open,
           {{Milestone::kPublication, "2025-01-06"},
            {Milestone::kBidDeadline, "2025-01-20"},
            {Milestone::kEvaluationDone, "2025-01-10"},
            {Milestone::kAwardNotice, "2025-02-01"}});
  tendering::TenderProfile large = open;
  large.staff_transfer = true;
  large.staff_years = 100;
  timeline(R::kPartIII, large,
           {{Milestone::kPublication, "2025-01-06"}, {Milestone::kBidDeadline, "2025-02-14"}});
  large.staff_transfer = false;
  timeline(R::kPartIII, large,
           {{Milestone::kPublication, "2025-01-06"}, {Milestone::kBidDeadline, "2025-02-14"}});
  large.staff_years = 0;
  large.staff_transfer = true;
  timeline(R::kPartIV, large,
           {{Milestone::kPublication, "2025-01-06"}, {Milestone::kBidDeadline, "2025-02-14"}});
  tendering::TenderProfile small = open;
  small.staff_years = 3;
  timeline(R::kPartII, small,
           {{Milestone::kPublication, "2025-01-06"}, {Milestone::kBidDeadline, "2025-01-20"}});
  tendering::TenderProfile approval = open;
  approval.political_approval_required = true;
  timeline(R::kPartII, approval,
           {{Milestone::kContractSigned, "2025-03-01"},
            {Milestone::kStaffTransfer, "2025-02-01"},
            {Milestone::kAwardNotice, "2025-02-20"}});
  // Staff transfer: the reservation period below the law, the deadline after the transfer, and
  // the information after the transfer (an order error naming both).
  timeline(R::kPartIV, open,
           {{Milestone::kStaffInformation, "2025-03-01"},
            {Milestone::kReservationDeadline, "2025-03-10"},
            {Milestone::kStaffTransfer, "2025-02-20"}});
  tendering::TenderProfile restricted = open;
  restricted.procedure = tendering::Procedure::kRestricted;
  timeline(R::kPartIII, restricted,
           {{Milestone::kPublication, "2025-01-06"}, {Milestone::kBidDeadline, "2025-03-14"}});
  restricted.prior_notice_or_urgency = true;
  timeline(R::kPartIII, restricted,
           {{Milestone::kPublication, "2025-01-06"},
            {Milestone::kRequestDeadline, "2025-01-26"},
            {Milestone::kBidDeadline, "2025-03-14"}});
  tendering::TenderProfile other = open;
  other.procedure = tendering::Procedure::kOther;
  timeline(R::kPartIII, other,
           {{Milestone::kPublication, "2025-01-06"},
            {Milestone::kRequestDeadline, "2025-02-14"},
            {Milestone::kBidDeadline, "2025-03-14"}});

  // The tender's state machine and bids.
  Tender draft = *Tender::CreateDraft(Valid());
  from_status(draft.CloseBidding(T("2025-03-01T00:00:00Z"), {{"", 1}}));
  from_status(draft.Cancel(T("2025-01-02T00:00:00Z"), " "));
  from_status(draft.ReceiveBid(T("2025-01-02T00:00:00Z"), {"", 1, Money{100, "NOK"}}, {}).status());
  TenderDraft no_deadline = Valid();
  no_deadline.bid_deadline.reset();
  Tender undated = *Tender::CreateDraft(no_deadline);
  from_status(
      undated.Publish(T("2025-01-06T08:00:00Z"), tendering::ThresholdTable::Norway()).status());
  Tender late = *Tender::CreateDraft(Valid());
  from_status(
      late.Publish(T("2025-02-15T08:00:00Z"), tendering::ThresholdTable::Norway()).status());
  Tender published = *Tender::CreateDraft(Valid());
  ASSERT_TRUE(
      published.Publish(T("2025-01-06T08:00:00Z"), tendering::ThresholdTable::Norway()).ok());
  from_status(published.ReviseDraft(Valid()));
  from_status(published.CloseBidding(T("2025-01-10T00:00:00Z"), {{"", 1}}));
  from_status(published.CheckLotId("2"));
  from_status(
      published.ReceiveBid(T("2025-01-10T00:00:00Z"), {"", 1, Money{0, "NOK"}}, {}).status());
  from_status(
      published.ReceiveBid(T("2025-01-10T00:00:00Z"), {"", 1, Money{100, "SEK"}}, {}).status());
  from_status(
      published.ReceiveBid(T("2025-03-10T00:00:00Z"), {"", 1, Money{100, "NOK"}}, {}).status());
  from_status(
      published.Publish(T("2025-01-10T00:00:00Z"), tendering::ThresholdTable::Norway()).status());
  TenderDraft with_lots = Valid();
  with_lots.lots = {{"1", "Skoler", Money{}}};
  from_status(Tender::CreateDraft(with_lots)->CheckLotId("9"));

  // The service: who may, what exists.
  FakeClock clock(T("2025-01-06T08:00:00Z"));
  std::unique_ptr<store::Store> store = std::move(store::OpenSqliteStore(":memory:")).value();
  app::TenderService service(*store, clock);
  store::AuditEvent e;
  e.at = clock.Now();
  e.action = "user.create";
  e.entity_type = "user";
  const app::Actor officer = app::Actor::FromUser(
      *store->CreateUser({"innkjoper", "Innkjøper", Role::kProcurementOfficer, "h"}, e));
  const app::Actor supplier = app::Actor::FromUser(
      *store->CreateUser({"leverandor", "Leverandør", Role::kSupplier, "h"}, e));
  from_status(service.Get(officer, 77).status());
  from_status(service.Create(supplier, "{}").status());
  from_status(service.Create(officer, R"({"title": "Renhold", "estimated_value": 1000})").status());

  ASSERT_GE(messages.size(), 50u);
  for (const std::string& m : messages) {
    EXPECT_TRUE(HasNorwegian(m)) << "no Norwegian text for: " << m;
  }
}

TEST(TenderMessages, OrderErrorsNameTheMilestonesInNorwegian) {
  EXPECT_EQ(InLanguage(Lang::kNb,
                       "evaluation done (2025-01-10) must come on or after bid "
                       "deadline (2025-01-20)"),
            "evaluering ferdig (2025-01-10) må komme samme dag som eller etter tilbudsfrist "
            "(2025-01-20)");
  EXPECT_EQ(InLanguage(Lang::kNb, "the check digit of CPV code 90911200 is 8, not 7 (90911200-8)"),
            "kontrollsifferet for CPV-kode 90911200 er 8, ikke 7 (90911200-8)");
}

}  // namespace
}  // namespace samspill::web
