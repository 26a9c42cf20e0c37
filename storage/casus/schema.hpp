#pragma once
// Schemas of the casus feature (owner "casus") and the intervisie feature (owner "intervisie")
// in schema_versions. Never edit a released step; add a new one.

#include <vector>

#include "storage/migrations.hpp"

namespace dialoog::casus {

const std::vector<storage::Migration>& casus_migrations();
const std::vector<storage::Migration>& intervisie_migrations();

}  // namespace dialoog::casus
