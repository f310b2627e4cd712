#include "tendering/tender_json.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace samspill::tendering {
namespace {

using evaluation::Criterion;
using evaluation::CriterionKind;
using nlohmann::json;

Timestamp T(const char* iso) { return *ParseIsoTimestamp(iso); }
Date D(const char* iso) { return *ParseIsoDate(iso); }
Money Nok(int64_t kroner) { return Money{kroner * 100, "NOK"}; }

// Seed 000 in full: Trondheim's care homes (BoA) run by a supplier, ~100 årsverk, four years
// with an option to extend. Every field differs from its default.
TenderDraft CareHomeDraft() {
  TenderDraft d;
  d.title = "Drift av bo- og aktivitetstilbud (BoA)";
  d.description =
      "Heldøgns bo- og aktivitetstilbud i Trondheim kommune, 4 år med opsjon på "
      "forlengelse og på å doble omfanget";
  d.cpv_code = "85000000-9";
  d.category = ServiceCategory::kHealthAndSocial;
  d.buyer_type = BuyerType::kMunicipal;
  d.estimated_value = Money{800'000'000'50, "NOK"};
  d.why_not_divided = "Ett samlet tilbud gir faglig helhet for beboerne";
  d.profile.procedure = Procedure::kRestricted;
  d.profile.electronic_submission_required = false;
  d.profile.prior_notice_or_urgency = true;
  d.profile.political_approval_required = true;
  d.profile.staff_transfer = true;
  d.profile.staff_years = 100;
  d.timeline.Set(Milestone::kPoliticalDecision, D("2025-02-20"));
  d.timeline.Set(Milestone::kMarketDialogue, D("2024-10-15"));
  d.timeline.Set(Milestone::kDocumentsReady, D("2025-08-15"));
  d.timeline.Set(Milestone::kPublication, D("2025-08-21"));
  d.timeline.Set(Milestone::kPoliticalApproval, D("2025-10-23"));
  d.timeline.Set(Milestone::kOperationStart, D("2026-03-01"));
  d.bid_deadline = T("2025-09-19T12:00:00+02:00");
  d.minimum_bids = 3;
  d.standstill_days = 14;
  d.ideal_reservation_justification = "Ideelle aktører har lang erfaring med BoA i Trondheim";
  d.responsibilities = {{"Legetjenester", Party::kMunicipality, "Sykehjemslege fra kommunen"},
                        {"Drift og bemanning", Party::kSupplier, ""},
                        {"Vedlikehold av bygg", Party::kShared, "Etter egen avtale"}};
  d.award_model.price_model = evaluation::PriceModel::kLinear;
  d.award_model.normalisation = evaluation::Normalisation::kBestGetsMax;
  d.award_model.tie_break = evaluation::TieBreak::kLowestPrice;
  d.award_model.criteria = {
      Criterion{"pris", "Pris", CriterionKind::kPrice, 40},
      Criterion{"kvalitet", "Kvalitet i tjenesten", CriterionKind::kQuality, 40},
      Criterion{"miljo", "", CriterionKind::kEnvironment, 20}};
  d.award_rules.climate_weight_required = true;
  d.award_rules.min_climate_weight_share = 0.25;
  d.award_rules.climate_exception = "Tjenestens klimaavtrykk er lite; miljø vektes 20 %";
  return d;
}

// Seed 004: the cleaning tender with two lots, published and closed in the tests below.
TenderDraft CleaningDraft() {
  TenderDraft d;
  d.title = "Renholdstjenester for kommunale bygg";
  d.cpv_code = "90910000-9";
  d.estimated_value = Nok(24'000'000);
  d.lots = {{"1", "Skoler og barnehager", Money{14'000'000'25, "NOK"}},
            {"2", "Helse- og omsorgsbygg", Nok(10'000'000)}};
  d.timeline.Set(Milestone::kPublication, D("2025-01-06"));
  d.bid_deadline = T("2025-02-14T12:00:00+01:00");
  d.award_model.criteria = {Criterion{"pris", "Pris", CriterionKind::kPrice, 40},
                            Criterion{"kvalitet", "Kvalitet", CriterionKind::kQuality, 30},
                            Criterion{"sosialt", "Sosiale forhold", CriterionKind::kSocial, 30}};
  return d;
}

Result<TenderDraft> RoundTrip(const TenderDraft& draft) {
  return ParseTenderDraftJson(TenderDraftToJson(draft).dump());
}

TEST(TenderDraftJson, FullDraftRoundTrips) {
  const TenderDraft draft = CareHomeDraft();
  Result<TenderDraft> back = RoundTrip(draft);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(*back == draft);

  const json j = TenderDraftToJson(draft);
  EXPECT_EQ(j["estimated_value"], 800000000.5);
  EXPECT_EQ(j["category"], "health_and_social");
  EXPECT_EQ(j["profile"]["procedure"], "restricted");
  EXPECT_EQ(j["timeline"]["political_decision"], "2025-02-20");
  EXPECT_FALSE(j["timeline"].contains("bid_deadline"));  // unset milestones are left out
  EXPECT_EQ(j["bid_deadline"], "2025-09-19T10:00:00Z");
  EXPECT_EQ(j["responsibilities"][0]["party"], "municipality");
  EXPECT_EQ(j["award_model"]["normalisation"], "best_gets_max");
  EXPECT_EQ(j["award_model"]["criteria"][2],
            (json{{"id", "miljo"}, {"kind", "environment"}, {"weight", 20.0}}));
}

TEST(TenderDraftJson, LotsAndTheOtherWeightingsRoundTrip) {
  Result<TenderDraft> cleaning = RoundTrip(CleaningDraft());
  ASSERT_TRUE(cleaning.ok()) << cleaning.status().ToString();
  EXPECT_TRUE(*cleaning == CleaningDraft());
  EXPECT_EQ(cleaning->lots[0].estimated_value.minor, 14'000'000'25);

  TenderDraft priority = CleaningDraft();
  priority.award_model.weighting = evaluation::Weighting::kPriorityRankOrderCentroid;
  for (int i = 0; i < 3; ++i) {
    priority.award_model.criteria[i].weight = 0;
    priority.award_model.criteria[i].priority = 3 - i;
  }
  Result<TenderDraft> by_priority = RoundTrip(priority);
  ASSERT_TRUE(by_priority.ok()) << by_priority.status().ToString();
  EXPECT_TRUE(*by_priority == priority);

  TenderDraft per_point = CleaningDraft();
  per_point.award_model.price_model = evaluation::PriceModel::kQualityPricing;
  per_point.award_model.weighting = evaluation::Weighting::kValuePerPoint;
  per_point.award_model.criteria = {Criterion{"pris", "", CriterionKind::kPrice},
                                    Criterion{"kvalitet", "", CriterionKind::kQuality}};
  per_point.award_model.criteria[1].value_per_point_minor = 125'000'50;
  Result<TenderDraft> by_value = RoundTrip(per_point);
  ASSERT_TRUE(by_value.ok()) << by_value.status().ToString();
  EXPECT_TRUE(*by_value == per_point);

  TenderDraft unfinished = CleaningDraft();  // criteria come later in the drafting
  unfinished.award_model.criteria.clear();
  unfinished.bid_deadline.reset();
  Result<TenderDraft> back = RoundTrip(unfinished);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(*back == unfinished);
}

TEST(TenderDraftJson, ParsesTheDocumentedExample) {
  Result<TenderDraft> d = ParseTenderDraftJson(R"json({
    "title": "Drift av bo- og aktivitetstilbud (BoA)",
    "description": "Heldøgns bo- og aktivitetstilbud i Trondheim kommune",
    "cpv_code": "85000000-9",
    "category": "health_and_social",
    "buyer_type": "municipal",
    "estimated_value": 800000000,
    "lots": [],
    "why_not_divided": "Ett samlet tilbud gir faglig helhet for beboerne",
    "profile": {"procedure": "other",
                "electronic_submission_required": true, "prior_notice_or_urgency": false,
                "political_approval_required": true, "staff_transfer": true,
                "staff_years": 100},
    "timeline": {"political_decision": "2025-02-20", "publication": "2025-08-21"},
    "bid_deadline": "2025-09-19T12:00:00+02:00",
    "minimum_bids": 2,
    "standstill_days": 10,
    "ideal_reservation_justification": "",
    "responsibilities": [{"area": "Legetjenester", "party": "municipality",
                          "description": "..."}],
    "award_model": {"price_model": "proportional", "normalisation": "none",
                    "tie_break": "shared", "currency": "NOK",
                    "criteria": [{"id": "pris", "name": "Pris", "kind": "price", "weight": 40},
                                 {"id": "kvalitet", "kind": "quality", "weight": 60}]},
    "award_rules": {"climate_weight_required": false, "min_climate_weight_share": 0.3,
                    "climate_exception": ""}})json");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->estimated_value, Nok(800'000'000));
  EXPECT_EQ(d->profile.procedure, Procedure::kOther);
  EXPECT_EQ(d->profile.staff_years, 100);
  EXPECT_EQ(d->timeline.Get(Milestone::kPublication), D("2025-08-21"));
  EXPECT_EQ(d->bid_deadline, T("2025-09-19T10:00:00Z"));
  EXPECT_EQ(d->responsibilities[0].party, Party::kMunicipality);
  ASSERT_EQ(d->award_model.criteria.size(), 2u);
  EXPECT_EQ(d->award_model.criteria[1].weight, 60);
}

TEST(TenderDraftJson, TheRequestToParticipateDeadlineIsAnOptionalTimelineDate) {
  Result<TenderDraft> d = ParseTenderDraftJson(
      R"({"title": "Skoleskyss", "estimated_value": 0,
          "timeline": {"publication": "2025-01-01", "request_deadline": "2025-01-31"}})");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->timeline.Get(Milestone::kRequestDeadline), D("2025-01-31"));
  EXPECT_EQ(TenderDraftToJson(*d)["timeline"]["request_deadline"], "2025-01-31");
  Result<TenderDraft> without = ParseTenderDraftJson(
      R"({"title": "Skoleskyss", "estimated_value": 0, "timeline": {"publication": "2025-01-01"}})");
  ASSERT_TRUE(without.ok()) << without.status().ToString();
  EXPECT_FALSE(without->timeline.Get(Milestone::kRequestDeadline).has_value());
  EXPECT_FALSE(TenderDraftToJson(*without)["timeline"].contains("request_deadline"));
}

TEST(TenderDraftJson, LeftOutFieldsKeepTheirDefaults) {
  Result<TenderDraft> d = ParseTenderDraftJson(R"({"title": "Skoleskyss", "estimated_value": 0})");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  TenderDraft expected;
  expected.title = "Skoleskyss";
  EXPECT_TRUE(*d == expected);
}

// Each case breaks one field of the full draft's document; the error must name that field.
struct BrokenField {
  std::string field;
  std::function<void(json&)> change;
};

TEST(TenderDraftJson, ErrorsNameTheJsonPath) {
  const std::vector<BrokenField> cases = {
      {"titel", [](json& j) { j["titel"] = "x"; }},
      {"title", [](json& j) { j.erase("title"); }},
      {"title", [](json& j) { j["title"] = "   "; }},  // ValidateDraft
      {"estimated_value", [](json& j) { j.erase("estimated_value"); }},
      {"estimated_value", [](json& j) { j["estimated_value"] = 10.005; }},
      {"estimated_value", [](json& j) { j["estimated_value"] = "800000000"; }},
      {"category", [](json& j) { j["category"] = "health"; }},
      {"buyer_type", [](json& j) { j["buyer_type"] = 1; }},
      {"lots", [](json& j) { j["lots"] = json::object(); }},
      {"lots[0].pris",
       [](json& j) {
         j["lots"] = {{{"id", "1"}, {"title", "A"}, {"pris", 1}}};
       }},
      {"lots[0].estimated_value",
       [](json& j) {
         j["lots"] = {{{"id", "1"}, {"title", "A"}}};
       }},
      {"lots[1].id",
       [](json& j) {
         j["lots"] = {{{"id", "1"}, {"title", "A"}, {"estimated_value", 1}},
                      {{"id", "1"}, {"title", "B"}, {"estimated_value", 1}}};
       }},
      {"profile.staff_transfer", [](json& j) { j["profile"]["staff_transfer"] = "yes"; }},
      {"profile.staff_years", [](json& j) { j["profile"]["staff_years"] = -1; }},
      {"profile.staff_years", [](json& j) { j["profile"]["staff_years"] = 99.5; }},
      {"profile.procedure", [](json& j) { j["profile"]["procedure"] = "negotiated"; }},
      {"profile.staff_yeras", [](json& j) { j["profile"]["staff_yeras"] = 100; }},
      {"timeline.kickoff", [](json& j) { j["timeline"]["kickoff"] = "2025-01-01"; }},
      {"timeline.publication", [](json& j) { j["timeline"]["publication"] = "2025-02-30"; }},
      {"timeline.publication", [](json& j) { j["timeline"]["publication"] = 20250821; }},
      {"bid_deadline", [](json& j) { j["bid_deadline"] = "2025-09-19"; }},
      {"bid_deadline", [](json& j) { j["bid_deadline"] = "2025-09-19T12:00:00"; }},
      {"bid_deadline", [](json& j) { j["bid_deadline"] = "9999-12-31T23:59:60Z"; }},
      {"minimum_bids", [](json& j) { j["minimum_bids"] = 0; }},
      {"standstill_days", [](json& j) { j["standstill_days"] = 91; }},
      {"responsibilities[0].party", [](json& j) { j["responsibilities"][0]["party"] = "kommune"; }},
      {"responsibilities[1].party", [](json& j) { j["responsibilities"][1].erase("party"); }},
      {"responsibilities[2].area", [](json& j) { j["responsibilities"][2]["area"] = ""; }},
      {"award_model.price_model", [](json& j) { j["award_model"]["price_model"] = "cheapest"; }},
      {"award_model.normalization",
       [](json& j) { j["award_model"]["normalization"] = "best_gets_max"; }},
      {"award_model.currency", [](json& j) { j["award_model"]["currency"] = "kr"; }},
      {"award_model.criteria", [](json& j) { j["award_model"].erase("criteria"); }},
      {"award_model.criteria[1].weight",
       [](json& j) { j["award_model"]["criteria"][1]["weight"] = 0; }},
      {"award_model.criteria[0].colour",
       [](json& j) { j["award_model"]["criteria"][0]["colour"] = "blue"; }},
      {"award_rules.min_climate_weight_share",
       [](json& j) { j["award_rules"]["min_climate_weight_share"] = 30; }},
      {"category", [](json& j) { j["category"] = "ordinary"; }},  // § 30-2a needs health/social
      {"ideal_reservation_justification",
       [](json& j) { j["ideal_reservation_justification"] = " "; }},
  };
  for (const BrokenField& c : cases) {
    json doc = TenderDraftToJson(CareHomeDraft());
    c.change(doc);
    Result<TenderDraft> parsed = ParseTenderDraftJson(doc.dump());
    ASSERT_FALSE(parsed.ok()) << c.field;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(parsed.status().field(), c.field) << parsed.status().ToString();
  }
}

TEST(TenderDraftJson, MessagesSayWhatIsWrong) {
  json doc = TenderDraftToJson(CareHomeDraft());
  doc["estimated_value"] = -800000000;
  EXPECT_EQ(ParseTenderDraftJson(doc.dump()).status().message(),
            "the estimated value must not be negative");
  doc["estimated_value"] = 800000000;
  doc["category"] = "health";
  EXPECT_EQ(ParseTenderDraftJson(doc.dump()).status().message(),
            "must be \"ordinary\" or \"health_and_social\"");
  doc["category"] = "health_and_social";
  doc["profile"]["procedure"] = "negotiated";
  EXPECT_EQ(ParseTenderDraftJson(doc.dump()).status().message(),
            "must be \"open\", \"restricted\" or \"other\"");
}

TEST(TenderDraftJson, DocumentErrorsHaveNoFieldAndQuoteNoInput) {
  for (const std::string& text :
       {std::string("{\"title\": \"\xff\xfe\""), std::string("[]"), std::string("null"),
        std::string(40, '[') + std::string(40, ']'),
        "{\"title\": \"" + std::string(kMaxTenderDraftJsonBytes, 'x') + "\"}"}) {
    Result<TenderDraft> parsed = ParseTenderDraftJson(text);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().field(), "");
    EXPECT_EQ(parsed.status().message().find('\xff'), std::string::npos);
  }
  EXPECT_NE(ParseTenderDraftJson("{\"title\": ").status().message().find("at byte"),
            std::string::npos);
}

Tender PublishedCleaningTender() {
  Tender tender = *Tender::CreateDraft(CleaningDraft());
  auto published = tender.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway());
  EXPECT_TRUE(published.ok()) << published.status().ToString();
  return tender;
}

Tender CancelledCareHomeTender() {
  Tender tender = *Tender::CreateDraft(CareHomeDraft());
  auto published = tender.Publish(T("2025-08-21T09:00:00Z"), ThresholdTable::Norway());
  EXPECT_TRUE(published.ok()) << published.status().ToString();
  EXPECT_TRUE(tender.CloseBidding(T("2025-09-19T10:00:00Z"), {{"", 1}}).ok());
  EXPECT_TRUE(
      tender.Cancel(T("2025-09-22T10:00:00Z"), "Kun ett tilbud: ingen reell konkurranse").ok());
  return tender;
}

TEST(TenderSnapshotJson, RoundTripsAtEveryStage) {
  Tender draft = *Tender::CreateDraft(CleaningDraft());
  Tender published = PublishedCleaningTender();
  Tender closed = PublishedCleaningTender();
  ASSERT_TRUE(closed.CloseBidding(T("2025-02-14T11:00:00Z"), {{"1", 3}, {"2", 1}}).ok());
  Tender cancelled = CancelledCareHomeTender();
  ASSERT_TRUE(cancelled.ideal_reservation().has_value());
  ASSERT_EQ(cancelled.state(), TenderState::kCancelled);
  for (const Tender* tender : {&draft, &published, &closed, &cancelled}) {
    const TenderSnapshot snapshot = tender->Snapshot();
    SCOPED_TRACE(std::string(TenderStateName(snapshot.state)));
    Result<TenderSnapshot> back = ParseTenderSnapshotJson(TenderSnapshotToJson(snapshot).dump());
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_TRUE(*back == snapshot);
    Result<Tender> restored = Tender::Restore(*back);
    ASSERT_TRUE(restored.ok()) << restored.status().ToString();
    EXPECT_TRUE(restored->Snapshot() == snapshot);
  }
  const json stored = TenderSnapshotToJson(closed.Snapshot());
  EXPECT_EQ(stored["state"], "bidding_closed");
  EXPECT_EQ(stored["regime"]["regime"], "part_iii");
  EXPECT_EQ(stored["regime"]["thresholds_used"][0]["tag"], "confirmed");
  EXPECT_EQ(stored["locked_award_model"]["locked_at"], "2025-01-06T08:00:00Z");
  EXPECT_EQ(stored["valid_bids_per_lot"], (json{{"1", 3}, {"2", 1}}));
  EXPECT_EQ(stored["unsuccessful_lots"], json::array({"2"}));
}

TEST(TenderSnapshotJson, TamperedStoredAwardModelIsCaughtByRestore) {
  const json stored = TenderSnapshotToJson(PublishedCleaningTender().Snapshot());
  auto restore = [](const json& doc) {
    Result<TenderSnapshot> parsed = ParseTenderSnapshotJson(doc.dump());
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    return parsed.ok() ? Tender::Restore(*parsed).status() : parsed.status();
  };
  ASSERT_TRUE(restore(stored).ok());

  // Someone moves weight from price to quality in both copies of the model: the hash shows it.
  json both = stored;
  both["locked_award_model"]["model"]["criteria"][0]["weight"] = 20;
  both["locked_award_model"]["model"]["criteria"][1]["weight"] = 50;
  both["draft"]["award_model"]["criteria"][0]["weight"] = 20;
  both["draft"]["award_model"]["criteria"][1]["weight"] = 50;
  EXPECT_EQ(restore(both).code(), StatusCode::kInternal);

  json draft_only = stored;  // the announced terms alone
  draft_only["draft"]["award_model"]["tie_break"] = "lowest_price";
  EXPECT_EQ(restore(draft_only).code(), StatusCode::kInternal);

  json rehashed = stored;  // a new hash without the model it covers
  rehashed["locked_award_model"]["sha256"] = std::string(64, '0');
  EXPECT_EQ(restore(rehashed).code(), StatusCode::kInternal);
}

TEST(TenderSnapshotJson, ErrorsNameTheJsonPath) {
  Tender closed = PublishedCleaningTender();
  ASSERT_TRUE(closed.CloseBidding(T("2025-02-14T11:00:00Z"), {{"1", 3}, {"2", 1}}).ok());
  const std::vector<BrokenField> cases = {
      {"version", [](json& j) { j["version"] = 2; }},
      {"version", [](json& j) { j.erase("version"); }},
      {"state", [](json& j) { j["state"] = "closed"; }},
      {"draft", [](json& j) { j.erase("draft"); }},
      {"draft.title", [](json& j) { j["draft"].erase("title"); }},
      {"draft.lots[1].estimated_value",
       [](json& j) { j["draft"]["lots"][1]["estimated_value"] = -1; }},
      {"draft.award_model.criteria[0].weight",
       [](json& j) { j["draft"]["award_model"]["criteria"][0]["weight"] = "40"; }},
      {"regime.regime", [](json& j) { j["regime"]["regime"] = "part_v"; }},
      {"regime.thresholds_used[0].amount",
       [](json& j) { j["regime"]["thresholds_used"][0]["amount"] = 1; }},
      {"regime.thresholds_used[0].tag",
       [](json& j) { j["regime"]["thresholds_used"][0]["tag"] = "[C]"; }},
      {"locked_award_model.locked_at",
       [](json& j) { j["locked_award_model"]["locked_at"] = "2025-01-06"; }},
      {"locked_award_model.model.criteria[1].kind",
       [](json& j) { j["locked_award_model"]["model"]["criteria"][1]["kind"] = "kvalitet"; }},
      {"locked_award_model.sha256", [](json& j) { j["locked_award_model"].erase("sha256"); }},
      {"ideal_reservation", [](json& j) { j["ideal_reservation"] = "FOA § 30-2a"; }},
      {"valid_bids_per_lot.1", [](json& j) { j["valid_bids_per_lot"]["1"] = -1; }},
      {"unsuccessful_lots[0]", [](json& j) { j["unsuccessful_lots"][0] = 2; }},
      {"bids", [](json& j) { j["bids"] = json::array(); }},
  };
  for (const BrokenField& c : cases) {
    json doc = TenderSnapshotToJson(closed.Snapshot());
    c.change(doc);
    Result<TenderSnapshot> parsed = ParseTenderSnapshotJson(doc.dump());
    ASSERT_FALSE(parsed.ok()) << c.field;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(parsed.status().field(), c.field) << parsed.status().ToString();
  }
}

TEST(TenderViewJson, ShowsStateActionsRegimeAndLock) {
  Tender tender = *Tender::CreateDraft(CleaningDraft());
  json draft_view = TenderViewJson(tender, T("2025-01-05T08:00:00Z"));
  EXPECT_EQ(draft_view["title"], "Renholdstjenester for kommunale bygg");
  EXPECT_EQ(draft_view["lots"][1]["id"], "2");
  EXPECT_EQ(draft_view["state"], "draft");
  EXPECT_EQ(draft_view["allowed_actions"], json::array({"publish", "cancel"}));
  EXPECT_FALSE(draft_view.contains("regime"));
  EXPECT_FALSE(draft_view.contains("award_model_sha256"));
  EXPECT_FALSE(draft_view.contains("locked_at"));
  EXPECT_FALSE(draft_view.contains("ideal_reservation"));
  EXPECT_EQ(draft_view["cancellation_reason"], "");
  EXPECT_EQ(draft_view["unsuccessful_lots"], json::array());

  ASSERT_TRUE(tender.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway()).ok());
  ASSERT_TRUE(tender.CloseBidding(T("2025-02-14T11:00:00Z"), {{"1", 3}, {"2", 1}}).ok());
  json view = TenderViewJson(tender, T("2025-02-14T11:00:00Z"));
  EXPECT_EQ(view["state"], "bidding_closed");
  EXPECT_EQ(view["allowed_actions"], json::array({"open_bids", "cancel"}));
  EXPECT_EQ(view["regime"]["name"], "part_iii");
  EXPECT_EQ(view["regime"]["label_nb"], "FOA del III");
  EXPECT_FALSE(view["regime"]["explanation_nb"].get<std::string>().empty());
  EXPECT_FALSE(view["regime"]["explanation_en"].get<std::string>().empty());
  EXPECT_EQ(view["award_model_sha256"], tender.locked_award_model()->sha256);
  EXPECT_EQ(view["locked_at"], "2025-01-06T08:00:00Z");
  EXPECT_EQ(view["timeline"]["bid_deadline"], "2025-02-14");  // filled in at publication
  EXPECT_EQ(view["unsuccessful_lots"], json::array({"2"}));
}

TEST(TenderViewJson, ShowsTheReservationAndTheCancellation) {
  json view = TenderViewJson(CancelledCareHomeTender(), T("2025-09-23T10:00:00Z"));
  EXPECT_EQ(view["state"], "cancelled");
  EXPECT_EQ(view["allowed_actions"], json::array());
  EXPECT_EQ(view["regime"]["name"], "part_iv");
  EXPECT_EQ(view["ideal_reservation"]["legal_basis"], "FOA § 30-2a");
  EXPECT_FALSE(view["ideal_reservation"]["warning"].get<std::string>().empty());
  EXPECT_EQ(view["cancellation_reason"], "Kun ett tilbud: ingen reell konkurranse");
  EXPECT_EQ(view["unsuccessful_lots"], json::array({""}));
}

}  // namespace
}  // namespace samspill::tendering
