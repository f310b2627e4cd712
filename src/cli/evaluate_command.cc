// `samspill evaluate FILE`: evaluates a bid table offline and prints the report as JSON.
#include <cstdio>

#include "cli/commands.h"
#include "evaluation/bid_table_json.h"

namespace samspill::cli {

void AddEvaluateCommand(CLI::App& app, CommandAction* action) {
  auto* cmd = app.add_subcommand(
      "evaluate",
      "Evaluate a bid table (JSON) with price models, weighted ranking and sensitivity analysis; "
      "prints the report as JSON");
  auto file = std::make_shared<std::string>();
  auto compact = std::make_shared<bool>(false);
  cmd->add_option("FILE", *file, "Bid table JSON file, or - for standard input")->required();
  cmd->add_flag("--compact", *compact, "Print the report on one line");
  cmd->callback([action, file, compact] {
    *action = [file, compact]() -> Status {
      SAMSPILL_ASSIGN_OR_RETURN(std::string text, ReadInput(*file, 64 << 20));
      Result<nlohmann::json> report = evaluation::EvaluateBidTableJson(text);
      if (!report.ok()) {
        const Status& s = report.status();
        std::string source = *file == "-" ? "standard input" : *file;
        return Status(s.code(), source + ": " + s.message(), s.field());
      }
      std::string out =
          report->dump(*compact ? -1 : 2, ' ', false, nlohmann::json::error_handler_t::replace);
      std::fwrite(out.data(), 1, out.size(), stdout);
      std::fputc('\n', stdout);
      return Status::Ok();
    };
  });
}

}  // namespace samspill::cli
