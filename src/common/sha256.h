// SHA-256 of a byte string, as 64 lowercase hex digits (OpenSSL's implementation).
#ifndef CLAIMSCAN_COMMON_SHA256_H_
#define CLAIMSCAN_COMMON_SHA256_H_

#include <string>
#include <string_view>

namespace claimscan::internal {

// Identifies an input in the output ("input_sha256"), so that a re-run can tell whether
// the input changed since its output was written.
std::string Sha256Hex(std::string_view bytes);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_COMMON_SHA256_H_
