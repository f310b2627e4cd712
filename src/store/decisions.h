// DecisionStore: decision cases (whether to tender a service), each kept whole as the decision
// module's document (decision/decision_case_json.h owns its shape), with the columns lists
// are made from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "store/audit.h"

namespace samspill::store {

struct StoredDecisionCase {
  int64_t id = 0;
  std::string title;
  std::string service_area;
  bool decided = false;
  std::optional<int64_t> created_by_user_id;
  std::string document_json;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

struct DecisionCaseUpdate {
  int64_t id = 0;
  int64_t expected_version = 0;  // else kConflict "changed by someone else"
  std::string title;
  std::string service_area;
  bool decided = false;
  std::string document_json;
};

class DecisionStore {
 public:
  virtual ~DecisionStore() = default;

  // Each write is one transaction with its audit event (entity_id set to the case's id).
  virtual Result<StoredDecisionCase> CreateDecisionCase(const StoredDecisionCase& c,
                                                        AuditEvent audit) = 0;
  virtual Result<StoredDecisionCase> FindDecisionCase(int64_t id) = 0;      // kNotFound
  virtual Result<std::vector<StoredDecisionCase>> ListDecisionCases() = 0;  // by id
  virtual Result<StoredDecisionCase> UpdateDecisionCase(const DecisionCaseUpdate& update,
                                                        AuditEvent audit) = 0;
};

}  // namespace samspill::store
