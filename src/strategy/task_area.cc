#include "strategy/task_area.h"

#include <algorithm>
#include <map>

#include "common/text.h"

namespace samspill::strategy {
namespace {

constexpr int64_t kMaxAmount = 10'000'000'000'000;  // 10^13 kroner: far above any municipality

struct SchemeEntry {
  AccountScheme scheme;
  std::string_view name;
};
constexpr SchemeEntry kSchemes[] = {{AccountScheme::kDanishFunctions, "dk_functions"},
                                    {AccountScheme::kKostra, "kostra"}};

}  // namespace

std::string_view AccountSchemeName(AccountScheme scheme) {
  for (const SchemeEntry& e : kSchemes) {
    if (e.scheme == scheme) return e.name;
  }
  return "unknown";
}

std::optional<AccountScheme> AccountSchemeFromName(std::string_view name) {
  for (const SchemeEntry& e : kSchemes) {
    if (e.name == name) return e.scheme;
  }
  return std::nullopt;
}

const AreaYear* TaskArea::Year(int year) const {
  for (const AreaYear& y : years) {
    if (y.year == year) return &y;
  }
  return nullptr;
}

void TaskArea::SetYear(AreaYear figures) {
  auto it = std::find_if(years.begin(), years.end(),
                         [&](const AreaYear& y) { return y.year >= figures.year; });
  if (it != years.end() && it->year == figures.year) {
    *it = std::move(figures);
  } else {
    years.insert(it, std::move(figures));
  }
}

Status ValidateTaskArea(const TaskArea& area) {
  const std::string who =
      "task area " + (IsBlank(area.name) ? "#" + std::to_string(area.id) : "'" + area.name + "'");
  if (area.id <= 0) return InvalidArgument(who + ": the id must be positive", "id");
  if (IsBlank(area.name)) return InvalidArgument(who + " needs a name", "name");
  if (area.name.size() > 300 || area.code.size() > 50 || area.cpv.size() > 20) {
    return InvalidArgument(who + ": name, code or CPV code too long",
                           area.name.size() > 300  ? "name"
                           : area.code.size() > 50 ? "code"
                                                   : "cpv");
  }
  int previous = 0;
  for (size_t i = 0; i < area.years.size(); ++i) {
    const AreaYear& y = area.years[i];
    const std::string at = who + ", " + std::to_string(y.year);
    // The field is the year's path in the area's document ("years[2].spend").
    auto field = [&](std::string_view name) {
      return "years[" + std::to_string(i) + "]." + std::string(name);
    };
    if (y.year < 1990 || y.year > 2100) {
      return InvalidArgument(who + ": the year " + std::to_string(y.year) + " is outside 1990–2100",
                             field("year"));
    }
    if (y.year <= previous) {
      return InvalidArgument(who + ": one entry per year, in year order", field("year"));
    }
    previous = y.year;
    const std::pair<const char*, int64_t> amounts[] = {{"spend", y.spend},
                                                       {"may_compete", y.may_compete},
                                                       {"private_purchases", y.private_purchases},
                                                       {"in_house_wins", y.in_house_wins}};
    for (const auto& [name, value] : amounts) {
      if (value < 0 || value > kMaxAmount) {
        return InvalidArgument(at + ": " + name + " must be between 0 and 10^13 kroner",
                               field(name));
      }
    }
    if (y.may_compete > y.spend) {
      return InvalidArgument(at + ": may_compete is larger than the spend", field("may_compete"));
    }
    // Both ≤ 10^13, so the sum cannot overflow.
    if (y.private_purchases + y.in_house_wins > y.may_compete) {
      return InvalidArgument(
          at + ": private_purchases and in_house_wins together exceed may_compete",
          field("private_purchases"));
    }
    if (y.note.size() > 2000) return InvalidArgument(at + ": the note is too long", field("note"));
  }
  return Status::Ok();
}

int64_t Competed(const AreaYear& figures) {
  return figures.private_purchases + figures.in_house_wins;
}

std::optional<double> IkuPercent(int64_t competed, int64_t may_compete) {
  if (may_compete <= 0) return std::nullopt;
  // Exact in double: an area's amounts are below 10^13 and the sum of the register's at most
  // 500 areas below 5·10^15, both under 2^53.
  return static_cast<double>(competed) * 100.0 / static_cast<double>(may_compete);
}

std::vector<IkuPoint> AreaIku(const TaskArea& area) {
  std::vector<IkuPoint> out;
  for (const AreaYear& y : area.years) {
    out.push_back({.year = y.year,
                   .may_compete = y.may_compete,
                   .competed = Competed(y),
                   .iku = IkuPercent(Competed(y), y.may_compete),
                   .example = y.example});
  }
  return out;
}

std::vector<IkuPoint> TotalIku(const std::vector<TaskArea>& areas) {
  // Sums first, the ratio last: the municipality's IKU weighs each area by what it may compete,
  // as KL computes it, not by the mean of the areas' percentages.
  std::map<int, IkuPoint> by_year;
  for (const TaskArea& area : areas) {
    for (const AreaYear& y : area.years) {
      IkuPoint& p = by_year[y.year];
      p.year = y.year;
      p.may_compete += y.may_compete;
      p.competed += Competed(y);
      p.example = p.example || y.example;
    }
  }
  std::vector<IkuPoint> out;
  for (auto& [year, p] : by_year) {
    p.iku = IkuPercent(p.competed, p.may_compete);
    out.push_back(p);
  }
  return out;
}

std::optional<int64_t> OpenPotential(const TaskArea& area) {
  if (area.years.empty()) return std::nullopt;
  const AreaYear& latest = area.years.back();
  return latest.may_compete - Competed(latest);
}

}  // namespace samspill::strategy
