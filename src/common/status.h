// Status and Result<T>: how samspill reports expected failures.
//
// Expected failures (bad input, missing rows, illegal state changes) are values,
// never exceptions. The code tells the caller what to do; the message names the
// problem in words a user can act on; `field` names the offending input field
// (a JSON path such as "bids[2].price") when there is one.
//
// One place maps codes to HTTP statuses (web/http_status.h) and one to process
// exit codes (cli/exit_code.h). Thread-safe as values.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace samspill {

// Stored in logs and returned over the API by name: never renumber.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument = 1,     // the caller sent something wrong; fix the input
  kNotFound = 2,            // the thing asked for does not exist (or is not visible)
  kConflict = 3,            // the thing exists but its state forbids the action
  kPermissionDenied = 4,    // authenticated, but the role may not do this
  kUnauthenticated = 5,     // no valid session
  kUnavailable = 6,         // try again later (database busy, too many attempts)
  kInternal = 7,            // our bug or a broken environment
  kFailedPrecondition = 8,  // the system is not in a state to do this (e.g. newer schema)
  kResourceExhausted = 9,   // too many attempts or too large; slow down or send less
  kDataLoss = 10,           // stored records were lost or changed (a broken audit chain)
};

// The stable, lower-case name of a code, as used in API errors ("invalid_argument").
const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }

  // "invalid_argument: price must be positive (field bids[0].price)"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
};

inline Status InvalidArgument(std::string message, std::string field = {}) {
  return Status(StatusCode::kInvalidArgument, std::move(message), std::move(field));
}
inline Status NotFound(std::string message) {
  return Status(StatusCode::kNotFound, std::move(message));
}
inline Status Conflict(std::string message) {
  return Status(StatusCode::kConflict, std::move(message));
}
inline Status PermissionDenied(std::string message) {
  return Status(StatusCode::kPermissionDenied, std::move(message));
}
inline Status Unauthenticated(std::string message) {
  return Status(StatusCode::kUnauthenticated, std::move(message));
}
inline Status Unavailable(std::string message) {
  return Status(StatusCode::kUnavailable, std::move(message));
}
inline Status Internal(std::string message) {
  return Status(StatusCode::kInternal, std::move(message));
}
inline Status ResourceExhausted(std::string message) {
  return Status(StatusCode::kResourceExhausted, std::move(message));
}
inline Status DataLoss(std::string message) {
  return Status(StatusCode::kDataLoss, std::move(message));
}
inline Status FailedPrecondition(std::string message) {
  return Status(StatusCode::kFailedPrecondition, std::move(message));
}

// Either a value or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok() && "Result constructed from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }

  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace samspill

// Early return of a non-OK Status from a function returning Status or Result<T>.
#define SAMSPILL_RETURN_IF_ERROR(expr)                   \
  do {                                                   \
    ::samspill::Status samspill_status_ = (expr);        \
    if (!samspill_status_.ok()) return samspill_status_; \
  } while (0)

#define SAMSPILL_CONCAT_INNER(a, b) a##b
#define SAMSPILL_CONCAT(a, b) SAMSPILL_CONCAT_INNER(a, b)
// SAMSPILL_ASSIGN_OR_RETURN(auto x, Foo()); — unwraps a Result or returns its Status.
#define SAMSPILL_ASSIGN_OR_RETURN(lhs, expr)                     \
  auto SAMSPILL_CONCAT(samspill_result_, __LINE__) = (expr);     \
  if (!SAMSPILL_CONCAT(samspill_result_, __LINE__).ok())         \
    return SAMSPILL_CONCAT(samspill_result_, __LINE__).status(); \
  lhs = std::move(SAMSPILL_CONCAT(samspill_result_, __LINE__)).value()
