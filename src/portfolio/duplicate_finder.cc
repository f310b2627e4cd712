#include "portfolio/duplicate_finder.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "portfolio/text_normalise.h"

namespace samspill::portfolio {
namespace {

constexpr double kNameWeight = 0.55;
constexpr double kPartnerWeight = 0.25;
constexpr double kContactWeight = 0.15;
constexpr double kPeriodWeight = 0.05;
constexpr double kOtherKindFactor = 0.85;
// An acronym matching a name's initials is nearly as strong as the same name.
constexpr double kAcronymSimilarity = 0.9;
// One name's words all inside the other's ("ClimaGen" in "ClimaGen studentsamarbeid").
constexpr double kContainedSimilarity = 0.8;
constexpr size_t kMinAcronymLength = 3;

using Vocabulary = std::unordered_map<std::string, uint32_t>;

struct Variant {
  std::string text;
  std::vector<uint32_t> tokens;  // sorted, unique
  std::string initials;
};

struct Keyed {
  std::string key;
  std::string display;
};

struct Fingerprint {
  int64_t id = 0;
  std::string name;
  ProjectKind kind = ProjectKind::kResearch;
  std::optional<Date> start, end;
  std::vector<Variant> variants;
  std::vector<uint32_t> all_tokens;   // sorted, unique, over all variants
  std::vector<std::string> acronyms;  // declared in the name, and the short name
  std::vector<Keyed> partners;        // sorted by key
  std::vector<Keyed> contacts;        // sorted by key
};

// Token ids: interned in the index, or looked up only (unknown words get ids no indexed
// project has, so they never match).
struct Interner {
  Vocabulary* vocabulary = nullptr;    // interning
  const Vocabulary* lookup = nullptr;  // looking up only
  uint32_t next_unknown = 0xFFFFFFFFu;
  uint32_t Id(const std::string& token) {
    if (vocabulary) {
      auto [it, inserted] =
          vocabulary->try_emplace(token, static_cast<uint32_t>(vocabulary->size()));
      return it->second;
    }
    auto it = lookup->find(token);
    return it != lookup->end() ? it->second : next_unknown--;
  }
};

bool IsHost(const std::string& folded_org, const std::vector<std::string>& hosts_folded) {
  return std::find(hosts_folded.begin(), hosts_folded.end(), folded_org) != hosts_folded.end();
}

Fingerprint MakeFingerprint(const Project& p, Interner& interner,
                            const std::vector<std::string>& hosts_folded) {
  Fingerprint f;
  f.id = p.id;
  f.name = p.name;
  f.kind = p.kind;
  f.start = p.start;
  f.end = p.end;
  for (std::string& text : NameVariants(p.name)) {
    Variant v;
    for (const std::string& t : SignificantTokens(text)) v.tokens.push_back(interner.Id(t));
    std::sort(v.tokens.begin(), v.tokens.end());
    v.initials = Initials(text);
    for (const std::string& a : DeclaredAcronyms(text)) f.acronyms.push_back(a);
    f.all_tokens.insert(f.all_tokens.end(), v.tokens.begin(), v.tokens.end());
    v.text = std::move(text);
    f.variants.push_back(std::move(v));
  }
  const std::string short_name = FoldNorwegian(p.short_name);
  if (!short_name.empty() && short_name.find(' ') == std::string::npos) {
    f.acronyms.push_back(short_name);
  }
  std::sort(f.acronyms.begin(), f.acronyms.end());
  f.acronyms.erase(std::unique(f.acronyms.begin(), f.acronyms.end()), f.acronyms.end());
  std::sort(f.all_tokens.begin(), f.all_tokens.end());
  f.all_tokens.erase(std::unique(f.all_tokens.begin(), f.all_tokens.end()), f.all_tokens.end());
  for (const Partner& partner : p.partners) {
    const std::string org = FoldNorwegian(partner.organisation);
    const std::string unit = FoldNorwegian(partner.unit);
    if (unit.empty() && IsHost(org, hosts_folded)) continue;
    f.partners.push_back({org + "|" + unit, partner.Display()});
  }
  for (const Contact& c : p.contacts) {
    const std::string key = FoldNorwegian(c.name);
    if (!key.empty()) f.contacts.push_back({key, c.name});
  }
  auto by_key = [](const Keyed& a, const Keyed& b) { return a.key < b.key; };
  auto same_key = [](const Keyed& a, const Keyed& b) { return a.key == b.key; };
  for (auto* list : {&f.partners, &f.contacts}) {
    std::sort(list->begin(), list->end(), by_key);
    list->erase(std::unique(list->begin(), list->end(), same_key), list->end());
  }
  return f;
}

size_t SharedCount(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

// The shared items as `b` (the registered project) writes them.
std::vector<std::string> SharedDisplays(const std::vector<Keyed>& a, const std::vector<Keyed>& b) {
  std::vector<std::string> out;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].key < b[j].key) {
      ++i;
    } else if (b[j].key < a[i].key) {
      ++j;
    } else {
      out.push_back(b[j].display);
      ++i, ++j;
    }
  }
  return out;
}

// "«FIF» er forkortelsen for «…»" when an acronym of `a` is (the start of) the initials of a
// name form of `b`.
std::optional<std::string> AcronymReason(const Fingerprint& a, const Fingerprint& b) {
  for (const std::string& acronym : a.acronyms) {
    if (acronym.size() < kMinAcronymLength) continue;
    for (const Variant& v : b.variants) {
      if (v.initials.size() >= acronym.size() && v.initials.starts_with(acronym)) {
        std::string upper = acronym;
        for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
        return "«" + upper + "» er forkortelsen for «" + v.text + "»";
      }
    }
    if (std::binary_search(b.acronyms.begin(), b.acronyms.end(), acronym)) {
      return "Samme forkortelse/kortnavn «" + acronym + "»";
    }
  }
  return std::nullopt;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

std::string PeriodText(const Fingerprint& f) {
  return std::to_string(f.start->year) + "–" + (f.end ? std::to_string(f.end->year) : "");
}

DuplicateMatch Compare(const Fingerprint& a, const Fingerprint& b,
                       const std::vector<std::string>& vocabulary_words) {
  DuplicateMatch m;
  m.project_id = a.id;
  m.other_id = b.id;
  m.project_name = a.name;
  m.other_name = b.name;

  double name = 0;
  std::string name_reason;
  for (const Variant& va : a.variants) {
    for (const Variant& vb : b.variants) {
      if (va.tokens.empty() || vb.tokens.empty()) continue;
      const size_t shared = SharedCount(va.tokens, vb.tokens);
      if (shared == 0) continue;
      double sim = 2.0 * static_cast<double>(shared) /
                   static_cast<double>(va.tokens.size() + vb.tokens.size());
      if (shared == std::min(va.tokens.size(), vb.tokens.size())) {
        sim = std::max(sim, kContainedSimilarity);
      }
      if (sim > name) {
        name = sim;
        if (sim >= 1.0) {
          name_reason = "Samme navn etter normalisering («" + va.text + "» / «" + vb.text + "»)";
        } else {
          std::vector<std::string> words;
          for (uint32_t t : va.tokens) {
            if (std::binary_search(vb.tokens.begin(), vb.tokens.end(), t) &&
                t < vocabulary_words.size()) {
              words.push_back(vocabulary_words[t]);
            }
          }
          name_reason = "Navnene har felles ord: " + Join(words);
        }
      }
    }
  }
  std::optional<std::string> acronym = AcronymReason(a, b);
  if (!acronym) acronym = AcronymReason(b, a);
  if (acronym && kAcronymSimilarity > name) {
    name = kAcronymSimilarity;
    name_reason = *acronym;
  }
  if (!name_reason.empty()) m.reasons.push_back(name_reason);

  double partner = 0;
  if (!a.partners.empty() && !b.partners.empty()) {
    std::vector<std::string> shared = SharedDisplays(a.partners, b.partners);
    partner = static_cast<double>(shared.size()) /
              static_cast<double>(std::min(a.partners.size(), b.partners.size()));
    if (!shared.empty()) m.reasons.push_back("Felles partnere: " + Join(shared));
  }
  double contact = 0;
  if (!a.contacts.empty() && !b.contacts.empty()) {
    std::vector<std::string> shared = SharedDisplays(a.contacts, b.contacts);
    contact = static_cast<double>(shared.size()) /
              static_cast<double>(std::min(a.contacts.size(), b.contacts.size()));
    if (!shared.empty()) m.reasons.push_back("Felles kontaktpersoner: " + Join(shared));
  }
  double period = 0;
  if (a.start && b.start) {
    const Date far{9999, 12, 31};
    const bool overlap = *a.start <= b.end.value_or(far) && *b.start <= a.end.value_or(far);
    if (overlap) {
      period = 1;
      m.reasons.push_back("Overlappende periode (" + PeriodText(a) + " og " + PeriodText(b) + ")");
    }
  }
  m.score = kNameWeight * name + kPartnerWeight * partner + kContactWeight * contact +
            kPeriodWeight * period;
  if (a.kind != b.kind) {
    m.score *= kOtherKindFactor;
    m.reasons.push_back("Ulik type (" + std::string(ProjectKindLabelNb(a.kind)) + " / " +
                        std::string(ProjectKindLabelNb(b.kind)) + "), som trekker ned");
  }
  return m;
}

bool BetterFirst(const DuplicateMatch& x, const DuplicateMatch& y) {
  if (x.score != y.score) return x.score > y.score;
  if (x.project_id != y.project_id) return x.project_id < y.project_id;
  return x.other_id < y.other_id;
}

std::vector<std::string> FoldAll(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& n : names) out.push_back(FoldNorwegian(n));
  return out;
}

}  // namespace

struct DuplicateIndex::Impl {
  DuplicateOptions options;
  std::vector<std::string> hosts_folded;
  Vocabulary vocabulary;
  std::vector<std::string> words;  // by token id
  std::vector<Fingerprint> projects;
  std::unordered_map<uint32_t, std::vector<uint32_t>> by_token;
  // "a:<acronym>" for declared acronyms, "i:<prefix>" for every initials prefix of 3+ letters,
  // "c:<contact>" for contact persons.
  std::unordered_map<std::string, std::vector<uint32_t>> by_key;

  void Post(const std::string& key, uint32_t index) {
    std::vector<uint32_t>& list = by_key[key];
    if (list.empty() || list.back() != index) list.push_back(index);
  }

  // Indexes of the projects worth scoring against `f`; `counts` is scratch space of size N
  // (zeros in, zeros out). Only indexes above `min_index` when scanning pairs once.
  std::vector<uint32_t> Candidates(const Fingerprint& f, std::vector<uint16_t>& counts,
                                   int64_t min_index) const {
    std::vector<uint32_t> touched, out;
    for (uint32_t t : f.all_tokens) {
      auto it = by_token.find(t);
      if (it == by_token.end() || it->second.size() > options.max_postings) continue;
      for (uint32_t j : it->second) {
        if (static_cast<int64_t>(j) <= min_index) continue;
        if (counts[j]++ == 0) touched.push_back(j);
      }
    }
    for (uint32_t j : touched) {
      // At least half of the smaller name's words shared.
      const size_t smaller = std::min(f.all_tokens.size(), projects[j].all_tokens.size());
      if (2 * static_cast<size_t>(counts[j]) >= smaller) out.push_back(j);
      counts[j] = 0;
    }
    auto add_key = [&](const std::string& key) {
      auto it = by_key.find(key);
      if (it == by_key.end() || it->second.size() > options.max_postings) return;
      for (uint32_t j : it->second) {
        if (static_cast<int64_t>(j) > min_index) out.push_back(j);
      }
    };
    for (const std::string& a : f.acronyms) {
      if (a.size() < kMinAcronymLength) continue;
      add_key("i:" + a);
      add_key("a:" + a);
    }
    for (const Variant& v : f.variants) {
      for (size_t len = kMinAcronymLength; len <= v.initials.size(); ++len) {
        add_key("a:" + v.initials.substr(0, len));
      }
    }
    for (const Keyed& c : f.contacts) add_key("c:" + c.key);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
};

DuplicateIndex::DuplicateIndex(DuplicateOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->hosts_folded = FoldAll(impl_->options.host_organisations);
}
DuplicateIndex::~DuplicateIndex() = default;
DuplicateIndex::DuplicateIndex(DuplicateIndex&&) noexcept = default;
DuplicateIndex& DuplicateIndex::operator=(DuplicateIndex&&) noexcept = default;

void DuplicateIndex::Add(const Project& project) {
  if (project.merged_into || project.status == ProjectStatus::kMerged) return;
  Interner interner{&impl_->vocabulary, nullptr};
  Fingerprint f = MakeFingerprint(project, interner, impl_->hosts_folded);
  impl_->words.resize(impl_->vocabulary.size());
  for (const std::string& text : NameVariants(project.name)) {
    for (const std::string& t : SignificantTokens(text)) impl_->words[impl_->vocabulary[t]] = t;
  }
  const auto index = static_cast<uint32_t>(impl_->projects.size());
  for (uint32_t t : f.all_tokens) impl_->by_token[t].push_back(index);
  for (const std::string& a : f.acronyms) impl_->Post("a:" + a, index);
  for (const Variant& v : f.variants) {
    for (size_t len = kMinAcronymLength; len <= v.initials.size(); ++len) {
      impl_->Post("i:" + v.initials.substr(0, len), index);
    }
  }
  for (const Keyed& c : f.contacts) impl_->Post("c:" + c.key, index);
  impl_->projects.push_back(std::move(f));
}

size_t DuplicateIndex::size() const { return impl_->projects.size(); }

std::vector<DuplicateMatch> DuplicateIndex::FindDuplicatesOf(const Project& candidate) const {
  Interner interner{nullptr, &impl_->vocabulary};
  const Fingerprint f = MakeFingerprint(candidate, interner, impl_->hosts_folded);
  std::vector<uint16_t> counts(impl_->projects.size(), 0);
  std::vector<DuplicateMatch> out;
  for (uint32_t j : impl_->Candidates(f, counts, -1)) {
    const Fingerprint& other = impl_->projects[j];
    if (candidate.id != 0 && other.id == candidate.id) continue;
    DuplicateMatch m = Compare(f, other, impl_->words);
    if (m.score >= impl_->options.threshold) out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), BetterFirst);
  return out;
}

std::vector<DuplicateMatch> DuplicateIndex::Scan() const {
  std::vector<uint16_t> counts(impl_->projects.size(), 0);
  std::vector<DuplicateMatch> out;
  for (size_t i = 0; i < impl_->projects.size(); ++i) {
    const Fingerprint& f = impl_->projects[i];
    for (uint32_t j : impl_->Candidates(f, counts, static_cast<int64_t>(i))) {
      DuplicateMatch m = Compare(f, impl_->projects[j], impl_->words);
      if (m.score < impl_->options.threshold) continue;
      if (m.project_id > m.other_id) {
        std::swap(m.project_id, m.other_id);
        std::swap(m.project_name, m.other_name);
      }
      out.push_back(std::move(m));
    }
  }
  std::sort(out.begin(), out.end(), BetterFirst);
  return out;
}

DuplicateMatch CompareProjects(const Project& a, const Project& b,
                               const DuplicateOptions& options) {
  Vocabulary vocabulary;
  Interner interner{&vocabulary, nullptr};
  const std::vector<std::string> hosts = FoldAll(options.host_organisations);
  Fingerprint fa = MakeFingerprint(a, interner, hosts);
  Fingerprint fb = MakeFingerprint(b, interner, hosts);
  std::vector<std::string> words(vocabulary.size());
  for (const auto& [word, id] : vocabulary) words[id] = word;
  return Compare(fa, fb, words);
}

}  // namespace samspill::portfolio
