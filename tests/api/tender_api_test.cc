// The tender lifecycle over HTTP against a real `samspill serve --demo` process whose tender
// clock is a file the test moves forward, past bid deadlines and standstill periods.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "api/api_client.h"
#include "api/page_client.h"
#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

constexpr int64_t kDay = 86400;

std::string Iso(int64_t unix_seconds) {
  char buf[32];
  time_t t = static_cast<time_t>(unix_seconds);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string Date(int64_t unix_seconds) { return Iso(unix_seconds).substr(0, 10); }

class TenderApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    clock_file_ = dir_->path() + "/clock";
    now_ = 1767603600;  // 2026-01-05T09:00:00Z
    WriteClock();
    server_ = new ServeProcess(
        {"--demo", "--db", dir_->path() + "/tender.db", "--clock-file", clock_file_});
    ASSERT_GT(server_->port(), 0) << "server did not start: " << server_->startup_output();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0);
    delete server_;
    delete dir_;
  }

  static void WriteClock() {
    std::ofstream out(clock_file_, std::ios::trunc);
    out << Iso(now_) << "\n";
  }
  static void Advance(int64_t seconds) {
    now_ += seconds;
    WriteClock();
  }

  ApiClient api() const { return ApiClient(server_->port()); }
  Session As(const std::string& user) { return api().LoginAs(user); }

  // A part III cleaning tender published today with the bid deadline in 35 days.
  static json Draft(bool political_approval = false, int minimum_bids = 2) {
    return json{
        {"title", "Renhold av skoler"},
        {"description", "Renhold av 12 skoler"},
        {"cpv_code", "90911200-8"},
        {"category", "ordinary"},
        {"buyer_type", "municipal"},
        {"estimated_value", 30000000},
        {"why_not_divided", "Ett driftsområde"},
        {"profile", {{"procedure", "open"}, {"political_approval_required", political_approval}}},
        {"timeline", {{"questions_deadline", Date(now_ + 20 * kDay)}}},
        {"bid_deadline", Iso(now_ + 35 * kDay)},
        {"minimum_bids", minimum_bids},
        {"standstill_days", 10},
        {"award_model",
         {{"price_model", "proportional"},
          {"criteria",
           {{{"id", "pris"}, {"kind", "price"}, {"weight", 40}},
            {{"id", "kvalitet"}, {"kind", "quality"}, {"weight", 30}},
            {{"id", "sosialt"}, {"kind", "social"}, {"weight", 30}}}}}},
        {"award_rules",
         {{"climate_weight_required", true},
          {"climate_exception", "Miljøkrav i kravspesifikasjonen (FOA § 7-9 (2))"}}}};
  }

  int64_t Create(const Session& officer, const json& draft) {
    json view = api().Expect(201, "POST", "/api/tenders", officer, draft);
    return view.value("id", int64_t{0});
  }

  static std::string T(int64_t id, const std::string& rest = "") {
    return "/api/tenders/" + std::to_string(id) + rest;
  }

  json Act(const Session& s, int64_t id, const std::string& action, int status = 200,
           const json& body = nullptr) {
    return api().Expect(status, "POST", T(id, "/actions/" + action), s, body);
  }

  void Bid(const Session& supplier, int64_t id, double price, const std::string& summary) {
    api().Expect(201, "POST", T(id, "/bids"), supplier,
                 json{{"price", price}, {"summary", summary}});
  }

  // The evaluator scores every opened bid on both quality-like criteria.
  void ScoreAll(int64_t id) {
    Session evaluator = As("evaluator");
    json bids = api().Expect(200, "GET", T(id, "/bids"), evaluator);
    for (const json& b : bids["bids"]) {
      api().Expect(200, "PUT", T(id, "/bids/" + std::to_string(b["id"].get<int64_t>()) + "/scores"),
                   evaluator,
                   json{{"scores",
                         {{{"criterion_id", "kvalitet"}, {"score", 8}},
                          {{"criterion_id", "sosialt"}, {"score", 7}}}}});
    }
  }

  // Drives a fresh tender to `state` through the API; returns its id.
  int64_t DriveTo(const std::string& state) {
    Session officer = As("innkjoper");
    const bool political = state == "political_approval";
    int64_t id = Create(officer, Draft(political));
    if (state == "draft") return id;
    Act(officer, id, "publish");
    if (state == "published") return id;
    if (state == "cancelled") {
      Act(officer, id, "cancel", 200, json{{"reason", "Behovet er endret"}});
      return id;
    }
    Bid(As("leverandor"), id, 1000000, "A");
    if (state != "unsuccessful") Bid(As("leverandor2"), id, 1200000, "B");
    Advance(36 * kDay);
    Act(officer, id, "close_bidding");
    if (state == "bidding_closed" || state == "unsuccessful") return id;
    Act(officer, id, "open_bids");
    if (state == "opened") return id;
    ScoreAll(id);
    Act(officer, id, "complete_evaluation");
    if (state == "evaluated") return id;
    Act(officer, id, "propose_award");
    if (state == "award_proposed") return id;
    if (political) {
      Act(officer, id, "approve_politically");
      return id;
    }
    Act(officer, id, "send_award_notice");
    if (state == "standstill") return id;
    Advance(12 * kDay);
    Act(officer, id, "sign_contract");
    return id;
  }

  static TempDir* dir_;
  static ServeProcess* server_;
  static std::string clock_file_;
  static int64_t now_;
};

TempDir* TenderApiTest::dir_ = nullptr;
ServeProcess* TenderApiTest::server_ = nullptr;
std::string TenderApiTest::clock_file_;
int64_t TenderApiTest::now_ = 0;

TEST_F(TenderApiTest, DemoHasTheCancelledCareHomeAndTheSignedCleaningTender) {
  Session auditor = As("revisor");
  json list = api().Expect(200, "GET", "/api/tenders", auditor);
  std::map<std::string, int64_t> by_state;
  for (const json& t : list["tenders"]) by_state[t["state"]] = t["id"];
  ASSERT_TRUE(by_state.count("cancelled")) << list.dump();
  ASSERT_TRUE(by_state.count("contract_signed")) << list.dump();

  json care = api().Expect(200, "GET", T(by_state["cancelled"]), auditor);
  EXPECT_NE(care["cancellation_reason"].get<std::string>().find("kun én leverandør"),
            std::string::npos);
  EXPECT_EQ(care["regime"]["name"], "part_iv");
  json protocol = api().Expect(200, "GET", T(by_state["cancelled"], "/protocol"), auditor);
  EXPECT_NE(protocol.dump().find("kun én leverandør"), std::string::npos);

  json cleaning = api().Expect(200, "GET", T(by_state["contract_signed"]), auditor);
  ASSERT_EQ(cleaning["awards"].size(), 1u);
  json bids = api().Expect(200, "GET", T(by_state["contract_signed"], "/bids"), auditor);
  EXPECT_EQ(bids["bids"].size(), 3u);
  auto html = api().Send("GET", T(by_state["contract_signed"], "/protocol.html"), auditor);
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(html->body.find("<style"), std::string::npos);  // the CSP forbids inline styles
  EXPECT_NE(html->body.find("/assets/protocol.css"), std::string::npos);
  json ocds = api().Expect(200, "GET", T(by_state["contract_signed"], "/ocds"), auditor);
  EXPECT_EQ(ocds["version"], "1.1");
  EXPECT_EQ(ocds["releases"][0]["contracts"].size(), 1u);
}

TEST_F(TenderApiTest, WholeCleaningTenderDrivenByTheRolesThatDoEachStep) {
  Session officer = As("innkjoper");
  Session evaluator = As("evaluator");
  Session supplier_a = As("leverandor2");
  Session supplier_b = As("leverandor3");
  Session supplier_c = As("leverandor4");

  int64_t id = Create(officer, Draft());
  ASSERT_GT(id, 0);
  // Suppliers do not see drafts.
  api().Expect(404, "GET", T(id), supplier_a);
  json revised = Draft();
  revised["title"] = "Renhold av skoler 2026–2030";
  EXPECT_EQ(api().Expect(200, "PUT", T(id), officer, revised)["title"],
            "Renhold av skoler 2026–2030");

  json published = Act(officer, id, "publish");
  EXPECT_EQ(published["state"], "published");
  EXPECT_EQ(published["regime"]["name"], "part_iii");
  const std::string sha = published["award_model_sha256"];
  EXPECT_EQ(sha.size(), 64u);

  // A question is answered to every supplier, without naming who asked.
  json q = api().Expect(201, "POST", T(id, "/questions"), supplier_a,
                        json{{"question", "Gjelder kravet om lærlinger fra dag én?"}});
  json not_yet = api().Expect(200, "GET", T(id, "/questions"), supplier_b);
  EXPECT_TRUE(not_yet["questions"].empty());  // unanswered questions stay with the asker
  api().Expect(200, "POST",
               T(id, "/questions/" + std::to_string(q["id"].get<int64_t>()) + "/answer"), officer,
               json{{"answer", "Fra første kontraktsår."}});
  json seen = api().Expect(200, "GET", T(id, "/questions"), supplier_b);
  ASSERT_EQ(seen["questions"].size(), 1u);
  EXPECT_EQ(seen["questions"][0]["answer"], "Fra første kontraktsår.");
  EXPECT_FALSE(seen["questions"][0].contains("asked_by"));

  Advance(1 * kDay);
  Bid(supplier_a, id, 11850000, "Inkludering med mentorordning");
  Bid(supplier_b, id, 12400000, "Lokal leverandør");
  Bid(supplier_c, id, 99999999, "Første versjon");
  Advance(3600);
  Bid(supplier_c, id, 10950000, "Erstattet tilbud");  // replaces its own bid
  json own = api().Expect(200, "GET", T(id, "/bids"), supplier_c);
  ASSERT_EQ(own["bids"].size(), 1u);
  EXPECT_EQ(own["bids"][0]["version"], 2);
  EXPECT_EQ(own["bids"][0]["summary"], "Erstattet tilbud");

  // Evaluators cannot score before opening; the officer cannot open before the deadline.
  Act(officer, id, "open_bids", 409);
  Act(officer, id, "close_bidding", 409);

  Advance(36 * kDay);
  auto late = api().Send("POST", T(id, "/bids"), supplier_a,
                         json{{"price", 100}, {"summary", "for sent"}}.dump());
  ASSERT_TRUE(late);
  EXPECT_EQ(late->status, 409);
  EXPECT_NE(late->body.find("late bids are rejected"), std::string::npos);

  json closed = Act(officer, id, "close_bidding");
  EXPECT_EQ(closed["state"], "bidding_closed");
  Act(evaluator, id, "open_bids", 403);  // evaluators do not run the procedure
  json opened = Act(officer, id, "open_bids");
  ASSERT_EQ(opened["opening_record"]["bids"].size(), 3u);

  json unscored = Act(officer, id, "complete_evaluation", 409);
  EXPECT_NE(unscored.dump().find("has no score"), std::string::npos) << unscored.dump();
  json bids = api().Expect(200, "GET", T(id, "/bids"), evaluator);
  ASSERT_EQ(bids["bids"].size(), 3u);
  std::map<std::string, std::pair<double, double>> scores = {
      {"Renhold og Inkludering AS (fiktiv)", {9, 9}},
      {"Trøndelag Rent AS (fiktiv)", {8, 10}},
      {"Servicegruppen Nord AS (fiktiv)", {6, 10}}};
  for (const json& b : bids["bids"]) {
    auto [quality, social] = scores.at(b["supplier"]["name"].get<std::string>());
    api().Expect(200, "PUT", T(id, "/bids/" + std::to_string(b["id"].get<int64_t>()) + "/scores"),
                 evaluator,
                 json{{"scores",
                       {{{"criterion_id", "kvalitet"}, {"score", quality}},
                        {{"criterion_id", "sosialt"}, {"score", social}}}}});
  }
  json evaluated = Act(officer, id, "complete_evaluation");
  EXPECT_EQ(evaluated["state"], "evaluated");
  json proposed = Act(officer, id, "propose_award");
  ASSERT_EQ(proposed["awards"].size(), 1u);
  // Proportional price (40) + quality (30) + social (30): the seed-004 table's winner.
  EXPECT_EQ(proposed["awards"][0]["supplier"]["name"], "Renhold og Inkludering AS (fiktiv)");

  // The supplier sees the award only once the notice is sent.
  EXPECT_FALSE(api().Expect(200, "GET", T(id), supplier_b).contains("awards"));
  json notice = Act(officer, id, "send_award_notice");
  EXPECT_EQ(notice["state"], "standstill");
  EXPECT_EQ(api().Expect(200, "GET", T(id), supplier_b)["awards"].size(), 1u);
  Act(officer, id, "sign_contract", 409);  // standstill still running
  Advance(11 * kDay);
  json signed_ = Act(officer, id, "sign_contract");
  EXPECT_EQ(signed_["state"], "contract_signed");
  EXPECT_EQ(signed_["award_model_sha256"], sha);  // the announced model never changed

  json protocol = api().Expect(200, "GET", T(id, "/protocol"), As("tillitsvalgt"));
  EXPECT_NE(protocol.dump().find("Renhold og Inkludering AS (fiktiv)"), std::string::npos);
  EXPECT_NE(protocol.dump().find(sha), std::string::npos);
}

// DOMAIN.md §2: a winner ≥ 40 % below the mean of the others or ≥ 30 % below the next bid is
// flagged; the award waits for the supplier's explanation and the officer's assessment.
TEST_F(TenderApiTest, AnAbnormallyLowWinnerIsAwardedOnlyAfterAnAcceptedExplanation) {
  Session officer = As("innkjoper");
  const int64_t id = Create(officer, Draft());
  Act(officer, id, "publish");
  Bid(As("leverandor"), id, 500000, "Svært billig");
  Bid(As("leverandor2"), id, 1000000, "Middels");
  Bid(As("leverandor3"), id, 1100000, "Dyr");
  Advance(36 * kDay);
  Act(officer, id, "close_bidding");
  Act(officer, id, "open_bids");
  ScoreAll(id);
  Act(officer, id, "complete_evaluation");

  json bids = api().Expect(200, "GET", T(id, "/bids"), officer);
  int64_t cheap = 0, other = 0;
  std::string cheap_name;
  for (const json& b : bids["bids"]) {
    if (b["price"]["amount"].get<double>() == 500000) {
      cheap = b["id"].get<int64_t>();
      cheap_name = b["supplier"]["name"].get<std::string>();
    } else {
      other = b["id"].get<int64_t>();
    }
  }
  ASSERT_GT(cheap, 0);
  const std::string explain = "/bids/" + std::to_string(cheap) + "/price-explanation";

  json refused = Act(officer, id, "propose_award", 409);
  EXPECT_NE(refused.dump().find("bid " + std::to_string(cheap) + " from " + cheap_name +
                                " may be abnormally low (52.4 % below the mean of the other bids)"),
            std::string::npos)
      << refused.dump();

  // Only the procurement officer records it, only for the flagged winner, with reasons.
  const json accepted = {{"asked_on", Date(now_)},
                         {"explanation", "Egne lokaler, ingen leie; lønn etter tariff vedlagt"},
                         {"assessment", "accepted"},
                         {"assessment_reasons", "Dokumentasjonen viser at prisen er bærekraftig"}};
  api().Expect(403, "POST", T(id, explain), As("evaluator"), accepted);
  api().Expect(409, "POST", T(id, "/bids/" + std::to_string(other) + "/price-explanation"), officer,
               accepted);
  json blank = accepted;
  blank["assessment_reasons"] = " ";
  api().Expect(400, "POST", T(id, explain), officer, blank);

  json rejected = accepted;
  rejected["assessment"] = "rejected";
  rejected["assessment_reasons"] = "Lønn under tariff";
  api().Expect(201, "POST", T(id, explain), officer, rejected);
  json still = Act(officer, id, "propose_award", 409);
  EXPECT_NE(still.dump().find("was not accepted; the bid is to be rejected, not awarded"),
            std::string::npos)
      << still.dump();

  json recorded = api().Expect(201, "POST", T(id, explain), officer, accepted);
  EXPECT_EQ(recorded["assessment"], "accepted");
  EXPECT_EQ(recorded["recorded_by"], "innkjoper");
  json proposed = Act(officer, id, "propose_award");
  ASSERT_EQ(proposed["awards"].size(), 1u);
  EXPECT_EQ(proposed["awards"][0]["bid_id"], cheap);

  json audit = api().Expect(
      200, "GET", "/api/audit?entity_type=tender&entity_id=" + std::to_string(id), As("revisor"));
  EXPECT_NE(audit.dump().find("tender.price_explanation"), std::string::npos);
}

// A rejected explanation: the bid is rejected after the evaluation, and its lot is evaluated
// again without it, so the award goes to the next bid.
TEST_F(TenderApiTest, ABidWhoseExplanationWasNotAcceptedIsRejectedAndTheLotEvaluatedAgain) {
  Session officer = As("innkjoper");
  const int64_t id = Create(officer, Draft());
  Act(officer, id, "publish");
  Bid(As("leverandor"), id, 500000, "Svært billig");
  Bid(As("leverandor2"), id, 1000000, "Middels");
  Bid(As("leverandor3"), id, 1100000, "Dyr");
  Advance(36 * kDay);
  Act(officer, id, "close_bidding");
  Act(officer, id, "open_bids");
  ScoreAll(id);
  Act(officer, id, "complete_evaluation");
  int64_t cheap = 0, middle = 0;
  const json listed = api().Expect(200, "GET", T(id, "/bids"), officer);
  for (const json& b : listed["bids"]) {
    const double price = b["price"]["amount"].get<double>();
    if (price == 500000) cheap = b["id"];
    if (price == 1000000) middle = b["id"];
  }
  const std::string reject = "/bids/" + std::to_string(cheap) + "/reject";
  // Not before an explanation was recorded and not accepted.
  api().Expect(409, "POST", T(id, reject), officer, json{{"reason", "For lav pris"}});
  api().Expect(201, "POST", T(id, "/bids/" + std::to_string(cheap) + "/price-explanation"), officer,
               json{{"asked_on", Date(now_)},
                    {"explanation", "Vi har regnet feil på bemanningen"},
                    {"assessment", "rejected"},
                    {"assessment_reasons", "Prisen dekker ikke lønn etter tariff"}});
  // Another bid is not rejected after the evaluation.
  api().Expect(409, "POST", T(id, "/bids/" + std::to_string(middle) + "/reject"), officer,
               json{{"reason", "x"}});
  json rejected = api().Expect(200, "POST", T(id, reject), officer,
                               json{{"reason", "Unormalt lavt tilbud; forklaringen holdt ikke"}});
  EXPECT_EQ(rejected["status"], "rejected");
  json proposed = Act(officer, id, "propose_award");
  ASSERT_EQ(proposed["awards"].size(), 1u);
  EXPECT_EQ(proposed["awards"][0]["bid_id"], middle);
}

// After the award notice a losing supplier reads its own scores and the committee's reasons,
// never another bid's; before it, nothing of the evaluation.
TEST_F(TenderApiTest, ALosingSupplierReadsItsOwnEvaluationAfterTheAwardNotice) {
  const int64_t id = DriveTo("award_proposed");
  Session loser = As("leverandor2");  // 1 200 000 against 1 000 000: it lost
  json before = api().Expect(200, "GET", T(id, "/bids"), loser);
  ASSERT_EQ(before["bids"].size(), 1u);
  EXPECT_FALSE(before["bids"][0].contains("own_evaluation")) << before.dump();

  Act(As("innkjoper"), id, "send_award_notice");
  json after = api().Expect(200, "GET", T(id, "/bids"), loser);
  ASSERT_EQ(after["bids"].size(), 1u);
  const json& own = after["bids"][0]["own_evaluation"];
  ASSERT_TRUE(own.is_object()) << after.dump();
  EXPECT_EQ(own["rank"], 2);
  std::map<std::string, double> scores;
  for (const json& s : own["scores"]) scores[s["criterion_id"]] = s["score"].get<double>();
  EXPECT_EQ(scores.at("kvalitet"), 8);
  EXPECT_EQ(scores.at("sosialt"), 7);
  // Proportional price: 10 · 1 000 000 / 1 200 000.
  EXPECT_NEAR(scores.at("pris"), 8.333, 0.001);
  // Nothing of the winning bid: not its price, not its total.
  EXPECT_EQ(after.dump().find("1000000"), std::string::npos) << after.dump();
}

TEST_F(TenderApiTest, EveryStateTimesEveryAction) {
  const std::vector<std::string> states = {
      "draft",      "published",       "bidding_closed", "unsuccessful",
      "opened",     "evaluated",       "award_proposed", "political_approval",
      "standstill", "contract_signed", "cancelled"};
  const std::vector<std::string> actions = {
      "publish",       "close_bidding",       "open_bids",         "complete_evaluation",
      "propose_award", "approve_politically", "send_award_notice", "sign_contract",
      "cancel"};
  Session officer = As("innkjoper");
  for (const std::string& state : states) {
    SCOPED_TRACE(state);
    int64_t probe = DriveTo(state);
    json view = api().Expect(200, "GET", T(probe), officer);
    ASSERT_EQ(view["state"], state);
    std::set<std::string> allowed;
    for (const json& a : view["allowed_actions"]) allowed.insert(a);
    for (const std::string& action : actions) {
      SCOPED_TRACE(action);
      json body = action == "cancel" ? json{{"reason", "Prøver alle overganger"}} : json(nullptr);
      if (allowed.count(action)) {
        // Each allowed action works, on a fresh tender in the same state.
        int64_t id = DriveTo(state);
        if (action == "sign_contract" || action == "close_bidding") Advance(40 * kDay);
        // Completing an evaluation needs every bid scored: a precondition, not a state rule.
        if (action == "complete_evaluation") ScoreAll(id);
        json after = Act(officer, id, action, 200, body);
        EXPECT_NE(after.value("state", ""), state);
      } else {
        json error = Act(officer, probe, action, 409, body);
        EXPECT_NE(error["error"]["message"].get<std::string>().find("'" + state + "'"),
                  std::string::npos)
            << error.dump();
      }
    }
  }
}

TEST_F(TenderApiTest, SealedBidsAreReadByNobodyBeforeOpening) {
  Session officer = As("innkjoper");
  int64_t id = Create(officer, Draft());
  Act(officer, id, "publish");
  Bid(As("leverandor"), id, 7654321.09, "HEMMELIG-A-4711");
  Bid(As("leverandor2"), id, 8765432.10, "HEMMELIG-B-0815");
  const std::vector<std::string> paths = {
      T(id),
      T(id, "/bids"),
      T(id, "/questions"),
      T(id, "/protocol"),
      T(id, "/protocol.html"),
      T(id, "/ocds"),
      "/api/tenders",
      "/api/audit?entity_type=tender&entity_id=" + std::to_string(id)};
  for (const char* user : {"admin", "innkjoper", "evaluator", "tjenesteleder", "tillitsvalgt",
                           "revisor", "leverandor", "leverandor2", "leverandor3"}) {
    Session s = As(user);
    for (const std::string& path : paths) {
      auto res = api().Send("GET", path, s);
      ASSERT_TRUE(res) << user << " " << path;
      const bool own_a = std::string(user) == "leverandor" && path == T(id, "/bids");
      const bool own_b = std::string(user) == "leverandor2" && path == T(id, "/bids");
      EXPECT_EQ(res->body.find("HEMMELIG-A") != std::string::npos, own_a) << user << " " << path;
      EXPECT_EQ(res->body.find("7654321.09") != std::string::npos, own_a) << user << " " << path;
      EXPECT_EQ(res->body.find("HEMMELIG-B") != std::string::npos, own_b) << user << " " << path;
      EXPECT_EQ(res->body.find("8765432.1") != std::string::npos, own_b) << user << " " << path;
    }
  }
  // Even after opening, a supplier never sees another supplier's bid.
  Advance(36 * kDay);
  Act(officer, id, "close_bidding");
  Act(officer, id, "open_bids");
  auto theirs = api().Send("GET", T(id, "/bids"), As("leverandor"));
  ASSERT_TRUE(theirs);
  EXPECT_EQ(theirs->body.find("HEMMELIG-B"), std::string::npos);
  EXPECT_NE(theirs->body.find("HEMMELIG-A"), std::string::npos);
  auto opened = api().Send("GET", T(id, "/bids"), As("evaluator"));
  EXPECT_NE(opened->body.find("HEMMELIG-B"), std::string::npos);
  // Roles without need to read content still do not get it after opening.
  auto union_view = api().Send("GET", T(id, "/bids"), As("tillitsvalgt"));
  EXPECT_EQ(union_view->body.find("HEMMELIG-B"), std::string::npos);
}

TEST_F(TenderApiTest, BadInputGetsAClear4xxAndStoresNothing) {
  Session officer = As("innkjoper");
  auto count = [&] { return api().Expect(200, "GET", "/api/tenders", officer)["tenders"].size(); };
  const size_t before = count();

  auto malformed = api().Send("POST", "/api/tenders", officer, R"({"title": "x",)");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 400);

  json zero_weight = Draft();
  zero_weight["award_model"]["criteria"][1]["weight"] = 0;
  json error = api().Expect(400, "POST", "/api/tenders", officer, zero_weight);
  EXPECT_EQ(error["error"]["field"], "award_model.criteria[1].weight") << error.dump();

  json negative = Draft();
  negative["estimated_value"] = -5;
  EXPECT_EQ(api().Expect(400, "POST", "/api/tenders", officer, negative)["error"]["field"],
            "estimated_value");
  EXPECT_EQ(count(), before);

  auto bad_org =
      api().Send("POST", "/api/organisations", officer,
                 json{{"org_number", "942110465"}, {"name", "Feil"}, {"kind", "supplier"}}.dump());
  ASSERT_TRUE(bad_org);
  EXPECT_EQ(bad_org->status, 400);

  int64_t id = Create(officer, Draft());
  json published = Act(officer, id, "publish");
  json negative_bid = api().Expect(400, "POST", T(id, "/bids"), As("leverandor"),
                                   json{{"price", -100}, {"summary", "x"}});
  EXPECT_EQ(negative_bid["error"]["field"], "price");
  EXPECT_NE(negative_bid["error"]["message"].get<std::string>().find("negative"),
            std::string::npos);
  for (json price : {json(0), json("1000"), json(12.345)}) {
    api().Expect(400, "POST", T(id, "/bids"), As("leverandor"),
                 json{{"price", price}, {"summary", "x"}});
  }
  EXPECT_TRUE(api().Expect(200, "GET", T(id, "/bids"), As("leverandor"))["bids"].empty());

  // Changing the criteria after publication is refused and changes nothing.
  json changed = Draft();
  changed["award_model"]["criteria"][0]["weight"] = 60;  // 60/20/20: a valid model, but too late
  changed["award_model"]["criteria"][1]["weight"] = 20;
  changed["award_model"]["criteria"][2]["weight"] = 20;
  json refused = api().Expect(409, "PUT", T(id), officer, changed);
  EXPECT_NE(refused["error"]["message"].get<std::string>().find("'published'"), std::string::npos);
  json after = api().Expect(200, "GET", T(id), officer);
  EXPECT_EQ(after["award_model_sha256"], published["award_model_sha256"]);
  EXPECT_EQ(after["version"], published["version"]);

  Act(officer, id, "cancel", 400, json{{"reason", "   "}});
  EXPECT_EQ(api().Expect(200, "GET", T(id), officer)["state"], "published");
}

TEST_F(TenderApiTest, ALotWithTooFewBidsIsUnsuccessfulAtTheDeadline) {
  Session officer = As("innkjoper");
  json draft = Draft();
  draft["lots"] =
      json::array({{{"id", "1"}, {"title", "Skoler nord"}, {"estimated_value", 15000000}},
                   {{"id", "2"}, {"title", "Skoler sør"}, {"estimated_value", 15000000}}});
  int64_t id = Create(officer, draft);
  Act(officer, id, "publish");
  for (const char* user : {"leverandor", "leverandor2"}) {
    api().Expect(201, "POST", T(id, "/bids"), As(user),
                 json{{"lot_id", "1"}, {"price", 5000000}, {"summary", "lot 1"}});
  }
  api().Expect(201, "POST", T(id, "/bids"), As("leverandor3"),
               json{{"lot_id", "2"}, {"price", 5000000}, {"summary", "lot 2"}});
  api().Expect(400, "POST", T(id, "/bids"), As("leverandor3"),
               json{{"lot_id", "9"}, {"price", 5000000}, {"summary", "no such lot"}});
  Advance(36 * kDay);
  json closed = Act(officer, id, "close_bidding");
  EXPECT_EQ(closed["state"], "bidding_closed");
  EXPECT_EQ(closed["unsuccessful_lots"], json::array({"2"}));
}

// Digits only: a price is found whether it is printed as JSON (7498765.43) or in Norwegian
// ("7 498 765,43 kr").
std::string Digits(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// One rule for bid content (tendering/bid_access.h): after opening, the price and summary of an
// unsuccessful bid reach the procurement officer, the evaluator, the auditor and the supplier
// that wrote it — in every export, document and page — and nobody else. The award (winner and
// value) stays public once the notice is sent.
TEST_F(TenderApiTest, OpenedBidContentReachesOnlyTheRolesThatReadBidsEverywhere) {
  Session officer = As("innkjoper");
  int64_t id = Create(officer, Draft());
  Act(officer, id, "publish");
  Bid(As("leverandor"), id, 7312345.67, "VINNER-SAMMENDRAG-5521");
  Bid(As("leverandor2"), id, 7498765.43, "TAPER-SAMMENDRAG-9931");
  Advance(36 * kDay);
  Act(officer, id, "close_bidding");
  Act(officer, id, "open_bids");

  const std::string sid = std::to_string(id);
  const std::vector<std::string> paths = {T(id, "/ocds"),
                                          T(id, "/protocol"),
                                          T(id, "/protocol.html"),
                                          T(id, "/bids"),
                                          T(id),
                                          "/api/audit?entity_type=tender&entity_id=" + sid};
  const std::vector<std::string> pages = {"/anbud/" + sid, "/anbud/" + sid + "/protokoll"};
  const std::set<std::string> readers = {"innkjoper", "evaluator", "revisor"};
  PageClient web(server_->port());
  auto check = [&](const std::string& phase) {
    for (const char* user : {"admin", "innkjoper", "evaluator", "tjenesteleder", "tillitsvalgt",
                             "revisor", "politiker", "leverandor", "leverandor2", "leverandor3"}) {
      Session s = As(user);
      PageSession p = web.LogIn(user);
      const bool reader = readers.count(user) > 0;
      const bool author = std::string(user) == "leverandor2";
      auto look = [&](const std::string& path, const std::string& body) {
        // Where bid prices are shown at all: the bids list, the tender page and the OCDS
        // export (the protocol names only the winning price, the audit trail none).
        const bool lists_bids = path == T(id, "/bids") || path == "/anbud/" + sid;
        const bool shows_prices = lists_bids || path == T(id, "/ocds");
        const bool expected = (reader && shows_prices) || (author && lists_bids);
        EXPECT_EQ(Digits(body).find("749876543") != std::string::npos, expected)
            << phase << " " << user << " " << path;
        if (!expected) {
          EXPECT_EQ(body.find("TAPER-SAMMENDRAG"), std::string::npos)
              << phase << " " << user << " " << path;
        }
      };
      for (const std::string& path : paths) {
        auto res = api().Send("GET", path, s);
        ASSERT_TRUE(res) << user << " " << path;
        look(path, res->body);
      }
      for (const std::string& path : pages) {
        auto res = web.Get(path, p);
        ASSERT_TRUE(res) << user << " " << path;
        look(path, res->body);
      }
    }
  };
  check("opened");

  ScoreAll(id);
  Act(officer, id, "complete_evaluation");
  Act(officer, id, "propose_award");
  Act(officer, id, "send_award_notice");
  check("standstill");

  // The OCDS export for a role that reads no bids keeps the bids (who, when, status) and the
  // award's value, but no bid values.
  json ocds = api().Expect(200, "GET", T(id, "/ocds"), As("politiker"));
  json release = ocds["releases"][0];
  ASSERT_EQ(release["bids"]["details"].size(), 2u);
  for (const json& d : release["bids"]["details"]) EXPECT_FALSE(d.contains("value")) << d;
  ASSERT_EQ(release["awards"].size(), 1u);
  EXPECT_EQ(release["awards"][0]["value"]["amount"], 7312345.67);
  json full = api().Expect(200, "GET", T(id, "/ocds"), As("revisor"));
  EXPECT_EQ(full["releases"][0]["bids"]["details"][1]["value"]["amount"], 7498765.43);
}

TEST_F(TenderApiTest, RolesAreEnforcedOnEveryWrite) {
  Session officer = As("innkjoper");
  int64_t id = Create(officer, Draft());
  for (const char* user :
       {"admin", "evaluator", "tjenesteleder", "tillitsvalgt", "revisor", "leverandor"}) {
    Session s = As(user);
    api().Expect(403, "POST", "/api/tenders", s, Draft());
    api().Expect(403, "POST", T(id, "/actions/publish"), s);
  }
  Act(officer, id, "publish");
  api().Expect(403, "POST", T(id, "/bids"), officer, json{{"price", 1}, {"summary", "x"}});
  api().Expect(403, "POST", T(id, "/questions"), officer, json{{"question", "?"}});
  api().Expect(403, "GET", T(id, "/protocol"), As("leverandor"));
  // Without the CSRF header nothing changes.
  auto no_csrf = api().Send("POST", T(id, "/actions/cancel"), officer, json{{"reason", "x"}}.dump(),
                            /*with_csrf=*/false);
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(no_csrf->status, 403);
  EXPECT_EQ(api().Expect(200, "GET", T(id), officer)["state"], "published");
}

// Complaints (klage): a supplier that bid complains during the standstill; the contract waits
// until the officer has recorded the handling; the protocol and the OCDS export show it; no
// supplier sees another's complaint.
TEST_F(TenderApiTest, AComplaintDuringTheStandstillHoldsTheSigningUntilItIsHandled) {
  const int64_t id = DriveTo("standstill");
  Session officer = As("innkjoper");
  Session winner = As("leverandor");
  Session loser = As("leverandor2");
  const std::string complaints = T(id, "/complaints");

  // Only a supplier that bid may complain, and only with grounds.
  api().Expect(403, "POST", complaints, As("leverandor3"), json{{"grounds", "Vi ville også"}});
  api().Expect(403, "POST", complaints, officer, json{{"grounds", "x"}});
  EXPECT_EQ(api().Expect(400, "POST", complaints, loser, json{{"grounds", "  "}})["error"]["field"],
            "grounds");
  EXPECT_EQ(api().Expect(400, "POST", complaints, loser, json{{"reason", "x"}})["error"]["field"],
            "reason");
  json lodged = api().Expect(201, "POST", complaints, loser,
                             json{{"grounds", "Kvalitetsplanen vår er gitt for lav poengsum."}});
  EXPECT_EQ(lodged["id"], 1);
  EXPECT_EQ(lodged["outcome"], "open");

  // Supplier isolation: the winner sees no complaint of another supplier; the officer sees all.
  EXPECT_TRUE(api().Expect(200, "GET", complaints, winner)["complaints"].empty());
  EXPECT_EQ(api().Expect(200, "GET", complaints, loser)["complaints"].size(), 1u);
  EXPECT_EQ(api().Expect(200, "GET", complaints, officer)["complaints"].size(), 1u);
  EXPECT_EQ(api().Expect(200, "GET", complaints, As("revisor"))["complaints"].size(), 1u);

  // After the standstill the open complaint still holds the signing, named in the refusal.
  Advance(12 * kDay);
  api().Expect(409, "POST", complaints, loser, json{{"grounds", "For sent"}});
  json view = api().Expect(200, "GET", T(id), officer);
  for (const json& action : view["allowed_actions"]) EXPECT_NE(action, "sign_contract");
  json refused = Act(officer, id, "sign_contract", 409);
  const std::string message = refused["error"]["message"];
  EXPECT_NE(message.find("complaint 1 from Renhold og Inkludering AS (fiktiv)"), std::string::npos)
      << message;

  const std::string handling = T(id, "/complaints/1/handling");
  api().Expect(403, "POST", handling, loser, json{{"outcome", "upheld"}, {"reasons", "x"}});
  EXPECT_EQ(api().Expect(400, "POST", handling, officer,
                         json{{"outcome", "maybe"}, {"reasons", "x"}})["error"]["field"],
            "outcome");
  EXPECT_EQ(
      api().Expect(400, "POST", handling, officer, json{{"outcome", "rejected"}})["error"]["field"],
      "reasons");
  api().Expect(404, "POST", T(id, "/complaints/2/handling"), officer,
               json{{"outcome", "rejected"}, {"reasons", "x"}});
  json handled = api().Expect(
      200, "POST", handling, officer,
      json{{"outcome", "rejected"}, {"reasons", "Poengsummen følger den kunngjorte skalaen."}});
  EXPECT_EQ(handled["outcome"], "rejected");
  EXPECT_FALSE(handled["handled_at"].is_null());
  api().Expect(409, "POST", handling, officer, json{{"outcome", "upheld"}, {"reasons", "Nei"}});
  EXPECT_EQ(api().Expect(200, "GET", complaints, loser)["complaints"][0]["outcome"], "rejected");
  Act(officer, id, "sign_contract");

  // The protocol lists the complaint and its handling under (p), and the event log has both.
  json protocol = api().Expect(200, "GET", T(id, "/protocol"), officer);
  EXPECT_EQ(protocol["legal_basis_nb"], "anskaffelsesforskriften § 25-5");
  bool listed = false;
  for (const json& section : protocol["sections"]) {
    if (section["letter"] == "a") {
      for (const json& e : section["entries"]) {
        if (e["key"] == "buyer_address") {
          EXPECT_EQ(e["value"], "Postboks 2300 Torgarden, 7004 Trondheim");
        }
      }
    }
    if (section["letter"] != "p") continue;
    for (const json& table : section["tables"]) {
      if (table["key"] != "complaints") continue;
      ASSERT_EQ(table["rows"].size(), 1u);
      EXPECT_EQ(table["rows"][0][1], "Renhold og Inkludering AS (fiktiv)");
      EXPECT_EQ(table["rows"][0][4], "Ikke tatt til følge");
      listed = true;
    }
  }
  EXPECT_TRUE(listed) << protocol.dump();
  const std::string log = protocol.dump();
  EXPECT_NE(log.find("Klage levert av leverandør"), std::string::npos);
  EXPECT_NE(log.find("Klage behandlet"), std::string::npos);

  // OCDS: one document of the codelist's "complaints" type, without the complainant's name.
  json ocds = api().Expect(200, "GET", T(id, "/ocds"), officer);
  const json& documents = ocds["releases"][0]["tender"]["documents"];
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0]["documentType"], "complaints");
  EXPECT_EQ(documents.dump().find("Renhold og Inkludering"), std::string::npos);
}

TEST_F(TenderApiTest, ARejectionSaysWhetherTheSupplierOrTheTenderIsRejected) {
  const int64_t id = DriveTo("opened");
  Session officer = As("innkjoper");
  json bids = api().Expect(200, "GET", T(id, "/bids"), officer);
  ASSERT_EQ(bids["bids"].size(), 2u);
  std::map<std::string, int64_t> bid_of;
  for (const json& b : bids["bids"]) bid_of[b["supplier"]["name"]] = b["id"];
  const std::string omsorg = "Omsorgspartner Midt AS (fiktiv)";
  const std::string renhold = "Renhold og Inkludering AS (fiktiv)";
  auto reject = [&](const std::string& who) {
    return T(id, "/bids/" + std::to_string(bid_of[who]) + "/reject");
  };
  EXPECT_EQ(api().Expect(400, "POST", reject(omsorg), officer,
                         json{{"reason", "x"}, {"kind", "bidder"}})["error"]["field"],
            "kind");
  json supplier = api().Expect(200, "POST", reject(renhold), officer,
                               json{{"reason", "Skatteattest manglet"}, {"kind", "supplier"}});
  EXPECT_EQ(supplier["rejection_kind"], "supplier");
  json tender = api().Expect(200, "POST", reject(omsorg), officer,
                             json{{"reason", "Vesentlig avvik fra kravspesifikasjonen"}});
  EXPECT_EQ(tender["rejection_kind"], "tender");

  json protocol = api().Expect(200, "GET", T(id, "/protocol"), officer);
  for (const json& section : protocol["sections"]) {
    if (section["letter"] != "j" && section["letter"] != "k") continue;
    ASSERT_EQ(section["tables"].size(), 1u) << section.dump();
    const json& rows = section["tables"][0]["rows"];
    ASSERT_EQ(rows.size(), 1u) << section.dump();
    if (section["letter"] == "j") {
      EXPECT_EQ(rows[0][0], renhold);
      EXPECT_EQ(rows[0][3], "Skatteattest manglet");
    } else {
      EXPECT_EQ(rows[0][1], omsorg);
      EXPECT_EQ(rows[0][4], "Vesentlig avvik fra kravspesifikasjonen");
    }
  }
}

}  // namespace
}  // namespace samspill::testing
