// dialoogbot: entry point. Parses the command line (CLI11), validates the config, and runs
// the bot on one io_context, or one of the offline subcommands.

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <iostream>

#include "bot/features.hpp"
#include "bot/net/bot.hpp"
#include "bot/net/health_server.hpp"
#include "bot/tools/status.hpp"
#include "common/logging.hpp"
#include "crypto/pickle_key.hpp"

using namespace dialoog;

namespace {

// Loads and validates; prints errors (each naming key and line) to stderr.
std::shared_ptr<const config::Config> load_or_report(const std::string& path,
                                                     const net::BotParts& parts) {
    auto res = config::load_config_file(path, net::config_sections(parts));
    for (const auto& w : res.warnings) std::cerr << path << ": warning: " << w << "\n";
    for (const auto& e : res.errors) std::cerr << path << ": " << e.to_string() << "\n";
    if (res.config)
        for (const auto& w : crypto::pickle_key_file_problems(*res.config))
            std::cerr << path << ": warning: " << w << "\n";
    return res.config;
}

int run_bot(const std::string& path, net::BotParts& parts) {
    auto cfg = load_or_report(path, parts);
    if (!cfg) return 1;
    setup_logging(cfg->log_level);
    auto res = config::load_config_file(path, net::config_sections(parts));
    for (const auto& w : res.warnings) spdlog::warn("{}", w);
    boost::asio::io_context io(1);
    SystemClock clock;
    std::unique_ptr<net::Bot> bot;
    try {
        bot = std::make_unique<net::Bot>(io, cfg, parts, clock);
    } catch (const std::exception& e) {
        spdlog::error("cannot start: {}", e.what());
        return 1;
    }
    // Optional /healthz and /metrics listener (health: in the YAML); a bind failure is logged
    // and the bot runs on without it.
    std::unique_ptr<net::HealthServer> health;
    auto start_health = [&] {
        health.reset();
        if (!cfg->health.enabled) return;
        health =
            std::make_unique<net::HealthServer>(io, *bot, clock, net::health_options(cfg->health));
        health->start();
    };
    start_health();
    boost::asio::signal_set signals(io, SIGINT, SIGTERM, SIGHUP);
    std::function<void()> arm;
    arm = [&] {
        signals.async_wait([&](const boost::system::error_code& ec, int sig) {
            if (ec) return;
            if (sig == SIGHUP) {
                spdlog::info("SIGHUP: re-reading {} and the token", path);
                auto fresh = config::load_config_file(path, net::config_sections(parts));
                if (!fresh.config) {
                    for (const auto& e : fresh.errors)
                        spdlog::error("new config refused: {}", e.to_string());
                    spdlog::error("keeping the running config");
                } else if (fresh.config->storage != cfg->storage) {
                    spdlog::error("new config refused: storage cannot change while running");
                } else {
                    const auto old_health = cfg->health;
                    cfg = fresh.config;
                    bot->set_config(cfg);
                    spdlog::info("config reloaded");
                    if (old_health.enabled != cfg->health.enabled ||
                        old_health.bind != cfg->health.bind || old_health.port != cfg->health.port)
                        start_health();
                }
                bot->reload_token();
                arm();
                return;
            }
            spdlog::info("stopping (signal {})", sig);
            if (health) health->stop();
            bot->stop([&] { io.stop(); });
        });
    };
    arm();
    bot->on_fatal([&] {
        if (health) health->stop();
        io.stop();
    });
    bot->start();
    io.run();
    spdlog::info("stopped");
    return bot->failed() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    auto parts = net::make_parts(all_features());
    CLI::App app{
        "dialoogbot: Matrix bot for reflective team practice (casusbespreking, "
        "intervisie, client input, \"alles kan, tenzij\")"};
    app.set_version_flag("--version", std::string("dialoogbot ") + DIALOOG_VERSION);
    std::string config_path, check_path;
    bool status = false;
    app.add_option("--config,-c", config_path, "YAML config file")->check(CLI::ExistingFile);
    app.add_option("--check-config", check_path,
                   "validate a config file and exit (0 valid, 1 with messages)");
    app.add_flag("--status", status, "print rooms, outbox, jobs and last sync from the database");
    app.require_subcommand(0, 1);

    auto* backup = app.add_subcommand("backup", "online backup of the database to a file");
    std::string backup_out;
    backup->add_option("--config,-c", config_path, "YAML config file")->required();
    backup->add_option("out", backup_out, "output file")->required();

    tools::register_subcommands(app, *parts, config_path);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    if (!check_path.empty()) {
        auto cfg = load_or_report(check_path, *parts);
        if (!cfg) return 1;
        std::cout << check_path << ": ok (" << cfg->teams.size()
                  << (cfg->teams.size() == 1 ? " team)\n" : " teams)\n");
        return 0;
    }
    if (*backup) {
        auto cfg = load_or_report(config_path, *parts);
        if (!cfg) return 1;
        return tools::backup_database(cfg->storage, backup_out);
    }
    for (auto* sub : app.get_subcommands()) {
        if (*sub) return tools::run_subcommand(sub->get_name(), *parts, config_path);
    }
    if (config_path.empty()) {
        std::cerr << "give --config PATH (see --help)\n";
        return 1;
    }
    if (status) {
        auto cfg = load_or_report(config_path, *parts);
        if (!cfg) return 1;
        return tools::print_status(*cfg, std::cout);
    }
    return run_bot(config_path, *parts);
}
