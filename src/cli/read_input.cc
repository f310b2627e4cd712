#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/commands.h"

namespace samspill::cli {

Result<std::string> ReadInput(const std::string& path, size_t max_bytes) {
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!file) return NotFound("cannot open '" + path + "': " + std::strerror(errno));
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, file)) > 0) {
    data.append(buf, n);
    if (data.size() > max_bytes) {
      if (file != stdin) std::fclose(file);
      return ResourceExhausted("'" + path + "' is larger than " + std::to_string(max_bytes) +
                               " bytes");
    }
  }
  bool failed = std::ferror(file);
  if (file != stdin) std::fclose(file);
  if (failed) return Unavailable("error while reading '" + path + "'");
  return data;
}

}  // namespace samspill::cli
