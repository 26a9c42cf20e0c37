#pragma once
// HMAC-SHA256 (RFC 2104) helpers. Used for handled-event marks (so the database holds no
// event ids), deterministic txn_ids, and the intake flood counter (a daily key, then forgotten).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace dialoog {

/// 32 bytes of HMAC-SHA256(key, message).
std::array<std::uint8_t, 32> hmac_sha256(std::string_view key, std::string_view message);

/// Lowercase hex of the first `bytes` bytes of HMAC-SHA256(key, message).
std::string hmac_hex(std::string_view key, std::string_view message, std::size_t bytes = 16);

/// `n` cryptographically random bytes (OpenSSL RAND_bytes). Throws std::runtime_error if the
/// generator fails (start-up only).
std::string random_bytes(std::size_t n);

/// Lowercase hex encoding of raw bytes.
std::string to_hex(std::string_view raw);
/// Decodes lowercase/uppercase hex; returns an empty string on malformed input.
std::string from_hex(std::string_view hex);

}  // namespace dialoog
