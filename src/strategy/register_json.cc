// The strategy register as JSON (strategy_json.h): written with every member, read strictly —
// unknown keys, wrong types and values out of range are refused with their JSON path before
// ValidateStrategyRegister judges the whole.
#include <algorithm>

#include "common/json_fields.h"
#include "common/strict_json.h"
#include "strategy/strategy_json.h"

namespace samspill::strategy {
namespace {

using nlohmann::json;

// The API and the store write null for "none"; messages name the path ("areas[0].name must be
// a string").
constexpr JsonFieldStyle kStyle{JsonNaming::kPath, true};

constexpr int64_t kMinYear = 1990;
constexpr int64_t kMaxYear = 2100;
constexpr int64_t kMaxAmount = 10'000'000'000'000;  // 10^13 kroner, as ValidateTaskArea
constexpr int64_t kMaxTenths = 1000;                // 100.0 %
constexpr int64_t kMaxId = int64_t{1} << 53;        // exact in every JSON reader

std::string Item(std::string_view path, size_t i) {
  return std::string(path) + "[" + std::to_string(i) + "]";
}

Result<AreaYear> AreaYearFromJson(const json& y, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(y, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
      y, {"year", "spend", "may_compete", "private_purchases", "in_house_wins", "example", "note"},
      path));
  AreaYear out;
  SAMSPILL_ASSIGN_OR_RETURN(int64_t year,
                            RequiredJsonInteger(y, "year", path, kMinYear, kMaxYear, kStyle));
  out.year = static_cast<int>(year);
  SAMSPILL_ASSIGN_OR_RETURN(out.spend,
                            RequiredJsonInteger(y, "spend", path, 0, kMaxAmount, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(out.may_compete,
                            RequiredJsonInteger(y, "may_compete", path, 0, kMaxAmount, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(out.private_purchases, RequiredJsonInteger(y, "private_purchases", path,
                                                                       0, kMaxAmount, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(out.in_house_wins,
                            RequiredJsonInteger(y, "in_house_wins", path, 0, kMaxAmount, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonBool(y, "example", path, kStyle), out.example));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(y, "note", path, kStyle), out.note));
  return out;
}

Result<TaskArea> AreaFromJson(const json& a, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(a, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(a, {"id", "code", "name", "cpv", "years"}, path));
  TaskArea out;
  SAMSPILL_ASSIGN_OR_RETURN(out.id, RequiredJsonInteger(a, "id", path, 1, kMaxId, kStyle));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(a, "code", path, kStyle), out.code));
  SAMSPILL_ASSIGN_OR_RETURN(out.name, RequiredJsonString(a, "name", path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(a, "cpv", path, kStyle), out.cpv));
  SAMSPILL_ASSIGN_OR_RETURN(const json* years, OptionalJsonArray(a, "years", path, kStyle));
  if (years != nullptr) {
    const std::string years_path = JsonPath(path, "years");
    for (size_t i = 0; i < years->size(); ++i) {
      // Kept in the document's order: ValidateTaskArea refuses years out of order by their path.
      SAMSPILL_ASSIGN_OR_RETURN(AreaYear y, AreaYearFromJson((*years)[i], Item(years_path, i)));
      out.years.push_back(std::move(y));
    }
  }
  return out;
}

Result<PeerFigure> PeerFromJson(const json& p, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(p, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(p, {"municipality", "code", "year", "iku"}, path));
  PeerFigure out;
  SAMSPILL_ASSIGN_OR_RETURN(out.municipality, RequiredJsonString(p, "municipality", path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(p, "code", path, kStyle), out.code));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t year,
                            RequiredJsonInteger(p, "year", path, kMinYear, kMaxYear, kStyle));
  out.year = static_cast<int>(year);
  SAMSPILL_ASSIGN_OR_RETURN(out.iku, RequiredJsonNumber(p, "iku", path, kStyle));
  if (out.iku < 0.0 || out.iku > 100.0) {
    return InvalidArgument(JsonPath(path, "iku") + " must be a percentage from 0 to 100",
                           JsonPath(path, "iku"));
  }
  return out;
}

Result<portfolio::YearFigure> FigureFromJson(const json& f, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(f, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(f, {"year", "value", "note"}, path));
  portfolio::YearFigure out;
  SAMSPILL_ASSIGN_OR_RETURN(int64_t year,
                            RequiredJsonInteger(f, "year", path, kMinYear, kMaxYear, kStyle));
  out.year = static_cast<int>(year);
  SAMSPILL_ASSIGN_OR_RETURN(out.value,
                            OptionalJsonInteger(f, "value", path, 0, kMaxTenths, kStyle));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(f, "note", path, kStyle), out.note));
  return out;
}

Result<PoliticalTarget> TargetFromJson(const json& t, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(t, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(t,
                    {"id", "subject", "name", "unit", "target_kind", "target", "first_year",
                     "last_year", "adopted_by", "note", "figures"},
                    path));
  PoliticalTarget out;
  out.indicator.category = std::string(kPoliticalTargetCategory);
  out.indicator.decimals = 1;
  out.indicator.unit = "prosentpoeng";
  SAMSPILL_ASSIGN_OR_RETURN(out.id, RequiredJsonInteger(t, "id", path, 1, kMaxId, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(std::string subject, RequiredJsonString(t, "subject", path, kStyle));
  std::optional<TargetSubject> s = TargetSubjectFromName(subject);
  if (!s) {
    return InvalidArgument(
        JsonPath(path, "subject") + " is \"iku\" or \"green\", not \"" + subject + "\"",
        JsonPath(path, "subject"));
  }
  out.subject = *s;
  SAMSPILL_ASSIGN_OR_RETURN(out.indicator.name, RequiredJsonString(t, "name", path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(t, "unit", path, kStyle), out.indicator.unit));
  SAMSPILL_ASSIGN_OR_RETURN(std::string kind, RequiredJsonString(t, "target_kind", path, kStyle));
  std::optional<portfolio::TargetKind> k = portfolio::TargetKindFromName(kind);
  if (k != portfolio::TargetKind::kReachByLastYear && k != portfolio::TargetKind::kPerYear) {
    return InvalidArgument(JsonPath(path, "target_kind") +
                               " is \"reach_by_last_year\" or \"per_year\", not \"" + kind + "\"",
                           JsonPath(path, "target_kind"));
  }
  out.indicator.target_kind = *k;
  SAMSPILL_ASSIGN_OR_RETURN(out.indicator.target,
                            RequiredJsonInteger(t, "target", path, 0, kMaxTenths, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t first,
                            RequiredJsonInteger(t, "first_year", path, kMinYear, kMaxYear, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t last,
                            RequiredJsonInteger(t, "last_year", path, kMinYear, kMaxYear, kStyle));
  out.period = {static_cast<int>(first), static_cast<int>(last)};
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(t, "adopted_by", path, kStyle), out.adopted_by));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(t, "note", path, kStyle), out.indicator.note));
  SAMSPILL_ASSIGN_OR_RETURN(const json* figures, OptionalJsonArray(t, "figures", path, kStyle));
  if (figures != nullptr) {
    const std::string figures_path = JsonPath(path, "figures");
    for (size_t i = 0; i < figures->size(); ++i) {
      SAMSPILL_ASSIGN_OR_RETURN(portfolio::YearFigure f,
                                FigureFromJson((*figures)[i], Item(figures_path, i)));
      out.indicator.figures.push_back(std::move(f));
    }
  }
  return out;
}

template <typename T, typename Read>
Status ReadArray(const json& doc, std::string_view key, std::vector<T>& out, Read read) {
  SAMSPILL_ASSIGN_OR_RETURN(const json* items, OptionalJsonArray(doc, key, "", kStyle));
  if (items == nullptr) return Status::Ok();
  for (size_t i = 0; i < items->size(); ++i) {
    SAMSPILL_ASSIGN_OR_RETURN(T item, read((*items)[i], Item(key, i)));
    out.push_back(std::move(item));
  }
  return Status::Ok();
}

json Optional(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

json RegisterToJson(const StrategyRegister& r) {
  json areas = json::array();
  for (const TaskArea& a : r.areas) {
    json years = json::array();
    for (const AreaYear& y : a.years) {
      years.push_back({{"year", y.year},
                       {"spend", y.spend},
                       {"may_compete", y.may_compete},
                       {"private_purchases", y.private_purchases},
                       {"in_house_wins", y.in_house_wins},
                       {"example", y.example},
                       {"note", y.note}});
    }
    areas.push_back(
        {{"id", a.id}, {"code", a.code}, {"name", a.name}, {"cpv", a.cpv}, {"years", years}});
  }
  json peers = json::array();
  for (const PeerFigure& p : r.peers) {
    peers.push_back(
        {{"municipality", p.municipality}, {"code", p.code}, {"year", p.year}, {"iku", p.iku}});
  }
  json targets = json::array();
  for (const PoliticalTarget& t : r.targets) {
    json figures = json::array();
    for (const portfolio::YearFigure& f : t.indicator.figures) {
      figures.push_back({{"year", f.year}, {"value", Optional(f.value)}, {"note", f.note}});
    }
    targets.push_back({{"id", t.id},
                       {"subject", TargetSubjectName(t.subject)},
                       {"name", t.indicator.name},
                       {"unit", t.indicator.unit},
                       {"target_kind", portfolio::TargetKindName(t.indicator.target_kind)},
                       {"target", Optional(t.indicator.target)},
                       {"first_year", t.period.first_year},
                       {"last_year", t.period.last_year},
                       {"adopted_by", t.adopted_by},
                       {"note", t.indicator.note},
                       {"figures", figures}});
  }
  return {{"municipality", r.municipality},
          {"scheme", AccountSchemeName(r.scheme)},
          {"currency", r.currency},
          {"region", r.region},
          {"next_id", r.next_id},
          {"areas", areas},
          {"peers", peers},
          {"targets", targets}};
}

Result<StrategyRegister> RegisterFromJson(const json& doc) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(doc, "", kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(doc, {"municipality", "scheme", "currency", "region",
                                               "next_id", "areas", "peers", "targets"}));
  StrategyRegister r;
  SAMSPILL_ASSIGN_OR_RETURN(r.municipality, RequiredJsonString(doc, "municipality", "", kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<std::string> scheme,
                            OptionalJsonString(doc, "scheme", "", kStyle));
  if (scheme) {
    std::optional<AccountScheme> s = AccountSchemeFromName(*scheme);
    if (!s) {
      return InvalidArgument("scheme is \"dk_functions\" or \"kostra\", not \"" + *scheme + "\"",
                             "scheme");
    }
    r.scheme = *s;
  }
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "currency", "", kStyle), r.currency));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "region", "", kStyle), r.region));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<int64_t> next_id,
                            OptionalJsonInteger(doc, "next_id", "", 1, kMaxId, kStyle));
  SAMSPILL_RETURN_IF_ERROR(ReadArray(doc, "areas", r.areas, AreaFromJson));
  SAMSPILL_RETURN_IF_ERROR(ReadArray(doc, "peers", r.peers, PeerFromJson));
  SAMSPILL_RETURN_IF_ERROR(ReadArray(doc, "targets", r.targets, TargetFromJson));
  if (next_id) {
    r.next_id = *next_id;
  } else {
    // A document written by hand may leave next_id out: the next after every id in it.
    int64_t highest = 0;
    for (const TaskArea& a : r.areas) highest = std::max(highest, a.id);
    for (const PoliticalTarget& t : r.targets) highest = std::max(highest, t.id);
    r.next_id = highest + 1;
  }
  SAMSPILL_RETURN_IF_ERROR(ValidateStrategyRegister(r));
  return r;
}

Result<StrategyRegister> ParseRegisterJson(std::string_view text) {
  SAMSPILL_ASSIGN_OR_RETURN(json doc,
                            ParseStrictJson(text, "strategy register",
                                            {.max_depth = 16, .max_bytes = kMaxStrategyJsonBytes}));
  return RegisterFromJson(doc);
}

json IkuJson(const std::vector<IkuPoint>& points) {
  json out = json::array();
  for (const IkuPoint& p : points) {
    out.push_back({{"year", p.year},
                   {"may_compete", p.may_compete},
                   {"competed", p.competed},
                   {"iku", p.iku ? json(*p.iku) : json(nullptr)},
                   {"example", p.example}});
  }
  return out;
}

json TargetAttainmentJson(const PoliticalTarget& t, const portfolio::IndicatorAttainment& a) {
  json years = json::array();
  for (const portfolio::YearAttainment& y : a.years) {
    years.push_back({{"year", y.year},
                     {"value", Optional(y.value)},
                     {"target", Optional(y.target)},
                     {"state", portfolio::AttainmentName(y.state)},
                     {"note", y.note}});
  }
  return {{"target_id", t.id},
          {"name", t.indicator.name},
          {"years", years},
          {"period", portfolio::AttainmentName(a.period)},
          {"summary_nb", a.summary_nb},
          {"summary_en", a.summary_en}};
}

}  // namespace samspill::strategy
