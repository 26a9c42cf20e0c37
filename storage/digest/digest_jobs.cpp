#include "storage/digest/digest_jobs.hpp"

namespace dialoog::digest {

std::vector<std::string> digest_job_keys(storage::Database& db) {
    auto st = db.prepare("SELECT key FROM jobs WHERE kind=? ORDER BY key");
    st.bind(1, kDigestJobKind);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.column_text(0));
    return out;
}

}  // namespace dialoog::digest
