#include "market/io/byte_source.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace samspill::market {
namespace {

std::string Gzip(const std::string& text) {
  z_stream s{};
  EXPECT_EQ(deflateInit2(&s, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&s, text.size()) + 32, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  s.avail_in = static_cast<uInt>(text.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&s, Z_FINISH), Z_STREAM_END);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

std::string ReadAll(ByteSource& source, size_t chunk = 7) {
  std::string out;
  std::string buf(chunk, '\0');
  while (true) {
    Result<size_t> got = source.Read(buf.data(), buf.size());
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    if (!got.ok() || *got == 0) break;
    out.append(buf, 0, *got);
  }
  return out;
}

TEST(ByteSource, PlainBytesPassThroughInSmallReads) {
  auto source = MemoryByteSource("{\"ocid\":\"a\"}\n", "mem");
  EXPECT_EQ(ReadAll(*source), "{\"ocid\":\"a\"}\n");
  EXPECT_EQ(source->name(), "mem");
}

TEST(ByteSource, EmptyAndOneByteInputsAreNotMistakenForGzip) {
  EXPECT_EQ(ReadAll(*MemoryByteSource("", "e")), "");
  EXPECT_EQ(ReadAll(*MemoryByteSource("\x1f", "one")), "\x1f");
}

TEST(ByteSource, GzipIsDetectedByMagicBytesAndConcatenatedMembersAreRead) {
  std::string text(100000, 'x');
  for (size_t i = 0; i < text.size(); i += 97) text[i] = '\n';
  auto one = MemoryByteSource(Gzip(text), "data.jsonl");  // no .gz in the name
  EXPECT_EQ(ReadAll(*one, 4096), text);
  auto two = MemoryByteSource(Gzip("first\n") + Gzip("second\n"), "cat.gz");
  EXPECT_EQ(ReadAll(*two), "first\nsecond\n");
}

TEST(ByteSource, TruncatedAndCorruptGzipAreErrorsThatNameTheInput) {
  std::string packed = Gzip(std::string(50000, 'a') + "\n");
  auto truncated = MemoryByteSource(packed.substr(0, packed.size() / 2), "cut.gz");
  std::string buf(1 << 20, '\0');
  Status status;
  while (true) {
    Result<size_t> got = truncated->Read(buf.data(), buf.size());
    if (!got.ok()) {
      status = got.status();
      break;
    }
    ASSERT_GT(*got, 0u) << "a truncated gzip file must not end quietly";
  }
  EXPECT_NE(status.message().find("cut.gz"), std::string::npos) << status.ToString();
  EXPECT_NE(status.message().find("truncated"), std::string::npos) << status.ToString();

  std::string corrupt = packed;
  for (size_t i = 12; i < 40; ++i) corrupt[i] = static_cast<char>(0xff);
  auto bad = MemoryByteSource(corrupt, "bad.gz");
  Result<size_t> got = bad->Read(buf.data(), buf.size());
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("bad.gz"), std::string::npos);
}

TEST(ByteSource, FilesAreOpenedAndMissingFilesNamed) {
  auto path = std::filesystem::temp_directory_path() / "samspill_byte_source_test.jsonl.gz";
  {
    std::ofstream out(path, std::ios::binary);
    out << Gzip("{}\n{}\n");
  }
  Result<std::unique_ptr<ByteSource>> opened = OpenByteSource(path.string());
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(ReadAll(**opened), "{}\n{}\n");
  EXPECT_EQ((*opened)->raw_size(), std::filesystem::file_size(path));
  EXPECT_EQ((*opened)->raw_bytes_read(), (*opened)->raw_size());
  std::filesystem::remove(path);

  Result<std::unique_ptr<ByteSource>> missing = OpenByteSource("/nonexistent/x.jsonl");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/x.jsonl"), std::string::npos);
  Result<std::unique_ptr<ByteSource>> directory =
      OpenByteSource(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(directory.ok());
  EXPECT_NE(directory.status().message().find("directory"), std::string::npos);
}

// Only a plain regular file may be read at any offset by several threads.
TEST(ByteSource, OnlyAPlainRegularFileOffersPositionalReads) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto plain = dir / ("samspill_positional_" + std::to_string(getpid()) + ".jsonl");
  const auto packed = dir / ("samspill_positional_" + std::to_string(getpid()) + ".jsonl.gz");
  {
    std::ofstream(plain, std::ios::binary) << "{}\n";
    std::ofstream(packed, std::ios::binary) << Gzip("{}\n");
  }
  Result<std::unique_ptr<ByteSource>> file = OpenByteSource(plain.string());
  ASSERT_TRUE(file.ok());
  EXPECT_GE((*file)->positional_fd(), 0);
  // A prefix that is what was read of the file keeps it positional; any other does not.
  char head[2];
  ASSERT_TRUE((*file)->Read(head, 2).ok());
  auto again = PrefixedByteSource(std::string(head, 2), std::move(*file));
  EXPECT_GE(again->positional_fd(), 0);
  EXPECT_EQ(ReadAll(*again), "{}\n");
  EXPECT_EQ(PrefixedByteSource("x", std::move(again))->positional_fd(), -1);

  Result<std::unique_ptr<ByteSource>> gz = OpenByteSource(packed.string());
  ASSERT_TRUE(gz.ok());
  EXPECT_EQ((*gz)->positional_fd(), -1);
  EXPECT_EQ(MemoryByteSource("{}\n", "mem")->positional_fd(), -1);
  std::filesystem::remove(plain);
  std::filesystem::remove(packed);
}

}  // namespace
}  // namespace samspill::market
