#pragma once
// What the bot is made of that outlives one config: the features and what they register
// (texts, commands, job kinds). Built once in main; a SIGHUP swaps the config, not these.

#include <memory>
#include <vector>

#include "commands/catalogue.hpp"
#include "commands/context.hpp"
#include "commands/feature.hpp"
#include "commands/registry.hpp"
#include "config/config.hpp"

namespace dialoog::net {

/// Everything the bot needs that outlives one config: features, texts, commands, jobs.
struct BotParts {
    std::vector<std::unique_ptr<commands::Feature>> features;
    commands::Catalogue texts;
    commands::Registry registry;
    commands::JobRegistry jobs;
};

/// Builds the parts from a list of features (registers texts, commands and jobs). Each command
/// handler is wrapped to count its calls by command name for /metrics.
std::unique_ptr<BotParts> make_parts(std::vector<std::unique_ptr<commands::Feature>> features);
/// The YAML sections of the bot itself (`e2ee:`) and all those features contribute (for the
/// config loader).
std::vector<config::SectionSchema> config_sections(const BotParts& parts);

}  // namespace dialoog::net
