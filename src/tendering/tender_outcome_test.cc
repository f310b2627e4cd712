#include "tendering/tender_outcome.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tendering/tender_outcome_json.h"

namespace samspill::tendering {
namespace {

AwardModel CleaningModel() {
  AwardModel m;
  m.criteria = {{"pris", "Pris", evaluation::CriterionKind::kPrice, 40},
                {"kvalitet", "Kvalitet", evaluation::CriterionKind::kQuality, 60}};
  return m;
}

LotBid Bid(int64_t id, const char* name, int64_t kroner, double quality) {
  return LotBid{id,
                OrganisationRef{id, name, "934567897"},
                Money{kroner * 100, "NOK"},
                {{"kvalitet", quality, "Begrunnelse"}}};
}

TEST(TenderOutcome, EvaluateLotNamesTheWinnerByBidIdNotTableRow) {
  // Bid ids are not row numbers: the winner must come back as the bid's own id.
  Result<LotEvaluation> e =
      EvaluateLot(CleaningModel(), "Renhold",
                  {Bid(41, "Dyr AS", 12'000'000, 5), Bid(17, "God AS", 10'000'000, 9)});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  ASSERT_TRUE(e->evaluated());
  EXPECT_EQ(e->winner_bid_id, 17);
  ASSERT_TRUE(e->winner_total.has_value());
  // Lowest price gets 10 points (× 0.4), the best quality 9 (× 0.6): 4 + 5.4.
  EXPECT_NEAR(*e->winner_total, 9.4, 1e-9);
  EXPECT_TRUE(e->tied_bid_ids.empty());
  EXPECT_TRUE(e->note.empty());
  const nlohmann::json report = nlohmann::json::parse(e->report_json);
  EXPECT_TRUE(report.is_object());
}

TEST(TenderOutcome, ASharedFirstPlaceHasNoWinnerAndBlocksTheAward) {
  Result<LotEvaluation> tied = EvaluateLot(
      CleaningModel(), "Renhold", {Bid(5, "A AS", 10'000'000, 8), Bid(6, "B AS", 10'000'000, 8)});
  ASSERT_TRUE(tied.ok()) << tied.status().ToString();
  EXPECT_FALSE(tied->winner_bid_id.has_value());
  EXPECT_EQ(tied->tied_bid_ids, (std::vector<int64_t>{5, 6}));

  Result<LotEvaluation> clear =
      EvaluateLot(CleaningModel(), "Renhold", {Bid(7, "C AS", 9'000'000, 9)});
  ASSERT_TRUE(clear.ok());
  std::map<std::string, LotEvaluation> evaluations{{"1", *clear}, {"2", *tied}};
  Result<std::map<std::string, int64_t>> winners = WinningBids(evaluations);
  ASSERT_FALSE(winners.ok());
  EXPECT_EQ(winners.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(winners.status().message(),
            "lot '2': bids [5,6] share first place; the announced tie rule does not decide, so "
            "the award cannot be proposed");

  evaluations.erase("2");
  evaluations["3"] = LotEvaluation{.note = "no valid bids"};
  winners = WinningBids(evaluations);
  ASSERT_TRUE(winners.ok());
  EXPECT_EQ(*winners, (std::map<std::string, int64_t>{{"1", 7}}));  // lot 3 has nothing to award
}

TEST(TenderOutcome, ALotWithoutValidBidsCarriesOnlyANote) {
  Result<LotEvaluation> e = EvaluateLot(CleaningModel(), "Renhold", {});
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(e->evaluated());
  EXPECT_EQ(e->note, "no valid bids");
  EXPECT_EQ(LotEvaluationToJson(*e), nlohmann::json({{"note", "no valid bids"}}));
}

TEST(TenderOutcome, TheAwardGivesValueScoreAndReasons) {
  const LotBid winner = Bid(17, "God AS", 10'000'000, 9);
  LotEvaluation e;
  e.report_json = "{}";
  e.winner_bid_id = 17;
  e.winner_total = 9.4;
  const LotAward award = AwardLot("", e, winner, CleaningModel());
  EXPECT_EQ(award.bid_id, 17);
  EXPECT_EQ(award.supplier.name, "God AS");
  EXPECT_EQ(award.contract_value, (Money{1'000'000'000, "NOK"}));
  EXPECT_DOUBLE_EQ(award.total_score, 9.4);
  EXPECT_EQ(award.reasons, AwardReasonsNb(winner.supplier, CleaningModel(), 9.4, winner.price));
}

// The Prozorro rule of DOMAIN.md §2: 5 mill. against 10 and 11 mill. is 52.4 % below the
// mean of the others and 50 % below the next-lowest, so the cheap winner is flagged.
std::vector<LotBid> FlaggedLot() {
  return {Bid(3, "Billig AS", 5'000'000, 8), Bid(4, "Middels AS", 10'000'000, 8),
          Bid(5, "Dyr AS", 11'000'000, 8)};
}

PriceExplanation Explanation(int64_t bid_id, ExplanationAssessment assessment) {
  return PriceExplanation{bid_id,
                          Date{2025, 10, 1},
                          "Egne lokaler og lavere lønnskostnader",
                          assessment,
                          "Forklaringen er dokumentert",
                          "innkjoper",
                          Timestamp{}};
}

TEST(TenderOutcome, AFlaggedWinnerCarriesTheFiguresOfTheCheck) {
  Result<LotEvaluation> e = EvaluateLot(CleaningModel(), "Renhold", FlaggedLot());
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  ASSERT_EQ(e->winner_bid_id, 3);
  ASSERT_TRUE(e->abnormally_low.has_value());
  EXPECT_EQ(e->abnormally_low->bid_id, 3);
  EXPECT_EQ(e->abnormally_low->supplier_name, "Billig AS");
  EXPECT_EQ(e->abnormally_low->price.minor, 500'000'000);
  EXPECT_EQ(e->abnormally_low->mean_of_others.minor, 1'050'000'000);
  EXPECT_EQ(e->abnormally_low->next_lowest.minor, 1'000'000'000);
  EXPECT_TRUE(e->abnormally_low->below_mean_threshold);
  EXPECT_TRUE(e->abnormally_low->below_next_threshold);
  EXPECT_NEAR(e->abnormally_low->below_next_lowest_percent, 50.0, 1e-9);

  Result<LotEvaluation> plain = EvaluateLot(
      CleaningModel(), "Renhold", {Bid(1, "A AS", 10'000'000, 9), Bid(2, "B AS", 11'000'000, 8)});
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->abnormally_low.has_value());
}

TEST(TenderOutcome, AFlaggedWinnerIsNotAwardedUntilTheExplanationIsAccepted) {
  Result<LotEvaluation> e = EvaluateLot(CleaningModel(), "Renhold", FlaggedLot());
  ASSERT_TRUE(e.ok());
  std::map<std::string, LotEvaluation> evaluations{{"", *e}};

  Result<std::map<std::string, int64_t>> refused = WinningBids(evaluations);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().message(),
            "bid 3 from Billig AS may be abnormally low (52.4 % below the mean of the other "
            "bids); ask the supplier to explain the price in writing and record the explanation "
            "and your assessment before the award (FOA § 24-9)");

  // A rejected explanation: the bid is to be rejected, never awarded.
  ASSERT_EQ(*RecordPriceExplanation(evaluations, Explanation(3, ExplanationAssessment::kRejected)),
            "");
  refused = WinningBids(evaluations);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(),
            "the explanation of bid 3 from Billig AS was not accepted; the bid is to be "
            "rejected, not awarded (FOA § 24-9)");

  // A later, accepted assessment replaces the rejected one, and the award may go ahead.
  ASSERT_TRUE(
      RecordPriceExplanation(evaluations, Explanation(3, ExplanationAssessment::kAccepted)).ok());
  Result<std::map<std::string, int64_t>> winners = WinningBids(evaluations);
  ASSERT_TRUE(winners.ok()) << winners.status().ToString();
  EXPECT_EQ(winners->at(""), 3);

  // Once accepted, it stands.
  Result<std::string> again =
      RecordPriceExplanation(evaluations, Explanation(3, ExplanationAssessment::kRejected));
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
}

TEST(TenderOutcome, OnlyAWinnerWhoseExplanationWasNotAcceptedIsRejectedAfterTheEvaluation) {
  Result<LotEvaluation> e = EvaluateLot(CleaningModel(), "Renhold", FlaggedLot());
  ASSERT_TRUE(e.ok());
  std::map<std::string, LotEvaluation> evaluations{{"2", *e}};
  EXPECT_EQ(LotOfRejectedExplanation(evaluations, 3).status().code(), StatusCode::kConflict);
  ASSERT_TRUE(
      RecordPriceExplanation(evaluations, Explanation(3, ExplanationAssessment::kRejected)).ok());
  EXPECT_EQ(*LotOfRejectedExplanation(evaluations, 3), "2");
  EXPECT_EQ(LotOfRejectedExplanation(evaluations, 4).status().code(), StatusCode::kConflict);
}

TEST(TenderOutcome, AnExplanationIsRecordedOnlyForAFlaggedWinnerWithReasons) {
  Result<LotEvaluation> e = EvaluateLot(CleaningModel(), "Renhold", FlaggedLot());
  ASSERT_TRUE(e.ok());
  std::map<std::string, LotEvaluation> evaluations{{"1", *e}};
  Result<std::string> other =
      RecordPriceExplanation(evaluations, Explanation(4, ExplanationAssessment::kAccepted));
  EXPECT_EQ(other.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(other.status().message(),
            "bid 4 is not a winning bid flagged as possibly abnormally low; only such a bid's "
            "explanation is recorded");
  PriceExplanation blank = Explanation(3, ExplanationAssessment::kAccepted);
  blank.assessment_reasons = "  ";
  Result<std::string> no_reasons = RecordPriceExplanation(evaluations, blank);
  EXPECT_EQ(no_reasons.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(no_reasons.status().field(), "assessment_reasons");
  EXPECT_FALSE(evaluations.at("1").price_explanation.has_value());
}

TEST(TenderOutcomeJson, TheFlagAndTheExplanationSurviveTheStore) {
  Result<LotEvaluation> e = EvaluateLot(CleaningModel(), "Renhold", FlaggedLot());
  ASSERT_TRUE(e.ok());
  TenderOutcome outcome;
  outcome.evaluations.emplace();
  (*outcome.evaluations)["1"] = *e;
  ASSERT_TRUE(
      RecordPriceExplanation(*outcome.evaluations, Explanation(3, ExplanationAssessment::kAccepted))
          .ok());
  Result<TenderOutcome> back = ParseTenderOutcomeJson(TenderOutcomeToJson(outcome).dump());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  const LotEvaluation& lot = back->evaluations->at("1");
  ASSERT_TRUE(lot.abnormally_low.has_value());
  EXPECT_EQ(lot.abnormally_low->supplier_name, "Billig AS");
  EXPECT_EQ(lot.abnormally_low->mean_of_others.minor, 1'050'000'000);
  ASSERT_TRUE(lot.price_explanation.has_value());
  EXPECT_EQ(lot.price_explanation->asked_on, (Date{2025, 10, 1}));
  EXPECT_EQ(lot.price_explanation->assessment, ExplanationAssessment::kAccepted);
  EXPECT_EQ(lot.price_explanation->recorded_by, "innkjoper");
  EXPECT_TRUE(WinningBids(*back->evaluations).ok());
}

TEST(TenderOutcomeJson, RoundTripsEveryPartInTheStoredForm) {
  TenderOutcome outcome;
  outcome.opening =
      OpeningRecord{Timestamp{1'760'000'000},
                    "innkjoper",
                    {{17, "1", {3, "God AS", "934567897"}, Timestamp{1'759'000'000}, 2}}};
  LotEvaluation e;
  e.report_json = R"({"ranking":[17]})";
  e.winner_bid_id = 17;
  e.winner_total = 9.4;
  outcome.evaluations =
      std::map<std::string, LotEvaluation>{{"1", e}, {"2", {.note = "no valid bids"}}};
  outcome.awards =
      std::vector<LotAward>{AwardLot("1", e, Bid(17, "God AS", 10'000'000, 9), CleaningModel())};
  outcome.notified = std::vector<std::string>{"God AS (934567897)"};

  const nlohmann::json j = TenderOutcomeToJson(outcome);
  EXPECT_EQ(j["opening_record"]["bids"][0]["supplier"]["name"], "God AS");
  EXPECT_EQ(j["opening_record"]["opened_at"], "2025-10-09T08:53:20Z");
  EXPECT_EQ(j["evaluations"]["1"]["report"]["ranking"][0], 17);
  EXPECT_EQ(j["evaluations"]["1"]["tied_bid_ids"], nlohmann::json::array());
  EXPECT_EQ(j["awards"][0]["contract_value"]["amount"], 10'000'000.0);
  EXPECT_EQ(j["awards"][0]["contract_value_minor"], 1'000'000'000);

  Result<TenderOutcome> back = ParseTenderOutcomeJson(j.dump());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(TenderOutcomeToJson(*back), j);
  EXPECT_EQ(back->opening->bids[0].version, 2);
  EXPECT_EQ(back->awards->at(0).contract_value, (Money{1'000'000'000, "NOK"}));

  Result<TenderOutcome> empty = ParseTenderOutcomeJson("{}");
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->opening || empty->evaluations || empty->awards || empty->notified);
}

TEST(TenderOutcomeJson, ACorruptStoredOutcomeIsDataLossNamingThePart) {
  Result<TenderOutcome> bad = ParseTenderOutcomeJson(R"({"awards":[{"lot_id":1}]})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(bad.status().message().find("in awards"), std::string::npos) << bad.status().message();
  EXPECT_EQ(ParseTenderOutcomeJson("[]").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(ParseTenderOutcomeJson("{").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(ParseTenderOutcomeJson(R"({"opening_record":{"opened_at":"not a time",)"
                                   R"("opened_by":"x","bids":[]}})")
                .status()
                .code(),
            StatusCode::kDataLoss);
}

}  // namespace
}  // namespace samspill::tendering
