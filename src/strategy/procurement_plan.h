// The procurement plan (udbudsplan, seed 002 step 3): the tenders the municipality plans, kept
// from the priorities and the decision cases, and published so suppliers can prepare
// (Svendborg's example). The plan is edited as a draft; publishing takes a dated, numbered
// snapshot of its public items, and each published version says what changed since the one
// before. The public sees only published versions, and in them only items marked public.
// Pure functions; thread-safe as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace samspill::strategy {

// Stored as integers: never renumber.
enum class PlanItemStatus {
  kPlanned = 1,        // in the plan, work not started
  kInPreparation = 2,  // documents being written, market dialogue
  kPublished = 3,      // the tender is published (linked to it when it exists in samspill)
  kWithdrawn = 4,      // taken out of the plan (kept, shown as withdrawn)
};
std::string_view PlanItemStatusName(PlanItemStatus s);  // "planned", "in_preparation", …
std::optional<PlanItemStatus> PlanItemStatusFromName(std::string_view name);
std::string_view PlanItemStatusLabelNb(PlanItemStatus s);  // "Planlagt", "Under forberedelse", …
std::string_view PlanItemStatusLabelEn(PlanItemStatus s);  // "Planned", "In preparation", …

struct PlanItem {
  int64_t id = 0;                  // unique within the plan, > 0, never reused
  std::string title;               // "Drift av bofellesskap i BoA", required
  std::string area;                // the task area's name
  std::optional<int64_t> area_id;  // the register's area
  std::string cpv;                 // "85311000-2"; required when public
  std::string description;
  std::optional<int64_t> estimated_value;  // whole kroner, whole contract incl. options
  std::string currency = "NOK";
  int publication_year = 0;     // planned publication quarter
  int publication_quarter = 0;  // 1..4
  std::optional<Date> contract_start;
  int contract_months = 0;  // contract period incl. options, 0 when not known
  std::string contact_name;
  std::string contact_email;
  PlanItemStatus status = PlanItemStatus::kPlanned;
  std::optional<int64_t> tender_id;         // the tender in samspill, once it exists
  std::optional<int64_t> decision_case_id;  // the case it came from
  bool is_public = false;                   // shown in the published plan
  friend bool operator==(const PlanItem&, const PlanItem&) = default;
};

struct ProcurementPlan {
  std::string title;         // "Udbudsplan 2026–2027"
  std::string organisation;  // the buyer as suppliers know it
  std::vector<PlanItem> items;
  int64_t next_item_id = 1;
  friend bool operator==(const ProcurementPlan&, const ProcurementPlan&) = default;
};
inline constexpr size_t kMaxPlanItems = 1000;

// Title and organisation required; items ≤ kMaxPlanItems with distinct ids < next_item_id;
// each item: a title, quarter 1..4 and year 1990..2100, a public item has a CPV code, contract
// months 0..600, value ≥ 0 and ≤ 10^13, a currency of three letters, an e-mail with one "@"
// when given, a published status only with a tender or a publication quarter not in the
// future is not checked here (dates are the caller's). kInvalidArgument naming the item.
Status ValidateProcurementPlan(const ProcurementPlan& plan);

// Adds `item` with the next id (returned); the plan is unchanged on an error.
Result<int64_t> AddPlanItem(ProcurementPlan& plan, PlanItem item);
// Replaces the item with item.id; kNotFound when there is none.
Status ReplacePlanItem(ProcurementPlan& plan, const PlanItem& item);
// Removes an item that was never published (kFailedPrecondition when any published version
// holds it: withdraw it instead); kNotFound when there is none.
Status RemovePlanItem(ProcurementPlan& plan, int64_t item_id, bool ever_published);

// An item linked to a tender follows it: a draft tender means the item is in preparation, a
// tender past its draft means it is published. A withdrawn item stays withdrawn.
void FollowTender(PlanItem& item, bool tender_is_draft);

// One field's change between two published versions.
struct FieldChange {
  std::string field;  // "publication_quarter", "estimated_value", "status", …
  std::string before;
  std::string after;
  friend bool operator==(const FieldChange&, const FieldChange&) = default;
};
struct ItemChange {
  int64_t item_id = 0;
  std::string title;
  enum class Kind { kAdded = 1, kRemoved = 2, kChanged = 3 } kind = Kind::kChanged;
  std::vector<FieldChange> fields;  // kChanged only, in the order of PlanItem's fields
  friend bool operator==(const ItemChange&, const ItemChange&) = default;
};

// A published, numbered snapshot: the public items only, as they were.
struct PublishedPlan {
  int number = 0;  // 1, 2, …
  Timestamp published_at;
  std::string published_by;  // the user's name
  std::string title;
  std::string organisation;
  std::vector<PlanItem> items;      // is_public items only, in plan order
  std::vector<ItemChange> changes;  // against the previous version (all added for number 1)
  std::string change_note;          // what the publisher wrote
  friend bool operator==(const PublishedPlan&, const PublishedPlan&) = default;
};

// The changes from `before` (nullptr for the first version) to `after`, items matched by id:
// added, removed, then changed, each in item order.
std::vector<ItemChange> DiffPlans(const PublishedPlan* before, const std::vector<PlanItem>& after);

// The next version of `plan` as published at `at` by `by`; kFailedPrecondition when the plan has
// no public item or nothing changed since `previous`. Validates the plan first.
Result<PublishedPlan> PublishPlan(const ProcurementPlan& plan, const PublishedPlan* previous,
                                  Timestamp at, std::string by, std::string change_note);

}  // namespace samspill::strategy
