#include "strategy/procurement_plan.h"

#include <algorithm>
#include <set>
#include <utility>

namespace samspill::strategy {
namespace {

constexpr int64_t kMaxPlanValue = 10'000'000'000'000;  // 10^13 kroner
constexpr int kMaxContractMonths = 600;                // 50 years, options included

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == text.npos; }

std::string ItemPath(size_t index, std::string_view field) {
  return "items[" + std::to_string(index) + "]." + std::string(field);
}

// "item 3 (“Drift av bofellesskap”)": the editor finds the item by its number and title.
std::string ItemName(const PlanItem& item) {
  std::string name = "item " + std::to_string(item.id);
  if (!Blank(item.title)) name += " (\u201c" + item.title + "\u201d)";
  return name;
}

Status ValidateItem(const PlanItem& item, size_t index) {
  const std::string name = ItemName(item);
  auto refuse = [&](std::string_view field, std::string message) {
    return InvalidArgument(name + ": " + message, ItemPath(index, field));
  };
  if (Blank(item.title)) return refuse("title", "a plan item needs a title");
  if (item.publication_year < 1990 || item.publication_year > 2100) {
    return refuse("publication_year", "the publication year must be from 1990 to 2100, not " +
                                          std::to_string(item.publication_year));
  }
  if (item.publication_quarter < 1 || item.publication_quarter > 4) {
    return refuse("publication_quarter", "the publication quarter must be from 1 to 4, not " +
                                             std::to_string(item.publication_quarter));
  }
  // Suppliers search the published plan by CPV code, so a public item must say what it buys.
  if (item.is_public && Blank(item.cpv)) {
    return refuse("cpv", "a public item needs a CPV code");
  }
  if (item.contract_months < 0 || item.contract_months > kMaxContractMonths) {
    return refuse("contract_months", "the contract period must be from 0 to 600 months, not " +
                                         std::to_string(item.contract_months));
  }
  if (item.estimated_value &&
      (*item.estimated_value < 0 || *item.estimated_value > kMaxPlanValue)) {
    return refuse("estimated_value", "the estimated value must be from 0 to 10^13, not " +
                                         std::to_string(*item.estimated_value));
  }
  const bool three_letters =
      item.currency.size() == 3 && std::all_of(item.currency.begin(), item.currency.end(),
                                               [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!three_letters) {
    return refuse("currency", "the currency is a code of three capital letters (\"NOK\"), not \"" +
                                  item.currency + "\"");
  }
  if (!item.contact_email.empty() &&
      std::count(item.contact_email.begin(), item.contact_email.end(), '@') != 1) {
    return refuse("contact_email",
                  "the e-mail address must hold one \"@\", not \"" + item.contact_email + "\"");
  }
  // References to other records are positive ids, as the JSON reads them.
  const std::pair<std::string_view, const std::optional<int64_t>*> references[] = {
      {"area_id", &item.area_id},
      {"tender_id", &item.tender_id},
      {"decision_case_id", &item.decision_case_id}};
  for (const auto& [field, id] : references) {
    if (*id && **id <= 0) {
      return refuse(field, std::string(field) + " must be positive, not " + std::to_string(**id));
    }
  }
  return Status::Ok();
}

std::string OptionalText(const std::optional<int64_t>& value) {
  return value ? std::to_string(*value) : std::string();
}

// The item's fields as the JSON names and prints them, in the order of PlanItem's members; an
// absent value is the empty text. The id is the item's identity, not a field that changes, and
// "public" is left out: only public items are compared, and one made private shows as removed.
std::vector<std::pair<std::string_view, std::string>> Fields(const PlanItem& item) {
  return {{"title", item.title},
          {"area", item.area},
          {"area_id", OptionalText(item.area_id)},
          {"cpv", item.cpv},
          {"description", item.description},
          {"estimated_value", OptionalText(item.estimated_value)},
          {"currency", item.currency},
          {"publication_year", std::to_string(item.publication_year)},
          {"publication_quarter", std::to_string(item.publication_quarter)},
          {"contract_start", item.contract_start ? item.contract_start->ToIso() : std::string()},
          {"contract_months", std::to_string(item.contract_months)},
          {"contact_name", item.contact_name},
          {"contact_email", item.contact_email},
          {"status", std::string(PlanItemStatusName(item.status))},
          {"tender_id", OptionalText(item.tender_id)},
          {"decision_case_id", OptionalText(item.decision_case_id)}};
}

const PlanItem* FindItem(const std::vector<PlanItem>& items, int64_t id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const PlanItem& i) { return i.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

std::string_view PlanItemStatusName(PlanItemStatus s) {
  switch (s) {
    case PlanItemStatus::kPlanned:
      return "planned";
    case PlanItemStatus::kInPreparation:
      return "in_preparation";
    case PlanItemStatus::kPublished:
      return "published";
    case PlanItemStatus::kWithdrawn:
      return "withdrawn";
  }
  return "planned";
}

std::optional<PlanItemStatus> PlanItemStatusFromName(std::string_view name) {
  for (PlanItemStatus s : {PlanItemStatus::kPlanned, PlanItemStatus::kInPreparation,
                           PlanItemStatus::kPublished, PlanItemStatus::kWithdrawn}) {
    if (PlanItemStatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view PlanItemStatusLabelNb(PlanItemStatus s) {
  switch (s) {
    case PlanItemStatus::kPlanned:
      return "Planlagt";
    case PlanItemStatus::kInPreparation:
      return "Under forberedelse";
    case PlanItemStatus::kPublished:
      return "Kunngjort";
    case PlanItemStatus::kWithdrawn:
      return "Trukket";
  }
  return "Planlagt";
}

std::string_view PlanItemStatusLabelEn(PlanItemStatus s) {
  switch (s) {
    case PlanItemStatus::kPlanned:
      return "Planned";
    case PlanItemStatus::kInPreparation:
      return "In preparation";
    case PlanItemStatus::kPublished:
      return "Published";
    case PlanItemStatus::kWithdrawn:
      return "Withdrawn";
  }
  return "Planned";
}

Status ValidateProcurementPlan(const ProcurementPlan& plan) {
  if (Blank(plan.title)) return InvalidArgument("the procurement plan needs a title", "title");
  if (Blank(plan.organisation)) {
    return InvalidArgument("the procurement plan needs the organisation that buys", "organisation");
  }
  if (plan.items.size() > kMaxPlanItems) {
    return InvalidArgument("a procurement plan holds at most " + std::to_string(kMaxPlanItems) +
                               " items, not " + std::to_string(plan.items.size()),
                           "items");
  }
  if (plan.next_item_id < 1) {
    return InvalidArgument("next_item_id must be positive", "next_item_id");
  }
  std::set<int64_t> ids;
  for (size_t i = 0; i < plan.items.size(); ++i) {
    const PlanItem& item = plan.items[i];
    if (item.id <= 0 || item.id >= plan.next_item_id) {
      return InvalidArgument(ItemName(item) + ": the id must be from 1 to next_item_id − 1 (" +
                                 std::to_string(plan.next_item_id - 1) + ")",
                             ItemPath(i, "id"));
    }
    if (!ids.insert(item.id).second) {
      return InvalidArgument(ItemName(item) + ": another item has the same id", ItemPath(i, "id"));
    }
    SAMSPILL_RETURN_IF_ERROR(ValidateItem(item, i));
  }
  return Status::Ok();
}

Result<int64_t> AddPlanItem(ProcurementPlan& plan, PlanItem item) {
  ProcurementPlan next = plan;
  item.id = next.next_item_id++;
  next.items.push_back(std::move(item));
  SAMSPILL_RETURN_IF_ERROR(ValidateProcurementPlan(next));
  const int64_t id = next.items.back().id;
  plan = std::move(next);
  return id;
}

Status ReplacePlanItem(ProcurementPlan& plan, const PlanItem& item) {
  auto it = std::find_if(plan.items.begin(), plan.items.end(),
                         [&](const PlanItem& i) { return i.id == item.id; });
  if (it == plan.items.end()) {
    return NotFound("the plan has no item " + std::to_string(item.id));
  }
  ProcurementPlan next = plan;
  next.items[static_cast<size_t>(it - plan.items.begin())] = item;
  SAMSPILL_RETURN_IF_ERROR(ValidateProcurementPlan(next));
  plan = std::move(next);
  return Status::Ok();
}

void FollowTender(PlanItem& item, bool tender_is_draft) {
  if (!item.tender_id || item.status == PlanItemStatus::kWithdrawn) return;
  item.status = tender_is_draft ? PlanItemStatus::kInPreparation : PlanItemStatus::kPublished;
}

Status RemovePlanItem(ProcurementPlan& plan, int64_t item_id, bool ever_published) {
  auto it = std::find_if(plan.items.begin(), plan.items.end(),
                         [&](const PlanItem& i) { return i.id == item_id; });
  if (it == plan.items.end()) return NotFound("the plan has no item " + std::to_string(item_id));
  // Suppliers may have prepared for a published item: it stays, shown as withdrawn.
  if (ever_published) {
    return FailedPrecondition(ItemName(*it) +
                              " was in a published version of the plan: withdraw it instead");
  }
  plan.items.erase(it);
  return Status::Ok();
}

std::vector<ItemChange> DiffPlans(const PublishedPlan* before, const std::vector<PlanItem>& after) {
  static const std::vector<PlanItem> kNone;
  // Only public items are ever published; an item made private counts as removed.
  std::vector<PlanItem> old_items;
  for (const PlanItem& i : before != nullptr ? before->items : kNone) {
    if (i.is_public) old_items.push_back(i);
  }
  std::vector<PlanItem> new_items;
  for (const PlanItem& i : after) {
    if (i.is_public) new_items.push_back(i);
  }

  std::vector<ItemChange> changes;
  for (const PlanItem& item : new_items) {
    if (FindItem(old_items, item.id) == nullptr) {
      changes.push_back({item.id, item.title, ItemChange::Kind::kAdded, {}});
    }
  }
  for (const PlanItem& item : old_items) {
    if (FindItem(new_items, item.id) == nullptr) {
      changes.push_back({item.id, item.title, ItemChange::Kind::kRemoved, {}});
    }
  }
  for (const PlanItem& item : new_items) {
    const PlanItem* old = FindItem(old_items, item.id);
    if (old == nullptr) continue;
    const auto old_fields = Fields(*old);
    const auto new_fields = Fields(item);
    ItemChange change{item.id, item.title, ItemChange::Kind::kChanged, {}};
    for (size_t f = 0; f < new_fields.size(); ++f) {
      if (old_fields[f].second != new_fields[f].second) {
        change.fields.push_back(
            {std::string(new_fields[f].first), old_fields[f].second, new_fields[f].second});
      }
    }
    if (!change.fields.empty()) changes.push_back(std::move(change));
  }
  return changes;
}

Result<PublishedPlan> PublishPlan(const ProcurementPlan& plan, const PublishedPlan* previous,
                                  Timestamp at, std::string by, std::string change_note) {
  SAMSPILL_RETURN_IF_ERROR(ValidateProcurementPlan(plan));
  PublishedPlan out;
  out.number = previous != nullptr ? previous->number + 1 : 1;
  out.published_at = at;
  out.published_by = std::move(by);
  out.title = plan.title;
  out.organisation = plan.organisation;
  for (const PlanItem& item : plan.items) {
    if (item.is_public) out.items.push_back(item);
  }
  if (out.items.empty()) {
    return FailedPrecondition("the plan has no public item: mark the items suppliers may see");
  }
  out.changes = DiffPlans(previous, out.items);
  // A new title or organisation is news to suppliers too, though no item changed.
  if (previous != nullptr && out.changes.empty() && previous->title == out.title &&
      previous->organisation == out.organisation) {
    return FailedPrecondition("nothing public has changed since version " +
                              std::to_string(previous->number) + " of the plan");
  }
  out.change_note = std::move(change_note);
  return out;
}

}  // namespace samspill::strategy
