#include "portfolio/project.h"

#include "common/text.h"
#include "portfolio/text_normalise.h"

namespace samspill::portfolio {
namespace {

struct KindEntry {
  ProjectKind kind;
  std::string_view name;
  std::string_view label;
};
constexpr KindEntry kKinds[] = {
    {ProjectKind::kResearch, "research", "Forskning"},
    {ProjectKind::kEducation, "education", "Utdanning"},
    {ProjectKind::kInnovation, "innovation", "Nyskaping og innovasjon"},
    {ProjectKind::kOutreach, "outreach", "Formidling"},
};

struct StatusEntry {
  ProjectStatus status;
  std::string_view name;
  std::string_view label;
};
constexpr StatusEntry kStatuses[] = {
    {ProjectStatus::kIdea, "idea", "Idé"},
    {ProjectStatus::kApplied, "applied", "Søknad sendt"},
    {ProjectStatus::kActive, "active", "Pågående"},
    {ProjectStatus::kCompleted, "completed", "Avsluttet"},
    {ProjectStatus::kRejected, "rejected", "Ikke innvilget"},
    {ProjectStatus::kMerged, "merged", "Slått sammen"},
};

std::string Field(std::string_view list, size_t i, std::string_view member) {
  return std::string(list) + "[" + std::to_string(i) + "]." + std::string(member);
}

Status CheckText(const std::string& text, size_t max, std::string_view field) {
  if (text.size() > max) {
    return InvalidArgument(
        std::string(field) + " is longer than " + std::to_string(max) + " characters",
        std::string(field));
  }
  return Status::Ok();
}

}  // namespace

std::string_view ProjectKindName(ProjectKind kind) {
  for (const auto& e : kKinds) {
    if (e.kind == kind) return e.name;
  }
  return "unknown";
}
std::string_view ProjectKindLabelNb(ProjectKind kind) {
  for (const auto& e : kKinds) {
    if (e.kind == kind) return e.label;
  }
  return "?";
}
std::optional<ProjectKind> ProjectKindFromName(std::string_view name) {
  for (const auto& e : kKinds) {
    if (e.name == name) return e.kind;
  }
  return std::nullopt;
}
std::optional<ProjectKind> ProjectKindFromText(std::string_view text) {
  const std::string folded = FoldNorwegian(text);
  for (const auto& e : kKinds) {
    if (folded == e.name || folded == FoldNorwegian(e.label)) return e.kind;
  }
  return std::nullopt;
}
std::string_view ProjectStatusName(ProjectStatus status) {
  for (const auto& e : kStatuses) {
    if (e.status == status) return e.name;
  }
  return "unknown";
}
std::string_view ProjectStatusLabelNb(ProjectStatus status) {
  for (const auto& e : kStatuses) {
    if (e.status == status) return e.label;
  }
  return "?";
}
std::optional<ProjectStatus> ProjectStatusFromName(std::string_view name) {
  for (const auto& e : kStatuses) {
    if (e.name == name) return e.status;
  }
  return std::nullopt;
}
std::optional<ProjectStatus> ProjectStatusFromText(std::string_view text) {
  const std::string folded = FoldNorwegian(text);
  for (const auto& e : kStatuses) {
    if (folded == e.name || folded == FoldNorwegian(e.label)) return e.status;
  }
  return std::nullopt;
}

std::string Partner::Display() const {
  return unit.empty() ? organisation : organisation + ", " + unit;
}

bool AreaList::Contains(std::string_view area) const {
  for (const std::string& a : areas) {
    if (a == area) return true;
  }
  return false;
}

std::optional<std::string> AreaList::Canonical(std::string_view text) const {
  const std::string folded = FoldNorwegian(text);
  for (const std::string& a : areas) {
    if (FoldNorwegian(a) == folded) return a;
  }
  return std::nullopt;
}

Status ValidateProject(const Project& p, const AreaList& areas, const ProjectLimits& limits) {
  if (IsBlank(p.name)) return InvalidArgument("the project needs a name", "name");
  SAMSPILL_RETURN_IF_ERROR(CheckText(p.name, limits.max_name_chars, "name"));
  SAMSPILL_RETURN_IF_ERROR(CheckText(p.short_name, limits.max_name_chars, "short_name"));
  SAMSPILL_RETURN_IF_ERROR(CheckText(p.description, limits.max_text_chars, "description"));
  SAMSPILL_RETURN_IF_ERROR(
      CheckText(p.value_for_municipality, limits.max_text_chars, "value_for_municipality"));
  SAMSPILL_RETURN_IF_ERROR(
      CheckText(p.value_for_university, limits.max_text_chars, "value_for_university"));
  if (!areas.Contains(p.area)) {
    std::string known;
    for (const std::string& a : areas.areas) known += (known.empty() ? "" : ", ") + a;
    return InvalidArgument("unknown area '" + p.area + "' (one of: " + known + ")", "area");
  }
  if (p.start && p.end && *p.end < *p.start) {
    return InvalidArgument("the project ends before it starts", "end");
  }
  if (p.partners.size() > limits.max_list_items || p.contacts.size() > limits.max_list_items ||
      p.funding.size() > limits.max_list_items) {
    return InvalidArgument("at most " + std::to_string(limits.max_list_items) +
                           " partners, contacts or funding sources per project");
  }
  for (size_t i = 0; i < p.partners.size(); ++i) {
    if (IsBlank(p.partners[i].organisation)) {
      return InvalidArgument("a partner needs an organisation",
                             Field("partners", i, "organisation"));
    }
    SAMSPILL_RETURN_IF_ERROR(CheckText(p.partners[i].organisation, limits.max_name_chars,
                                       Field("partners", i, "organisation")));
    SAMSPILL_RETURN_IF_ERROR(
        CheckText(p.partners[i].unit, limits.max_name_chars, Field("partners", i, "unit")));
  }
  for (size_t i = 0; i < p.contacts.size(); ++i) {
    if (IsBlank(p.contacts[i].name)) {
      return InvalidArgument("a contact person needs a name", Field("contacts", i, "name"));
    }
    SAMSPILL_RETURN_IF_ERROR(
        CheckText(p.contacts[i].name, limits.max_name_chars, Field("contacts", i, "name")));
  }
  for (size_t i = 0; i < p.funding.size(); ++i) {
    if (IsBlank(p.funding[i].source)) {
      return InvalidArgument("a funding entry needs a source", Field("funding", i, "source"));
    }
    if (p.funding[i].amount.minor < 0 || p.funding[i].amount.minor > kMaxMoneyMinor) {
      return InvalidArgument("the amount must be between 0 and the largest amount accepted",
                             Field("funding", i, "amount"));
    }
  }
  return Status::Ok();
}

int64_t TotalFundingNok(const Project& p) {
  int64_t total = 0;
  for (const Funding& f : p.funding) {
    if (f.amount.currency == "NOK") total += f.amount.minor;
  }
  return total;
}

}  // namespace samspill::portfolio
