#include "market/cardinal/indicators.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <thread>
#include <vector>

#include "common/mutex.h"
#include "market/cardinal/release.h"
#include "market/io/line_batcher.h"

namespace samspill::market::cardinal {
namespace {

// Batches travel from the reader to the workers and back, so that at most `capacity`
// batches (and their buffers) exist at once.
class BatchQueue {
 public:
  struct Item {
    std::unique_ptr<LineBatch> batch;
  };

  explicit BatchQueue(size_t capacity) {
    for (size_t i = 0; i < capacity; ++i) free_.push_back(std::make_unique<LineBatch>());
  }

  std::unique_ptr<LineBatch> TakeFree() {
    MutexLock lock(mutex_);
    while (free_.empty()) cv_.wait(mutex_);
    auto batch = std::move(free_.back());
    free_.pop_back();
    return batch;
  }
  void GiveBack(std::unique_ptr<LineBatch> batch) {
    {
      MutexLock lock(mutex_);
      free_.push_back(std::move(batch));
    }
    cv_.notify_all();
  }
  void Push(Item item) {
    {
      MutexLock lock(mutex_);
      full_.push_back(std::move(item));
    }
    cv_.notify_all();
  }
  // False once closed and drained.
  bool Pop(Item* item) {
    MutexLock lock(mutex_);
    while (full_.empty() && !closed_) cv_.wait(mutex_);
    if (full_.empty()) return false;
    *item = std::move(full_.front());
    full_.pop_front();
    return true;
  }
  void Close() {
    {
      MutexLock lock(mutex_);
      closed_ = true;
    }
    cv_.notify_all();
  }

 private:
  Mutex mutex_;
  std::condition_variable_any cv_;
  std::vector<std::unique_ptr<LineBatch>> free_ SAMSPILL_GUARDED_BY(mutex_);
  std::deque<Item> full_ SAMSPILL_GUARDED_BY(mutex_);
  bool closed_ SAMSPILL_GUARDED_BY(mutex_) = false;
};

// The chunk workers' ends: how many still run, and the first failure among them.
class Completion {
 public:
  explicit Completion(size_t running) : running_(running) {}

  void Finish(const Status& status) {
    {
      MutexLock lock(mutex_);
      if (!status.ok() && failure_.ok()) failure_ = status;
      --running_;
    }
    cv_.notify_all();
  }
  // Waits until every worker has finished, calling `tick` about every 200 ms meanwhile.
  template <typename Tick>
  void Wait(Tick tick) {
    MutexLock lock(mutex_);
    while (running_ > 0) {
      cv_.wait_for(mutex_, std::chrono::milliseconds(200));
      tick();
    }
  }
  Status failure() {
    MutexLock lock(mutex_);
    return failure_;
  }

 private:
  Mutex mutex_;
  std::condition_variable_any cv_;
  size_t running_ SAMSPILL_GUARDED_BY(mutex_);
  Status failure_ SAMSPILL_GUARDED_BY(mutex_);
};

struct Worker {
  Worker(const Settings& settings, bool maps) : accumulator(settings, maps) {}
  ReleaseReader reader;
  Accumulator accumulator;
  BadDataLog bad_data;  // of the current input
  uint64_t lines = 0;   // of the current input

  // `base`: the chunks of the inputs before this one, so that chunks number on.
  void Process(const LineBatch& batch, uint64_t base) {
    accumulator.StartBatch(base + batch.chunk);
    for (const OversizedLine& o : batch.oversized) {
      bad_data.Add(BadDataKind::kLineTooLong, o.line, "",
                   std::to_string(o.bytes) + " bytes, skipped");
    }
    const char* buffer_end = batch.buffer.data() + batch.size + kBatchPadding;
    ForEachLine(batch, [&](std::string_view line, uint64_t number, uint64_t) {
      ++lines;
      const auto readable = static_cast<size_t>(buffer_end - (line.data() + line.size()));
      if (reader.Read(line, readable, number, &bad_data) == LineKind::kRelease) {
        accumulator.Add(reader.release(), number);
      }
    });
  }
};

// Lines of chunk k are numbered (k << kChunkShift) + 1, 2, ... while the chunks are read in
// parallel: that keeps file order for the accumulators; the bad-data samples are renumbered
// from the chunks' line counts at the end. Over several inputs k counts on from the chunks of
// the earlier inputs, so later inputs' lines come later. One reader thread numbers an
// input's lines from (base << kChunkShift) + 1 on: a chunk holds at most T + 1 < 2^32 lines,
// so they stay below the next input's.
constexpr int kChunkShift = 32;

// Where a run over several inputs is.
struct Position {
  uint64_t base = 0;          // chunks of the inputs read before
  uint64_t bytes_before = 0;  // raw bytes of the inputs read before, for progress
  size_t inputs_done = 0;
  bool last = true;  // the last input: the workers sort their results when done
};

// Every worker reads its own chunks of a regular file (pread), so reading scales with the
// threads; the batches are the same as the reader thread's (LineChunks).
Status RunOverChunks(const ByteSource& source, const IndicatorsOptions& options, const Position& at,
                     std::vector<std::unique_ptr<Worker>>& workers, uint64_t* bytes) {
  const LineChunks chunks(source.positional_fd(), source.name(), source.raw_size(),
                          options.batch_bytes);
  const uint64_t count = chunks.count();
  std::vector<uint64_t> lines_in(count, 0);
  std::atomic<uint64_t> next{0};
  std::atomic<uint64_t> finished{0};
  Completion completion(workers.size());
  std::atomic<bool> failed{false};

  std::vector<std::thread> pool;
  for (const auto& w : workers) {
    pool.emplace_back([&, worker = w.get()] {
      LineBatch batch;
      Status status;
      while (status.ok() && !failed.load(std::memory_order_relaxed)) {
        const uint64_t k = next.fetch_add(1);
        if (k >= count) break;
        const uint64_t first = ((at.base + k) << kChunkShift) + 1;
        Result<std::unique_ptr<LineBatcher>> batcher = chunks.Open(k, first);
        if (!batcher.ok()) {
          status = batcher.status();
          break;
        }
        while (true) {
          Result<bool> more = (*batcher)->Next(&batch);
          if (!more.ok()) status = more.status();
          if (!more.ok() || !*more) break;
          worker->Process(batch, at.base);
        }
        lines_in[k] = (*batcher)->next_line() - first;
        finished.fetch_add(1, std::memory_order_relaxed);
      }
      if (status.ok() && at.last) worker->accumulator.SortProcesses();
      if (!status.ok()) failed = true;
      completion.Finish(status);
    });
  }
  completion.Wait([&] {
    if (options.progress) {
      const uint64_t done = std::min(chunks.size(), finished.load() * options.batch_bytes);
      options.progress(at.bytes_before + done, at.inputs_done);
    }
  });
  for (std::thread& t : pool) t.join();
  if (Status failure = completion.failure(); !failure.ok()) return failure;

  std::vector<uint64_t> before(count + 1, 0);  // lines in the chunks before chunk k
  for (uint64_t k = 0; k < count; ++k) before[k + 1] = before[k] + lines_in[k];
  for (auto& worker : workers) {
    worker->bad_data.MapLines([&](uint64_t line) {
      return before[(line >> kChunkShift) - at.base] + (line & ((uint64_t{1} << kChunkShift) - 1));
    });
  }
  *bytes = chunks.size();
  return Status::Ok();
}

// One reader thread cuts the input into batches for the workers: for what cannot be read at
// any offset (gzip, pipes, memory).
Status RunOverStream(std::unique_ptr<ByteSource> source, const IndicatorsOptions& options,
                     const Position& at, std::vector<std::unique_ptr<Worker>>& workers,
                     uint64_t* bytes, uint64_t* raw_bytes) {
  const ByteSource* raw = source.get();
  const uint64_t first_line = (at.base << kChunkShift) + 1;
  LineBatcher batcher(std::move(source), options.batch_bytes, 256u << 20, first_line);
  BatchQueue queue(workers.size() * 2 + 1);
  std::vector<std::thread> pool;
  for (const auto& w : workers) {
    pool.emplace_back([&queue, &at, worker = w.get()] {
      BatchQueue::Item item;
      while (queue.Pop(&item)) {
        worker->Process(*item.batch, at.base);
        queue.GiveBack(std::move(item.batch));
      }
      if (at.last) worker->accumulator.SortProcesses();
    });
  }

  Status status;
  while (true) {
    std::unique_ptr<LineBatch> batch = queue.TakeFree();
    Result<bool> more = batcher.Next(batch.get());
    if (!more.ok()) {
      status = more.status();
      break;
    }
    if (!*more) break;
    queue.Push({std::move(batch)});
    if (options.progress) options.progress(at.bytes_before + raw->raw_bytes_read(), at.inputs_done);
  }
  queue.Close();
  for (std::thread& t : pool) t.join();
  for (auto& worker : workers) {
    worker->bad_data.MapLines([&](uint64_t line) { return line - first_line + 1; });
  }
  *bytes = batcher.bytes_read();
  *raw_bytes = raw->raw_bytes_read();
  return status;
}

using Opener = std::function<Result<std::unique_ptr<ByteSource>>(size_t)>;

Result<IndicatorsResult> Run(size_t count, const Opener& open, const Settings& settings,
                             const IndicatorsOptions& options) {
#ifdef SAMSPILL_CARDINAL_ARCH
  if (!__builtin_cpu_is(SAMSPILL_CARDINAL_ARCH) && !__builtin_cpu_supports("avx2")) {
    return Status(StatusCode::kFailedPrecondition,
                  "this build reads JSON with " SAMSPILL_CARDINAL_ARCH
                  " instructions, which this CPU lacks; rebuild with -DSAMSPILL_CARDINAL_ARCH=");
  }
#endif
  if (options.batch_bytes == 0 || options.batch_bytes >= (uint64_t{1} << 31)) {
    return InvalidArgument("batch size must be between 1 byte and 2 GiB", "batch_bytes");
  }
  int threads = options.threads;
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < threads; ++i) {
    workers.push_back(std::make_unique<Worker>(settings, options.output.maps));
  }
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  IndicatorsResult result;
  Position at;
  for (size_t i = 0; i < count; ++i) {
    SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, open(i));
    at.last = i + 1 == count;
    InputResult input;
    input.name = source->name();
    uint64_t raw_bytes = 0;
    if (source->positional_fd() >= 0 && !options.sequential) {
      SAMSPILL_RETURN_IF_ERROR(RunOverChunks(*source, options, at, workers, &input.bytes));
      raw_bytes = input.bytes;
    } else {
      SAMSPILL_RETURN_IF_ERROR(
          RunOverStream(std::move(source), options, at, workers, &input.bytes, &raw_bytes));
    }
    for (auto& worker : workers) {
      input.bad_data.Merge(worker->bad_data);
      input.lines += worker->lines;
      worker->bad_data = BadDataLog();
      worker->lines = 0;
    }
    result.bad_data.Merge(input.bad_data);
    result.lines += input.lines;
    result.bytes += input.bytes;
    // Every chunk the input had, and one for an empty input, so the next input's are later.
    at.base += std::max<uint64_t>(1, (input.bytes + options.batch_bytes - 1) / options.batch_bytes);
    at.bytes_before += raw_bytes;
    at.inputs_done = i + 1;
    if (options.progress) options.progress(at.bytes_before, at.inputs_done);
    result.inputs.push_back(std::move(input));
  }

  const auto read = Clock::now();
  Accumulator& total = workers[0]->accumulator;
  for (size_t i = 1; i < workers.size(); ++i) total.Merge(std::move(workers[i]->accumulator));
  const auto merged = Clock::now();
  result.releases = total.releases();
  result.currency_mismatches = total.currency_mismatches();
  result.json = total.Finish(options.output);
  const auto written = Clock::now();
  result.seconds_reading = std::chrono::duration<double>(read - started).count();
  result.seconds_merging = std::chrono::duration<double>(merged - read).count();
  result.seconds_writing = std::chrono::duration<double>(written - merged).count();
  return result;
}

}  // namespace

Result<IndicatorsResult> RunIndicators(std::unique_ptr<ByteSource> source, const Settings& settings,
                                       const IndicatorsOptions& options) {
  return Run(
      1,
      [&](size_t) -> Result<std::unique_ptr<ByteSource>> {
        if (!source) return Internal("the input was read already");
        return std::move(source);
      },
      settings, options);
}

Result<IndicatorsResult> RunIndicatorsOverFiles(const std::vector<std::string>& paths,
                                                const Settings& settings,
                                                const IndicatorsOptions& options) {
  return Run(
      paths.size(), [&](size_t i) { return OpenByteSource(paths[i]); }, settings, options);
}

}  // namespace samspill::market::cardinal
