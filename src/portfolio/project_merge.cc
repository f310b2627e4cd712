#include "portfolio/project_merge.h"

#include <algorithm>

#include "common/text.h"
#include "portfolio/text_normalise.h"

namespace samspill::portfolio {
namespace {

template <typename T, typename Same>
void AddMissing(std::vector<T>& into, const std::vector<T>& from, Same same) {
  for (const T& item : from) {
    if (std::none_of(into.begin(), into.end(), [&](const T& x) { return same(x, item); })) {
      into.push_back(item);
    }
  }
}

void AppendText(std::string& into, const std::string& from) {
  if (IsBlank(from) || FoldNorwegian(into).find(FoldNorwegian(from)) != std::string::npos) return;
  into = IsBlank(into) ? from : into + "\n\n" + from;
}

}  // namespace

Result<MergedPair> MergeProjects(const Project& keep, const Project& duplicate) {
  if (keep.id == duplicate.id) return InvalidArgument("a project cannot be merged with itself");
  if (keep.merged_into || keep.status == ProjectStatus::kMerged) {
    return Conflict("project " + std::to_string(keep.id) + " is already merged into another");
  }
  if (duplicate.merged_into || duplicate.status == ProjectStatus::kMerged) {
    return Conflict("project " + std::to_string(duplicate.id) + " is already merged into another");
  }
  MergedPair out{keep, duplicate};
  Project& k = out.kept;
  AddMissing(k.partners, duplicate.partners, [](const Partner& a, const Partner& b) {
    return FoldNorwegian(a.organisation) == FoldNorwegian(b.organisation) &&
           FoldNorwegian(a.unit) == FoldNorwegian(b.unit);
  });
  AddMissing(k.contacts, duplicate.contacts, [](const Contact& a, const Contact& b) {
    return FoldNorwegian(a.name) == FoldNorwegian(b.name);
  });
  AddMissing(k.funding, duplicate.funding, [](const Funding& a, const Funding& b) {
    return FoldNorwegian(a.source) == FoldNorwegian(b.source) && a.amount == b.amount;
  });
  if (duplicate.start && (!k.start || *duplicate.start < *k.start)) k.start = duplicate.start;
  if (duplicate.end && k.end && *duplicate.end > *k.end) k.end = duplicate.end;
  if (!k.applied_on) k.applied_on = duplicate.applied_on;
  if (k.short_name.empty()) k.short_name = duplicate.short_name;
  AppendText(k.description, duplicate.description);
  AppendText(k.value_for_municipality, duplicate.value_for_municipality);
  AppendText(k.value_for_university, duplicate.value_for_university);
  k.facilitated_by_partnership =
      k.facilitated_by_partnership || duplicate.facilitated_by_partnership;
  k.merged_from.push_back(duplicate.id);
  for (int64_t id : duplicate.merged_from) k.merged_from.push_back(id);

  out.duplicate.status = ProjectStatus::kMerged;
  out.duplicate.merged_into = keep.id;
  return out;
}

}  // namespace samspill::portfolio
