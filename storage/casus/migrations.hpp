#pragma once
// Schema of the casus feature (owner "casus" in schema_versions). Never edit a released step;
// add a new one.

#include <vector>

#include "storage/migrations.hpp"

namespace dialoog::casus {

const std::vector<storage::Migration>& casus_migrations();

}  // namespace dialoog::casus
