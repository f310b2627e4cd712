// The HTTP layer under hostile input, against a real `samspill serve --demo` process and raw
// sockets: nested JSON, bodies above the limit on every transfer encoding, compressed bodies,
// request smuggling, invalid UTF-8 in forms, oversized headers, slow clients, keep-alive.
// Each case here was a finding of a probe of the server before its HTTP layer was replaced.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "api/api_client.h"
#include "api/page_client.h"
#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

// A client that writes exactly the bytes given, segment by segment, and reads what comes back.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~RawConnection() { close(fd_); }
  bool connected() const { return connected_; }

  // Sends all of `bytes`; false when the server closed the connection first.
  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // Reads until the server closes the connection or `quiet` passes without a byte.
  std::string ReadUntilClosed(milliseconds quiet = milliseconds(3000)) {
    std::string out;
    char buf[65536];
    while (true) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(quiet.count())) <= 0) break;
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    closed_ = true;
    return out;
  }

  // True when the server has closed the connection (a read returns end of stream) within
  // `wait`.
  // `wait`, reading and dropping what the server sends before it closes.
  bool ClosedWithin(milliseconds wait) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    char buf[4096];
    while (std::chrono::steady_clock::now() < deadline) {
      const auto left =
          std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count()) + 1) <= 0) return false;
      ssize_t n = recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
      if (n == 0) return true;
      if (n < 0 && errno != EAGAIN) return true;
    }
    return false;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
};

// The status codes of the HTTP responses in a raw byte stream, in order.
std::vector<int> Statuses(const std::string& stream) {
  std::vector<int> out;
  static const std::regex kStatusLine(R"(HTTP/1\.1 (\d{3}) )");
  for (auto it = std::sregex_iterator(stream.begin(), stream.end(), kStatusLine);
       it != std::sregex_iterator(); ++it) {
    out.push_back(std::stoi((*it)[1]));
  }
  return out;
}

class HttpHardeningTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    server_ = new ServeProcess(
        {"--demo", "--db", dir_->path() + "/http.db", "--request-timeout", "2", "--quiet"});
    ASSERT_GT(server_->port(), 0) << "server did not start: " << server_->startup_output();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0) << "server did not shut down cleanly on SIGTERM";
    delete server_;
    delete dir_;
  }

  int port() const { return server_->port(); }
  ApiClient api() const { return ApiClient(port()); }
  PageClient pages() const { return PageClient(port()); }

  bool Healthy() const {
    auto res = api().Client().Get("/api/health");
    return res && res->status == 200;
  }

  // Rows in the audit trail, and the longest row's size, read from the database file.
  static std::pair<int64_t, int64_t> AuditRows() {
    sqlite3* db = nullptr;
    std::pair<int64_t, int64_t> out{-1, -1};
    if (sqlite3_open_v2((dir_->path() + "/http.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
      sqlite3_stmt* stmt = nullptr;
      sqlite3_prepare_v2(db,
                         "SELECT count(*), coalesce(max(length(coalesce(after_json, '')) + "
                         "length(coalesce(before_json, ''))), 0) FROM audit_events",
                         -1, &stmt, nullptr);
      if (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
        out = {sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1)};
      }
      sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return out;
  }

  static TempDir* dir_;
  static ServeProcess* server_;
};

TempDir* HttpHardeningTest::dir_ = nullptr;
ServeProcess* HttpHardeningTest::server_ = nullptr;

TEST_F(HttpHardeningTest, DeeplyNestedJsonIsRefusedAndTheServerStaysUp) {
  Session officer = api().LoginAs("innkjoper");
  // 100 000 levels (200 KB) killed the server; now the reader stops at 64.
  const std::string deep =
      R"({"title":)" + std::string(100'000, '[') + std::string(100'000, ']') + "}";
  auto res = api().Send("POST", "/api/tenders", officer, deep);
  ASSERT_TRUE(res) << "no answer: the server died";
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("nested deeper than 64"), std::string::npos) << res->body;
  EXPECT_TRUE(Healthy());
}

TEST_F(HttpHardeningTest, DuplicateJsonKeysAreRefused) {
  auto res = api().Client().Post(
      "/api/session", R"({"username":"admin","username":"innkjoper","password":"demo-passord"})",
      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["field"], "username");
}

TEST_F(HttpHardeningTest, ANumberTooLargeForADoubleIsA400NotA500) {
  // Found by fuzz_json_body: 5e15055 overflows the JSON reader and was answered with 500.
  auto res = api().Client().Post("/api/session", R"({"username":5e15055,"password":"x"})",
                                 "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["field"], "username");
}

TEST_F(HttpHardeningTest, AChunkedBodyAboveTheLimitIsRefusedBeforeItIsStored) {
  const auto [rows_before, longest_before] = AuditRows();
  RawConnection c(port());
  ASSERT_TRUE(c.connected());
  c.Send(
      "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n");
  // A 6 MiB username in 64 KiB chunks, without any Content-Length to check up front.
  const std::string chunk(65536, 'a');
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
  const std::string start = R"({"password":"x","username":")";
  char start_size[32];
  std::snprintf(start_size, sizeof start_size, "%zx\r\n", start.size());
  c.Send(start_size + start + "\r\n");
  bool refused_early = false;
  for (int i = 0; i < 96; ++i) {
    if (!c.Send(std::string(size_line) + chunk + "\r\n")) {
      refused_early = true;
      break;
    }
  }
  if (!refused_early) c.Send("2\r\n\"}\r\n0\r\n\r\n");
  const std::string answer = c.ReadUntilClosed();
  ASSERT_EQ(Statuses(answer), std::vector<int>{413}) << answer.substr(0, 300);
  const auto [rows_after, longest_after] = AuditRows();
  EXPECT_EQ(rows_after, rows_before);
  EXPECT_EQ(longest_after, longest_before);
  EXPECT_TRUE(Healthy());
}

TEST_F(HttpHardeningTest, AChunkedBodyWithinTheLimitIsServed) {
  RawConnection c(port());
  const std::string body = R"({"username":"admin","password":"feil-passord"})";
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", body.size());
  c.Send(
      "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
      std::string(size_line) + body + "\r\n0\r\n\r\n");
  EXPECT_EQ(Statuses(c.ReadUntilClosed()), std::vector<int>{401});
}

TEST_F(HttpHardeningTest, CompressedBodiesAreRefused) {
  const auto [rows_before, longest_before] = AuditRows();
  RawConnection c(port());
  // The start of a gzip stream; the server must not inflate it (a 102 KB body inflated to a
  // 100 MB username before).
  const std::string gzip("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  c.Send(
      "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Encoding: gzip\r\nContent-Length: 10\r\n\r\n" +
      gzip);
  const std::string answer = c.ReadUntilClosed();
  EXPECT_EQ(Statuses(answer), std::vector<int>{415}) << answer.substr(0, 300);
  EXPECT_NE(answer.find("compressed request bodies"), std::string::npos);
  RawConnection te(port());
  te.Send(
      "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: gzip, chunked\r\n\r\n");
  EXPECT_EQ(Statuses(te.ReadUntilClosed()), std::vector<int>{400});
  EXPECT_EQ(AuditRows().first, rows_before);
}

TEST_F(HttpHardeningTest, AFailedLoginKeepsABoundedPrefixOfTheUsername) {
  const auto [rows_before, longest_before] = AuditRows();
  const std::string name(1 << 20, 'x');
  auto res = api().Client().Post("/api/session", json{{"username", name}, {"password", "x"}}.dump(),
                                 "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  const auto [rows_after, longest_after] = AuditRows();
  EXPECT_EQ(rows_after, rows_before + 1);
  EXPECT_LE(longest_after, std::max<int64_t>(longest_before, 400));
}

TEST_F(HttpHardeningTest, TheBodyOfAGetIsNeverReadAsTheNextRequest) {
  // CL.0: a GET whose declared body arrives in a later segment and is itself a request.
  const std::string smuggled = "GET /api/audit HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  RawConnection c(port());
  c.Send("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
         std::to_string(smuggled.size()) + "\r\n\r\n");
  std::this_thread::sleep_for(milliseconds(200));
  c.Send(smuggled);
  const std::string answer = c.ReadUntilClosed();
  // One answer (the GET with a body is refused), and no second one for the smuggled path.
  EXPECT_EQ(Statuses(answer), std::vector<int>{400}) << answer;
  EXPECT_NE(answer.find("may not have a body"), std::string::npos);
}

TEST_F(HttpHardeningTest, ConflictingLengthsAreRefused) {
  for (const std::string& framing :
       {std::string("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"),
        std::string("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n"),
        std::string("Content-Length: 5\r\nContent-Length: 6\r\n")}) {
    RawConnection c(port());
    c.Send("POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
           framing + "\r\n0\r\n\r\nGET /api/audit HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    EXPECT_EQ(Statuses(c.ReadUntilClosed()), std::vector<int>{400}) << framing;
  }
}

TEST_F(HttpHardeningTest, KeepAliveServesPipelinedRequestsOnOneConnection) {
  RawConnection c(port());
  const std::string get = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  c.Send(get + get + "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(Statuses(c.ReadUntilClosed()), (std::vector<int>{200, 200, 200}));
}

TEST_F(HttpHardeningTest, OversizedHeadersAndMalformedRequestsAreRefused) {
  RawConnection big(port());
  big.Send("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(40000, 'a') +
           "\r\n\r\n");
  EXPECT_EQ(Statuses(big.ReadUntilClosed()), std::vector<int>{431});
  RawConnection garbage(port());
  garbage.Send("HELLO\r\n\r\n");
  EXPECT_EQ(Statuses(garbage.ReadUntilClosed()), std::vector<int>{400});
  RawConnection absolute(port());
  absolute.Send("GET http://evil.example/api/health HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(Statuses(absolute.ReadUntilClosed()), std::vector<int>{400});
  EXPECT_TRUE(Healthy());
}

TEST_F(HttpHardeningTest, ASlowClientIsCutOff) {
  // The server runs with --request-timeout 2: headers that never end are not waited for.
  RawConnection c(port());
  c.Send("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  EXPECT_TRUE(c.ClosedWithin(milliseconds(6000)));
  // An idle keep-alive connection is closed the same way.
  RawConnection idle(port());
  idle.Send("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_TRUE(idle.ClosedWithin(milliseconds(6000)));
}

TEST_F(HttpHardeningTest, InvalidUtf8InAFormIsA400NamingTheField) {
  const auto rows_before = AuditRows().first;
  // The login form, without a session.
  auto login = pages().Client().Post("/logg-inn", "username=%C3%28&password=x",
                                     "application/x-www-form-urlencoded");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 400);
  EXPECT_NE(login->body.find("«username»"), std::string::npos) << login->body;
  EXPECT_NE(login->body.find("lang=\"nb\""), std::string::npos);
  // The forms behind a login: a new tender, a bid, a question, a cancellation.
  PageSession officer = pages().LogIn("innkjoper", "/anbud");
  auto draft = pages().Post("/anbud/ny", officer, "title=Renhold%FF&cpv=90910000");
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->status, 400);
  EXPECT_NE(draft->body.find("«title»"), std::string::npos);
  auto cancel = pages().Post("/anbud/1/handling/cancel", officer, "reason=%ED%A0%80");
  ASSERT_TRUE(cancel);
  EXPECT_EQ(cancel->status, 400);
  PageSession supplier = pages().LogIn("leverandor", "/anbud");
  auto question = pages().Post("/anbud/1/sporsmal", supplier, "text=hva%C0%AF");
  ASSERT_TRUE(question);
  EXPECT_EQ(question->status, 400);
  auto bid = pages().Post("/anbud/1/bud", supplier, "price=%80");
  ASSERT_TRUE(bid);
  EXPECT_EQ(bid->status, 400);
  EXPECT_NE(bid->body.find("«price»"), std::string::npos);
  // The same in English when the visitor chose English.
  auto english = pages().Client().Post("/logg-inn?lang=en", "username=%FF&password=x",
                                       "application/x-www-form-urlencoded");
  ASSERT_TRUE(english);
  EXPECT_EQ(english->status, 400);
  EXPECT_NE(english->body.find("The field: «username»"), std::string::npos);
  // Two logins above succeeded (two audit events); nothing else was written.
  EXPECT_EQ(AuditRows().first, rows_before + 2);
}

TEST_F(HttpHardeningTest, NulInAJsonTitleIsRefused) {
  Session officer = api().LoginAs("innkjoper");
  auto res = api().Send("POST", "/api/tenders", officer, R"({"title":"Renhold\u0000X"})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["field"], "title");
}

TEST(HttpBehindTlsProxy, SessionCookiesAreSecure) {
  TempDir dir;
  const std::string db = dir.path() + "/tls.db";
  ProcessResult added = RunProcess({SAMSPILL_BINARY, "user", "add", "--db", db, "--username",
                                    "kari", "--name", "Kari Nordmann", "--role", "administrator"},
                                   "et-langt-passord\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  ServeProcess server({"--db", db, "--behind-tls-proxy", "--quiet"});
  ASSERT_GT(server.port(), 0) << server.startup_output();
  auto res = ApiClient(server.port())
                 .Client()
                 .Post("/api/session", R"({"username":"kari","password":"et-langt-passord"})",
                       "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_NE(res->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace samspill::testing
