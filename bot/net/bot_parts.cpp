#include "bot/net/bot_parts.hpp"

#include "common/counters.hpp"
#include "crypto/e2ee_config.hpp"

namespace dialoog::net {

std::unique_ptr<BotParts> make_parts(std::vector<std::unique_ptr<commands::Feature>> features) {
    auto p = std::make_unique<BotParts>();
    p->features = std::move(features);
    for (auto& f : p->features) {
        f->add_texts(p->texts);
        // Each handler is wrapped to count calls by command name for /metrics (the name is
        // fixed vocabulary, never user input); registration order and name checks unchanged.
        commands::Registry own;
        f->add_commands(own);
        for (const auto* spec : own.all()) {
            commands::CommandSpec counted = *spec;
            counted.handler = [h = spec->handler, name = spec->name](commands::CommandContext& c) {
                counters::add("commands", name);
                h(c);
            };
            p->registry.add(std::move(counted));
        }
        f->add_jobs(p->jobs);
    }
    return p;
}

std::vector<config::SectionSchema> config_sections(const BotParts& parts) {
    std::vector<config::SectionSchema> out = crypto::e2ee_config_sections();
    for (const auto& f : parts.features)
        for (auto& s : f->config_sections()) out.push_back(std::move(s));
    return out;
}

}  // namespace dialoog::net
