#pragma once
// The schema of the inbreng feature (owner "inbreng" in schema_versions): stored client input,
// intakes awaiting the submitter's "ja", and the daily flood counter.

#include <vector>

#include "storage/migrations.hpp"

namespace dialoog::inbreng {

/// Ordered steps; returned by InbrengFeature::migrations(). Never edit a released step.
const std::vector<storage::Migration>& inbreng_migrations();

}  // namespace dialoog::inbreng
