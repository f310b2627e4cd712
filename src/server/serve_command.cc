// `samspill serve`: the web application on one port, with the embedded SQLite database.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "app/auth_service.h"
#include "app/decision_service.h"
#include "app/organisation_service.h"
#include "app/tender_service.h"
#include "cli/demo_data.h"
#include "cli/demo_decisions.h"
#include "cli/demo_portfolio.h"
#include "cli/demo_strategy.h"
#include "cli/demo_tenders.h"
#include "common/clock.h"
#include "server/app_routes.h"
#include "server/commands.h"
#include "store/sqlite/sqlite_store.h"
#include "web/server.h"

namespace samspill::server {
namespace {

struct ServeFlags {
  std::string db = "samspill.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  bool demo = false;
  bool secure_cookies = false;
  bool behind_tls_proxy = false;
  int threads = 0;
  int request_timeout = 30;
  bool quiet = false;
  std::string clock_file;
};

// The time tenders run on, read from a file on every use (ISO 8601, e.g.
// "2025-09-19T12:00:00Z"), so tests and training sessions can move past bid deadlines and
// standstill periods. Sessions keep real time. An unreadable file falls back to real time.
class FileClock final : public Clock {
 public:
  explicit FileClock(std::string path) : path_(std::move(path)) {}
  Timestamp Now() const override {
    std::ifstream in(path_);
    std::string text;
    std::getline(in, text);
    Result<Timestamp> t = ParseIsoTimestamp(text);
    return t.ok() ? *t : SystemClock().Now();
  }

 private:
  std::string path_;
};

Status Serve(const ServeFlags& flags) {
  // Block SIGINT/SIGTERM before any thread starts, so one waiter thread receives them
  // and stops the server cleanly (a signal handler may not call into the server).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A client that hangs up mid-response must not kill the server.
  signal(SIGPIPE, SIG_IGN);

  SAMSPILL_RETURN_IF_ERROR(app::InitCrypto());
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::OpenSqliteStore(flags.db));
  SystemClock clock;
  app::AuthService auth(*store, clock);
  app::OrganisationService organisations(*store, clock);
  std::unique_ptr<Clock> tender_clock;
  if (flags.clock_file.empty()) {
    tender_clock = std::make_unique<SystemClock>();
  } else {
    tender_clock = std::make_unique<FileClock>(flags.clock_file);
  }
  app::TenderService tenders(*store, *tender_clock);
  app::PortfolioService portfolio(*store, clock);
  app::DecisionService decisions(*store, clock);
  app::StrategyService strategy(*store, clock);
  app::MarketService market(*store, clock);
  if (flags.demo) {
    SAMSPILL_RETURN_IF_ERROR(cli::LoadDemoData(auth, organisations, *store));
    SAMSPILL_RETURN_IF_ERROR(cli::LoadDemoTenders(*store));
    SAMSPILL_RETURN_IF_ERROR(cli::LoadDemoPortfolio(portfolio, *store));
    SAMSPILL_RETURN_IF_ERROR(cli::LoadDemoDecisions(decisions, *store));
    SAMSPILL_RETURN_IF_ERROR(cli::LoadDemoStrategy(strategy, *store));
  }

  web::WebServer server(*store, auth, organisations,
                        {.host = flags.host,
                         .port = flags.port,
                         .secure_cookies = flags.secure_cookies,
                         .behind_tls_proxy = flags.behind_tls_proxy,
                         .threads = flags.threads,
                         .request_timeout_seconds = flags.request_timeout,
                         .access_log = !flags.quiet});
  // The core API is the server's own (web::CoreApiRoutes); the modules' tables come from the
  // one function `samspill routes` prints as well.
  AppRoutes routes = ModuleRoutes(auth, tenders, portfolio, decisions, strategy, market, *store,
                                  flags.secure_cookies || flags.behind_tls_proxy);
  server.AddRoutes(std::move(routes.api));
  server.AddPages(std::move(routes.pages));
  SAMSPILL_ASSIGN_OR_RETURN(int port, server.Bind());
  std::string host = flags.host == "0.0.0.0" ? "localhost" : flags.host;
  std::printf("samspill listening on http://%s:%d (database %s, schema version %d)\n", host.c_str(),
              port, flags.db.c_str(), store->SchemaVersion());
  if (flags.demo) {
    std::printf("Demo logins (password \"%s\" for all):\n", cli::kDemoPassword);
    for (const cli::DemoUser& u : cli::DemoUsers()) {
      std::printf("  %-14s %-22s %s\n", u.username.c_str(), std::string(RoleName(u.role)).c_str(),
                  u.display_name.c_str());
    }
  }
  std::fflush(stdout);

  // A signal can arrive before Serve() has started listening (right after the port line is
  // printed), and a Stop() before that would be lost; so the waiter repeats Stop() until
  // Serve() has returned.
  std::atomic<bool> served_flag{false};
  std::thread waiter([&server, &served_flag, signals] {
    int received = 0;
    sigwait(&signals, &received);
    if (served_flag.load()) return;
    std::fprintf(stderr, "samspill: signal %d, shutting down\n", received);
    while (!served_flag.load()) {
      server.Stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  Status served = server.Serve();
  served_flag.store(true);
  // If the server ended on its own, wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return served;
}

}  // namespace

void AddServeCommand(CLI::App& app, cli::CommandAction* action) {
  auto flags = std::make_shared<ServeFlags>();
  auto* cmd = app.add_subcommand("serve", "Run the web application and JSON API");
  cmd->add_option("--db", flags->db, "SQLite database file (created if missing)")
      ->capture_default_str();
  cmd->add_option("--host", flags->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", flags->port, "Port to listen on (0 picks a free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_flag("--demo", flags->demo, "Load demo data (one user per role) if missing");
  cmd->add_flag("--secure-cookies", flags->secure_cookies,
                "Mark session cookies Secure (when served behind HTTPS)");
  cmd->add_flag("--behind-tls-proxy", flags->behind_tls_proxy,
                "Served behind a TLS-terminating proxy: session cookies are Secure and the "
                "proxy's X-Forwarded-Proto header is trusted");
  cmd->add_option("--threads", flags->threads,
                  "Threads that serve requests (0: twice the cores, at least 4)")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  cmd->add_option("--request-timeout", flags->request_timeout,
                  "Seconds a client has to send the next request's headers (a connection "
                  "idle for longer is closed)")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_flag("--quiet", flags->quiet, "No access log on stderr");
  cmd->add_option("--clock-file", flags->clock_file,
                  "Read the time tenders run on (deadlines, standstill) from this file, "
                  "ISO 8601; for tests and training");
  cmd->callback([action, flags] { *action = [flags] { return Serve(*flags); }; });
}

}  // namespace samspill::server
