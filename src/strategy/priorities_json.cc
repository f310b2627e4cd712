#include <limits>

#include "common/json_fields.h"
#include "common/strict_json.h"
#include "strategy/strategy_json.h"

namespace samspill::strategy {
namespace {

using nlohmann::json;

// Stored documents and the API's bodies write null for "none", so null reads as absent.
constexpr JsonFieldStyle kStyle{JsonNaming::kPath, true};

// Ids and amounts stay within what every JSON reader holds exactly (2^53).
constexpr int64_t kMaxJsonInteger = int64_t{1} << 53;

constexpr std::array<PriorityCriterion, kPriorityCriterionCount> kCriteria = {
    PriorityCriterion::kVolumeGain, PriorityCriterion::kPeerExperience,
    PriorityCriterion::kMarketRobustness, PriorityCriterion::kOwnHistory};

template <typename T>
json OrNull(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json CriterionKeyed(const std::array<double, kPriorityCriterionCount>& values) {
  json out = json::object();
  for (size_t k = 0; k < kPriorityCriterionCount; ++k) {
    out[std::string(PriorityCriterionName(kCriteria[k]))] = values[k];
  }
  return out;
}

json FactsToJson(const CandidateFacts& f) {
  return {{"yearly_volume", OrNull(f.yearly_volume)},
          {"expected_gain", OrNull(f.expected_gain)},
          {"decision_case_id", OrNull(f.decision_case_id)},
          {"p_two_or_more_bids", OrNull(f.p_two_or_more_bids)},
          {"single_bid_rate", OrNull(f.single_bid_rate)},
          {"comparable_lots", OrNull(f.comparable_lots)},
          {"last_competed_year", OrNull(f.last_competed_year)}};
}

Result<PrioritySettings> SettingsFromJson(const json& s) {
  const std::string path = "settings";
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(s, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
      s, {"weights", "default_gain_rate", "top_n", "draws", "perturbation_points", "seed"}, path));
  PrioritySettings out;
  SAMSPILL_ASSIGN_OR_RETURN(const json* weights, OptionalJsonObject(s, "weights", path, kStyle));
  if (weights != nullptr) {
    // All four or none: a partial set silently mixed with the defaults would weigh criteria
    // nobody chose.
    const std::string wpath = "settings.weights";
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
        *weights, {"volume_gain", "peer_experience", "market_robustness", "own_history"}, wpath));
    for (size_t k = 0; k < kPriorityCriterionCount; ++k) {
      SAMSPILL_ASSIGN_OR_RETURN(
          out.weights[k],
          RequiredJsonNumber(*weights, PriorityCriterionName(kCriteria[k]), wpath, kStyle));
    }
  }
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonNumber(s, "default_gain_rate", path, kStyle),
                                           out.default_gain_rate));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
      OptionalJsonInteger(s, "top_n", path, 1, static_cast<int64_t>(kMaxCandidates), kStyle),
      out.top_n));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonInteger(s, "draws", path, 0, 1'000'000, kStyle), out.draws));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
      OptionalJsonNumber(s, "perturbation_points", path, kStyle), out.perturbation_points));
  if (const json* seed = JsonMember(s, "seed"); seed != nullptr && !seed->is_null()) {
    // The seed is any 64-bit number; one above 2^63 arrives as an unsigned JSON integer.
    if (seed->is_number_unsigned()) {
      out.seed = seed->get<uint64_t>();
    } else {
      SAMSPILL_ASSIGN_OR_RETURN(
          int64_t v,
          ReadJsonInteger(*seed, "settings.seed", 0, std::numeric_limits<int64_t>::max(), kStyle));
      out.seed = static_cast<uint64_t>(v);
    }
  }
  return out;
}

Result<CandidateFacts> FactsFromJson(const json& f, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(f, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(f,
                    {"yearly_volume", "expected_gain", "decision_case_id", "p_two_or_more_bids",
                     "single_bid_rate", "comparable_lots", "last_competed_year"},
                    path));
  CandidateFacts out;
  SAMSPILL_ASSIGN_OR_RETURN(
      out.yearly_volume, OptionalJsonInteger(f, "yearly_volume", path, 0, kMaxJsonInteger, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(
      out.expected_gain, OptionalJsonInteger(f, "expected_gain", path, 0, kMaxJsonInteger, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(out.decision_case_id, OptionalJsonInteger(f, "decision_case_id", path,
                                                                      1, kMaxJsonInteger, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(out.p_two_or_more_bids,
                            OptionalJsonNumber(f, "p_two_or_more_bids", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(out.single_bid_rate,
                            OptionalJsonNumber(f, "single_bid_rate", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(out.comparable_lots, OptionalJsonInteger(f, "comparable_lots", path, 0,
                                                                     kMaxJsonInteger, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonInteger(f, "last_competed_year", path, 1900, 2100, kStyle),
                      out.last_competed_year));
  return out;
}

Result<Candidate> CandidateFromJson(const json& c, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(c, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(c, {"area_id", "name", "cpv", "region", "note", "facts", "manual"}, path));
  Candidate out;
  SAMSPILL_ASSIGN_OR_RETURN(out.area_id,
                            RequiredJsonInteger(c, "area_id", path, 1, kMaxJsonInteger, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(out.name, RequiredJsonString(c, "name", path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(c, "cpv", path, kStyle), out.cpv));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(c, "region", path, kStyle), out.region));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(c, "note", path, kStyle), out.note));
  SAMSPILL_ASSIGN_OR_RETURN(const json* facts, OptionalJsonObject(c, "facts", path, kStyle));
  if (facts != nullptr) {
    SAMSPILL_ASSIGN_OR_RETURN(out.facts, FactsFromJson(*facts, JsonPath(path, "facts")));
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* manual, OptionalJsonObject(c, "manual", path, kStyle));
  if (manual != nullptr) {
    const std::string mpath = JsonPath(path, "manual");
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
        *manual, {"volume_gain", "peer_experience", "market_robustness", "own_history"}, mpath));
    for (size_t k = 0; k < kPriorityCriterionCount; ++k) {
      const std::string_view key = PriorityCriterionName(kCriteria[k]);
      SAMSPILL_ASSIGN_OR_RETURN(const json* m, OptionalJsonObject(*manual, key, mpath, kStyle));
      if (m == nullptr) continue;
      const std::string spath = JsonPath(mpath, key);
      SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(*m, {"score", "reason"}, spath));
      ManualScore score;
      SAMSPILL_ASSIGN_OR_RETURN(score.score, RequiredJsonNumber(*m, "score", spath, kStyle));
      SAMSPILL_ASSIGN_OR_RETURN(score.reason, RequiredJsonString(*m, "reason", spath, kStyle));
      out.manual[k] = std::move(score);
    }
  }
  return out;
}

json ScoreToJson(const CriterionScore& s) {
  return {{"score", OrNull(s.score)},
          {"manual", s.manual},
          {"estimate", s.estimate},
          {"basis_nb", s.basis_nb},
          {"basis_en", s.basis_en}};
}

json CandidateRef(const PriorityList& list, const std::optional<size_t>& index) {
  if (!index || *index >= list.candidates.size()) return nullptr;
  const Candidate& c = list.candidates[*index];
  return {{"area_id", c.area_id}, {"name", c.name}};
}

}  // namespace

json PriorityListToJson(const PriorityList& list) {
  const PrioritySettings& s = list.settings;
  json candidates = json::array();
  for (const Candidate& c : list.candidates) {
    json manual = json::object();
    for (size_t k = 0; k < kPriorityCriterionCount; ++k) {
      if (!c.manual[k]) continue;
      manual[std::string(PriorityCriterionName(kCriteria[k]))] = {{"score", c.manual[k]->score},
                                                                  {"reason", c.manual[k]->reason}};
    }
    candidates.push_back({{"area_id", c.area_id},
                          {"name", c.name},
                          {"cpv", c.cpv},
                          {"region", c.region},
                          {"note", c.note},
                          {"facts", FactsToJson(c.facts)},
                          {"manual", std::move(manual)}});
  }
  return {{"budget_year", list.budget_year},
          {"note", list.note},
          {"settings",
           {{"weights", CriterionKeyed(s.weights)},
            {"default_gain_rate", s.default_gain_rate},
            {"top_n", s.top_n},
            {"draws", s.draws},
            {"perturbation_points", s.perturbation_points},
            {"seed", s.seed}}},
          {"candidates", std::move(candidates)}};
}

Result<PriorityList> PriorityListFromJson(const json& doc) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(doc, "", kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(doc, {"budget_year", "note", "settings", "candidates"}));
  PriorityList out;
  SAMSPILL_ASSIGN_OR_RETURN(int64_t year,
                            RequiredJsonInteger(doc, "budget_year", "", 1990, 2100, kStyle));
  out.budget_year = static_cast<int>(year);
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(doc, "note", "", kStyle), out.note));
  if (const json* s = JsonMember(doc, "settings"); s != nullptr && !s->is_null()) {
    SAMSPILL_ASSIGN_OR_RETURN(out.settings, SettingsFromJson(*s));
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* candidates,
                            OptionalJsonArray(doc, "candidates", "", kStyle));
  if (candidates != nullptr) {
    if (candidates->size() > kMaxCandidates) {
      return InvalidArgument("at most " + std::to_string(kMaxCandidates) + " candidates",
                             "candidates");
    }
    for (size_t i = 0; i < candidates->size(); ++i) {
      SAMSPILL_ASSIGN_OR_RETURN(
          Candidate c,
          CandidateFromJson((*candidates)[i], "candidates[" + std::to_string(i) + "]"));
      out.candidates.push_back(std::move(c));
    }
  }
  // The domain's rules name their fields by the same paths ("candidates[1].area_id").
  SAMSPILL_RETURN_IF_ERROR(ValidatePriorityList(out));
  return out;
}

Result<PriorityList> ParsePriorityListJson(std::string_view text) {
  SAMSPILL_ASSIGN_OR_RETURN(json doc,
                            ParseStrictJson(text, "priority list",
                                            {.max_depth = 16, .max_bytes = kMaxStrategyJsonBytes}));
  return PriorityListFromJson(doc);
}

json PriorityRankingJson(const PriorityList& list, const PriorityRanking& ranking) {
  json ranked = json::array();
  for (const RankedCandidate& r : ranking.ranked) {
    const Candidate& c = list.candidates[r.index];
    json scores = json::object();
    for (size_t k = 0; k < kPriorityCriterionCount; ++k) {
      scores[std::string(PriorityCriterionName(kCriteria[k]))] = ScoreToJson(r.scores[k]);
    }
    ranked.push_back({{"area_id", c.area_id},
                      {"name", c.name},
                      {"rank", r.rank},
                      {"total", r.total},
                      {"scores", std::move(scores)},
                      {"in_top_n", OrNull(r.in_top_n)},
                      {"first", OrNull(r.first)},
                      {"reasons_nb", r.reasons_nb},
                      {"reasons_en", r.reasons_en}});
  }
  json stability = json::array();
  for (const TopStability& s : ranking.stability) {
    stability.push_back({{"criterion", s.criterion},
                         {"weight", s.weight},
                         {"min", OrNull(s.min)},
                         {"max", OrNull(s.max)},
                         {"challenger_below", CandidateRef(list, s.challenger_below)},
                         {"challenger_above", CandidateRef(list, s.challenger_above)}});
  }
  return {{"weights", CriterionKeyed(ranking.weights)},
          {"ranked", std::move(ranked)},
          {"stability", std::move(stability)},
          {"top_n_unchanged", OrNull(ranking.top_n_unchanged)},
          {"summary_nb", ranking.summary_nb},
          {"summary_en", ranking.summary_en}};
}

}  // namespace samspill::strategy
