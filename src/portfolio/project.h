// A collaboration project in the partnership portfolio (samarbeidsprosjekt): what it is, which
// area (innsatsområde) and kind it belongs to, who takes part (organisations and their units,
// contact persons), how it is funded, when it runs, who registered it, whether the partnership
// facilitated it, and what it gives each party (merverdi).
//
// Plain values; the store keeps every revision (store/store.h). Validation names the field in
// error. Kinds and statuses are stored as integers: never renumber. Thread-safe as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.h"
#include "common/status.h"
#include "common/time.h"

namespace samspill::portfolio {

// Stored as integers: never renumber.
enum class ProjectKind {
  kResearch = 1,    // forskning
  kEducation = 2,   // utdanning
  kInnovation = 3,  // nyskaping og innovasjon
  kOutreach = 4,    // formidling
};
inline constexpr ProjectKind kAllProjectKinds[] = {ProjectKind::kResearch, ProjectKind::kEducation,
                                                   ProjectKind::kInnovation,
                                                   ProjectKind::kOutreach};

// Stored as integers: never renumber.
enum class ProjectStatus {
  kIdea = 1,       // idé / under utarbeidelse
  kApplied = 2,    // søknad sendt, venter på svar
  kActive = 3,     // pågående
  kCompleted = 4,  // avsluttet
  kRejected = 5,   // søknad ikke innvilget
  kMerged = 6,     // slått sammen med et annet prosjekt (duplikat)
};
inline constexpr ProjectStatus kAllProjectStatuses[] = {
    ProjectStatus::kIdea,      ProjectStatus::kApplied,  ProjectStatus::kActive,
    ProjectStatus::kCompleted, ProjectStatus::kRejected, ProjectStatus::kMerged};

// API names ("research", "active") and Norwegian labels ("Forskning", "Pågående").
std::string_view ProjectKindName(ProjectKind kind);
std::string_view ProjectKindLabelNb(ProjectKind kind);
std::optional<ProjectKind> ProjectKindFromName(std::string_view name);
// Accepts the API name and the Norwegian label in any case ("Nyskaping og innovasjon").
std::optional<ProjectKind> ProjectKindFromText(std::string_view text);
std::string_view ProjectStatusName(ProjectStatus status);
std::string_view ProjectStatusLabelNb(ProjectStatus status);
std::optional<ProjectStatus> ProjectStatusFromName(std::string_view name);
std::optional<ProjectStatus> ProjectStatusFromText(std::string_view text);

// One organisation taking part, optionally one of its units:
// {"NTNU", "Institutt for psykologi"}, {"Trondheim kommune", "Enhet for psykisk helse og rus"}.
struct Partner {
  std::string organisation;
  std::string unit;
  friend bool operator==(const Partner&, const Partner&) = default;
  // "NTNU, Institutt for psykologi" (or just the organisation).
  std::string Display() const;
};

struct Contact {
  std::string name;
  std::string role;          // "Prosjektleder", "Stipendiat"
  std::string organisation;  // "NTNU"
  std::string email;
  friend bool operator==(const Contact&, const Contact&) = default;
};

struct Funding {
  std::string source;  // "Forskningsrådet", "Horizon Europe", "Egeninnsats", "Såkornmidler TRD 3.0"
  Money amount;        // øre; 0 when the report names the source only
  friend bool operator==(const Funding&, const Funding&) = default;
};

// The configurable list of areas (innsatsområder). The default is TRD 3.0's five.
struct AreaList {
  std::vector<std::string> areas = {"Helse og velferd", "Oppvekst og utdanning",
                                    "Byutvikling og kultur", "Innovasjon og omstilling", "Unikom"};
  bool Contains(std::string_view area) const;
  // The listed spelling of `text` compared without case ("helse og velferd" → "Helse og velferd").
  std::optional<std::string> Canonical(std::string_view text) const;
};

struct Project {
  int64_t id = 0;  // 0 until stored
  std::string name;
  std::string short_name;  // "FIF", "HARMONI"
  std::string description;
  std::string area;
  ProjectKind kind = ProjectKind::kResearch;
  ProjectStatus status = ProjectStatus::kActive;
  std::vector<Partner> partners;
  std::vector<Contact> contacts;
  std::vector<Funding> funding;
  std::optional<Date> start;
  std::optional<Date> end;
  std::optional<Date> applied_on;  // when the funding application was sent, if any
  int64_t registered_by_user_id = 0;
  std::string registered_by;  // username at registration
  // The report's attribution problem: did the partnership's project leaders bring this about,
  // or would it have happened anyway? Counted towards the targets only when true.
  bool facilitated_by_partnership = false;
  std::string value_for_municipality;  // merverdi for kommunen
  std::string value_for_university;    // merverdi for NTNU
  std::optional<int64_t> merged_into;  // set when this registration was a duplicate
  std::vector<int64_t> merged_from;    // the duplicates merged into this one

  friend bool operator==(const Project&, const Project&) = default;
};

struct ProjectLimits {
  size_t max_name_chars = 300;
  size_t max_text_chars = 20000;
  size_t max_list_items = 100;
};

// Checks what a stored project must satisfy: a name, a listed area, dates in order, funding
// amounts not negative, lists within limits. Errors name the field ("partners[2].organisation").
Status ValidateProject(const Project& project, const AreaList& areas,
                       const ProjectLimits& limits = {});

// The sum of the funding amounts in NOK øre (other currencies are left out).
int64_t TotalFundingNok(const Project& project);

}  // namespace samspill::portfolio
