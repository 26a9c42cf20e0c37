#include "bot/tools/status.hpp"

namespace dialoog::tools {

void register_subcommands(CLI::App&, net::BotParts&, std::string&) {}

int run_subcommand(const std::string& name, net::BotParts&, const std::string&) {
    std::cerr << "unknown subcommand " << name << "\n";
    return 1;
}

}  // namespace dialoog::tools
