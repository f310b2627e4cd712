// Makes large, realistic JSON Lines files of compiled releases for the indicators benchmark
// by replaying the project's real and synthetic files: each copy gets a new ocid and new
// release/bid/award/contract ids, dates shifted by whole days, amounts scaled, and its
// organisations spread over a few variants so that per-organisation indicators see growing
// populations. Deterministic for a given seed.
//
//   generate_releases --count 200000 --seed 1 --out /tmp/releases-200k.jsonl
//     [--shared ../shared] [--real-every 50]
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "common/time.h"
#include "market/io/byte_source.h"
#include "market/io/line_batcher.h"

namespace {

using nlohmann::json;

// Shifts a value starting with YYYY-MM-DD by `days`; anything else is left alone.
void ShiftDate(std::string* s, int days) {
  if (s->size() < 10 || (*s)[4] != '-' || (*s)[7] != '-') return;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if ((*s)[i] < '0' || (*s)[i] > '9') return;
  }
  const int y = std::stoi(s->substr(0, 4)), m = std::stoi(s->substr(5, 2)),
            d = std::stoi(s->substr(8, 2));
  s->replace(0, 10, samspill::Date{y, m, d}.AddDays(days).ToIso());
}

struct Copy {
  uint64_t index;
  int shift_days;
  double scale;
  int org_variant;
};

bool IsOrgContext(const std::string& key) {
  return key == "parties" || key == "buyer" || key == "procuringEntity" || key == "tenderers" ||
         key == "suppliers" || key == "payee" || key == "payer";
}

void Transform(json& v, const Copy& c, bool in_org, const std::string& key) {
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string& k = it.key();
      json& child = it.value();
      if (k == "id" && in_org && child.is_string() && c.org_variant > 0) {
        child = child.get<std::string>() + "-v" + std::to_string(c.org_variant);
      } else if (k == "id" && !in_org && child.is_string() && key != "classification" &&
                 key != "items") {
        child = child.get<std::string>() + "-g" + std::to_string(c.index);
      } else if (k == "awardID" && child.is_string()) {
        child = child.get<std::string>() + "-g" + std::to_string(c.index);
      } else if (k == "amount" && child.is_number()) {
        child = std::round(child.get<double>() * c.scale * 100.0) / 100.0;
      } else if (child.is_string() && (k == "date" || k.ends_with("Date"))) {
        std::string s = child.get<std::string>();
        ShiftDate(&s, c.shift_days);
        child = s;
      } else {
        Transform(child, c, in_org || IsOrgContext(k), k);
      }
    }
  } else if (v.is_array()) {
    for (json& e : v) Transform(e, c, in_org, key);
  }
}

std::vector<json> Load(const std::string& path) {
  std::vector<json> out;
  auto source = samspill::market::OpenByteSource(path);
  if (!source.ok()) {
    std::fprintf(stderr, "%s\n", source.status().ToString().c_str());
    std::exit(66);
  }
  samspill::market::LineBatcher batcher(std::move(*source));
  samspill::market::LineBatch batch;
  while (true) {
    auto more = batcher.Next(&batch);
    if (!more.ok() || !*more) break;
    samspill::market::ForEachLine(batch, [&](std::string_view line, uint64_t, uint64_t) {
      json j = json::parse(line, nullptr, false);
      if (j.is_object()) out.push_back(std::move(j));
    });
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t count = 200000, seed = 1, real_every = 50;
  std::string out_path = "-", shared = SAMSPILL_SHARED_DIR;
  CLI::App app(
      "Writes a large file of compiled OCDS releases (JSON Lines) for the indicators benchmark, "
      "by replaying the project's synthetic and real releases with new ocids and ids, shifted "
      "dates, scaled amounts and organisation id variants. The same seed gives the same bytes.");
  app.add_option("--count", count, "Number of releases")->check(CLI::Range(1ull, 100000000ull));
  app.add_option("--seed", seed, "Random seed");
  app.add_option("--out", out_path, "Output file, - for standard output");
  app.add_option("--shared", shared, "The shared data folder");
  app.add_option("--real-every", real_every, "Every Nth release is a real one (0: none)");
  CLI11_PARSE(app, argc, argv);
  const std::string dir = shared + "/data/ocds/cardinal/";
  const std::vector<json> synthetic = Load(dir + "synthetic-5k.jsonl.gz");
  const std::vector<json> real = Load(dir + "real-compiled.jsonl");
  if (synthetic.empty() || real.empty()) {
    std::fprintf(stderr, "no releases to replay under %s\n", dir.c_str());
    return 66;
  }
  std::FILE* out = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
  if (!out) {
    std::fprintf(stderr, "cannot write %s: %s\n", out_path.c_str(), std::strerror(errno));
    return 73;
  }
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> shift(-730, 730);
  std::uniform_real_distribution<double> scale(0.5, 2.0);
  std::uniform_int_distribution<int> variant(0, 3);
  uint64_t bytes = 0;
  for (uint64_t i = 0; i < count; ++i) {
    const bool use_real = real_every > 0 && i % real_every == real_every - 1;
    const json& base =
        use_real ? real[(i / real_every) % real.size()] : synthetic[i % synthetic.size()];
    Copy c{i, shift(rng), scale(rng), variant(rng)};
    json release = base;
    Transform(release, c, false, "");
    char ocid[64];
    std::snprintf(ocid, sizeof ocid, "ocds-gen%" PRIu64 "-%09" PRIu64, seed, i);
    release["ocid"] = ocid;
    const std::string line = release.dump(-1, ' ', false, json::error_handler_t::replace);
    std::fwrite(line.data(), 1, line.size(), out);
    std::fputc('\n', out);
    bytes += line.size() + 1;
  }
  if (out != stdout) std::fclose(out);
  std::fprintf(stderr, "wrote %" PRIu64 " releases, %.1f MB\n", count, bytes / 1e6);
  return 0;
}
