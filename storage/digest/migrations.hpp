#pragma once
// The schema of the digest feature (owner "digest" in schema_versions): which weekly digest
// was sent to which leader, so a (leader, ISO week) pair is sent once across restarts.

#include <vector>

#include "storage/migrations.hpp"

namespace dialoog::digest {

/// Ordered steps; returned by DigestFeature::migrations(). Never edit a released step.
const std::vector<storage::Migration>& digest_migrations();

}  // namespace dialoog::digest
