#include "commands/context.hpp"

#include <algorithm>

#include "commands/feature.hpp"

namespace dialoog::commands {

DecisionLog* Services::decision_log() const {
    for (Feature* f : features)
        if (auto* log = f->decision_log()) return log;
    return nullptr;
}

ClientVoices* Services::client_voices() const {
    for (Feature* f : features)
        if (auto* voices = f->client_voices()) return voices;
    return nullptr;
}

std::vector<Services::DigestPart> Services::digest_parts() const {
    std::vector<DigestPart> out;
    for (Feature* f : features)
        if (auto* d = f->digest()) out.push_back({f->name(), d});
    std::stable_sort(out.begin(), out.end(), [](const DigestPart& a, const DigestPart& b) {
        const int oa = a.contributor->digest_order();
        const int ob = b.contributor->digest_order();
        return oa != ob ? oa < ob : a.feature < b.feature;
    });
    return out;
}

}  // namespace dialoog::commands
