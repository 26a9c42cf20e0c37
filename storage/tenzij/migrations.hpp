#pragma once
// The schema of the tenzij feature (owner "tenzij" in schema_versions): nudges given, who
// opted out, the decision log (besluit) and its follow-up notes (opvolging).

#include <vector>

#include "storage/migrations.hpp"

namespace dialoog::tenzij {

/// Ordered steps; returned by TenzijFeature::migrations(). Never edit a released step.
const std::vector<storage::Migration>& tenzij_migrations();

}  // namespace dialoog::tenzij
