// The portfolio's full duplicate scan over 100 000 generated projects: building the blocking
// indexes and scoring the candidates (BM_FullDuplicateScan), against the normalisation pass
// alone (BM_NormaliseNamesBaseline) measured in the same run. The generated register holds 1 000
// planted duplicates (an acronym for a spelt-out name, or a re-cased name with the same unit);
// the scan must find every one of them, or the benchmark fails.
#include <benchmark/benchmark.h>

#include <random>
#include <set>

#include "portfolio/duplicate_finder.h"
#include "portfolio/text_normalise.h"

namespace samspill::portfolio {
namespace {

constexpr size_t kProjects = 100'000;
constexpr size_t kPlanted = 1'000;

std::string Word(std::mt19937& rng) {
  static const char* kSyllables[] = {"ka",  "ri", "no", "ve",  "sto", "lu",  "mar", "hel",  "tro",
                                     "dal", "bæ", "sø", "fjo", "ren", "vik", "kå",  "gard", "li"};
  std::uniform_int_distribution<int> n(2, 4), s(0, 17);
  std::string w;
  for (int i = n(rng); i > 0; --i) w += kSyllables[s(rng)];
  return w;
}

struct Register {
  std::vector<Project> projects;
  std::set<std::pair<int64_t, int64_t>> planted;
};

const Register& Generated() {
  static const Register kRegister = [] {
    Register r;
    std::mt19937 rng(2025);
    std::vector<std::string> vocabulary;
    for (int i = 0; i < 20000; ++i) vocabulary.push_back(Word(rng));
    std::uniform_int_distribution<size_t> word(0, vocabulary.size() - 1), unit(0, 499),
        person(0, 49999), len(3, 6), year(2018, 2025);
    const std::vector<std::string> areas = {"Helse og velferd", "Oppvekst og utdanning",
                                            "Byutvikling og kultur", "Innovasjon og omstilling"};
    for (size_t i = 0; i < kProjects - kPlanted; ++i) {
      Project p;
      p.id = static_cast<int64_t>(i + 1);
      for (size_t k = len(rng); k > 0; --k) {
        std::string w = vocabulary[word(rng)];
        w[0] = static_cast<char>(w[0] - 32 * (w[0] >= 'a' && w[0] <= 'z'));
        p.name += (p.name.empty() ? "" : " ") + w;
      }
      p.area = areas[i % areas.size()];
      p.kind = static_cast<ProjectKind>(1 + i % 4);
      p.partners = {{"NTNU", "Institutt " + std::to_string(unit(rng))},
                    {"Trondheim kommune", "Enhet " + std::to_string(unit(rng))}};
      p.contacts = {{"Person " + std::to_string(person(rng)), "", "", ""}};
      const int y = static_cast<int>(year(rng));
      p.start = Date{y, 1, 1};
      p.end = Date{y + 3, 12, 31};
      r.projects.push_back(std::move(p));
    }
    for (size_t i = 0; i < kPlanted; ++i) {
      const Project& original = r.projects[i * 97];
      Project copy = original;
      copy.id = static_cast<int64_t>(r.projects.size() + 1);
      if (i % 2 == 0) {
        copy.name = Initials(original.name);  // "FIF" for "Fasiliterende …"
        for (char& c : copy.name) c = static_cast<char>(c - 32 * (c >= 'a' && c <= 'z'));
      } else {
        copy.name = FoldNorwegian(original.name) + "!";
        copy.contacts.clear();
      }
      r.planted.insert({original.id, copy.id});
      r.projects.push_back(std::move(copy));
    }
    return r;
  }();
  return kRegister;
}

void BM_NormaliseNamesBaseline(benchmark::State& state) {
  const Register& r = Generated();
  for (auto _ : state) {
    size_t tokens = 0;
    for (const Project& p : r.projects) {
      for (const std::string& v : NameVariants(p.name)) {
        tokens += SignificantTokens(v).size() + Initials(v).size();
      }
    }
    benchmark::DoNotOptimize(tokens);
  }
  state.counters["projects"] = static_cast<double>(r.projects.size());
}
BENCHMARK(BM_NormaliseNamesBaseline)->Unit(benchmark::kMillisecond);

void BM_FullDuplicateScan(benchmark::State& state) {
  const Register& r = Generated();
  size_t found = 0, pairs = 0;
  for (auto _ : state) {
    DuplicateIndex index;
    for (const Project& p : r.projects) index.Add(p);
    const std::vector<DuplicateMatch> matches = index.Scan();
    pairs = matches.size();
    found = 0;
    for (const DuplicateMatch& m : matches) found += r.planted.count({m.project_id, m.other_id});
    benchmark::DoNotOptimize(pairs);
  }
  if (found != r.planted.size()) {
    state.SkipWithError("the scan missed planted duplicates");
    return;
  }
  state.counters["projects"] = static_cast<double>(r.projects.size());
  state.counters["pairs_reported"] = static_cast<double>(pairs);
  state.counters["planted_found"] = static_cast<double>(found);
}
BENCHMARK(BM_FullDuplicateScan)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace samspill::portfolio

int main(int argc, char** argv) {
  benchmark::AddCustomContext("samspill_commit", SAMSPILL_BENCH_COMMIT);
  benchmark::AddCustomContext("samspill_build_type", SAMSPILL_BENCH_BUILD_TYPE);
  benchmark::AddCustomContext("register", "100000 generated projects, 1000 planted duplicates");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
