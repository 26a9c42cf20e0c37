#include "bot/features.hpp"

#include "commands/core/core_feature.hpp"

namespace dialoog {

std::vector<std::unique_ptr<commands::Feature>> all_features() {
    std::vector<std::unique_ptr<commands::Feature>> out;
    out.push_back(std::make_unique<commands::CoreFeature>());
    return out;
}

}  // namespace dialoog
