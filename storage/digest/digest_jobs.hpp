#pragma once
// The digest's scheduled jobs as rows of the core `jobs` table: one per leader, key
// "digest:<leader>", kind "digest.send". Listing them lets on_start remove jobs of leaders that
// are no longer in the config.

#include <string>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::digest {

inline constexpr const char* kDigestJobKind = "digest.send";
inline constexpr const char* kDigestJobPrefix = "digest:";

/// Keys of every digest job, sorted.
std::vector<std::string> digest_job_keys(storage::Database& db);

}  // namespace dialoog::digest
