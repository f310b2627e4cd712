// `samspill decision`: deciding whether to tender, from a terminal, with the same functions as
// the pages and the API (decision/):
// - `case FILE`: a business case (decision/business_case_json.h) or a whole decision case
//   (decision/decision_case_json.h) → its totals and seeded Monte-Carlo ranges as JSON; for a
//   whole case also the baseline's yearly totals, the risk register and the decision;
// - `baseline FILE`: a baseline's unit-year rows from CSV or xlsx (decision/baseline_import.h)
//   → the baseline as JSON with its yearly totals, or every row and column in error;
// - `risk-template`: seed 000 §4.2's risks as the JSON a case's "risks" takes.
#include <cstdio>

#include "cli/commands.h"
#include "decision/baseline_import.h"
#include "decision/baseline_json.h"
#include "decision/business_case_json.h"
#include "decision/decision_case_json.h"
#include "decision/risk_json.h"

namespace samspill::cli {
namespace {

Status Print(const nlohmann::json& doc, bool compact) {
  const std::string out =
      doc.dump(compact ? -1 : 2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fputc('\n', stdout);
  return Status::Ok();
}

Status InFile(const Status& s, const std::string& source) {
  return Status(s.code(), source + ": " + s.message(), s.field());
}

Status RunCase(const std::string& file, bool compact) {
  SAMSPILL_ASSIGN_OR_RETURN(std::string text, ReadInput(file, decision::kMaxDecisionCaseJsonBytes));
  const std::string source = file == "-" ? "standard input" : file;
  // A whole case has its business case under "business_case"; a business case alone does not.
  nlohmann::json probe = nlohmann::json::parse(text, nullptr, false);
  const bool whole = probe.is_object() && probe.contains("business_case");
  Result<nlohmann::json> report = Internal("unreachable");
  if (whole) {
    Result<decision::DecisionCase> c = decision::ParseDecisionCaseJson(text);
    report = c.ok() ? decision::CaseReportJson(*c) : Result<nlohmann::json>(c.status());
  } else {
    Result<decision::CaseDocument> doc = decision::ParseBusinessCaseJson(text);
    report =
        doc.ok() ? decision::BusinessCaseReportJson(*doc) : Result<nlohmann::json>(doc.status());
  }
  if (!report.ok()) return InFile(report.status(), source);
  return Print(*report, compact);
}

Status RunBaseline(const std::string& file, const std::vector<std::string>& levels, bool compact) {
  decision::BaselineImportOptions options;
  SAMSPILL_ASSIGN_OR_RETURN(std::string bytes, ReadInput(file, options.max_bytes));
  const std::string source = file == "-" ? "standard input" : file;
  decision::NeedGrouping grouping;
  if (!levels.empty()) {
    grouping.levels = levels;
    grouping.is_default = false;
  }
  const bool xlsx = bytes.rfind("PK\x03\x04", 0) == 0;
  Result<decision::BaselineImport> read = xlsx ? decision::ImportBaselineXlsx(bytes, grouping)
                                               : decision::ImportBaselineCsv(bytes, grouping);
  if (!read.ok()) return InFile(read.status(), source);
  if (!read->errors.empty()) {
    for (const decision::ImportRowError& e : read->errors) {
      std::fprintf(stderr, "%s: %s\n", source.c_str(), e.ToString().c_str());
    }
    return InvalidArgument(source + ": " + std::to_string(read->errors.size()) +
                           " rows have errors; nothing was read");
  }
  decision::Baseline baseline;
  baseline.grouping = grouping;
  baseline.units = std::move(read->units);
  nlohmann::json out = {
      {"baseline", decision::BaselineToJson(baseline)},
      {"totals", decision::BaselineTotalsJson(decision::BaselineTotals(baseline))}};
  return Print(out, compact);
}

}  // namespace

void AddDecisionCommand(CLI::App& app, CommandAction* action) {
  auto* decision = app.add_subcommand("decision", "Decide whether to tender: the decision case");
  decision->require_subcommand(1);
  auto compact = std::make_shared<bool>(false);

  auto* cmd = decision->add_subcommand(
      "case",
      "Total cost of each alternative over the period (nominal and present value, uncertain "
      "items apart) and its seeded Monte-Carlo range, as JSON; for a whole decision case also "
      "the baseline's yearly totals, the risk register and the decision");
  auto file = std::make_shared<std::string>();
  cmd->add_option("FILE", *file,
                  "Business case or decision case JSON file, or - for standard input")
      ->required();
  cmd->add_flag("--compact", *compact, "Print the report on one line");
  cmd->callback([action, file, compact] {
    *action = [file, compact]() { return RunCase(*file, *compact); };
  });

  auto* baseline = decision->add_subcommand(
      "baseline",
      "Read a baseline's unit-year rows from CSV (comma or semicolon) or xlsx and print the "
      "baseline as JSON with its yearly totals; every row and column in error is named on "
      "standard error and nothing is printed");
  auto baseline_file = std::make_shared<std::string>();
  auto levels = std::make_shared<std::vector<std::string>>();
  baseline->add_option("FILE", *baseline_file, "CSV or xlsx file, or - for standard input")
      ->required();
  baseline->add_option("--need-level", *levels,
                       "A need level's name, once per level in order (default: noe/avgrenset, "
                       "middels til stort, omfattende)");
  baseline->add_flag("--compact", *compact, "Print on one line");
  baseline->callback([action, baseline_file, levels, compact] {
    *action = [baseline_file, levels, compact]() {
      return RunBaseline(*baseline_file, *levels, *compact);
    };
  });

  auto* risks = decision->add_subcommand(
      "risk-template", "Print seed 000's risks (Trondheim BoA, §4.2) as a case's \"risks\" JSON");
  risks->add_flag("--compact", *compact, "Print on one line");
  risks->callback([action, compact] {
    *action = [compact]() {
      return Print(decision::RisksToJson(decision::RiskTemplate()), *compact);
    };
  });
}

}  // namespace samspill::cli
