#include "tendering/tender.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "common/clock.h"
#include "tendering/ocds_sample_records.h"

namespace samspill::tendering {
namespace {

using evaluation::Criterion;
using evaluation::CriterionKind;
using S = TenderState;
using A = TenderAction;

Timestamp T(const char* iso) { return *ParseIsoTimestamp(iso); }
Date D(const char* iso) { return *ParseIsoDate(iso); }
Money Nok(int64_t kroner) { return Money{kroner * 100, "NOK"}; }

// Seed 004: Trondheim's cleaning-services tender with 30 % social criteria.
TenderDraft CleaningDraft() {
  TenderDraft d;
  d.title = "Renholdstjenester for kommunale bygg";
  d.cpv_code = "90910000-9";
  d.category = ServiceCategory::kOrdinary;
  d.estimated_value = Nok(24'000'000);
  d.lots = {{"1", "Skoler og barnehager", Nok(14'000'000)},
            {"2", "Helse- og omsorgsbygg", Nok(10'000'000)}};
  d.timeline.Set(Milestone::kPublication, D("2025-01-06"));
  d.bid_deadline = T("2025-02-14T12:00:00+01:00");
  d.award_model.criteria = {Criterion{"pris", "Pris", CriterionKind::kPrice, 40},
                            Criterion{"kvalitet", "Kvalitet", CriterionKind::kQuality, 30},
                            Criterion{"sosialt", "Sosiale forhold", CriterionKind::kSocial, 30}};
  d.responsibilities = {{"Renholdsmidler og utstyr", Party::kSupplier, ""},
                        {"Tilgang til byggene", Party::kMunicipality, ""}};
  return d;
}

// Seed 000: Trondheim's care homes (BoA), ~100 årsverk, 4 years with an option to extend.
TenderDraft CareHomeDraft() { return tendering::testing::SeedCareHomeDraft(); }

TEST(Tender, DraftValidationNamesTheField) {
  auto bad = [](auto change) {
    TenderDraft d = CleaningDraft();
    change(d);
    return Tender::CreateDraft(d).status().field();
  };
  EXPECT_EQ(bad([](TenderDraft& d) { d.title = "  "; }), "title");
  EXPECT_EQ(bad([](TenderDraft& d) { d.cpv_code = "9091"; }), "cpv_code");
  EXPECT_EQ(bad([](TenderDraft& d) { d.estimated_value = Money{-1, "NOK"}; }), "estimated_value");
  EXPECT_EQ(bad([](TenderDraft& d) { d.lots[1].id = "1"; }), "lots[1].id");
  EXPECT_EQ(bad([](TenderDraft& d) { d.minimum_bids = 0; }), "minimum_bids");
  EXPECT_EQ(bad([](TenderDraft& d) { d.minimum_bids = 10; }), "minimum_bids");
  // § 30-2a reservation only for health and social services.
  EXPECT_EQ(bad([](TenderDraft& d) { d.ideal_reservation_justification = "Ideell drift"; }),
            "category");
  EXPECT_EQ(bad([](TenderDraft& d) {
              d.category = ServiceCategory::kHealthAndSocial;
              d.ideal_reservation_justification = " ";
            }),
            "ideal_reservation_justification");
  EXPECT_TRUE(Tender::CreateDraft(CleaningDraft()).ok());
}

std::vector<std::string> ProblemFields(const TenderDraft& d) {
  std::vector<std::string> fields;
  for (const Status& problem : DraftProblems(d)) {
    EXPECT_EQ(problem.code(), StatusCode::kInvalidArgument) << problem.ToString();
    fields.push_back(problem.field());
  }
  return fields;
}

TEST(Tender, DraftProblemsListsEveryErrorInOneRound) {
  TenderDraft d = CleaningDraft();
  d.title = "";
  d.cpv_code = "90910000-8";  // the list says 90910000-9
  d.lots[1].title = " ";
  d.minimum_bids = 0;
  d.award_model.criteria[2].weight = 20;  // 40 + 30 + 20 = 90
  EXPECT_EQ(ProblemFields(d), (std::vector<std::string>{"title", "cpv_code", "lots[1].title",
                                                        "minimum_bids", "award_model.criteria"}));
  EXPECT_EQ(ValidateDraft(d).field(), "title");  // the first of them
  EXPECT_TRUE(DraftProblems(CleaningDraft()).empty());
}

TEST(Tender, DraftRefusesACpvCodeOutsideTheListOrWithTheWrongCheckDigit) {
  TenderDraft d = CleaningDraft();
  d.cpv_code = "90910000-8";
  Status wrong = ValidateDraft(d);
  EXPECT_EQ(wrong.field(), "cpv_code");
  EXPECT_NE(wrong.message().find("is 9, not 8"), std::string::npos) << wrong.message();
  d.cpv_code = "90919999-1";
  EXPECT_EQ(ValidateDraft(d).field(), "cpv_code");
  d.cpv_code = "90911200-8";
  EXPECT_TRUE(ValidateDraft(d).ok());
}

TEST(Tender, DraftDatesComeInOrderPublicationQuestionsBids) {
  TenderDraft d = CleaningDraft();  // published 2025-01-06, bids close 2025-02-14
  d.timeline.Set(Milestone::kQuestionsDeadline, D("2025-01-06"));  // same day as publication
  std::vector<Status> same_day = DraftProblems(d);
  ASSERT_EQ(same_day.size(), 1u);
  EXPECT_EQ(same_day[0].field(), "timeline.questions_deadline");
  EXPECT_EQ(same_day[0].message(),
            "the deadline for questions (2025-01-06) must come after the publication date "
            "(2025-01-06)");

  d.timeline.Set(Milestone::kQuestionsDeadline, D("2025-02-20"));  // after the bid deadline
  std::vector<Status> late = DraftProblems(d);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].field(), "bid_deadline");
  EXPECT_EQ(late[0].message(),
            "the bid deadline (2025-02-14) must come after the deadline for questions "
            "(2025-02-20)");

  d.timeline.Set(Milestone::kQuestionsDeadline, D("2025-02-01"));
  d.timeline.Set(Milestone::kPublication, D("2025-02-15"));  // after both deadlines
  EXPECT_EQ(ProblemFields(d), (std::vector<std::string>{"timeline.questions_deadline"}));
  d.timeline.Set(Milestone::kPublication, D("2025-01-06"));
  EXPECT_TRUE(DraftProblems(d).empty());
}

// FOA § 7-9 (from 2024-01-01): climate and environment weigh at least 30 % unless an exception
// is written down with its reason.
TEST(Tender, DraftNeedsThirtyPercentClimateOrAWrittenException) {
  TenderDraft d = CleaningDraft();  // no environment criterion
  d.award_rules.climate_weight_required = true;
  std::vector<Status> missing = DraftProblems(d);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].field(), "award_rules.climate_exception");
  EXPECT_NE(missing[0].message().find("FOA § 7-9"), std::string::npos);

  d.award_rules.climate_exception = "  ";  // a blank reason is no exception
  EXPECT_EQ(DraftProblems(d).size(), 1u);
  d.award_rules.climate_exception = "Miljøkrav i kravspesifikasjonen (FOA § 7-9 (2))";
  EXPECT_TRUE(DraftProblems(d).empty());

  d.award_rules.climate_exception.clear();
  d.award_model.criteria[2] = Criterion{"miljo", "Klima og miljø", CriterionKind::kEnvironment, 30};
  EXPECT_TRUE(DraftProblems(d).empty());

  // Before 2024-01-01 the rule did not apply.
  TenderDraft old = CleaningDraft();
  old.award_rules.climate_weight_required = true;
  old.timeline.Set(Milestone::kPublication, D("2023-12-01"));
  old.bid_deadline = T("2024-01-15T12:00:00+01:00");
  EXPECT_TRUE(DraftProblems(old).empty());
  EXPECT_FALSE(ClimateRuleApplies(old));
}

TEST(Tender, CheckPublicationListsEveryReasonWithoutPublishing) {
  // Part III, 14 days from publication to the bid deadline, no environment criterion although
  // § 7-9 applies, and a priority order instead of weights.
  TenderDraft d = CleaningDraft();
  d.bid_deadline = T("2025-01-20T12:00:00+01:00");
  Tender tender = *Tender::CreateDraft(d);
  PublicationCheck check =
      tender.CheckPublication(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway());
  ASSERT_TRUE(check.regime.has_value());
  EXPECT_EQ(check.regime->regime, LegalRegime::kPartIII);
  EXPECT_EQ(check.publication, D("2025-01-06"));
  ASSERT_EQ(check.problems.size(), 1u);
  EXPECT_EQ(check.problems[0].field(), "timeline.bid_deadline");
  EXPECT_NE(check.problems[0].message().find("cannot publish: the bid period is 14 days"),
            std::string::npos)
      << check.problems[0].message();
  ASSERT_FALSE(check.findings.empty());
  EXPECT_EQ(tender.state(), S::kDraft);  // nothing changed

  TenderDraft priority = CleaningDraft();
  priority.award_model.weighting = evaluation::Weighting::kPriorityRankOrderCentroid;
  for (int i = 0; i < 3; ++i) {
    priority.award_model.criteria[i].weight = 0;
    priority.award_model.criteria[i].priority = i + 1;
  }
  priority.bid_deadline.reset();
  PublicationCheck both = Tender::CreateDraft(priority)->CheckPublication(T("2025-01-06T08:00:00Z"),
                                                                          ThresholdTable::Norway());
  std::vector<std::string> fields;
  for (const Status& p : both.problems) fields.push_back(p.field());
  EXPECT_EQ(fields, (std::vector<std::string>{"bid_deadline", "award_model.weighting"}));

  PublicationCheck fine =
      Tender::CreateDraft(CleaningDraft())
          ->CheckPublication(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway());
  EXPECT_TRUE(fine.problems.empty());
  Tender published = *Tender::CreateDraft(CleaningDraft());
  ASSERT_TRUE(published.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway()).ok());
  PublicationCheck again =
      published.CheckPublication(T("2025-01-07T08:00:00Z"), ThresholdTable::Norway());
  ASSERT_EQ(again.problems.size(), 1u);
  EXPECT_EQ(again.problems[0].code(), StatusCode::kConflict);
}

TEST(Tender, CleaningTenderRunsFromDraftToSignedContract) {
  FakeClock clock(T("2025-01-06T08:00:00Z"));
  Tender tender = *Tender::CreateDraft(CleaningDraft());
  TenderDraft revised = CleaningDraft();
  revised.award_model.criteria[1].weight = 35;
  revised.award_model.criteria[2].weight = 25;
  ASSERT_TRUE(tender.ReviseDraft(revised).ok());  // drafts may change

  auto findings = tender.Publish(clock.Now(), ThresholdTable::Norway());
  ASSERT_TRUE(findings.ok()) << findings.status().ToString();
  EXPECT_EQ(tender.state(), S::kPublished);
  EXPECT_EQ(tender.regime()->regime, LegalRegime::kPartIII);
  ASSERT_TRUE(tender.locked_award_model().has_value());
  EXPECT_EQ(tender.locked_award_model()->model.criteria[1].weight, 35);
  EXPECT_TRUE(VerifyAwardModelLock(*tender.locked_award_model()).ok());
  EXPECT_EQ(tender.draft().timeline.Get(Milestone::kBidDeadline), D("2025-02-14"));

  // KOFA 2025/0993: nothing about the announced model can change after publication.
  Status locked = tender.ReviseDraft(CleaningDraft());
  EXPECT_EQ(locked.code(), StatusCode::kConflict);
  EXPECT_NE(locked.message().find("'published'"), std::string::npos);
  EXPECT_EQ(tender.locked_award_model()->model.criteria[1].weight, 35);

  EXPECT_EQ(tender.CloseBidding(T("2025-02-14T10:59:59Z"), {{"1", 4}, {"2", 3}}).code(),
            StatusCode::kConflict);
  ASSERT_TRUE(tender.CloseBidding(T("2025-02-14T11:00:00Z"), {{"1", 4}, {"2", 3}}).ok());
  EXPECT_EQ(tender.state(), S::kBiddingClosed);
  EXPECT_TRUE(tender.unsuccessful_lots().empty());
  ASSERT_TRUE(tender.Advance(A::kOpenBids, T("2025-02-14T11:05:00Z")).ok());
  ASSERT_TRUE(tender.Advance(A::kCompleteEvaluation, T("2025-03-03T12:00:00Z")).ok());
  ASSERT_TRUE(tender.Advance(A::kProposeAward, T("2025-03-04T12:00:00Z")).ok());
  ASSERT_TRUE(tender.Advance(A::kSendAwardNotice, T("2025-03-05T09:00:00Z")).ok());
  EXPECT_EQ(tender.state(), S::kStandstill);
  EXPECT_EQ(tender.draft().timeline.Get(Milestone::kStandstillEnd), D("2025-03-15"));

  Status early = tender.Advance(A::kSignContract, T("2025-03-15T12:00:00Z"));
  EXPECT_EQ(early.code(), StatusCode::kConflict);
  ASSERT_TRUE(tender.Advance(A::kSignContract, T("2025-03-16T00:00:00Z")).ok());
  EXPECT_EQ(tender.state(), S::kContractSigned);
  EXPECT_TRUE(tender.AllowedActions(T("2025-03-17T00:00:00Z")).empty());
  EXPECT_EQ(tender.Cancel(T("2025-03-17T00:00:00Z"), "for sent").code(), StatusCode::kConflict);
}

TEST(Tender, PartIiiDraftWithAStandstillBelowTheLawIsNotPublished) {
  TenderDraft d = CleaningDraft();  // 24 MNOK: part III
  d.standstill_days = 5;
  Tender tender = *Tender::CreateDraft(d);  // a draft may hold it: the regime is not known yet
  auto refused = tender.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().field(), "standstill_days");
  EXPECT_EQ(tender.state(), S::kDraft);
  d.standstill_days = 10;
  ASSERT_TRUE(tender.ReviseDraft(d).ok());
  EXPECT_TRUE(tender.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway()).ok());
}

TEST(Tender, StandstillRunsFromTheAwardNoticeWhenItIsSentLaterThanPlanned) {
  TenderDraft d = CleaningDraft();
  d.timeline.Set(Milestone::kAwardNotice, D("2025-03-05"));
  d.timeline.Set(Milestone::kStandstillEnd, D("2025-03-15"));
  Tender tender = *Tender::CreateDraft(d);
  ASSERT_TRUE(tender.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway()).ok());
  ASSERT_TRUE(tender.CloseBidding(T("2025-02-14T11:00:00Z"), {{"1", 4}, {"2", 3}}).ok());
  ASSERT_TRUE(tender.Advance(A::kOpenBids, T("2025-02-14T11:05:00Z")).ok());
  ASSERT_TRUE(tender.Advance(A::kCompleteEvaluation, T("2025-03-03T12:00:00Z")).ok());
  ASSERT_TRUE(tender.Advance(A::kProposeAward, T("2025-03-04T12:00:00Z")).ok());
  // Sent five days after the planned date: the planned end would leave five days.
  ASSERT_TRUE(tender.Advance(A::kSendAwardNotice, T("2025-03-10T09:00:00Z")).ok());
  EXPECT_EQ(tender.draft().timeline.Get(Milestone::kStandstillEnd), D("2025-03-20"));
  EXPECT_EQ(tender.Advance(A::kSignContract, T("2025-03-16T00:00:00Z")).code(),
            StatusCode::kConflict);
  EXPECT_TRUE(tender.Advance(A::kSignContract, T("2025-03-21T00:00:00Z")).ok());
}

TEST(Tender, CareHomeTenderWithOneBidIsUnsuccessfulThenCancelledWithReasons) {
  Tender tender = *Tender::CreateDraft(CareHomeDraft());
  auto findings = tender.Publish(T("2025-08-21T09:00:00Z"), ThresholdTable::Norway());
  ASSERT_TRUE(findings.ok()) << findings.status().ToString();
  EXPECT_EQ(tender.regime()->regime, LegalRegime::kPartIV);
  bool warned = false;
  for (const auto& f : *findings) {
    if (f.severity == Severity::kWarning && f.message.find("29 days") != std::string::npos) {
      warned = true;
    }
  }
  EXPECT_TRUE(warned) << "seed 000: 29 days for ~100 årsverk must be flagged";

  ASSERT_TRUE(tender.CloseBidding(T("2025-09-19T10:00:00Z"), {{"", 1}}).ok());
  EXPECT_EQ(tender.state(), S::kUnsuccessful);
  EXPECT_EQ(tender.unsuccessful_lots(), std::vector<std::string>{""});
  EXPECT_EQ(tender.AllowedActions(T("2025-09-19T10:00:00Z")), std::vector<A>{A::kCancel});
  EXPECT_EQ(tender.Advance(A::kOpenBids, T("2025-09-19T10:00:00Z")).code(), StatusCode::kConflict);
  EXPECT_EQ(tender.Cancel(T("2025-09-22T10:00:00Z"), " ").code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(tender
                  .Cancel(T("2025-09-22T10:00:00Z"),
                          "Kun ett tilbud kom inn; uten reell konkurranse avlyses konkurransen")
                  .ok());
  EXPECT_EQ(tender.state(), S::kCancelled);
}

TEST(Tender, PoliticalApprovalComesBeforeTheAwardNotice) {
  TenderDraft d = CareHomeDraft();
  Tender tender = *Tender::CreateDraft(d);
  ASSERT_TRUE(tender.Publish(T("2025-08-21T09:00:00Z"), ThresholdTable::Norway()).ok());
  ASSERT_TRUE(tender.CloseBidding(T("2025-09-19T10:00:00Z"), {{"", 3}}).ok());
  ASSERT_TRUE(tender.Advance(A::kOpenBids, T("2025-09-19T11:00:00Z")).ok());
  ASSERT_TRUE(tender.Advance(A::kCompleteEvaluation, T("2025-10-01T11:00:00Z")).ok());
  ASSERT_TRUE(tender.Advance(A::kProposeAward, T("2025-10-02T11:00:00Z")).ok());
  Status too_soon = tender.Advance(A::kSendAwardNotice, T("2025-10-03T11:00:00Z"));
  EXPECT_EQ(too_soon.code(), StatusCode::kConflict);
  EXPECT_FALSE(tender.draft().timeline.Get(Milestone::kAwardNotice).has_value());  // no residue
  ASSERT_TRUE(tender.Advance(A::kApprovePolitically, T("2025-10-23T18:00:00Z")).ok());
  ASSERT_TRUE(tender.Advance(A::kSendAwardNotice, T("2025-10-24T09:00:00Z")).ok());
  EXPECT_EQ(tender.state(), S::kStandstill);
}

TEST(Tender, FailedPublicationChangesNothing) {
  TenderDraft d = CleaningDraft();
  d.timeline.Set(Milestone::kEvaluationDone, D("2025-02-01"));  // before the bid deadline
  Tender tender = *Tender::CreateDraft(d);
  auto refused = tender.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().field().rfind("timeline.", 0), 0u) << refused.status().field();
  EXPECT_EQ(tender.state(), S::kDraft);
  EXPECT_FALSE(tender.locked_award_model().has_value());

  TenderDraft priority = CleaningDraft();  // part III needs weights
  priority.award_model.weighting = evaluation::Weighting::kPriorityRankOrderCentroid;
  for (int i = 0; i < 3; ++i) {
    priority.award_model.criteria[i].weight = 0;
    priority.award_model.criteria[i].priority = i + 1;
  }
  Tender second = *Tender::CreateDraft(priority);
  auto no_weights = second.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway());
  EXPECT_EQ(no_weights.status().field(), "weighting");
  EXPECT_EQ(second.state(), S::kDraft);
  EXPECT_FALSE(second.draft().timeline.Get(Milestone::kBidDeadline).has_value());

  Tender late = *Tender::CreateDraft(CleaningDraft());
  auto past_deadline = late.Publish(T("2025-02-15T08:00:00Z"), ThresholdTable::Norway());
  EXPECT_FALSE(past_deadline.ok());
  EXPECT_EQ(late.state(), S::kDraft);
}

Tender PublishedCleaningTender() {
  Tender tender = *Tender::CreateDraft(CleaningDraft());
  auto published = tender.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway());
  EXPECT_TRUE(published.ok()) << published.status().ToString();
  return tender;
}

TEST(Tender, ALotUnderTheMinimumIsUnsuccessfulWhileTheTenderCloses) {
  Tender tender = PublishedCleaningTender();
  const Timestamp deadline = T("2025-02-14T11:00:00Z");
  // Lot 1 has exactly the minimum of 2 valid bids; lot 2 has one.
  ASSERT_TRUE(tender.CloseBidding(deadline, {{"1", 2}, {"2", 1}}).ok());
  EXPECT_EQ(tender.state(), S::kBiddingClosed);
  EXPECT_EQ(tender.unsuccessful_lots(), std::vector<std::string>{"2"});
  EXPECT_EQ(tender.valid_bids_per_lot(), (std::map<std::string, int>{{"1", 2}, {"2", 1}}));
  EXPECT_EQ(tender.AllowedActions(deadline), (std::vector<A>{A::kOpenBids, A::kCancel}));
}

TEST(Tender, EveryLotUnderTheMinimumMakesTheTenderUnsuccessful) {
  Tender tender = PublishedCleaningTender();
  ASSERT_TRUE(tender.CloseBidding(T("2025-02-14T11:00:00Z"), {{"2", 0}, {"1", 1}}).ok());
  EXPECT_EQ(tender.state(), S::kUnsuccessful);
  EXPECT_EQ(tender.unsuccessful_lots(), (std::vector<std::string>{"1", "2"}));  // lot order
}

TEST(Tender, CloseBiddingNeedsEveryLotExactlyOnce) {
  Tender tender = PublishedCleaningTender();
  const Timestamp deadline = T("2025-02-14T11:00:00Z");
  Status unknown = tender.CloseBidding(deadline, {{"1", 2}, {"2", 2}, {"3", 2}});
  EXPECT_EQ(unknown.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(unknown.field(), "lots");
  EXPECT_NE(unknown.message().find("'3'"), std::string::npos) << unknown.message();
  Status missing = tender.CloseBidding(deadline, {{"1", 2}});
  EXPECT_EQ(missing.field(), "lots");
  EXPECT_NE(missing.message().find("lot '2'"), std::string::npos) << missing.message();
  EXPECT_EQ(tender.CloseBidding(deadline, {{"1", 2}, {"2", -1}}).field(), "lots");
  EXPECT_EQ(tender.CloseBidding(deadline, {{"", 2}}).field(), "lots");
  EXPECT_EQ(tender.state(), S::kPublished);  // refused: nothing recorded
  EXPECT_TRUE(tender.valid_bids_per_lot().empty());

  Tender undivided = *Tender::CreateDraft(CareHomeDraft());
  ASSERT_TRUE(undivided.Publish(T("2025-08-21T09:00:00Z"), ThresholdTable::Norway()).ok());
  const Timestamp care_deadline = T("2025-09-19T10:00:00Z");
  EXPECT_EQ(undivided.CloseBidding(care_deadline, {}).field(), "lots");
  EXPECT_EQ(undivided.CloseBidding(care_deadline, {{"1", 3}}).field(), "lots");
  EXPECT_EQ(undivided.state(), S::kPublished);
}

// Restoring a snapshot gives a tender that snapshots alike and allows the same actions.
void ExpectRestoresAlike(const Tender& tender, Timestamp now) {
  SCOPED_TRACE(std::string(TenderStateName(tender.state())));
  Result<Tender> restored = Tender::Restore(tender.Snapshot());
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  EXPECT_EQ(restored->Snapshot(), tender.Snapshot());
  EXPECT_EQ(restored->AllowedActions(now), tender.AllowedActions(now));
}

TEST(TenderSnapshot, RoundTripsAtEveryStage) {
  Tender tender = *Tender::CreateDraft(CleaningDraft());
  ExpectRestoresAlike(tender, T("2025-01-06T08:00:00Z"));
  ASSERT_TRUE(tender.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway()).ok());
  ExpectRestoresAlike(tender, T("2025-02-14T11:00:00Z"));
  ASSERT_TRUE(tender.CloseBidding(T("2025-02-14T11:00:00Z"), {{"1", 3}, {"2", 1}}).ok());
  ExpectRestoresAlike(tender, T("2025-02-14T11:00:00Z"));
  ASSERT_TRUE(tender.Advance(A::kOpenBids, T("2025-02-14T11:05:00Z")).ok());
  ASSERT_TRUE(tender.Advance(A::kCompleteEvaluation, T("2025-03-03T12:00:00Z")).ok());
  ASSERT_TRUE(tender.Advance(A::kProposeAward, T("2025-03-04T12:00:00Z")).ok());
  ExpectRestoresAlike(tender, T("2025-03-04T12:00:00Z"));
  ASSERT_TRUE(tender.Advance(A::kSendAwardNotice, T("2025-03-05T09:00:00Z")).ok());
  ExpectRestoresAlike(tender, T("2025-03-16T00:00:00Z"));
  ASSERT_TRUE(tender.Advance(A::kSignContract, T("2025-03-16T00:00:00Z")).ok());
  ExpectRestoresAlike(tender, T("2025-03-17T00:00:00Z"));

  // Reserved for ideelle organisasjoner, one bid, cancelled with reasons.
  TenderDraft reserved = CareHomeDraft();
  reserved.ideal_reservation_justification = "Ideelle aktører har lang erfaring med BoA";
  Tender care = *Tender::CreateDraft(reserved);
  ASSERT_TRUE(care.Publish(T("2025-08-21T09:00:00Z"), ThresholdTable::Norway()).ok());
  ASSERT_TRUE(care.ideal_reservation().has_value());
  ExpectRestoresAlike(care, T("2025-08-22T09:00:00Z"));
  ASSERT_TRUE(care.CloseBidding(T("2025-09-19T10:00:00Z"), {{"", 1}}).ok());
  ExpectRestoresAlike(care, T("2025-09-19T10:00:00Z"));
  ASSERT_TRUE(care.Cancel(T("2025-09-22T10:00:00Z"), "Kun ett tilbud").ok());
  ExpectRestoresAlike(care, T("2025-09-22T10:00:00Z"));

  Tender withdrawn = *Tender::CreateDraft(CleaningDraft());  // cancelled as a draft
  ASSERT_TRUE(withdrawn.Cancel(T("2025-01-02T08:00:00Z"), "Behovet falt bort").ok());
  ExpectRestoresAlike(withdrawn, T("2025-01-03T08:00:00Z"));
}

TEST(TenderSnapshot, RestoredTenderKeepsItsLockAndGoesOn) {
  Tender restored = *Tender::Restore(PublishedCleaningTender().Snapshot());
  EXPECT_EQ(restored.ReviseDraft(CleaningDraft()).code(), StatusCode::kConflict);
  ASSERT_TRUE(restored.CloseBidding(T("2025-02-14T11:00:00Z"), {{"1", 2}, {"2", 2}}).ok());
  EXPECT_EQ(restored.state(), S::kBiddingClosed);
}

TenderSnapshot ClosedSnapshot() {
  Tender tender = PublishedCleaningTender();
  EXPECT_TRUE(tender.CloseBidding(T("2025-02-14T11:00:00Z"), {{"1", 3}, {"2", 1}}).ok());
  return tender.Snapshot();
}

Status RestoreStatus(TenderSnapshot snapshot) {
  return Tender::Restore(std::move(snapshot)).status();
}

TEST(TenderSnapshot, RefusesAnInvalidDraft) {
  TenderSnapshot s = ClosedSnapshot();
  s.draft.lots[1].id = "1";
  Status refused = RestoreStatus(s);
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.field(), "draft.lots[1].id");
}

TEST(TenderSnapshot, RefusesAPublishedTenderWithoutRegimeOrLock) {
  TenderSnapshot no_regime = ClosedSnapshot();
  no_regime.regime.reset();
  EXPECT_EQ(RestoreStatus(no_regime).field(), "regime");
  TenderSnapshot no_lock = ClosedSnapshot();
  no_lock.locked_award_model.reset();
  EXPECT_EQ(RestoreStatus(no_lock).field(), "locked_award_model");
  TenderSnapshot no_deadline = ClosedSnapshot();
  no_deadline.draft.bid_deadline.reset();
  EXPECT_EQ(RestoreStatus(no_deadline).field(), "draft.bid_deadline");
}

TEST(TenderSnapshot, RefusesATamperedLockAsInternal) {
  // Both the model and the draft changed alike: only the hash shows it.
  TenderSnapshot s = ClosedSnapshot();
  s.locked_award_model->model.criteria[0].weight = 20;
  s.draft.award_model.criteria[0].weight = 20;
  Status refused = RestoreStatus(s);
  EXPECT_EQ(refused.code(), StatusCode::kInternal);
  EXPECT_NE(refused.message().find("hash"), std::string::npos) << refused.message();
}

TEST(TenderSnapshot, RefusesADraftModelThatDiffersFromTheLock) {
  TenderSnapshot s = ClosedSnapshot();
  s.draft.award_model.criteria[2].name = "Sosialt";
  Status refused = RestoreStatus(s);
  EXPECT_EQ(refused.code(), StatusCode::kInternal);
  EXPECT_NE(refused.message().find("changed"), std::string::npos) << refused.message();
}

TEST(TenderSnapshot, RefusesADraftWithPublicationParts) {
  Tender published = PublishedCleaningTender();
  TenderSnapshot locked = Tender::CreateDraft(CleaningDraft())->Snapshot();
  locked.locked_award_model = published.locked_award_model();
  EXPECT_EQ(RestoreStatus(locked).field(), "locked_award_model");
  TenderSnapshot decided = Tender::CreateDraft(CleaningDraft())->Snapshot();
  decided.regime = published.regime();
  EXPECT_EQ(RestoreStatus(decided).field(), "regime");
  TenderSnapshot reserved = Tender::CreateDraft(CareHomeDraft())->Snapshot();
  reserved.ideal_reservation = IdealReservation{"FOA § 30-2a", "Ideell drift", ""};
  EXPECT_EQ(RestoreStatus(reserved).field(), "ideal_reservation");
}

TEST(TenderSnapshot, RefusesAReservationTheDraftDoesNotAskFor) {
  TenderSnapshot s = ClosedSnapshot();
  s.ideal_reservation = IdealReservation{"FOA § 30-2a", "Ideell drift", ""};
  EXPECT_EQ(RestoreStatus(s).field(), "ideal_reservation");
}

TEST(TenderSnapshot, RefusesACancellationReasonThatDoesNotFitTheState) {
  TenderSnapshot cancelled = ClosedSnapshot();
  cancelled.state = S::kCancelled;
  cancelled.cancellation_reason = " ";
  EXPECT_EQ(RestoreStatus(cancelled).field(), "cancellation_reason");
  cancelled.cancellation_reason = "Budsjettet ble kuttet";
  EXPECT_TRUE(RestoreStatus(cancelled).ok());
  TenderSnapshot open = ClosedSnapshot();
  open.cancellation_reason = "Budsjettet ble kuttet";
  EXPECT_EQ(RestoreStatus(open).field(), "cancellation_reason");
}

TEST(TenderSnapshot, RefusesLotOutcomesThatDoNotFitTheState) {
  TenderSnapshot before_close = PublishedCleaningTender().Snapshot();
  before_close.valid_bids_per_lot = {{"1", 3}, {"2", 1}};
  EXPECT_EQ(RestoreStatus(before_close).field(), "valid_bids_per_lot");

  TenderSnapshot missing_lot = ClosedSnapshot();
  missing_lot.valid_bids_per_lot.erase("2");
  missing_lot.unsuccessful_lots.clear();
  EXPECT_EQ(RestoreStatus(missing_lot).field(), "valid_bids_per_lot");

  TenderSnapshot wrong_lots = ClosedSnapshot();
  wrong_lots.unsuccessful_lots = {"1"};
  EXPECT_EQ(RestoreStatus(wrong_lots).field(), "unsuccessful_lots");

  TenderSnapshot all_failed = ClosedSnapshot();  // still bidding_closed
  all_failed.valid_bids_per_lot["1"] = 0;
  all_failed.unsuccessful_lots = {"1", "2"};
  EXPECT_EQ(RestoreStatus(all_failed).field(), "state");

  TenderSnapshot closed_without_counts = ClosedSnapshot();
  closed_without_counts.valid_bids_per_lot.clear();
  closed_without_counts.unsuccessful_lots.clear();
  EXPECT_EQ(RestoreStatus(closed_without_counts).field(), "valid_bids_per_lot");
}

TEST(TenderSnapshot, RefusesPoliticalApprovalThatIsNotRequired) {
  TenderSnapshot s = ClosedSnapshot();
  s.state = S::kPoliticalApproval;
  EXPECT_EQ(RestoreStatus(s).field(), "state");
}

}  // namespace
}  // namespace samspill::tendering

namespace samspill::tendering {
namespace {

// Receiving bids (DOMAIN.md, sealed bids): only while published and before the deadline, for
// a lot of the tender, with a positive price; a supplier's second bid for a lot replaces its
// first.
class ReceiveBidTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tender_.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway()).ok());
  }
  static Money Nok(int64_t kroner) { return Money{kroner * 100, "NOK"}; }
  static Timestamp T(const char* iso) { return *ParseIsoTimestamp(iso); }
  static TenderDraft Draft() {
    TenderDraft d;
    d.title = "Renholdstjenester for kommunale bygg";
    d.cpv_code = "90910000-9";
    d.estimated_value = Nok(24'000'000);
    d.lots = {{"1", "Skoler og barnehager", Nok(14'000'000)},
              {"2", "Helse- og omsorgsbygg", Nok(10'000'000)}};
    d.timeline.Set(Milestone::kPublication, *ParseIsoDate("2025-01-06"));
    d.bid_deadline = T("2025-02-14T12:00:00+01:00");
    d.award_model.criteria = {
        evaluation::Criterion{"pris", "Pris", evaluation::CriterionKind::kPrice, 60},
        evaluation::Criterion{"kvalitet", "Kvalitet", evaluation::CriterionKind::kQuality, 40}};
    return d;
  }
  Tender tender_ = *Tender::CreateDraft(Draft());
  const Timestamp before_ = T("2025-02-14T10:59:59Z");  // one second before 12:00 CET
};

TEST_F(ReceiveBidTest, ABidBeforeTheDeadlineIsReceivedAndASecondOneReplacesTheFirst) {
  Result<BidReceipt> first = tender_.ReceiveBid(before_, {"1", 7, Nok(13'500'000)}, {});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_FALSE(first->replaces_earlier);

  const std::vector<BidOnFile> on_file = {{"1", 7}, {"2", 8}};
  EXPECT_TRUE(tender_.ReceiveBid(before_, {"1", 7, Nok(13'000'000)}, on_file)->replaces_earlier);
  // Another lot, or another supplier for the same lot, is a bid of its own.
  EXPECT_FALSE(tender_.ReceiveBid(before_, {"2", 7, Nok(9'000'000)}, on_file)->replaces_earlier);
  EXPECT_FALSE(tender_.ReceiveBid(before_, {"1", 8, Nok(9'000'000)}, on_file)->replaces_earlier);
}

TEST_F(ReceiveBidTest, ALateBidIsRejectedEvenAtTheDeadlineItself) {
  for (const char* at : {"2025-02-14T11:00:00Z", "2025-02-14T11:00:01Z", "2025-03-01T00:00:00Z"}) {
    Result<BidReceipt> late = tender_.ReceiveBid(T(at), {"1", 7, Nok(100)}, {});
    EXPECT_EQ(late.status().code(), StatusCode::kConflict) << at;
    EXPECT_NE(late.status().message().find("late bids are rejected"), std::string::npos)
        << late.status().message();
  }
}

TEST_F(ReceiveBidTest, BidsArriveOnlyWhilePublished) {
  Tender draft = *Tender::CreateDraft(Draft());
  Result<BidReceipt> early = draft.ReceiveBid(before_, {"1", 7, Nok(100)}, {});
  EXPECT_EQ(early.status().code(), StatusCode::kConflict);
  EXPECT_NE(early.status().message().find("'draft'"), std::string::npos);

  ASSERT_TRUE(tender_.Cancel(before_, "Behovet falt bort etter omorganisering").ok());
  Result<BidReceipt> cancelled = tender_.ReceiveBid(before_, {"1", 7, Nok(100)}, {});
  EXPECT_EQ(cancelled.status().code(), StatusCode::kConflict);
  EXPECT_NE(cancelled.status().message().find("'cancelled'"), std::string::npos);
}

TEST_F(ReceiveBidTest, TheLotMustBeTheTendersAndThePricePositiveInItsCurrency) {
  EXPECT_EQ(tender_.ReceiveBid(before_, {"3", 7, Nok(100)}, {}).status().field(), "lot_id");
  EXPECT_EQ(tender_.ReceiveBid(before_, {"", 7, Nok(100)}, {}).status().field(), "lot_id");
  EXPECT_EQ(tender_.ReceiveBid(before_, {"1", 7, Nok(0)}, {}).status().field(), "price");
  EXPECT_EQ(tender_.ReceiveBid(before_, {"1", 7, Money{-1, "NOK"}}, {}).status().field(), "price");
  EXPECT_EQ(tender_.ReceiveBid(before_, {"1", 7, Money{100, "EUR"}}, {}).status().field(), "price");
  EXPECT_EQ(tender_.ReceiveBid(before_, {"1", 0, Nok(100)}, {}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_TRUE(tender_.ReceiveBid(before_, {"1", 7, Money{1, "NOK"}}, {}).ok());

  // An undivided tender takes bids only without a lot.
  TenderDraft undivided = Draft();
  undivided.lots.clear();
  undivided.why_not_divided = "Ett bygg, én leverandør gir best oppfølging";
  Tender whole = *Tender::CreateDraft(undivided);
  ASSERT_TRUE(whole.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway()).ok());
  EXPECT_EQ(whole.LotIds(), std::vector<std::string>{""});
  EXPECT_TRUE(whole.ReceiveBid(before_, {"", 7, Nok(100)}, {}).ok());
  Result<BidReceipt> with_lot = whole.ReceiveBid(before_, {"1", 7, Nok(100)}, {});
  EXPECT_EQ(with_lot.status().field(), "lot_id");
  EXPECT_NE(with_lot.status().message().find("leave lot_id out"), std::string::npos);
}

}  // namespace
}  // namespace samspill::tendering
