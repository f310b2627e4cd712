// How an OCDS release package is published: by whom, under which prefix and address, as of
// when. Apart from ocds_export.h so that callers can hold the options without the JSON library.
#pragma once

#include <string>

#include "common/status.h"
#include "common/time.h"

namespace samspill::tendering {

struct OcdsExportOptions {
  // publisher.name of the package: the organisation responsible for publishing the data.
  std::string publisher_name;
  // An absolute URI; the package's uri is this followed by the ocid.
  std::string package_uri_base;
  // publishedDate of the package, from the caller's Clock. Also the release date when the
  // record has no events.
  Timestamp published_date;
  // The publisher's registered OCDS prefix ("ocds-" and six letters or digits); the ocid is
  // "<prefix>-<record.id>" when the record carries no ocid of its own.
  std::string ocid_prefix;
};

// InvalidArgument naming the field (publisher_name, package_uri_base, ocid_prefix) for an empty
// publisher, a base that is not an absolute http(s) URI, or a prefix not shaped like
// "ocds-a1b2c3". Check once where the options are filled (configuration), not per export.
Status ValidateOcdsExportOptions(const OcdsExportOptions& options);

}  // namespace samspill::tendering
