// The offline subcommands (no network): each reads stdin or the database and uses the same
// code as the chat commands, so admins can check what the bot would do.
#include <filesystem>
#include <iostream>
#include <variant>

#include "bot/tools/status.hpp"
#include "commands/casus/parse_when_cli.hpp"
#include "commands/digest/digest_cli.hpp"
#include "commands/inbreng/inbreng_cli.hpp"
#include "commands/tenzij/nudge_detector.hpp"
#include "common/clock.hpp"
#include "storage/handled_events.hpp"
#include "storage/migrations.hpp"

namespace dialoog::tools {

namespace {
std::string g_team;
std::string g_leader;
std::string g_week;
std::string g_tz = "Europe/Amsterdam";
std::string g_now;
std::string g_when;
bool g_yes = false;
CLI::App* g_crypto_reset = nullptr;  // parsed() tells which crypto subcommand ran

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
        "scrub",
        "anonymise lines from stdin as the bot would before storing client input "
        "(one line out per line in)");
    scrub->add_option("--config,-c", config_path, "YAML config (for intake.keep_words)");
    app.add_subcommand("nudge-check",
                       "read sentences from stdin, print 1 (would nudge) or 0 per line");
    auto* exp =
        app.add_subcommand("inbreng-export", "write a team's stored client input as CSV to stdout");
    exp->add_option("--config,-c", config_path, "YAML config")->required();
    exp->add_option("--team", g_team, "team name as in the YAML")->required();
    auto* digest = app.add_subcommand(
        "digest", "print a leader's weekly digest as Markdown (nothing is sent)");
    digest->add_option("--config,-c", config_path, "YAML config")->required();
    digest->add_option("--leader", g_leader, "Matrix user id of a team leader")->required();
    digest->add_option("--week", g_week, "ISO week, e.g. 2026-W49")->required();
    auto* crypto = app.add_subcommand("crypto", "end-to-end encryption of the bot's device");
    crypto->require_subcommand(1);
    auto* crypto_status = crypto->add_subcommand(
        "status", "print the device's encryption identity as stored (read-only)");
    crypto_status->add_option("--config,-c", config_path, "YAML config")->required();
    auto* crypto_reset = crypto->add_subcommand(
        "reset-identity",
        "make a new cross-signing identity; the bot replaces the server's at its next start "
        "(stop the bot first)");
    crypto_reset->add_option("--config,-c", config_path, "YAML config")->required();
    g_crypto_reset = crypto_reset;
    crypto_reset->add_flag("--yes", g_yes, "go ahead (without it: only say what it would do)");
    auto* when = app.add_subcommand(
        "parse-when", "check a <wanneer> as !casus plan would read it; prints local and UTC time");
    when->add_option("--tz", g_tz, "IANA time zone of the team (default Europe/Amsterdam)");
    when->add_option("--now", g_now, "reference time, e.g. 2026-03-27T10:00 (default: now)");
    when->add_option("wanneer", g_when, "the time as typed, e.g. \"morgen 14:00\"")->required();
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
    if (name == "digest") {
        auto cfg = load_optional(config_path, parts, failed);
        if (!cfg) return 1;
        if (!std::filesystem::exists(cfg->storage)) {
            std::cerr << "digest: there is no database at " << cfg->storage
                      << " (the bot creates it on its first start)\n";
            return 1;
        }
        try {
            storage::Database db(cfg->storage);
            storage::migrate_core(db);
            for (auto& f : parts.features) storage::migrate_owner(db, f->name(), f->migrations());
            std::vector<commands::Feature*> fs;
            for (auto& f : parts.features) fs.push_back(f.get());
            SystemClock clock;
            commands::Services s{db,
                                 cfg,
                                 parts.texts,
                                 parts.registry,
                                 parts.jobs,
                                 clock,
                                 storage::HandledEvents::load_or_create_key(db),
                                 fs};
            return digest::run_digest_cli(s, g_leader, g_week, std::cout, std::cerr);
        } catch (const std::exception& e) {
            std::cerr << "digest: cannot read the database " << cfg->storage << ": " << e.what()
                      << "\n";
            return 1;
        }
    }
    if (name == "crypto") {
        // require_subcommand(1): `status` or `reset-identity`.
        auto cfg = load_optional(config_path, parts, failed);
        if (!cfg) return 1;
        if (g_crypto_reset && g_crypto_reset->parsed())
            return reset_crypto_identity(*cfg, g_yes, std::cout, std::cerr);
        return print_crypto_status(*cfg, std::cout);
    }
    if (name == "parse-when")
        return casus::run_parse_when_cli(g_tz, g_now, g_when, std::cout, std::cerr);
    std::cerr << "unknown subcommand " << name << "\n";
    return 1;
}

}  // namespace dialoog::tools
