// `samspill decision case FILE`: the business case of a decision to tender (decision/
// business_case_json.h), its totals and Monte-Carlo ranges printed as JSON.
#include <cstdio>

#include "cli/commands.h"
#include "decision/business_case_json.h"

namespace samspill::cli {

void AddDecisionCommand(CLI::App& app, CommandAction* action) {
  auto* decision = app.add_subcommand("decision", "Decide whether to tender: the business case");
  decision->require_subcommand(1);
  auto* cmd = decision->add_subcommand(
      "case",
      "Total cost of each alternative over the period (nominal and present value, uncertain "
      "items apart) and its seeded Monte-Carlo range, as JSON");
  auto file = std::make_shared<std::string>();
  auto compact = std::make_shared<bool>(false);
  cmd->add_option("FILE", *file, "Business case JSON file, or - for standard input")->required();
  cmd->add_flag("--compact", *compact, "Print the report on one line");
  cmd->callback([action, file, compact] {
    *action = [file, compact]() -> Status {
      SAMSPILL_ASSIGN_OR_RETURN(std::string text, ReadInput(*file, decision::kMaxCaseJsonBytes));
      const std::string source = *file == "-" ? "standard input" : *file;
      Result<decision::CaseDocument> doc = decision::ParseBusinessCaseJson(text);
      Result<nlohmann::json> report =
          doc.ok() ? decision::BusinessCaseReportJson(*doc) : Result<nlohmann::json>(doc.status());
      if (!report.ok()) {
        const Status& s = report.status();
        return Status(s.code(), source + ": " + s.message(), s.field());
      }
      const std::string out =
          report->dump(*compact ? -1 : 2, ' ', false, nlohmann::json::error_handler_t::replace);
      std::fwrite(out.data(), 1, out.size(), stdout);
      std::fputc('\n', stdout);
      return Status::Ok();
    };
  });
}

}  // namespace samspill::cli
