// The offline subcommands (no network): each reads stdin or the database and uses the same
// code as the chat commands, so admins can check what the bot would do.
#include <iostream>
#include <variant>

#include "bot/tools/status.hpp"
#include "commands/inbreng/inbreng_cli.hpp"
#include "commands/tenzij/nudge_detector.hpp"

namespace dialoog::tools {

namespace {
std::string g_team;

// Loads the config when a path was given; prints errors. Null when absent or invalid.
std::shared_ptr<const config::Config> load_optional(const std::string& path, net::BotParts& parts,
                                                    bool& failed) {
    failed = false;
    if (path.empty()) return nullptr;
    auto res = config::load_config_file(path, net::config_sections(parts));
    for (const auto& e : res.errors) std::cerr << path << ": " << e.to_string() << "\n";
    failed = !res.config;
    return res.config;
}
}  // namespace

void register_subcommands(CLI::App& app, net::BotParts&, std::string& config_path) {
    auto* scrub = app.add_subcommand(
        "scrub", "anonymise lines from stdin as the bot would before storing client input "
                 "(one line out per line in)");
    scrub->add_option("--config,-c", config_path, "YAML config (for intake.keep_words)");
    app.add_subcommand("nudge-check",
                       "read sentences from stdin, print 1 (would nudge) or 0 per line");
    auto* exp = app.add_subcommand("inbreng-export",
                                   "write a team's stored client input as CSV to stdout");
    exp->add_option("--config,-c", config_path, "YAML config")->required();
    exp->add_option("--team", g_team, "team name as in the YAML")->required();
}

int run_subcommand(const std::string& name, net::BotParts& parts, const std::string& config_path) {
    bool failed = false;
    if (name == "scrub") {
        auto cfg = load_optional(config_path, parts, failed);
        if (failed) return 1;
        return inbreng::run_scrub_cli(std::cin, std::cout, cfg.get());
    }
    if (name == "nudge-check") {
        auto built = tenzij::NudgeDetector::create();
        if (auto* errors = std::get_if<std::vector<tenzij::NudgePatternError>>(&built)) {
            for (const auto& e : *errors) std::cerr << e.to_string() << "\n";
            return 1;
        }
        tenzij::nudge_check_stream(std::get<tenzij::NudgeDetector>(built), std::cin, std::cout);
        return 0;
    }
    if (name == "inbreng-export") {
        auto cfg = load_optional(config_path, parts, failed);
        if (!cfg) return 1;
        return inbreng::run_inbreng_export_cli(*cfg, g_team, std::cout, std::cerr);
    }
    std::cerr << "unknown subcommand " << name << "\n";
    return 1;
}

}  // namespace dialoog::tools
