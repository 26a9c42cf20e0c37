#pragma once
// Schema of the intervisie feature (owner "intervisie" in schema_versions): posted prompts and
// the keyed hashes that count distinct repliers. Never edit a released step; add a new one.

#include <vector>

#include "storage/migrations.hpp"

namespace dialoog::intervisie {

const std::vector<storage::Migration>& intervisie_migrations();

}  // namespace dialoog::intervisie
