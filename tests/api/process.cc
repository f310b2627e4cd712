#include "api/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <regex>

namespace samspill::testing {
namespace {

[[noreturn]] void Exec(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}

std::string ReadAll(int fd) {
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}

int DecodeStatus(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& args, const std::string& input) {
  int in[2], out[2], err[2];
  if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    Exec(args);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  // Inputs in these tests are small, so writing before reading cannot deadlock.
  if (!input.empty()) {
    ssize_t ignored = write(in[1], input.data(), input.size());
    (void)ignored;
  }
  close(in[1]);
  ProcessResult result;
  result.out = ReadAll(out[0]);
  result.err = ReadAll(err[0]);
  close(out[0]);
  close(err[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = DecodeStatus(status);
  return result;
}

ServeProcess::ServeProcess(std::vector<std::string> extra_args) {
  int out[2];
  if (pipe(out) != 0) return;
  std::vector<std::string> args = {SAMSPILL_BINARY, "serve", "--port", "0", "--quiet"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = fork();
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlive a crashed test binary
    dup2(out[1], 1);
    close(out[0]);
    close(out[1]);
    Exec(args);
  }
  close(out[1]);
  // Read until the "listening on http://host:PORT" line, or give up after 60 s
  // (sanitizer builds start slowly on a loaded machine).
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::regex listening(R"(listening on http://[^:]+:(\d+))");
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd pfd{out[0], POLLIN, 0};
    if (poll(&pfd, 1, 200) <= 0) continue;
    char buf[1024];
    ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    startup_output_.append(buf, static_cast<size_t>(n));
    std::smatch m;
    if (std::regex_search(startup_output_, m, listening)) {
      port_ = std::stoi(m[1].str());
      break;
    }
  }
  // Keep draining stdout in the background is unnecessary: serve prints only at start.
  close(out[0]);
}

ServeProcess::~ServeProcess() { Stop(); }

int ServeProcess::Stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return DecodeStatus(status);
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "samspill-test-XXXXXX").string();
  char* made = mkdtemp(tmpl.data());
  path_ = made ? made : "";
}

TempDir::~TempDir() {
  if (!path_.empty()) std::filesystem::remove_all(path_);
}

}  // namespace samspill::testing
