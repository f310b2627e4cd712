#include "market/io/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace samspill::market {
namespace {

// A file descriptor: a regular file, or stdin (which may be a pipe).
class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owned, std::string name, uint64_t size, bool regular)
      : fd_(fd), owned_(owned), name_(std::move(name)), size_(size), regular_(regular) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;

  Result<size_t> Read(char* out, size_t n) override {
    while (true) {
      ssize_t got = ::read(fd_, out, n);
      if (got >= 0) {
        read_ += static_cast<uint64_t>(got);
        return static_cast<size_t>(got);
      }
      if (errno == EINTR) continue;
      return Unavailable("cannot read " + name_ + " at byte " + std::to_string(read_) + ": " +
                         std::strerror(errno));
    }
  }
  const std::string& name() const override { return name_; }
  uint64_t raw_bytes_read() const override { return read_; }
  uint64_t raw_size() const override { return size_; }
  int positional_fd() const override { return regular_ ? fd_ : -1; }

 private:
  int fd_;
  bool owned_;
  std::string name_;
  uint64_t size_;
  bool regular_;
  uint64_t read_ = 0;
};

class MemorySource final : public ByteSource {
 public:
  MemorySource(std::string data, std::string name)
      : data_(std::move(data)), name_(std::move(name)) {}
  Result<size_t> Read(char* out, size_t n) override {
    size_t take = std::min(n, data_.size() - pos_);
    std::memcpy(out, data_.data() + pos_, take);
    pos_ += take;
    return take;
  }
  const std::string& name() const override { return name_; }
  uint64_t raw_bytes_read() const override { return pos_; }
  uint64_t raw_size() const override { return data_.size(); }

 private:
  std::string data_;
  std::string name_;
  size_t pos_ = 0;
};

// Gives back the bytes read to detect the format before reading on from the inner source.
class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> inner)
      : prefix_(std::move(prefix)),
        inner_(std::move(inner)),
        // The prefix is all that was read of a file: the whole is still the file's bytes.
        positional_(inner_->positional_fd() >= 0 && inner_->raw_bytes_read() == prefix_.size()) {}
  Result<size_t> Read(char* out, size_t n) override {
    if (pos_ < prefix_.size()) {
      size_t take = std::min(n, prefix_.size() - pos_);
      std::memcpy(out, prefix_.data() + pos_, take);
      pos_ += take;
      return take;
    }
    return inner_->Read(out, n);
  }
  const std::string& name() const override { return inner_->name(); }
  uint64_t raw_bytes_read() const override { return inner_->raw_bytes_read(); }
  uint64_t raw_size() const override { return inner_->raw_size(); }
  int positional_fd() const override { return positional_ ? inner_->positional_fd() : -1; }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> inner_;
  bool positional_;
};

// Inflates gzip members one after the other until the compressed input ends.
class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> inner)
      : inner_(std::move(inner)), in_(kInputChunk) {
    std::memset(&stream_, 0, sizeof(stream_));
    // 16 + MAX_WBITS: gzip wrapper only.
    ok_ = inflateInit2(&stream_, 16 + MAX_WBITS) == Z_OK;
  }
  ~GzipSource() override { inflateEnd(&stream_); }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Result<size_t> Read(char* out, size_t n) override {
    if (!ok_) return Internal("cannot start gzip decompression of " + name());
    if (n == 0) return size_t{0};
    stream_.next_out = reinterpret_cast<Bytef*>(out);
    stream_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    while (stream_.avail_out > 0) {
      if (stream_.avail_in == 0 && !input_done_) {
        SAMSPILL_ASSIGN_OR_RETURN(size_t got, inner_->Read(in_.data(), in_.size()));
        if (got == 0) {
          input_done_ = true;
        } else {
          stream_.next_in = reinterpret_cast<Bytef*>(in_.data());
          stream_.avail_in = static_cast<uInt>(got);
        }
      }
      if (stream_.avail_in == 0 && input_done_) {
        if (member_started_) {
          return InvalidArgument(name() +
                                 " ends in the middle of gzip data (the file is "
                                 "truncated) after " +
                                 std::to_string(stream_.total_out) + " decompressed bytes");
        }
        break;
      }
      member_started_ = true;
      int rc = inflate(&stream_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        member_started_ = false;
        // Another member may follow (concatenated .gz files).
        inflateReset(&stream_);
        continue;
      }
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return InvalidArgument("corrupt gzip data in " + name() + " near compressed byte " +
                               std::to_string(inner_->raw_bytes_read()) + ": " +
                               (stream_.msg ? stream_.msg : "inflate failed"));
      }
    }
    return n - stream_.avail_out;
  }
  const std::string& name() const override { return inner_->name(); }
  uint64_t raw_bytes_read() const override { return inner_->raw_bytes_read(); }
  uint64_t raw_size() const override { return inner_->raw_size(); }

 private:
  static constexpr size_t kInputChunk = 256 * 1024;
  std::unique_ptr<ByteSource> inner_;
  std::vector<char> in_;
  z_stream stream_;
  bool ok_ = false;
  bool input_done_ = false;
  bool member_started_ = false;
};

// Reads the first two bytes; wraps the source in a decompressor when they are gzip's magic.
Result<std::unique_ptr<ByteSource>> Detect(std::unique_ptr<ByteSource> raw) {
  char head[2];
  size_t have = 0;
  while (have < sizeof(head)) {
    SAMSPILL_ASSIGN_OR_RETURN(size_t got, raw->Read(head + have, sizeof(head) - have));
    if (got == 0) break;
    have += got;
  }
  const bool gzip = have == 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
                    static_cast<unsigned char>(head[1]) == 0x8b;
  std::unique_ptr<ByteSource> source =
      std::make_unique<PrefixedSource>(std::string(head, have), std::move(raw));
  if (gzip) return std::unique_ptr<ByteSource>(std::make_unique<GzipSource>(std::move(source)));
  return source;
}

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path) {
  if (path.empty()) return InvalidArgument("no input file given (use - for stdin)", "file");
  if (path == "-") {
    return Detect(std::make_unique<FdSource>(STDIN_FILENO, false, "-", 0, false));
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    std::string message = "cannot open " + path + ": " + std::strerror(err);
    if (err == ENOENT) return NotFound(message);
    return InvalidArgument(message, "file");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd);
    return InvalidArgument(path + " is a directory, not a file", "file");
  }
  const uint64_t size = S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return Detect(std::make_unique<FdSource>(fd, true, path, size, S_ISREG(st.st_mode)));
}

std::unique_ptr<ByteSource> PrefixedByteSource(std::string prefix,
                                               std::unique_ptr<ByteSource> inner) {
  return std::make_unique<PrefixedSource>(std::move(prefix), std::move(inner));
}

std::unique_ptr<ByteSource> MemoryByteSource(std::string data, std::string name) {
  // Reading from memory cannot fail, and Detect only reads.
  return std::move(Detect(std::make_unique<MemorySource>(std::move(data), std::move(name))))
      .value();
}

}  // namespace samspill::market
