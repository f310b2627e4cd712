// The access matrix: every route the server has (`samspill routes`, the same table `serve`
// builds) × every demo role (one user per role, a second supplier that did not bid, and an
// anonymous visitor) × every tender state, against a real `samspill serve --demo`.
//
// Tenders are driven through the API into each state, with two bids each (one for the
// unsuccessful tender) whose summaries carry a unique marker and whose prices are unique; a
// response body holding a bid's marker or price is a read of that bid's content. Asserted:
// - a role the route does not list never gets 2xx, and gets 403 on the API; an anonymous
//   visitor gets 401 on the API and 303 to /logg-inn on pages that are not public;
// - complaints (lodged by one supplier in the standstill and signed tenders) reach only the
//   complainer and the buyer side;
// - 0 unexpected reads: a bid's content reaches only whom the documented rule
//   (docs/decisions/0019, tendering::MayReadBidContent) allows — the bidding supplier always,
//   nobody else before opening, after opening the procurement officer, evaluator and auditor;
// - state-changing routes change nothing: they are sent with the CSRF token but to id 999999
//   and with an empty body, so the role check answers (403) or the handler refuses; the audit
//   trail and every tender's state are the same afterwards, and every session still works.
// The table (route × user → status, per tender state) and "N requests, 0 unexpected reads"
// are printed to stdout.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "api/api_client.h"
#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

constexpr int64_t kDay = 86400;
constexpr char kMissingId[] = "999999";

std::string Iso(int64_t unix_seconds) {
  char buf[32];
  time_t t = static_cast<time_t>(unix_seconds);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// "2 718 281" with `sep` between groups of three digits.
std::string Group(int64_t value, const std::string& sep) {
  std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

// The states after the opening: bid content is readable by the evaluating roles.
bool OpenedState(const std::string& state) {
  static const std::set<std::string> kOpened = {"opened",         "evaluated",
                                                "award_proposed", "political_approval",
                                                "standstill",     "contract_signed"};
  return kOpened.count(state) > 0;
}

// States in which the winning bid's price is also the award's contract value, shown by the
// award's own rules (not bid content, docs/decisions/0019).
bool AwardState(const std::string& state) {
  return state == "award_proposed" || state == "political_approval" || state == "standstill" ||
         state == "contract_signed";
}

struct User {
  std::string label;     // column header
  std::string username;  // "" for the anonymous visitor
  std::string role;      // RoleName; "" for anonymous
  Session session;
};

struct Bid {
  int64_t tender = 0;
  std::string state;     // the tender's state
  std::string supplier;  // the username that submitted it (one user per supplier organisation)
  int64_t price_minor = 0;
  std::string marker;
  bool winner = false;
  int64_t id = 0;

  std::vector<std::string> PriceNeedles() const {
    const int64_t major = price_minor / 100;
    // The digits cover the JSON amount (2718281.83), price_minor (271828183) and forms; the
    // groups cover the pages (no-break spaces in bokmål, commas in English) and plain text.
    std::vector<std::string> out = {std::to_string(major)};
    for (const char* sep : {" ", "\u00a0", "\u202f", ",", "."}) out.push_back(Group(major, sep));
    return out;
  }
};

// The documented rule, stated again here independently of the code under test.
bool MayRead(const User& user, const Bid& bid) {
  if (user.role == "supplier") return user.username == bid.supplier;
  if (user.role.empty() || !OpenedState(bid.state)) return false;
  return user.role == "procurement_officer" || user.role == "evaluator" || user.role == "auditor";
}

struct RouteRow {
  std::string kind, method, pattern;
  bool is_public = false;
  std::vector<std::string> roles;
  bool Mutates() const { return method != "GET"; }
  bool Allows(const std::string& role) const {
    if (role.empty()) return is_public;
    if (is_public || roles.empty()) return true;
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  }
};

// Replaces each capture group of `pattern` with value(path so far); regex escapes outside
// the groups become their character. std::nullopt when the pattern has other regex syntax.
std::optional<std::string> Instantiate(
    const std::string& pattern, const std::function<std::string(const std::string&)>& value) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += pattern[++i];
    } else if (c == '(') {
      int depth = 0;
      for (; i < pattern.size(); ++i) {
        if (pattern[i] == '\\') {
          ++i;
        } else if (pattern[i] == '(') {
          ++depth;
        } else if (pattern[i] == ')' && --depth == 0) {
          break;
        }
      }
      out += value(out);
    } else {
      out += c;
    }
  }
  if (!std::regex_match(out, std::regex(pattern))) return std::nullopt;
  return out;
}

class AccessMatrixTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    clock_file_ = dir_->path() + "/clock";
    now_ = 1767603600;  // 2026-01-05T09:00:00Z
    WriteClock();
    server_ = new ServeProcess(
        {"--demo", "--quiet", "--db", dir_->path() + "/matrix.db", "--clock-file", clock_file_});
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
  static std::string T(int64_t id, const std::string& rest = "") {
    return "/api/tenders/" + std::to_string(id) + rest;
  }

  json Draft(bool political) const {
    return json{{"title", "Renhold av skoler (tilgangsmatrise)"},
                {"description", "Renhold av 12 skoler"},
                {"cpv_code", "90911200-8"},
                {"category", "ordinary"},
                {"buyer_type", "municipal"},
                {"estimated_value", 30000000},
                {"why_not_divided", "Ett driftsområde"},
                {"profile", {{"procedure", "open"}, {"political_approval_required", political}}},
                {"timeline", {{"questions_deadline", Iso(now_ + 20 * kDay).substr(0, 10)}}},
                {"bid_deadline", Iso(now_ + 35 * kDay)},
                {"minimum_bids", 2},
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

  void Act(int64_t id, const std::string& action, const json& body = nullptr) {
    api().Expect(200, "POST", T(id, "/actions/" + action), officer_, body);
  }

  // Two suppliers bid (one for an unsuccessful tender): leverandor the cheaper, so it wins.
  void Bids(int64_t id, const std::string& state, int index) {
    const std::vector<std::pair<std::string, int64_t>> bidders = {
        {"leverandor", 271828183 + index * 100000}, {"leverandor2", 314159271 + index * 100000}};
    for (size_t i = 0; i < bidders.size(); ++i) {
      if (state == "unsuccessful" && i == 1) break;
      Bid bid{id,
              state,
              bidders[i].first,
              bidders[i].second,
              "MXBID" + std::to_string(id) + "X" + std::to_string(i) + "Q",
              i == 0};
      api().Expect(201, "POST", T(id, "/bids"), sessions_[bid.supplier],
                   json{{"price", static_cast<double>(bid.price_minor) / 100.0},
                        {"summary", "Tilbud " + bid.marker}});
      bids_.push_back(bid);
    }
  }

  // Drives a fresh tender to `state` through the API, as the roles that do each step.
  int64_t DriveTo(const std::string& state, int index) {
    const bool political = state == "political_approval";
    json view = api().Expect(201, "POST", "/api/tenders", officer_, Draft(political));
    const int64_t id = view.value("id", int64_t{0});
    if (state == "draft") return id;
    Act(id, "publish");
    json q = api().Expect(201, "POST", T(id, "/questions"), sessions_["leverandor"],
                          json{{"question", "Gjelder kravet alle skolene?"}});
    questions_[id] = q.value("id", int64_t{0});
    Bids(id, state, index);
    if (state == "published") return id;
    if (state == "cancelled") {  // cancelled with sealed bids, never opened
      Act(id, "cancel", json{{"reason", "Behovet er endret"}});
      return id;
    }
    Advance(36 * kDay);
    Act(id, "close_bidding");
    if (state == "bidding_closed" || state == "unsuccessful") return id;
    Act(id, "open_bids");
    if (state == "opened") return id;
    json listed = api().Expect(200, "GET", T(id, "/bids"), sessions_["evaluator"]);
    for (const json& b : listed["bids"]) {
      api().Expect(200, "PUT", T(id, "/bids/" + std::to_string(b["id"].get<int64_t>()) + "/scores"),
                   sessions_["evaluator"],
                   json{{"scores",
                         {{{"criterion_id", "kvalitet"}, {"score", 8}},
                          {{"criterion_id", "sosialt"}, {"score", 7}}}}});
    }
    Act(id, "complete_evaluation");
    if (state == "evaluated") return id;
    Act(id, "propose_award");
    if (state == "award_proposed") return id;
    if (political) {
      Act(id, "approve_politically");
      return id;
    }
    Act(id, "send_award_notice");
    // The losing supplier complains; its grounds carry a marker that only the buyer side and
    // the complainer may read. Before signing, the officer records the handling.
    const std::string marker = "MXKLAGE" + std::to_string(id) + "Q";
    api().Expect(201, "POST", T(id, "/complaints"), sessions_[kComplainer],
                 json{{"grounds", "Klage " + marker}});
    complaint_markers_.push_back(marker);
    if (state == "standstill") return id;
    api().Expect(200, "POST", T(id, "/complaints/1/handling"), officer_,
                 json{{"outcome", "rejected"}, {"reasons", "Evalueringen følger modellen"}});
    Advance(12 * kDay);
    Act(id, "sign_contract");
    return id;
  }

  static constexpr char kComplainer[] = "leverandor2";

  static TempDir* dir_;
  static ServeProcess* server_;
  static std::string clock_file_;
  static int64_t now_;

  Session officer_;
  std::map<std::string, Session> sessions_;  // by username
  std::vector<Bid> bids_;
  std::map<int64_t, int64_t> questions_;  // tender → a question's id
  std::vector<std::string> complaint_markers_;
};

TempDir* AccessMatrixTest::dir_ = nullptr;
ServeProcess* AccessMatrixTest::server_ = nullptr;
std::string AccessMatrixTest::clock_file_;
int64_t AccessMatrixTest::now_ = 0;

struct Response {
  int status = 0;
  std::string body;
  std::string location;
};

TEST_F(AccessMatrixTest, EveryRouteEveryRoleEveryTenderState) {
  // The route table, from the binary itself.
  ProcessResult listed = RunProcess({SAMSPILL_BINARY, "routes"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  json table = json::parse(listed.out);
  ASSERT_TRUE(table.is_array());
  std::vector<RouteRow> routes;
  for (const json& r : table) {
    RouteRow row{r["kind"], r["method"], r["pattern"], r["public"].get<bool>(), {}};
    for (const json& role : r["roles"]) row.roles.push_back(role);
    routes.push_back(row);
  }
  ASSERT_GT(routes.size(), 50u);

  // One user per role, a supplier that bids nowhere, and the anonymous visitor.
  std::vector<User> users = {{"adm", "admin", "administrator", {}},
                             {"inn", "innkjoper", "procurement_officer", {}},
                             {"eva", "evaluator", "evaluator", {}},
                             {"tje", "tjenesteleder", "service_leader", {}},
                             {"til", "tillitsvalgt", "union_representative", {}},
                             {"lev", "leverandor", "supplier", {}},
                             {"lev3", "leverandor3", "supplier", {}},
                             {"rev", "revisor", "auditor", {}},
                             {"pol", "politiker", "politician", {}},
                             {"koo", "koordinator", "partnership_coordinator", {}},
                             {"pro", "prosjektleder", "project_leader", {}},
                             {"sty", "styringsgruppe", "steering_group", {}},
                             {"con", "controller", "controller", {}},
                             {"anon", "", "", {}}};
  for (User& u : users) {
    if (u.username.empty()) continue;
    u.session = api().LoginAs(u.username);
    ASSERT_EQ(u.session.user.value("role", ""), u.role) << u.username;
    sessions_[u.username] = u.session;
  }
  sessions_["leverandor2"] = api().LoginAs("leverandor2");
  officer_ = sessions_["innkjoper"];

  // Every state the API reaches. The ones that move the clock come first, so the published
  // tender's deadline is still ahead when the matrix runs.
  const std::vector<std::string> states = {"contract_signed", "standstill",   "political_approval",
                                           "award_proposed",  "evaluated",    "opened",
                                           "bidding_closed",  "unsuccessful", "cancelled",
                                           "published",       "draft"};
  std::map<std::string, int64_t> tender_of;
  for (size_t i = 0; i < states.size(); ++i) tender_of[states[i]] = DriveTo(states[i], i);
  for (const auto& [state, id] : tender_of) {
    json view = api().Expect(200, "GET", T(id), sessions_["revisor"]);
    ASSERT_EQ(view.value("state", ""), state) << view.dump();
  }

  // Each bid's id and price as the procurement officer reads them after the opening: the
  // recogniser must find the price and the marker in the JSON and the price on the page.
  for (Bid& b : bids_) {
    if (!OpenedState(b.state)) continue;
    auto res = api().Send("GET", T(b.tender, "/bids"), officer_);
    ASSERT_TRUE(res && res->status == 200);
    EXPECT_TRUE(Contains(res->body, b.marker)) << res->body;
    EXPECT_TRUE(Contains(res->body, b.PriceNeedles()[0])) << res->body;
    const json doc = json::parse(res->body);
    for (const json& item : doc["bids"]) {
      if (Contains(item.dump(), b.marker)) b.id = item.value("id", int64_t{0});
    }
    EXPECT_GT(b.id, 0) << res->body;
    auto page = api().Send("GET", "/anbud/" + std::to_string(b.tender), officer_);
    ASSERT_TRUE(page && page->status == 200);
    EXPECT_TRUE(Contains(page->body, b.PriceNeedles()[2]) ||
                Contains(page->body, b.PriceNeedles()[1]))
        << "price " << b.PriceNeedles()[2] << " not on the officer's page of " << b.state;
  }
  // Sealed bids' ids, as their suppliers read them.
  for (Bid& b : bids_) {
    if (b.id > 0) continue;
    auto res = api().Send("GET", T(b.tender, "/bids"), sessions_[b.supplier]);
    ASSERT_TRUE(res && res->status == 200);
    const json doc = json::parse(res->body);
    for (const json& item : doc["bids"]) {
      if (Contains(item.dump(), b.marker)) b.id = item.value("id", int64_t{0});
    }
    EXPECT_GT(b.id, 0) << b.state << ": " << res->body;
  }

  // Ids that exist for the other captures.
  const std::string user_id = std::to_string(sessions_["admin"].user.value("id", int64_t{0}));
  auto first_id = [&](const std::string& path, const std::string& key) -> std::string {
    auto res = api().Send("GET", path, sessions_["koordinator"]);
    if (!res || res->status != 200) return kMissingId;
    json doc = json::parse(res->body, nullptr, false);
    const json& list = doc.contains(key) ? doc[key] : doc;
    if (!list.is_array() || list.empty() || !list[0].is_object()) return kMissingId;
    return std::to_string(list[0].value("id", int64_t{0}));
  };
  const std::string project_id = first_id("/api/portfolio/projects", "projects");
  const std::string indicator_id = first_id("/api/portfolio/indicators", "indicators");
  std::string chart = "x";
  if (auto page = api().Send("GET", "/portefolje/maltall", sessions_["koordinator"])) {
    std::smatch m;
    static const std::regex kChart(R"(/api/portfolio/charts/([^"/?]{1,200})\.svg)");
    if (std::regex_search(page->body, m, kChart)) chart = m[1];
  }

  // What must not change: the audit trail, the tenders' states.
  // The audit events after `after`, all pages of them.
  auto audit_tail = [&](int64_t after) {
    json all = json::array();
    for (;;) {
      auto res = api().Send("GET", "/api/audit?limit=1000&after=" + std::to_string(after),
                            sessions_["revisor"]);
      EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no response");
      if (!res || res->status != 200) return all;
      json page = json::parse(res->body)["events"];
      if (page.empty()) return all;
      for (json& e : page) {
        after = std::max(after, e.value("id", int64_t{0}));
        all.push_back(std::move(e));
      }
    }
  };
  json before = audit_tail(0);
  int64_t last_event = 0;
  for (const json& e : before) last_event = std::max(last_event, e.value("id", int64_t{0}));
  ASSERT_GT(last_event, 0);
  const std::string tenders_before = api().Send("GET", "/api/tenders", sessions_["revisor"])->body;

  // One keep-alive connection per user.
  std::vector<std::unique_ptr<httplib::Client>> clients;
  for (size_t i = 0; i < users.size(); ++i) {
    clients.push_back(std::make_unique<httplib::Client>("127.0.0.1", server_->port()));
    clients.back()->set_keep_alive(true);
    clients.back()->set_read_timeout(30, 0);
  }
  auto send = [&](size_t u, const RouteRow& route, const std::string& path) {
    const User& user = users[u];
    httplib::Headers headers;
    if (!user.username.empty()) headers.emplace("Cookie", user.session.cookie);
    // Ending the session would end the matrix: the log-out routes go without the token.
    const bool logs_out =
        (route.kind == "api" && route.method == "DELETE" && route.pattern == "/api/session") ||
        route.pattern == "/logg-ut";
    std::string body;
    std::string type =
        route.kind == "api" ? "application/json" : "application/x-www-form-urlencoded";
    if (route.Mutates() && !user.username.empty() && !logs_out) {
      if (route.kind == "api") {
        headers.emplace("X-CSRF-Token", user.session.csrf);
      } else {
        body = "csrf_token=" + user.session.csrf;
      }
    }
    httplib::Client& c = *clients[u];
    httplib::Result res = route.method == "GET"     ? c.Get(path, headers)
                          : route.method == "POST"  ? c.Post(path, headers, body, type)
                          : route.method == "PUT"   ? c.Put(path, headers, body, type)
                          : route.method == "PATCH" ? c.Patch(path, headers, body, type)
                                                    : c.Delete(path, headers);
    Response out;
    if (res) {
      out.status = res->status;
      out.body = res->body;
      out.location = res->get_header_value("Location");
    }
    return out;
  };

  int requests = 0;
  int unexpected_reads = 0;
  int legitimate_reads = 0;
  std::vector<std::string> lines;
  std::string header = "state              method route";
  header.resize(74, ' ');
  for (const User& u : users) {
    std::string cell = u.label;
    cell.resize(6, ' ');
    header += cell;
  }
  lines.push_back(header);

  auto run_row = [&](const RouteRow& route, const std::string& state, const std::string& path) {
    std::string line = state;
    line.resize(19, ' ');
    line += route.method;
    line.resize(26, ' ');
    line += (route.kind == "page" ? "page " : "") + route.pattern;
    if (line.size() < 74)
      line.resize(74, ' ');
    else
      line += ' ';
    for (size_t u = 0; u < users.size(); ++u) {
      const User& user = users[u];
      Response r = send(u, route, path);
      ++requests;
      std::string mark;
      const std::string who = (user.username.empty() ? "anonymous" : user.username) + " " +
                              route.method + " " + path + " (" + route.pattern + ", " + state + ")";
      EXPECT_NE(r.status, 0) << who << ": no response";
      const bool ok2xx = r.status >= 200 && r.status < 300;
      if (!route.Allows(user.role)) {
        EXPECT_FALSE(ok2xx) << who << ": a role the route does not list got " << r.status;
        if (user.role.empty()) {
          if (route.kind == "api") {
            EXPECT_EQ(r.status, 401) << who;
          } else {
            EXPECT_EQ(r.status, 303) << who;
            EXPECT_EQ(r.location, "/logg-inn") << who;
          }
        } else {
          EXPECT_EQ(r.status, 403) << who;
        }
      }
      if (route.Mutates()) {
        EXPECT_FALSE(ok2xx) << who << ": a state-changing request was accepted: " << r.body;
      }
      for (const Bid& b : bids_) {
        std::string what;
        if (Contains(r.body, b.marker)) what = "marker";
        if (!(b.winner && AwardState(b.state))) {
          for (const std::string& n : b.PriceNeedles()) {
            if (Contains(r.body, n)) what += (what.empty() ? "" : "+") + std::string("price");
            if (Contains(r.body, n)) break;
          }
        }
        if (what.empty()) continue;
        if (MayRead(user, b)) {
          ++legitimate_reads;
          if (mark.empty()) mark = "*";
          continue;
        }
        ++unexpected_reads;
        mark = "!";
        ADD_FAILURE() << "unexpected read: " << who << " got the " << what << " of " << b.supplier
                      << "'s bid in the " << b.state << " tender " << b.tender;
      }
      // Complaints: the complainer and the buyer side read them, no other supplier, nobody
      // anonymous (TenderService's rule, stated again here).
      for (const std::string& marker : complaint_markers_) {
        if (!Contains(r.body, marker)) continue;
        const bool may =
            user.role == "supplier" ? user.username == kComplainer : !user.role.empty();
        if (may) {
          ++legitimate_reads;
          if (mark.empty()) mark = "*";
          continue;
        }
        ++unexpected_reads;
        mark = "!";
        ADD_FAILURE() << "unexpected read: " << who << " got the complaint " << marker;
      }
      std::string cell = std::to_string(r.status) + mark;
      cell.resize(6, ' ');
      line += cell;
    }
    lines.push_back(line);
  };

  for (const RouteRow& route : routes) {
    // Does the route take a tender? Then it runs once per state, else once.
    bool per_tender = false;
    auto value = [&](const std::string& state) {
      return [&, state](const std::string& before) -> std::string {
        const int64_t tender = state.empty() ? 0 : tender_of[state];
        if (EndsWith(before, "/actions/") || EndsWith(before, "/handling/")) return "publish";
        if (EndsWith(before, "/api/portfolio/charts/")) return chart;
        // A budget year's priorities: the demo's 2026, which exists, so that a change sent
        // without a version or body is refused rather than creating a list.
        if (EndsWith(before, "/prioriteringer/") || EndsWith(before, "/priorities/")) {
          return "2026";
        }
        if (route.Mutates()) return kMissingId;  // never change anything
        if (EndsWith(before, "/api/tenders/") || EndsWith(before, "/anbud/")) {
          per_tender = true;
          return tender ? std::to_string(tender) : kMissingId;
        }
        if (EndsWith(before, "/bids/") || EndsWith(before, "/bud/")) {
          for (const Bid& b : bids_) {
            if (b.tender == tender && b.id > 0) return std::to_string(b.id);
          }
          return kMissingId;
        }
        if (EndsWith(before, "/questions/") || EndsWith(before, "/sporsmal/")) {
          return questions_.count(tender) ? std::to_string(questions_[tender]) : kMissingId;
        }
        if (EndsWith(before, "/api/users/")) return user_id;
        if (EndsWith(before, "/projects/") || EndsWith(before, "/prosjekt/")) return project_id;
        if (EndsWith(before, "/indicators/") || EndsWith(before, "/maltall/")) return indicator_id;
        return kMissingId;
      };
    };
    std::optional<std::string> any = Instantiate(route.pattern, value(""));
    ASSERT_TRUE(any) << "cannot make a path for " << route.pattern;
    if (!per_tender) {
      run_row(route, "-", *any);
      continue;
    }
    for (const std::string& state : states) {
      std::optional<std::string> path = Instantiate(route.pattern, value(state));
      ASSERT_TRUE(path);
      run_row(route, state, *path);
    }
  }

  // Nothing changed: no audit event after the matrix started, the same tenders in the same
  // states, and every session still works.
  // (The login form posted empty records a failed login: an event, not a change.)
  json after = json::array();
  for (const json& e : audit_tail(last_event)) {
    if (e.value("action", "") != "session.login_failed") after.push_back(e);
  }
  EXPECT_TRUE(after.empty()) << after.dump(1);
  EXPECT_EQ(api().Send("GET", "/api/tenders", sessions_["revisor"])->body, tenders_before);
  for (const User& u : users) {
    if (u.username.empty()) continue;
    api().Expect(200, "GET", "/api/session", u.session);
  }
  // The matrix read bid content where the rule allows it: the recogniser works.
  EXPECT_GT(legitimate_reads, 0);

  std::string out =
      "Access matrix (status per user; * = a bid's content in the body, allowed;"
      " ! = unexpected read)\n";
  for (const std::string& l : lines) out += l + "\n";
  out += std::to_string(routes.size()) + " routes, " + std::to_string(users.size()) + " users, " +
         std::to_string(states.size()) + " tender states, " + std::to_string(bids_.size()) +
         " bids\n";
  out += std::to_string(requests) + " requests, " + std::to_string(unexpected_reads) +
         " unexpected reads\n";
  std::fputs(out.c_str(), stdout);
  std::fflush(stdout);
  EXPECT_EQ(unexpected_reads, 0);
}

}  // namespace
}  // namespace samspill::testing
