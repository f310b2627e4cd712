#include "evaluation/bid_table_json.h"

#include <limits>
#include <map>
#include <new>
#include <string>

#include "common/json_fields.h"
#include "common/money.h"
#include "common/strict_json.h"
#include "evaluation/evaluate.h"
#include "evaluation/report_json.h"

namespace samspill::evaluation {
namespace {

using nlohmann::json;

constexpr size_t kMaxDocumentBytes = 16u << 20;

Result<std::string> ReadId(const json& value, const std::string& field) {
  SAMSPILL_ASSIGN_OR_RETURN(std::string id, ReadJsonString(value, field));
  if (id.empty()) return InvalidArgument("id must not be empty", field);
  return id;
}

// Money in major units with at most two decimals, > 0.
Result<int64_t> ReadPositiveMoney(const json& value, const std::string& field,
                                  const std::string& what) {
  SAMSPILL_ASSIGN_OR_RETURN(int64_t minor, ReadJsonMoney(value, field, what));
  if (minor == 0) return InvalidArgument(what + " must be greater than 0", field);
  return minor;
}

Status ParseSensitivity(const json& value, EvaluationOptions& options) {
  const std::string path = "sensitivity";
  if (!value.is_object()) return InvalidArgument("must be an object", path);
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(value, {"draws", "seed", "perturbation_points", "min_weight_points"}, path));
  RankAcceptabilityOptions& ra = options.sensitivity.rank_acceptability;
  if (const json* v = JsonMember(value, "draws")) {
    SAMSPILL_ASSIGN_OR_RETURN(
        ra.draws, ReadJsonInteger(*v, JsonPath(path, "draws"), 0, options.limits.max_draws));
  }
  if (const json* v = JsonMember(value, "seed")) {
    const std::string field = JsonPath(path, "seed");
    if (v->is_number_unsigned()) {
      ra.seed = v->get<uint64_t>();
    } else {
      SAMSPILL_ASSIGN_OR_RETURN(int64_t seed,
                                ReadJsonInteger(*v, field, 0, std::numeric_limits<int64_t>::max()));
      ra.seed = static_cast<uint64_t>(seed);
    }
  }
  if (const json* v = JsonMember(value, "perturbation_points")) {
    SAMSPILL_ASSIGN_OR_RETURN(ra.perturbation_points,
                              ReadJsonNumber(*v, JsonPath(path, "perturbation_points")));
  }
  if (const json* v = JsonMember(value, "min_weight_points")) {
    SAMSPILL_ASSIGN_OR_RETURN(ra.min_weight_points,
                              ReadJsonNumber(*v, JsonPath(path, "min_weight_points")));
  }
  return Status::Ok();
}

Status ParseScores(const json& value, const BidTable& table, const std::string& path, Bid& bid) {
  const size_t m = table.criteria.size();
  bid.scores.assign(m, 0.0);
  bid.justifications.assign(m, std::string());
  std::vector<bool> given(m, false);
  if (!value.is_object()) {
    return InvalidArgument("scores must be an object from criterion id to score", path);
  }
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string field = JsonPath(path, it.key());
    size_t k = 0;
    while (k < m && table.criteria[k].id != it.key()) ++k;
    if (k == m) return InvalidArgument("unknown criterion '" + it.key() + "'", field);
    if (!IsQualityLike(table.criteria[k].kind)) {
      return InvalidArgument(
          "the price criterion is scored from the offered price; do not give a score", field);
    }
    const json* score = &*it;
    if (it->is_object()) {
      SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(*it, {"score", "justification"}, field));
      SAMSPILL_ASSIGN_OR_RETURN(score, RequiredJsonMember(*it, "score", field));
      if (const json* justification = JsonMember(*it, "justification")) {
        SAMSPILL_ASSIGN_OR_RETURN(bid.justifications[k],
                                  ReadJsonString(*justification, JsonPath(field, "justification")));
      }
    } else if (!it->is_number()) {
      return InvalidArgument("score must be a number or {\"score\": ..., \"justification\": ...}",
                             field);
    }
    SAMSPILL_ASSIGN_OR_RETURN(double s, ReadJsonNumber(*score, field));
    if (s < kMinScore || s > kMaxScore) {
      return InvalidArgument("score must be from 0 to 10", field);
    }
    bid.scores[k] = s;
    given[k] = true;
  }
  for (size_t k = 0; k < m; ++k) {
    if (IsQualityLike(table.criteria[k].kind) && !given[k]) {
      return InvalidArgument("missing score for criterion '" + table.criteria[k].id + "'",
                             JsonPath(path, table.criteria[k].id));
    }
  }
  return Status::Ok();
}

Status ParseBids(const json& value, const EvaluationOptions& options, BidTable& table) {
  if (!value.is_array()) return InvalidArgument("must be an array of bids", "bids");
  if (value.empty()) return InvalidArgument("at least one bid is needed", "bids");
  if (value.size() > options.limits.max_bids) {
    return InvalidArgument("at most " + std::to_string(options.limits.max_bids) + " bids", "bids");
  }
  bool any_quality = false;
  for (const Criterion& c : table.criteria) any_quality = any_quality || IsQualityLike(c.kind);
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < value.size(); ++i) {
    const json& b = value[i];
    const std::string path = BidPath(i);
    if (!b.is_object()) return InvalidArgument("bid must be an object", path);
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(b, {"id", "name", "price", "scores"}, path));
    Bid bid;
    SAMSPILL_ASSIGN_OR_RETURN(const json* id, RequiredJsonMember(b, "id", path));
    SAMSPILL_ASSIGN_OR_RETURN(bid.id, ReadId(*id, JsonPath(path, "id")));
    if (!seen.emplace(bid.id, i).second) {
      return InvalidArgument("duplicate bid id '" + bid.id + "'", JsonPath(path, "id"));
    }
    if (const json* name = JsonMember(b, "name")) {
      SAMSPILL_ASSIGN_OR_RETURN(bid.name, ReadJsonString(*name, JsonPath(path, "name")));
    }
    SAMSPILL_ASSIGN_OR_RETURN(const json* price, RequiredJsonMember(b, "price", path));
    SAMSPILL_ASSIGN_OR_RETURN(bid.price_minor,
                              ReadPositiveMoney(*price, JsonPath(path, "price"), "price"));
    const json* scores = JsonMember(b, "scores");
    if (!scores && any_quality) return InvalidArgument("missing scores", JsonPath(path, "scores"));
    static const json kNoScores = json::object();
    SAMSPILL_RETURN_IF_ERROR(
        ParseScores(scores ? *scores : kNoScores, table, JsonPath(path, "scores"), bid));
    table.bids.push_back(std::move(bid));
  }
  return Status::Ok();
}

Result<ParsedBidTable> ParseDocument(const json& doc, const EvaluationOptions& defaults) {
  ParsedBidTable out;
  out.options = defaults;
  BidTable& table = out.table;
  if (!doc.is_object()) return InvalidArgument("a bid table must be a JSON object", "");
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(doc,
                                         {"price_model", "currency", "title", "normalisation",
                                          "tie_break", "sensitivity", "criteria", "bids"},
                                         ""));
  SAMSPILL_ASSIGN_OR_RETURN(const json* model, RequiredJsonMember(doc, "price_model", ""));
  SAMSPILL_ASSIGN_OR_RETURN(std::string model_name, ReadJsonString(*model, "price_model"));
  std::optional<PriceModel> price_model = PriceModelFromName(model_name);
  if (!price_model) {
    return InvalidArgument(
        "price_model must be \"linear\", \"proportional\" or \"quality_pricing\"", "price_model");
  }
  table.price_model = *price_model;
  if (const json* v = JsonMember(doc, "currency")) {
    SAMSPILL_ASSIGN_OR_RETURN(table.currency, ReadJsonString(*v, "currency"));
    if (!IsCurrencyCode(table.currency)) {
      return InvalidArgument("currency must be three upper-case letters (ISO 4217)", "currency");
    }
  }
  if (const json* v = JsonMember(doc, "title")) {
    SAMSPILL_ASSIGN_OR_RETURN(table.title, ReadJsonString(*v, "title"));
  }
  if (const json* v = JsonMember(doc, "normalisation")) {
    SAMSPILL_ASSIGN_OR_RETURN(std::string name, ReadJsonString(*v, "normalisation"));
    std::optional<Normalisation> normalisation = NormalisationFromName(name);
    if (!normalisation) {
      return InvalidArgument("normalisation must be \"none\" or \"best_gets_max\"",
                             "normalisation");
    }
    out.options.normalisation = *normalisation;
  }
  if (const json* v = JsonMember(doc, "tie_break")) {
    SAMSPILL_ASSIGN_OR_RETURN(std::string name, ReadJsonString(*v, "tie_break"));
    std::optional<TieBreak> tie_break = TieBreakFromName(name);
    if (!tie_break) {
      return InvalidArgument("tie_break must be \"shared\" or \"lowest_price\"", "tie_break");
    }
    out.options.tie_break = *tie_break;
  }
  if (const json* v = JsonMember(doc, "sensitivity")) {
    SAMSPILL_RETURN_IF_ERROR(ParseSensitivity(*v, out.options));
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* criteria, RequiredJsonMember(doc, "criteria", ""));
  SAMSPILL_ASSIGN_OR_RETURN(ParsedCriteria parsed_criteria,
                            ParseCriteriaJson(*criteria, table.price_model, out.options.limits));
  table.weighting = parsed_criteria.weighting;
  table.criteria = std::move(parsed_criteria.criteria);
  SAMSPILL_ASSIGN_OR_RETURN(const json* bids, RequiredJsonMember(doc, "bids", ""));
  SAMSPILL_RETURN_IF_ERROR(ParseBids(*bids, out.options, table));

  SAMSPILL_RETURN_IF_ERROR(ValidateBidTable(table));
  SAMSPILL_RETURN_IF_ERROR(ValidateEvaluationOptions(out.options));
  return out;
}

}  // namespace

Result<ParsedCriteria> ParseCriteriaJson(const nlohmann::json& value, PriceModel price_model,
                                         const EvaluationLimits& limits) {
  if (!value.is_array()) return InvalidArgument("must be an array of criteria", "criteria");
  if (value.empty()) return InvalidArgument("at least one criterion is needed", "criteria");
  if (value.size() > limits.max_criteria) {
    return InvalidArgument("at most " + std::to_string(limits.max_criteria) + " criteria",
                           "criteria");
  }
  ParsedCriteria out;
  const bool quality_pricing = price_model == PriceModel::kQualityPricing;
  out.weighting = quality_pricing ? Weighting::kValuePerPoint : Weighting::kWeights;
  std::map<std::string, size_t> seen;
  for (size_t k = 0; k < value.size(); ++k) {
    const json& c = value[k];
    const std::string path = CriterionPath(k);
    if (!c.is_object()) return InvalidArgument("criterion must be an object", path);
    SAMSPILL_RETURN_IF_ERROR(
        CheckJsonKeys(c, {"id", "name", "kind", "weight", "priority", "value_per_point"}, path));
    Criterion criterion;
    SAMSPILL_ASSIGN_OR_RETURN(const json* id, RequiredJsonMember(c, "id", path));
    SAMSPILL_ASSIGN_OR_RETURN(criterion.id, ReadId(*id, JsonPath(path, "id")));
    if (!seen.emplace(criterion.id, k).second) {
      return InvalidArgument("duplicate criterion id '" + criterion.id + "'", JsonPath(path, "id"));
    }
    if (const json* name = JsonMember(c, "name")) {
      SAMSPILL_ASSIGN_OR_RETURN(criterion.name, ReadJsonString(*name, JsonPath(path, "name")));
    }
    SAMSPILL_ASSIGN_OR_RETURN(const json* kind, RequiredJsonMember(c, "kind", path));
    SAMSPILL_ASSIGN_OR_RETURN(std::string kind_name, ReadJsonString(*kind, JsonPath(path, "kind")));
    std::optional<CriterionKind> parsed_kind = CriterionKindFromName(kind_name);
    if (!parsed_kind) {
      return InvalidArgument(
          "kind must be \"price\", \"quality\", \"social\" or \"environment\", not \"" + kind_name +
              "\"",
          JsonPath(path, "kind"));
    }
    criterion.kind = *parsed_kind;

    const json* weight = JsonMember(c, "weight");
    const json* priority = JsonMember(c, "priority");
    const json* value_per_point = JsonMember(c, "value_per_point");
    if (quality_pricing) {
      if (weight || priority) {
        return InvalidArgument(
            "quality_pricing uses value_per_point on each quality criterion instead of "
            "weights or priorities",
            JsonPath(path, weight ? "weight" : "priority"));
      }
      if (IsQualityLike(criterion.kind)) {
        if (!value_per_point) {
          return InvalidArgument("missing value_per_point (money per score point)",
                                 JsonPath(path, "value_per_point"));
        }
        SAMSPILL_ASSIGN_OR_RETURN(
            criterion.value_per_point_minor,
            ReadPositiveMoney(*value_per_point, JsonPath(path, "value_per_point"),
                              "value_per_point"));
      } else if (value_per_point) {
        return InvalidArgument("the price criterion has no value_per_point",
                               JsonPath(path, "value_per_point"));
      }
    } else {
      if (value_per_point) {
        return InvalidArgument("value_per_point is only used with price_model quality_pricing",
                               JsonPath(path, "value_per_point"));
      }
      if (weight && priority) {
        return InvalidArgument("give either weight or priority, not both",
                               JsonPath(path, "priority"));
      }
      if (k == 0 && priority) out.weighting = Weighting::kPriorityRankOrderCentroid;
      const bool by_priority = out.weighting == Weighting::kPriorityRankOrderCentroid;
      if (by_priority && weight) {
        return InvalidArgument("criteria mix weight and priority; use one for all criteria",
                               JsonPath(path, "weight"));
      }
      if (!by_priority && priority) {
        return InvalidArgument("criteria mix weight and priority; use one for all criteria",
                               JsonPath(path, "priority"));
      }
      if (by_priority) {
        SAMSPILL_ASSIGN_OR_RETURN(
            int64_t p,
            RequiredJsonInteger(c, "priority", path, 1, static_cast<int64_t>(value.size())));
        criterion.priority = static_cast<int>(p);
      } else {
        if (!weight)
          return InvalidArgument("missing weight (or priority)", JsonPath(path, "weight"));
        SAMSPILL_ASSIGN_OR_RETURN(criterion.weight,
                                  ReadJsonNumber(*weight, JsonPath(path, "weight")));
        if (criterion.weight <= 0.0) {
          return InvalidArgument("weight must be greater than 0", JsonPath(path, "weight"));
        }
        if (criterion.weight > kMaxRelativeWeight) {
          return InvalidArgument("weight is too large (at most 1e9)", JsonPath(path, "weight"));
        }
      }
    }
    out.criteria.push_back(std::move(criterion));
  }
  return out;
}

Result<ParsedBidTable> ParseBidTableJson(std::string_view json_text,
                                         const EvaluationOptions& defaults) {
  SAMSPILL_ASSIGN_OR_RETURN(const json doc, ParseStrictJson(json_text, "bid table",
                                                            {.max_depth = kMaxJsonNestingDepth,
                                                             .max_bytes = kMaxDocumentBytes}));
  try {
    return ParseDocument(doc, defaults);
  } catch (const json::exception&) {
    // Only our own bug gets here: every value is type-checked before it is read.
    return InvalidArgument("bid table could not be read", "");
  }
}

Result<nlohmann::json> EvaluateBidTableJson(std::string_view json_text) {
  return EvaluateBidTableJson(json_text, EvaluationOptions{});
}

Result<nlohmann::json> EvaluateBidTableJson(std::string_view json_text,
                                            const EvaluationOptions& defaults) {
  try {
    SAMSPILL_ASSIGN_OR_RETURN(ParsedBidTable parsed, ParseBidTableJson(json_text, defaults));
    SAMSPILL_ASSIGN_OR_RETURN(EvaluationReport report, Evaluate(parsed.table, parsed.options));
    return RenderReportJson(report);
  } catch (const std::bad_alloc&) {
    return Internal("out of memory while evaluating the bid table");
  } catch (const std::exception&) {
    // Only our own bug gets here; the message of a JSON exception may quote input bytes.
    return Internal("evaluation failed unexpectedly");
  }
}

}  // namespace samspill::evaluation
