// Status and Result<T>: how the library reports failure without exceptions.
#ifndef CLAIMSCAN_STATUS_H_
#define CLAIMSCAN_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace claimscan {

// A Status is OK or carries an error code and a message "context: detail".
// OK statuses are cheap to create and copy.
class [[nodiscard]] Status {
 public:
  enum class Code { kOk, kInvalidRule, kInvalidInput, kIoError, kInvalidArgument, kInternal };

  Status() = default;

  static Status Ok() { return Status(); }
  // A rule file problem; context is "path:line" (and rule id where known).
  static Status InvalidRule(std::string_view context, std::string_view detail) {
    return Status(Code::kInvalidRule, context, detail);
  }
  // An article that cannot be processed; context names the file and place.
  static Status InvalidInput(std::string_view context, std::string_view detail) {
    return Status(Code::kInvalidInput, context, detail);
  }
  static Status IoError(std::string_view context, std::string_view detail) {
    return Status(Code::kIoError, context, detail);
  }
  static Status InvalidArgument(std::string_view context, std::string_view detail) {
    return Status(Code::kInvalidArgument, context, detail);
  }
  static Status Internal(std::string_view context, std::string_view detail) {
    return Status(Code::kInternal, context, detail);
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The message without the code's prefix: "context: detail".
  const std::string& message() const { return message_; }
  // The message with a prefix naming the code, e.g. "invalid rule: a.rules:3: ...".
  std::string ToString() const;

 private:
  Status(Code code, std::string_view context, std::string_view detail);

  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or an error Status. Factories return a fully built object or an error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace claimscan

#endif  // CLAIMSCAN_STATUS_H_
