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
  BadDataLog bad_data;
  uint64_t lines = 0;

  void Process(const LineBatch& batch) {
    accumulator.StartBatch(batch.chunk);
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
// from the chunks' line counts at the end.
constexpr int kChunkShift = 32;

// Every worker reads its own chunks of a regular file (pread), so reading scales with the
// threads; the batches are the same as the reader thread's (LineChunks).
Status RunOverChunks(const ByteSource& source, const IndicatorsOptions& options,
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
        const uint64_t first = (k << kChunkShift) + 1;
        Result<std::unique_ptr<LineBatcher>> batcher = chunks.Open(k, first);
        if (!batcher.ok()) {
          status = batcher.status();
          break;
        }
        while (true) {
          Result<bool> more = (*batcher)->Next(&batch);
          if (!more.ok()) status = more.status();
          if (!more.ok() || !*more) break;
          worker->Process(batch);
        }
        lines_in[k] = (*batcher)->next_line() - first;
        finished.fetch_add(1, std::memory_order_relaxed);
      }
      if (status.ok()) worker->accumulator.SortProcesses();
      if (!status.ok()) failed = true;
      completion.Finish(status);
    });
  }
  uint64_t next_progress = 64u << 20;
  completion.Wait([&] {
    const uint64_t done = std::min(chunks.size(), finished.load() * options.batch_bytes);
    if (options.progress && done >= next_progress) {
      options.progress(done, chunks.size());
      next_progress = done + (64u << 20);
    }
  });
  for (std::thread& t : pool) t.join();
  if (Status failure = completion.failure(); !failure.ok()) return failure;

  std::vector<uint64_t> before(count + 1, 0);  // lines in the chunks before chunk k
  for (uint64_t k = 0; k < count; ++k) before[k + 1] = before[k] + lines_in[k];
  for (auto& worker : workers) {
    worker->bad_data.MapLines([&](uint64_t line) {
      return before[line >> kChunkShift] + (line & ((uint64_t{1} << kChunkShift) - 1));
    });
  }
  *bytes = chunks.size();
  return Status::Ok();
}

// One reader thread cuts the input into batches for the workers: for what cannot be read at
// any offset (gzip, pipes, memory).
Status RunOverStream(std::unique_ptr<ByteSource> source, const IndicatorsOptions& options,
                     std::vector<std::unique_ptr<Worker>>& workers, uint64_t* bytes) {
  const ByteSource* raw = source.get();
  LineBatcher batcher(std::move(source), options.batch_bytes);
  BatchQueue queue(workers.size() * 2 + 1);
  std::vector<std::thread> pool;
  for (const auto& w : workers) {
    pool.emplace_back([&queue, worker = w.get()] {
      BatchQueue::Item item;
      while (queue.Pop(&item)) {
        worker->Process(*item.batch);
        queue.GiveBack(std::move(item.batch));
      }
      worker->accumulator.SortProcesses();
    });
  }

  Status status;
  uint64_t next_progress = 64u << 20;
  while (true) {
    std::unique_ptr<LineBatch> batch = queue.TakeFree();
    Result<bool> more = batcher.Next(batch.get());
    if (!more.ok()) {
      status = more.status();
      break;
    }
    if (!*more) break;
    queue.Push({std::move(batch)});
    if (options.progress && raw->raw_bytes_read() >= next_progress) {
      options.progress(raw->raw_bytes_read(), raw->raw_size());
      next_progress = raw->raw_bytes_read() + (64u << 20);
    }
  }
  queue.Close();
  for (std::thread& t : pool) t.join();
  *bytes = batcher.bytes_read();
  return status;
}

}  // namespace

Result<IndicatorsResult> RunIndicators(std::unique_ptr<ByteSource> source, const Settings& settings,
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
  uint64_t bytes = 0;
  if (source->positional_fd() >= 0 && !options.sequential) {
    SAMSPILL_RETURN_IF_ERROR(RunOverChunks(*source, options, workers, &bytes));
  } else {
    SAMSPILL_RETURN_IF_ERROR(RunOverStream(std::move(source), options, workers, &bytes));
  }

  IndicatorsResult result;
  const auto read = Clock::now();
  Accumulator& total = workers[0]->accumulator;
  for (size_t i = 0; i < workers.size(); ++i) {
    if (i > 0) total.Merge(std::move(workers[i]->accumulator));
    result.bad_data.Merge(workers[i]->bad_data);
    result.lines += workers[i]->lines;
  }
  const auto merged = Clock::now();
  result.bytes = bytes;
  result.releases = total.releases();
  result.currency_mismatches = total.currency_mismatches();
  result.json = total.Finish(options.output);
  const auto written = Clock::now();
  result.seconds_reading = std::chrono::duration<double>(read - started).count();
  result.seconds_merging = std::chrono::duration<double>(merged - read).count();
  result.seconds_writing = std::chrono::duration<double>(written - merged).count();
  return result;
}

}  // namespace samspill::market::cardinal
