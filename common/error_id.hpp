#pragma once
// Error ids tie a generic "something went wrong (error 1a2b3c4d)" answer to the one log line that
// has the details (docs/architecture.md, "Errors"), so no internal text reaches a chat.

#include <string>

namespace dialoog {

/// A new random error id: 8 lowercase hex characters (4 bytes from OpenSSL RAND_bytes).
/// Throws std::runtime_error only if the random generator fails.
std::string new_error_id();

}  // namespace dialoog
