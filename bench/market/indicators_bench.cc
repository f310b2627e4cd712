// Whole-file benchmark of `market indicators`: all 11 indicators over a JSON Lines file,
// beside a raw simdjson parse of the same bytes (DOM, every value, the same line batches and
// threads) as the baseline of the same run. Each configuration runs in a child process so
// that its peak memory (getrusage ru_maxrss) is its own. Every thread reads its own chunks of
// the file; "one reader" is the same run with a single reader thread cutting batches for the
// workers (the path for gzip and pipes). Checked answer: the indicators' output must be
// identical for every thread count and both readers.
//
//   indicators_bench FILE [--settings INI] [--threads 1,2] [--repeat 3]
#include <simdjson.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "market/cardinal/cardinal.h"
#include "market/io/line_batcher.h"

namespace {

using namespace samspill::market;

struct Figures {
  double seconds = 0;
  uint64_t lines = 0;
  uint64_t bytes = 0;
  uint64_t output_hash = 0;
  long max_rss_kib = 0;
  double cpu_seconds = 0;                        // user + system, all threads
  double reading = 0, merging = 0, writing = 0;  // the indicators' phases (wall)
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

// Baseline: every line parsed completely with simdjson's DOM parser, one parser per thread,
// each thread reading its own chunks of the file as the indicators do (LineChunks).
Figures RawParse(const std::string& path, int threads) {
  Figures f;
  auto source = OpenByteSource(path);
  if (!source.ok() || (*source)->positional_fd() < 0) std::exit(66);
  const LineChunks chunks((*source)->positional_fd(), path, (*source)->raw_size());
  std::atomic<uint64_t> next{0};
  std::vector<uint64_t> lines(threads, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      simdjson::dom::parser parser;
      LineBatch batch;
      for (uint64_t k = next++; k < chunks.count(); k = next++) {
        auto batcher = chunks.Open(k, 1);
        if (!batcher.ok()) std::exit(74);
        while (true) {
          auto more = (*batcher)->Next(&batch);
          if (!more.ok()) std::exit(74);
          if (!*more) break;
          ForEachLine(batch, [&](std::string_view line, uint64_t, uint64_t) {
            simdjson::dom::element e;
            if (!parser.parse(line.data(), line.size(), false).get(e)) ++lines[t];
          });
        }
      }
    });
  }
  for (auto& t : pool) t.join();
  for (uint64_t l : lines) f.lines += l;
  f.bytes = chunks.size();
  return f;
}

Figures Indicators(const std::string& path, const std::string& ini, int threads, bool one_reader) {
  Figures f;
  auto settings = cardinal::ParseSettings(ini);
  auto source = OpenByteSource(path);
  if (!settings.ok() || !source.ok()) std::exit(65);
  cardinal::IndicatorsOptions options;
  options.threads = threads;
  options.sequential = one_reader;
  auto result = cardinal::RunIndicators(std::move(*source), *settings, options);
  if (!result.ok()) {
    std::fprintf(stderr, "%s\n", result.status().ToString().c_str());
    std::exit(70);
  }
  f.lines = result->lines;
  f.bytes = result->bytes;
  f.output_hash = std::hash<std::string>{}(result->json);
  f.reading = result->seconds_reading;
  f.merging = result->seconds_merging;
  f.writing = result->seconds_writing;
  return f;
}

// Runs `fn` in a child process and returns its figures, with the child's peak RSS.
Figures InChild(const std::function<Figures()>& fn) {
  int fds[2];
  if (pipe(fds) != 0) std::exit(71);
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const auto start = std::chrono::steady_clock::now();
    Figures f = fn();
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    f.max_rss_kib = usage.ru_maxrss;
    f.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
                    usage.ru_stime.tv_usec / 1e6;
    if (write(fds[1], &f, sizeof f) != sizeof f) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  Figures f;
  if (read(fds[0], &f, sizeof f) != sizeof f) std::exit(70);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return f;
}

void Print(const char* what, int threads, const Figures& f) {
  std::printf(
      "%-20s threads=%d  %6.2f s  %8.0f releases/s  %6.1f MB/s  peak %6.1f MiB  cpu %6.2f s\n",
      what, threads, f.seconds, f.lines / f.seconds, f.bytes / 1e6 / f.seconds,
      f.max_rss_kib / 1024.0, f.cpu_seconds);
  if (f.reading > 0) {
    std::printf("%-20s   read+fold %.2f s, merge %.2f s, write %.2f s\n", "", f.reading, f.merging,
                f.writing);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  std::string ini_path = std::string(SAMSPILL_SHARED_DIR) + "/data/ocds/cardinal/settings-all.ini";
  std::vector<int> thread_counts = {1, 2};
  int repeat = 3;
  CLI::App app(
      "Runs all 11 red-flag indicators over FILE and, as the baseline, a full simdjson DOM parse "
      "of the same lines, and prints wall time, releases/s, MB/s, peak memory and CPU time for "
      "each thread count (best of --repeat runs, each in its own process).");
  app.add_option("FILE", path, "Compiled releases, JSON Lines")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--settings", ini_path, "cardinal settings file")->check(CLI::ExistingFile);
  app.add_option("--threads", thread_counts, "Thread counts to measure")
      ->delimiter(',')
      ->check(CLI::Range(1, 256));
  app.add_option("--repeat", repeat, "Runs per figure; the best is kept")
      ->check(CLI::Range(1, 100));
  CLI11_PARSE(app, argc, argv);
  const std::string ini = ReadFile(ini_path);
  std::printf("indicators_bench  commit %s  build %s  cpu %s  %u hardware threads\n",
              SAMSPILL_BENCH_COMMIT, SAMSPILL_BENCH_BUILD_TYPE, CpuModel().c_str(),
              std::thread::hardware_concurrency());
  std::printf("input %s, settings %s; best of %d runs each\n", path.c_str(), ini_path.c_str(),
              repeat);
  uint64_t reference_hash = 0;
  bool answers_agree = true;
  for (int threads : thread_counts) {
    Figures best_raw, best, best_one_reader;
    for (int r = 0; r < repeat; ++r) {
      Figures raw = InChild([&] { return RawParse(path, threads); });
      if (r == 0 || raw.seconds < best_raw.seconds) best_raw = raw;
      Figures f = InChild([&] { return Indicators(path, ini, threads, false); });
      if (r == 0 || f.seconds < best.seconds) best = f;
      Figures g = InChild([&] { return Indicators(path, ini, threads, true); });
      if (r == 0 || g.seconds < best_one_reader.seconds) best_one_reader = g;
      if (reference_hash == 0) reference_hash = f.output_hash;
      answers_agree =
          answers_agree && f.output_hash == reference_hash && g.output_hash == reference_hash;
    }
    Print("simdjson DOM parse", threads, best_raw);
    Print("indicators (all 11)", threads, best);
    Print("  ... one reader", threads, best_one_reader);
  }
  std::printf("checked answer: output identical across thread counts and readers: %s\n",
              answers_agree ? "yes" : "NO");
  return answers_agree ? 0 : 1;
}
