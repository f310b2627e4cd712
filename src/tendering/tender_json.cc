#include "tendering/tender_json.h"

#include <limits>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/json_fields.h"
#include "common/strict_json.h"
#include "evaluation/bid_table_json.h"

namespace samspill::tendering {

std::string_view ProcedureName(Procedure procedure) {
  switch (procedure) {
    case Procedure::kOpen:
      return "open";
    case Procedure::kRestricted:
      return "restricted";
    case Procedure::kOther:
      return "other";
  }
  return "unknown";
}

std::string_view PartyName(Party party) {
  switch (party) {
    case Party::kMunicipality:
      return "municipality";
    case Party::kSupplier:
      return "supplier";
    case Party::kShared:
      return "shared";
  }
  return "unknown";
}

namespace {

using nlohmann::json;

constexpr int kSnapshotVersion = 1;
// Far above any real tender; keeps a count inside int.
constexpr int64_t kMaxBidCount = 1'000'000;
constexpr int64_t kMaxStaffYears = 1'000'000;

// ---- Stable names of the enums the documents carry. Changing one breaks stored snapshots.

constexpr ServiceCategory kAllCategories[] = {ServiceCategory::kOrdinary,
                                              ServiceCategory::kHealthAndSocial};
std::string_view CategoryName(ServiceCategory category) {
  return category == ServiceCategory::kHealthAndSocial ? "health_and_social" : "ordinary";
}

constexpr BuyerType kAllBuyerTypes[] = {BuyerType::kMunicipal, BuyerType::kCentralGovernment};
std::string_view BuyerTypeName(BuyerType buyer) {
  return buyer == BuyerType::kCentralGovernment ? "central_government" : "municipal";
}

constexpr Procedure kAllProcedures[] = {Procedure::kOpen, Procedure::kRestricted,
                                        Procedure::kOther};

constexpr Party kAllParties[] = {Party::kMunicipality, Party::kSupplier, Party::kShared};

constexpr LegalRegime kAllRegimes[] = {LegalRegime::kOutside, LegalRegime::kPartI,
                                       LegalRegime::kPartII, LegalRegime::kPartIII,
                                       LegalRegime::kPartIV};

constexpr ThresholdKind kAllThresholdKinds[] = {
    ThresholdKind::kLowerLimit, ThresholdKind::kNational, ThresholdKind::kEeaMunicipal,
    ThresholdKind::kEeaCentralGovernment, ThresholdKind::kEeaHealthSocial};

constexpr SourceTag kAllSourceTags[] = {SourceTag::kConfirmed, SourceTag::kSecondary,
                                        SourceTag::kUnconfirmed};
std::string_view SourceTagName(SourceTag tag) {
  switch (tag) {
    case SourceTag::kConfirmed:
      return "confirmed";
    case SourceTag::kSecondary:
      return "secondary";
    case SourceTag::kUnconfirmed:
      return "unconfirmed";
  }
  return "unknown";
}

template <typename Enum, size_t N>
Result<Enum> ReadName(const json& value, const std::string& field, const Enum (&all)[N],
                      std::string_view (*name_of)(Enum)) {
  SAMSPILL_ASSIGN_OR_RETURN(std::string name, ReadJsonString(value, field));
  for (Enum candidate : all) {
    if (name_of(candidate) == name) return candidate;
  }
  std::string choices;
  for (size_t i = 0; i < N; ++i) {
    choices +=
        (i == 0 ? "\"" : (i + 1 == N ? " or \"" : ", \"")) + std::string(name_of(all[i])) + "\"";
  }
  return InvalidArgument("must be " + choices, field);
}

// ---- Readers for the shapes the documents share.

// A nested parser's error placed below `path`: "criteria[1].weight" under "award_model" becomes
// "award_model.criteria[1].weight".
Status Below(const Status& status, std::string_view path) {
  if (status.ok() || path.empty()) return status;
  return Status(status.code(), status.message(),
                status.field().empty() ? std::string(path) : JsonPath(path, status.field()));
}

Result<Money> ReadNok(const json& value, const std::string& field, std::string_view what) {
  SAMSPILL_ASSIGN_OR_RETURN(int64_t minor, ReadJsonMoney(value, field, what));
  return Money{minor, "NOK"};
}

Result<Date> ReadDate(const json& value, const std::string& field) {
  SAMSPILL_ASSIGN_OR_RETURN(std::string text, ReadJsonString(value, field));
  Result<Date> date = ParseIsoDate(text);
  if (!date.ok()) return InvalidArgument(date.status().message(), field);
  return *date;
}

// An instant: a date, a time, and "Z" or an offset — a bare date would silently mean midnight
// UTC.
Result<Timestamp> ReadInstant(const json& value, const std::string& field) {
  SAMSPILL_ASSIGN_OR_RETURN(std::string text, ReadJsonString(value, field));
  if (text.size() <= 10) {
    return InvalidArgument("must be a time with its offset, like 2025-09-19T12:00:00+02:00", field);
  }
  Result<Timestamp> instant = ParseIsoTimestamp(text);
  if (!instant.ok()) return InvalidArgument(instant.status().message(), field);
  // A leap second on 9999-12-31 ends in year 10000, which could not be printed back.
  if (instant->UtcDate().year > 9999) {
    return InvalidArgument("must be within the years 0000–9999", field);
  }
  return *instant;
}

std::optional<Milestone> MilestoneFromName(std::string_view name) {
  for (Milestone m : kAllMilestones) {
    if (MilestoneName(m) == name) return m;
  }
  return std::nullopt;
}

json MoneyJson(const Money& money) {
  // Whole amounts as integers, so they stay exact however large.
  if (money.minor % 100 == 0) return json(money.minor / 100);
  return json(static_cast<double>(money.minor) / 100.0);
}

// ---- The award model: settings here, criteria through the evaluation module's one parser.

Result<AwardModel> ParseAwardModel(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
      value, {"price_model", "normalisation", "tie_break", "currency", "criteria"}, path));
  AwardModel model;
  SAMSPILL_ASSIGN_OR_RETURN(const json* price_model,
                            RequiredJsonMember(value, "price_model", path));
  const std::string price_model_path = JsonPath(path, "price_model");
  SAMSPILL_ASSIGN_OR_RETURN(std::string price_model_name,
                            ReadJsonString(*price_model, price_model_path));
  std::optional<evaluation::PriceModel> parsed_model =
      evaluation::PriceModelFromName(price_model_name);
  if (!parsed_model) {
    return InvalidArgument(
        "price_model must be \"linear\", \"proportional\" or \"quality_pricing\"",
        price_model_path);
  }
  model.price_model = *parsed_model;
  if (const json* v = JsonMember(value, "normalisation")) {
    const std::string field = JsonPath(path, "normalisation");
    SAMSPILL_ASSIGN_OR_RETURN(std::string name, ReadJsonString(*v, field));
    std::optional<evaluation::Normalisation> normalisation =
        evaluation::NormalisationFromName(name);
    if (!normalisation) {
      return InvalidArgument("normalisation must be \"none\" or \"best_gets_max\"", field);
    }
    model.normalisation = *normalisation;
  }
  if (const json* v = JsonMember(value, "tie_break")) {
    const std::string field = JsonPath(path, "tie_break");
    SAMSPILL_ASSIGN_OR_RETURN(std::string name, ReadJsonString(*v, field));
    std::optional<evaluation::TieBreak> tie_break = evaluation::TieBreakFromName(name);
    if (!tie_break) {
      return InvalidArgument("tie_break must be \"shared\" or \"lowest_price\"", field);
    }
    model.tie_break = *tie_break;
  }
  if (const json* v = JsonMember(value, "currency")) {
    const std::string field = JsonPath(path, "currency");
    SAMSPILL_ASSIGN_OR_RETURN(model.currency, ReadJsonString(*v, field));
    if (!IsCurrencyCode(model.currency)) {
      return InvalidArgument("currency must be three upper-case letters (ISO 4217)", field);
    }
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* criteria, RequiredJsonMember(value, "criteria", path));
  // A draft may not have its criteria yet; the parser itself insists on at least one.
  if (criteria->is_array() && criteria->empty()) {
    model.weighting = model.price_model == evaluation::PriceModel::kQualityPricing
                          ? evaluation::Weighting::kValuePerPoint
                          : evaluation::Weighting::kWeights;
    return model;
  }
  Result<evaluation::ParsedCriteria> parsed =
      evaluation::ParseCriteriaJson(*criteria, model.price_model);
  if (!parsed.ok()) return Below(parsed.status(), path);
  model.weighting = parsed->weighting;
  model.criteria = std::move(parsed->criteria);
  return model;
}

json AwardModelToJson(const AwardModel& model) {
  json criteria = json::array();
  for (const evaluation::Criterion& c : model.criteria) {
    json criterion = {{"id", c.id}, {"kind", evaluation::CriterionKindName(c.kind)}};
    if (!c.name.empty()) criterion["name"] = c.name;
    switch (model.weighting) {
      case evaluation::Weighting::kWeights:
        criterion["weight"] = c.weight;
        break;
      case evaluation::Weighting::kPriorityRankOrderCentroid:
        criterion["priority"] = c.priority;
        break;
      case evaluation::Weighting::kValuePerPoint:
        if (evaluation::IsQualityLike(c.kind)) {
          criterion["value_per_point"] = MoneyJson(Money{c.value_per_point_minor, model.currency});
        }
        break;
    }
    criteria.push_back(std::move(criterion));
  }
  return {{"price_model", evaluation::PriceModelName(model.price_model)},
          {"normalisation", evaluation::NormalisationName(model.normalisation)},
          {"tie_break", evaluation::TieBreakName(model.tie_break)},
          {"currency", model.currency},
          {"criteria", std::move(criteria)}};
}

// ---- The draft document.

Status ParseLots(const json& value, const std::string& path, std::vector<Lot>& lots) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonArray(value, path));
  for (size_t i = 0; i < value.size(); ++i) {
    const std::string item = path + "[" + std::to_string(i) + "]";
    const json& l = value[i];
    SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(l, item));
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(l, {"id", "title", "estimated_value"}, item));
    Lot lot;
    SAMSPILL_ASSIGN_OR_RETURN(lot.id, RequiredJsonString(l, "id", item));
    SAMSPILL_ASSIGN_OR_RETURN(lot.title, RequiredJsonString(l, "title", item));
    SAMSPILL_ASSIGN_OR_RETURN(const json* value_json,
                              RequiredJsonMember(l, "estimated_value", item));
    SAMSPILL_ASSIGN_OR_RETURN(
        lot.estimated_value,
        ReadNok(*value_json, JsonPath(item, "estimated_value"), "the estimated value of a lot"));
    lots.push_back(std::move(lot));
  }
  return Status::Ok();
}

Status ParseResponsibilities(const json& value, const std::string& path,
                             std::vector<Responsibility>& out) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonArray(value, path));
  for (size_t i = 0; i < value.size(); ++i) {
    const std::string item = path + "[" + std::to_string(i) + "]";
    const json& r = value[i];
    SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(r, item));
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(r, {"area", "party", "description"}, item));
    Responsibility responsibility;
    SAMSPILL_ASSIGN_OR_RETURN(responsibility.area, RequiredJsonString(r, "area", item));
    // Who carries it is the point of the entry: no default.
    SAMSPILL_ASSIGN_OR_RETURN(const json* party, RequiredJsonMember(r, "party", item));
    SAMSPILL_ASSIGN_OR_RETURN(responsibility.party,
                              ReadName(*party, JsonPath(item, "party"), kAllParties, PartyName));
    SAMSPILL_RETURN_IF_ERROR(
        AssignIfPresent(OptionalJsonString(r, "description", item), responsibility.description));
    out.push_back(std::move(responsibility));
  }
  return Status::Ok();
}

Status ParseProfile(const json& value, const std::string& path, TenderProfile& profile) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path));
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(value,
                    {"procedure", "electronic_submission_required", "prior_notice_or_urgency",
                     "political_approval_required", "staff_transfer", "staff_years"},
                    path));
  if (const json* v = JsonMember(value, "procedure")) {
    SAMSPILL_ASSIGN_OR_RETURN(profile.procedure, ReadName(*v, JsonPath(path, "procedure"),
                                                          kAllProcedures, ProcedureName));
  }
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonBool(value, "electronic_submission_required", path),
                      profile.electronic_submission_required));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonBool(value, "prior_notice_or_urgency", path),
                                           profile.prior_notice_or_urgency));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonBool(value, "political_approval_required", path),
                      profile.political_approval_required));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonBool(value, "staff_transfer", path), profile.staff_transfer));
  return AssignIfPresent(OptionalJsonInteger(value, "staff_years", path, 0, kMaxStaffYears),
                         profile.staff_years);
}

Status ParseTimeline(const json& value, const std::string& path, Timeline& timeline) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path));
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string field = JsonPath(path, it.key());
    std::optional<Milestone> milestone = MilestoneFromName(it.key());
    if (!milestone) {
      return InvalidArgument("unknown milestone '" + it.key() +
                                 "'; milestones are named like \"publication\" or "
                                 "\"bid_deadline\"",
                             field);
    }
    SAMSPILL_ASSIGN_OR_RETURN(Date date, ReadDate(*it, field));
    timeline.Set(*milestone, date);
  }
  return Status::Ok();
}

Status ParseAwardRules(const json& value, const std::string& path, AwardModelRules& rules) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
      value, {"climate_weight_required", "min_climate_weight_share", "climate_exception"}, path));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonBool(value, "climate_weight_required", path),
                                           rules.climate_weight_required));
  if (const json* v = JsonMember(value, "min_climate_weight_share")) {
    const std::string field = JsonPath(path, "min_climate_weight_share");
    SAMSPILL_ASSIGN_OR_RETURN(rules.min_climate_weight_share, ReadJsonNumber(*v, field));
    if (rules.min_climate_weight_share < 0.0 || rules.min_climate_weight_share > 1.0) {
      return InvalidArgument("a share from 0 to 1 (0.3 is 30 %)", field);
    }
  }
  return AssignIfPresent(OptionalJsonString(value, "climate_exception", path),
                         rules.climate_exception);
}

// The draft object at `path` ("" for the draft document, "draft" inside a snapshot).
Result<TenderDraft> ParseDraft(const json& doc, const std::string& path) {
  if (!doc.is_object()) {
    return InvalidArgument(
        "a tender draft must be a JSON object, not " + std::string(doc.type_name()), path);
  }
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
      doc,
      {"title", "description", "cpv_code", "category", "buyer_type", "estimated_value", "lots",
       "why_not_divided", "profile", "timeline", "bid_deadline", "minimum_bids", "standstill_days",
       "ideal_reservation_justification", "responsibilities", "award_model", "award_rules"},
      path));
  TenderDraft d;
  SAMSPILL_ASSIGN_OR_RETURN(d.title, RequiredJsonString(doc, "title", path));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "description", path), d.description));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(doc, "cpv_code", path), d.cpv_code));
  if (const json* v = JsonMember(doc, "category")) {
    SAMSPILL_ASSIGN_OR_RETURN(
        d.category, ReadName(*v, JsonPath(path, "category"), kAllCategories, CategoryName));
  }
  if (const json* v = JsonMember(doc, "buyer_type")) {
    SAMSPILL_ASSIGN_OR_RETURN(
        d.buyer_type, ReadName(*v, JsonPath(path, "buyer_type"), kAllBuyerTypes, BuyerTypeName));
  }
  // The value decides the legal regime: never a silent zero.
  SAMSPILL_ASSIGN_OR_RETURN(const json* value, RequiredJsonMember(doc, "estimated_value", path));
  SAMSPILL_ASSIGN_OR_RETURN(
      d.estimated_value, ReadNok(*value, JsonPath(path, "estimated_value"), "the estimated value"));
  if (const json* v = JsonMember(doc, "lots")) {
    SAMSPILL_RETURN_IF_ERROR(ParseLots(*v, JsonPath(path, "lots"), d.lots));
  }
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "why_not_divided", path), d.why_not_divided));
  if (const json* v = JsonMember(doc, "profile")) {
    SAMSPILL_RETURN_IF_ERROR(ParseProfile(*v, JsonPath(path, "profile"), d.profile));
  }
  if (const json* v = JsonMember(doc, "timeline")) {
    SAMSPILL_RETURN_IF_ERROR(ParseTimeline(*v, JsonPath(path, "timeline"), d.timeline));
  }
  if (const json* v = JsonMember(doc, "bid_deadline"); v && !v->is_null()) {
    SAMSPILL_ASSIGN_OR_RETURN(d.bid_deadline, ReadInstant(*v, JsonPath(path, "bid_deadline")));
  }
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
      OptionalJsonInteger(doc, "minimum_bids", path, kMinMinimumBids, kMaxMinimumBids),
      d.minimum_bids));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonInteger(doc, "standstill_days", path, 0, 90), d.standstill_days));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "ideal_reservation_justification", path),
                      d.ideal_reservation_justification));
  if (const json* v = JsonMember(doc, "responsibilities")) {
    SAMSPILL_RETURN_IF_ERROR(
        ParseResponsibilities(*v, JsonPath(path, "responsibilities"), d.responsibilities));
  }
  if (const json* v = JsonMember(doc, "award_model")) {
    SAMSPILL_ASSIGN_OR_RETURN(d.award_model, ParseAwardModel(*v, JsonPath(path, "award_model")));
  }
  if (const json* v = JsonMember(doc, "award_rules")) {
    SAMSPILL_RETURN_IF_ERROR(ParseAwardRules(*v, JsonPath(path, "award_rules"), d.award_rules));
  }
  return d;
}

// ---- The snapshot document.

Result<RegimeDecision> ParseRegime(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path));
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(value,
                    {"regime", "thresholds_used", "explanation_nb", "explanation_en",
                     "weights_required", "priority_order_suffices"},
                    path));
  RegimeDecision decision;
  SAMSPILL_ASSIGN_OR_RETURN(const json* regime, RequiredJsonMember(value, "regime", path));
  SAMSPILL_ASSIGN_OR_RETURN(
      decision.regime, ReadName(*regime, JsonPath(path, "regime"), kAllRegimes, LegalRegimeName));
  SAMSPILL_ASSIGN_OR_RETURN(const json* rows, OptionalJsonArray(value, "thresholds_used", path));
  if (rows != nullptr) {
    const std::string rows_path = JsonPath(path, "thresholds_used");
    for (size_t i = 0; i < rows->size(); ++i) {
      const std::string item = rows_path + "[" + std::to_string(i) + "]";
      const json& r = (*rows)[i];
      SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(r, item));
      SAMSPILL_RETURN_IF_ERROR(
          CheckJsonKeys(r, {"kind", "value", "currency", "valid_from", "source", "tag"}, item));
      ThresholdRow row;
      SAMSPILL_ASSIGN_OR_RETURN(const json* kind, RequiredJsonMember(r, "kind", item));
      SAMSPILL_ASSIGN_OR_RETURN(
          row.kind, ReadName(*kind, JsonPath(item, "kind"), kAllThresholdKinds, ThresholdKindName));
      SAMSPILL_ASSIGN_OR_RETURN(const json* amount, RequiredJsonMember(r, "value", item));
      SAMSPILL_ASSIGN_OR_RETURN(row.value.minor,
                                ReadJsonMoney(*amount, JsonPath(item, "value"), "the threshold"));
      SAMSPILL_RETURN_IF_ERROR(
          AssignIfPresent(OptionalJsonString(r, "currency", item), row.value.currency));
      SAMSPILL_ASSIGN_OR_RETURN(const json* valid_from, RequiredJsonMember(r, "valid_from", item));
      SAMSPILL_ASSIGN_OR_RETURN(row.valid_from,
                                ReadDate(*valid_from, JsonPath(item, "valid_from")));
      SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(r, "source", item), row.source));
      if (const json* tag = JsonMember(r, "tag")) {
        SAMSPILL_ASSIGN_OR_RETURN(
            row.tag, ReadName(*tag, JsonPath(item, "tag"), kAllSourceTags, SourceTagName));
      }
      decision.thresholds_used.push_back(std::move(row));
    }
  }
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(value, "explanation_nb", path), decision.explanation_nb));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(value, "explanation_en", path), decision.explanation_en));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonBool(value, "weights_required", path),
                                           decision.weights_required));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonBool(value, "priority_order_suffices", path),
                                           decision.priority_order_suffices));
  return decision;
}

json RegimeToJson(const RegimeDecision& decision) {
  json rows = json::array();
  for (const ThresholdRow& row : decision.thresholds_used) {
    rows.push_back({{"kind", ThresholdKindName(row.kind)},
                    {"value", MoneyJson(row.value)},
                    {"currency", row.value.currency},
                    {"valid_from", row.valid_from.ToIso()},
                    {"source", row.source},
                    {"tag", SourceTagName(row.tag)}});
  }
  return {{"regime", LegalRegimeName(decision.regime)},
          {"thresholds_used", std::move(rows)},
          {"explanation_nb", decision.explanation_nb},
          {"explanation_en", decision.explanation_en},
          {"weights_required", decision.weights_required},
          {"priority_order_suffices", decision.priority_order_suffices}};
}

Result<LockedAwardModel> ParseLockedModel(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(value, {"model", "sha256", "locked_at"}, path));
  LockedAwardModel locked;
  SAMSPILL_ASSIGN_OR_RETURN(const json* model, RequiredJsonMember(value, "model", path));
  SAMSPILL_ASSIGN_OR_RETURN(locked.model, ParseAwardModel(*model, JsonPath(path, "model")));
  SAMSPILL_ASSIGN_OR_RETURN(locked.sha256, RequiredJsonString(value, "sha256", path));
  SAMSPILL_ASSIGN_OR_RETURN(const json* locked_at, RequiredJsonMember(value, "locked_at", path));
  SAMSPILL_ASSIGN_OR_RETURN(locked.locked_at, ReadInstant(*locked_at, JsonPath(path, "locked_at")));
  return locked;
}

Result<IdealReservation> ParseReservation(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(value, {"legal_basis", "justification", "warning"}, path));
  IdealReservation reservation;
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(value, "legal_basis", path), reservation.legal_basis));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(value, "justification", path), reservation.justification));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(value, "warning", path), reservation.warning));
  return reservation;
}

json ReservationToJson(const IdealReservation& reservation) {
  return {{"legal_basis", reservation.legal_basis},
          {"justification", reservation.justification},
          {"warning", reservation.warning}};
}

Result<Complaint> ParseComplaint(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path));
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(value,
                    {"id", "supplier_organisation_id", "supplier_name", "lodged_at", "grounds",
                     "outcome", "handled_at", "handling_reasons"},
                    path));
  Complaint c;
  SAMSPILL_ASSIGN_OR_RETURN(const json* id, RequiredJsonMember(value, "id", path));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t number,
                            ReadJsonInteger(*id, JsonPath(path, "id"), 1, kMaxComplaintsPerTender));
  c.id = static_cast<int>(number);
  SAMSPILL_ASSIGN_OR_RETURN(const json* supplier,
                            RequiredJsonMember(value, "supplier_organisation_id", path));
  SAMSPILL_ASSIGN_OR_RETURN(c.supplier_organisation_id,
                            ReadJsonInteger(*supplier, JsonPath(path, "supplier_organisation_id"),
                                            1, std::numeric_limits<int64_t>::max()));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(value, "supplier_name", path), c.supplier_name));
  SAMSPILL_ASSIGN_OR_RETURN(const json* lodged, RequiredJsonMember(value, "lodged_at", path));
  SAMSPILL_ASSIGN_OR_RETURN(c.lodged_at, ReadInstant(*lodged, JsonPath(path, "lodged_at")));
  SAMSPILL_ASSIGN_OR_RETURN(c.grounds, RequiredJsonString(value, "grounds", path));
  SAMSPILL_ASSIGN_OR_RETURN(const json* outcome, RequiredJsonMember(value, "outcome", path));
  SAMSPILL_ASSIGN_OR_RETURN(c.outcome, ReadName(*outcome, JsonPath(path, "outcome"),
                                                kAllComplaintOutcomes, ComplaintOutcomeName));
  if (const json* v = JsonMember(value, "handled_at"); v && !v->is_null()) {
    SAMSPILL_ASSIGN_OR_RETURN(c.handled_at, ReadInstant(*v, JsonPath(path, "handled_at")));
  }
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(value, "handling_reasons", path), c.handling_reasons));
  return c;
}

json ComplaintToJson(const Complaint& c) {
  return {{"id", c.id},
          {"supplier_organisation_id", c.supplier_organisation_id},
          {"supplier_name", c.supplier_name},
          {"lodged_at", c.lodged_at.ToIso()},
          {"grounds", c.grounds},
          {"outcome", ComplaintOutcomeName(c.outcome)},
          {"handled_at", c.handled_at ? json(c.handled_at->ToIso()) : json(nullptr)},
          {"handling_reasons", c.handling_reasons}};
}

Result<TenderSnapshot> ParseSnapshot(const json& doc) {
  if (!doc.is_object()) {
    return InvalidArgument(
        "a tender snapshot must be a JSON object, not " + std::string(doc.type_name()), "");
  }
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
      doc,
      {"version", "state", "draft", "regime", "locked_award_model", "ideal_reservation",
       "cancellation_reason", "valid_bids_per_lot", "unsuccessful_lots", "complaints"},
      ""));
  TenderSnapshot s;
  SAMSPILL_ASSIGN_OR_RETURN(const json* version, RequiredJsonMember(doc, "version", ""));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t number, ReadJsonInteger(*version, "version", 1, 1000));
  if (number != kSnapshotVersion) {
    return InvalidArgument("snapshot version " + std::to_string(number) +
                               " is not known here; this build reads version " +
                               std::to_string(kSnapshotVersion),
                           "version");
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* state, RequiredJsonMember(doc, "state", ""));
  SAMSPILL_ASSIGN_OR_RETURN(s.state, ReadName(*state, "state", kAllTenderStates, TenderStateName));
  SAMSPILL_ASSIGN_OR_RETURN(const json* draft, RequiredJsonMember(doc, "draft", ""));
  SAMSPILL_ASSIGN_OR_RETURN(s.draft, ParseDraft(*draft, "draft"));
  if (const json* v = JsonMember(doc, "regime"); v && !v->is_null()) {
    SAMSPILL_ASSIGN_OR_RETURN(s.regime, ParseRegime(*v, "regime"));
  }
  if (const json* v = JsonMember(doc, "locked_award_model"); v && !v->is_null()) {
    SAMSPILL_ASSIGN_OR_RETURN(s.locked_award_model, ParseLockedModel(*v, "locked_award_model"));
  }
  if (const json* v = JsonMember(doc, "ideal_reservation"); v && !v->is_null()) {
    SAMSPILL_ASSIGN_OR_RETURN(s.ideal_reservation, ParseReservation(*v, "ideal_reservation"));
  }
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "cancellation_reason", ""), s.cancellation_reason));
  SAMSPILL_ASSIGN_OR_RETURN(const json* bids, OptionalJsonObject(doc, "valid_bids_per_lot", ""));
  if (bids != nullptr) {
    for (auto it = bids->begin(); it != bids->end(); ++it) {
      SAMSPILL_ASSIGN_OR_RETURN(
          int64_t count,
          ReadJsonInteger(*it, JsonPath("valid_bids_per_lot", it.key()), 0, kMaxBidCount));
      s.valid_bids_per_lot[it.key()] = static_cast<int>(count);
    }
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* lots, OptionalJsonArray(doc, "unsuccessful_lots", ""));
  if (lots != nullptr) {
    for (size_t i = 0; i < lots->size(); ++i) {
      SAMSPILL_ASSIGN_OR_RETURN(
          std::string lot_id,
          ReadJsonString((*lots)[i], "unsuccessful_lots[" + std::to_string(i) + "]"));
      s.unsuccessful_lots.push_back(std::move(lot_id));
    }
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* complaints, OptionalJsonArray(doc, "complaints", ""));
  if (complaints != nullptr) {
    for (size_t i = 0; i < complaints->size(); ++i) {
      SAMSPILL_ASSIGN_OR_RETURN(
          Complaint complaint,
          ParseComplaint((*complaints)[i], "complaints[" + std::to_string(i) + "]"));
      s.complaints.push_back(std::move(complaint));
    }
  }
  return s;
}

// Runs a typed parse of a parsed document; json exceptions here would be our own bug, since
// every value is type-checked before it is read.
template <typename T, typename Parse>
Result<T> Guarded(const char* what, Parse parse) {
  try {
    return parse();
  } catch (const json::exception&) {
    return InvalidArgument(std::string(what) + " could not be read", "");
  } catch (const std::bad_alloc&) {
    return Internal(std::string("out of memory while reading the ") + what);
  }
}

}  // namespace

Result<TenderDraft> ReadTenderDraftJson(std::string_view text) {
  SAMSPILL_ASSIGN_OR_RETURN(const json doc,
                            ParseStrictJson(text, "tender draft",
                                            {.max_depth = evaluation::kMaxJsonNestingDepth,
                                             .max_bytes = kMaxTenderDraftJsonBytes}));
  return Guarded<TenderDraft>("tender draft", [&] { return ParseDraft(doc, ""); });
}

Result<TenderDraft> ParseTenderDraftJson(std::string_view text) {
  SAMSPILL_ASSIGN_OR_RETURN(TenderDraft draft, ReadTenderDraftJson(text));
  SAMSPILL_RETURN_IF_ERROR(ValidateDraft(draft));
  return draft;
}

nlohmann::json TenderDraftToJson(const TenderDraft& d) {
  json lots = json::array();
  for (const Lot& lot : d.lots) {
    lots.push_back({{"id", lot.id},
                    {"title", lot.title},
                    {"estimated_value", MoneyJson(lot.estimated_value)}});
  }
  json responsibilities = json::array();
  for (const Responsibility& r : d.responsibilities) {
    responsibilities.push_back(
        {{"area", r.area}, {"party", PartyName(r.party)}, {"description", r.description}});
  }
  json timeline = json::object();
  for (Milestone m : kAllMilestones) {
    if (std::optional<Date> date = d.timeline.Get(m)) timeline[MilestoneName(m)] = date->ToIso();
  }
  return {{"title", d.title},
          {"description", d.description},
          {"cpv_code", d.cpv_code},
          {"category", CategoryName(d.category)},
          {"buyer_type", BuyerTypeName(d.buyer_type)},
          {"estimated_value", MoneyJson(d.estimated_value)},
          {"lots", std::move(lots)},
          {"why_not_divided", d.why_not_divided},
          {"profile",
           {{"procedure", ProcedureName(d.profile.procedure)},
            {"electronic_submission_required", d.profile.electronic_submission_required},
            {"prior_notice_or_urgency", d.profile.prior_notice_or_urgency},
            {"political_approval_required", d.profile.political_approval_required},
            {"staff_transfer", d.profile.staff_transfer},
            {"staff_years", d.profile.staff_years}}},
          {"timeline", std::move(timeline)},
          {"bid_deadline", d.bid_deadline ? json(d.bid_deadline->ToIso()) : json(nullptr)},
          {"minimum_bids", d.minimum_bids},
          {"standstill_days", d.standstill_days},
          {"ideal_reservation_justification", d.ideal_reservation_justification},
          {"responsibilities", std::move(responsibilities)},
          {"award_model", AwardModelToJson(d.award_model)},
          {"award_rules",
           {{"climate_weight_required", d.award_rules.climate_weight_required},
            {"min_climate_weight_share", d.award_rules.min_climate_weight_share},
            {"climate_exception", d.award_rules.climate_exception}}}};
}

Result<TenderSnapshot> ParseTenderSnapshotJson(std::string_view text) {
  SAMSPILL_ASSIGN_OR_RETURN(const json doc,
                            ParseStrictJson(text, "tender snapshot",
                                            {.max_depth = evaluation::kMaxJsonNestingDepth,
                                             .max_bytes = kMaxTenderSnapshotJsonBytes}));
  return Guarded<TenderSnapshot>("tender snapshot", [&] { return ParseSnapshot(doc); });
}

nlohmann::json TenderSnapshotToJson(const TenderSnapshot& s) {
  json locked = nullptr;
  if (s.locked_award_model) {
    locked = {{"model", AwardModelToJson(s.locked_award_model->model)},
              {"sha256", s.locked_award_model->sha256},
              {"locked_at", s.locked_award_model->locked_at.ToIso()}};
  }
  json bids = json::object();
  for (const auto& [lot_id, count] : s.valid_bids_per_lot) bids[lot_id] = count;
  json doc = {{"version", kSnapshotVersion},
              {"state", TenderStateName(s.state)},
              {"draft", TenderDraftToJson(s.draft)},
              {"regime", s.regime ? RegimeToJson(*s.regime) : json(nullptr)},
              {"locked_award_model", std::move(locked)},
              {"ideal_reservation",
               s.ideal_reservation ? ReservationToJson(*s.ideal_reservation) : json(nullptr)},
              {"cancellation_reason", s.cancellation_reason},
              {"valid_bids_per_lot", std::move(bids)},
              {"unsuccessful_lots", s.unsuccessful_lots}};
  // Written only when there are some, so snapshots from before complaints read the same.
  if (!s.complaints.empty()) {
    json complaints = json::array();
    for (const Complaint& c : s.complaints) complaints.push_back(ComplaintToJson(c));
    doc["complaints"] = std::move(complaints);
  }
  return doc;
}

nlohmann::json TenderViewJson(const Tender& tender, Timestamp now) {
  json view = TenderDraftToJson(tender.draft());
  view["state"] = TenderStateName(tender.state());
  json actions = json::array();
  for (TenderAction action : tender.AllowedActions(now)) {
    actions.push_back(TenderActionName(action));
  }
  view["allowed_actions"] = std::move(actions);
  if (const std::optional<RegimeDecision>& regime = tender.regime()) {
    view["regime"] = {{"name", LegalRegimeName(regime->regime)},
                      {"label_nb", LegalRegimeLabelNb(regime->regime)},
                      {"explanation_nb", regime->explanation_nb},
                      {"explanation_en", regime->explanation_en}};
  }
  if (const std::optional<LockedAwardModel>& locked = tender.locked_award_model()) {
    view["award_model_sha256"] = locked->sha256;
    view["locked_at"] = locked->locked_at.ToIso();
  }
  if (const std::optional<IdealReservation>& reservation = tender.ideal_reservation()) {
    view["ideal_reservation"] = ReservationToJson(*reservation);
  }
  view["cancellation_reason"] = tender.cancellation_reason();
  view["unsuccessful_lots"] = tender.unsuccessful_lots();
  return view;
}

}  // namespace samspill::tendering
