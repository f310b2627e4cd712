#include "market/cardinal/indicators.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

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
    uint64_t index = 0;
  };

  explicit BatchQueue(size_t capacity) {
    for (size_t i = 0; i < capacity; ++i) free_.push_back(std::make_unique<LineBatch>());
  }

  std::unique_ptr<LineBatch> TakeFree() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    auto batch = std::move(free_.back());
    free_.pop_back();
    return batch;
  }
  void GiveBack(std::unique_ptr<LineBatch> batch) {
    {
      std::lock_guard lock(mutex_);
      free_.push_back(std::move(batch));
    }
    cv_.notify_all();
  }
  void Push(Item item) {
    {
      std::lock_guard lock(mutex_);
      full_.push_back(std::move(item));
    }
    cv_.notify_all();
  }
  // False once closed and drained.
  bool Pop(Item* item) {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return !full_.empty() || closed_; });
    if (full_.empty()) return false;
    *item = std::move(full_.front());
    full_.pop_front();
    return true;
  }
  void Close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    cv_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<LineBatch>> free_;
  std::deque<Item> full_;
  bool closed_ = false;
};

struct Worker {
  Worker(const Settings& settings, bool maps) : accumulator(settings, maps) {}
  ReleaseReader reader;
  Accumulator accumulator;
  BadDataLog bad_data;
  uint64_t lines = 0;

  void Process(const LineBatch& batch, uint64_t index) {
    accumulator.StartBatch(index);
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
  int threads = options.threads;
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const ByteSource* raw = source.get();
  LineBatcher batcher(std::move(source), options.batch_bytes);
  BatchQueue queue(static_cast<size_t>(threads) * 2 + 1);

  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < threads; ++i) {
    workers.push_back(std::make_unique<Worker>(settings, options.output.maps));
  }
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) {
    pool.emplace_back([&queue, worker = workers[i].get()] {
      BatchQueue::Item item;
      while (queue.Pop(&item)) {
        worker->Process(*item.batch, item.index);
        queue.GiveBack(std::move(item.batch));
      }
    });
  }

  Status status;
  uint64_t index = 0;
  uint64_t next_progress = 64u << 20;
  while (true) {
    std::unique_ptr<LineBatch> batch = queue.TakeFree();
    Result<bool> more = batcher.Next(batch.get());
    if (!more.ok()) {
      status = more.status();
      break;
    }
    if (!*more) break;
    queue.Push({std::move(batch), index++});
    if (options.progress && raw->raw_bytes_read() >= next_progress) {
      options.progress(raw->raw_bytes_read(), raw->raw_size());
      next_progress = raw->raw_bytes_read() + (64u << 20);
    }
  }
  queue.Close();
  for (std::thread& t : pool) t.join();
  if (!status.ok()) return status;

  IndicatorsResult result;
  Accumulator& total = workers[0]->accumulator;
  for (size_t i = 0; i < workers.size(); ++i) {
    if (i > 0) total.Merge(std::move(workers[i]->accumulator));
    result.bad_data.Merge(workers[i]->bad_data);
    result.lines += workers[i]->lines;
  }
  result.bytes = batcher.bytes_read();
  result.releases = total.releases();
  result.currency_mismatches = total.currency_mismatches();
  result.json = total.Finish(options.output);
  return result;
}

}  // namespace samspill::market::cardinal
