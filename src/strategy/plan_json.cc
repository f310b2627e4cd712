// The procurement plan and its published versions as JSON (strategy_json.h).

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "common/json_fields.h"
#include "common/strict_json.h"
#include "strategy/strategy_json.h"

namespace samspill::strategy {
namespace {

using nlohmann::json;

// The store writes null for an absent value, so null reads as absent.
constexpr JsonFieldStyle kStyle{JsonNaming::kPath, true};
constexpr int64_t kMaxId = int64_t{1} << 53;  // exact in every JSON reader
constexpr int64_t kMaxValue = 10'000'000'000'000;

template <typename T>
json OrNull(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

std::string_view KindName(ItemChange::Kind kind) {
  switch (kind) {
    case ItemChange::Kind::kAdded:
      return "added";
    case ItemChange::Kind::kRemoved:
      return "removed";
    case ItemChange::Kind::kChanged:
      return "changed";
  }
  return "changed";
}

std::optional<ItemChange::Kind> KindFromName(std::string_view name) {
  for (ItemChange::Kind k :
       {ItemChange::Kind::kAdded, ItemChange::Kind::kRemoved, ItemChange::Kind::kChanged}) {
    if (KindName(k) == name) return k;
  }
  return std::nullopt;
}

// An item's members; `require_id` for items inside a plan, where the id is their identity.
Result<PlanItem> ReadItem(const json& doc, const std::string& path, bool require_id) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(doc, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
      doc,
      {"id", "title", "area", "area_id", "cpv", "description", "estimated_value", "currency",
       "publication_year", "publication_quarter", "contract_start", "contract_months",
       "contact_name", "contact_email", "status", "tender_id", "decision_case_id", "public"},
      path));
  PlanItem item;
  if (require_id) {
    SAMSPILL_ASSIGN_OR_RETURN(item.id, RequiredJsonInteger(doc, "id", path, 1, kMaxId, kStyle));
  } else {
    SAMSPILL_RETURN_IF_ERROR(
        AssignIfPresent(OptionalJsonInteger(doc, "id", path, 0, kMaxId, kStyle), item.id));
  }
  SAMSPILL_ASSIGN_OR_RETURN(item.title, RequiredJsonString(doc, "title", path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "area", path, kStyle), item.area));
  SAMSPILL_ASSIGN_OR_RETURN(item.area_id,
                            OptionalJsonInteger(doc, "area_id", path, 1, kMaxId, kStyle));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(doc, "cpv", path, kStyle), item.cpv));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "description", path, kStyle), item.description));
  SAMSPILL_ASSIGN_OR_RETURN(item.estimated_value, OptionalJsonInteger(doc, "estimated_value", path,
                                                                      0, kMaxValue, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "currency", path, kStyle), item.currency));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t year,
                            RequiredJsonInteger(doc, "publication_year", path, 1990, 2100, kStyle));
  item.publication_year = static_cast<int>(year);
  SAMSPILL_ASSIGN_OR_RETURN(int64_t quarter,
                            RequiredJsonInteger(doc, "publication_quarter", path, 1, 4, kStyle));
  item.publication_quarter = static_cast<int>(quarter);
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<std::string> start,
                            OptionalJsonString(doc, "contract_start", path, kStyle));
  if (start) {
    Result<Date> date = ParseIsoDate(*start);
    if (!date.ok()) {
      return InvalidArgument("contract_start is a date YYYY-MM-DD, not \"" + *start + "\"",
                             JsonPath(path, "contract_start"));
    }
    item.contract_start = *date;
  }
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
      OptionalJsonInteger(doc, "contract_months", path, 0, 600, kStyle), item.contract_months));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "contact_name", path, kStyle), item.contact_name));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "contact_email", path, kStyle), item.contact_email));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<std::string> status,
                            OptionalJsonString(doc, "status", path, kStyle));
  if (status) {
    std::optional<PlanItemStatus> s = PlanItemStatusFromName(*status);
    if (!s) {
      return InvalidArgument(
          "status is \"planned\", \"in_preparation\", \"published\" or \"withdrawn\", not \"" +
              *status + "\"",
          JsonPath(path, "status"));
    }
    item.status = *s;
  }
  SAMSPILL_ASSIGN_OR_RETURN(item.tender_id,
                            OptionalJsonInteger(doc, "tender_id", path, 1, kMaxId, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(item.decision_case_id,
                            OptionalJsonInteger(doc, "decision_case_id", path, 1, kMaxId, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonBool(doc, "public", path, kStyle), item.is_public));
  return item;
}

// The items array of a plan or a published plan, read with their paths.
Result<std::vector<PlanItem>> ReadItems(const json& doc) {
  SAMSPILL_ASSIGN_OR_RETURN(const json* items, OptionalJsonArray(doc, "items", "", kStyle));
  std::vector<PlanItem> out;
  if (items == nullptr) return out;
  if (items->size() > kMaxPlanItems) {
    return InvalidArgument("a procurement plan holds at most " + std::to_string(kMaxPlanItems) +
                               " items, not " + std::to_string(items->size()),
                           "items");
  }
  for (size_t i = 0; i < items->size(); ++i) {
    SAMSPILL_ASSIGN_OR_RETURN(PlanItem item,
                              ReadItem((*items)[i], "items[" + std::to_string(i) + "]", true));
    out.push_back(std::move(item));
  }
  return out;
}

Result<ItemChange> ReadChange(const json& doc, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(doc, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(doc, {"item_id", "title", "kind", "fields"}, path));
  ItemChange change;
  SAMSPILL_ASSIGN_OR_RETURN(change.item_id,
                            RequiredJsonInteger(doc, "item_id", path, 1, kMaxId, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "title", path, kStyle), change.title));
  SAMSPILL_ASSIGN_OR_RETURN(std::string kind, RequiredJsonString(doc, "kind", path, kStyle));
  std::optional<ItemChange::Kind> k = KindFromName(kind);
  if (!k) {
    return InvalidArgument("kind is \"added\", \"removed\" or \"changed\", not \"" + kind + "\"",
                           JsonPath(path, "kind"));
  }
  change.kind = *k;
  SAMSPILL_ASSIGN_OR_RETURN(const json* fields, OptionalJsonArray(doc, "fields", path, kStyle));
  if (fields == nullptr) return change;
  if (change.kind != ItemChange::Kind::kChanged && !fields->empty()) {
    return InvalidArgument("only a changed item lists changed fields", JsonPath(path, "fields"));
  }
  for (size_t i = 0; i < fields->size(); ++i) {
    const std::string fpath = JsonPath(path, "fields") + "[" + std::to_string(i) + "]";
    const json& f = (*fields)[i];
    SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(f, fpath, kStyle));
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(f, {"field", "before", "after"}, fpath));
    FieldChange fc;
    SAMSPILL_ASSIGN_OR_RETURN(fc.field, RequiredJsonString(f, "field", fpath, kStyle));
    SAMSPILL_RETURN_IF_ERROR(
        AssignIfPresent(OptionalJsonString(f, "before", fpath, kStyle), fc.before));
    SAMSPILL_RETURN_IF_ERROR(
        AssignIfPresent(OptionalJsonString(f, "after", fpath, kStyle), fc.after));
    change.fields.push_back(std::move(fc));
  }
  return change;
}

}  // namespace

json PlanItemToJson(const PlanItem& item) {
  return json{
      {"id", item.id},
      {"title", item.title},
      {"area", item.area},
      {"area_id", OrNull(item.area_id)},
      {"cpv", item.cpv},
      {"description", item.description},
      {"estimated_value", OrNull(item.estimated_value)},
      {"currency", item.currency},
      {"publication_year", item.publication_year},
      {"publication_quarter", item.publication_quarter},
      {"contract_start", item.contract_start ? json(item.contract_start->ToIso()) : json(nullptr)},
      {"contract_months", item.contract_months},
      {"contact_name", item.contact_name},
      {"contact_email", item.contact_email},
      {"status", PlanItemStatusName(item.status)},
      {"tender_id", OrNull(item.tender_id)},
      {"decision_case_id", OrNull(item.decision_case_id)},
      {"public", item.is_public}};
}

Result<PlanItem> PlanItemFromJson(const json& doc) {
  SAMSPILL_ASSIGN_OR_RETURN(PlanItem item, ReadItem(doc, "", false));
  // The item's own rules, checked as in a plan of this one item; the path is the item's own.
  // A new item has no id yet (0); it is checked as the plan's first.
  PlanItem check = item;
  check.id = std::max<int64_t>(item.id, 1);
  const ProcurementPlan alone{"plan", "organisation", {check}, check.id + 1};
  if (Status s = ValidateProcurementPlan(alone); !s.ok()) {
    std::string field = s.field();
    if (field.starts_with("items[0].")) field.erase(0, std::string_view("items[0].").size());
    return Status(s.code(), s.message(), field);
  }
  return item;
}

json PlanToJson(const ProcurementPlan& plan) {
  json items = json::array();
  for (const PlanItem& item : plan.items) items.push_back(PlanItemToJson(item));
  return json{{"title", plan.title},
              {"organisation", plan.organisation},
              {"next_item_id", plan.next_item_id},
              {"items", std::move(items)}};
}

Result<ProcurementPlan> PlanFromJson(const json& doc) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(doc, "", kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(doc, {"title", "organisation", "next_item_id", "items"}));
  ProcurementPlan plan;
  SAMSPILL_ASSIGN_OR_RETURN(plan.title, RequiredJsonString(doc, "title", "", kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(plan.organisation, RequiredJsonString(doc, "organisation", "", kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(plan.items, ReadItems(doc));
  // Ids are never reused, so a document that forgot the counter must not restart it below an
  // item's id: absent, it follows the highest id.
  int64_t highest = 0;
  for (const PlanItem& item : plan.items) highest = std::max(highest, item.id);
  plan.next_item_id = highest + 1;
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
      OptionalJsonInteger(doc, "next_item_id", "", 1, kMaxId, kStyle), plan.next_item_id));
  SAMSPILL_RETURN_IF_ERROR(ValidateProcurementPlan(plan));
  return plan;
}

Result<ProcurementPlan> ParsePlanJson(std::string_view text) {
  SAMSPILL_ASSIGN_OR_RETURN(json doc,
                            ParseStrictJson(text, "procurement plan",
                                            {.max_depth = 16, .max_bytes = kMaxStrategyJsonBytes}));
  return PlanFromJson(doc);
}

json PublishedPlanToJson(const PublishedPlan& plan) {
  json items = json::array();
  for (const PlanItem& item : plan.items) items.push_back(PlanItemToJson(item));
  json changes = json::array();
  for (const ItemChange& c : plan.changes) {
    json fields = json::array();
    for (const FieldChange& f : c.fields) {
      fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
    }
    changes.push_back({{"item_id", c.item_id},
                       {"title", c.title},
                       {"kind", KindName(c.kind)},
                       {"fields", std::move(fields)}});
  }
  return json{{"number", plan.number},
              {"published_at", plan.published_at.ToIso()},
              {"published_by", plan.published_by},
              {"title", plan.title},
              {"organisation", plan.organisation},
              {"change_note", plan.change_note},
              {"items", std::move(items)},
              {"changes", std::move(changes)}};
}

Result<PublishedPlan> PublishedPlanFromJson(const json& doc) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(doc, "", kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(doc, {"number", "published_at", "published_by", "title",
                                               "organisation", "change_note", "items", "changes"}));
  PublishedPlan out;
  SAMSPILL_ASSIGN_OR_RETURN(int64_t number,
                            RequiredJsonInteger(doc, "number", "", 1, 1'000'000, kStyle));
  out.number = static_cast<int>(number);
  SAMSPILL_ASSIGN_OR_RETURN(std::string at, RequiredJsonString(doc, "published_at", "", kStyle));
  Result<Timestamp> stamp = ParseIsoTimestamp(at);
  if (!stamp.ok()) {
    return InvalidArgument(
        "published_at is an instant such as \"2026-03-01T12:00:00Z\", not \"" + at + "\"",
        "published_at");
  }
  out.published_at = *stamp;
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "published_by", "", kStyle), out.published_by));
  SAMSPILL_ASSIGN_OR_RETURN(out.title, RequiredJsonString(doc, "title", "", kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(out.organisation, RequiredJsonString(doc, "organisation", "", kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "change_note", "", kStyle), out.change_note));
  SAMSPILL_ASSIGN_OR_RETURN(out.items, ReadItems(doc));
  for (size_t i = 0; i < out.items.size(); ++i) {
    if (!out.items[i].is_public) {
      return InvalidArgument("a published plan holds public items only",
                             "items[" + std::to_string(i) + "].public");
    }
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* changes, OptionalJsonArray(doc, "changes", "", kStyle));
  if (changes != nullptr) {
    if (changes->size() > 2 * kMaxPlanItems) {
      return InvalidArgument("too many changes: " + std::to_string(changes->size()), "changes");
    }
    for (size_t i = 0; i < changes->size(); ++i) {
      SAMSPILL_ASSIGN_OR_RETURN(ItemChange c,
                                ReadChange((*changes)[i], "changes[" + std::to_string(i) + "]"));
      out.changes.push_back(std::move(c));
    }
  }
  // The items obey the plan's rules; checked as a plan with the published title and items.
  ProcurementPlan as_plan{out.title, out.organisation, out.items, 1};
  for (const PlanItem& item : out.items) {
    as_plan.next_item_id = std::max(as_plan.next_item_id, item.id + 1);
  }
  SAMSPILL_RETURN_IF_ERROR(ValidateProcurementPlan(as_plan));
  return out;
}

}  // namespace samspill::strategy
