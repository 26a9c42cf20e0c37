#pragma once
// The schema of the end-to-end encryption state (owner "crypto" in schema_versions): the
// device's libolm account and what of its keys the homeserver has. Built with the crypto/
// layer (crypto/CMakeLists.txt); docs/security.md says what is stored and how it is encrypted.

#include <vector>

#include "storage/migrations.hpp"

namespace dialoog::crypto {

/// The owner name in schema_versions.
inline constexpr const char* kCryptoSchemaOwner = "crypto";

/// Ordered steps; run by crypto::open_crypto_store only when `e2ee.enabled` is true, so a bot
/// with encryption off has none of these tables. Never edit a released step.
const std::vector<storage::Migration>& crypto_migrations();

}  // namespace dialoog::crypto
