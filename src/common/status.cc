#include <claimscan/status.h>

namespace claimscan {

Status::Status(Code code, std::string_view context, std::string_view detail) : code_(code) {
  message_.assign(context);
  if (!context.empty() && !detail.empty()) message_ += ": ";
  message_ += detail;
}

std::string Status::ToString() const {
  switch (code_) {
    case Code::kOk:
      return "ok";
    case Code::kInvalidRule:
      return "invalid rule: " + message_;
    case Code::kInvalidInput:
      return message_;
    case Code::kIoError:
      return "i/o error: " + message_;
    case Code::kInvalidArgument:
      return "invalid argument: " + message_;
    case Code::kInternal:
      return "internal error: " + message_;
  }
  return message_;
}

}  // namespace claimscan
