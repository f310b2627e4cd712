#include "decision/risk_json.h"

#include <string>
#include <string_view>

#include "common/json_fields.h"

namespace samspill::decision {
namespace {

using nlohmann::json;

constexpr JsonFieldStyle kStyle{JsonNaming::kPath, false};

// The API names of MitigationStatus, in the order of its values.
constexpr std::pair<MitigationStatus, std::string_view> kStatusNames[] = {
    {MitigationStatus::kPlanned, "planned"},
    {MitigationStatus::kInProgress, "in_progress"},
    {MitigationStatus::kDone, "done"},
    {MitigationStatus::kDropped, "dropped"},
};

std::string StatusName(MitigationStatus status) {
  for (const auto& [value, name] : kStatusNames) {
    if (value == status) return std::string(name);
  }
  return std::to_string(static_cast<int>(status));  // not a valid register; written as it is
}

std::string Index(std::string_view list, size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

Result<int> Scale(const json& object, std::string_view key, const std::string& path) {
  SAMSPILL_ASSIGN_OR_RETURN(int64_t v, RequiredJsonInteger(object, key, path, 1, 5, kStyle));
  return static_cast<int>(v);
}

Result<Mitigation> ReadMitigation(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(value, {"action", "owner", "status", "due"}, path));
  Mitigation m;
  SAMSPILL_ASSIGN_OR_RETURN(m.action, RequiredJsonString(value, "action", path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(value, "owner", path, kStyle), m.owner));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<std::string> status,
                            OptionalJsonString(value, "status", path, kStyle));
  if (status) {
    bool known = false;
    for (const auto& [v, name] : kStatusNames) {
      if (name == *status) {
        m.status = v;
        known = true;
      }
    }
    if (!known) {
      return InvalidArgument(
          "status is \"planned\", \"in_progress\", \"done\" or \"dropped\", not \"" + *status +
              "\"",
          JsonPath(path, "status"));
    }
  }
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(value, "due", path, kStyle), m.due));
  return m;
}

Result<Risk> ReadRisk(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(value,
                    {"id", "title", "description", "likelihood", "consequence", "mitigations",
                     "residual_likelihood", "residual_consequence"},
                    path));
  Risk r;
  SAMSPILL_ASSIGN_OR_RETURN(r.id, RequiredJsonString(value, "id", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(r.title, RequiredJsonString(value, "title", path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(value, "description", path, kStyle), r.description));
  SAMSPILL_ASSIGN_OR_RETURN(r.likelihood, Scale(value, "likelihood", path));
  SAMSPILL_ASSIGN_OR_RETURN(r.consequence, Scale(value, "consequence", path));
  SAMSPILL_ASSIGN_OR_RETURN(const json* mitigations,
                            OptionalJsonArray(value, "mitigations", path, kStyle));
  if (mitigations != nullptr) {
    const std::string list = JsonPath(path, "mitigations");
    if (mitigations->size() > static_cast<size_t>(kMaxMitigations)) {
      return InvalidArgument("at most " + std::to_string(kMaxMitigations) + " mitigations a risk",
                             list);
    }
    for (size_t j = 0; j < mitigations->size(); ++j) {
      SAMSPILL_ASSIGN_OR_RETURN(Mitigation m, ReadMitigation((*mitigations)[j], Index(list, j)));
      r.mitigations.push_back(std::move(m));
    }
  }
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonInteger(value, "residual_likelihood", path, 1, 5, kStyle),
                      r.residual_likelihood));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonInteger(value, "residual_consequence", path, 1, 5, kStyle),
                      r.residual_consequence));
  return r;
}

}  // namespace

json RisksToJson(const std::vector<Risk>& risks) {
  json out = json::array();
  for (const Risk& r : risks) {
    json mitigations = json::array();
    for (const Mitigation& m : r.mitigations) {
      mitigations.push_back({{"action", m.action},
                             {"owner", m.owner},
                             {"status", StatusName(m.status)},
                             {"due", m.due}});
    }
    json risk = {{"id", r.id},
                 {"title", r.title},
                 {"description", r.description},
                 {"likelihood", r.likelihood},
                 {"consequence", r.consequence},
                 {"mitigations", std::move(mitigations)}};
    if (r.residual_likelihood != 0) risk["residual_likelihood"] = r.residual_likelihood;
    if (r.residual_consequence != 0) risk["residual_consequence"] = r.residual_consequence;
    out.push_back(std::move(risk));
  }
  return out;
}

Result<std::vector<Risk>> RisksFromJson(const json& risks) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonArray(risks, "risks", kStyle));
  if (risks.size() > static_cast<size_t>(kMaxRisks)) {
    return InvalidArgument("at most " + std::to_string(kMaxRisks) + " risks", "risks");
  }
  std::vector<Risk> out;
  out.reserve(risks.size());
  for (size_t i = 0; i < risks.size(); ++i) {
    SAMSPILL_ASSIGN_OR_RETURN(Risk r, ReadRisk(risks[i], Index("risks", i)));
    out.push_back(std::move(r));
  }
  SAMSPILL_RETURN_IF_ERROR(ValidateRisks(out));
  return out;
}

}  // namespace samspill::decision
