#include "common/error_id.hpp"

#include "common/keyed_hash.hpp"

namespace dialoog {

std::string new_error_id() {
    return to_hex(random_bytes(4));
}

}  // namespace dialoog
