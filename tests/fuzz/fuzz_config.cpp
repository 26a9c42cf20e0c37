// libFuzzer target for the YAML config loader: any input must give either a config or errors,
// never a crash, and errors must carry a message.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "config/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 1);
    auto r = dialoog::config::load_config_text(
        std::string_view(reinterpret_cast<const char*>(data), size), {});
    if (!r.config && r.errors.empty()) std::abort();
    for (const auto& e : r.errors)
        if (e.message.empty()) std::abort();
    return 0;
}
