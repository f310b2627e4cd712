#include "web/messages.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/csv.h"
#include "common/money.h"
#include "decision/decision_case.h"
#include "portfolio/indicator.h"
#include "portfolio/indicator_csv.h"
#include "portfolio/project.h"
#include "portfolio/project_csv.h"
#include "strategy/task_area.h"
#include "tendering/timeline.h"

namespace samspill::web {
namespace {

TEST(Messages, TemplatesCarryTheirValuesAndInnerMessagesOver) {
  EXPECT_EQ(InLanguage(Lang::kNb, "unknown area 'Havbruk'"), "ukjent innsatsområde «Havbruk»");
  EXPECT_EQ(InLanguage(Lang::kNb, "row 3, column 2: a quoted field is never closed"),
            "rad 3, kolonne 2: et felt i anførselstegn blir aldri avsluttet");
  EXPECT_EQ(InLanguage(Lang::kNb, "'12x' is not an amount: amount contains 'x'"),
            "«12x» er ikke et beløp: beløpet inneholder «x»");
  EXPECT_EQ(InLanguage(Lang::kNb, "unknown area 'A' (one of: B, C)"),
            "ukjent innsatsområde «A» (ett av: B, C)");
  // English pages keep the service's words; an unknown message is shown as it is.
  EXPECT_EQ(InLanguage(Lang::kEn, "unknown area 'Havbruk'"), "unknown area 'Havbruk'");
  EXPECT_EQ(InLanguage(Lang::kNb, "something new went wrong"), "something new went wrong");
  EXPECT_FALSE(HasNorwegian("something new went wrong"));
  // A known frame around an unknown inner message is not counted as translated.
  EXPECT_FALSE(HasNorwegian("row 3, column 2: something new"));
  // No partial matches: the whole message must fit the template.
  EXPECT_FALSE(HasNorwegian("the file is empty, mostly"));
  EXPECT_FALSE(HasNorwegian("amount is too large!"));
}

// Every error the portfolio's CSV imports and checks can give, produced by the real parsers and
// validators, must have its Norwegian text: a changed English message fails here.
TEST(Messages, EveryPortfolioFormAndImportMessageIsInNorwegian) {
  std::vector<std::string> messages;
  auto from_projects = [&](const std::string& csv) {
    portfolio::ProjectImport parsed = portfolio::ParseProjectsCsv(csv);
    EXPECT_FALSE(parsed.errors.empty()) << csv;
    for (const portfolio::RowError& e : parsed.errors) messages.push_back(e.message);
  };
  auto from_indicators = [&](const std::string& csv) {
    portfolio::IndicatorImport parsed = portfolio::ParseIndicatorsCsv(csv);
    EXPECT_FALSE(parsed.errors.empty()) << csv;
    for (const portfolio::RowError& e : parsed.errors) messages.push_back(e.message);
  };
  auto from_status = [&](const Status& s) {
    EXPECT_FALSE(s.ok());
    messages.push_back(s.message());
  };

  // The CSV layer.
  from_projects("");
  from_projects("\n\n");
  from_projects("navn,innsatsområde,type\n\"Åpent,Unikom,formidling\n");
  from_projects("navn,innsatsområde,type\n\"A\"b,Unikom,formidling\n");
  from_projects("navn,innsatsområde,type\nA\"b,Unikom,formidling\n");
  from_projects("navn,innsatsområde,type\nA,Unikom,formidling,x\n");
  from_projects("navn,innsatsområde,type\n\xff\xfe\n");
  from_status(ParseCsv("a\n1\n2\n", {.max_bytes = 4}).status());
  from_status(ParseCsv("a\n1\n2\n3\n", {.max_rows = 2}).status());
  from_status(ParseCsv("a,b\n1,2\n", {.max_fields = 1}).status());
  // Columns and cells of a project import.
  from_projects("navn,navn,innsatsområde,type\nA,A,Unikom,formidling\n");
  from_projects("navn,innsatsområde,type,farge\nA,Unikom,formidling,blå\n");
  from_projects("navn,type\nA,formidling\n");
  from_projects(
      "navn,innsatsområde,type,status,kontaktpersoner,finansiering,start,slutt,"
      "tilrettelagt av partnerskapet\n"
      ",Havbruk,forsk,Ukjent,\"(Prosjektleder, NTNU)\",\"NFR: 12x | : 100 | EU: -5 | A: 1,2,3 | "
      "B: 1.234 | C: 99999999999999999999\",2024-13-01,neste år,kanskje\n");
  from_projects("navn,innsatsområde,type,start,slutt\nA,Unikom,formidling,2025,2024\n");
  // Indicators.
  from_indicators("category,indicator\nA,B\n");
  from_indicators("category,indicator,unit,target_kind,target,farge\nA,B,antall,none,,blå\n");
  from_indicators(
      "category,indicator,unit,target_kind,target,2024,period_total\n"
      "A,B,antall,hver uke,ti,x,mange\n");
  from_indicators("category,indicator,unit,target_kind,target\n,B,antall,per_year,\n");
  from_indicators("category,indicator,unit,target_kind,target\nA,,antall,per_year,1\n");
  from_indicators("category,indicator,unit,target_kind,target\nA,B,antall,per_year,\n");
  portfolio::Indicator ind{.category = "A", .name = "B"};
  ind.target_kind = portfolio::TargetKind::kNone;
  ind.category = std::string(300, 'x');
  from_status(portfolio::ValidateIndicator(ind));
  ind.category = "A";
  ind.target = -1;
  from_status(portfolio::ValidateIndicator(ind));
  ind.target.reset();
  ind.figures = {{1800, 1, "", false}};
  from_status(portfolio::ValidateIndicator(ind));
  ind.figures = {{2024, 1, "", false}, {2024, 2, "", false}};
  from_status(portfolio::ValidateIndicator(ind));
  ind.figures = {{2024, -1, "", false}};
  from_status(portfolio::ValidateIndicator(ind));
  // Projects as the form and the service check them.
  const portfolio::AreaList areas;
  portfolio::Project p;
  p.name = "A";
  p.area = "Havbruk";
  from_status(portfolio::ValidateProject(p, areas));
  p.area = "Unikom";
  p.short_name = std::string(400, 'x');
  from_status(portfolio::ValidateProject(p, areas));
  p.short_name.clear();
  p.partners = {{"", "enhet"}};
  from_status(portfolio::ValidateProject(p, areas));
  p.partners.clear();
  p.contacts = {{""}};
  from_status(portfolio::ValidateProject(p, areas));
  p.contacts.clear();
  p.funding = {{""}};
  from_status(portfolio::ValidateProject(p, areas));
  p.funding = {{"NFR"}};
  p.funding[0].amount.minor = -1;
  from_status(portfolio::ValidateProject(p, areas));
  p.funding.clear();
  p.partners.resize(101, {"NTNU", ""});
  from_status(portfolio::ValidateProject(p, areas));
  for (const char* amount : {"", "1,2,3", "1.234", "-5", "12x", "99999999999999999999"}) {
    from_status(ParseMoneyMinor(amount).status());
  }

  ASSERT_GE(messages.size(), 40u);
  for (const std::string& m : messages) {
    EXPECT_TRUE(HasNorwegian(m)) << "no Norwegian text for: " << m;
  }
}

// The legal timeline checks a Norwegian page can show when publishing is refused, and the
// standstill warnings that must say the figure is the municipality's setting, produced by the
// real check.
TEST(Messages, StandstillAndRequestPeriodMessagesAreInNorwegian) {
  using tendering::LegalRegime;
  using tendering::Milestone;
  std::vector<std::string> messages;
  auto check = [&](const tendering::Timeline& t, LegalRegime regime,
                   const tendering::TenderProfile& profile,
                   const tendering::TimelineOptions& options) {
    Result<std::vector<tendering::TimelineFinding>> findings =
        tendering::CheckTimeline(t, regime, profile, options);
    if (!findings.ok()) {
      messages.push_back(findings.status().message());
      return;
    }
    for (const tendering::TimelineFinding& f : *findings) {
      if (f.severity == tendering::Severity::kError) {
        messages.push_back("cannot publish: " + f.message);  // as Tender::Publish refuses
      } else if (f.milestone == Milestone::kStandstillEnd) {
        messages.push_back(f.message);
      }
    }
  };
  tendering::Timeline standstill;
  standstill.Set(Milestone::kAwardNotice, Date{2025, 5, 1});
  standstill.Set(Milestone::kStandstillEnd, Date{2025, 5, 8});
  tendering::TimelineOptions five_days;
  five_days.standstill_days = 5;
  check(standstill, LegalRegime::kPartIII, {}, five_days);  // the setting below the law
  check(standstill, LegalRegime::kPartIII, {}, {});         // the planned end below the law
  check(standstill, LegalRegime::kPartII, {}, {});          // the municipality's setting
  check(standstill, LegalRegime::kPartIV, {}, {});
  tendering::Timeline request;
  request.Set(Milestone::kPublication, Date{2025, 1, 1});
  request.Set(Milestone::kRequestDeadline, Date{2025, 1, 20});
  request.Set(Milestone::kBidDeadline, Date{2025, 4, 1});
  check(request, LegalRegime::kPartIII, {.procedure = tendering::Procedure::kRestricted}, {});
  ASSERT_EQ(messages.size(), 5u);
  for (const std::string& m : messages) EXPECT_TRUE(HasNorwegian(m)) << m;
  EXPECT_EQ(InLanguage(Lang::kNb, messages[2]),
            "karensperioden er 7 dager, kortere enn kommunens innstilling på 10 dager "
            "(kommunens eget valg, ikke lov)");
}

// The staff-transfer checks of the tender's plan, produced by the real check, in Norwegian.
TEST(Messages, StaffTransferMessagesAreInNorwegian) {
  using tendering::Milestone;
  tendering::Timeline t;
  t.Set(Milestone::kStaffInformation, Date{2026, 3, 2});
  t.Set(Milestone::kReservationDeadline, Date{2026, 3, 10});
  t.Set(Milestone::kStaffTransfer, Date{2026, 3, 5});
  Result<std::vector<tendering::TimelineFinding>> findings =
      tendering::CheckTimeline(t, tendering::LegalRegime::kPartIV, {}, {});
  ASSERT_TRUE(findings.ok()) << findings.status().ToString();
  int reservation = 0;
  for (const tendering::TimelineFinding& f : *findings) {
    if (f.milestone != Milestone::kReservationDeadline) continue;
    ++reservation;
    EXPECT_TRUE(HasNorwegian(f.message)) << f.message;
  }
  EXPECT_EQ(reservation, 2);  // below the legal period, and after the transfer
  EXPECT_EQ(InLanguage(Lang::kNb,
                       "the reservation deadline (2026-03-10) is 8 days after the employees are "
                       "informed (2026-03-02); arbeidsmiljøloven § 16-3 requires at least 14 days"),
            "reservasjonsfristen (2026-03-10) er 8 dager etter at de ansatte får informasjon "
            "(2026-03-02); arbeidsmiljøloven § 16-3 krever minst 14 dager");
}

}  // namespace
}  // namespace samspill::web

namespace samspill::web {
namespace {

// The decision case's rules as a Norwegian page shows them: each refusal the forms can meet.
TEST(Messages, DecisionCaseMessagesAreInNorwegian) {
  using namespace samspill::decision;
  std::vector<std::string> messages;
  auto keep = [&messages](const Status& s) {
    ASSERT_FALSE(s.ok());
    messages.push_back(std::string(s.message()));
  };
  DecisionCase c = NewCase("Drift", "BoA", 2026, 2029);
  CaseItem item{"outsourced", "Pris", ItemKind::kCost, 0, 1, 1, 1, false};
  keep(AddItems(c, item, 2025, 2026));
  keep(AddItems(c, item, 2027, 2026));
  item.alternative_id = "privat";
  keep(AddItems(c, item, 2026, 2026));
  keep(RemoveAlternative(c, "in_house"));
  keep(RemoveItems(c, 3, 2));
  keep(LinkTender(c, 1));
  UnitYear y;
  y.year = 2024;
  y.fte = -1;
  keep(PutUnitYear(c, "lade", "Lade", 254, y));
  y.fte = 1;
  y.sick_leave_percent = 101;
  keep(PutUnitYear(c, "lade", "Lade", 254, y));
  y.sick_leave_percent = 1;
  y.users = -2;
  keep(PutUnitYear(c, "lade", "Lade", 254, y));
  y.users = 2;
  y.users_by_need_level = {1, 1, 1};
  keep(PutUnitYear(c, "lade", "Lade", 254, y));
  y.users_by_need_level = {};
  keep(PutUnitYear(c, "lade", "Lade", 999, y));
  y.year = 2031;
  keep(PutUnitYear(c, "lade", "Lade", 254, y));
  Risk risk;
  risk.id = "x";
  risk.title = "X";
  risk.likelihood = 6;
  keep(PutRisk(c, risk));
  risk.likelihood = 3;
  risk.residual_likelihood = 2;
  keep(PutRisk(c, risk));
  DecisionCase bad = c;
  bad.cpv = "8531";
  keep(ValidateDecisionCase(bad));
  bad = c;
  bad.title = "";
  keep(ValidateDecisionCase(bad));
  CaseDecision d;
  d.chosen_alternative = "privat";
  d.decided_by = "Bystyret";
  d.political_reference = "PS 1/26";
  keep(Decide(c, d, "controller", "{}"));
  d.chosen_alternative = "outsourced";
  ASSERT_TRUE(Decide(c, d, "controller", "{}").ok());
  keep(AddItems(c, item, 2026, 2026));
  for (const std::string& m : messages) EXPECT_TRUE(HasNorwegian(m)) << m;
}

}  // namespace
}  // namespace samspill::web

// The strategy's refusals as a page in bokmål shows them.
TEST(Messages, StrategyMessagesAreInNorwegian) {
  EXPECT_EQ(samspill::web::InLanguage(
                samspill::web::Lang::kNb,
                "the procurement plan was changed by someone else (version 4, not 3); reload and "
                "try again"),
            "anskaffelsesplanen er endret av noen andre (versjon 4, ikke 3); last siden på nytt "
            "og prøv igjen");
  EXPECT_EQ(samspill::web::InLanguage(samspill::web::Lang::kNb,
                                      "nothing public has changed since version 2 of the plan"),
            "ingenting offentlig er endret siden versjon 2 av planen");
  // Driven through the domain: the message a refused year of an area gives.
  samspill::strategy::TaskArea area;
  area.id = 1;
  area.name = "Hjemmepleje";
  area.years = {{2024, 100, 100, 90, 20, false, ""}};
  const samspill::Status refused = samspill::strategy::ValidateTaskArea(area);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(samspill::web::InLanguage(samspill::web::Lang::kNb, refused.message()),
            "task area 'Hjemmepleje', 2024: kjøp fra private og vunne kontrollbud er til sammen "
            "mer enn det som kan konkurranseutsettes");
  // English pages keep the message as it is.
  EXPECT_EQ(samspill::web::InLanguage(samspill::web::Lang::kEn, "the register has no target 3"),
            "the register has no target 3");
}
