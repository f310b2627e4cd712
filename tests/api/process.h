// Running the real samspill binary from tests: one-shot commands with captured output,
// and a `samspill serve` process that lives for a test suite.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace samspill::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 if killed by a signal
  std::string out;
  std::string err;
};

// Runs `args` (args[0] is the program path), feeding `input` on stdin.
ProcessResult RunProcess(const std::vector<std::string>& args, const std::string& input = "");

// A running `samspill serve --port 0 …`; the port is read from its first stdout line.
class ServeProcess {
 public:
  // Starts the server; on failure port() is 0 and startup_output() says why.
  explicit ServeProcess(std::vector<std::string> extra_args);
  ~ServeProcess();

  int port() const { return port_; }
  const std::string& startup_output() const { return startup_output_; }
  // Sends SIGTERM and waits; returns the exit code (0 on clean shutdown).
  int Stop();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string startup_output_;
};

// A fresh temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace samspill::testing
