// Streaming reader for OCDS data in any of its published shapes:
//  - release packages `{…, "releases": [ … ]}` (OCDS 1.0 and 1.1), however large: the
//    `releases` array is parsed one release at a time (a SAX parser over the ByteSource), so
//    memory holds one release, not the package;
//  - record packages `{…, "records": [ … ]}`: each record's `compiledRelease` when present,
//    else its embedded releases (linked releases without data are reported and skipped);
//  - record-like objects `{releases, compiledRelease, …}` without an ocid (2017 samples);
//  - single release objects, compiled releases, versioned releases (reported, not read);
//  - JSON Lines (or concatenated JSON) of any of the above, one document after another;
//  - a top-level JSON array of releases.
// Releases go to a ReleaseCompiler (grouping by ocid); gzip and stdin come from the
// ByteSource. A syntax error is reported with its line and byte offset; in line-oriented input
// the reader skips to the next line and goes on, in a multi-line document it stops that input
// (keeping what it had read). Not thread-safe: one reader per input.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "market/io/byte_source.h"
#include "market/model/data_issue.h"
#include "market/ocds/release_compiler.h"

namespace samspill::market {

struct OcdsReadOptions {
  // A single release or record larger than this (in input bytes) is skipped and reported.
  uint64_t max_item_bytes = uint64_t{256} << 20;
};

// What one input held. `format` uses the names of the shared data's MANIFEST.tsv:
// "release", "release-package", "record-package", "record-like-object(no ocid)", and
// "json-lines" when the input held several documents.
struct OcdsFileStats {
  std::string format;
  std::string version;  // the package's `version` field, "" when absent
  uint64_t documents = 0;
  uint64_t releases = 0;           // releases met (in packages, records and bare)
  uint64_t records = 0;            // records met (a record-like object counts as one)
  uint64_t compiled_releases = 0;  // publisher's compiled releases used
  uint64_t skipped = 0;            // items not usable (not objects, no ocid, versioned, …)
};

// Reads all of `source`. Only a read error (unreadable file, corrupt gzip) is an error
// Status; every problem in the data is an issue in `issues`.
Result<OcdsFileStats> ReadOcds(ByteSource& source, ReleaseCompiler& compiler, IssueLog& issues,
                               const OcdsReadOptions& options = {});

}  // namespace samspill::market
