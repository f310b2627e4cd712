#include "decision/risk_json.h"

#include <gtest/gtest.h>

namespace samspill::decision {
namespace {

using nlohmann::json;

bool SameRisks(const std::vector<Risk>& a, const std::vector<Risk>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const Risk& x = a[i];
    const Risk& y = b[i];
    if (x.id != y.id || x.title != y.title || x.description != y.description ||
        x.likelihood != y.likelihood || x.consequence != y.consequence ||
        x.residual_likelihood != y.residual_likelihood ||
        x.residual_consequence != y.residual_consequence ||
        x.mitigations.size() != y.mitigations.size()) {
      return false;
    }
    for (size_t j = 0; j < x.mitigations.size(); ++j) {
      const Mitigation& m = x.mitigations[j];
      const Mitigation& n = y.mitigations[j];
      if (m.action != n.action || m.owner != n.owner || m.status != n.status || m.due != n.due) {
        return false;
      }
    }
  }
  return true;
}

// Every status, a residual not assessed, a date, an empty owner and text that needs escaping.
std::vector<Risk> Varied() {
  return {Risk{.id = "reservation_right",
               .title = "Mange ansatte bruker reservasjonsretten",
               .description = "«Sitat» med \"anførsel\" og \\ og\nlinjeskift",
               .likelihood = 4,
               .consequence = 5,
               .mitigations = {{"Videreføre lønnsvilkår", "HR", MitigationStatus::kPlanned, ""},
                               {"Dialog", "", MitigationStatus::kInProgress, "2026-02-28"},
                               {"Pensjon", "Innkjøp", MitigationStatus::kDone, "2024-02-29"},
                               {"Trinnvis", "Styringsgruppe", MitigationStatus::kDropped, ""}},
               .residual_likelihood = 3,
               .residual_consequence = 4},
          Risk{.id = "single_bid", .title = "Bare ett tilbud", .likelihood = 1, .consequence = 1}};
}

TEST(RisksJson, RoundTripsTheTemplateAndAVariedRegister) {
  for (const std::vector<Risk>& risks : {RiskTemplate(), Varied(), std::vector<Risk>{}}) {
    const json doc = RisksToJson(risks);
    Result<std::vector<Risk>> back = RisksFromJson(doc);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_TRUE(SameRisks(*back, risks));
    // Through text too, as a document stores it.
    Result<std::vector<Risk>> reread = RisksFromJson(json::parse(doc.dump()));
    ASSERT_TRUE(reread.ok());
    EXPECT_TRUE(SameRisks(*reread, risks));
    EXPECT_EQ(RisksToJson(*reread), doc);
  }
}

TEST(RisksJson, WritesTheDocumentedFormat) {
  const json doc = RisksToJson(Varied());
  ASSERT_TRUE(doc.is_array());
  EXPECT_EQ(doc[0]["likelihood"], 4);
  EXPECT_EQ(doc[0]["residual_consequence"], 4);
  EXPECT_EQ(doc[0]["mitigations"][0]["status"], "planned");
  EXPECT_EQ(doc[0]["mitigations"][1]["status"], "in_progress");
  EXPECT_EQ(doc[0]["mitigations"][2]["status"], "done");
  EXPECT_EQ(doc[0]["mitigations"][3]["status"], "dropped");
  EXPECT_EQ(doc[0]["mitigations"][1]["due"], "2026-02-28");
  // Not assessed: no residual members at all.
  EXPECT_FALSE(doc[1].contains("residual_likelihood"));
  EXPECT_FALSE(doc[1].contains("residual_consequence"));
}

TEST(RisksJson, OptionalMembersTakeTheirDefaults) {
  Result<std::vector<Risk>> r = RisksFromJson(json::parse(
      R"([{"id": "a", "title": "T", "likelihood": 2, "consequence": 5,
           "mitigations": [{"action": "Gjør noe"}]}])"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].description, "");
  EXPECT_EQ((*r)[0].residual_likelihood, 0);
  EXPECT_EQ((*r)[0].residual_consequence, 0);
  EXPECT_EQ((*r)[0].mitigations[0].owner, "");
  EXPECT_EQ((*r)[0].mitigations[0].status, MitigationStatus::kPlanned);
  EXPECT_EQ((*r)[0].mitigations[0].due, "");
  // 4.0 is a whole number, as elsewhere in the house's documents.
  EXPECT_TRUE(
      RisksFromJson(
          json::parse(R"([{"id": "a", "title": "T", "likelihood": 4.0, "consequence": 1e0}])"))
          .ok());
}

// Bad input names the field, in the paths ValidateRisks uses, and gives no register.
TEST(RisksJson, RefusesBadInputNamingTheField) {
  auto field = [](const std::string& text) {
    Result<std::vector<Risk>> r = RisksFromJson(json::parse(text));
    if (r.ok()) return std::string("ok");
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_FALSE(r.status().message().empty());
    return r.status().field();
  };
  auto risk = [](const std::string& more) {
    return R"([{"id": "a", "title": "T", "likelihood": 2, "consequence": 3)" + more + "}]";
  };
  auto mitigation = [&](const std::string& members) {
    return risk(R"(, "mitigations": [{"action": "Gjør noe")" + members + "}]");
  };
  EXPECT_EQ(field(risk("")), "ok");
  // The document's shape.
  EXPECT_EQ(field(R"({"risks": []})"), "risks");
  EXPECT_EQ(field(R"("risks")"), "risks");
  EXPECT_EQ(field("null"), "risks");
  EXPECT_EQ(field("[1]"), "risks[0]");
  EXPECT_EQ(field("[[]]"), "risks[0]");
  // Unknown keys, at each level.
  EXPECT_EQ(field(risk(R"(, "likelyhood": 2)")), "risks[0].likelyhood");
  EXPECT_EQ(field(risk(R"(, "residual": {"likelihood": 1})")), "risks[0].residual");
  EXPECT_EQ(field(mitigation(R"(, "responsible": "HR")")), "risks[0].mitigations[0].responsible");
  // Missing and mistyped members.
  EXPECT_EQ(field(R"([{"title": "T", "likelihood": 2, "consequence": 3}])"), "risks[0].id");
  EXPECT_EQ(field(R"([{"id": "a", "likelihood": 2, "consequence": 3}])"), "risks[0].title");
  EXPECT_EQ(field(R"([{"id": "a", "title": "T", "consequence": 3}])"), "risks[0].likelihood");
  EXPECT_EQ(field(R"([{"id": 7, "title": "T", "likelihood": 2, "consequence": 3}])"),
            "risks[0].id");
  EXPECT_EQ(field(risk(R"(, "description": null)")), "risks[0].description");
  EXPECT_EQ(field(risk(R"(, "mitigations": {})")), "risks[0].mitigations");
  EXPECT_EQ(field(risk(R"(, "mitigations": ["Gjør noe"])")), "risks[0].mitigations[0]");
  EXPECT_EQ(field(risk(R"(, "mitigations": [{"owner": "HR"}])")), "risks[0].mitigations[0].action");
  EXPECT_EQ(field(mitigation(R"(, "due": 20260301)")), "risks[0].mitigations[0].due");
  EXPECT_EQ(field(mitigation(R"(, "owner": ["HR"])")), "risks[0].mitigations[0].owner");
  // Values out of range.
  EXPECT_EQ(field(R"([{"id": "a", "title": "T", "likelihood": "2", "consequence": 3}])"),
            "risks[0].likelihood");
  EXPECT_EQ(field(R"([{"id": "a", "title": "T", "likelihood": 2.5, "consequence": 3}])"),
            "risks[0].likelihood");
  EXPECT_EQ(field(R"([{"id": "a", "title": "T", "likelihood": 2, "consequence": 6}])"),
            "risks[0].consequence");
  EXPECT_EQ(field(risk(R"(, "residual_likelihood": 0, "residual_consequence": 0)")),
            "risks[0].residual_likelihood");
  EXPECT_EQ(field(risk(R"(, "residual_likelihood": 2, "residual_consequence": 9)")),
            "risks[0].residual_consequence");
  // Statuses by their API names only.
  EXPECT_EQ(field(mitigation(R"(, "status": "in_progress")")), "ok");
  EXPECT_EQ(field(mitigation(R"(, "status": "In progress")")), "risks[0].mitigations[0].status");
  EXPECT_EQ(field(mitigation(R"(, "status": 2)")), "risks[0].mitigations[0].status");
  EXPECT_EQ(field(mitigation(R"(, "status": "kInProgress")")), "risks[0].mitigations[0].status");
  // Then the register's own rules, at the same paths.
  EXPECT_EQ(field(risk(R"(, "residual_likelihood": 2)")), "risks[0].residual_consequence");
  EXPECT_EQ(field(mitigation(R"(, "due": "2025-02-29")")), "risks[0].mitigations[0].due");
  EXPECT_EQ(field(risk(R"(, "mitigations": [{"action": "  "}])")),
            "risks[0].mitigations[0].action");
  EXPECT_EQ(field(R"([{"id": "a", "title": "T", "likelihood": 2, "consequence": 3},
                      {"id": "a", "title": "U", "likelihood": 2, "consequence": 3}])"),
            "risks[1].id");
  EXPECT_EQ(field(R"([{"id": "a", "title": " ", "likelihood": 2, "consequence": 3}])"),
            "risks[0].title");
}

TEST(RisksJson, RefusesMoreThanTheLimits) {
  json risks = json::array();
  for (int i = 0; i <= kMaxRisks; ++i) {
    risks.push_back(
        {{"id", "r" + std::to_string(i)}, {"title", "T"}, {"likelihood", 1}, {"consequence", 1}});
  }
  EXPECT_EQ(RisksFromJson(risks).status().field(), "risks");
  risks.erase(risks.end() - 1);
  EXPECT_TRUE(RisksFromJson(risks).ok());

  json mitigations = json::array();
  for (int i = 0; i <= kMaxMitigations; ++i) mitigations.push_back({{"action", "Tiltak"}});
  json risk = {{"id", "a"}, {"title", "T"}, {"likelihood", 1}, {"consequence", 1}};
  risk["mitigations"] = mitigations;
  EXPECT_EQ(RisksFromJson(json::array({risk})).status().field(), "risks[0].mitigations");
  risk["mitigations"].erase(risk["mitigations"].end() - 1);
  EXPECT_TRUE(RisksFromJson(json::array({risk})).ok());
}

}  // namespace
}  // namespace samspill::decision
