#pragma once
// Logging via spdlog with a redacting sink: registered secrets (access token, password) are
// replaced by "[REDACTED]" in every line before it is written: a leaked access token gives full
// control of the bot's account. Code must still never log secrets or client text; this is the
// second line of defence.

#include <string>
#include <string_view>

namespace dialoog {

/// Installs the default logger (stderr) at `level` ("trace".."off").
void setup_logging(std::string_view level);
/// Registers a secret to redact from all later log lines. Empty strings are ignored.
void add_log_secret(std::string secret);

}  // namespace dialoog
