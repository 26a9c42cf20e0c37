#include "bot/features.hpp"

#include "commands/casus/casus_feature.hpp"
#include "commands/core/core_feature.hpp"
#include "commands/digest/digest_feature.hpp"
#include "commands/inbreng/inbreng_feature.hpp"
#include "commands/intervisie/intervisie_feature.hpp"
#include "commands/tenzij/tenzij_feature.hpp"

namespace dialoog {

std::vector<std::unique_ptr<commands::Feature>> all_features() {
    std::vector<std::unique_ptr<commands::Feature>> out;
    out.push_back(std::make_unique<commands::CoreFeature>());
    out.push_back(std::make_unique<casus::CasusFeature>());
    out.push_back(std::make_unique<intervisie::IntervisieFeature>());
    out.push_back(std::make_unique<inbreng::InbrengFeature>());
    out.push_back(std::make_unique<tenzij::TenzijFeature>());
    out.push_back(std::make_unique<digest::DigestFeature>());
    return out;
}

}  // namespace dialoog
