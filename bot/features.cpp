#include "bot/features.hpp"

#include "commands/core/core_feature.hpp"
#include "commands/inbreng/inbreng_feature.hpp"
#include "commands/tenzij/tenzij_feature.hpp"

namespace dialoog {

std::vector<std::unique_ptr<commands::Feature>> all_features() {
    std::vector<std::unique_ptr<commands::Feature>> out;
    out.push_back(std::make_unique<commands::CoreFeature>());
    out.push_back(std::make_unique<inbreng::InbrengFeature>());
    out.push_back(std::make_unique<tenzij::TenzijFeature>());
    return out;
}

}  // namespace dialoog
