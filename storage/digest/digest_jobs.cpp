#include "storage/digest/digest_jobs.hpp"

#include "storage/jobs.hpp"

namespace dialoog::digest {

std::vector<std::string> digest_job_keys(storage::Database& db) {
    return storage::Jobs(db).keys_of_kind(kDigestJobKind);
}

}  // namespace dialoog::digest
